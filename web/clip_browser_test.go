package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserClippedQuoteEndsAtItsEnd: in an English interface, "Saved
// QUOTE “…”" cuts a long Arabic quotation to its first 60 characters,
// and the ellipsis stands where the cut is, at the left end of the
// right-to-left words, not at their right beside their first word,
// where it would read as a quotation whose start was left out.
func TestBrowserClippedQuoteEndsAtItsEnd(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, _ := spanAt(t, doc.Text, "الجهاز مستمر", 0)
	end, _ := spanAt(t, doc.Text, "”", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("6"))
	b.waitPage(1)
	status := eval[string](b, `document.getElementById('save-status').textContent`)
	if !strings.Contains(status, "…") {
		t.Fatalf("the status %q is not cut", status)
	}
	// Where the ellipsis and the quotation's first and last letters
	// shown are drawn.
	type place struct{ Ellipsis, First, Last float64 }
	got := eval[place](b, `(() => {
	  const node = [...document.getElementById('save-status').childNodes].find((n) => n.nodeType === 3 && n.data.includes('…'));
	  const at = (i) => { const r = new Range(); r.setStart(node, i); r.setEnd(node, i + 1); const b = r.getBoundingClientRect(); return b.left + b.width / 2; };
	  const dots = node.data.indexOf('…');
	  const first = node.data.indexOf('ا'); // الجهاز
	  return {ellipsis: at(dots), first: at(first), last: at(dots - 1)};
	})()`)
	if got.Ellipsis > got.First || got.Ellipsis > got.Last {
		t.Errorf("in %q the ellipsis is drawn at x=%.0f, right of the quotation's letters (first at %.0f, last shown at %.0f), want it left of them, where the Arabic was cut", status, got.Ellipsis, got.First, got.Last)
	}
}
