package web_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserToastClearOfSheet: at 200% zoom (683x384 at scale 2) the
// label bar is scrolled away, so "Saved" shows as a toast at the foot of
// the screen; a highlight clicked while it shows opens the editor's
// sheet there, and the toast moves above the sheet rather than cover its
// label buttons. Closing the sheet takes it back down.
func TestBrowserToastClearOfSheet(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "صباح النعمان", 2)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)
	b.waitFor(`document.getElementById('save-status').classList.contains('floating')`)
	b.clickChar(start + 1)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	// The toast must still be up for the check to mean anything.
	b.waitFor(`document.getElementById('save-status').classList.contains('floating')`)
	type box struct{ Toast, Sheet, Buttons float64 }
	measure := func() box {
		return eval[box](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
		  const toast = document.getElementById('save-status').getBoundingClientRect();
		  const sheet = document.getElementById('span-editor').getBoundingClientRect();
		  const buttons = Math.min(...[...document.querySelectorAll('#span-editor button')].map((b) => b.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.top));
		  done({toast: toast.bottom, sheet: sheet.top, buttons});
		})))`)
	}
	// The toast moves when the sheet has been laid out, which on a busy
	// machine may take some frames: measure until it has, for a while.
	got := measure()
	for try := 0; got.Toast > got.Sheet && try < 40; try++ {
		time.Sleep(50 * time.Millisecond)
		got = measure()
	}
	if got.Toast > got.Sheet {
		t.Errorf("the toast reaches y=%.0f, into the sheet (top %.0f, its first button at %.0f)", got.Toast, got.Sheet, got.Buttons)
	}
	b.viewShot("toast-above-sheet")
	b.run(chromedp.Click(chromedp.ID("editor-close")))
	b.waitFor(`document.getElementById('span-editor').hidden`)
	// Gone by now, or back at the foot of the screen once it has moved.
	const above = `document.getElementById('save-status').classList.contains('floating') ?
	  innerHeight - document.getElementById('save-status').getBoundingClientRect().bottom : 0`
	bottom := eval[float64](b, above)
	for try := 0; bottom > 40 && try < 40; try++ {
		time.Sleep(50 * time.Millisecond)
		bottom = eval[float64](b, above)
	}
	if bottom > 40 {
		t.Errorf("with the sheet closed the toast stays %.0f px above the foot of the screen", bottom)
	}
}
