package web_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserLayerReadOnlyWhenChanged: the page reads the layer once
// it is idle after opening, and keeps the layer it last read with its
// tag. Opening a quotation again with nothing changed is
// answered 304 Not Modified and shows what it showed; after a change
// made elsewhere (another tab, another client) the page is sent the layer
// again and shows the change.
func TestBrowserLayerReadOnlyWhenChanged(t *testing.T) {
	text := "قال الوزير أحمد إن «الاقتصاد ينمو» في الرياض."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "one", Text: text, Meta: json.RawMessage(`{}`)})
	doc := s.docs["one"]
	mark := func(word, label string) db.Span {
		start, end := spanAt(t, text, word, 0)
		sp, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	per := mark("أحمد", "PER")
	quote := mark("الاقتصاد ينمو", "QUOTE")
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	// lastRead is the status of the page's last request for the layer.
	lastRead := func() int {
		return eval[int](b, `(() => {
		  const reads = performance.getEntriesByType('resource').filter((e) => /\/api\/v1\/documents\/\d+\/spans(\?|$)/.test(e.name));
		  return reads.length ? reads[reads.length - 1].responseStatus : 0;
		})()`)
	}
	reads := func() int {
		return eval[int](b, `performance.getEntriesByType('resource').filter((e) => /\/api\/v1\/documents\/\d+\/spans(\?|$)/.test(e.name)).length`)
	}
	// openQuote opens the quotation from the list and waits until the
	// page has read the layer again and shows want as its speaker.
	openQuote := func(want string) {
		t.Helper()
		before := reads()
		b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#span-list .span-item[data-span="%d"]`, quote.ID))))
		b.waitFor(fmt.Sprintf(`!document.getElementById('quote-tools').hidden
		  && performance.getEntriesByType('resource').filter((e) => /\/api\/v1\/documents\/\d+\/spans(\?|$)/.test(e.name)).length > %d
		  && document.getElementById('q-speaker').textContent === %q`, before, want))
	}
	closeEditor := func() {
		b.run(chromedp.KeyEvent(kb.Escape))
		b.waitFor(`document.getElementById('span-editor').hidden`)
	}

	// The page reads the layer once, while idle after opening, so the
	// first quotation opened finds it held.
	waitLayerHeld(b)
	if n, got := reads(), lastRead(); n != 1 || got != 200 {
		t.Errorf("idle after opening the page read the layer %d times, last answered %d; want once, 200", n, got)
	}
	openQuote("none")
	if got := lastRead(); got != 304 {
		t.Errorf("the first quotation opened read the layer answered %d, want 304 Not Modified: the page held it", got)
	}
	closeEditor()
	openQuote("none")
	if got := lastRead(); got != 304 {
		t.Errorf("the layer read again unchanged was answered %d, want 304 Not Modified", got)
	}
	closeEditor()

	// Elsewhere, the quotation gets its speaker.
	if _, err := s.store.CreateRelation(t.Context(), doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	openQuote("PER أحمد")
	if got := lastRead(); got != 200 {
		t.Errorf("the layer read after a change was answered %d, want 200", got)
	}
}
