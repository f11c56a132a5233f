package web_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewIntoGold: a reviewer opens the review from the
// annotation page, accepts an annotator's QUOTE into gold with a click,
// and removes it again after saying OK to the question; gold follows,
// and the page comes back at the row it changed.
func TestBrowserReviewIntoGold(t *testing.T) {
	s := newSite(t, seedDoc(t))
	ctx := t.Context()
	doc := s.docs["seed"]
	layla, err := s.store.CreateUser(ctx, "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	qs, qe := spanAt(t, doc.Text, "الجهاز مستمر في عملياته", 0)
	if _, err := s.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: qs, End: qe, Label: "QUOTE", Attributes: map[string]any{"type": "direct"}}); err != nil {
		t.Fatal(err)
	}
	gold := func() []db.Span {
		l, err := s.store.LayerOf(ctx, doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		return l.Spans
	}
	b := newBrowser(t, s)
	var asked atomic.Int32
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok && strings.Contains(e.Message, "from gold?") {
			asked.Add(1)
			go func() {
				_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}()
		}
	}); err != nil {
		t.Fatal(err)
	}
	b.open(fmt.Sprintf("%s/documents/%d?layer=layla", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.ID("review-link")), chromedp.WaitVisible(chromedp.ID("candidates")))
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept QUOTE “الجهاز مستمر في عملياته” into gold"]`)), chromedp.WaitVisible(chromedp.ID("form-notice")))
	if g := gold(); len(g) != 1 || g[0].Start != qs || g[0].End != qe || string(g[0].Attributes) != `{"type":"direct"}` {
		t.Fatalf("gold after Accept: %+v", g)
	}
	if got := eval[string](b, `location.hash + ' ' + document.getElementById('form-notice').textContent`); got != fmt.Sprintf("#c-%d-%d-QUOTE Accepted into gold.", qs, qe) {
		t.Errorf("after Accept the page is at %q", got)
	}
	b.screenshot("review")
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Remove QUOTE “الجهاز مستمر في عملياته” from gold"]`)))
	for deadline := time.Now().Add(10 * time.Second); len(gold()) != 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("Remove, confirmed, left the span in gold")
		}
	}
	if asked.Load() != 1 {
		t.Errorf("Remove asked %d times, want once", asked.Load())
	}
}
