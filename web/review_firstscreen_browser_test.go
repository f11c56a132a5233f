package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserReviewSpansOnFirstScreen: a reviewer opening the review of a
// document two annotators did, on a 1366×768 laptop, sees the spans to
// decide and the bulk accept without scrolling, as a curation view
// opens on what is to be decided; the pair's agreement follows them.
func TestBrowserReviewSpansOnFirstScreen(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.annotatorMarks(t, "layla", doc, "ORG", "الجهاز", "عملياته")
	s.annotatorMarks(t, "karim", doc, "ORG", "الجهاز")
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	eval[bool](b, `document.fonts.ready.then(() => true)`)
	bottom := func(selector string) float64 {
		return eval[float64](b, fmt.Sprintf(`document.querySelector(%q).getBoundingClientRect().bottom`, selector))
	}
	if y := bottom("#candidates tbody tr"); y > 768 {
		t.Errorf("the first span's row ends %.0fpx down a 768px screen", y)
	}
	if y := bottom("#accept-agreed button"); y > 768 {
		t.Errorf("the bulk accept ends %.0fpx down a 768px screen", y)
	}
	if !eval[bool](b, `document.getElementById('candidates').compareDocumentPosition(document.getElementById('agreement-mean')) === Node.DOCUMENT_POSITION_FOLLOWING`) {
		t.Error("the agreement comes before the spans")
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
