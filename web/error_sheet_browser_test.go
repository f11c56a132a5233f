package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserFailedSaveClearOfSheet: at 200% zoom (683x384 at scale 2)
// a failed save's message is pinned to the foot of the screen; a
// highlight clicked while it shows opens the editor's sheet there, and
// the message stands above the sheet rather than cover its labels, the
// span opened in sight between them. Closing the sheet takes the
// message back down.
func TestBrowserFailedSaveClearOfSheet(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	per0, per1 := spanAt(t, doc.Text, "صباح النعمان", 1)
	if _, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: per0, End: per1, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "الناطق", 1)
	b.dragSelect(start, end)
	s.failWrites.Store(true)
	b.run(chromedp.KeyEvent("2"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	s.failWrites.Store(false)
	b.clickChar(per0 + 1)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	type box struct {
		Error, Sheet, Span float64
		Covered            []string
	}
	const measure = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
	  const error = document.getElementById('save-error').getBoundingClientRect();
	  const sheet = document.getElementById('span-editor').getBoundingClientRect();
	  const span = document.querySelector('#doc .seg.selected').getBoundingClientRect();
	  const covered = [...document.querySelectorAll('#span-editor button')].filter((b) => {
	    const r = b.getBoundingClientRect();
	    if (r.height === 0 || r.bottom > innerHeight) return false;
	    const at = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, innerHeight - r.top - 1));
	    return at && !b.contains(at);
	  }).map((b) => b.textContent.trim());
	  done({error: error.bottom, sheet: sheet.top, span: span.bottom, covered});
	})))`
	// The message follows the sheet by a ResizeObserver, whose callback
	// runs after a frame's animation callbacks: a sheet that grows in the
	// frame measured (its referent tools drawn on a slow machine) is
	// measured before the message has moved, though it moves before the
	// frame is painted. So the frame painted is measured: after a task
	// that follows it, until the sheet stops growing.
	b.waitFor(`new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
	  const error = document.getElementById('save-error').getBoundingClientRect();
	  done(error.bottom <= document.getElementById('span-editor').getBoundingClientRect().top + 0.5);
	})))`)
	got := eval[box](b, measure)
	b.viewShot("error-above-sheet")
	if got.Error > got.Sheet+0.5 {
		t.Errorf("the failed save's message reaches y=%.0f, into the sheet (top %.0f)", got.Error, got.Sheet)
	}
	for _, c := range got.Covered {
		t.Errorf("the sheet's button %q is covered", c)
	}
	if errTop := eval[float64](b, `document.getElementById('save-error').getBoundingClientRect().top`); got.Span > errTop+0.5 {
		t.Errorf("the span opened reaches y=%.0f, under the message (top %.0f)", got.Span, errTop)
	}
	b.run(chromedp.Click(chromedp.ID("editor-close")))
	b.waitFor(`document.getElementById('span-editor').hidden`)
	b.waitFor(`innerHeight - document.getElementById('save-error').getBoundingClientRect().bottom < 20`)
}
