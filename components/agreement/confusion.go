package agreement

import (
	"cmp"
	"maps"
	"slices"
)

// None stands in a Confusion for no span: the row or column of the spans
// one side marked where the other marked nothing like them.
const None = ""

// sums is where compare adds what it finds beyond the pair's own figures:
// by label (the by-label table, whose "both" is the Confusion's diagonal:
// counting it twice would cost a seventh of the tally's time) and, off
// the diagonal, label against label. A nil map is left alone; flip
// counts b's label first in the latter, so a sum kept under the names
// in order stays oriented by them (the by-label sums are not: they keep
// the documents' order of only-a and only-b, as they always have).
type sums struct {
	labels    map[string]*Pair
	confusion map[[2]string]int
	flip      bool
	// seen, when set, is told each span a cell counts, its labels in
	// the order of the names (see Tally.ListCell): the same calls that
	// count the cells, so a cell's list holds what its number counts.
	seen func(x, y string, at Span)
}

func (s sums) label(label string, q Pair) {
	if s.labels == nil {
		return
	}
	l := s.labels[label]
	if l == nil {
		l = &Pair{}
		s.labels[label] = l
	}
	l.add(q)
}

// cell counts one span, at, a labelled x and b labelled y (None: not
// marked).
func (s sums) cell(x, y string, at Span) {
	if s.confusion == nil {
		return
	}
	if s.flip {
		x, y = y, x
	}
	s.confusion[[2]string{x, y}]++
	if s.seen != nil {
		s.seen(x, y, at)
	}
}

// agreed tells seen of a span both sides hold, a span of the diagonal,
// which the sums by label count.
func (s sums) agreed(at Span) {
	if s.seen != nil {
		s.seen(at.Label, at.Label, at)
	}
}

// missed counts the spans only one side holds that are in no near miss
// (used, from near, is nil when none is) against None.
func (s sums) missed(onlyA []Span, usedA []bool, onlyB []Span, usedB []bool) {
	if s.confusion == nil {
		return
	}
	for i, x := range onlyA {
		if usedA == nil || !usedA[i] {
			s.cell(x.Label, None, x)
		}
	}
	for j, y := range onlyB {
		if usedB == nil || !usedB[j] {
			s.cell(None, y.Label, y)
		}
	}
}

// Confusion is which label each side gave the same words, span by span,
// as exact as F1 is: Count(x, y) counts the spans A labelled x and B
// labelled y with the same start and end, so the diagonal (x = y) is the
// spans both marked alike (F1's "both"), a cell off it a pair that
// differs in label only (the near miss "label differs"), and the None
// row and column the spans one side marked where the other marked
// nothing like them. Spans that differ in extent only (same label,
// overlapping) are in no cell: they are no confusion of labels. Nor is a
// span that overlaps one of another label without the same start and
// end: it counts against None on both sides, as it counts against F1.
//
// Summed over every pair (A and B empty) the table is symmetric: A is no
// one in particular, so Count(x, y) = Count(y, x) counts the pairs where
// one side said x and the other y, whichever did.
type Confusion struct {
	A, B  string
	cells map[[2]string]int
}

// Symmetric says the table is summed over every pair: rows and columns
// are no one's in particular.
func (c Confusion) Symmetric() bool { return c.A == "" && c.B == "" }

// Count is how many spans A labelled row and B col (None: not marked).
func (c Confusion) Count(row, col string) int { return c.cells[[2]string{row, col}] }

// Between is how many spans one side labelled x and the other y (x ≠ y),
// whichever side said which.
func (c Confusion) Between(x, y string) int {
	if c.Symmetric() {
		return c.Count(x, y)
	}
	return c.Count(x, y) + c.Count(y, x)
}

// Labels are the labels the table counts, by name, None left out.
func (c Confusion) Labels() []string {
	seen := map[string]bool{}
	for k := range c.cells {
		seen[k[0]], seen[k[1]] = true, true
	}
	delete(seen, None)
	out := make([]string, 0, len(seen))
	for l := range seen {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Confused is a count of spans two labels were given, one by each side.
type Confused struct {
	X, Y  string // X before Y by name
	Spans int
}

// MostConfused is up to n pairs of labels given to the same spans, the
// most often first (then by name); pairs that never were are left out.
func (c Confusion) MostConfused(n int) []Confused {
	labels := c.Labels()
	var out []Confused
	for i, x := range labels {
		for _, y := range labels[i+1:] {
			if k := c.Between(x, y); k > 0 {
				out = append(out, Confused{x, y, k})
			}
		}
	}
	slices.SortStableFunc(out, func(p, q Confused) int { return cmp.Compare(q.Spans, p.Spans) })
	return out[:min(n, len(out))]
}

// Confusion is the table of the pair a, b, a's labels as rows, whichever
// order they are named in; false when they never annotated a document
// both did.
func (t *Tally) Confusion(a, b string) (Confusion, bool) {
	flip := b < a
	if flip {
		a, b = b, a
	}
	if _, ok := t.labels[[2]string{a, b}]; !ok {
		return Confusion{}, false
	}
	cells := map[[2]string]int{}
	for k, n := range t.pairCells([2]string{a, b}) {
		if flip {
			k[0], k[1] = k[1], k[0]
		}
		cells[k] = n
	}
	if flip {
		a, b = b, a
	}
	return Confusion{A: a, B: b, cells: cells}, true
}

// pairCells are the cells of a pair's table, the first name's labels
// first: the diagonal read from its sums by label, the rest counted.
func (t *Tally) pairCells(names [2]string) map[[2]string]int {
	cells := maps.Clone(t.confusion[names])
	if cells == nil {
		cells = map[[2]string]int{}
	}
	for label, p := range t.labels[names] {
		if p.Both > 0 {
			cells[[2]string{label, label}] = p.Both
		}
	}
	return cells
}

// ConfusionOverall is the symmetric table summed over every pair.
func (t *Tally) ConfusionOverall() Confusion {
	sum := map[[2]string]int{}
	for names := range t.labels {
		for k, n := range t.pairCells(names) {
			sum[k] += n
			if k[0] != k[1] {
				sum[[2]string{k[1], k[0]}] += n
			}
		}
	}
	return Confusion{cells: sum}
}
