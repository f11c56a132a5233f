package web_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"

	"hashiya/components"
	"hashiya/db"
)

// TestBrowserReviewPages: a review longer than a page lists its rows a
// page at a time; j past a page's last row opens the next page on its
// first row, a decision there is made in place and keeps the page, and k
// past its first row goes back to the previous page's last row.
func TestBrowserReviewPages(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla, err := s.store.CreateUser(t.Context(), "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	words := wordPlaces(doc.Text, components.ReviewPageRows+30)
	for _, w := range words {
		if _, err := s.store.CreateSpan(t.Context(), doc, layla.ID, layla.ID, db.SpanInput{Start: w[0], End: w[1], Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	text := []rune(doc.Text)
	word := func(i int) string { return string(text[words[i][0]:words[i][1]]) }
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	page := func() string {
		return eval[string](b, `document.querySelectorAll('#candidates tbody tr').length + ' rows, ' + document.querySelector('.page-range').textContent + ', focus on ' +
		  (document.activeElement.closest('#candidates tbody tr')?.querySelector('mark').textContent ?? 'no row')`)
	}
	if got, want := page(), "200 rows, Rows 1–200 of 230, focus on no row"; got != want {
		t.Fatalf("the review opens with %q, want %q", got, want)
	}
	eval[bool](b, `document.querySelector('#candidates tbody tr:last-child').focus() ?? true`)
	b.run(chromedp.KeyEvent("j"))
	want := "30 rows, Rows 201–230 of 230, focus on " + word(200)
	b.waitFor(`document.readyState === 'complete' && location.search.includes('from=') && document.activeElement.closest('#candidates tbody tr') !== null`)
	if got := page(); got != want {
		t.Fatalf("j on the last row opened %q, want %q", got, want)
	}
	b.viewShot("review-second-page")
	b.run(chromedp.KeyEvent("a"))
	b.waitFor(`document.getElementById('form-notice') !== null && !document.querySelector('[aria-busy]')`)
	if got := page(); got != want {
		t.Errorf("after accepting in place: %q, want %q", got, want)
	}
	if got := eval[string](b, `document.activeElement.closest('tr').querySelector('input[name=from]')?.value ?? 'none'`); !strings.HasPrefix(got, "c-") {
		t.Errorf("the decided row's forms send from=%q, want the page's first row", got)
	}
	b.run(chromedp.KeyEvent("k"))
	b.waitFor(`document.readyState === 'complete' && !location.search.includes('from=') && document.activeElement.closest('#candidates tbody tr') !== null`)
	if got, want := page(), "200 rows, Rows 1–200 of 230, focus on "+word(199); got != want {
		t.Errorf("k on the first row opened %q, want %q", got, want)
	}
	if l, err := s.store.LayerOf(t.Context(), doc, 0); err != nil || len(l.Spans) != 1 || l.Spans[0].Text != word(200) {
		t.Errorf("gold holds %+v (%v), want the one span accepted, %q", l.Spans, err, word(200))
	}
}

// wordPlaces are the code point places of the first n words of text:
// runs of letters and marks.
func wordPlaces(text string, n int) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range []rune(text + " ") {
		inWord := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
			if len(out) == n {
				return out
			}
		}
	}
	return out
}
