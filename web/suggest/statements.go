package suggest

import "strings"

// A cue may stand in a clause that describes a statement, pointing back to
// it with a pronoun (أدلى الرئيس بتصريح قال فيه إن، عقد الوزير مؤتمرا
// صحفيا أكد فيه أن): the one who speaks is whoever made the statement, the
// subject of the verb that opens the sentence, not a noun after فيه nor
// the last speaker named.

// statementPronouns follow such a cue and refer back to the statement.
var statementPronouns = normSet("فيه", "فيها")

// statementOwner is the subject of the verb opening the sentence of cue c
// when c is followed by فيه or فيها and a statement noun (with or without
// a joined ب: بتصريح) stands among the three words before it.
func (b *builder) statementOwner(c cue) subject {
	d := b.d
	i := d.wordAt(c.Start)
	if i+1 >= len(d.words) || d.words[i].Start != c.Start || !statementPronouns[d.words[i+1].Norm] {
		return subject{}
	}
	found := false
	for j := i - 1; j >= 0 && j >= i-3 && !d.hasSentenceEnd(d.words[j].End, d.words[j+1].Start); j-- {
		norm, _ := strings.CutPrefix(d.words[j].Norm, "ب")
		found = found || statementNoun(d.words[j].Norm) || statementNoun(norm)
	}
	if !found {
		return subject{}
	}
	first := i
	for first > 0 && !d.hasSentenceEnd(d.words[first-1].End, d.words[first].Start) {
		first--
	}
	if pastParticles[d.words[first].Norm] {
		first++
	}
	if first >= i || !b.opensVerbally(d.words[first]) || imperfect(d.words[first].Norm) {
		return subject{}
	}
	s := d.subjectAfter(d.words[first].End, c.Start, b.lx)
	if s.TooLong || s.Start >= s.End || d.wordAt(s.Start) != first+1 {
		return subject{}
	}
	return s
}

// joinedStatement reports whether a normalized word is a statement noun
// with a joined ب (بتصريح، ببيان): after a subject's first word it is the
// verb's object (أدلى الرئيس بتصريح), never part of the name.
func joinedStatement(norm string) bool {
	rest, ok := strings.CutPrefix(norm, "ب")
	return ok && len([]rune(rest)) > 2 && statementNoun(rest)
}

// statementObject reports whether word k is a statement or an occasion
// of speech without the article, followed by no genitive but by an
// adjunct, an accusative adjective or punctuation (ألقى الوزير كلمة خلال
// الحفل، عقد المتحدث مؤتمرا صحفيا): the verb's object. With a genitive
// after it, it is part of a title (رئيس مؤتمر الحوار) or the object of a
// preposition (عقب تصريحات وزير الدولة).
func (d *doc) statementObject(k int) bool {
	norm := d.words[k].Norm
	if strings.HasPrefix(norm, "ال") {
		return false
	}
	if stem, ok := strings.CutSuffix(norm, "ا"); ok && len([]rune(stem)) > 2 && statementNoun(stem) {
		norm = stem // تصريحا، مؤتمرا: the accusative of an object
	}
	if !statementNoun(norm) || textNouns[norm] {
		return false
	}
	if k+1 >= len(d.words) || !d.onlySpace(d.words[k].End, d.words[k+1].Start) {
		return true
	}
	next := d.words[k+1]
	return adjunctWords[next.Norm] || startsAdjunct(d, next) || !strings.HasPrefix(next.Norm, "ال") && strings.HasSuffix(next.Norm, "يا")
}

// tongueOf reads X in على لسان X ("by the tongue of X"), earlier in the
// sentence of cue c (وجاءت المفاجأة على لسان المراقب ...، حيث أكد أن):
// the one the news came from speaks the cue that has no subject of its
// own.
func (b *builder) tongueOf(c cue) subject {
	d := b.d
	for k := d.wordBefore(c.Start); k > 0 && !d.hasSentenceEnd(d.words[k].End, c.Start); k-- {
		if d.words[k].Norm != "لسان" || d.words[k-1].Norm != "على" && d.words[k-1].Norm != "علي" {
			continue
		}
		if s := d.subjectAfter(d.words[k].End, c.Start, b.lx); s.Start < s.End && !s.TooLong {
			return s
		}
		break
	}
	return subject{}
}

// passiveCues are passive forms (قيل إن، يقال إن): no one is named, not
// even by the clause before them.
var passiveCues = normSet("قيل", "يقال", "أشيع", "يشاع")

// passive reports whether cue c is a passive form, with or without و.
func (d *doc) passive(c cue) bool { return d.cueIn(c, passiveCues) }
