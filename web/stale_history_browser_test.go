package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserUndoSkipsAGoneSpan: a span deleted elsewhere cannot be
// undone; the step is dropped, so the next Ctrl+Z undoes the one before.
func TestBrowserUndoSkipsAGoneSpan(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	for i, w := range []struct{ word, key string }{{"صباح النعمان", "1"}, {"جهاز مكافحة الإرهاب", "2"}} {
		start, end := spanAt(t, doc.Text, w.word, 0)
		b.dragSelect(start, end)
		b.run(chromedp.KeyEvent(w.key))
		b.waitPage(i + 1)
	}
	spans := s.waitSpans(t, doc, s.user.ID, 2)
	gone := spans[0]
	if gone.Label != "ORG" {
		gone = spans[1]
	}
	if _, err := s.store.DeleteSpan(context.Background(), doc, s.user.ID, s.user.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	if msg := eval[string](b, `document.getElementById('save-error').textContent`); !strings.Contains(msg, "gone from the history") {
		t.Errorf("the failed undo says %q", msg)
	}
	b.waitPage(1)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	s.waitSpans(t, doc, s.user.ID, 0)
	b.waitPage(0)
	if eval[bool](b, `!document.getElementById('undo').disabled`) {
		t.Error("Undo is still enabled with nothing left to undo")
	}
}

// TestBrowserListOpensForRelabel: a span opened from the side list takes
// its label key even while text is selected elsewhere.
func TestBrowserListOpensForRelabel(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)
	other, otherEnd := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	b.dragSelect(other, otherEnd)
	b.run(chromedp.Click(chromedp.CSS("#span-list .span-item")), chromedp.WaitVisible(chromedp.ID("span-editor")))
	b.run(chromedp.KeyEvent("2")) // ORG
	for range 200 {
		spans := s.waitSpans(t, doc, s.user.ID, 1)
		if spans[0].Label == "ORG" {
			if spans[0].Start != start || spans[0].End != end {
				t.Errorf("relabelled span %+v, want %d..%d", spans[0], start, end)
			}
			return
		}
		b.run(chromedp.Sleep(25e6))
	}
	t.Fatal("the span opened from the list was not relabelled")
}
