package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserAcceptAllSaysWhat: accepting every suggestion of the demo
// article from the keyboard says how many spans and links went in, as
// the layer holds them, and how to take them back, in sight, and the
// focus goes to the panel's heading, on screen (Accept all is gone);
// ] from there walks through what was accepted. At 1366x768 and at 200%
// zoom, where the panel is below the text.
func TestBrowserAcceptAllSaysWhat(t *testing.T) {
	for _, vp := range []struct {
		w, h  int64
		scale float64
		shot  string
	}{{1366, 768, 1, "accept-all-said"}, {683, 384, 2, "accept-all-said-zoom"}} {
		s := newSite(t, seedDoc(t))
		doc := s.docs["seed"]
		b := newBrowser(t, s)
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		b.run(chromedp.Click(chromedp.ID("sug-load")))
		b.waitFor(`document.querySelectorAll('#sug-list li').length > 2`)
		b.run(chromedp.Focus(chromedp.ID("sug-accept-all")), chromedp.KeyEvent(kb.Enter))
		b.waitFor(`document.getElementById('sug-done').textContent !== ''`)
		l, err := s.store.LayerOf(context.Background(), doc, s.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("Accepted %d spans and %d links — Ctrl+Z takes them back.", len(l.Spans), len(l.Relations))
		got := eval[string](b, `document.getElementById('sug-done').textContent`)
		if got != want {
			t.Errorf("%dx%d: after Accept all the panel says %q, want %q", vp.w, vp.h, got, want)
		}
		if !eval[bool](b, `(() => { const r = document.getElementById('sug-done').getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`) {
			t.Errorf("%dx%d: what was accepted is said off the screen", vp.w, vp.h)
		}
		if id := eval[string](b, `(() => { const a = document.activeElement, r = a.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight ? a.id : a.id + ' (off the screen)'; })()`); id != "sug-title" {
			t.Errorf("%dx%d: after Accept all the focus is on %q, want the panel's heading, on screen", vp.w, vp.h, id)
		}
		b.viewShot(vp.shot)
		// ] from there opens the first span in the text.
		b.run(chromedp.KeyEvent("]"))
		b.waitFor(`!document.getElementById('span-editor').hidden`)
	}
}
