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
		"amina |  | imported setup: 1 document, 0 spans, 0 relations",
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

// TestActivityFilters: the log narrows to one user's changes (?who=), to
// those on one document (?doc=), or both, the older-changes link keeping
// the filter; a filter matching nothing says so, naming it; a value too
// long is refused.
func TestActivityFilters(t *testing.T) {
	te := newTeamEnv(t)
	doc2 := te.docs[1]
	for _, c := range []struct {
		who *queueActor
		doc db.Document
	}{{te.layla, te.doc}, {te.layla, doc2}, {te.karim, te.doc}} {
		if _, err := te.store.CreateSpan(t.Context(), c.doc, c.who.user.ID, c.who.user.ID, db.SpanInput{Start: 0, End: 2, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	activity := fmt.Sprintf("/projects/%d/activity", te.proj.ID)
	for _, tt := range []struct{ query, want string }{
		{"?who=layla", "layla | doc-2 | added a span PER 0–2 “نص” in layla's layer\nlayla | doc-1 | added a span PER 0–2 “قا” in layla's layer"},
		{"?doc=doc-1", "karim | doc-1 | added a span PER 0–2 “قا” in karim's layer\nlayla | doc-1 | added a span PER 0–2 “قا” in layla's layer"},
		{"?who=+karim+&doc=doc-1", "karim | doc-1 | added a span PER 0–2 “قا” in karim's layer"},
	} {
		d := htmlPage(t, te.samir.get(activity+tt.query), http.StatusOK)
		if got := strings.Join(activityRows(d.Find("table.activity tbody tr")), "\n"); got != tt.want {
			t.Errorf("%s lists\n%s\nwant\n%s", tt.query, got, tt.want)
		}
		if d.Find("#activity-all").Length() != 1 {
			t.Errorf("%s: no link back to every change", tt.query)
		}
	}
	d := htmlPage(t, te.samir.get(activity+"?who=omar&doc=doc-1"), http.StatusOK)
	if got := strings.Join(strings.Fields(isolates.Replace(d.Find("#activity-none").Text())), " "); got != "No change in this project by “omar” on document “doc-1” matches." {
		t.Errorf("a filter matching nothing says %q", got)
	}
	if v := d.Find("#activity-who").AttrOr("value", ""); v != "omar" {
		t.Errorf("the filter form forgot the user: %q", v)
	}
	// Fifty more changes by layla (and as many by karim): the older link
	// keeps the filter.
	for range 25 {
		for _, who := range []*queueActor{te.layla, te.karim} {
			sp, err := te.store.CreateSpan(t.Context(), doc2, who.user.ID, who.user.ID, db.SpanInput{Start: 3, End: 6, Label: "LOC"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := te.store.DeleteSpan(t.Context(), doc2, who.user.ID, who.user.ID, sp.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	older, _ := htmlPage(t, te.samir.get(activity+"?who=layla"), http.StatusOK).Find(`a[rel="next"]`).Attr("href")
	if !strings.Contains(older, "who=layla") {
		t.Errorf("the older changes link %q drops the filter", older)
	}
	if got := activityRows(htmlPage(t, te.samir.get(older), http.StatusOK).Find("table.activity tbody tr")); len(got) != 2 || !strings.HasPrefix(got[0], "layla | doc-2") {
		t.Errorf("the second page of layla's 52 changes lists %q, want her first two", got)
	}
	expect(t, te.samir.get(activity+"?who="+strings.Repeat("x", 201)), http.StatusBadRequest)
}
