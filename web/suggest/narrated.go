package suggest

import "strings"

// narratedSubject is the subject of the sentence before cue c, when c
// opens its own sentence with no subject and no speaker is current: a
// report that follows a sentence of narration about someone goes on
// about them (وتحدث الشيخ خالد عن خسارته وظيفته ... . وقال انه لم
// يتوقف), as Arabic news drops a subject it has just named. That
// sentence must open with a past verb (a present one describes: يشعر
// المرء) whose subject starts right after it, is headed as a subject is
// (headsSubject) and agrees with the cue in gender (وبدأت المرحلة الثانية
// ... . وقال إنه: the stage says nothing); a definite noun after a bare
// name is the verb's object and ends the subject (nameBeforeObject).
func (b *builder) narratedSubject(c cue) subject {
	d := b.d
	i := d.wordAt(c.Start)
	if i < 2 || i >= len(d.words) || d.words[i].Start != c.Start || !d.hasSentenceEnd(d.words[i-1].End, c.Start) {
		return subject{}
	}
	last := i - 1
	first := last
	for first > 0 && !d.hasSentenceEnd(d.words[first-1].End, d.words[first].Start) {
		first--
	}
	first = d.pastSide(first, last)
	if pastParticles[d.words[first].Norm] {
		first++
	}
	if s := b.speakerNamedAgain(first, last); s.Start < s.End {
		return s // وخالد اليوم متزوج ... . ويوضح « ... »
	}
	verb := d.words[first]
	if first+1 > last || !b.opensVerbally(verb) || imperfect(verb.Norm) || !b.headsSubject(d.words[first+1]) ||
		!sameGender(verb.Norm, d.words[i].Norm) {
		return subject{}
	}
	end := d.words[last].End
	for end < c.Start && !d.isSentenceEnd(end) {
		end++ // past a closing mark: وكتبت صحيفة " المستقبل " ... " .
	}
	s := d.subjectAfter(verb.End, end, b.lx)
	if s.TooLong || s.Start >= s.End || d.wordAt(s.Start) != first+1 {
		return subject{}
	}
	s = d.beforeObjectOfB(verb, s)
	if !d.hasAny(s.Start, s.End, quoteMarks) {
		s.End = d.nameBeforeObject(first+1, s.End) // not inside صحيفة " المستقبل "
	}
	return s
}

// sameGender reports whether a past verb opening a sentence and a later
// cue without subject can share a subject: a singular cue is feminine
// when it ends in ت (قالت) or, present, starts with ت (وتقول), and a
// verb before its subject agrees with it in gender, not in number, so a
// plural cue (واعتبرا، وقالوا) is not checked.
func sameGender(verb, cueWord string) bool {
	v, c := strings.TrimLeft(verb, "وف"), strings.TrimLeft(cueWord, "وف")
	if strings.HasSuffix(c, "وا") || strings.HasSuffix(c, "ون") || strings.HasSuffix(c, "ان") || strings.HasSuffix(c, "تا") {
		return true
	}
	cueFeminine := strings.HasSuffix(c, "ت") || imperfect(c) && (strings.HasPrefix(c, "ت") || strings.HasPrefix(c, "ست"))
	return strings.HasSuffix(v, "ت") == cueFeminine
}

// pastSide skips a phrase naming whose side a sentence gives (من ناحيته
// أشاد الوزير، ومن جانبها قالت), which stands before its verb, from word
// first; it returns the verb's index, or first when there is none.
func (d *doc) pastSide(first, last int) int {
	if first+2 <= last && (d.words[first].Norm == "من" || d.words[first].Norm == "ومن") && sideWords[d.words[first+1].Norm] {
		return first + 2
	}
	return first
}

// praiseVerbs take their object with ب (أشاد الوزير بالجهود، رحب المجلس
// بالقرار، طالب النواب بالتحقيق): after one of them a word of ب with the
// article is that object, not part of the subject.
var praiseVerbs = normSet("أشاد", "رحب", "نوه", "ندد", "طالب", "أقر", "اعترف", "أمر", "تعهد", "أدلى", "تقدم", "احتفى")

// beforeObjectOfB ends subject s, read after word verb, before the
// object one of praiseVerbs takes with ب.
func (d *doc) beforeObjectOfB(verb word, s subject) subject {
	v := strings.TrimLeft(verb.Norm, "وف")
	if !praiseVerbs[v] && !praiseVerbs[verb.Norm] && !praiseVerbs[strings.TrimSuffix(v, "ت")] {
		return s // أشاد، وأقرت
	}
	for k := d.wordAt(s.Start) + 1; k < len(d.words) && d.words[k].End <= s.End; k++ {
		if strings.HasPrefix(d.words[k].Norm, "بال") {
			s.End = d.words[k-1].End
			break
		}
	}
	return s
}

// speakerNamedAgain is the name opening the sentence of words first to
// last, with its conjunction (وخالد اليوم متزوج), when it repeats the last
// words of a speaker already related to a quotation before it (الشيخ
// خالد): a sentence that opens with someone quoted is about them.
func (b *builder) speakerNamedAgain(first, last int) subject {
	d := b.d
	for _, r := range b.rels {
		if r.typ != "speaker" || r.to.End > d.words[first].Start {
			continue
		}
		names := d.wordsIn(r.to.Start, r.to.End)
		for n := min(len(names), 3); n >= 1; n-- {
			tail := names[len(names)-n:]
			if first+n-1 > last || !b.sameName(first, tail) {
				continue
			}
			return subject{Start: d.words[first].Start, End: d.words[first+n-1].End}
		}
	}
	return subject{}
}

// sameName reports whether the words from first on spell names, the
// first with or without a conjunction و.
func (b *builder) sameName(first int, names []word) bool {
	d := b.d
	for j, w := range names {
		got := d.words[first+j].Norm
		if j == 0 {
			got = strings.TrimPrefix(got, "و")
		}
		if got != w.Norm || len([]rune(got)) < 3 || !b.nominal(w) {
			return false
		}
	}
	return true
}

// wordsIn returns the words inside start..end.
func (d *doc) wordsIn(start, end int) []word {
	var out []word
	for k := d.wordAt(start); k < len(d.words) && d.words[k].End <= end; k++ {
		out = append(out, d.words[k])
	}
	return out
}
