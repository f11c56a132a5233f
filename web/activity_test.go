package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestActivityPage: a manager reads every change of the project, who made
// it, on which document and in whose layer, newest first, fifty at a time.
func TestActivityPage(t *testing.T) {
	env := newAPIEnv(t)
	ctx := context.Background()
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)
	start, end := cpSpan(t, apiText, "أحمد")
	rec := env.do(http.MethodPost, spans, fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, start, end))
	expect(t, rec, http.StatusCreated)
	var sp db.Span
	decodeJSON(t, rec, &sp)
	expect(t, env.do(http.MethodPatch, fmt.Sprintf("%s/%d", spans, sp.ID), `{"label":"ORG"}`), http.StatusOK)
	expect(t, env.do(http.MethodPost, spans+"?layer=gold", fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, start, end)), http.StatusCreated)

	page := func(query string) *goquery.Document {
		t.Helper()
		rec := env.do(http.MethodGet, fmt.Sprintf("/projects/%d/activity%s", env.proj.ID, query), nil)
		expect(t, rec, http.StatusOK)
		d, err := goquery.NewDocumentFromReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	rows := page("").Find("table.activity tbody tr")
	got := activityRows(rows)
	want := []string{
		"amina | doc-1 | added a span PER 13–17 “أحمد” in gold",
		"amina | doc-1 | changed a span PER 13–17 “أحمد” → ORG 13–17 “أحمد” in amina's layer",
		"amina | doc-1 | added a span PER 13–17 “أحمد” in amina's layer",
		"amina |  | imported setup: 1 documents, 0 spans, 0 relations",
		"amina |  | created the project أخبار",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("activity rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if href, _ := rows.First().Find("a").Attr("href"); href != fmt.Sprintf("/documents/%d", env.doc.ID) {
		t.Errorf("the document links to %q", href)
	}

	// Sixty more changes: fifty on the first page, then an "Older" link.
	for range 30 {
		made, err := env.store.CreateSpan(ctx, env.doc, env.user.ID, env.user.ID, db.SpanInput{Start: 0, End: 3, Label: "CUE"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.store.DeleteSpan(ctx, env.doc, env.user.ID, env.user.ID, made.ID); err != nil {
			t.Fatal(err)
		}
	}
	first := page("")
	older, ok := first.Find(`a[rel="next"]`).Attr("href")
	if n := first.Find("table.activity tbody tr").Length(); n != 50 || !ok {
		t.Fatalf("first page: %d rows, older link %v; want 50 and a link", n, ok)
	}
	_, query, _ := strings.Cut(older, "activity")
	second := page(query)
	if n := second.Find("table.activity tbody tr").Length(); n != 65-50 || second.Find(`a[rel="next"]`).Length() != 0 {
		t.Errorf("second page: %d rows (want 15) and an older link: %d", n, second.Find(`a[rel="next"]`).Length())
	}
	if last := second.Find("table.activity tbody tr").Last().Text(); !strings.Contains(last, "created the project") {
		t.Errorf("the oldest change is %q, want the project's creation", last)
	}

	rec = env.do(http.MethodGet, fmt.Sprintf("/projects/%d/activity?before=x", env.proj.ID), nil)
	expect(t, rec, http.StatusBadRequest)
	if msg := errorOf(t, rec); !strings.Contains(msg, "before") {
		t.Errorf("bad before= says %q", msg)
	}
}

// activityRows reads rows of the activity table as "who | document |
// what", white space folded and bidi isolates dropped.
func activityRows(rows *goquery.Selection) []string {
	var got []string
	rows.Each(func(_ int, r *goquery.Selection) {
		cells := r.Find("td").Map(func(_ int, c *goquery.Selection) string {
			return strings.Join(strings.Fields(isolates.Replace(c.Text())), " ")
		})
		got = append(got, strings.Join(cells[1:], " | "))
	})
	return got
}

// isolates drops the bidi isolates the activity page puts around quoted
// texts.
var isolates = strings.NewReplacer("\u2068", "", "\u2069", "")
