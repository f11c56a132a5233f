package suggest

// speakerOf is the speaker of quotation q introduced by cue c:
//   - none for a passive (قيل إن);
//   - the maker of a statement the cue's clause describes (statementOwner);
//   - the source found with the quotation (بحسب المصادر);
//   - the relayed source of نقل (نقلت الوكالة عن الوزير قوله);
//   - a topic set off by أما before the cue (أما الوزير فوصف ...);
//   - the explicit subject after the cue (speakerFor); one too long to
//     delimit gives no speaker rather than a wrong one;
//   - else an existing PER/ORG span right before the cue, in the same
//     clause (ومضى [الاعرجي] يقول “...”);
//   - else the noun a relative pronoun before the cue refers to
//     (antecedent), or for a participle the subject of the verb that
//     opens its sentence (mainVerbSubject);
//   - else a subject before the cue (الوزير قد أكد أن), subjectBefore;
//   - else the current speaker: the last one named (وأضاف، أن “...”).
func (b *builder) speakerOf(c cue, q quote, current *Span) *Span {
	limit := b.limit(q, c)
	if q.att != nil {
		return b.speakerFor(q.att.src, c.End, limit)
	}
	if b.d.passive(c) {
		return nil
	}
	if s := b.statementOwner(c); s.Start < s.End {
		return b.speakerFor(s, s.Start, s.End) // أدلى الرئيس بتصريح قال فيه
	}
	if s, ok := b.d.relayedSource(c, limit, b.lx); ok {
		if s.Start == s.End {
			return current
		}
		return b.speakerFor(s, c.End, limit)
	}
	if s := b.subjectBefore(c); s.Topic {
		return b.speakerFor(s, s.Start, s.End) // أما الوزير فوصف الاتفاق بأنه
	}
	if s := b.d.subjectAfter(c.End, limit, b.lx); !isParticiple(c.base) && (s.Start < s.End && !b.d.pronounOnly(s) || s.TooLong) {
		s = b.d.nameAfterTitle(s, limit, b.lx) // رئيس مجموعة عطية للاستشارات بيجان خاجيبور إن
		return b.speakerFor(s, c.End, limit)   // a participle's subject is its verb's: مشيرا كيف
	}
	if s := b.antecedent(c); s.Start < s.End {
		return b.speakerFor(s, s.Start, s.End) // رايس التي قالت إنه
	}
	if s := b.mainVerbSubject(c); s.Start < s.End {
		return b.speakerFor(s, s.Start, s.End) // أشاد الوزير ...، معتبرا أن
	}
	if s := b.clauseVerbSubject(c); s.Start < s.End {
		return b.speakerFor(s, s.Start, s.End) // وقد شرح السيد قو المشروع، وقال إنه
	}
	if b.d.impersonal(c) {
		if s := b.subjectBefore(c); s.Start < s.End {
			return b.speakerFor(s, s.Start, s.End) // المدير لايزال يعتقد أن
		}
		return nil // قيل إن، يعتقد أن: no one is named
	}
	if s := b.tongueOf(c); s.Start < s.End {
		return b.speakerFor(s, s.Start, s.End) // على لسان المراقب، حيث أكد
	}
	for _, e := range b.existing {
		if (e.Label == "PER" || e.Label == "ORG") && e.End <= c.Start && b.onlySpaces(e.End, c.Start) {
			return e
		}
	}
	if s := b.subjectBefore(c); s.Start < s.End {
		return b.speakerFor(s, s.Start, s.End)
	}
	if s := b.narratedSubject(c); current == nil && s.Start < s.End {
		return b.speakerFor(s, s.Start, s.End) // وتحدث الشيخ خالد ... . وقال انه
	}
	return current
}

func (b *builder) onlySpaces(start, end int) bool { return b.d.onlySpace(start, end) }

// limit is where the subject of cue c for quotation q must end: at the
// quotation when the cue precedes it, else at the end of the text.
func (b *builder) limit(q quote, c cue) int {
	if c.End <= q.Open {
		return q.Open
	}
	return len(b.d.rs)
}

// nextOpen is the start of the first quotation at or after pos.
func (b *builder) nextOpen(quotes []quote, pos int) int {
	for _, q := range quotes {
		if q.Open >= pos {
			return q.Open
		}
	}
	return len(b.d.rs)
}
