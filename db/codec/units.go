package codec

import (
	"fmt"
	"unicode/utf8"

	"hashiya/offsets"
)

// Offset units a doccano file may count in. Hashiya counts code points
// everywhere (Python's str indexes); doccano itself counts UTF-16 units
// (JavaScript's string indexes), which differ from code points after
// every character outside the Basic Multilingual Plane: an emoji, a flag,
// a rare CJK or mathematical letter.
const (
	UnitCodePoint = "codepoint"
	UnitUTF16     = "utf16"
)

// CheckUnit refuses an offset unit other than UnitCodePoint and UnitUTF16.
func CheckUnit(unit string) error {
	if unit != UnitCodePoint && unit != UnitUTF16 {
		return fmt.Errorf("unknown offset unit %q; want %s (Python str indexes, Hashiya's own) or %s (JavaScript string indexes, doccano's own)", unit, UnitCodePoint, UnitUTF16)
	}
	return nil
}

// utf16Table maps a text's UTF-16 offsets to code points: table[u] is the
// code point at UTF-16 offset u, or -1 where u falls between the two
// halves of a surrogate pair.
func utf16Table(text string) []int {
	table := make([]int, 0, len(text)+1)
	cp := 0
	for _, r := range text {
		table = append(table, cp)
		if utf16Units(r) == 2 {
			table = append(table, -1)
		}
		cp++
	}
	return append(table, cp)
}

// codePointTable maps code point offsets to UTF-16 offsets: table[cp].
func codePointTable(text string) []int {
	table := make([]int, 0, utf8.RuneCountInString(text)+1)
	u := 0
	for _, r := range text {
		table = append(table, u)
		u += utf16Units(r)
	}
	return append(table, u)
}

func utf16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// fromUTF16 turns a span's UTF-16 offsets into code points, or says why
// it cannot.
func fromUTF16(table []int, start, end int) (int, int, error) {
	n := len(table) - 1
	if start < 0 || end > n || start >= end {
		return 0, 0, fmt.Errorf("want 0 <= start < end <= %d (UTF-16 units)", n)
	}
	for _, at := range []int{start, end} {
		if table[at] < 0 {
			return 0, 0, fmt.Errorf("UTF-16 offset %d falls between the two halves of a surrogate pair", at)
		}
	}
	return table[start], table[end], nil
}

// looksUTF16 says whether a document's spans, read as code points, look
// like UTF-16 offsets instead: more of them fall on word edges when read
// as UTF-16 units than as code points. It is only asked of texts holding
// characters outside the BMP, the only ones where the two differ.
func looksUTF16(text string, spans []Span) (asUTF16, asCodePoints int, yes bool) {
	runes := []rune(text)
	table := utf16Table(text)
	for _, sp := range spans {
		if onWordEdges(runes, sp.Start, sp.End) {
			asCodePoints++
		}
		if sp.End < len(table) {
			if s, e, err := fromUTF16(table, sp.Start, sp.End); err == nil && onWordEdges(runes, s, e) {
				asUTF16++
			}
		}
	}
	return asUTF16, asCodePoints, asUTF16 > asCodePoints
}

// onWordEdges reports whether start..end neither begins nor ends inside a
// word.
func onWordEdges(runes []rune, start, end int) bool {
	inside := func(at int) bool {
		return at > 0 && at < len(runes) && offsets.IsWordRune(runes[at-1]) && offsets.IsWordRune(runes[at])
	}
	return !inside(start) && !inside(end)
}

// hasAstral reports whether text holds a character outside the BMP.
func hasAstral(text string) bool {
	for _, r := range text {
		if r >= 0x10000 {
			return true
		}
	}
	return false
}
