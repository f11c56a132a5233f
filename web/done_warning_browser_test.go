package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// openWithUnattributedQuote opens the demo article at 1366x768 with one
// quotation of the annotator's that has no speaker.
func openWithUnattributedQuote(t *testing.T) (*site, db.Document, *browser, db.Span) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	a, e := spanAt(t, doc.Text, "الجهاز مستمر في عملياته", 0)
	q, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	return s, doc, b, q
}

// TestBrowserMarkDoneWarnsInPlace: Mark done with a quotation lacking a
// speaker lists it on the same page, without loading another: the
// warning is shown below the bar with focus, nothing is asked, and the
// span made before can still be undone.
func TestBrowserMarkDoneWarnsInPlace(t *testing.T) {
	s, doc, b, _ := openWithUnattributedQuote(t)
	asked := b.answerDialogs("Mark this document done?", func() bool { return false })
	if !eval[bool](b, `document.getElementById('quote-warning').hidden`) {
		t.Error("the warning shows before Mark done is pressed")
	}
	eval[bool](b, `window.samePage = true`)
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(2)

	b.run(chromedp.Click(chromedp.ID("mark-done")))
	b.waitFor(`document.activeElement?.id === 'quote-warning'`)
	if !eval[bool](b, `window.samePage === true && location.search === '?layer=mine'`) {
		t.Errorf("Mark done loaded another page: %s", eval[string](b, `location.href`))
	}
	if asked.Load() != 0 {
		t.Errorf("Mark done asked %d times before listing the quotation without a speaker", asked.Load())
	}
	if n := eval[int](b, `document.querySelectorAll('#warn-list li').length`); n != 1 {
		t.Errorf("the warning lists %d quotations, want 1", n)
	}
	if !eval[bool](b, `(() => {
	  const w = document.getElementById('quote-warning').getBoundingClientRect();
	  return w.top >= document.getElementById('annotate-bar').getBoundingClientRect().bottom - 1 && w.top < innerHeight;
	})()`) {
		t.Error("the warning is under the bar or off the screen")
	}
	b.viewShot("done-warning-in-place")
	if eval[bool](b, `document.getElementById('undo').disabled`) {
		t.Fatal("Undo is off after Mark done listed the quotations")
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'`)
	if spans := s.waitSpans(t, doc, s.user.ID, 1); spans[0].Label != "QUOTE" {
		t.Errorf("after undo the layer holds %+v", spans)
	}
	if l, err := s.store.LayerOf(context.Background(), doc, s.user.ID); err != nil || db.Finished(l.Status) {
		t.Errorf("the layer is %q (%v)", l.Status, err)
	}
}

// TestBrowserWarningFollowsTheQuotations: a quotation in the warning
// takes focus to its "Speaker not in the text", in view in the side
// panel; ticking it turns the warning to saying every quotation is
// attributed, its button the plain Mark done with the plain question;
// Ctrl+Z brings the warning back as it was.
func TestBrowserWarningFollowsTheQuotations(t *testing.T) {
	_, _, b, q := openWithUnattributedQuote(t)
	plain := b.answerDialogs("Mark this document done?", func() bool { return false })
	anyway := b.answerDialogs("stay without one", func() bool { return false })
	b.run(chromedp.Click(chromedp.ID("mark-done")))
	b.waitFor(`document.activeElement?.id === 'quote-warning'`)
	b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#warn-list .quote-item[data-span="%d"]`, q.ID))))
	b.waitFor(`document.activeElement?.id === 'q-not-in-text'`)
	if !eval[bool](b, `(() => {
	  const r = document.getElementById('q-not-in-text').getBoundingClientRect(), side = document.querySelector('.side').getBoundingClientRect();
	  return r.top >= side.top && r.bottom <= side.bottom && r.top >= 0 && r.bottom <= innerHeight;
	})()`) {
		t.Error(`"Speaker not in the text" is out of view`)
	}
	b.viewShot("done-warning-focus")

	state := func() string {
		return eval[string](b, `(() => {
		  const w = document.getElementById('quote-warning');
		  return [w.classList.contains('cleared') ? 'cleared' : 'open', document.getElementById('warn-title').textContent,
		    document.getElementById('mark-done-anyway').textContent, getComputedStyle(w).borderTopColor,
		    w.querySelector('.warn-how').hidden ? 'how hidden' : 'how shown'].join('|');
		})()`)
	}
	const red = "rgb(206, 44, 49)"
	if got := state(); got != "open|Quotations without a speaker|Mark done anyway|"+red+"|how shown" {
		t.Errorf("warning before: %q", got)
	}
	b.run(chromedp.KeyEvent(" "))
	b.waitFor(`document.getElementById('save-status').textContent === 'Saved' && document.getElementById('warn-clear') !== null`)
	if got := state(); !strings.HasPrefix(got, "cleared|All quotations now have a speaker or are marked not in the text|Mark done|") || strings.Contains(got, red) || !strings.HasSuffix(got, "how hidden") {
		t.Errorf("warning once every quotation is attributed: %q", got)
	}
	b.screenshot("done-warning-cleared")
	b.run(chromedp.Click(chromedp.ID("mark-done-anyway")))
	b.waitFor(`true`)
	for i := 0; i < 100 && plain.Load() == 0; i++ {
		eval[bool](b, `new Promise((done) => setTimeout(() => done(true), 30))`)
	}
	if plain.Load() != 1 || anyway.Load() != 0 {
		t.Errorf("the cleared warning's Mark done asked %d plain questions and %d about quotations without a speaker", plain.Load(), anyway.Load())
	}

	b.run(chromedp.Focus(chromedp.ID("q-not-in-text")), chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'`)
	b.waitFor(`document.getElementById('warn-clear') === null`)
	if got := state(); got != "open|Quotations without a speaker|Mark done anyway|"+red+"|how shown" {
		t.Errorf("warning after undo: %q", got)
	}
}
