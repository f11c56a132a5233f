package offsets

import (
	"unicode"
	"unicode/utf8"
)

// Whole-word snapping keeps a number whole with its inner marks, as an
// annotator means it and as the CoNLL export keeps 3.5 and 1,000 one
// token: 12.5, 1,000,000, 5/10/2021, 2021-10-05, 10:30, ١٢٫٥, ١٬٠٠٠. A mark counts as inside a word only
// between two digits, so the full stop of a sentence ending "في 2021." and
// the hyphen of "Al-Jazeera" still break words. A percent sign right after
// a digit ends its number (12.5%, ١٢٫٥٪): a selection touching it takes
// the number, and a word written straight after it is a word of its own.

// isNumberMark is true of the marks that join two digits into one number:
// decimal and thousands separators, Latin and Arabic, and the marks inside
// dates and times.
func isNumberMark(r rune) bool {
	switch r {
	case '.', ',', '/', '-', ':', '٫', '٬':
		return true
	}
	return false
}

// isPercent is true of the signs that close a number: percent and per
// mille, Latin and Arabic.
func isPercent(r rune) bool {
	return r == '%' || r == '٪' || r == '‰' || r == '؉'
}

// inNumber reports whether r, a rune at bytes a..b of s, is a number's
// inner mark (between two digits) or closing percent sign (after one).
func inNumber(s string, a, b int, r rune) bool {
	switch {
	case isNumberMark(r):
		return digitBefore(s, a) && digitAt(s, b)
	case isPercent(r):
		return digitBefore(s, a)
	}
	return false
}

func digitBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsDigit(r)
}

func digitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}

// numberRunsOn reports whether rs[start:end], beginning or ending with a
// digit, is part of a longer number there: a mark joins it to a digit
// before or after, or a percent sign closes it.
func numberRunsOn(rs []rune, start, end int) bool {
	before := start >= 2 && unicode.IsDigit(rs[start]) && isNumberMark(rs[start-1]) && unicode.IsDigit(rs[start-2])
	after := end < len(rs) && unicode.IsDigit(rs[end-1]) &&
		(isPercent(rs[end]) || isNumberMark(rs[end]) && end+1 < len(rs) && unicode.IsDigit(rs[end+1]))
	return before || after
}
