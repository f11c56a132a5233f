package agreement

import (
	"cmp"
	"slices"
)

// Cell names one cell of a table of labels confused: the spans given Row
// by one side and Col by the other (None: marked nothing like them), of
// the pair A, B, A's labels the rows, or, A and B empty, summed over
// every pair, whichever side said which.
type Cell struct {
	A, B     string
	Row, Col string
}

// CellSpan is one span a Cell counts, in document Doc (named DocName):
// First gave it the cell's Row, Second its Col, where None says they
// marked nothing like it. First is the pair's A; summed over every pair,
// the side that said Row.
type CellSpan struct {
	Doc           int64
	DocName       string
	Start, End    int
	First, Second string
}

// cellList gathers the spans of one cell as the tally counts them.
type cellList struct {
	cell  Cell
	spans []CellSpan
	order map[int64]int // each document's place in the tally's order
}

// ListCell asks the tally to gather the spans cell counts, from the next
// document Add is given: CellSpans then lists them. They are told by the
// calls that count the table's cells, so as many are listed as
// Confusion(A, B).Count(Row, Col), or ConfusionOverall's, counts.
func (t *Tally) ListCell(cell Cell) {
	t.listed = &cellList{cell: cell, order: map[int64]int{}}
}

// CellSpans are the spans of the cell ListCell named, by document in
// the order Add was given them, then by start, the longer first, then
// by who said Row.
func (t *Tally) CellSpans() []CellSpan {
	if t.listed == nil {
		return nil
	}
	out := slices.Clone(t.listed.spans)
	order := t.listed.order
	slices.SortStableFunc(out, func(x, y CellSpan) int {
		return cmp.Or(cmp.Compare(order[x.Doc], order[y.Doc]), cmp.Compare(x.Start, y.Start),
			cmp.Compare(y.End, x.End), cmp.Compare(x.First, y.First), cmp.Compare(x.Second, y.Second))
	})
	return out
}

// CellSpanCount is how many spans CellSpans lists, without sorting them.
func (t *Tally) CellSpanCount() int {
	if t.listed == nil {
		return 0
	}
	return len(t.listed.spans)
}

// seer is what the sums of the pair names (in order) in document id
// tell of each span they count: nil when no cell is listed.
func (l *cellList) seer(names [2]string, id int64, doc string) func(x, y string, at Span) {
	if l == nil {
		return nil
	}
	if _, ok := l.order[id]; !ok {
		l.order[id] = len(l.order)
	}
	return func(x, y string, at Span) {
		if first, second, ok := l.cell.holds(names, x, y); ok {
			l.spans = append(l.spans, CellSpan{Doc: id, DocName: doc, Start: at.Start, End: at.End, First: first, Second: second})
		}
	}
}

// holds says whether the cell counts a span names[0] labelled x and
// names[1] y, and who said the row's label and who the column's. It
// mirrors how Confusion and ConfusionOverall read the pairs' cells: a
// pair's table flips the two when its first is the later name; the
// summed one adds each pair's x, y cell to y, x as well, off the
// diagonal.
func (c Cell) holds(names [2]string, x, y string) (first, second string, ok bool) {
	switch {
	case c.A != "" || c.B != "":
		if names == [2]string{c.A, c.B} && x == c.Row && y == c.Col {
			return c.A, c.B, true
		}
		if names == [2]string{c.B, c.A} && y == c.Row && x == c.Col {
			return c.A, c.B, true
		}
	case x == c.Row && y == c.Col:
		return names[0], names[1], true
	case y == c.Row && x == c.Col:
		return names[1], names[0], true
	}
	return "", "", false
}
