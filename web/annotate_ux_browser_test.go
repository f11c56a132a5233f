package web_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// activeJS describes the focused element: its id, or its tag, data-span
// and accessible name, and the id of the list it sits in.
const activeJS = `(() => {
  const a = document.activeElement;
  const box = a.closest('[id]');
  return [a.id || a.tagName.toLowerCase(), a.dataset.span || '', a.getAttribute('aria-label') || '', box ? box.id : ''].join('|');
})()`

// TestBrowserReadOnlySaysWhy: on a layer its annotator marked done, a
// label key says why nothing happens (marked done, a manager reopens it),
// not that it is someone else's layer, and the editor's buttons are off.
func TestBrowserReadOnlySaysWhy(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := context.Background()
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.MarkDone(ctx, doc, s.user); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	x, y := spanAt(t, doc.Text, "الجهاز", 0)
	b.dragSelect(x, y)
	b.run(chromedp.KeyEvent("2"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	if msg := eval[string](b, `document.getElementById('save-error-text').textContent`); !strings.Contains(msg, "marked done") || strings.Contains(msg, "another") {
		t.Errorf("error shown: %q", msg)
	}
	b.clickChar(start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	// Only Close, which changes nothing, is on.
	if n := eval[int](b, `[...document.querySelectorAll('#span-editor button')].filter((b) => !b.disabled && b.offsetParent && b.id !== 'editor-close').length`); n != 0 {
		t.Errorf("%d editor buttons enabled on a layer marked done", n)
	}
	// Delete, too, is refused with the reason and changes nothing.
	eval[bool](b, `document.getElementById('save-error').hidden = true; true`)
	b.run(chromedp.KeyEvent(kb.Delete))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	if l, err := s.store.LayerOf(ctx, doc, s.user.ID); err != nil || len(l.Spans) != 1 {
		t.Errorf("after Delete on a finished layer: %+v, %v", l.Spans, err)
	}
}

// TestBrowserSpeakerFromTheKeyboard: S on an open quotation goes to the
// nearest candidate in the list; Enter links it and focus stays on it;
// the warning of quotations without a speaker shrinks as they are linked.
func TestBrowserSpeakerFromTheKeyboard(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := context.Background()
	add := func(word, label string, n int) db.Span {
		t.Helper()
		a, e := spanAt(t, doc.Text, word, n)
		sp, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	add("خلية تنسيق", "ORG", 0) // far before the quotation
	speaker := add("الناطق باسم الجهاز صباح النعمان", "PER", 0)
	quote := add("الجهاز مستمر في عملياته", "QUOTE", 0)
	b := newBrowser(t, s)
	// Mark done, with a quotation lacking its speaker, lists it before
	// asking anything; the warning is below the sticky bar, not under it,
	// and has focus.
	var accept atomic.Bool
	asked := b.answerDialogs("Mark this document done?", accept.Load)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.ID("mark-done")))
	b.waitFor(`document.activeElement?.id === 'quote-warning'`)
	if asked.Load() != 0 {
		t.Errorf("Mark done asked %d times before listing the quotation without a speaker", asked.Load())
	}
	if !eval[bool](b, `document.getElementById('quote-warning').getBoundingClientRect().top >= document.getElementById('annotate-bar').getBoundingClientRect().bottom - 1`) {
		t.Error("the warning's heading is under the bar")
	}
	if n := eval[int](b, `document.querySelectorAll('#warn-list li').length`); n != 1 {
		t.Fatalf("the warning lists %d quotations, want 1", n)
	}
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	b.run(chromedp.KeyEvent("s"))
	if got := eval[string](b, activeJS); got != fmt.Sprintf("button|%d||q-speaker-choices", speaker.ID) {
		t.Fatalf("after S focus is on %q, want the nearest candidate, the spokesman", got)
	}
	if st := eval[string](b, `document.getElementById('save-status').textContent`); !strings.Contains(st, "choose it in the list") {
		t.Errorf("status after S: %q", st)
	}
	b.run(chromedp.KeyEvent(kb.Enter))
	waitText(t, b, "q-speaker", "الناطق باسم الجهاز صباح النعمان")
	b.waitFor(`document.getElementById('save-status').textContent.startsWith('Saved: speaker PER')`)
	if got := eval[string](b, activeJS); got != fmt.Sprintf("button|%d||q-speaker-choices", speaker.ID) {
		t.Errorf("after linking focus is on %q, want the candidate chosen", got)
	}
	b.waitFor(`document.getElementById('warn-clear') !== null && document.querySelectorAll('#warn-list li').length === 0`)

	// Every quotation has its speaker now: Mark done asks (Cancel keeps
	// the layer open), as does "Mark done anyway".
	for _, button := range []string{"mark-done", "mark-done-anyway"} {
		before := asked.Load()
		b.run(chromedp.Click(chromedp.ID(button)))
		for deadline := time.Now().Add(10 * time.Second); asked.Load() == before && time.Now().Before(deadline); time.Sleep(30 * time.Millisecond) {
		}
		if asked.Load() != before+1 {
			t.Errorf("%s did not ask before finishing the layer", button)
		}
	}
	if l, err := s.store.LayerOf(ctx, doc, s.user.ID); err != nil || db.Finished(l.Status) {
		t.Errorf("after Cancel the layer is %q (%v)", l.Status, err)
	}
}

// TestBrowserSuggestionsKeepFocus: rejecting a suggestion from the
// keyboard leaves focus on the Reject button of the row that takes its
// place; each button (Accept, Reject and the one showing where it
// stands) names its suggestion; Reject all empties the list.
func TestBrowserSuggestionsKeepFocus(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.ID("sug-load")))
	b.waitFor(`document.querySelectorAll('#sug-list li').length > 2`)
	before := eval[int](b, `document.querySelectorAll('#sug-list li').length`)
	names := eval[[]string](b, `[...document.querySelectorAll('#sug-list button')].map((b) => b.getAttribute('aria-label'))`)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] || !(strings.HasPrefix(n, "Accept ") || strings.HasPrefix(n, "Reject ") || strings.HasPrefix(n, "Show ")) || !strings.Contains(n, "“") {
			t.Errorf("button name %q (repeated or not naming its suggestion)", n)
		}
		seen[n] = true
	}
	second := eval[string](b, `document.querySelector('#sug-list li:nth-child(2) button[data-action="reject"]').getAttribute('aria-label')`)
	b.run(chromedp.Focus(chromedp.CSS(`#sug-list li:first-child button[data-action="reject"]`)), chromedp.KeyEvent(kb.Enter))
	b.waitFor(fmt.Sprintf(`document.querySelectorAll('#sug-list li').length === %d`, before-1))
	if got := eval[string](b, activeJS); got != "button||"+second+"|sug-list" {
		t.Errorf("after Reject focus is on %q, want the next row's Reject (%q)", got, second)
	}
	b.run(chromedp.Click(chromedp.ID("sug-reject-all")))
	b.waitFor(`document.querySelectorAll('#sug-list li').length === 0 && !document.getElementById('sug-empty').hidden`)
	if got := eval[string](b, activeJS); !strings.HasPrefix(got, "sug-load|") {
		t.Errorf("after Reject all, which hides itself, focus is on %q, want Suggest", got)
	}
	if l, err := s.store.LayerOf(context.Background(), doc, s.user.ID); err != nil || len(l.Spans) != 0 {
		t.Errorf("rejecting added spans: %+v, %v", l.Spans, err)
	}
}

