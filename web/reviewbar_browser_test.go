package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/components"
	"hashiya/db"
)

// longReview is a review longer than a page of rows: layla marked every
// word of the article's first ReviewPageRows+30 and karim one word in
// three of them, so its bar holds the count, both filters, Mark gold
// reviewed and the pages.
func longReview(t *testing.T) (*site, db.Document) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for i, name := range []string{"layla", "karim"} {
		u, err := s.store.CreateUser(t.Context(), name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		for j, w := range wordPlaces(doc.Text, components.ReviewPageRows+30) {
			if i == 1 && j%3 != 0 {
				continue
			}
			if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: w[0], End: w[1], Label: "PER"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s, doc
}

// stuckBarJS describes the part of the review bar that stays on the
// screen while the rows scroll: how tall it is, where, and which of the
// bar's controls it holds, each with what it is called.
const stuckBarJS = `(() => {
  const stuck = [document.getElementById('review-bar'), ...document.querySelectorAll('#review-bar > *')]
    .find((e) => getComputedStyle(e).position === 'sticky' && getComputedStyle(e).display !== 'contents');
  if (!stuck) return {height: -1};
  const r = stuck.getBoundingClientRect();
  const held = (sel) => { const e = document.querySelector(sel); return e && stuck.contains(e) && e.getBoundingClientRect().height > 0 ? e.textContent.trim() : ''; };
  return {height: r.height, top: r.top, bottom: r.bottom, count: held('#undecided-count'), button: held('#mark-reviewed button'),
    status: held('#review-key-status'), filter: held('#show-undecided'), next: held('#review-next')};
})()`

type stuckBar struct {
	Height, Top, Bottom                 float64
	Count, Button, Status, Filter, Next string
}

// TestBrowserReviewBarOnPhone: on a phone the part of the review bar
// that stays on the screen while the rows scroll is a line or two (at
// most a quarter of the screen), with the count, Mark gold reviewed and
// what a key said; the filters and the pages scroll away with the page
// and come back in sight, uncovered, when tabbed to. A laptop keeps the
// whole bar in sight.
func TestBrowserReviewBarOnPhone(t *testing.T) {
	s, doc := longReview(t)
	b := newBrowser(t, s)
	for _, vp := range []struct {
		w, h  int64
		phone bool
	}{{390, 844, true}, {320, 640, true}, {1366, 768, false}} {
		at := fmt.Sprintf("%dx%d", vp.w, vp.h)
		b.run(chromedp.EmulateViewport(vp.w, vp.h),
			chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
		eval[bool](b, `document.fonts.ready.then(() => true)`)
		for range 30 {
			b.run(chromedp.KeyEvent("j"))
		}
		quiet := eval[stuckBar](b, stuckBarJS)
		// The row is not in gold: x says so in the bar.
		b.run(chromedp.KeyEvent("x"))
		b.waitFor(`document.getElementById('review-key-status').textContent !== ''`)
		bar := eval[stuckBar](b, stuckBarJS)
		t.Logf("%s: the bar that stays is %.0fpx high (%.0f%% of the screen), %.0fpx saying what x did", at, quiet.Height, 100*quiet.Height/float64(vp.h), bar.Height)
		if bar.Height < 0 || bar.Top != 0 {
			t.Fatalf("%s: no part of the review bar stays at the top of the screen (%+v)", at, bar)
		}
		if bar.Height > float64(vp.h)/4 {
			t.Errorf("%s: the bar that stays is %.0fpx high, more than a quarter of the screen", at, bar.Height)
		}
		if !strings.HasSuffix(bar.Count, "spans undecided.") || bar.Button != "Mark gold reviewed" || !strings.HasPrefix(bar.Status, "Gold does not hold this span") {
			t.Errorf("%s: the bar that stays holds count %q, button %q, status %q", at, bar.Count, bar.Button, bar.Status)
		}
		if row := eval[float64](b, `document.activeElement.closest('#candidates tbody tr').getBoundingClientRect().top`); row < bar.Bottom {
			t.Errorf("%s: the row j moved to begins %.0fpx down, under the bar that ends at %.0fpx", at, row, bar.Bottom)
		}
		b.viewShot("review-bar-" + at)
		if !vp.phone {
			if bar.Filter == "" || bar.Next == "" {
				t.Errorf("%s: the filters (%q) or the next page (%q) left the bar that stays", at, bar.Filter, bar.Next)
			}
			continue
		}
		// The filters and pages it left are reached by Tab, in sight and
		// not under the bar.
		left := []string{"show-undecided", "review-next"}
		for _, id := range left {
			if !eval[bool](b, fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().bottom < 0`, id)) {
				t.Errorf("%s: #%s stays in sight while the rows scroll", at, id)
			}
		}
		for _, id := range left {
			eval[bool](b, fmt.Sprintf(`(document.getElementById(%q).focus(), true)`, id))
			uncovered := eval[bool](b, fmt.Sprintf(`(() => { const e = document.getElementById(%q); const r = e.getBoundingClientRect();
			  const hit = [...e.getClientRects()].every((line) => e.contains(document.elementFromPoint((line.left + line.right) / 2, (line.top + line.bottom) / 2)));
			  return document.activeElement === e && r.top >= 0 && r.bottom <= innerHeight && hit; })()`, id))
			if !uncovered {
				t.Errorf("%s: #%s, tabbed to, is out of sight or under the bar", at, id)
			}
		}
	}
}
