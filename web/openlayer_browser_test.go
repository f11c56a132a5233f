package web_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserOpensGoldWhereNothingIsYours: an admin who works on nothing
// in a document, opening it from the project's page, lands on gold, and
// the layer switch says so; "my layer" opens their own, where a label's
// key labels the text, and from then on the document opens on theirs.
func TestBrowserOpensGoldWhereNothingIsYours(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	omar := addSiteMember(t, s, "omar", db.RoleAnnotator)
	a, e := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(context.Background(), doc, omar.ID, omar.ID, db.SpanInput{Start: a, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	marked := func() []string {
		return eval[[]string](b, `[...document.querySelectorAll('.layers a[aria-current="page"]')].map((a) => a.textContent.trim())`)
	}
	shows := func(layer string) {
		t.Helper()
		b.waitFor(fmt.Sprintf(`document.readyState === 'complete' && document.getElementById('doc')?.dataset.layer === %q`, layer))
		eval[bool](b, `document.fonts.ready.then(() => true)`)
	}

	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/documents/%d"]`, doc.ID))))
	shows("gold")
	if got := marked(); !slices.Equal(got, []string{"gold"}) {
		t.Errorf("opened from the project's page, the switch marks %q, want gold", got)
	}
	if layer := eval[string](b, `document.querySelector('.layer-info strong').textContent`); layer != "gold" {
		t.Errorf("the page says it shows layer %q, want gold", layer)
	}

	b.run(chromedp.Click(chromedp.CSS(`.layers a[href$="?layer=mine"]`)))
	shows("")
	if got := marked(); !slices.Equal(got, []string{"my layer"}) {
		t.Errorf("after my layer, the switch marks %q", got)
	}
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)
	if got := s.waitSpans(t, doc, s.user.ID, 1); got[0].Label != "PER" {
		t.Errorf("the span went into the admin's layer as %q, want PER", got[0].Label)
	}
	if gold, err := s.store.LayerOf(context.Background(), doc, 0); err != nil || len(gold.Spans) != 0 {
		t.Errorf("gold holds %d spans (%v), want none", len(gold.Spans), err)
	}

	b.openAsIs(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	shows("")
	if got := marked(); !slices.Equal(got, []string{"my layer", "annotator"}) {
		t.Errorf("with a layer of their own, the document opens with %q marked", got)
	}
}
