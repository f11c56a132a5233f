package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserPickToastClearOfSpeakers: at 200% zoom, where the label bar
// is scrolled away, S on an open quotation says what to click in a toast
// over the text, for seven seconds. It stands clear of every highlighted
// span in sight, the speakers to click among them, of the sheet under
// it and of the top of the screen, though the place it took before (the
// foot of the text, above the sheet) holds a speaker.
func TestBrowserPickToastClearOfSpeakers(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	add := func(word, label string, n, runes int) {
		t.Helper()
		a, e := spanAt(t, doc.Text, word, n)
		if runes > 0 {
			e = a + runes
		}
		if _, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	add("الناطق باسم الجهاز صباح النعمان", "PER", 0, 0)
	add("الجهاز مستمر في عملياته", "QUOTE", 0, 0)
	quote, _ := spanAt(t, doc.Text, "الجهاز مستمر في عملياته", 0)
	// Speakers in the lines after the quotation too, where it ends.
	add("الإرهاب، وفقا", "ORG", 0, len([]rune("الإرهاب")))
	add("الإرهابيين", "PER", 0, 0)
	add("رئيس الوزراء مصطفى الكاظمي", "PER", 0, 0)
	add("جهاز مكافحة الارهاب", "ORG", 0, 0)
	b := newBrowser(t, s)
	for _, vp := range []struct{ w, h int64 }{{640, 360}, {683, 384}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(2)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		b.clickChar(quote + 2)
		b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
		b.settle()
		b.run(chromedp.KeyEvent("s"))
		b.waitFor(`document.activeElement.closest('#q-speaker-choices') !== null`)
		b.settle()
		type shown struct {
			Floating           bool
			Text, Covers       string
			Top, Bottom, Sheet float64
			FootMarks          int
		}
		// The highlights in sight (above the sheet) it stands in front
		// of, and the sheet's controls.
		got := eval[shown](b, `(() => {
		  const toast = document.getElementById('save-status'), r = toast.getBoundingClientRect();
		  const sheet = document.getElementById('span-editor').getBoundingClientRect().top;
		  const marks = [...document.querySelectorAll('#doc .seg, #doc .chip')].flatMap((m) => [...m.getClientRects()].map((b) => ({m, b})))
		    .filter(({b}) => b.bottom > 0 && b.top < sheet);
		  const meets = (b, top, bottom) => b.top < bottom && Math.min(b.bottom, sheet) > top && b.right > r.left && b.left < r.right;
		  // A control of the sheet's body shows only inside the body, which scrolls.
		  const body = document.getElementById('editor-body').getBoundingClientRect();
		  const shownPart = (c) => {
		    const b = c.getBoundingClientRect(), inBody = c.closest('#editor-body');
		    return inBody ? new DOMRect(b.left, Math.max(b.top, body.top), b.width, Math.min(b.bottom, body.bottom) - Math.max(b.top, body.top)) : b;
		  };
		  const controls = [...document.querySelectorAll('#span-editor button, #span-editor summary, #span-editor input')]
		    .filter((c) => c.checkVisibility()).map((c) => ({m: c, b: shownPart(c)})).filter(({b}) => b.height > 0);
		  const covered = [...marks, ...controls].filter(({b}) => b.top < r.bottom && b.bottom > r.top && b.right > r.left && b.left < r.right && (b.top < sheet ? meets(b, r.top, r.bottom) : true));
		  return {floating: toast.classList.contains('floating'), text: toast.textContent, top: r.top, bottom: r.bottom, sheet,
		    covers: covered.map(({m}) => m.textContent.trim() || m.dataset.label).join(', '),
		    footMarks: marks.filter(({b}) => meets(b, sheet - 8 - r.height, sheet - 8)).length};
		})()`)
		where := fmt.Sprintf("at %dx%d", vp.w, vp.h)
		if !got.Floating || got.Text == "" {
			t.Fatalf("%s S's instruction does not float (%q)", where, got.Text)
		}
		if got.FootMarks == 0 {
			t.Fatalf("%s no highlight stands at the foot of the text, where the toast stood: the test shows nothing", where)
		}
		if got.Covers != "" {
			t.Errorf("%s the toast (%.0f–%.0f) covers %s", where, got.Top, got.Bottom, got.Covers)
		}
		if got.Top < 0 || got.Bottom > float64(vp.h) {
			t.Errorf("%s the toast stands at %.0f–%.0f, off the screen", where, got.Top, got.Bottom)
		}
		b.viewShot(fmt.Sprintf("pick-toast-clear-%d", vp.w))
	}
}
