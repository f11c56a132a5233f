package suggest

import "strings"

// A speech verb often names whom it was said to before or after its
// subject (وقال لرويترز إن، صرح الوزير لمحمد السعدني بأن). With the
// article the joined ل is plain (للصحفيين: startsAdjunct); without it the
// word may as well be a name that starts with ل (لارسن، لجنة، لبنان).

// addressee reports whether word k is the preposition ل joined to a word
// without the article that the text also writes on its own (لرويترز beside
// رويترز, لمحمد beside محمد): the ل is then a preposition, not the first
// letter of a name, and the word names whom the speech was addressed to.
func (d *doc) addressee(k int) bool {
	w := d.words[k].Norm
	rest, ok := strings.CutPrefix(w, "ل")
	if !ok || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ال") || len([]rune(rest)) < 3 || titleInstitution(rest) {
		return false // لشركة الفجر: the body a title belongs to (titleGoesOn)
	}
	return d.forms[rest] || d.forms["و"+rest]
}

// pronounOnly reports whether subject s is one preposition with a pronoun
// (قال لنا :), which names no one.
func (d *doc) pronounOnly(s subject) bool {
	k := d.wordAt(s.Start)
	return k < len(d.words) && d.words[k].End == s.End && pronounPreps[d.words[k].Norm]
}
