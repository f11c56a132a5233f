// Package offsets converts between the units that disagree about where a
// span starts: Unicode code points (Hashiya's unit everywhere: storage,
// API, export; Python's str index), UTF-16 code units (the browser) and
// UTF-8 bytes (Go strings). It also snaps spans to grapheme clusters, so a
// span never splits a letter from its diacritics, and optionally to words.
package offsets

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Len is the length of s in code points.
func Len(s string) int { return utf8.RuneCountInString(s) }

// Check reports whether start..end is a non-empty span inside s, without
// building an Index: for one span of a long text.
func Check(s string, start, end int) error {
	_, _, err := Locate(s, start, end)
	return err
}

// Slice is s[start:end] in code points, for one span of a text.
func Slice(s string, start, end int) (string, error) {
	b0, b1, err := Locate(s, start, end)
	if err != nil {
		return "", err
	}
	return s[b0:b1], nil
}

// Locate is the byte offsets of code points start and end of s, found in
// one pass that stops at end (no Index, no count of the whole text), or an
// error when start..end is not a non-empty span inside s.
func Locate(s string, start, end int) (int, int, error) {
	if start >= 0 && end > start {
		b0, cp := 0, 0
		for b := range s {
			if cp == start {
				b0 = b
			}
			if cp == end {
				return b0, b, nil
			}
			cp++
		}
		if cp == end {
			return b0, len(s), nil
		}
	}
	return 0, 0, rangeError(start, end, Len(s))
}

// rangeError names offsets that do not fit a text of n code points.
func rangeError(start, end, n int) error {
	return fmt.Errorf("offsets %d..%d do not fit 0 <= start < end <= %d (code points)", start, end, n)
}

// Index maps code point positions of one text to byte offsets, so slicing
// many spans of the same document costs one pass over it.
type Index struct {
	text    string
	byteOff []int // byteOff[i] is the byte offset of code point i; len = Len(text)+1
}

// NewIndex builds the index of text.
func NewIndex(text string) *Index {
	off := make([]int, 0, len(text)+1)
	for i := range text {
		off = append(off, i)
	}
	off = append(off, len(text))
	return &Index{text: text, byteOff: off}
}

// Len is the text's length in code points.
func (x *Index) Len() int { return len(x.byteOff) - 1 }

// Slice returns text[start:end] in code points, or an error naming the
// offsets when they do not fit 0 <= start < end <= Len.
func (x *Index) Slice(start, end int) (string, error) {
	if err := x.Check(start, end); err != nil {
		return "", err
	}
	return x.text[x.byteOff[start]:x.byteOff[end]], nil
}

// Check reports whether start..end is a non-empty span inside the text.
func (x *Index) Check(start, end int) error {
	if start < 0 || end <= start || end > x.Len() {
		return rangeError(start, end, x.Len())
	}
	return nil
}

// ByteOffset is the byte offset of code point cp (0 <= cp <= Len).
func (x *Index) ByteOffset(cp int) int { return x.byteOff[cp] }

// CodePoint is the code point index of byte offset b, which must fall on a
// code point boundary.
func (x *Index) CodePoint(b int) (int, error) {
	lo, hi := 0, len(x.byteOff)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		switch {
		case x.byteOff[mid] == b:
			return mid, nil
		case x.byteOff[mid] < b:
			lo = mid + 1
		default:
			hi = mid - 1
		}
	}
	return 0, fmt.Errorf("byte offset %d is not on a code point boundary", b)
}

// FromUTF16 converts a UTF-16 offset into s to a code point offset. An
// offset that falls between the two halves of a surrogate pair is an error:
// it cannot come from a real selection.
func FromUTF16(s string, u16 int) (int, error) {
	if u16 < 0 {
		return 0, fmt.Errorf("UTF-16 offset %d is negative", u16)
	}
	units, cps := 0, 0
	for _, r := range s {
		if units == u16 {
			return cps, nil
		}
		units += utf16Len(r)
		cps++
		if units > u16 {
			return 0, fmt.Errorf("UTF-16 offset %d splits the surrogate pair of %U", u16, r)
		}
	}
	if units == u16 {
		return cps, nil
	}
	return 0, fmt.Errorf("UTF-16 offset %d is past the end (%d units)", u16, units)
}

