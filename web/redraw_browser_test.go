package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserRedrawsOnlyWhatChanged: after a save the page replaces the
// paragraphs the change touched and patches the span list in the store's
// order; other paragraphs stay the very same elements, and the page reads
// as a fresh load would.
func TestBrowserRedrawsOnlyWhatChanged(t *testing.T) {
	text := "قال الوزير أحمد إن الاقتصاد ينمو.\nوأضاف سالم أن الأسعار مستقرة.\nوأكد خالد أن الرياض آمنة."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "three", Text: text, Meta: json.RawMessage(`{}`)})
	doc := s.docs["three"]
	ctx := context.Background()
	for _, w := range []struct{ word, label string }{{"أحمد", "PER"}, {"خالد", "PER"}, {"الرياض", "LOC"}} {
		start, end := spanAt(t, text, w.word, 0)
		if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: w.label}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	// Mark every paragraph element, to see which ones a redraw replaces.
	eval[bool](b, `document.querySelectorAll('#doc > p').forEach((p, i) => { p.dataset.mark = 'old' + i; }); true`)
	marks := func() string {
		return eval[string](b, `[...document.querySelectorAll('#doc > p')].map((p) => p.dataset.mark || 'new').join(' ')`)
	}
	list := func() string {
		return eval[string](b, `[...document.querySelectorAll('#span-list .span-item')].map((s) => s.dataset.label + ':' + s.querySelector('.text').textContent).join(' ')`)
	}
	// The text as a fresh view draws it and as the page shows it, element
	// by element, styles read back through the CSSOM (the chips, drawn on
	// the page, aside), to compare the patched page with.
	const canon = `(root) => [...root.querySelectorAll('p, span:not(.chips, .chip)')].map((e) => {
	  const c = e.cloneNode(false);
	  return [e.tagName, c.getAttribute('data-start'), c.getAttribute('data-spans'), c.getAttribute('data-chip'),
	    c.style.cssText, e.children.length ? '' : e.textContent].join('|');
	}).join('\n')`
	same := func(when string) {
		t.Helper()
		want := eval[string](b, `fetch(location.pathname + '/view').then((r) => r.text()).then((html) =>
		  (`+canon+`)(new DOMParser().parseFromString(html, 'text/html').querySelector('[data-part="doc"]')))`)
		if got := eval[string](b, `(`+canon+`)(document.getElementById('doc'))`); got != want {
			t.Errorf("%s: the patched text differs from a fresh one:\n got %s\nwant %s", when, got, want)
		}
	}
	labelIs := func(word, label string) {
		t.Helper()
		start, end := spanAt(t, text, word, 0)
		for range 200 {
			l, err := s.store.LayerOf(ctx, doc, s.user.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, sp := range l.Spans {
				if sp.Start == start && sp.End == end && sp.Label == label {
					return
				}
			}
			time.Sleep(25 * time.Millisecond)
		}
		t.Fatalf("%s never became %s", word, label)
	}

	// A new span in the second paragraph, between the others in the list.
	start, end := spanAt(t, text, "سالم", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(4)
	if got := marks(); got != "old0 new old2" {
		t.Errorf("after a span in the second paragraph the paragraphs are %q, want only the second new", got)
	}
	if got := list(); got != "PER:أحمد PER:سالم PER:خالد LOC:الرياض" {
		t.Errorf("span list %q, want the new span in text order", got)
	}
	same("after creating")

	// Relabel the span in the third paragraph from its editor.
	start, _ = spanAt(t, text, "الرياض", 0)
	b.clickChar(start + 1)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	eval[bool](b, `document.querySelectorAll('#doc > p').forEach((p, i) => { p.dataset.mark = 'old' + i; }); true`)
	b.run(chromedp.KeyEvent("4")) // GPE
	labelIs("الرياض", "GPE")
	b.waitPage(4)
	if got := marks(); got != "old0 old1 new" {
		t.Errorf("after relabelling in the third paragraph the paragraphs are %q", got)
	}
	if got := list(); got != "PER:أحمد PER:سالم PER:خالد GPE:الرياض" {
		t.Errorf("span list after relabelling %q", got)
	}
	same("after relabelling")

	// Delete it, then undo: the entry leaves and comes back in its place.
	b.run(chromedp.KeyEvent(kb.Delete))
	b.waitPage(3)
	if got := list(); got != "PER:أحمد PER:سالم PER:خالد" {
		t.Errorf("span list after deleting %q", got)
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	b.waitPage(4)
	if got := list(); got != "PER:أحمد PER:سالم PER:خالد GPE:الرياض" {
		t.Errorf("span list after undoing the delete %q", got)
	}
	same("after undoing the delete")
}

// TestViewOnlyParam: a partial view names a malformed range.
func TestViewOnlyParam(t *testing.T) {
	env := newAPIEnv(t)
	base := fmt.Sprintf("/documents/%d/view", env.doc.ID)
	expect(t, env.do(http.MethodGet, base+"?only=3-9,0-1", nil), http.StatusOK)
	rec := env.do(http.MethodGet, base+"?only=9-3", nil)
	expect(t, rec, http.StatusBadRequest)
	if msg := errorOf(t, rec); !strings.Contains(msg, "only") || !strings.Contains(msg, `"9-3"`) {
		t.Errorf("error %q, want it to name only and the bad range", msg)
	}
}
