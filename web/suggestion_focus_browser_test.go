package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserSuggestionFocusStaysInView: at 683x384 (1366x768 at 200%
// zoom) the side panel is below the text; Tab through the suggestions'
// buttons keeps each focused button on screen, while its place in the
// text is marked, and brought into view with it when both fit.
func TestBrowserSuggestionFocusStaysInView(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.ID("sug-load"), chromedp.NodeVisible))
	b.waitFor(`document.querySelectorAll('#sug-list li').length > 6`)
	b.run(chromedp.Focus(chromedp.ID("sug-reject-all")))
	both := 0
	for i := 0; i < 12; i++ {
		b.run(chromedp.KeyEvent(kb.Tab))
		b.waitFor(`document.getElementById('sug-list').contains(document.activeElement) && CSS.highlights.has('suggestion-focus')`)
		eval[bool](b, `new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))), 150))`)
		got := eval[map[string]float64](b, `(() => {
		  const f = document.activeElement.getBoundingClientRect();
		  const p = [...CSS.highlights.get('suggestion-focus')][0].getBoundingClientRect();
		  return {top: f.top, bottom: f.bottom, placeTop: p.top, placeBottom: p.bottom, height: innerHeight};
		})()`)
		// Half a pixel over is the browser rounding its scroll, not a
		// button off the screen.
		if got["top"] < -0.5 || got["bottom"] > got["height"]+0.5 {
			b.viewShot("suggestion-focus-narrow")
			t.Fatalf("Tab %d: the focused button is at %.0f..%.0f, off a %.0fpx screen", i+1, got["top"], got["bottom"], got["height"])
		}
		if got["placeTop"] >= 0 && got["placeBottom"] <= got["height"] {
			both++
		}
		if i == 3 {
			b.viewShot("suggestion-focus-narrow")
		}
	}
	t.Logf("%d of 12 places shown with their buttons", both)
}