// TestBrowserBarStaysInView: with the text scrolled to its end, the label
// bar and a failed action's message are on screen; at 200% zoom (a
// shorter screen) the message is pinned to the bottom of the screen.
// "Skip to content" takes the keyboard straight to the text.
func TestBrowserBarStaysInView(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	for _, vp := range []struct{ w, h int64 }{{1366, 768}, {683, 384}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		eval[bool](b, `window.scrollTo(0, document.body.scrollHeight); document.getElementById('doc').focus({preventScroll: true}); getSelection().removeAllRanges(); true`)
		b.run(chromedp.KeyEvent("1"))
		b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
		inView := `(() => { const r = document.getElementById(%q).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`
		if !eval[bool](b, fmt.Sprintf(inView, "save-error")) {
			t.Errorf("at %dx%d the error is off screen", vp.w, vp.h)
		}
		if vp.h == 768 && !eval[bool](b, fmt.Sprintf(inView, "annotate-bar")) {
			t.Errorf("at %dx%d the label bar is off screen", vp.w, vp.h)
		}
		b.run(chromedp.Click(chromedp.ID("save-error-close")))
		b.run(chromedp.WaitNotVisible(chromedp.ID("save-error")))
	}
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.KeyEvent(kb.Tab))
	if got := eval[string](b, `document.activeElement.textContent`); got != "Skip to content" {
		t.Fatalf("the first Tab stop is %q", got)
	}
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor(`document.activeElement.id === 'doc'`)
}