// ToUTF16 converts a code point offset into s to UTF-16 units.
func ToUTF16(s string, cp int) (int, error) {
	if cp < 0 {
		return 0, fmt.Errorf("code point offset %d is negative", cp)
	}
	units, cps := 0, 0
	for _, r := range s {
		if cps == cp {
			return units, nil
		}
		units += utf16Len(r)
		cps++
	}
	if cps == cp {
		return units, nil
	}
	return 0, fmt.Errorf("code point offset %d is past the end (%d code points)", cp, cps)
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// graphemeBounds lists the code point offsets where grapheme clusters of
// s begin, plus Len(s).
func graphemeBounds(s string) []int {
	bounds := []int{0}
	g := uniseg.NewGraphemes(s)
	cp := 0
	for g.Next() {
		cp += len(g.Runes())
		bounds = append(bounds, cp)
	}
	return bounds
}

// SnapGraphemes widens start..end to whole grapheme clusters: an emoji with
// its modifiers, a letter with its diacritics, a flag's two halves. Like
// CheckGraphemes it segments only the text around each end. Offsets out of
// range (which Check refuses first) come back as they are.
func SnapGraphemes(s string, start, end int) (int, int) {
	a, b, err := Snap(s, start, end, false)
	if err != nil {
		return start, end
	}
	return a, b
}

// Snap widens start..end as a selection is saved: to whole words first
// when words is set (SnapWords), then to whole grapheme clusters
// (SnapGraphemes), reading the text up to the span once. Offsets out of
// range are Check's error.
func Snap(s string, start, end int, words bool) (int, int, error) {
	a, b, err := Locate(s, start, end)
	if err != nil {
		return 0, 0, err
	}
	if words {
		a, b, start, end = wordsAround(s, a, b, start, end)
	}
	start, _ = clusterAround(s, a, start)
	_, end = clusterAround(s, b, end)
	return start, end, nil
}

// CheckGraphemes is an error when start or end falls inside a grapheme
// cluster (between a letter and its diacritics, inside an emoji sequence or
// a flag), naming the nearest span of whole clusters. Only the text around
// each end, between the nearest certain boundaries (clusterBreak), is
// decoded and segmented, so a check costs the same in a book as in a
// tweet, besides one pass to find the ends. It returns s[start:end] in
// code points, found on the way, when the span holds.
func CheckGraphemes(s string, start, end int) (string, error) {
	b0, b1, err := Locate(s, start, end)
	if err != nil {
		return "", err
	}
	return checkGraphemes(s, b0, b1, start, end)
}

// CheckGraphemes is offsets.CheckGraphemes for the index's text, without
// a pass over the text before the span.
func (x *Index) CheckGraphemes(start, end int) (string, error) {
	if err := x.Check(start, end); err != nil {
		return "", err
	}
	return checkGraphemes(x.text, x.byteOff[start], x.byteOff[end], start, end)
}

// checkGraphemes is CheckGraphemes once the span's bytes b0..b1 are known.
func checkGraphemes(s string, b0, b1, start, end int) (string, error) {
	a, _ := clusterAround(s, b0, start)
	_, b := clusterAround(s, b1, end)
	if a != start || b != end {
		return "", fmt.Errorf("%d..%d splits a grapheme cluster (a letter from its marks, or an emoji sequence); whole clusters would be %d..%d", start, end, a, b)
	}
	return s[b0:b1], nil
}

// clusterAround returns the boundaries of grapheme clusters nearest to
// code point pos of s, at byte offset at: the last at or before it and the
// first at or after it, equal when pos is a boundary. It decodes a window
// around pos, widened until certain boundaries enclose pos.
func clusterAround(s string, at, pos int) (int, int) {
	for margin := 64; ; margin *= 4 {
		lo, back := at, 0
		for back < margin && lo > 0 {
			_, size := utf8.DecodeLastRuneInString(s[:lo])
			lo -= size
			back++
		}
		hi := at
		for fwd := 0; fwd < margin && hi < len(s); fwd++ {
			_, size := utf8.DecodeRuneInString(s[hi:])
			hi += size
		}
		rs := []rune(s[lo:hi])
		// Inside the window only its ends that are the text's are certain.
		certain := func(i int) bool {
			switch i {
			case 0:
				return lo == 0
			case len(rs):
				return hi == len(s)
			}
			return clusterBreak(rs, i)
		}
		from, to := back, back
		for from > 0 && !certain(from) {
			from--
		}
		for to < len(rs) && !certain(to) {
			to++
		}
		if !certain(from) || !certain(to) {
			continue // the window was too narrow
		}
		before, after := from, to
		for _, g := range graphemeBounds(string(rs[from:to])) {
			if g+from <= back {
				before = g + from
			}
			if g+from >= back {
				after = g + from
				break
			}
		}
		return pos - back + before, pos - back + after
	}
}

// clusterBreak reports whether a grapheme cluster certainly begins at
// code point i whatever comes before: at either end of the text, after a
// line feed (UAX #29, GB4), and between a space and an Arabic or ASCII
// letter or digit, which no rule joins (neither is Extend, SpacingMark,
// ZWJ, Prepend, a regional indicator, Hangul or an emoji).
func clusterBreak(rs []rune, i int) bool {
	if i == 0 || i == len(rs) || rs[i-1] == '\n' {
		return true
	}
	r := rs[i]
	letter := r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
		unicode.Is(unicode.Arabic, r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
	return rs[i-1] == ' ' && letter
}

// IsWordRune is true for letters, marks, digits, tatweel and the joiners
// that sit inside Arabic words: the characters whole-word snapping keeps
// together.
func IsWordRune(r rune) bool { return isWordRune(r) }

func isWordRune(r rune) bool {
	switch {
	case r < 0x80: // ASCII, most of every text's spaces and marks: no table
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x0621 <= r && r <= 0x065F || 0x0660 <= r && r <= 0x0669:
		return true // Arabic letters, tatweel, harakat, Arabic-Indic digits
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 'ـ' || r == '\u200c' || r == '\u200d'
}

// SnapWords widens start..end to whole words, then trims surrounding space
// and punctuation the selection caught, so a sloppy mouse drag still yields
// exactly the words it touched. A number with the marks between its digits
// and its percent sign is one word (12.5%, 5/10/2021: numbers.go). A span with no word character, or out of
// range, is left as is. It reads only the text around the span.
func SnapWords(s string, start, end int) (int, int) {
	a, b, err := Locate(s, start, end)
	if err != nil {
		return start, end
	}
	_, _, start, end = wordsAround(s, a, b, start, end)
	return start, end
}

// wordsAround is SnapWords for the span at bytes a..b of s, code points
// ca..cb: the snapped span in bytes and in code points. Words are runs of
// word runes and, inside numbers, their marks and percent sign (see
// numbers.go).
func wordsAround(s string, a, b, ca, cb int) (int, int, int, int) {
	a0, b0, ca0, cb0 := a, b, ca, cb
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:])
		if isWordRune(r) || inNumber(s, a, a+n, r) {
			break
		}
		a, ca = a+n, ca+1
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if isWordRune(r) || inNumber(s, b-n, b, r) {
			break
		}
		b, cb = b-n, cb-1
	}
	if a == b {
		return a0, b0, ca0, cb0
	}
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:a])
		if !isWordRune(r) && !inNumber(s, a-n, a, r) || isPercent(r) {
			break
		}
		a, ca = a-n, ca-1
	}
	for last, _ := utf8.DecodeLastRuneInString(s[:b]); b < len(s) && !isPercent(last); {
		r, n := utf8.DecodeRuneInString(s[b:])
		if !isWordRune(r) && !inNumber(s, b, b+n, r) {
			break
		}
		b, cb, last = b+n, cb+1, r
	}
	return balanced(s, a, b, ca, cb)
}

