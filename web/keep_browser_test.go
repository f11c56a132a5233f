package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserSnapSettingKept: "Snap to whole words" stays as the annotator
// left it, on a reload and on the next document.
func TestBrowserSnapSettingKept(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	page := fmt.Sprintf("%s/documents/%d", s.url, doc.ID)
	b.open(page)
	checked := func() bool { return eval[bool](b, `document.getElementById('snap-words').checked`) }
	if !checked() {
		t.Fatal("snapping is off on a first visit")
	}
	b.run(chromedp.Click(chromedp.ID("snap-words")))
	b.open(page)
	if checked() {
		t.Error("snapping came back on after a reload")
	}
	b.run(chromedp.Click(chromedp.ID("snap-words")))
	b.open(page)
	if !checked() {
		t.Error("snapping, turned back on, is off after a reload")
	}
}

// TestBrowserLeavingWhileSaving: while a change is still on its way to
// the server, leaving the page asks first; once it is saved, it does not.
func TestBrowserLeavingWhileSaving(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	// Hold every POST until released, as a slow network would.
	eval[bool](b, `(() => {
	  const send = window.fetch;
	  window.heldPosts = [];
	  window.releasePosts = () => { window.fetch = send; window.heldPosts.forEach((go) => go()); };
	  window.fetch = (url, init) => init && init.method === 'POST'
	    ? new Promise((resolve, reject) => window.heldPosts.push(() => send(url, init).then(resolve, reject)))
	    : send(url, init);
	  return true;
	})()`)
	asks := func() bool {
		return eval[bool](b, `(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()`)
	}
	if asks() {
		t.Fatal("leaving asks with nothing to save")
	}
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	for range 100 {
		if eval[int](b, `window.heldPosts.length`) == 1 {
			break
		}
		eval[bool](b, `new Promise((done) => setTimeout(() => done(true), 20))`)
	}
	if !asks() {
		t.Error("leaving does not ask while the span is being saved")
	}
	eval[bool](b, `(window.releasePosts(), true)`)
	b.waitPage(1)
	s.waitSpans(t, doc, s.user.ID, 1)
	if asks() {
		t.Error("leaving still asks after the span was saved")
	}
}

// TestBrowserKeyboardHelp: "?" opens the list of keys.
func TestBrowserKeyboardHelp(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, s.docs["seed"].ID))
	if eval[bool](b, `document.querySelector('details.help').open`) {
		t.Fatal("the keyboard help is open before asking")
	}
	b.run(chromedp.KeyEvent("?"))
	if !eval[bool](b, `document.querySelector('details.help').open && document.activeElement === document.querySelector('details.help summary')`) {
		t.Error(`"?" did not open the keyboard help and focus it`)
	}
}

// TestBrowserWalkSpans: ] and [ open the next and previous span in text
// order, wrapping round.
func TestBrowserWalkSpans(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	words := []string{"جهاز مكافحة الارهاب", "صباح النعمان", "كردستان"}
	slices.SortFunc(words, func(a, b string) int { return strings.Index(doc.Text, a) - strings.Index(doc.Text, b) }) // text order
	for _, w := range words {
		start, end := spanAt(t, doc.Text, w, 0)
		if _, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "ORG"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	open := func() string {
		return eval[string](b, `document.getElementById('span-editor').hidden ? '' : document.getElementById('editor-text').textContent`)
	}
	for i, step := range []struct{ key, want string }{
		{"]", words[0]}, {"]", words[1]}, {"]", words[2]}, {"]", words[0]}, {"[", words[2]}, {"[", words[1]},
	} {
		b.run(chromedp.KeyEvent(step.key))
		if got := open(); got != step.want {
			t.Fatalf("step %d (%s): the editor shows %q, want %q", i, step.key, got, step.want)
		}
	}
}
