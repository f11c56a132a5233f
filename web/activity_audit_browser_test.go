package web_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserActivityRowsOneLine: on the activity page a document's id
// keeps to one line (cut with an ellipsis when long, whole in its title),
// so a short change is a row one line high, on a laptop and at 200%
// zoom, and the page never scrolls sideways.
func TestBrowserActivityRowsOneLine(t *testing.T) {
	long := "ctsi-intelligence-cell-bulletin-2024-spring-evening-edition-part-two"
	s := newSite(t, codec.Doc{Line: 1, ExternalID: long, Text: "قال الوزير إن الاقتصاد ينمو.", Meta: json.RawMessage(`{}`)},
		codec.Doc{Line: 2, ExternalID: "ctsi-intelligence-cell", Text: "وصل الوفد إلى الرياض.", Meta: json.RawMessage(`{}`)})
	for _, id := range []string{long, "ctsi-intelligence-cell"} {
		if _, err := s.store.CreateSpan(t.Context(), s.docs[id], s.user.ID, s.user.ID, db.SpanInput{Start: 4, End: 10, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	for _, vp := range []struct{ w, h int64 }{{1366, 768}, {683, 384}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(fmt.Sprintf("%s/projects/%d/activity", s.url, s.proj.ID)))
		b.waitLoaded()
		rows := eval[[]struct {
			Doc, Title      string
			Lines, RowLines float64
		}](b, `[...document.querySelectorAll('table.activity tbody tr')].filter((tr) => tr.querySelector('td.event-doc a')).map((tr) => {
		  const a = tr.querySelector('td.event-doc a');
		  const line = parseFloat(getComputedStyle(tr.cells[0]).lineHeight);
		  return {doc: a.textContent, title: a.title, lines: a.getBoundingClientRect().height / line, rowLines: tr.getBoundingClientRect().height / line};
		})`)
		if len(rows) != 2 {
			t.Fatalf("at %d px the activity lists %d changes to documents, want 2", vp.w, len(rows))
		}
		for _, r := range rows {
			if r.Lines > 1.5 || r.Title != r.Doc {
				t.Errorf("at %d px the id of %s takes %.1f lines, its title %q", vp.w, r.Doc, r.Lines, r.Title)
			}
			// On a laptop the change itself fits its line too.
			if vp.w == 1366 && r.RowLines > 1.9 {
				t.Errorf("at %d px the change to %s is %.1f lines high", vp.w, r.Doc, r.RowLines)
			}
		}
		if sw, cw := eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`); sw > cw {
			t.Errorf("at %d px the activity page scrolls sideways: %d > %d", vp.w, sw, cw)
		}
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
