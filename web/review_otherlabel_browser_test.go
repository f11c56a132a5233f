package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewAcceptInsteadOfGoldsLabel: two annotators gave one
// name two labels; with one of them in gold, the other's row offers
// "Accept instead", which puts its label in place of gold's in one step
// (no question: it takes nothing out but the label being changed), and
// the first row then offers the same back. Gold never gives the words
// both labels by a click meant to choose one.
func TestBrowserReviewAcceptInsteadOfGoldsLabel(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "الجهاز", 0)
	for name, label := range map[string]string{"layla": "ORG", "karim": "LOC"} {
		u, err := s.store.CreateUser(t.Context(), name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	goldLabels := func() string {
		l, err := s.store.LayerOf(t.Context(), doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		var out string
		for _, sp := range l.Spans {
			out += sp.Label + " "
		}
		return out
	}
	b := newBrowser(t, s)
	asked := b.answerDialogs("", func() bool { return false })
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept ORG “الجهاز” into gold"]`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold.'`)
	if goldLabels() != "ORG " {
		t.Fatalf("gold holds %q after ORG's Accept", goldLabels())
	}
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept LOC “الجهاز” into gold in place of ORG"]`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold, in place of the label gold gave these words.'`)
	if goldLabels() != "LOC " {
		t.Errorf("gold holds %q after LOC's Accept instead, want LOC alone", goldLabels())
	}
	// And back, by keyboard: ORG's row is the first; a accepts.
	row := fmt.Sprintf("c-%d-%d-ORG", start, end)
	b.waitFor(fmt.Sprintf(`document.getElementById(%q).textContent.includes('gold has LOC here')`, row))
	eval[bool](b, fmt.Sprintf(`(document.getElementById(%q).focus(), true)`, row))
	b.run(chromedp.KeyEvent("a"))
	b.waitFor(fmt.Sprintf(`document.getElementById(%q).textContent.includes('in gold')`, row))
	if goldLabels() != "ORG " || asked.Load() != 0 {
		t.Errorf("after a on ORG's row gold holds %q (asked %d times)", goldLabels(), asked.Load())
	}
}
