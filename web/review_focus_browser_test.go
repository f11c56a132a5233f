package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// rowOutlineJS measures the focused review row's outline: its outer box
// (the row's box grown by the outline's width and offset) against the
// window, the table and the rows either side, and its inner edge against
// the row's own words and buttons.
const rowOutlineJS = `(() => {
  const row = document.activeElement.closest('#candidates tbody tr');
  const cs = getComputedStyle(row);
  const width = parseFloat(cs.outlineWidth), grow = width + parseFloat(cs.outlineOffset);
  const r = row.getBoundingClientRect(), table = document.getElementById('candidates').getBoundingClientRect();
  const box = {left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow};
  const inner = {left: box.left + width, top: box.top + width, right: box.right - width, bottom: box.bottom - width};
  const bad = [];
  if (cs.outlineStyle === 'none' || width < 2) bad.push('no outline of 2px (' + cs.outlineStyle + ' ' + cs.outlineWidth + ')');
  if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight) bad.push('outside the window ' + JSON.stringify(box));
  if (box.left < table.left || box.right > table.right) bad.push('outside the table');
  const prev = row.previousElementSibling, next = row.nextElementSibling;
  if (next && box.bottom >= next.getBoundingClientRect().top) bad.push('touching the next row');
  if (prev && box.top <= prev.getBoundingClientRect().bottom) bad.push('touching the row before');
  for (const e of row.querySelectorAll('mark, td.label, button')) {
    const words = document.createRange();
    words.selectNodeContents(e);
    const c = words.getBoundingClientRect();
    if (c.left <= inner.left || c.right >= inner.right || c.top <= inner.top || c.bottom >= inner.bottom) bad.push('on ' + e.textContent.trim() + ' ' + JSON.stringify([c.left, c.top, c.right, c.bottom, inner]));
  }
  return bad.join('; ');
})()`

// TestBrowserReviewFocusOutlineClear: the outline of the review row the
// keys move to shows whole, clear of the rows either side, of the
// window's edges and of the row's own words, at 200% zoom of a 1366×768
// laptop (each row a block) and on the laptop itself (a table).
func TestBrowserReviewFocusOutlineClear(t *testing.T) {
	words := []string{"صباح النعمان", "كردستان", "العراقية", "المناطق", "الجهاز"}
	s, b, doc := reviewOf(t, "PER", words, "")
	for _, vp := range []struct {
		w, h  int64
		scale float64
	}{{683, 384, 2}, {1366, 768, 1}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)),
			chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
		eval[bool](b, `document.fonts.ready.then(() => true)`)
		for i := range words {
			b.run(chromedp.KeyEvent("j"))
			if bad := eval[string](b, rowOutlineJS); bad != "" {
				t.Errorf("%dx%d@%gx, row %d focused: its outline is %s", vp.w, vp.h, vp.scale, i+1, bad)
			}
		}
		b.viewShot(fmt.Sprintf("review-focus-%dx%d", vp.w, vp.h))
	}
}
