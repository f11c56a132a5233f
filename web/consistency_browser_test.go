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

// TestBrowserArabicConsistencyLayersInOrder: in an Arabic page the links
// narrowing Label consistency to a layer read right to left in their
// order, every layer, gold, then karim before layla, the two Latin names
// not run together into one left-to-right stretch read from its end.
func TestBrowserArabicConsistencyLayersInOrder(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.annotatorMarks(t, "karim", doc, "ORG", "داعش")
	s.annotatorMarks(t, "layla", doc, "PER", "داعش")
	if err := s.store.SetLanguage(t.Context(), s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/consistency", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.CSS(`nav.layer-filter`)))
	b.waitFor(`document.fonts.status === "loaded"`)
	// The links from right to left, as an Arabic reader meets them.
	got := eval[string](b, `[...document.querySelectorAll('nav.layer-filter a')].map((a) => [a.textContent, a.getBoundingClientRect()])
	  .sort((p, q) => q[1].right - p[1].right).map(([t]) => t).join(' | ')`)
	if want := "كل الطبقات | الطبقة الذهبية | karim | layla"; got != want {
		b.screenshot("consistency-arabic-layers")
		t.Errorf("the layer links from right to left: %s, want %s", got, want)
	}
}
