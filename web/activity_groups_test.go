package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestActivityGroupsPage: forty spans added and then deleted at once each
// read as one row that opens to its entries, counting as one of the
// page's fifty rows, and a run at the foot of a page is never cut: the
// next page starts after it. The log itself keeps an entry per change.
func TestActivityGroupsPage(t *testing.T) {
	te := newTeamEnv(t)
	ctx := t.Context()
	var made []db.Span
	extents := [][2]int{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}}
	labels := []string{"PER", "ORG", "LOC", "GPE", "DATE", "QUOTE", "CUE"}
	for i := range 40 {
		at := extents[i%len(extents)]
		sp, err := te.store.CreateSpan(ctx, te.doc, te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: at[0], End: at[1], Label: labels[i/len(extents)]})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, sp)
	}
	for _, sp := range made {
		if _, err := te.store.DeleteSpan(ctx, te.doc, te.layla.user.ID, te.layla.user.ID, sp.ID); err != nil {
			t.Fatal(err)
		}
	}
	// 49 single rows above them: karim adding and deleting in turn.
	var last db.Span
	for i := range 49 {
		var err error
		if i%2 == 0 {
			last, err = te.store.CreateSpan(ctx, te.doc, te.karim.user.ID, te.karim.user.ID, db.SpanInput{Start: 0, End: 2, Label: "PER"})
		} else {
			_, err = te.store.DeleteSpan(ctx, te.doc, te.karim.user.ID, te.karim.user.ID, last.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	activity := fmt.Sprintf("/projects/%d/activity", te.proj.ID)
	first := htmlPage(t, te.samir.get(activity), http.StatusOK)
	rows := first.Find("table.activity tbody tr")
	if rows.Length() != 50 {
		t.Fatalf("the first page has %d rows, want 49 single changes and the run of deletions", rows.Length())
	}
	run := rows.Last()
	if got := summaryOf(run); got != "deleted 40 spans from layla's layer" || run.Find("details li").Length() != 40 {
		t.Errorf("the last row reads %q and opens to %d entries", got, run.Find("details li").Length())
	}
	older, ok := first.Find(`a[rel="next"]`).Attr("href")
	if !ok {
		t.Fatal("no older changes link")
	}
	second := htmlPage(t, te.samir.get(older), http.StatusOK)
	next := second.Find("table.activity tbody tr")
	if got := summaryOf(next.First()); got != "added 40 spans to layla's layer" || strings.Contains(second.Text(), "deleted the span") {
		t.Errorf("the second page starts with %q; a deletion of the run there: %v", got, strings.Contains(second.Text(), "deleted the span"))
	}
	if n, err := te.store.EventCount(ctx, "span.delete"); err != nil || n != 40+24 {
		t.Errorf("the log holds %d span deletions (%v), want one per change", n, err)
	}
}

// summaryOf is a grouped row's line, without the bidi isolates.
func summaryOf(row *goquery.Selection) string {
	return isolates.Replace(row.Find("details summary").Text())
}
