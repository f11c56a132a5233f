package suggest

import "strings"

// Rules that find the speaker of a cue with no subject of its own from the
// syntax of its clause, before falling back on the last speaker named: a
// cue inside a relative clause speaks for the noun the relative pronoun
// refers to, and a participle (مشيرا، معتبرا، قائلا) shares the subject
// of the verb its clause hangs on, whether or not that verb is a cue.

// antecedent reads the noun phrase that a relative pronoun right before
// cue c refers to: in مع وزيرة الخارجية كوندوليزا رايس التي قالت إنه the
// one who speaks is رايس, not whoever spoke last. The phrase runs back
// from the pronoun over at most six words, to punctuation or to a word
// that cannot be part of it (a preposition, a particle, a cue, a
// complementizer); a longer run is too uncertain and gives none.
func (b *builder) antecedent(c cue) subject {
	d := b.d
	k := d.wordBefore(c.Start)
	if k < 1 || !relatives[d.words[k].Norm] || !d.onlySpace(d.words[k].End, c.Start) {
		return subject{}
	}
	end := d.words[k-1].End
	start, n := end, 0
	for j := k - 1; j >= 0 && d.onlySpace(d.words[j].End, start); j-- {
		if b.outsidePhrase(d.words[j]) {
			break
		}
		if n++; n > 6 {
			return subject{}
		}
		start = d.words[j].Start
	}
	if n == 0 || statementNoun(d.words[d.wordAt(start)].Norm) {
		return subject{} // تصريحه الذي قال فيه: the statement is no speaker
	}
	return subject{Start: start, End: end}
}

// statementNoun reports whether a normalized word names a text or an
// occasion of speech, with or without the article or a possessive pronoun
// (البيان، تصريحه، كلمتها): the one it belongs to speaks, not the text.
func statementNoun(norm string) bool {
	n := stripArticle(norm)
	for _, suffix := range []string{"هما", "هم", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(n, suffix); ok && len([]rune(stem)) > 2 {
			n = stem
			break
		}
	}
	if stem, ok := strings.CutSuffix(n, "ت"); ok && !textNouns[n] && !occasionNouns[n] {
		n = stem + "ة" // كلمته: the ة of كلمة is written ت before a pronoun
	}
	return textNouns[n] || occasionNouns[n]
}

// outsidePhrase reports whether w cannot belong to a noun phrase read
// backwards from a relative pronoun: a preposition or time adverb (مع،
// في، اليوم), a particle or complementizer, a cue, or a word with a
// joined preposition (للقناة، بالقاهرة).
func (b *builder) outsidePhrase(w word) bool {
	norm := w.Norm
	if adjunctWords[norm] || norm == "مع" || norm == "من" || !b.nominal(w) || startsAdjunct(b.d, w) ||
		relativeMa[norm] || b.cueWithObject(norm) {
		return true
	}
	return strings.HasPrefix(norm, "بال") || strings.HasPrefix(norm, "وال") && timeNouns[stripArticle(norm[len("و"):])]
}

// relativeMa are ما with a preposition or alone, which open a relative
// clause (طبقا لما قاله متحدث): no noun phrase runs back over them.
var relativeMa = normSet("ما", "لما", "مما", "بما", "عما", "كما")

// cueWithObject reports whether a normalized word is a cue verb with an
// object pronoun (قاله، ذكرته، أعلنها): a verb, never part of a noun phrase.
func (b *builder) cueWithObject(norm string) bool {
	for _, suffix := range []string{"ها", "هم", "ه"} {
		if stem, ok := strings.CutSuffix(norm, suffix); ok && len([]rune(stem)) > 2 {
			if _, isCue := b.lx.match(stem); isCue {
				return true
			}
		}
	}
	return false
}

// mainVerbSubject is the subject of the verb that opens the sentence of
// participle cue c, when no cue stands between them: in أشاد الوزير
// بالدور ...، معتبرا أن and ورفض بولتون الاحد ...، معتبرا أن the
// participle's subject is the verb's, though أشاد and رفض report no
// speech; when the opening verb is itself a cue (ودعا الوزير ...، معتبرا)
// its subject is the same. The opening word must look like a verb: not definite, not a
// particle, preposition or complementizer, and followed by a subject
// phrase that subjectAfter can delimit.
func (b *builder) mainVerbSubject(c cue) subject {
	d := b.d
	if !isParticiple(c.base) {
		return subject{}
	}
	i := d.wordAt(c.Start)
	first := b.clauseOpening(i)
	if first < 0 {
		first = i
		for first > 0 && !d.hasSentenceEnd(d.words[first-1].End, d.words[first].Start) {
			first--
		}
		first = d.pastSide(first, i-1) // من ناحيته أشاد الوزير ...، مشيرا
	}
	if first >= i || !b.opensVerbally(d.words[first]) {
		return subject{}
	}
	for _, w := range d.words[first+1 : i] {
		if _, isCue := b.lx.match(w.Norm); isCue {
			return subject{} // the cue before names the current speaker
		}
	}
	s := d.subjectAfter(d.words[first].End, c.Start, b.lx)
	if s.TooLong || s.Start >= s.End || d.wordAt(s.Start) != first+1 {
		return subject{}
	}
	return d.beforeObjectOfB(d.words[first], s)
}

