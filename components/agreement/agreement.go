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
	sets := spanSets(layers)
	var out []Pair
	for i := range layers {
		for j := i + 1; j < len(layers); j++ {
			out = append(out, compare(layers[i].Name, layers[j].Name, sets[i], sets[j], nil))
		}
	}
	return out
}

// spanSets is each layer's spans as a set: a span held twice counts once.
func spanSets(layers []Layer) []map[Span]bool {
	sets := make([]map[Span]bool, len(layers))
	for i, l := range layers {
		sets[i] = map[Span]bool{}
		for _, s := range l.Spans {
			sets[i][s] = true
		}
	}
	return sets
}

// compare counts how layers a and b agree, and adds the counts label by
// label to labels when it is not nil.
func compare(a, b string, inA, inB map[Span]bool, labels map[string]*Pair) Pair {
	p := Pair{A: a, B: b}
	count := func(label string, both, onlyA, onlyB int) {
		p.Both, p.OnlyA, p.OnlyB = p.Both+both, p.OnlyA+onlyA, p.OnlyB+onlyB
		if labels == nil {
			return
		}
		l := labels[label]
		if l == nil {
			l = &Pair{}
			labels[label] = l
		}
		l.Both, l.OnlyA, l.OnlyB = l.Both+both, l.OnlyA+onlyA, l.OnlyB+onlyB
	}
	for s := range inA {
		if inB[s] {
			count(s.Label, 1, 0, 0)
		} else {
			count(s.Label, 0, 1, 0)
		}
	}
	for s := range inB {
		if !inA[s] {
			count(s.Label, 0, 0, 1)
		}
	}
	return p
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

// Tally sums agreement over many documents: per pair of layer owners, per
// label, and per document. Documents with fewer than two layers add
// nothing.
type Tally struct {
	pairs  map[[2]string]*Pair
	labels map[string]*Pair
	Docs   []DocScore
}

// DocScore is one document's mean pairwise F1.
type DocScore struct {
	ID    int64
	Name  string
	Mean  float64
	Pairs int // pairs with an F1
}

// LabelScore is the agreement on one label, summed over every pair.
type LabelScore struct {
	Label string
	Pair  // A and B unused
}

// Add counts one document's layers.
func (t *Tally) Add(id int64, name string, layers []Layer) {
	if len(layers) < 2 {
		return
	}
	if t.pairs == nil {
		t.pairs, t.labels = map[[2]string]*Pair{}, map[string]*Pair{}
	}
	sets := spanSets(layers)
	var pairs []Pair
	for i := range layers {
		for j := i + 1; j < len(layers); j++ {
			p := compare(layers[i].Name, layers[j].Name, sets[i], sets[j], t.labels)
			pairs = append(pairs, p)
			// The sum is kept under the two names in order, whichever
			// order a document lists them in.
			a, b, onlyA, onlyB := p.A, p.B, p.OnlyA, p.OnlyB
			if b < a {
				a, b, onlyA, onlyB = b, a, onlyB, onlyA
			}
			sum := t.pairs[[2]string{a, b}]
			if sum == nil {
				sum = &Pair{A: a, B: b}
				t.pairs[[2]string{a, b}] = sum
			}
			sum.Both, sum.OnlyA, sum.OnlyB = sum.Both+p.Both, sum.OnlyA+onlyA, sum.OnlyB+onlyB
		}
	}
	mean, n := Mean(pairs)
	t.Docs = append(t.Docs, DocScore{ID: id, Name: name, Mean: mean, Pairs: n})
}

// Pairs is the sum for each pair of owners, by name.
func (t *Tally) Pairs() []Pair {
	out := make([]Pair, 0, len(t.pairs))
	for _, p := range t.pairs {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(x, y Pair) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	return out
}

// Labels is the sum over every pair for each label, by label.
func (t *Tally) Labels() []LabelScore {
	out := make([]LabelScore, 0, len(t.labels))
	for label, p := range t.labels {
		out = append(out, LabelScore{Label: label, Pair: *p})
	}
	slices.SortFunc(out, func(x, y LabelScore) int { return strings.Compare(x.Label, y.Label) })
	return out
}

// Overall is the F1 of every pair's counts summed (micro average).
func (t *Tally) Overall() Pair {
	var sum Pair
	for _, p := range t.pairs {
		sum.Both, sum.OnlyA, sum.OnlyB = sum.Both+p.Both, sum.OnlyA+p.OnlyA, sum.OnlyB+p.OnlyB
	}
	return sum
}

// Worst is up to n documents with a score, least agreement first.
func (t *Tally) Worst(n int) []DocScore {
	var out []DocScore
	for _, d := range t.Docs {
		if d.Pairs > 0 {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(x, y DocScore) int {
		switch {
		case x.Mean < y.Mean:
			return -1
		case x.Mean > y.Mean:
			return 1
		}
		return 0
	})
	return out[:min(n, len(out))]
}
