package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// newReviewSite is a site whose seed document two annotators marked,
// agreeing on one span and not on another: what the first-screen tests
// open the review and Compare in the text of.
func newReviewSite(t *testing.T) (*site, db.Document) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.annotatorMarks(t, "karim", doc, "ORG", "جهاز مكافحة الإرهاب", "الجهاز")
	s.annotatorMarks(t, "layla", doc, "ORG", "الجهاز")
	return s, doc
}

// offFirstScreen says where the first element selector matches stands
// when it is not wholly on the screen as the page opens, else "".
func offFirstScreen(b *browser, selector string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`(() => {
	  const e = document.querySelector(%q);
	  if (!e) return 'nowhere';
	  const r = e.getBoundingClientRect();
	  return r.top >= 0 && r.bottom <= innerHeight ? '' : r.top.toFixed(0) + '–' + r.bottom.toFixed(0) + 'px of ' + innerHeight;
	})()`, selector))
}

// TestBrowserReviewSpansOnFirstScreen: a reviewer opening the review of a
// document two annotators did, on a 1366×768 laptop, sees the spans to
// decide and the bulk accept without scrolling, as a curation view
// opens on what is to be decided; the pair's agreement follows them.
func TestBrowserReviewSpansOnFirstScreen(t *testing.T) {
	s, doc := newReviewSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	eval[bool](b, `document.fonts.ready.then(() => true)`)
	for _, first := range []string{"#candidates tbody tr", "#accept-agreed button"} {
		if off := offFirstScreen(b, first); off != "" {
			t.Errorf("%s is at %s, off the first screen", first, off)
		}
	}
	if !eval[bool](b, `document.getElementById('candidates').compareDocumentPosition(document.getElementById('agreement-mean')) === Node.DOCUMENT_POSITION_FOLLOWING`) {
		t.Error("the agreement comes before the spans")
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
