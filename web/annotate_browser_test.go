package web_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserMouseAnnotation annotates the demo article with the mouse:
// a speaker (PER), an organisation, a quotation with an ORG nested inside,
// then checks what is stored and that it survives a reload.
func TestBrowserMouseAnnotation(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	want := []struct {
		word  string
		nth   int
		label string
	}{
		{"صباح النعمان", 0, "PER"},
		{"جهاز مكافحة الإرهاب", 1, "ORG"},
		{"الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب، وفقا للمعلومات والتحليل الاستخباري، فضلا عن رسم خارطة تحركات الإرهابيين في المناطق التي ما زالوا يتواجدون فيها", 0, "QUOTE"},
		{"الجهاز مستمر", 0, "ORG"}, // nested inside the QUOTE
	}
	for i, w := range want {
		start, end := spanAt(t, doc.Text, w.word, w.nth)
		b.dragSelect(start, end)
		b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.label-btn[data-label=%q]`, w.label))))
		spans := s.waitSpans(t, doc, s.user.ID, i+1)
		b.waitPage(i + 1)
		if !hasSpan(spans, start, end, w.label) {
			t.Fatalf("after selecting %q (%d..%d) and clicking %s, the layer holds %+v", w.word, start, end, w.label, spans)
		}
	}
	b.screenshot("mouse-annotation")
	// A laptop at 200% zoom has about half the CSS width: the side panel
	// moves below the text and nothing overflows sideways.
	b.run(chromedp.EmulateViewport(683, 900))
	if overflow := eval[bool](b, `document.documentElement.scrollWidth > innerWidth`); overflow {
		t.Error("at 683px wide the page scrolls sideways")
	}
	b.screenshot("mouse-annotation-narrow")
	// There the span editor opens over the bottom of the screen, not below
	// the whole document where nobody would see it.
	qs, _ := spanAt(t, doc.Text, "الجهاز مستمر", 0)
	eval[bool](b, fmt.Sprintf(`(() => { const r = document.querySelector('#doc span[data-start="%d"]').getBoundingClientRect(); window.scrollBy(0, r.top - innerHeight * 0.85); return true; })()`, qs))
	b.clickChar(qs + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	if !eval[bool](b, `(() => { const r = document.getElementById('span-editor').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; })()`) {
		t.Error("at 683px wide the span editor opens outside the screen")
	}
	if !eval[bool](b, `(() => { const s = document.querySelector('#doc .seg.selected').getBoundingClientRect(); return s.top >= 0 && s.bottom <= document.getElementById('span-editor').getBoundingClientRect().top; })()`) {
		t.Error("at 683px wide the span being edited is hidden under the editor")
	}
	b.screenshot("span-editor-narrow")
	b.run(chromedp.KeyEvent(kb.Escape))
	b.run(chromedp.EmulateViewport(1366, 900))

	// Both the QUOTE and the nested ORG are drawn on the nested run.
	start, _ := spanAt(t, doc.Text, "الجهاز مستمر", 0)
	covering := eval[string](b, fmt.Sprintf(`document.querySelector('#doc span[data-start="%d"]').dataset.spans`, start))
	if len(strings.Fields(covering)) != 2 {
		t.Errorf("the run at %d should be covered by QUOTE and ORG, data-spans=%q", start, covering)
	}

	// Reload: everything is still there, drawn from the server.
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	items := eval[int](b, `document.querySelectorAll('#span-list .span-item').length`)
	if items != len(want) {
		t.Errorf("after reload the span list shows %d spans, want %d", items, len(want))
	}
}

func hasSpan(spans []db.Span, start, end int, label string) bool {
	for _, sp := range spans {
		if sp.Start == start && sp.End == end && sp.Label == label {
			return true
		}
	}
	return false
}

// TestBrowserKeyboardAnnotation selects with the keyboard only: Tab to the
// text, move and extend by words, press a label's hotkey.
func TestBrowserKeyboardAnnotation(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	b.run(chromedp.Focus(chromedp.ID("doc")))
	// The title reads خلية تنسيق استخباري بقيادة جهاز مكافحة الإرهاب ...;
	// in right-to-left text, ArrowLeft moves forward.
	for range 4 {
		b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl)))
	}
	for range 3 {
		b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl, shift)))
	}
	selected := eval[string](b, `getSelection().toString()`)
	b.run(chromedp.KeyEvent("2")) // ORG
	spans := s.waitSpans(t, doc, s.user.ID, 1)
	b.waitPage(1)
	start, end := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	if spans[0].Start != start || spans[0].End != end || spans[0].Label != "ORG" {
		t.Fatalf("keyboard selection %q gave %+v, want ORG %d..%d", selected, spans[0], start, end)
	}

	// Click the highlight, relabel with a hotkey, undo, redo, delete, undo.
	b.clickChar(start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	b.run(chromedp.KeyEvent("1")) // PER
	waitLabel(t, s, doc, "PER")
	b.waitPage(1)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	waitLabel(t, s, doc, "ORG")
	b.waitPage(1)
	b.run(chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift)))
	waitLabel(t, s, doc, "PER")
	b.waitPage(1)
	b.run(chromedp.KeyEvent(kb.Delete))
	s.waitSpans(t, doc, s.user.ID, 0)
	b.waitPage(0)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	spans = s.waitSpans(t, doc, s.user.ID, 1)
	b.waitPage(1)
	if spans[0].Start != start || spans[0].End != end || spans[0].Label != "PER" {
		t.Errorf("undoing the delete restored %+v, want PER %d..%d", spans[0], start, end)
	}
}

const (
	ctrl  = chromedp.ModifierCtrl
	shift = chromedp.ModifierShift
)

func waitLabel(t *testing.T, s *site, doc db.Document, label string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		l, err := s.store.LayerOf(context.Background(), doc, s.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Spans) == 1 && l.Spans[0].Label == label {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("want one %s span, have %+v", label, l.Spans)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserOffsetsAfterEmoji selects a word that follows emoji, a ZWJ
// sequence and a flag: the stored offsets must be code points (what
// Python's str index gives), not the browser's UTF-16 units.
func TestBrowserOffsetsAfterEmoji(t *testing.T) {
	text := "👨‍👩‍👧‍👦 قال 🇮🇶 الرئيس 👍🏽 في 2024 إن CNN أخطأت."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "emoji", Text: text, Meta: []byte("{}")})
	doc := s.docs["emoji"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	for i, w := range []struct{ word, label string }{{"الرئيس", "PER"}, {"CNN", "ORG"}} {
		start, end := spanAt(t, text, w.word, 0)
		b.dragSelect(start, end)
		b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.label-btn[data-label=%q]`, w.label))))
		spans := s.waitSpans(t, doc, s.user.ID, i+1)
		b.waitPage(i + 1)
		if !hasSpan(spans, start, end, w.label) {
			t.Fatalf("%s: want %s at code points %d..%d, stored %+v", w.word, w.label, start, end, spans)
		}
	}
	b.screenshot("emoji-offsets")
}

