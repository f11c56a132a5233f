package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLabelEveryOccurrence labels one كردستان of the demo article
// LOC, then, from its editor, every other one with the A key (the
// article names it three times, always as a whole word); Ctrl+Z takes
// the two back in one step and Ctrl+Shift+Z puts them back; the button
// then finds nothing left to label.
func TestBrowserLabelEveryOccurrence(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "كردستان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("3")) // LOC
	b.waitPage(1)
	b.clickChar(start + 1)
	b.run(chromedp.WaitVisible(chromedp.ID("label-occurrences")))
	b.run(chromedp.KeyEvent("a"))
	b.waitPage(3)
	spans := s.waitSpans(t, doc, s.user.ID, 3)
	for i, sp := range spans {
		if from, to := spanAt(t, doc.Text, "كردستان", i); sp.Start != from || sp.End != to || sp.Label != "LOC" {
			t.Errorf("span %d: %s %d..%d %q, want LOC on the %d. كردستان at %d..%d", i, sp.Label, sp.Start, sp.End, sp.Text, i+1, from, to)
		}
	}
	status := func() string { return eval[string](b, `document.getElementById('save-status').textContent`) }
	if got := status(); !strings.Contains(got, "Labelled 2 more “كردستان” as LOC") {
		t.Errorf("status after labelling every occurrence: %q", got)
	}

	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	s.waitSpans(t, doc, s.user.ID, 1)
	b.waitPage(1)
	b.run(chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift)))
	s.waitSpans(t, doc, s.user.ID, 3)
	b.waitPage(3)

	b.clickChar(start + 1)
	b.run(chromedp.Click(chromedp.ID("label-occurrences")))
	b.waitPage(3)
	for deadline := 0; !strings.HasPrefix(status(), "No other unlabelled") && deadline < 200; deadline++ {
		eval[bool](b, `new Promise((done) => requestAnimationFrame(() => done(true)))`)
	}
	if got := status(); got != "No other unlabelled “كردستان” in the text" {
		t.Errorf("status with nothing left to label: %q", got)
	}
}
