package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserEditorCloseButton: at 640x400 (1280x800 at 200% zoom) the
// span editor is a sheet over the bottom of the screen; its Close
// button, named "Close", is on screen at the sheet's top, even with the
// sheet scrolled, and closes it with the focus back on the text.
func TestBrowserEditorCloseButton(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	a, e := spanAt(t, doc.Text, "الجهاز مستمر في عملياته", 0)
	if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: "QUOTE"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(640, 400))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(a + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	if pos := eval[string](b, `getComputedStyle(document.getElementById('span-editor')).position`); pos != "fixed" {
		t.Fatalf("at 640x400 the editor is %s, want a fixed sheet", pos)
	}
	// The quotation's tools make the sheet scroll: Close stays in view.
	eval[bool](b, `document.getElementById('span-editor').scrollTop = 1e6; true`)
	inSheet := `(() => {
	  const c = document.getElementById('editor-close').getBoundingClientRect(), s = document.getElementById('span-editor').getBoundingClientRect();
	  return c.height > 0 && c.top >= s.top - 1 && c.bottom <= s.bottom && c.bottom <= innerHeight && c.left >= 0 && c.right <= innerWidth
	    && document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2)?.id === 'editor-close';
	})()`
	if !eval[bool](b, inSheet) {
		t.Error("Close is not on screen at the top of the scrolled sheet")
	}
	if got := eval[string](b, `(() => { const c = document.getElementById('editor-close'); return c.getAttribute('aria-label') || c.textContent.trim(); })()`); got != "Close" {
		t.Errorf("the button is named %q, want Close", got)
	}
	b.viewShot("editor-close-narrow")
	b.run(chromedp.Click(chromedp.ID("editor-close")))
	b.waitFor(`document.getElementById('span-editor').hidden && document.activeElement.id === 'doc'`)
	if eval[bool](b, `document.querySelector('#doc .seg.selected') !== null`) {
		t.Error("the span is still marked open after Close")
	}
}
