// Package agreement compares annotators' layers of one document span by
// span: which distinct spans there are and who marked each, and how far
// every two annotators agree (exact spans: same start, end and label).
package agreement

import (
	"slices"
	"strings"
)

// Span is a labelled stretch of text, offsets in code points.
type Span struct {
	Start, End int
	Label      string
}

// Layer is one annotator's spans, named for its owner.
type Layer struct {
	Name  string
	Spans []Span
}

// Candidate is a distinct span and the layers that hold it, in the order
// the layers were given.
type Candidate struct {
	Span
	Holders []string
}

// Candidates lists every distinct span of the layers, by start, longest
// first, then label. A layer holding the same span twice counts once.
func Candidates(layers []Layer) []Candidate {
	index := map[Span]int{}
	var out []Candidate
	for _, l := range layers {
		for _, s := range l.Spans {
			i, ok := index[s]
			if !ok {
				i = len(out)
				index[s] = i
				out = append(out, Candidate{Span: s})
			}
			if !slices.Contains(out[i].Holders, l.Name) {
				out[i].Holders = append(out[i].Holders, l.Name)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		switch {
		case a.Start != b.Start:
			return a.Start - b.Start
		case a.End != b.End:
			return b.End - a.End
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// Pair is how two layers agree: the spans both hold, and those only one
// of them holds.
type Pair struct {
	A, B               string
	Both, OnlyA, OnlyB int
}

// F1 is the pair's agreement as the F1 score of one layer against the
// other (the same whichever is taken as the reference): 2·both over the
// two layers' sizes. It is undefined (ok false) when both are empty.
func (p Pair) F1() (f1 float64, ok bool) {
	total := 2*p.Both + p.OnlyA + p.OnlyB
	if total == 0 {
		return 0, false
	}
	return float64(2*p.Both) / float64(total), true
}

// Pairs compares every two layers, in the order given.
func Pairs(layers []Layer) []Pair {
	sets := make([]map[Span]bool, len(layers))
	for i, l := range layers {
		sets[i] = map[Span]bool{}
		for _, s := range l.Spans {
			sets[i][s] = true
		}
	}
	var out []Pair
	for i := range layers {
		for j := i + 1; j < len(layers); j++ {
			p := Pair{A: layers[i].Name, B: layers[j].Name}
			for s := range sets[i] {
				if sets[j][s] {
					p.Both++
				} else {
					p.OnlyA++
				}
			}
			p.OnlyB = len(sets[j]) - p.Both
			out = append(out, p)
		}
	}
	return out
}

// Mean is the average F1 of the pairs that have one, and how many do.
func Mean(pairs []Pair) (mean float64, n int) {
	sum := 0.0
	for _, p := range pairs {
		if f, ok := p.F1(); ok {
			sum += f
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return sum / float64(n), n
}