// brackets pairs each opening bracket with its closing one.
var brackets = map[rune]rune{'(': ')', '[': ']', '{': '}', '«': '»', '‹': '›', '“': '”'}

// balanced widens the span at bytes a..b (code points ca..cb) by the
// bracket just outside it that closes one left open inside, or opens one
// closed inside: trimming punctuation made "رويترز (Reuters" of a drag
// over "رويترز (Reuters)". Only the character touching the span is
// taken, one on each side at most.
func balanced(s string, a, b, ca, cb int) (int, int, int, int) {
	var open []rune   // brackets opened in the span and not yet closed
	var unopened rune // the first closer in the span with no opener in it
	for _, r := range s[a:b] {
		if closer, ok := brackets[r]; ok {
			open = append(open, closer)
			continue
		}
		if n := len(open); n > 0 && open[n-1] == r {
			open = open[:n-1]
		} else if unopened == 0 && isCloser(r) {
			unopened = r
		}
	}
	if n := len(open); n > 0 && b < len(s) {
		if r, size := utf8.DecodeRuneInString(s[b:]); r == open[n-1] {
			b, cb = b+size, cb+1
		}
	}
	if unopened != 0 && a > 0 {
		if r, size := utf8.DecodeLastRuneInString(s[:a]); brackets[r] == unopened {
			a, ca = a-size, ca-1
		}
	}
	return a, b, ca, cb
}

// isCloser is true of a closing bracket of brackets. It is asked of most
// runes of every snapped span, so it reads a string, not the map.
func isCloser(r rune) bool { return strings.ContainsRune(closers, r) }

// closers holds the closing brackets of brackets.
var closers = func() string {
	var b strings.Builder
	for _, c := range brackets {
		b.WriteRune(c)
	}
	return b.String()
}()
