package suggest

import "strings"

// A quotation may come first and its attribution after it, pointed back
// to by a demonstrative: « ... » هذا ما قاله الطبيب. The cue then carries
// a resumptive pronoun (قاله "said it"), which the lexicon does not
// accept on its own, since a cue with an object pronoun is mostly
// something else (تابعته "followed it").

// resumptiveCue returns the base form of word i when it is a cue with a
// resumptive pronoun in هذا ما قاله right after a closing quotation
// mark; other echoes (وهو ما أكده) restate a point rather than attribute
// a quotation.
func (d *doc) resumptiveCue(lx lexicon, i int) (string, bool) {
	if i < 3 || d.words[i-1].Norm != "ما" || !demonstratives[d.words[i-2].Norm] ||
		!d.hasAny(d.words[i-3].End, d.words[i-2].Start, quoteMarks) {
		return "", false
	}
	for _, p := range []string{"ها", "ه"} {
		if stem, ok := strings.CutSuffix(d.words[i].Norm, p); ok {
			if base, ok := lx[stem]; ok {
				return base, true
			}
		}
	}
	return "", false
}

// pastEcho returns the position after هذا ما when they stand at pos, else
// pos: a cue there attributes the quotation that ends before them.
func (d *doc) pastEcho(pos int) int {
	k := d.wordAt(pos)
	if k+2 < len(d.words) && d.words[k].Start == pos && demonstratives[d.words[k].Norm] &&
		d.words[k+1].Norm == "ما" && d.onlySpace(d.words[k+1].End, d.words[k+2].Start) {
		return d.words[k+2].Start
	}
	return pos
}
