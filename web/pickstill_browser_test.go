package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserPickKeepsTheTextStill: at 200% zoom (640x360 at scale 2),
// where the label bar scrolls away with the page, S on an open quotation
// says what to do in the save status, shown at the foot of the screen;
// the text stays where it was, so the speaker the annotator is about to
// click, in sight above the quotation, is not scrolled away. A label's
// key, saving a span there, leaves the text where it was too.
func TestBrowserPickKeepsTheTextStill(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	add := func(word, label string, n int) db.Span {
		t.Helper()
		a, e := spanAt(t, doc.Text, word, n)
		sp, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	speaker := add("الناطق باسم الجهاز صباح النعمان", "PER", 0)
	quote := add("الجهاز مستمر في عملياته", "QUOTE", 0)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(640, 360, chromedp.EmulateScale(2)))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	b.settle()
	top := fmt.Sprintf(`document.querySelector('#doc .seg[data-spans~="%d"]').getBoundingClientRect().top`, speaker.ID)
	before := eval[float64](b, top)
	if before < 0 {
		t.Fatalf("the speaker is above the screen (y=%.0f) with the quotation open", before)
	}
	b.run(chromedp.KeyEvent("s"))
	b.waitFor(`document.activeElement.closest('#q-speaker-choices') !== null`)
	b.settle()
	if after := eval[float64](b, top); after != before {
		t.Errorf("S moved the text: the speaker was at y=%.0f, is at y=%.0f", before, after)
	}
	b.viewShot("pick-keeps-text-still")

	// A span saved while the bar is away.
	b.run(chromedp.Click(chromedp.ID("editor-close")))
	b.waitFor(`document.getElementById('span-editor').hidden`)
	start, end := spanAt(t, doc.Text, "الكاظمي", 0)
	b.dragSelect(start, end)
	word := `(() => { const r = window.getSelection().getRangeAt(0).getBoundingClientRect(); return r.top; })()`
	before = eval[float64](b, word)
	b.run(chromedp.KeyEvent("2"))
	b.waitPage(3)
	b.settle()
	at := eval[float64](b, fmt.Sprintf(`document.querySelector('#doc .seg[data-start="%d"]')?.getBoundingClientRect().top ?? -1e6`, start))
	if at != before {
		t.Errorf("saving a span moved the text: the word was at y=%.0f, is at y=%.0f", before, at)
	}
}
