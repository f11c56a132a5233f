// Package textsearch finds what a person typed in a document's text the
// way a reader of Arabic means it: the spelling variation that written
// Arabic allows does not hide a match. A search for احمد finds أحمد, مسؤول
// finds مسئول, مدرسة finds مدرسه, ٢٠٢٣ finds 2023, and a word written with
// harakat or tatweel (مُحَمَّد، محـــمد) is found by its bare letters.
//
// Both sides are folded the same way (Fold), matched, and the match is
// mapped back to the stored text, so what is shown and marked are the
// document's own characters. The stored text never changes.
package textsearch

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps one character to what a search compares, or reports that the
// character is ignored. The rules, as the README states them:
//   - harakat and other combining marks, tatweel, and invisible format
//     characters (LRM, RLM, ALM, ZWJ, ZWNJ) are ignored;
//   - every alef with a hamza or madda (أ إ آ ٱ) is a bare alef ا;
//   - alef maksura ى and Persian yeh ی are yeh ي; Persian keheh ک is kaf ك;
//   - taa marbuta ة is haa ه;
//   - a hamza on a seat (ؤ ئ) is a bare hamza ء, so مسؤول = مسئول;
//   - Arabic-Indic and Persian digits are ASCII digits;
//   - letters compare without case (Unicode lower case).
func fold(r rune) (rune, bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true
	case r == 'ـ', unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
		return 0, false
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ', r == 'ٲ', r == 'ٳ':
		return 'ا', true
	case r == 'ى', r == 'ی':
		return 'ي', true
	case r == 'ک':
		return 'ك', true
	case r == 'ة':
		return 'ه', true
	case r == 'ؤ', r == 'ئ':
		return 'ء', true
	case '٠' <= r && r <= '٩':
		return '0' + r - '٠', true
	case '۰' <= r && r <= '۹':
		return '0' + r - '۰', true
	}
	return unicode.ToLower(r), true
}

// Fold is s as a search compares it.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := fold(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// Index finds the first place query stands in s, both folded, and returns
// it as byte offsets into s: start at the first character of the match,
// end past the last one and past any ignored characters that follow it
// (the harakat of its last letter). It returns -1, -1 when query is not in
// s. A query that folds to nothing (only harakat, say) is looked for
// exactly as typed.
func Index(s, query string) (start, end int) {
	q := []rune(Fold(query))
	if len(q) == 0 {
		i := strings.Index(s, query)
		if i < 0 || query == "" {
			return -1, -1
		}
		return i, i + len(query)
	}
	// Walk s once, keeping the last folded characters that count and where
	// each starts; a match ends at a character equal to the query's last.
	// The window is slid back to its last len(q)-1 characters when full,
	// so memory stays a few times the query's size whatever s is.
	seen := make([]rune, 0, 4*len(q)) // folded characters of s, the latest last
	at := make([]int, 0, 4*len(q))    // byte offset in s of each of them
	for i, r := range s {
		f, ok := fold(r)
		if !ok {
			continue
		}
		if len(seen) == cap(seen) {
			keep := len(q) - 1
			seen = append(seen[:0], seen[len(seen)-keep:]...)
			at = append(at[:0], at[len(at)-keep:]...)
		}
		seen, at = append(seen, f), append(at, i)
		n := len(seen)
		if n >= len(q) && f == q[len(q)-1] && slices.Equal(seen[n-len(q):], q) {
			return at[n-len(q)], endOfMatch(s, i)
		}
	}
	return -1, -1
}

// endOfMatch is the end of the character at byte offset i of s, widened
// over the ignored characters right after it, so a match never leaves a
// letter's harakat behind.
func endOfMatch(s string, i int) int {
	_, size := utf8.DecodeRuneInString(s[i:])
	end := i + size
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if _, ok := fold(r); ok {
			break
		}
		end += size
	}
	return end
}

// All finds the places query stands in s, as Index finds the first, left
// to right and not overlapping, as code point offsets (start inclusive,
// end exclusive). It stops after limit matches and then reports more.
func All(s, query string, limit int) (matches [][2]int, more bool) {
	from, fromCP := 0, 0 // where the search goes on, in bytes and code points
	for from < len(s) {
		start, end := Index(s[from:], query)
		if start < 0 {
			break
		}
		if len(matches) == limit {
			return matches, true
		}
		startCP := fromCP + utf8.RuneCountInString(s[from:from+start])
		endCP := startCP + utf8.RuneCountInString(s[from+start:from+end])
		matches = append(matches, [2]int{startCP, endCP})
		from, fromCP = from+end, endCP
	}
	return matches, false
}

// Preview is the part of text a list shows for a search: up to before
// code points ahead of the match and width code points in all, cut at
// the ends of words where it can be (Shorten), with "…" where text was
// cut off ahead or behind. Without a match it is text shortened to
// width.
func Preview(text, query string, before, width int) string {
	start, _ := Index(text, query)
	if start < 0 {
		return Shorten(text, width)
	}
	from := start
	for n := 0; n < before && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	if from == 0 {
		return Shorten(text, width)
	}
	// Start at a word's start, when one begins before the match.
	if i := strings.IndexFunc(text[from:start], unicode.IsSpace); i >= 0 && !startsWord(text, from) {
		_, size := utf8.DecodeRuneInString(text[from+i:])
		from += i + size
	}
	return "…" + Shorten(text[from:], width)
}

// Shorten is s whole when it has at most n code points, else cut after
// the last whole word of its first n with "…" added; a first word longer
// than half of n is cut inside, since a preview of one word's start
// says more than a lone "…".
func Shorten(s string, n int) string {
	cut := firstRunes(s, n)
	if len(cut) == len(s) {
		return s
	}
	if !startsWord(s, len(cut)) {
		if i := strings.LastIndexFunc(cut, unicode.IsSpace); i >= 0 && utf8.RuneCountInString(cut[:i]) >= n/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRightFunc(cut, unicode.IsSpace) + "…"
}

// startsWord reports whether byte offset i of s is where a word starts or
// a space does: s's start, or after a space, or at one.
func startsWord(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	last, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || unicode.IsSpace(last)
}

// firstRunes is s cut after n code points.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
