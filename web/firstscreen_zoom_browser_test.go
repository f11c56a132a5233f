package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserReviewWorkOnFirstScreen: on a 390-pixel phone a reviewer
// opening the review sees its first row, and opening Compare in the
// text its first disagreement, without scrolling: the pages'
// explanations (and the review's keys) fold under a summary there. At
// 200% zoom on a laptop (640×360 CSS pixels) they fold too, and the
// bulk accept and the first disputed paragraph's heading are in sight.
// On a 1366×768 laptop the explanations read whole, their summaries not
// drawn.
func TestBrowserReviewWorkOnFirstScreen(t *testing.T) {
	s, doc := newReviewSite(t)
	b := newBrowser(t, s)
	for _, screen := range []struct {
		name            string
		width, height   int64
		scale           float64
		review, compare string // what must be wholly on the first screen
		folded          bool
	}{
		{"phone", 390, 844, 3, "#candidates tbody tr", "#compare a.cmp-seg.disputed", true},
		{"zoom200", 640, 360, 2, "#accept-agreed button", "#compare .cmp-para.disputed h2", true},
		{"laptop", 1366, 768, 1, "#candidates tbody tr", "#compare a.cmp-seg.disputed", false},
	} {
		b.run(chromedp.EmulateViewport(screen.width, screen.height, chromedp.EmulateScale(screen.scale)))
		for _, pg := range []struct{ name, path, first string }{
			{"review", "review", screen.review},
			{"compare", "review/compare", screen.compare},
		} {
			b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/%s", s.url, doc.ID, pg.path)))
			b.waitLoaded()
			eval[bool](b, `document.fonts.ready.then(() => true)`)
			where := fmt.Sprintf("%s at %dx%d", pg.name, screen.width, screen.height)
			if off := offFirstScreen(b, pg.first); off != "" {
				t.Errorf("%s: %s is at %s, off the first screen", where, pg.first, off)
			}
			// Every explanation is folded on a small screen; on a laptop
			// each reads whole, its summary not drawn.
			got := eval[string](b, explanationsJS)
			want := map[string]string{"review": "review-how: %[1]s; review-keys-how: %[1]s", "compare": "compare-how: %[1]s"}[pg.name]
			want = fmt.Sprintf(want, map[bool]string{true: "summary, no text", false: "no summary, text whole"}[screen.folded])
			if got != want {
				t.Errorf("%s: the explanations draw %s, want %s", where, got, want)
			}
			b.screenshot("firstscreen-" + screen.name + "-" + pg.name)
		}
	}
	// Opened, the folded explanation reads whole, its links usable.
	b.run(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3)),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)))
	b.waitLoaded()
	b.run(chromedp.Click(chromedp.CSS(`#review-how summary`)))
	if !eval[bool](b, `document.getElementById('compare-link').checkVisibility()`) {
		t.Error("opening How this page works does not show its link to Compare in the text")
	}
	// In Arabic the summaries read in Arabic, and the row is still in sight.
	me, err := s.store.UserByName(t.Context(), "annotator")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetLanguage(t.Context(), me, "ar"); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)))
	b.waitLoaded()
	got := eval[string](b, `document.documentElement.dir + ' ' + [...document.querySelectorAll('details.page-how summary')].map((s) => s.textContent).join(' | ') +
	  ' ' + (document.querySelector('#candidates tbody tr').getBoundingClientRect().bottom <= innerHeight)`)
	if want := "rtl كيف تعمل هذه الصفحة | المفاتيح، وإنهاء مراجعة الطبقة الذهبية true"; got != want {
		t.Errorf("the Arabic review on a phone: %q, want %q", got, want)
	}
	b.screenshot("firstscreen-phone-review-ar")
	b.run(chromedp.EmulateViewport(1366, 900))
}
