package codec

import "strings"

// columnVotes finds the number of fields most token lines of a CoNLL
// file have (the fewest among equals), and the first line having it: 2
// for "TOKEN TAG", where a stray line of three is a token holding a space
// (ANERCorp has one), 4 for CoNLL-2003's "EU NNP B-NP B-ORG". Lines that
// cannot be token lines (comments, a bad tag, an empty token) do not count.
type columnVotes struct {
	votes, first map[int]int // by field count: lines, the first line
}

// add counts line n.
func (v *columnVotes) add(n int, raw []byte) error {
	s := strings.TrimRight(string(raw), " \t\r")
	if s == "" || isBlank(rune(s[0])) || strings.HasPrefix(s, "#") {
		return nil
	}
	fields := strings.FieldsFunc(s, isBlank)
	if len(fields) < 2 || fields[0] == docStart || !isBIOTag(fields[len(fields)-1]) {
		return nil
	}
	if v.votes == nil {
		v.votes, v.first = map[int]int{}, map[int]int{}
	}
	if v.votes[len(fields)]++; v.votes[len(fields)] == 1 {
		v.first[len(fields)] = n
	}
	return nil
}

// count is the column count the votes give, and its first line.
func (v *columnVotes) count() (columns, line int) {
	columns = 2
	for c, n := range v.votes {
		if n > v.votes[columns] || n == v.votes[columns] && c < columns {
			columns = c
		}
	}
	return columns, v.first[columns]
}
