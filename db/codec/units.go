package codec

import (
	"fmt"

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

// CheckFileUnit refuses a unit that a file of this name and format
// cannot count offsets in: an unknown one, or UTF-16 units for a format
// with no offsets (text, CoNLL). An unknown format is ParseFile's to refuse.
func CheckFileUnit(name, format, unit string) error {
	if err := CheckUnit(unit); err != nil {
		return err
	}
	if resolved, err := resolveFormat(name, format); err == nil && unit == UnitUTF16 && (resolved == "text" || resolved == "text-lines" || resolved == "conll") {
		return fmt.Errorf("%s files have no offsets to count in %s units", resolved, unit)
	}
	return nil
}

// fromUTF16 turns a span's UTF-16 offsets into code points, or says why
// it cannot.
func fromUTF16(t *offsets.UTF16Table, start, end int) (int, int, error) {
	if start < 0 || end > t.Len() || start >= end {
		return 0, 0, fmt.Errorf("want 0 <= start < end <= %d (UTF-16 units)", t.Len())
	}
	cpStart, okStart := t.CodePoint(start)
	cpEnd, okEnd := t.CodePoint(end)
	switch {
	case !okStart:
		return 0, 0, fmt.Errorf("UTF-16 offset %d falls between the two halves of a surrogate pair", start)
	case !okEnd:
		return 0, 0, fmt.Errorf("UTF-16 offset %d falls between the two halves of a surrogate pair", end)
	}
	return cpStart, cpEnd, nil
}

// looksUTF16 says whether a document's spans, read as code points, look
// like UTF-16 offsets instead: more of them fall on word edges when read
// as UTF-16 units (t, the text's table) than as code points.
func looksUTF16(text string, t *offsets.UTF16Table, spans []Span) (asUTF16, asCodePoints int, yes bool) {
	runes := []rune(text)
	for _, sp := range spans {
		if onWordEdges(runes, sp.Start, sp.End) {
			asCodePoints++
		}
		if s, e, err := fromUTF16(t, sp.Start, sp.End); err == nil && onWordEdges(runes, s, e) {
			asUTF16++
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