// clauseOpening is the first word of the clause that holds the word
// before participle i, when the participle follows it with no comma and
// the clause opens with a past verb after a comma (أقامت اللجنة حفلا،
// وألقى الوزير كلمة شكر فيها المنظمين مشيرا إلى أن): the participle hangs
// on that nearer verb, not on the one opening the sentence. It is -1 when
// there is none.
func (b *builder) clauseOpening(i int) int {
	d := b.d
	if i < 2 || !d.onlySpace(d.words[i-1].End, d.words[i].Start) {
		return -1
	}
	first := i - 1
	for first > 0 && !d.hasAny(d.words[first-1].End, d.words[first].Start, clausePunct+"()"+quoteMarks) {
		first--
	}
	if first == 0 || !d.onlyComma(d.words[first-1].End, d.words[first].Start) {
		return -1
	}
	if pastParticles[d.words[first].Norm] {
		first++
	}
	if first+1 >= i || !b.opensVerbally(d.words[first]) || imperfect(d.words[first].Norm) {
		return -1
	}
	return first
}

// opensVerbally reports whether w, the first word of a sentence, may be
// its verb: Arabic news is mostly verb-first, and a word that is not
// definite, not a number, and no particle, preposition, connective or
// complementizer is most often the verb (أشاد، ورفض، ودعا).
func (b *builder) opensVerbally(w word) bool {
	norm := w.Norm
	if rest, ok := cutConj(norm); ok {
		norm = rest
	}
	if strings.HasPrefix(norm, "ال") && !b.hamzaAl(w) || len([]rune(norm)) < 3 || adjunctWords[norm] || notSubjects[norm] ||
		kana[norm] || topicWords[norm] || sideWords[norm] || timeNouns[norm] || temporalConjunctions[norm] ||
		norm == "مع" || norm == "من" {
		return false
	}
	for _, r := range norm {
		if r < 'ء' || r > 'ي' {
			return false // a digit or a Latin word
		}
	}
	_, isCue := b.lx.match(w.Norm)
	return isCue || b.nominal(w)
}

// hamzaAl reports whether w, after a conjunction و, is written with أ or
// إ before ل (ألقى، ألمح): a verb, which normalize makes look like the
// article.
func (b *builder) hamzaAl(w word) bool {
	rs := b.d.rs[w.Start:w.End]
	if len(rs) > 3 && rs[0] == 'و' {
		rs = rs[1:]
	}
	return len(rs) > 2 && (rs[0] == 'أ' || rs[0] == 'إ') && rs[1] == 'ل'
}

// temporalConjunctions open a subordinate clause of time (وعندما عدنا به
// إلى البيت، ظل معتقداً): the verb after them is not the sentence's main
// verb, so their clause gives a participle no subject.
var temporalConjunctions = normSet("عندما", "حينما", "حين", "لما", "بعدما", "كلما", "ريثما", "متى", "لو", "لولا")

// saysThat reports whether subject s, read after a cue, is followed in its
// sentence by a complementizer before limit, within twelve words and with
// no other cue between: ويقول يحيى بيرت في اتصال هاتفي ... ان هناك. Such a
// cue reports speech though its content was not found (its reported
// clause may hold marks or words the quotation rules do not follow), so
// its subject is the one a later cue without subject refers to (واوضح :
// « ... »).
func (d *doc) saysThat(s subject, limit int, lx lexicon) bool {
	if s.Start >= s.End || s.TooLong {
		return false
	}
	prevEnd := s.End
	for k, n := d.wordAt(s.End), 0; k < len(d.words) && d.words[k].End <= limit && n < 12; k, n = k+1, n+1 {
		w := d.words[k]
		if d.hasSentenceEnd(prevEnd, w.Start) {
			return false
		}
		if complementizers[w.Norm] {
			return true
		}
		if _, isCue := lx.match(w.Norm); isCue {
			return false
		}
		prevEnd = w.End
	}
	return false
}
