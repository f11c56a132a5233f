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
// stop) needs no boundary there. Nor is a number found inside a longer
// one, as whole-word snapping keeps it: 12 is not in 12.5% nor 5 in
// 5/10/2021. Occurrences may overlap.
func Occurrences(s, phrase string) [][2]int {
	want := lettersOf([]rune(phrase))
	m := len(want.ls)
	if m == 0 {
		return nil
	}
	rs := []rune(s)
	have := lettersOf(rs)
	first, last := want.ls[0].r, want.ls[m-1].r
	var out [][2]int
	for i := 0; i+m <= len(have.ls); i++ {
		if have.ls[i].r != first || !matchesAt(have, i, want) {
			continue
		}
		start, end := have.ls[i].start, have.ls[i+m-1].end
		if (start == 0 || !isWordRune(rs[start-1]) || !isWordRune(first)) && (end == len(rs) || !isWordRune(rs[end]) || !isWordRune(last)) &&
			!numberRunsOn(rs, start, end) {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// letter is one character that counts in a match, the code points it
// spans with the combining marks written on it, and where those marks
// are (sorted) in its letters' marks buffer. It holds no pointer, so a
// book's worth of letters costs the garbage collector nothing to scan.
type letter struct {
	r                  rune
	start, end         int
	marksFrom, marksTo int32
}

// letters is a text (or phrase) as letters, with their marks.
type letters struct {
	ls    []letter
	marks []rune
}

func (l letters) marksOf(i int) []rune { return l.marks[l.ls[i].marksFrom:l.ls[i].marksTo] }

// lettersOf is rs as letters: marks join the letter before them, tatweel
// and format characters are left out.
func lettersOf(rs []rune) letters {
	out := letters{ls: make([]letter, 0, len(rs))}
	for i, r := range rs {
		switch {
		case unicode.Is(unicode.Mn, r):
			if n := len(out.ls); n > 0 && out.ls[n-1].end == i {
				out.marks = append(out.marks, r)
				out.ls[n-1].marksTo = int32(len(out.marks))
				out.ls[n-1].end = i + 1
			}
		case r == 'ـ' || unicode.Is(unicode.Cf, r):
		default:
			at := int32(len(out.marks))
			out.ls = append(out.ls, letter{r: r, start: i, end: i + 1, marksFrom: at, marksTo: at})
		}
	}
	for i := range out.ls {
		slices.Sort(out.marksOf(i))
	}
	return out
}

// matchesAt reports whether the text's letters from i on have the
// phrase's: the same letters, with harakat that agree (marksAgree).
func matchesAt(have letters, i int, want letters) bool {
	for j := range want.ls {
		if have.ls[i+j].r != want.ls[j].r || !marksAgree(have.marksOf(i+j), want.marksOf(j)) {
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
