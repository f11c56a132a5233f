package suggest

import (
	"slices"
	"sort"
	"unicode"
)

// A quotation mark's family: marks of one family pair with each other in
// either orientation, because Arabic text is written in logical order and
// one writer's opening “ is another's ”, and some use a single character
// for both.
func markFamily(r rune) int {
	switch r {
	case '“', '”', '„', '‟':
		return 1
	case '«', '»':
		return 2
	case '"':
		return 3
	case '\'', '’', '‘':
		return 4 // only doubled, see markAt
	}
	return 0
}

// markAt returns the family of the quotation mark at i and the index of
// its last code point, or family 0. Tokenised text writes a double quote
// as two apostrophes (' ' نيوز أوف ذا وورلد ' '، ’ ’ جوهرة برلين ’ ’),
// with or without a space between them: that pair is one mark. Other
// writers quote with a single apostrophe standing alone between spaces
// (وهو يقول : ' آه من المرأة ! ... '): that is a mark too, while one
// joined to a word (an elision, a transliteration) is none.
func (d *doc) markAt(i int) (fam, last int) {
	fam = markFamily(d.rs[i])
	if fam != 4 {
		return fam, i
	}
	for j := i + 1; j < len(d.rs) && j <= i+2; j++ {
		if markFamily(d.rs[j]) == 4 {
			return 4, j
		}
		if d.rs[j] != ' ' {
			break
		}
	}
	if d.standsAlone(i) {
		return 4, i
	}
	return 0, i
}

// standsAlone reports whether the code point at i has a space (or the
// text's start or end) on either side.
func (d *doc) standsAlone(i int) bool {
	return (i == 0 || unicode.IsSpace(d.rs[i-1])) && (i+1 == len(d.rs) || unicode.IsSpace(d.rs[i+1]))
}

// markPair is a paired opening and closing mark (code point indexes of the
// marks themselves). Nested is true when another pair encloses it.
type markPair struct {
	Open, Close int
	Nested      bool
	// unclosedFrom is 1 + the first code point of an unclosed mark, whose
	// pair runs to the sentence end (withUnclosed); 0 for a real pair.
	unclosedFrom int
}

// A mark's flanking says which way it faces, whatever its glyph: one with
// a word right after it and space (or start, or opening punctuation)
// before it opens (“الجهاز); one with a word or sentence punctuation
// before it and no word after it closes (فيها”.). The two cannot both hold.
// Anything else (word“word, a mark between spaces as in ANERCorp's
// tokenised text) is ambiguous and decided by context.
const (
	ambiguous = iota
	opens
	closes
)

func (d *doc) flanking(i, last int) int {
	var prev, next rune = ' ', ' '
	if i > 0 {
		prev = d.rs[i-1]
	}
	if last+1 < len(d.rs) {
		next = d.rs[last+1]
	}
	nextWord := isWordRune(next) || next == '('
	switch {
	case nextWord && (unicode.IsSpace(prev) || isRune(prev, "([{:،,؛;-–—")):
		return opens
	case !nextWord && (isWordRune(prev) || isRune(prev, ".!?؟…)]")):
		return closes
	}
	return d.spacedFlanking(last)
}

// spacedFlanking decides a mark with space on both sides, as in tokenised
// text (ANERCorp's قال إن " الوضع مستقر " .), by the nearest non-space
// character after it: punctuation or the end means it closes. Punctuation
// before it proves nothing: tokenised text puts the full stop inside the
// quotation (ثورة . " وقال). An ellipsis of spaced full stops with a word
// after it proves nothing either: speech may open with one (واضاف " . .
// لدينا نفس الرؤية), and context decides.
func (d *doc) spacedFlanking(i int) int {
	n := i + 1
	for n < len(d.rs) && isRune(d.rs[n], " \t") {
		n++
	}
	if d.ellipsisBeforeWord(n) {
		return ambiguous
	}
	if n == len(d.rs) || isRune(d.rs[n], ".،,:؛;!?؟…)\n") {
		return closes
	}
	return ambiguous
}

func isRune(r rune, set string) bool {
	for _, s := range set {
		if r == s {
			return true
		}
	}
	return false
}

