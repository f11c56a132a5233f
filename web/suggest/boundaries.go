package suggest

import "strings"

// Where reported speech ends when no punctuation says so. Read off the
// dev sets' quotations that the suggester ran past: the writer goes on in
// a clause of his own, or names the source after the content.

// contrastOpeners (فيما، بينما، في حين) set another fact beside the
// speech, which the annotators end the quotation before, comma or not
// (أن المحامين سيحضرون في حين سيحضر أربعة فقط). فيما بعد ("later") and
// فيما يتعلق ("as for") are not clauses.
var (
	contrastOpeners = normSet("فيما", "بينما", "وفيما", "وبينما")
	notContrast     = normSet("بعد", "يتعلق", "يخص", "يلي", "يبدو")
)

// opensContrast reports whether word k opens a contrasting clause.
func (d *doc) opensContrast(k int) bool {
	w := d.words[k].Norm
	if contrastOpeners[w] {
		return k+1 >= len(d.words) || !notContrast[d.words[k+1].Norm]
	}
	return d.startsPhrase(k, [][]string{{"في", "حين"}})
}

// namesSourceAfter reports whether word k names, after the content, the
// source of what precedes it with a speech verb of its own: a connective
// with a relative clause (خرجت الأمور عن السيطرة طبقا لما قاله متحدث،
// حسبما ذكرت الوكالة), a new attribution as a cue is; or على حد قول / على
// حد تعبير / على حد ما ("in the words of"). A connective with a noun
// (بحسب شهادة هيئة الدفاع) stays inside: the annotators keep it in the
// speech of the cue before it, and quote the clause for its source too.
func (d *doc) namesSourceAfter(k int, lx lexicon) bool {
	if d.startsPhrase(k, [][]string{{"على", "حد"}, {"علي", "حد"}}) && k+2 < len(d.words) {
		next := d.words[k+2].Norm
		return next == "قول" || next == "تعبير" || next == "وصف" || next == "ما"
	}
	w := d.words[k].Norm
	if !connectives[w] || k+2 >= len(d.words) {
		return false
	}
	verb := k + 1
	if w != "حسبما" && w != "وحسبما" {
		if rel, _ := withoutL(d.words[k+1].Norm); rel != "ما" {
			return false
		}
		verb++
	}
	return lx.present(d.words[verb].Norm) || resumptive(d.words[verb].Norm, lx)
}

// resumptive reports whether a normalized word is a cue with an object
// pronoun referring back (قاله، ذكرته، أعلنها).
func resumptive(norm string, lx lexicon) bool {
	for _, p := range []string{"ته", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(norm, p); ok {
			if _, ok := lx.match(stem); ok {
				return true
			}
		}
	}
	return false
}

// ownComplement reports whether word k, after a comma, is a verb with a
// conjunction that takes a complementizer of its own and is no cue
// (، ويبدو أن الذكور ...، ونعرف أن الميناء ...): a new proposition, the
// writer's. Modal verbs (ويمكن أن، وعلينا أن) go on with the speech, and
// وأن itself is the speech's second object.
func (d *doc) ownComplement(k int, lx lexicon) bool {
	if k+1 >= len(d.words) || !d.hasAny(d.words[k-1].End, d.words[k].Start, "،,") {
		return false
	}
	w := d.words[k].Norm
	rest, ok := strings.CutPrefix(w, "و")
	if !ok || complementizers[rest] || notComplementizer[rest] || modals[rest] || !complementizers[d.words[k+1].Norm] {
		return false
	}
	_, isCue := lx.match(w)
	return !isCue
}

// modals take أن inside the speech: ويمكن أن، وعلينا أن، ويجب أن.
var modals = normSet("علينا", "عليه", "عليها", "عليهم", "علي", "على", "يمكن", "يجب", "ينبغي", "لابد", "يتعين")

// asked extends a quotation that ends at a question or exclamation mark
// over it (ما رأيكم ؟، متسلق الجبال !): the mark is the speaker's tone,
// where a full stop is the writer's.
func (d *doc) asked(end int) int {
	i := end
	for i < len(d.rs) && isRune(d.rs[i], " \t\u200e\u200f") {
		i++
	}
	if i >= len(d.rs) || !isRune(d.rs[i], "?؟!") {
		return end
	}
	for i < len(d.rs) && isRune(d.rs[i], "?؟! \t") {
		i++
	}
	_, e := d.trim(end, i)
	return e
}

// balanced moves end so that the quotation holds both brackets of a pair
// or neither: the annotators keep a closing bracket whose opening one the
// speech holds (عديمة اللبدة ( الشعر حول العنق )) and leave out the
// bracket of an aside the speech stands in (( ... في هذا المكان )).
func (d *doc) balanced(start, end int) int {
	open := strings.Count(string(d.rs[start:end]), "(") - strings.Count(string(d.rs[start:end]), ")")
	switch {
	case open > 0:
		i := end
		for i < len(d.rs) && isRune(d.rs[i], " \t\u200e\u200f") {
			i++
		}
		if i < len(d.rs) && d.rs[i] == ')' {
			return i + 1
		}
	case open < 0 && end > start && d.rs[end-1] == ')':
		_, end = d.trim(start, end-1)
	}
	return end
}

// speechEnd is where unmarked direct speech after a colon ends (قال :
// إن أجدادنا كانوا عربا، إلا أنه ...): the colon hands the sentence to the
// speaker, so the writer's clause openers (إلا أن، أما، كما) are the
// speaker's own words and only the sentence's end or a new attribution
// (، قال، فيما أكد) ends it.
func (d *doc) speechEnd(start int, lx lexicon) int {
	for k := d.wordAt(start); k < len(d.words); k++ {
		gapStart := d.words[k].End
		for i := gapStart; i < len(d.rs) && !isWordRune(d.rs[i]); i++ {
			if d.isSentenceEnd(i) && !d.continuesSpeech(k+1) && !d.exclaims(i) {
				return i
			}
		}
		if k+1 < len(d.words) && d.startsAttribution(k+1, lx) && d.cueAt(k+1, lx) {
			return gapStart
		}
	}
	return len(d.rs)
}

// cueAt reports whether word k or, after a clause word, word k+1 is a cue.
func (d *doc) cueAt(k int, lx lexicon) bool {
	if _, ok := lx.match(d.words[k].Norm); ok {
		return true
	}
	if k+1 < len(d.words) && clauseWords[d.words[k].Norm] {
		_, ok := lx.match(d.words[k+1].Norm)
		return ok
	}
	return false
}

// exclaims reports whether the sentence end at i is a question or
// exclamation mark that the speaker goes on after, on the same line and
// with no full stop (ما رأيكم في إطلالة على أجمل منظر ؟ تعالوا بنا ...).
func (d *doc) exclaims(i int) bool {
	if !isRune(d.rs[i], "?؟!") {
		return false
	}
	for j := i + 1; j < len(d.rs); j++ {
		switch {
		case isWordRune(d.rs[j]):
			return true
		case d.isSentenceEnd(j) || markFamily(d.rs[j]) != 0:
			return false
		}
	}
	return false
}
