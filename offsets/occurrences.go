package offsets

import (
	"strings"
	"unicode/utf8"
)

// Occurrences lists, in text order, the code point span of every
// whole-word occurrence of phrase in s. The phrase is matched exactly, as
// stored (no normalisation), and an occurrence counts only where it does
// not run on into a word: علي is found in "قال علي." but not inside عليه
// or وعلي, since a clitic is part of its word here, as whole-word
// snapping makes it part of a span. A phrase that begins or ends with a
// character outside words (« or a full stop) needs no boundary there.
func Occurrences(s, phrase string) [][2]int {
	if phrase == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(phrase)
	last, _ := utf8.DecodeLastRuneInString(phrase)
	length := utf8.RuneCountInString(phrase)
	var out [][2]int
	cp, at := 0, 0 // cp: the code points of s before byte at
	for {
		i := strings.Index(s[at:], phrase)
		if i < 0 {
			return out
		}
		b := at + i
		cp += utf8.RuneCountInString(s[at:b])
		e := b + len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:b])
		after, _ := utf8.DecodeRuneInString(s[e:])
		if (b == 0 || !isWordRune(before) || !isWordRune(first)) && (e == len(s) || !isWordRune(after) || !isWordRune(last)) {
			out = append(out, [2]int{cp, cp + length})
		}
		// Go on from the next code point: occurrences may overlap.
		_, n := utf8.DecodeRuneInString(s[b:])
		at, cp = b+n, cp+1
	}
}
