package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// stickyRowHeadersJS scrolls the box of the table with the id given to
// its far end (left in a right-to-left page) and says what is wrong with
// its row headers then: one out of the box, not at the box's starting
// edge, or under another cell; the box not scrolled; a header wider than
// half the box. "" when each row keeps its name in sight.
const stickyRowHeadersJS = `((id) => {
  const t = document.getElementById(id), w = t.closest('.table-wrap'), rtl = getComputedStyle(w).direction === 'rtl';
  if (w.scrollWidth <= w.clientWidth) return 'the table fits its box: nothing to scroll';
  w.scrollLeft = (rtl ? -1 : 1) * (w.scrollWidth - w.clientWidth);
  if (Math.abs(w.scrollLeft) < 1) return 'the box does not scroll';
  const box = w.getBoundingClientRect(), wrong = [];
  for (const h of t.querySelectorAll('tbody th[scope="row"]')) {
    const y = h.getBoundingClientRect();
    scrollBy(0, y.top + y.height / 2 - innerHeight / 2);
    const r = h.getBoundingClientRect(), name = h.textContent.trim();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) wrong.push(name + ' out of the box');
    else if (Math.abs(rtl ? box.right - w.clientLeft - r.right : r.left - box.left - w.clientLeft) > 1) wrong.push(name + ' not at the box\'s ' + (rtl ? 'right' : 'left'));
    else if (!at || !h.contains(at)) wrong.push(name + ' under ' + (at ? at.textContent.trim() : 'nothing'));
    if (r.width > box.width / 2) wrong.push(name + ' ' + Math.round(r.width) + ' px wide in a box of ' + Math.round(box.width));
  }
  return wrong.join('; ');
})`

// TestBrowserAgreementPairsSticky: on a phone the By pair table of the
// Agreement page is wider than the window; it scrolls sideways in its
// box, never the page, and scrolled to its far end each row still shows
// its pair's names at the box's starting edge, on the left in English
// and on the right in Arabic, a long name wrapping rather than taking
// the box.
func TestBrowserAgreementPairsSticky(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for _, name := range []string{"karim", "layla", "abdulrahman.alqahtani.annotations"} {
		u := addSiteMember(t, s, name, db.RoleAnnotator)
		start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	page := fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)
	for _, lang := range []string{"en", "ar"} {
		if err := s.store.SetLanguage(t.Context(), s.user, lang); err != nil {
			t.Fatal(err)
		}
		b.run(chromedp.EmulateViewport(360, 640), chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("agreement-pairs")))
		if got := eval[string](b, stickyRowHeadersJS+`('agreement-pairs')`); got != "" {
			t.Errorf("%s, 360 px wide, the By pair table scrolled sideways: %s", lang, got)
		}
		if eval[bool](b, `document.documentElement.scrollWidth > innerWidth + 1`) {
			t.Errorf("%s, 360 px wide, the Agreement page scrolls sideways", lang)
		}
		eval[bool](b, `(document.getElementById('agreement-pairs').closest('.table-wrap').scrollIntoView({block: 'center'}), true)`)
		b.viewShot("agreement-pairs-sticky-" + lang)
	}
	if err := s.store.SetLanguage(t.Context(), s.user, "en"); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
