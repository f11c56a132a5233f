package suggest

import "strings"

// Rules that find the speaker of a cue with no subject of its own in the
// clause just before it, and that keep asides and a possessed statement
// out of a speaker phrase. Arabic news joins a report to the clause that
// introduced its speaker (وقد شرح السيد قو المشروع الجديد، وقال إنه ...؛
// وقد ابتدر الإمام عبدالله حديثه بشكر المجلة، مشيراً إلى أنه ...): the
// cue's subject is that clause's, not whoever was quoted last.

// asideWords open an aside about the speaker (الأستاذ قو وهو أيضاً مسلم):
// after a subject's first word they end it.
var asideWords = normSet("وهو", "وهي", "وهم", "وهما")

// possessedStatement reports whether a normalized word is a statement or
// an occasion of speech with a possessive pronoun (حديثه، تصريحاتها):
// after a subject's first word it is the verb's object, never part of the
// name (ابتدر الإمام عبدالله حديثه).
func possessedStatement(norm string) bool {
	n := stripArticle(norm)
	return statementNoun(norm) && !textNouns[n] && !occasionNouns[n]
}

// topicPreverbal stand between a topic set off by أما and its verb (أما
// الرئيس فقد اعتبر، أما النائب فإنه يقول): only after أما do they let a
// subject before the cue through.
var topicPreverbal = normSet("فقد", "فإنه", "فأنه", "فانه", "فإنها", "فأنها", "فانها", "فهو", "فهي")

// clauseVerbSubject is the subject of the clause right before cue c,
// when c has none of its own and follows that clause after a comma: the
// clause must open with a past verb (past وقد or قد: a present or future
// one describes, وسيضم المتحف تمثالا), hold no other cue, and
// its subject must start right after the verb and be headed as a subject
// is (headsSubject). A definite noun after a bare name is the verb's
// object and ends the subject (شرح السيد قو المشروع).
func (b *builder) clauseVerbSubject(c cue) subject {
	d := b.d
	i := d.wordAt(c.Start)
	if i < 2 || i >= len(d.words) || d.words[i].Start != c.Start || !d.onlyComma(d.words[i-1].End, c.Start) {
		return subject{} // after a closing mark the clause was someone's words
	}
	first := i - 1
	for first > 0 && !d.hasAny(d.words[first-1].End, d.words[first].Start, clausePunct+"()"+quoteMarks) {
		first--
	}
	if pastParticles[d.words[first].Norm] {
		first++
	}
	if first+1 >= i || !b.opensVerbally(d.words[first]) || imperfect(d.words[first].Norm) {
		return subject{}
	}
	for _, w := range d.words[first : i-1] {
		if _, isCue := b.lx.match(w.Norm); isCue && d.namesOwnSubject(w, d.words[i-1].End, b.lx) {
			return subject{} // a cue in the clause named its own speaker
		}
	}
	s := d.subjectAfter(d.words[first].End, d.words[i-1].End, b.lx)
	if s.TooLong || s.Start >= s.End || d.wordAt(s.Start) != first+1 || !b.headsSubject(d.words[first+1]) {
		return subject{}
	}
	s.End = d.nameBeforeObject(first+1, s.End)
	return s
}

// namesOwnSubject reports whether cue word w, inside a clause ending at
// end, is followed by a subject of its own: one with none (عقد الوزير
// مؤتمرا اكد فيه أن) speaks for the clause's subject.
func (d *doc) namesOwnSubject(w word, end int, lx lexicon) bool {
	k := d.wordAt(w.Start)
	if k+1 < len(d.words) && statementPronouns[d.words[k+1].Norm] {
		return false // أكد فيه: the statement's maker, the clause's subject
	}
	s := d.subjectAfter(w.End, end, lx)
	return s.Start < s.End || s.TooLong
}

// pastParticles stand before a past verb opening a clause (وقد شرح).
var pastParticles = normSet("وقد", "قد", "لقد", "ولقد")

// nameBeforeObject ends a verb's subject that starts at word k and ends
// at end before its object: the first definite word after a bare one,
// unless it is a relative adjective (الكورية), the name of God in a
// name (عبد الله) or the genitive of a title or body (وزير الزراعة).
func (d *doc) nameBeforeObject(k, end int) int {
	for j := k + 1; j < len(d.words) && d.words[j].End <= end; j++ {
		w, prev := d.words[j].Norm, d.words[j-1].Norm
		if strings.HasPrefix(prev, "ال") || !strings.HasPrefix(w, "ال") || w == "الله" || sourceHeads[prev] || institutionWords[prev] ||
			strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "ية") {
			continue
		}
		return d.words[j-1].End
	}
	return end
}

// onlyComma reports whether start..end holds one comma and spaces.
func (d *doc) onlyComma(start, end int) bool {
	commas := 0
	for i := start; i < end; i++ {
		switch {
		case isRune(d.rs[i], "،,"):
			commas++
		case !isRune(d.rs[i], " \t"):
			return false
		}
	}
	return commas == 1
}

// imperfect reports whether a normalized word, with or without و or ف,
// looks like a present or future verb (يضم، سيضم، ستقوم).
func imperfect(norm string) bool {
	rest := strings.TrimLeft(norm, "وف")
	return strings.HasPrefix(rest, "ي") || strings.HasPrefix(rest, "سي") || strings.HasPrefix(rest, "ست") ||
		strings.HasPrefix(rest, "سن")
}

// nameFollows reports whether word k, a preposition with a pronoun right
// after a cue (قالت لنا مرافقتنا), is followed by a word with only spaces
// between: before a colon (قال لنا :) nothing else names the speaker.
func (d *doc) nameFollows(k int) bool {
	return k+1 < len(d.words) && d.onlySpace(d.words[k].End, d.words[k+1].Start)
}
