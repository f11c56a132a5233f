package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserConsistencyOpensAPlace: the consistency report lists a name
// labelled two ways; opening a label's places and following one opens
// the span in its layer's editor.
func TestBrowserConsistencyOpensAPlace(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	name := "داعش"
	for i, label := range []string{"ORG", "ORG", "PER"} {
		start, end := spanAt(t, doc.Text, name, i)
		if _, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.Click(chromedp.ID("consistency-link")), chromedp.WaitVisible(chromedp.ID("conflicts")))
	b.waitLoaded()
	row := `document.querySelector('#conflicts tbody tr')`
	if got := eval[string](b, row+`.innerText.replace(/\s+/g, ' ').trim()`); got != name+" 3 ORG 2 times PER 1 time" {
		t.Errorf("the report's row reads %q", got)
	}
	// PER, the label given once, is the one to check.
	b.run(chromedp.Click(chromedp.CSS(`#conflicts li:nth-child(2) details summary`)), chromedp.WaitVisible(chromedp.CSS(`#conflicts li:nth-child(2) .places a`)))
	b.screenshot("consistency")
	b.run(chromedp.Click(chromedp.CSS(`#conflicts li:nth-child(2) .places a`)))
	b.waitFor(`location.pathname.startsWith('/documents/') && !document.getElementById('span-editor').hidden`)
	if got := eval[string](b, `document.getElementById('editor-title').textContent + ' ' + document.getElementById('editor-text').textContent`); !strings.HasSuffix(got, "PER span "+name) {
		t.Errorf("the place opened %q, want the PER span %q in the editor", got, name)
	}
}
