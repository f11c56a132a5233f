package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserReadOnlyErrorLeavesTheText: on a layer marked done, a
// label's key pressed on a selection says why nothing happens without
// covering the selection: at 1366x768 with the selection on the first
// line under the sticky bar, and at 683x384 (200% zoom) with it on the
// last line, above the message pinned to the bottom.
func TestBrowserReadOnlyErrorLeavesTheText(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	if _, err := s.store.MarkDone(context.Background(), doc, s.user); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	start, end := spanAt(t, doc.Text, "صباح النعمان", 2)
	for _, tc := range []struct {
		w, h int64
		at   string // where the selection is put before the key: under the bar, or at the screen's foot
		shot string
	}{
		{1366, 768, "top", "readonly-error-top"},
		{683, 384, "bottom", "readonly-error-short"},
	} {
		b.run(chromedp.EmulateViewport(tc.w, tc.h))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		b.dragSelect(start, end)
		// Put the selection where the message would land on it.
		eval[bool](b, fmt.Sprintf(`new Promise((done) => {
		  const r = getSelection().getRangeAt(0).getBoundingClientRect();
		  const bar = document.getElementById('annotate-bar');
		  const top = getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
		  window.scrollBy(0, %q === 'top' ? r.top - top - 4 : r.bottom - innerHeight + 4);
		  requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
		})`, tc.at))
		b.run(chromedp.KeyEvent("2"))
		b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
		eval[bool](b, `new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))), 100))`)
		got := eval[map[string]float64](b, `(() => {
		  const r = getSelection().getRangeAt(0).getBoundingClientRect(), e = document.getElementById('save-error').getBoundingClientRect();
		  const bar = document.getElementById('annotate-bar').getBoundingClientRect();
		  const sticky = getComputedStyle(document.getElementById('annotate-bar')).position === 'sticky';
		  return {top: r.top, bottom: r.bottom, errTop: e.top, errBottom: e.bottom, bar: sticky ? bar.bottom : 0, height: innerHeight};
		})()`)
		overlap := got["top"] < got["errBottom"] && got["bottom"] > got["errTop"]
		if overlap || got["top"] < got["bar"] || got["bottom"] > got["height"] {
			t.Errorf("at %dx%d the selection (%.0f..%.0f) is covered by the message (%.0f..%.0f) or the bar (to %.0f), or off screen (%.0f)",
				tc.w, tc.h, got["top"], got["bottom"], got["errTop"], got["errBottom"], got["bar"], got["height"])
		}
		if got["errBottom"] <= 0 || got["errTop"] >= got["height"] {
			t.Errorf("at %dx%d the message is off screen: %v", tc.w, tc.h, got)
		}
		b.viewShot(tc.shot)
	}
}