// pairMarks pairs quotation marks by logical order with a stack, so a
// quoted name inside a quotation (كتيبة “القعقاع”) pairs with its own
// closing mark and leaves the outer quotation whole:
//   - an opening mark is pushed;
//   - a closing mark closes the nearest open mark of its family; with none
//     open it pairs with nothing (its opening mark is missing, and letting
//     it open would put every later pair out of step);
//   - an ambiguous mark is settled by settle.
//
// Marks left open at the end, and stale ones, pair with nothing: they are
// returned as unclosed (see withUnclosed). Nesting is decided after
// pairing, from the intervals, so a pair inside an unclosed mark counts as
// top level.
func (d *doc) pairMarks() (pairs []markPair, unclosed []openMark) {
	var stack []openMark
	for i := 0; i < len(d.rs); i++ {
		fam, last := d.markAt(i)
		if fam == 0 {
			continue
		}
		top := -1 // nearest open mark of this family
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].family == fam {
				top = k
				break
			}
		}
		f, name := d.flanking(i, last), false
		if f == ambiguous && top >= 0 {
			var stale bool
			f, name, stale = d.settle(i, last, stack[top])
			if stale {
				unclosed = append(unclosed, stack[top])
				stack = slices.Delete(stack, top, top+1)
				top = -1
			}
		}
		if f == closes {
			if top >= 0 {
				pairs = append(pairs, markPair{Open: stack[top].pos, Close: i})
				stack = stack[:top]
			}
		} else {
			stack = append(stack, openMark{last, fam, name, i})
		}
		i = last
	}
	markNested(pairs)
	return pairs, append(unclosed, stack...)
}

// openMark is a mark waiting for its closing partner.
type openMark struct {
	pos, family int  // pos: the mark's last code point, before its content
	name        bool // opened as a tight quoted name
	first       int  // the mark's first code point
}

// settle decides an ambiguous mark at i while top, of the same family, is
// open:
//   - it closes a name that top opened;
//   - it opens a nested name when a tight name closes within three words
//     (tightName);
//   - when top has stayed open over more than three sentences and the mark
//     follows a word rather than sentence punctuation, top is stale (its
//     partner is missing from the text, as happens in tokenised corpora)
//     and the mark opens afresh, rather than swallowing the paragraphs in
//     between;
//   - otherwise it closes top.
func (d *doc) settle(i, last int, top openMark) (f int, name, stale bool) {
	switch {
	case top.name:
		return closes, false, false
	case d.tightName(last, top.family):
		return opens, true, false
	}
	p := i - 1
	for p >= 0 && isRune(d.rs[p], " \t") {
		p--
	}
	if p >= 0 && !d.isSentenceEnd(p) && d.sentenceEnds(top.pos, i) > 3 {
		return opens, false, true
	}
	return closes, false, false
}

// sentenceEnds counts the sentence ends in start..end.
func (d *doc) sentenceEnds(start, end int) int {
	n := 0
	for i := start; i < end; i++ {
		if d.isSentenceEnd(i) {
			n++
		}
	}
	return n
}

// tightName reports whether the mark at i starts a quoted name: a word
// right after it, then at most three words with only spaces between, then
// a mark of the same family glued to the last word.
func (d *doc) tightName(i, fam int) bool {
	if i+1 >= len(d.rs) || !isWordRune(d.rs[i+1]) {
		return false
	}
	words := 0
	for j := i + 1; j < len(d.rs); j++ {
		r := d.rs[j]
		switch {
		case isWordRune(r):
			if j == i+1 || !isWordRune(d.rs[j-1]) {
				words++
			}
			if words > 3 {
				return false
			}
		case r == ' ':
		case markFamily(r) == fam:
			return isWordRune(d.rs[j-1])
		default:
			return false
		}
	}
	return false
}

// markNested flags each pair that lies inside another. The stack makes
// pairs well nested (two pairs are disjoint or one holds the other), so a
// pair is nested exactly when an earlier-opened pair closes after it.
func markNested(pairs []markPair) {
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Open < pairs[j].Open })
	maxClose := -1
	for i := range pairs {
		pairs[i].Nested = maxClose > pairs[i].Close
		maxClose = max(maxClose, pairs[i].Close)
	}
}

// ellipsisBeforeWord reports whether two or more full stops, with only
// spaces between them, start at i and a word follows them.
func (d *doc) ellipsisBeforeWord(i int) bool {
	dots := 0
	for ; i < len(d.rs); i++ {
		switch {
		case d.rs[i] == '.':
			dots++
		case d.rs[i] != ' ':
			return dots >= 2 && isWordRune(d.rs[i])
		}
	}
	return false
}

// pastEllipsis skips the spaced full stops that open a quotation's
// content (" . . لدينا نفس الرؤية): the annotators start it at the first
// word.
func (d *doc) pastEllipsis(start, end int) int {
	i := start
	for i < end && isRune(d.rs[i], " \t") {
		i++
	}
	if !d.ellipsisBeforeWord(i) {
		return start
	}
	for i < end && !isWordRune(d.rs[i]) {
		i++
	}
	return i
}
