package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// keyHelpJS says where the list of keys is and what has the focus.
const keyHelpJS = `(() => {
  const h = document.querySelector('details.help'), r = h.getBoundingClientRect(), a = document.activeElement, f = a.getBoundingClientRect();
  return {open: h.open, top: r.top, bottom: r.bottom, height: innerHeight, focus: a.id || a.tagName.toLowerCase(),
    focusOnScreen: f.bottom > 0 && f.top < innerHeight};
})()`

type keyHelpState struct {
	Open          bool
	Top, Bottom   float64
	Height        float64
	Focus         string
	FocusOnScreen bool
}

// TestBrowserKeyHelpCloses: ? opens the list of keys near the top of
// the screen, in sight, with the focus on it; Escape closes it, and so
// does ? again, the focus back on the text; ] with the list open closes
// it and opens the first span, the focus on the text, on screen. At
// 1366x768 and at 200% zoom.
func TestBrowserKeyHelpCloses(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	a, e := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	for _, vp := range []struct {
		w, h  int64
		scale float64
		shot  string
	}{{1366, 768, 1, "keyhelp-open"}, {683, 384, 2, "keyhelp-open-zoom"}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		b.run(chromedp.Focus(chromedp.ID("doc")))
		for _, closer := range []string{kb.Escape, "?", "]"} {
			b.run(chromedp.KeyEvent("?"))
			b.waitFor(`document.querySelector('details.help').open`)
			got := eval[keyHelpState](b, keyHelpJS)
			if got.Top < 0 || got.Top > got.Height/4 || got.Focus != "summary" || !got.FocusOnScreen {
				t.Errorf("%dx%d: ? shows the keys at y=%.0f..%.0f of %.0f, the focus on %s (on screen %v); want them near the top, focused", vp.w, vp.h, got.Top, got.Bottom, got.Height, got.Focus, got.FocusOnScreen)
			}
			if closer == kb.Escape {
				b.viewShot(vp.shot)
			}
			b.run(chromedp.KeyEvent(closer))
			b.waitFor(`!document.querySelector('details.help').open`)
			if got := eval[keyHelpState](b, keyHelpJS); got.Focus != "doc" || !got.FocusOnScreen {
				t.Errorf("%dx%d: after %q the focus is on %s (on screen %v), want the text", vp.w, vp.h, closer, got.Focus, got.FocusOnScreen)
			}
		}
		// ] went on to open the span, once the list was out of the way.
		b.waitFor(`!document.getElementById('span-editor').hidden`)
		b.run(chromedp.KeyEvent(kb.Escape))
		b.waitFor(`document.getElementById('span-editor').hidden`)
	}
}
