package suggest

import (
	"cmp"
	"slices"
	"strings"
)

// subject is the noun phrase right after a cue verb: Arabic news reports
// speech verb-first (وقال الناطق باسم الجهاز صباح النعمان، للقناة ... إن).
type subject struct {
	Start, End int  // Start == End: the cue has no explicit subject (وأضاف، أن)
	Closed     bool // a comma or another cue ended the phrase (وأضاف الوزير قائلاً)
	TooLong    bool // no adjunct or punctuation ended it within eight words
	Topic      bool // a subject before its verb, set off by أما (أما الوزير فقال)
}

// subjectAfter reads the subject after a cue ending at pos, stopping
// before limit, at punctuation (a comma, a colon, a bracket, a dash, a
// quotation mark, a sentence end), at a complementizer (إن، أن), at a preposition
// or time word that starts an adjunct (في، عن، إلى، للقناة، اليوم) or at
// another cue word (قال الوزير مضيفاً). A phrase that starts with any of
// those is empty.
//
// A phrase of more than nine words, which only a title or an honorific
// allows, is too long when a word of ل in it is followed by a bare word
// or a family name (صرح الوزير لمحمد السعدني نائب رئيس التحرير بأن):
// the ل names whom the speech was addressed to, not the title's body
// (نائب رئيس اللجنة الملكية لإعمار المسجد الأقصى).
func (d *doc) subjectAfter(pos, limit int, lx lexicon) subject {
	s := d.subjectPhrase(pos, limit, lx)
	if ws := d.wordsIn(s.Start, s.End); len(ws) > 9 {
		for j, w := range ws[1 : len(ws)-1] {
			if next := ws[j+2].Norm; strings.HasPrefix(w.Norm, "ل") && !strings.HasPrefix(w.Norm, "لل") &&
				(!strings.HasPrefix(next, "ال") || strings.HasSuffix(next, "ي")) {
				return subject{Start: pos, End: pos, TooLong: true} // صرح الوزير لمحمد السعدني نائب رئيس التحرير
			}
		}
	}
	return s
}

// subjectPhrase reads the phrase subjectAfter returns.
func (d *doc) subjectPhrase(pos, limit int, lx lexicon) subject {
	s := subject{Start: pos, End: pos}
	prevEnd, n, maxWords := pos, 0, 8
	for k := d.wordAt(pos); k < len(d.words) && d.words[k].End <= limit; k++ {
		w := d.words[k]
		if d.hasSentenceEnd(prevEnd, w.Start) {
			return s
		}
		_, isCue := lx.match(w.Norm)
		if d.hasAny(prevEnd, w.Start, "،,") || isCue {
			s.Closed = n > 0
			if end, ok := d.appositionAfter(k, limit, lx); ok && n > 1 && !isCue {
				s.End = end // وقال سيمون هول ، المسؤول الدولي في " جامعة آستون " :
			}
			return s
		}
		if n == 0 && (pronounPreps[w.Norm] && d.nameFollows(k) || d.addressee(k)) {
			prevEnd = w.End // كشفت عنه القناة، وقال لرويترز إن: the subject follows
			continue
		}
		if end, ok := d.quotedNameAfter(k, n, limit); ok {
			s.End = end // أوردت وكالة " يونهاب " الكورية أن
			return s
		}
		if d.hasAny(prevEnd, w.Start, ":()[]-–—ـ"+quoteMarks) && !d.nameHyphen(k, n) || d.prepOfComplement(k) || d.adjunctAfter(k, n) ||
			d.cuePrep(pos, k, limit, lx) {
			return s
		}
		if endsSubject(d, w, n) {
			if !d.titleGoesOn(k, n, s.Start) {
				return s
			}
			maxWords += 2 // a title's prepositional phrase: للأمم المتحدة
		}
		if n == 0 {
			s.Start = w.Start
			if honorifics[w.Norm] || sourceHeads[stripArticle(w.Norm)] || personTitles[stripArticle(w.Norm)] {
				maxWords = maxHonoredWords // سعادة الدكتور محمد بن حمد سيف الرمحي وزير النفط والطاقة العماني
			}
		}
		s.End, prevEnd = w.End, w.End
		if n++; n > maxWords {
			return subject{Start: pos, End: pos, TooLong: true}
		}
	}
	return s
}

