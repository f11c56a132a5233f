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

// Layer is one annotator's spans, and their quotations with who said
// them, named for its owner.
type Layer struct {
	Name   string
	Spans  []Span
	Quotes []Quote
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
	slices.SortStableFunc(out, func(a, b Candidate) int { return CompareSpans(a.Span, b.Span) })
	return out
}

// CompareSpans orders spans as Candidates lists them: by start, the
// longer first, then by label.
func CompareSpans(a, b Span) int {
	switch {
	case a.Start != b.Start:
		return a.Start - b.Start
	case a.End != b.End:
		return b.End - a.End
	}
	return strings.Compare(a.Label, b.Label)
}

// Pair is how two layers agree: the spans both hold, and those only one
// of them holds. Of the spans only one side holds, Boundary counts the
// pairs of them that differ in extent only (same label, overlapping: one
// side took in a clitic or a title the other left out) and Relabel the
// pairs that differ in label only (same start and end); each span is in
// one such pair at most. The rest one side marked and the other did not.
type Pair struct {
	A, B               string
	Both, OnlyA, OnlyB int
	Boundary, Relabel  int
}

func (p *Pair) add(q Pair) {
	p.Both, p.OnlyA, p.OnlyB = p.Both+q.Both, p.OnlyA+q.OnlyA, p.OnlyB+q.OnlyB
	p.Boundary, p.Relabel = p.Boundary+q.Boundary, p.Relabel+q.Relabel
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

// F1Overlap is F1 with the spans that differ in extent only counted as
// agreeing: 2·(both + boundary) over the two layers' sizes. The gap
// between it and F1 is what the annotators' boundaries cost.
func (p Pair) F1Overlap() (f1 float64, ok bool) {
	total := 2*p.Both + p.OnlyA + p.OnlyB
	if total == 0 {
		return 0, false
	}
	return float64(2*(p.Both+p.Boundary)) / float64(total), true
}

// Precision is how much of A is in B, B taken as the reference:
// both over A's spans. Undefined (ok false) when A is empty.
func (p Pair) Precision() (float64, bool) { return ratio(p.Both, p.Both+p.OnlyA) }

// Recall is how much of B is in A, B taken as the reference: both over
// B's spans. Undefined (ok false) when B is empty.
func (p Pair) Recall() (float64, bool) { return ratio(p.Both, p.Both+p.OnlyB) }

func ratio(n, d int) (float64, bool) {
	if d == 0 {
		return 0, false
	}
	return float64(n) / float64(d), true
}

// Missed is how many spans one side marked where the other marked
// nothing like them: neither the same span, nor one differing in extent
// or label only.
func (p Pair) Missed() int { return p.OnlyA + p.OnlyB - 2*(p.Boundary+p.Relabel) }

// Pairs compares every two layers, in the order given.
func Pairs(layers []Layer) []Pair {
	sets := spanSets(layers)
	var out []Pair
	for i := range layers {
		for j := i + 1; j < len(layers); j++ {
			out = append(out, compare(layers[i].Name, layers[j].Name, sets[i], sets[j], sums{}))
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

// compare counts how layers a and b agree, and adds what it finds label
// by label into sums (see sums).
func compare(a, b string, inA, inB map[Span]bool, into sums) Pair {
	p := Pair{A: a, B: b}
	var onlyA, onlyB []Span
	for s := range inA {
		if inB[s] {
			p.Both++
			into.label(s.Label, Pair{Both: 1})
			into.agreed(s)
		} else {
			onlyA = append(onlyA, s)
			into.label(s.Label, Pair{OnlyA: 1})
		}
	}
	for s := range inB {
		if !inA[s] {
			onlyB = append(onlyB, s)
			into.label(s.Label, Pair{OnlyB: 1})
		}
	}
	p.OnlyA, p.OnlyB = len(onlyA), len(onlyB)
	boundary, relabel, usedA, usedB := near(onlyA, onlyB)
	p.Boundary, p.Relabel = len(boundary), len(relabel)
	for _, s := range boundary {
		into.label(s.Label, Pair{Boundary: 1})
	}
	for _, pr := range relabel {
		into.label(pr[0].Label, Pair{Relabel: 1})
		into.label(pr[1].Label, Pair{Relabel: 1})
		into.cell(pr[0].Label, pr[1].Label, pr[0])
	}
	into.missed(onlyA, usedA, onlyB, usedB)
	return p
}

// near pairs the spans only one side holds with their near misses on the
// other, each span in one pair at most, in text order: first spans of the
// same label that overlap (boundary: a's spans returned), then spans of
// the same extent with another label (relabel: a's and b's). usedA and
// usedB say which of onlyA and onlyB, as near sorts them, are in a pair;
// they are nil when no span is.
func near(onlyA, onlyB []Span) (boundary []Span, relabel [][2]Span, usedA, usedB []bool) {
	if len(onlyA) == 0 || len(onlyB) == 0 {
		return nil, nil, nil, nil
	}
	byPlace := func(x, y Span) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		if x.End != y.End {
			return x.End - y.End
		}
		return strings.Compare(x.Label, y.Label)
	}
	slices.SortFunc(onlyA, byPlace)
	slices.SortFunc(onlyB, byPlace)
	longestB := 0
	for _, s := range onlyB {
		longestB = max(longestB, s.End-s.Start)
	}
	usedA, usedB = make([]bool, len(onlyA)), make([]bool, len(onlyB))
	// match pairs each unused span of a with the first unused span of b
	// that ok accepts among those that overlap it: b's spans that start
	// before a's start minus b's longest span cannot reach it.
	match := func(ok func(x, y Span) bool, pair func(i, j int)) {
		for i, x := range onlyA {
			if usedA[i] {
				continue
			}
			from, _ := slices.BinarySearchFunc(onlyB, x.Start-longestB, func(s Span, start int) int { return s.Start - start })
			for j := from; j < len(onlyB) && onlyB[j].Start < x.End; j++ {
				if y := onlyB[j]; !usedB[j] && y.End > x.Start && ok(x, y) {
					usedA[i], usedB[j] = true, true
					pair(i, j)
					break
				}
			}
		}
	}
	match(func(x, y Span) bool { return x.Label == y.Label },
		func(i, _ int) { boundary = append(boundary, onlyA[i]) })
	match(func(x, y Span) bool { return x.Start == y.Start && x.End == y.End },
		func(i, j int) { relabel = append(relabel, [2]Span{onlyA[i], onlyB[j]}) })
	return boundary, relabel, usedA, usedB
}

// Mean is the average F1 of the pairs that have one, and how many do.
func Mean(pairs []Pair) (mean float64, n int) {
	return meanOf(pairs, Pair.F1)
}

// meanOf is the mean of the values items have (value's second result
// true), and how many had one.
func meanOf[T any](items []T, value func(T) (float64, bool)) (mean float64, n int) {
	sum := 0.0
	for _, it := range items {
		if v, ok := value(it); ok {
			sum += v
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
// nothing. Apart, AddGold sums each owner's layers against reviewed gold.
type Tally struct {
	pairs map[[2]string]*Pair
	// labels is each pair's sums by label, by the two names in order:
	// their "both" is the diagonal of the pair's Confusion.
	labels   map[[2]string]map[string]*Pair
	quotes   map[[2]string]*Attribution
	Docs     []DocScore
	gold     map[string]*GoldScore
	goldDocs int
	// reviewedGold counts every reviewed gold AddGold was given, with
	// layers to score against it or none.
	reviewedGold int
	// goldQuotes is each owner's quotations against gold, by name.
	goldQuotes map[string]*Attribution
	// kappas is each pair's Cohen's κ over words (AddWords).
	kappas map[[2]string]*Kappa
	// confusion is each pair's label against label counts (see
	// Confusion), by the two names in order, the first's label first.
	confusion map[[2]string]map[[2]string]int
	// listed, when ListCell asked for it, gathers the spans of one cell.
	listed *cellList
}

// GoldScore is one owner's layers against gold (A the owner, B "gold"),
// summed over the documents whose reviewed gold they annotated.
type GoldScore struct {
	Pair
	Docs int
}

// AddGold counts each layer of one document against its reviewed gold.
func (t *Tally) AddGold(gold Layer, layers []Layer) {
	t.reviewedGold++
	if len(layers) == 0 {
		return
	}
	if t.gold == nil {
		t.gold = map[string]*GoldScore{}
	}
	t.goldDocs++
	ref := spanSets([]Layer{gold})[0]
	for i, set := range spanSets(layers) {
		name := layers[i].Name
		sum := t.gold[name]
		if sum == nil {
			sum = &GoldScore{Pair: Pair{A: name, B: "gold"}}
			t.gold[name] = sum
		}
		sum.add(compare(name, "gold", set, ref, sums{}))
		sum.Docs++
		t.addGoldQuotes(gold, layers[i])
	}
}

// AgainstGold is each owner's score against gold, by name.
func (t *Tally) AgainstGold() []GoldScore {
	return sortedValues(t.gold, func(x, y GoldScore) int { return strings.Compare(x.A, y.A) })
}

// GoldDocs is how many documents AddGold counted: those with a layer.
func (t *Tally) GoldDocs() int { return t.goldDocs }

// ReviewedGold is how many reviewed golds AddGold was given, those of
// documents no annotator has a layer of included.
func (t *Tally) ReviewedGold() int { return t.reviewedGold }

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
		t.pairs, t.quotes = map[[2]string]*Pair{}, map[[2]string]*Attribution{}
		t.labels, t.confusion = map[[2]string]map[string]*Pair{}, map[[2]string]map[[2]string]int{}
	}
	sets := spanSets(layers)
	var pairs []Pair
	for i := range layers {
		for j := i + 1; j < len(layers); j++ {
			// Sums are kept under the two names in order, whichever
			// order a document lists them in.
			names, flip := [2]string{layers[i].Name, layers[j].Name}, layers[j].Name < layers[i].Name
			if flip {
				names[0], names[1] = names[1], names[0]
			}
			into := sums{labels: t.labels[names], confusion: t.confusion[names], flip: flip, seen: t.listed.seer(names, id, name)}
			if into.labels == nil {
				into.labels, into.confusion = map[string]*Pair{}, map[[2]string]int{}
				t.labels[names], t.confusion[names] = into.labels, into.confusion
			}
			p := compare(layers[i].Name, layers[j].Name, sets[i], sets[j], into)
			pairs = append(pairs, p)
			t.addPair(p, flip)
			t.addQuotes(layers[i], layers[j])
		}
	}
	mean, n := Mean(pairs)
	t.Docs = append(t.Docs, DocScore{ID: id, Name: name, Mean: mean, Pairs: n})
}

// addPair adds one document's pair to the sum for its two names, in
// order (flip: p names them the other way round).
func (t *Tally) addPair(p Pair, flip bool) {
	if flip {
		p.A, p.B, p.OnlyA, p.OnlyB = p.B, p.A, p.OnlyB, p.OnlyA
	}
	sum := t.pairs[[2]string{p.A, p.B}]
	if sum == nil {
		sum = &Pair{A: p.A, B: p.B}
		t.pairs[[2]string{p.A, p.B}] = sum
	}
	sum.add(p)
}

// Pairs is the sum for each pair of owners, by name.
func (t *Tally) Pairs() []Pair {
	return sortedValues(t.pairs, func(x, y Pair) int { return byNames(x.A, x.B, y.A, y.B) })
}

// sortedValues copies the sums of a tally's map into a list, in order.
func sortedValues[K comparable, V any](m map[K]*V, order func(x, y V) int) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, *v)
	}
	slices.SortFunc(out, order)
	return out
}

// byNames orders two pairs of names, by the first, then the second.
func byNames(a1, b1, a2, b2 string) int {
	if c := strings.Compare(a1, a2); c != 0 {
		return c
	}
	return strings.Compare(b1, b2)
}

// Labels is the sum over every pair for each label, by label.
func (t *Tally) Labels() []LabelScore {
	sum := map[string]*Pair{}
	for _, labels := range t.labels {
		for label, p := range labels {
			if sum[label] == nil {
				sum[label] = &Pair{}
			}
			sum[label].add(*p)
		}
	}
	out := make([]LabelScore, 0, len(sum))
	for label, p := range sum {
		out = append(out, LabelScore{Label: label, Pair: *p})
	}
	slices.SortFunc(out, func(x, y LabelScore) int { return strings.Compare(x.Label, y.Label) })
	return out
}

// Overall is the F1 of every pair's counts summed (micro average).
func (t *Tally) Overall() Pair {
	var sum Pair
	for _, p := range t.pairs {
		sum.add(*p)
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
