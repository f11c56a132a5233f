package web_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// firstScreenParts are what stands above the review's first row and
// Compare in the text's first disagreement, and those themselves: on a
// short screen they share lines, which must not overlap.
var firstScreenParts = map[string][]string{
	"review": {"main > nav.crumbs", "main > h1", "main summary", "#layer-statuses", "#candidates-title", "#accept-agreed button",
		"#accept-agreed .hint", "#undecided-count", "#mark-reviewed", "#show-filter", "#candidates caption", "#candidates tbody tr:first-child > td"},
	"compare": {"main > nav.crumbs", "main > h1", "main summary", "#compare-summary", ".compare-show", "#compare .cmp-para h2",
		"#compare .cmp-name", "#compare .cmp-textbox"},
}

// overlapJS names the first two of the parts selected (each visible part
// on the first screen) that overlap, or one cut by the window's side.
const overlapJS = `((sels) => {
  const boxes = [];
  for (const sel of sels) for (const e of document.querySelectorAll(sel)) {
    const r = e.getBoundingClientRect();
    if (!e.checkVisibility() || r.height === 0 || r.top >= innerHeight) continue;
    if (r.left < -0.5 || r.right > innerWidth + 0.5) return sel + ' is cut by the side of the window';
    boxes.push({sel, e, r});
  }
  for (const a of boxes) for (const b of boxes) {
    if (a.e === b.e || a.e.contains(b.e) || b.e.contains(a.e)) continue;
    const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    if (x > 1 && y > 1) return a.sel + ' overlaps ' + b.sel;
  }
  return '';
})(%s)`

// checkFirstScreen fails unless first is wholly on the screen of page
// (review or compare) as it opens, and nothing above it overlaps.
func (b *browser) checkFirstScreen(where, page, first string) {
	b.t.Helper()
	if off := offFirstScreen(b, first); off != "" {
		b.t.Errorf("%s: %s is at %s, off the first screen", where, first, off)
	}
	sels, err := json.Marshal(firstScreenParts[page])
	if err != nil {
		b.t.Fatal(err)
	}
	if bad := eval[string](b, fmt.Sprintf(overlapJS, sels)); bad != "" {
		b.t.Errorf("%s: %s", where, bad)
	}
}

// TestBrowserReviewWorkOnFirstScreen: a reviewer opening the review sees
// its first row, and opening Compare in the text its first disagreement,
// without scrolling, on a 390-pixel phone, at 200% zoom on a laptop
// (640×360 and 683×384 CSS pixels) and on a laptop. On the small screens
// the pages' explanations (and the review's keys) are folded under a
// summary; on the short ones the lines above the work are smaller and
// share lines, none overlapping another. On a laptop the explanations
// read whole, their summaries not drawn.
func TestBrowserReviewWorkOnFirstScreen(t *testing.T) {
	s, doc := newReviewSite(t)
	b := newBrowser(t, s)
	for _, screen := range []struct {
		name          string
		width, height int64
		scale         float64
		folded        bool
	}{
		{"phone", 390, 844, 3, true},
		{"zoom200", 640, 360, 2, true},
		{"zoom200-1366", 683, 384, 2, true},
		{"laptop", 1366, 768, 1, false},
		{"laptop-1280", 1280, 800, 1, false},
	} {
		b.run(chromedp.EmulateViewport(screen.width, screen.height, chromedp.EmulateScale(screen.scale)))
		for _, pg := range []struct{ name, path, first string }{
			{"review", "review", "#candidates tbody tr"},
			{"compare", "review/compare", "#compare a.cmp-seg.disputed"},
		} {
			b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/%s", s.url, doc.ID, pg.path)))
			b.waitLoaded()
			eval[bool](b, `document.fonts.ready.then(() => true)`)
			where := fmt.Sprintf("%s at %dx%d", pg.name, screen.width, screen.height)
			b.checkFirstScreen(where, pg.name, pg.first)
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
	// Opened, a folded explanation reads whole, its links usable, and
	// takes its own lines: nothing overlaps at 200% zoom.
	for _, screen := range []struct{ width, height, scale int64 }{{390, 844, 3}, {640, 360, 2}} {
		b.run(chromedp.EmulateViewport(screen.width, screen.height, chromedp.EmulateScale(float64(screen.scale))),
			chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)))
		b.waitLoaded()
		b.run(chromedp.Click(chromedp.CSS(`#review-how summary`)), chromedp.Click(chromedp.CSS(`#review-keys-how summary`)))
		if !eval[bool](b, `['compare-link', 'review-keys', 'mark-reviewed-hint'].every((id) => document.getElementById(id).checkVisibility())`) {
			t.Errorf("at %dx%d opening How this page works and the keys does not show them whole", screen.width, screen.height)
		}
		if bad := eval[string](b, fmt.Sprintf(overlapJS, `['main > h1', 'main summary', '#review-how p', '#review-keys-how p', '#layer-statuses', '#candidates-title', '#accept-agreed']`)); bad != "" {
			t.Errorf("at %dx%d with the explanations open: %s", screen.width, screen.height, bad)
		}
	}
	// In Arabic the summaries read in Arabic, and the row is still in
	// sight, on a phone and at 200% zoom.
	me, err := s.store.UserByName(t.Context(), "annotator")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetLanguage(t.Context(), me, "ar"); err != nil {
		t.Fatal(err)
	}
	for _, screen := range []struct {
		name          string
		width, height int64
		scale         float64
	}{{"phone", 390, 844, 3}, {"zoom200", 640, 360, 2}} {
		b.run(chromedp.EmulateViewport(screen.width, screen.height, chromedp.EmulateScale(screen.scale)),
			chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)))
		b.waitLoaded()
		eval[bool](b, `document.fonts.ready.then(() => true)`)
		got := eval[string](b, `document.documentElement.dir + ' ' + [...document.querySelectorAll('details.page-how summary')].map((s) => s.textContent).join(' | ')`)
		if want := "rtl كيف تعمل هذه الصفحة | المفاتيح، وإنهاء مراجعة الطبقة الذهبية"; got != want {
			t.Errorf("the Arabic review on a %s: %q, want %q", screen.name, got, want)
		}
		b.checkFirstScreen("the Arabic review on a "+screen.name, "review", "#candidates tbody tr")
		b.screenshot("firstscreen-" + screen.name + "-review-ar")
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