// honorifics open the formal style of a name, which runs on with a title,
// the full name and the office (سعادة الدكتور محمد بن حمد سيف الرمحي وزير
// النفط والطاقة العماني): after one, a subject may hold maxHonoredWords.
var honorifics = normSet("سعادة", "معالي", "فخامة", "جلالة", "سمو", "صاحب", "سماحة", "نيافة")

const maxHonoredWords = 12

// personTitles come before a person's name (المهندس مصطفى الأحول رئيس
// مجلس الأعمال المصري): like an honorific, and like a title of office
// (sourceHeads), they open a name that runs on with an office.
var personTitles = normSet("دكتور", "دكتورة", "مهندس", "شيخ", "سيد", "سيدة", "أستاذ", "لواء", "عميد", "عقيد", "وزيرة")

// endsSubject reports whether word w, the nth of a subject phrase, ends
// it: a complementizer, an adjunct, a new clause, a relative pronoun (the
// speaker is given without its relative clause: وقال باتشان الذي يزور
// بريطانيا إنه), a verbal noun without
// the article that starts the object (نفى الوزير صحة الأنباء), or a
// phrase-initial من or مع, which start an adjunct, never a name.
func endsSubject(d *doc, w word, n int) bool {
	return complementizers[w.Norm] || adjunctWords[w.Norm] || clauseWords[w.Norm] || relatives[w.Norm] || startsAdjunct(d, w) ||
		sayingNouns[w.Norm] || connectives[w.Norm] || becauseWords[w.Norm] ||
		isBareContentNoun(w.Norm) || propositionNouns[w.Norm] || (n == 0 && (w.Norm == "من" || w.Norm == "مع")) ||
		n > 0 && (asideWords[w.Norm] || possessedStatement(w.Norm) || joinedStatement(w.Norm)) || endsSpeakerPhrase(w.Norm, n)
}

// propositionNouns take a clause after أن as their complement (رفض
// الممثل فكرة أن ...): without the article they are the verb's object,
// never part of its subject.
var propositionNouns = normSet("فكرة", "حقيقة", "احتمال", "إمكانية", "امكانية", "مقولة", "زعم", "ادعاء")

// prepOfComplement reports whether word k is من before a complementizer
// (حذر الدول من أن), which belongs to the verb, not to the subject.
func (d *doc) prepOfComplement(k int) bool {
	return d.words[k].Norm == "من" && k+1 < len(d.words) && complementizers[d.words[k+1].Norm]
}

// speakerLabel is ORG for a phrase headed by an institution word (جهاز
// مكافحة الإرهاب، الوزارة), PER otherwise: a speech verb's subject is
// mostly a person, often with a title (الناطق باسم ..., وزير ...).
func (d *doc) speakerLabel(s subject) string {
	k := d.wordAt(s.Start)
	if k < len(d.words) && institutionWords[stripArticle(d.words[k].Norm)] {
		return "ORG"
	}
	return "PER"
}

// governing finds the cue of quotes[qi] and whether it continues the
// previous quotation. In order of preference:
//   - the nearest cue before the quotation, after the previous quotation,
//     in the same sentence and within twenty words (وقال ... إن “...”);
//   - the previous quotation's cue, when only spaces, commas and و
//     separate the two (“...”، و“...”): the same speech goes on;
//   - a cue right after the quotation, past a comma (“...”، قال الوزير)
//     or a demonstrative pointing back to it (« ... » هذا ما قاله).
func (b *builder) governing(qi int, quotes []quote, cues []cue) (c int, continues bool) {
	q := quotes[qi]
	if q.att != nil {
		return slices.IndexFunc(cues, func(c cue) bool { return c.Start == q.att.cue.Start }), false
	}
	prevEnd := 0
	for _, p := range quotes[:qi] {
		if p.Close <= q.Open {
			prevEnd = max(prevEnd, p.Close)
		}
	}
	for i := len(cues) - 1; i >= 0; i-- {
		c := cues[i]
		if c.End > q.Open || c.Start < prevEnd {
			continue
		}
		near := b.d.wordAt(q.Open)-b.d.wordAt(c.End) <= 20
		if near && !b.d.hasSentenceEnd(c.End, q.Open) {
			return i, false
		}
		break
	}
	if qi > 0 && quotes[qi-1].Close <= q.Open && b.onlyJoiners(quotes[qi-1].Close, q.Open) {
		return -1, true
	}
	after := q.Close
	for after < len(b.d.rs) && isRune(b.d.rs[after], " ،,") {
		after++
	}
	after = b.d.pastEcho(after)
	for i, c := range cues {
		if c.Start == after && after > q.Close {
			return i, false
		}
	}
	return -1, false
}

