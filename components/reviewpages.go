package components

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"hashiya/components/agreement"
)

// ReviewPageRows is how many rows a review page lists at most. Two
// annotators' layers of a long document make thousands of rows, and a
// table of 1,600 took seconds to parse and lay out; a page of 200 is
// quick, and the filters (disputed, undecided) shorten the list further.
const ReviewPageRows = 200

// rowPage is the part of the listed rows one page shows. A page starts
// at a row's place, not at a row number, so a row decided out of a
// filtered list does not push one unseen onto the page before.
type rowPage struct {
	Rows         []ReviewRow
	First, Total int // the index of its first row in the list, and the list's length
	// PrevAt is the previous page's last row and NextAt the next page's
	// first (and where it starts): the pager's links land on them, so j
	// and k walk on from page to page. PrevRows and NextRows count those
	// pages' rows.
	PrevAt, NextAt     string
	PrevRows, NextRows int
	// Back is true of a page asked for as the one before a row (the
	// Previous link's): its forms send that row, so a decision on it
	// comes back to the same rows.
	Back bool
}

// paged is the page of listed the review shows: from r.From, or the
// rows before r.Before, unless the row r.NoticeAt names (or, when that
// row has left a filtered list, the row after its place) is elsewhere;
// then the page of ReviewPageRows holding it. A page never cuts the
// labels of one place apart: it starts at the first of them and ends
// after the last, a few rows longer if need be. Next starts where the
// page ends and Previous ends where it starts, so the pages either way
// of a page meet it, neither overlapping nor leaving a row out.
func (r Review) paged(listed []ReviewRow) rowPage {
	first, end, back := 0, -1, false // end -1: ReviewPageRows on from first
	switch {
	case r.Before != "":
		if e := groupStart(listed, rowIndex(listed, r.Before)); e > 0 && e < len(listed) {
			first, end, back = groupStart(listed, max(e-ReviewPageRows, 0)), e, true
		}
	case r.From != "":
		first = rowIndex(listed, r.From)
	}
	if r.NoticeAt != "" {
		last := first + ReviewPageRows
		if end >= 0 {
			last = end
		}
		if at := rowIndex(listed, r.NoticeAt); at < first || at >= last {
			first, end, back = at/ReviewPageRows*ReviewPageRows, -1, false
		}
	}
	if first >= len(listed) {
		first = max(len(listed)-1, 0) / ReviewPageRows * ReviewPageRows
	}
	first = groupStart(listed, first)
	if end < 0 {
		end = groupEnd(listed, min(first+ReviewPageRows, len(listed)))
	}
	pg := rowPage{First: first, Total: len(listed), Back: back}
	pg.Rows = listed[first:end]
	if first > 0 {
		pg.PrevAt = listed[first-1].Anchor()
		pg.PrevRows = first - groupStart(listed, max(first-ReviewPageRows, 0))
	}
	if end < len(listed) {
		pg.NextAt = listed[end].Anchor()
		pg.NextRows = groupEnd(listed, min(end+ReviewPageRows, len(listed))) - end
	}
	return pg
}

// groupStart is i, or the index of the first label of its place when i
// is inside the labels of one place.
func groupStart(listed []ReviewRow, i int) int {
	for i > 0 && i < len(listed) && listed[i-1].place() == listed[i].place() {
		i--
	}
	return i
}

// groupEnd is end, or the index past the last label of its place when a
// page ending at end would cut the labels of one place apart.
func groupEnd(listed []ReviewRow, end int) int {
	for end > 0 && end < len(listed) && listed[end-1].place() == listed[end].place() {
		end++
	}
	return end
}

// rowIndex is the index in rows of the row anchor names, or of the
// first row after its place (len(rows) when none is); 0 for what is
// not an anchor.
func rowIndex(rows []ReviewRow, anchor string) int {
	at, ok := parseAnchor(anchor)
	if !ok {
		return 0
	}
	for i, row := range rows {
		if agreement.CompareSpans(row.Span, at) >= 0 {
			return i
		}
	}
	return len(rows)
}

// parseAnchor reads a row's anchor (ReviewRow.Anchor) back into its span.
func parseAnchor(anchor string) (agreement.Span, bool) {
	var s agreement.Span
	rest, ok := strings.CutPrefix(anchor, "c-")
	if !ok {
		return s, false
	}
	parts := strings.SplitN(rest, "-", 3)
	if len(parts) != 3 {
		return s, false
	}
	if _, err := fmt.Sscan(parts[0], &s.Start); err != nil {
		return s, false
	}
	if _, err := fmt.Sscan(parts[1], &s.End); err != nil {
		return s, false
	}
	label, err := url.PathUnescape(parts[2])
	s.Label = label
	return s, err == nil
}

// pageURL is the review page of the list shown whose rows start at the
// row from (key "from") or end before it ("before"), landing at the row
// at.
func (r Review) pageURL(key, row, at string) string {
	q := url.Values{}
	if f := r.filter(); f != "" {
		q.Set("show", f)
	}
	if row != "" {
		q.Set(key, row)
	}
	u := fmt.Sprintf("/documents/%d/review", r.Doc.ID)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u + "#" + at
}

// rangeText says which rows a page shows: "Rows 201–400 of 1,625".
func (pg rowPage) rangeText(ctx context.Context) string {
	return Tf(ctx, "Rows %s–%s of %s", thousands(pg.First+1), thousands(pg.First+len(pg.Rows)), thousands(pg.Total))
}

// keep is what the page's forms send so that a decision comes back to
// it: the row it starts from, or for a page asked for as the one before
// a row, that row; both "" on the first page.
func (pg rowPage) keep() (from, before string) {
	switch {
	case pg.Back:
		return "", pg.NextAt
	case pg.First == 0 || len(pg.Rows) == 0:
		return "", ""
	}
	return pg.Rows[0].Anchor(), ""
}

// paged is true when the list is longer than a page.
func (pg rowPage) paged() bool { return pg.PrevAt != "" || pg.NextAt != "" }

// textAround gives the rows a page draws their context and direction.
// Only those: a document's line may be its whole text, and walking back
// to its start for each of 30,000 rows took seconds.
type textAround struct {
	text     []rune
	newlines []int          // where each '\n' is, in code points
	dirs     map[int]string // each line's direction, by its start
}

func newTextAround(text string) *textAround {
	t := &textAround{text: []rune(text), dirs: map[int]string{}}
	for i, r := range t.text {
		if r == '\n' {
			t.newlines = append(t.newlines, i)
		}
	}
	return t
}

// lineDir is lineDir(t.text, at), each line's read once.
func (t *textAround) lineDir(at int) string {
	start := 0
	if i, _ := slices.BinarySearch(t.newlines, at); i > 0 {
		start = t.newlines[i-1] + 1
	}
	dir, ok := t.dirs[start]
	if !ok {
		dir = firstStrongDir(t.text, start)
		t.dirs[start] = dir
	}
	return dir
}

// inContext is rows with the words around each and its line's
// direction, for drawing them; rows itself is left as it is.
func (r Review) inContext(rows []ReviewRow) []ReviewRow {
	if len(rows) == 0 {
		return rows
	}
	t := newTextAround(r.Doc.Text)
	out := make([]ReviewRow, len(rows))
	for i, row := range rows {
		row.Before, row.After = contextBefore(t.text, row.Start), contextAfter(t.text, row.End)
		row.Dir = t.lineDir(row.Start)
		out[i] = row
	}
	return out
}
