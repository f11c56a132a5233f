package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db/codec"
)

// longSeedDoc is the demo article three times over, so its names stand
// far down a page taller than the screen.
func longSeedDoc(t *testing.T) codec.Doc {
	t.Helper()
	d := seedDoc(t)
	d.Text = strings.Repeat(d.Text+"\n\n", 2) + d.Text
	d.Meta = json.RawMessage(`{}`)
	return d
}

// rangeBox is where a range of the text is on screen, beside the bottom
// of the sticky label bar and the height of the screen.
type rangeBox struct{ Top, Bottom, Bar, Height float64 }

const selectionBoxJS = `(() => {
  const r = getSelection().getRangeAt(0).getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, bar: document.getElementById('annotate-bar').getBoundingClientRect().bottom, height: innerHeight};
})()`

// TestBrowserFindShowsTheMatch: at 1366x768, every place "Find in the
// text" selects is wholly on screen and clear of the sticky label bar,
// forwards and backwards, wherever the page was scrolled to.
func TestBrowserFindShowsTheMatch(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	n := strings.Count(doc.Text, "صباح النعمان")
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.KeyEvent("/"), chromedp.SendKeys(chromedp.ID("find-q"), "صباح النعمان"))
	check := func(i int, backwards bool) {
		t.Helper()
		prefix := fmt.Sprintf("%d of %d:", i, n)
		switch {
		case i == 1 && !backwards: // typed already, the focus in the box
			b.run(chromedp.KeyEvent(kb.Enter))
		case backwards:
			b.run(chromedp.KeyEvent("/"), chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(shift)))
		default:
			b.run(chromedp.KeyEvent("/"), chromedp.KeyEvent(kb.Enter))
		}
		for range 100 {
			if strings.HasPrefix(eval[string](b, `document.getElementById('find-count').textContent`), prefix) {
				break
			}
			eval[bool](b, `new Promise((done) => setTimeout(() => done(true), 30))`)
		}
		if got := eval[string](b, `document.getElementById('find-count').textContent + ' | ' + document.activeElement.id`); !strings.HasPrefix(got, prefix) {
			t.Fatalf("find count %q, want %q", got, prefix)
		}
		eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
		box := eval[rangeBox](b, selectionBoxJS)
		t.Logf("%s %+v", prefix, box)
		if box.Top < box.Bar || box.Bottom > box.Height {
			t.Errorf("match %s is at %.0f..%.0f, want it between the bar's bottom %.0f and the screen's %.0f", prefix, box.Top, box.Bottom, box.Bar, box.Height)
		}
	}
	for i := 1; i <= n; i++ {
		check(i, false)
		if i == 2 {
			b.viewShot("find-shows-match")
		}
	}
	eval[bool](b, `window.scrollTo(0, 0); true`)
	for i := n - 1; i >= 1; i-- {
		check(i, true)
	}
}

// viewShot writes a PNG of the screen as it stands (not the whole page,
// not scrolled) under testdata/screenshots, for a person to look at.
func (b *browser) viewShot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	b.keepShot(name, png)
}
