package components

import (
	"testing"

	"hashiya/components/agreement"
)

// rowsAt makes n review rows, PER spans at 10, 20, 30, ...
func rowsAt(n int) []ReviewRow {
	rows := make([]ReviewRow, n)
	for i := range rows {
		rows[i].Span = agreement.Span{Start: 10 * (i + 1), End: 10*(i+1) + 5, Label: "PER"}
	}
	return rows
}

// TestReviewPages: a long list is shown ReviewPageRows at a time, a page
// starting at the row its link names (or the one after that place, when
// the row has left the list), the page holding the row a decision came
// from when it is not the one asked for, and the last page for a place
// past the end.
func TestReviewPages(t *testing.T) {
	rows := rowsAt(450)
	anchor := func(i int) string { return rows[i].Anchor() }
	cases := []struct {
		name, from, at           string
		first, n                 int
		prevFrom, prevAt, nextAt string
	}{
		{"first page", "", "", 0, 200, "", "", anchor(200)},
		{"second page", anchor(200), "", 200, 200, "", anchor(199), anchor(400)},
		{"from a row's place", anchor(250), "", 250, 200, anchor(50), anchor(249), ""},
		{"from a row gone", "c-2505-2507-PER", "", 250, 200, anchor(50), anchor(249), ""},
		{"a decision on the page", anchor(200), anchor(399), 200, 200, "", anchor(199), anchor(400)},
		{"a decision elsewhere", anchor(200), anchor(10), 0, 200, "", "", anchor(200)},
		{"a decided row gone", "", "c-4105-4107-PER", 400, 50, anchor(200), anchor(399), ""},
		{"past the end", "c-9999-10000-PER", "", 400, 50, anchor(200), anchor(399), ""},
		{"not an anchor", "x", "", 0, 200, "", "", anchor(200)},
	}
	for _, c := range cases {
		pg := Review{From: c.from, NoticeAt: c.at}.paged(rows)
		if pg.First != c.first || len(pg.Rows) != c.n || pg.Total != 450 {
			t.Errorf("%s: rows %d+%d of %d, want %d+%d of 450", c.name, pg.First, len(pg.Rows), pg.Total, c.first, c.n)
		}
		if pg.PrevFrom != c.prevFrom || pg.PrevAt != c.prevAt || pg.NextAt != c.nextAt {
			t.Errorf("%s: links (%q, %q, %q), want (%q, %q, %q)", c.name, pg.PrevFrom, pg.PrevAt, pg.NextAt, c.prevFrom, c.prevAt, c.nextAt)
		}
	}
	if pg := (Review{}).paged(rowsAt(200)); pg.paged() || len(pg.Rows) != 200 {
		t.Errorf("200 rows: paged %v with %d rows, want one page of 200", pg.paged(), len(pg.Rows))
	}
	if pg := (Review{}).paged(nil); pg.paged() || len(pg.Rows) != 0 {
		t.Errorf("no rows: paged %v with %d rows", pg.paged(), len(pg.Rows))
	}
}

// TestReviewAnchorRoundTrip: a row's anchor reads back as its span, a
// label with a hyphen or Arabic letters included.
func TestReviewAnchorRoundTrip(t *testing.T) {
	for _, sp := range []agreement.Span{{Start: 0, End: 4, Label: "PER"}, {Start: 12, End: 130, Label: "B-ORG"}, {Start: 7, End: 9, Label: "شخص"}} {
		row := ReviewRow{Span: sp}
		got, ok := parseAnchor(row.Anchor())
		if !ok || got != sp {
			t.Errorf("%+v: anchor %q reads back as %+v (%v)", sp, row.Anchor(), got, ok)
		}
	}
}

// TestReviewPagesKeepLabelGroups: the labels of one place are never cut
// apart by a page's end: a page ending inside a group takes in the rest
// of it, and the next page starts after it; a page asked to start inside
// a group starts at its first label.
func TestReviewPagesKeepLabelGroups(t *testing.T) {
	rows := rowsAt(300)
	// Rows 199 and 200 become the GPE and LOC of one place, 199's.
	rows[199].Label = "GPE"
	rows[200].Span = agreement.Span{Start: rows[199].Start, End: rows[199].End, Label: "LOC"}
	pg := Review{}.paged(rows)
	if len(pg.Rows) != 201 || pg.NextAt != rows[201].Anchor() {
		t.Errorf("first page: %d rows, next at %q; want 201 rows, next at %q", len(pg.Rows), pg.NextAt, rows[201].Anchor())
	}
	pg = Review{From: rows[200].Anchor()}.paged(rows)
	if pg.First != 199 || pg.PrevAt != rows[198].Anchor() {
		t.Errorf("a page from the group's second label starts at row %d (previous %q), want 199", pg.First, pg.PrevAt)
	}
	groups := labelGroups(rows[198:202])
	if g := groups[rows[199].Anchor()]; g.Size != 2 || g.Labels != 2 || g.Last {
		t.Errorf("the group's first label: %+v", g)
	}
	if g := groups[rows[200].Anchor()]; g.Size != 0 || g.Labels != 2 || !g.Last {
		t.Errorf("the group's second label: %+v", g)
	}
	if g := groups[rows[198].Anchor()]; g.Size != 1 || g.Labels != 1 {
		t.Errorf("a row alone: %+v", g)
	}
}
