package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserFindStatusGoes: "1 of 2: … Press a label's key to label it"
// goes once the match is labelled, and once another selection is made;
// / then Enter still goes on to the next place.
func TestBrowserFindStatusGoes(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	count := `document.getElementById('find-count').textContent`
	b.run(chromedp.KeyEvent("/"), chromedp.SendKeys(chromedp.ID("find-q"), "صباح النعمان"), chromedp.KeyEvent(kb.Enter))
	b.waitFor(count + `.startsWith('1 of 2:')`)
	// The selection settling and the focus going to the text leave it.
	eval[bool](b, `new Promise((done) => setTimeout(() => done(true), 200))`)
	if got := eval[string](b, count); !strings.HasPrefix(got, "1 of 2:") {
		t.Fatalf("the status went before anything was done: %q", got)
	}
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)
	if got := eval[string](b, count); got != "" {
		t.Errorf("after the match was labelled the find status says %q", got)
	}
	b.viewShot("find-status-after-label")

	b.run(chromedp.KeyEvent("/"), chromedp.KeyEvent(kb.Enter))
	b.waitFor(count + `.startsWith('2 of 2:')`)
	x, y := spanAt(t, doc.Text, "الجهاز", 0)
	b.dragSelect(x, y)
	b.waitFor(count + ` === ''`)
}
