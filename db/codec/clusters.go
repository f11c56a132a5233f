package codec

import (
	"unicode"
	"unicode/utf8"

	"hashiya/offsets"
)

// clearCut reports whether code point cp of idx's text is certainly a
// grapheme cluster boundary, from the two characters either side of it:
// at either end of the text, after a line feed (UAX #29, GB4), or between
// two plain characters (printable ASCII, Arabic letters and digits),
// which no rule of UAX #29 joins (none of them is Extend, SpacingMark,
// ZWJ, Prepend, a control, a regional indicator, Hangul, an extended
// pictographic or an Indic consonant). Most imported spans begin and end
// so, and this spares them offsets.Index.CheckGraphemes, which segments a
// window of text around each end; false means "ask CheckGraphemes",
// never "splits a cluster".
func clearCut(idx *offsets.Index, cp int) bool {
	if cp <= 0 || cp >= idx.Len() {
		return true
	}
	b, _ := idx.Slice(cp-1, cp)
	a, _ := idx.Slice(cp, cp+1)
	before, _ := utf8.DecodeRuneInString(b)
	after, _ := utf8.DecodeRuneInString(a)
	return before == '\n' || plainRune(before) && plainRune(after)
}

// plainRune is a character that forms a grapheme cluster of its own
// whatever stands beside it, but for marks that follow it.
func plainRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= ' ' && r <= '~'
	}
	return unicode.Is(unicode.Arabic, r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// splitsClusters is idx.CheckGraphemes's error for start..end, nil when it
// takes whole clusters, asking CheckGraphemes only when an end is not a
// clear cut.
func splitsClusters(idx *offsets.Index, start, end int) error {
	if clearCut(idx, start) && clearCut(idx, end) {
		return nil
	}
	_, err := idx.CheckGraphemes(start, end)
	return err
}
