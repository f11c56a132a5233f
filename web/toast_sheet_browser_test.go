package web_test

import (
	"fmt"
	"testing"

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
	eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
	type box struct{ Toast, Sheet, Buttons float64 }
	got := eval[box](b, `(() => {
	  const toast = document.getElementById('save-status').getBoundingClientRect();
	  const sheet = document.getElementById('span-editor').getBoundingClientRect();
	  const buttons = Math.min(...[...document.querySelectorAll('#span-editor button')].map((b) => b.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.top));
	  return {toast: toast.bottom, sheet: sheet.top, buttons};
	})()`)
	if got.Toast > got.Sheet {
		t.Errorf("the toast reaches y=%.0f, into the sheet (top %.0f, its first button at %.0f)", got.Toast, got.Sheet, got.Buttons)
	}
	b.viewShot("toast-above-sheet")
	b.run(chromedp.Click(chromedp.ID("editor-close")))
	b.waitFor(`document.getElementById('span-editor').hidden`)
	if eval[bool](b, `document.getElementById('save-status').classList.contains('floating')`) {
		if bottom := eval[float64](b, `innerHeight - document.getElementById('save-status').getBoundingClientRect().bottom`); bottom > 40 {
			t.Errorf("with the sheet closed the toast stays %.0f px above the foot of the screen", bottom)
		}
	}
}
