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
		name, from, before, at string
		first, n               int
		prevAt, nextAt         string
		prevRows, nextRows     int
	}{
		{"first page", "", "", "", 0, 200, "", anchor(200), 0, 200},
		{"second page", anchor(200), "", "", 200, 200, anchor(199), anchor(400), 200, 50},
		{"from a row's place", anchor(250), "", "", 250, 200, anchor(249), "", 200, 0},
		{"from a row gone", "c-2505-2507-PER", "", "", 250, 200, anchor(249), "", 200, 0},
		{"a decision on the page", anchor(200), "", anchor(399), 200, 200, anchor(199), anchor(400), 200, 50},
		{"a decision elsewhere", anchor(200), "", anchor(10), 0, 200, "", anchor(200), 0, 200},
		{"a decided row gone", "", "", "c-4105-4107-PER", 400, 50, anchor(399), "", 200, 0},
		{"past the end", "c-9999-10000-PER", "", "", 400, 50, anchor(399), "", 200, 0},
		{"not an anchor", "x", "", "", 0, 200, "", anchor(200), 0, 200},
		// The Previous link of a page starting at row 250 is the 200 rows
		// before it; one starting at row 150 has 150 before it.
		{"before a row", "", anchor(250), "", 50, 200, anchor(49), anchor(250), 50, 200},
		{"before a row near the top", "", anchor(150), "", 0, 150, "", anchor(150), 0, 200},
		{"a decision on a page before a row", "", anchor(250), anchor(60), 50, 200, anchor(49), anchor(250), 50, 200},
		{"before the first row", "", anchor(0), "", 0, 200, "", anchor(200), 0, 200},
	}
	for _, c := range cases {
		pg := Review{From: c.from, Before: c.before, NoticeAt: c.at}.paged(rows)
		if pg.First != c.first || len(pg.Rows) != c.n || pg.Total != 450 {
			t.Errorf("%s: rows %d+%d of %d, want %d+%d of 450", c.name, pg.First, len(pg.Rows), pg.Total, c.first, c.n)
		}
		if pg.PrevAt != c.prevAt || pg.NextAt != c.nextAt || pg.PrevRows != c.prevRows || pg.NextRows != c.nextRows {
			t.Errorf("%s: links (%q %d, %q %d), want (%q %d, %q %d)", c.name, pg.PrevAt, pg.PrevRows, pg.NextAt, pg.NextRows, c.prevAt, c.prevRows, c.nextAt, c.nextRows)
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

// TestReviewPagesMeetBothWays: with the labels of one place falling
// across where a page of 200 would end or start, the page the Previous
// link opens ends where the page it came from starts, and the Next link
// of that page opens the page it came from: no row on two pages, none
// on neither, walking forward then back and back then forward.
func TestReviewPagesMeetBothWays(t *testing.T) {
	rows := rowsAt(700)
	// Three groups of two labels: rows 49 and 50, 199 and 200, 450 and
	// 451 (the row 200 before 651, where a page starting there begins).
	for _, i := range []int{49, 199, 450} {
		rows[i].Label = "GPE"
		rows[i+1].Span = agreement.Span{Start: rows[i].Start, End: rows[i].End, Label: "LOC"}
	}
	// pageOf follows a pager link: its key (from or before) and row.
	pageOf := func(key, row string) rowPage {
		if key == "before" {
			return Review{Before: row}.paged(rows)
		}
		return Review{From: row}.paged(rows)
	}
	next := func(pg rowPage) rowPage { return pageOf("from", pg.NextAt) }
	prev := func(pg rowPage) rowPage { return pageOf("before", pg.Rows[0].Anchor()) }
	span := func(pg rowPage) [2]int { return [2]int{pg.First, pg.First + len(pg.Rows)} }

	// Forward from the top, each page starting where the last ended.
	var pages []rowPage
	for pg := (Review{}).paged(rows); ; pg = next(pg) {
		pages = append(pages, pg)
		if pg.NextAt == "" {
			break
		}
	}
	for i, pg := range pages {
		if i > 0 && pg.First != span(pages[i-1])[1] {
			t.Errorf("page %d starts at row %d, the page before it ending at %d", i+1, pg.First, span(pages[i-1])[1])
		}
		if pg.NextAt != "" && pg.NextRows != len(next(pg).Rows) {
			t.Errorf("page %d says Next %d, and that page has %d rows", i+1, pg.NextRows, len(next(pg).Rows))
		}
	}
	// Back from each page, and forward again.
	for _, pg := range append(pages, pageOf("from", rows[651].Anchor()), pageOf("from", rows[51].Anchor())) {
		if pg.PrevAt == "" {
			continue
		}
		back := prev(pg)
		if span(back)[1] != pg.First || back.NextAt != pg.Rows[0].Anchor() || back.Rows[len(back.Rows)-1].Anchor() != pg.PrevAt {
			t.Errorf("the page before rows %v is rows %v (next at %q), want it to end at row %d", span(pg), span(back), back.NextAt, pg.First)
		}
		if pg.PrevRows != len(back.Rows) {
			t.Errorf("rows %v say Previous %d, and that page has %d rows", span(pg), pg.PrevRows, len(back.Rows))
		}
		if again := next(back); again.First != pg.First {
			t.Errorf("back from rows %v and forward again: rows %v", span(pg), span(again))
		}
		// A decision on the page before keeps it as it is.
		from, before := back.keep()
		if kept := (Review{From: from, Before: before, NoticeAt: back.Rows[0].Anchor()}).paged(rows); span(kept) != span(back) {
			t.Errorf("a decision on rows %v comes back to rows %v", span(back), span(kept))
		}
	}
	// Before row 651, whose 200 rows back fall inside the group at 450:
	// the page takes in the whole group and ends at 651.
	if back := prev(pageOf("from", rows[651].Anchor())); span(back) != [2]int{450, 651} {
		t.Errorf("the page before row 651 is rows %v, want 450–651", span(back))
	}
}