// onlyJoiners reports whether start..end holds nothing but spaces, commas
// and the conjunction و.
func (b *builder) onlyJoiners(start, end int) bool {
	for i := start; i < end; i++ {
		if !isRune(b.d.rs[i], " ،,و") {
			return false
		}
	}
	return true
}

// staleAfter is how many sentences the current speaker outlives without
// being named or quoted again: a cue with no subject of its own refers to
// someone just mentioned (وأضاف، وقال إن), and once a sentence of
// narration has come between, most often to the person that narration
// is about (ونفذ محفوظ ... . وقال إنه), not to the last speaker quoted;
// no speaker is then better than a wrong one.
const staleAfter = 1

// attribute links every quotation to its cue and speaker (speakerOf). A
// quotation that continues the previous one shares its cue and speaker; a
// quotation with no cue gets no speaker and changes nothing. Cues that
// introduce no quotation still name the current speaker when their
// subject is closed by a comma or a cue (وفي وقت سابق، أعلن جهاز مكافحة
// الإرهاب، تعزيز ...) or is followed by what was said (saysThat) or by
// the cue's own preposition (takesContentPrep), for a later cue without
// subject, until it goes stale (staleAfter).
func (b *builder) attribute(quotes []quote, cues []cue) {
	isGoverning := map[int]bool{}
	gov := make([]int, len(quotes))
	cont := make([]bool, len(quotes))
	for qi := range quotes {
		gov[qi], cont[qi] = b.governing(qi, quotes, cues)
		isGoverning[gov[qi]] = true
	}
	var current, speaker *Span
	c, ci, currentAt := -1, 0, 0
	for qi, q := range quotes {
		for ; ci < len(cues) && cues[ci].Start < q.Open; ci++ {
			if isGoverning[ci] {
				continue
			}
			limit := b.nextOpen(quotes, cues[ci].End)
			if s := b.d.subjectAfter(cues[ci].End, limit, b.lx); s.Closed || b.d.saysThat(s, limit, b.lx) || b.d.takesContentPrep(cues[ci], s) {
				current, currentAt = b.speakerFor(s, cues[ci].End, cues[ci].End), cues[ci].End
			}
		}
		if !cont[qi] {
			speaker, c = nil, gov[qi]
			if c >= 0 {
				if b.d.sentenceEnds(currentAt, cues[c].Start) > staleAfter {
					current = nil
				}
				speaker = b.speakerOf(cues[c], q, current)
				current, currentAt = cmp.Or(speaker, current), max(q.End, cues[c].End)
				if speaker == nil && b.namesText(cues[c], q) {
					current = nil // وأضاف التقرير ...: a later وأشار is the text's too
				}
			}
		}
		if speaker != nil {
			b.relate("speaker", q.span, speaker)
		}
		if c >= 0 {
			b.relate("cue", q.span, cues[c].span)
		}
	}
}

// speakerFor resolves a subject phrase to a span: the best existing PER or
// ORG span overlapping it (a PER before an ORG: in الناطق باسم [الجهاز]
// [صباح النعمان] the person speaks; then the longer), else a planned
// proposal. A phrase too long to trust falls back to the first existing
// PER/ORG span between the cue and the quotation, if any.
func (b *builder) speakerFor(s subject, from, to int) *Span {
	if !s.TooLong && b.d.textHead(s) {
		return nil // كشف تقرير، أظهر استطلاع: a text is no speaker
	}
	if s.TooLong {
		if ex := b.existingIn(from, to); len(ex) > 0 {
			return ex[0]
		}
		return nil
	}
	var best *Span
	for _, e := range b.existingIn(s.Start, s.End) {
		if best == nil || better(e, best) {
			best = e
		}
	}
	if best != nil {
		return best
	}
	return b.plan(s.Start, s.End, b.d.speakerLabel(s), nil)
}

func better(a, b *Span) bool {
	if (a.Label == "PER") != (b.Label == "PER") {
		return a.Label == "PER"
	}
	return a.End-a.Start > b.End-b.Start
}
