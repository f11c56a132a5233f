package offsets

import (
	"slices"
	"unicode"
)

// Occurrences lists, in text order, the code point span of every
// whole-word occurrence of phrase in s. It matches letter by letter as an
// Arabic reader does, so a name is found however fully it is vowelled:
//   - harakat must agree where both sides write them, and one side may
//     write fewer (محمد finds مُحَمَّد and مُحَمَّد finds محمد, but عَلِم is
//     not عَلَم); an occurrence takes in the harakat of its last letter;
//   - tatweel and invisible format characters (ZWJ, ZWNJ, LRM, RLM, ALM)
//     are skipped on both sides (محـمد is محمد);
//   - letters are compared as stored: no hamza, alef maksura or case
//     folding, which would make the preposition على the name علي.
//
// An occurrence counts only where it does not run on into a word: علي is
// found in "قال علي." but not inside عليه or وعلي, since a clitic is part
// of its word here, as whole-word snapping makes it part of a span. A
// phrase that begins or ends with a character outside words (« or a full
// stop) needs no boundary there. Occurrences may overlap.
func Occurrences(s, phrase string) [][2]int {
	want := lettersOf([]rune(phrase))
	if len(want) == 0 {
		return nil
	}
	rs := []rune(s)
	have := lettersOf(rs)
	first, last := want[0].r, want[len(want)-1].r
	var out [][2]int
	for i := 0; i+len(want) <= len(have); i++ {
		if !matchesAt(have[i:i+len(want)], want) {
			continue
		}
		start, end := have[i].start, have[i+len(want)-1].end
		if (start == 0 || !isWordRune(rs[start-1]) || !isWordRune(first)) && (end == len(rs) || !isWordRune(rs[end]) || !isWordRune(last)) {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// letter is one character that counts in a match, with the combining
// marks written on it and the code points it spans with them.
type letter struct {
	r          rune
	marks      []rune // sorted
	start, end int
}

// lettersOf is rs as letters: marks join the letter before them, tatweel
// and format characters are left out.
func lettersOf(rs []rune) []letter {
	var out []letter
	for i, r := range rs {
		switch {
		case unicode.Is(unicode.Mn, r):
			if n := len(out); n > 0 && out[n-1].end == i {
				out[n-1].marks = append(out[n-1].marks, r)
				out[n-1].end = i + 1
			}
		case r == 'ـ' || unicode.Is(unicode.Cf, r):
		default:
			out = append(out, letter{r: r, start: i, end: i + 1})
		}
	}
	for i := range out {
		slices.Sort(out[i].marks)
	}
	return out
}

// matchesAt reports whether the text's letters have the phrase's: the
// same letters, with harakat that agree (marksAgree).
func matchesAt(have, want []letter) bool {
	for j := range want {
		if have[j].r != want[j].r || !marksAgree(have[j].marks, want[j].marks) {
			return false
		}
	}
	return true
}

// marksAgree reports whether one letter's marks are all among the
// other's: both sorted.
func marksAgree(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	j := 0
	for _, m := range a {
		for j < len(b) && b[j] < m {
			j++
		}
		if j == len(b) || b[j] != m {
			return false
		}
		j++
	}
	return true
}