// failFirstSave opens the demo article, turns on a failure of the
// site's (failWrites or loseAnswers), labels صباح النعمان PER and returns
// the error the page shows, with the site, browser and the span's offsets.
func failFirstSave(t *testing.T, failure func(*site) *atomic.Bool) (*site, *browser, int, int, string) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, s.docs["seed"].ID))
	failure(s).Store(true)
	start, end := spanAt(t, s.docs["seed"].Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	failure(s).Store(false)
	return s, b, start, end, eval[string](b, `document.getElementById('save-error').textContent`)
}

// TestBrowserFailedSaveIsShown makes the server refuse writes: the
// annotator sees the failure, and nothing pretends to be saved.
func TestBrowserFailedSaveIsShown(t *testing.T) {
	s, b, start, end, msg := failFirstSave(t, func(s *site) *atomic.Bool { return &s.failWrites })
	if !strings.Contains(msg, "Could not save the span: database unavailable") || strings.Contains(msg, "503") {
		t.Errorf("error shown: %q", msg)
	}
	items := eval[int](b, `document.querySelectorAll('#span-list .span-item').length`)
	if items != 0 {
		t.Errorf("span list shows %d spans after a failed save", items)
	}
	// Once the server is back, the same action works and clears the error.
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	s.waitSpans(t, s.docs["seed"], s.user.ID, 1)
	b.run(chromedp.WaitNotVisible(chromedp.ID("save-error")))
}

