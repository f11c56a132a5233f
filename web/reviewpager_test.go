package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestReviewPreviousMeetsThePage: 260 words, layla's PER on each and
// karim's LOC on the first, so the first two rows are one group. The
// page from row 201 (as a link from Compare in the text opens it) has a
// Previous link whose page ends at row 200, the group whole at its top,
// and whose Next link opens row 201 again: no row on both pages, none
// on neither, and the link's count is that page's rows.
func TestReviewPreviousMeetsThePage(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.importDoc("long", strings.TrimSpace(strings.Repeat("كلمة ", 260)))
	for i := range 260 {
		if _, err := te.store.CreateSpan(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: 5 * i, End: 5*i + 4, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := te.store.CreateSpan(t.Context(), doc, te.karim.user.ID, te.karim.user.ID, db.SpanInput{Start: 0, End: 4, Label: "LOC"}); err != nil {
		t.Fatal(err)
	}
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	// Row 0 is the first word's LOC, row 1 its PER; row i+1 word i's PER.
	row := func(i int) string {
		if i == 0 {
			return "c-0-4-LOC"
		}
		return fmt.Sprintf("c-%d-%d-PER", 5*(i-1), 5*(i-1)+4)
	}
	ids := func(d *goquery.Document) []string {
		return d.Find("#candidates tbody tr").Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("id", "") })
	}
	page := htmlPage(t, te.rana.get(review+"?from="+row(201)), http.StatusOK)
	if got := ids(page); len(got) != 60 || got[0] != row(201) {
		t.Fatalf("the page from row 201 lists %d rows from %q", len(got), got[0])
	}
	prev := page.Find("#review-prev")
	if got := words(prev) + " " + prev.AttrOr("href", ""); got != "Previous 201 "+review+"?before="+row(201)+"#"+row(200) {
		t.Errorf("Previous reads %q", got)
	}
	back := htmlPage(t, te.rana.get(strings.Split(prev.AttrOr("href", ""), "#")[0]), http.StatusOK)
	got := ids(back)
	if len(got) != 201 || got[0] != row(0) || got[200] != row(200) || words(back.Find(".page-range").First()) != "Rows 1–201 of 261" {
		t.Errorf("the page before row 201 lists %d rows, %q to %q (%s), want rows 0 to 200", len(got), got[0], got[len(got)-1], words(back.Find(".page-range").First()))
	}
	if next := back.Find("#review-next").AttrOr("href", ""); next != review+"?from="+row(201)+"#"+row(201) {
		t.Errorf("its Next opens %q, want the page from row 201", next)
	}
	// A decision there comes back to the same rows.
	if v := back.Find(`#candidates input[name="before"]`).First().AttrOr("value", ""); v != row(201) || back.Find(`#candidates input[name="from"]`).Length() != 0 {
		t.Errorf("its forms send before=%q", v)
	}
}