// TestBrowserRelabelTypedQuotation: a quotation with a type becomes a
// PER with the label's key (its type goes), and Ctrl+Z makes it the
// same quotation again, type and all.
func TestBrowserRelabelTypedQuotation(t *testing.T) {
	s, doc, b, q := openWithSpan(t, "صباح النعمان", "QUOTE", map[string]any{"type": "direct"})
	ctx := context.Background()
	b.run(chromedp.KeyEvent("1"))
	b.waitFor(`document.getElementById('save-status').textContent.includes('is now PER')`)
	stored := func() (string, string) {
		t.Helper()
		l, err := s.store.LayerOf(ctx, doc, s.user.ID)
		if err != nil || len(l.Spans) != 1 || l.Spans[0].ID != q.ID {
			t.Fatalf("layer %+v, %v", l.Spans, err)
		}
		return l.Spans[0].Label, string(l.Spans[0].Attributes)
	}
	if label, attrs := stored(); label != "PER" || attrs != "{}" {
		t.Errorf("after relabelling: %s %s, want PER {}", label, attrs)
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'`)
	if label, attrs := stored(); label != "QUOTE" || attrs != `{"type":"direct"}` {
		t.Errorf("after undo: %s %s, want QUOTE {\"type\":\"direct\"}", label, attrs)
	}
}

// TestBrowserFocusStaysInTheText: closing the span editor (Escape, or
// deleting the span with its button) leaves focus on the text, not on
// the page, so the next key or Tab goes on from where the work is.
func TestBrowserFocusStaysInTheText(t *testing.T) {
	_, _, b, sp := openWithSpan(t, "صباح النعمان", "PER", nil)
	a := sp.Start
	b.run(chromedp.Focus(chromedp.ID("label-occurrences")), chromedp.KeyEvent(kb.Escape))
	b.waitFor(`document.getElementById('span-editor').hidden`)
	if got := eval[string](b, activeJS); !strings.HasPrefix(got, "doc|") {
		t.Errorf("after Escape focus is on %q, want the text", got)
	}
	b.clickChar(a + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	b.run(chromedp.Focus(chromedp.ID("delete-span")), chromedp.KeyEvent(kb.Enter))
	b.waitFor(`document.getElementById('span-editor').hidden && document.getElementById('save-status').textContent.startsWith('Deleted')`)
	if got := eval[string](b, activeJS); !strings.HasPrefix(got, "doc|") {
		t.Errorf("after Delete span focus is on %q, want the text", got)
	}
}

// TestBrowserKeysFromACheckbox: with focus on the quotation's "Speaker
// not in the text" box, Ctrl+Z undoes the tick and Escape closes the
// editor, focus back on the text.
func TestBrowserKeysFromACheckbox(t *testing.T) {
	s, doc, b, _ := openWithSpan(t, "الجهاز مستمر في عملياته", "QUOTE", nil)
	ctx := context.Background()
	b.run(chromedp.WaitVisible(chromedp.ID("q-not-in-text")), chromedp.Click(chromedp.ID("q-not-in-text")))
	attrs := func() string {
		l, err := s.store.LayerOf(ctx, doc, s.user.ID)
		if err != nil || len(l.Spans) != 1 {
			t.Fatalf("layer %+v, %v", l.Spans, err)
		}
		return string(l.Spans[0].Attributes)
	}
	b.waitFor(`document.getElementById('save-status').textContent === 'Saved'`)
	if got := attrs(); got != `{"speaker_in_text":false}` {
		t.Fatalf("after the tick: %s", got)
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'`)
	if got := attrs(); got != `{}` {
		t.Errorf("Ctrl+Z from the checkbox left %s", got)
	}
	b.run(chromedp.Focus(chromedp.ID("q-not-in-text")), chromedp.KeyEvent(kb.Escape))
	b.waitFor(`document.getElementById('span-editor').hidden && document.activeElement.id === 'doc'`)
}

// openWithSpan opens the demo article with one span of the annotator's
// on the first place of word, and opens that span in the editor.
func openWithSpan(t *testing.T, word, label string, attrs map[string]any) (*site, db.Document, *browser, db.Span) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	a, e := spanAt(t, doc.Text, word, 0)
	sp, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: label, Attributes: attrs})
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(a + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	return s, doc, b, sp
}