// TestBrowserLostAnswerRedraws: the span is stored but its answer is
// lost on the way (a gateway's 502). The page cannot know whether the
// save went through, so it asks the server and shows the stored span,
// saying why, instead of claiming nothing was changed.
func TestBrowserLostAnswerRedraws(t *testing.T) {
	s, b, start, end, msg := failFirstSave(t, func(s *site) *atomic.Bool { return &s.loseAnswers })
	if !strings.Contains(msg, "Could not save the span: 502") || !strings.Contains(msg, "the page now shows what is stored") ||
		strings.Contains(msg, "Nothing was changed") {
		t.Errorf("error shown: %q", msg)
	}
	stored := s.waitSpans(t, s.docs["seed"], s.user.ID, 1)
	b.waitPage(1)
	shown := eval[string](b, `document.querySelector('#span-list .span-item').dataset.start + '-' + document.querySelector('#span-list .span-item').dataset.end`)
	if want := fmt.Sprintf("%d-%d", stored[0].Start, stored[0].End); shown != want {
		t.Errorf("span list shows %s, the store holds %s", shown, want)
	}
	// Trying again is refused as a duplicate and leaves one span.
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.run(chromedp.Poll[chromedp.Void](`document.getElementById("save-error").textContent.includes("already exists")`, chromedp.WithPollingTimeout(10*time.Second)))
	s.waitSpans(t, s.docs["seed"], s.user.ID, 1)
}

// TestBrowserStalePageRedraws: a span deleted behind the page's back (in
// another tab) cannot be relabelled; the page says so and shows what is
// stored instead of a stale highlight.
func TestBrowserStalePageRedraws(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	sp := s.waitSpans(t, doc, s.user.ID, 1)[0]
	b.waitPage(1)
	if _, err := s.store.DeleteSpan(context.Background(), doc, s.user.ID, s.user.ID, sp.ID); err != nil {
		t.Fatal(err)
	}
	b.clickChar(start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")), chromedp.KeyEvent("2"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	if msg := eval[string](b, `document.getElementById('save-error').textContent`); !strings.Contains(msg, "not found") || !strings.Contains(msg, "shows what is stored") {
		t.Errorf("error shown: %q", msg)
	}
	b.waitPage(0)
	if eval[bool](b, `!document.getElementById('span-editor').hidden`) {
		t.Error("the editor of a span that is gone stays open")
	}
}

// TestBrowserSaveSaysHowToRecover: a save refused because the session
// ended says what will cure it (log in again, keeping this page), not
// merely "try again"; once logged in, the page saves again.
func TestBrowserSaveSaysHowToRecover(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	cookies, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (network.GetCookiesResult, error) {
		return cdp.Call(ctx, t, network.GetCookies, network.GetCookiesParams{})
	})
	if err != nil {
		t.Fatal(err)
	}
	session := ""
	for _, c := range cookies.Cookies {
		if c.Name == "hashiya_session" {
			session = c.Value
		}
	}
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	// The session ends (expired, or logged out in another tab).
	if _, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (cdp.Empty, error) {
		return cdp.Call(ctx, t, network.DeleteCookies, network.DeleteCookiesParams{Name: "hashiya_session", URL: s.url})
	}); err != nil {
		t.Fatal(err)
	}
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	const want = "you are logged out (the session ended): log in again in another tab, then try again here"
	if msg := eval[string](b, `document.getElementById('save-error').textContent`); !strings.Contains(msg, "Could not save the span:") || !strings.Contains(msg, want) {
		t.Errorf("error shown: %q, want it to say %q", msg, want)
	}

	yes := true
	if _, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (cdp.Empty, error) {
		return cdp.Call(ctx, t, network.SetCookie, network.SetCookieParams{Name: "hashiya_session", Value: session, URL: s.url, HTTPOnly: &yes})
	}); err != nil {
		t.Fatal(err)
	}
	if n := len(s.waitSpans(t, doc, s.user.ID, 0)); n != 0 {
		t.Fatalf("%d spans saved by a refused request", n)
	}
	// Logged in again (the same session, here), the same action works.
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	s.waitSpans(t, doc, s.user.ID, 1)
	b.run(chromedp.WaitNotVisible(chromedp.ID("save-error")))
}
