package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// headerContrastJS gives, for each header cell of the tables that scroll
// in a box of their own, the contrast ratio (WCAG 2) of its text against
// what is behind it, from the computed colours: the cell's and its
// ancestors' background colours laid one over the other down to the
// first opaque one. A background image (the box's scroll shadows) met
// before that makes the ratio unknown (0).
const headerContrastJS = `(() => {
  const rgba = (s) => { const m = s.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = (c) => [c.r, c.g, c.b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1});
  function behind(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e), c = rgba(cs.backgroundColor);
      layers.push(c);
      if (c.a === 1) return layers.reduceRight((under, top) => over(top, under));
      if (cs.backgroundImage !== 'none') return null;
    }
    return layers.reduceRight((under, top) => over(top, under), {r: 255, g: 255, b: 255, a: 1});
  }
  return [...document.querySelectorAll(':is(.table-wrap, .table-scroll) th')].map((th) => {
    const bg = behind(th);
    if (!bg) return {cell: th.textContent.trim(), ratio: 0};
    const [hi, lo] = [lum(over(rgba(getComputedStyle(th).color), bg)), lum(bg)].sort((x, y) => y - x);
    return {cell: th.textContent.trim(), ratio: (hi + 0.05) / (lo + 0.05)};
  });
})()`

// TestBrowserTableHeaderContrast: on a window narrower than the agreement
// and progress tables (a laptop at 200% zoom, a phone), scrolled sideways
// so both shadows of a box show, every header cell's text stands at
// least 4.5:1 against an opaque background of its own, and axe-core,
// which cannot see through the shadows, has none to leave for review
// but those a sticky row header of their table covers (axeLeftJS).
func TestBrowserTableHeaderContrast(t *testing.T) {
	src := axeScript(t)
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for _, name := range []string{"karim", "layla", "rania"} {
		u := addSiteMember(t, s, name, db.RoleAnnotator)
		start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	for _, vp := range axeSmall {
		for _, page := range []string{"agreement", "progress"} {
			at := fmt.Sprintf("%s at %dx%d@%gx", page, vp.w, vp.h, vp.scale)
			b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)),
				chromedp.Navigate(fmt.Sprintf("%s/projects/%d/%s", s.url, s.proj.ID, page)))
			b.waitLoaded()
			scrolled := eval[int](b, `[...document.querySelectorAll('.table-wrap, .table-scroll')].filter((w) => {
			  w.scrollLeft = (w.scrollWidth - w.clientWidth) / 2; return w.scrollLeft > 0; }).length`)
			if scrolled == 0 {
				t.Errorf("%s: no table is wider than its box, so none has shadows to test", at)
			}
			cells := eval[[]struct {
				Cell  string
				Ratio float64
			}](b, headerContrastJS)
			if len(cells) == 0 {
				t.Errorf("%s: no header cell in a table box", at)
			}
			for _, c := range cells {
				if c.Ratio < 4.5 {
					t.Errorf("%s: header %q has text at contrast %.2f:1 (0: over the shadows), want at least 4.5:1", at, c.Cell, c.Ratio)
				}
			}
			if !eval[bool](b, `typeof axe !== 'undefined'`) {
				eval[bool](b, src+"\n;true")
			}
			left := eval[[]string](b, `axe.run(document, {runOnly: ['color-contrast'], resultTypes: ['violations', 'incomplete']})
			  .then((r) => `+axeLeftJS+`)`)
			for _, cell := range left {
				t.Errorf("%s: axe leaves the contrast of %s", at, cell)
			}
		}
	}
}

// axeLeftJS keeps, of axe's color-contrast result r, the header cells it
// fails or leaves for review, with why, but for one case: a cell left
// for review only because it is covered (axe's bgOverlap or
// elmPartiallyObscured), where what covers it is
// a sticky row header (or the corner over them) of its own table, seen
// there by elementFromPoint, or because it is such a sticky cell itself
// (elmPartiallyObscuring), covering a cell of its table scrolled under it. Those cells are
// in sight and headerContrastJS measures them.
const axeLeftJS = `(() => {
  const stickyIn = (t) => [...t.querySelectorAll('tbody > tr > th[scope="row"], thead > tr:first-child > th:first-child')]
    .filter((c) => c.closest('table') === t && getComputedStyle(c).position === 'sticky');
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const covered = (el, by) => {
    const y = el.getBoundingClientRect();
    scrollBy(0, y.top + y.height / 2 - innerHeight / 2);
    const a = el.getBoundingClientRect(), b = by.getBoundingClientRect();
    if (!overlap(a, b)) return false;
    const x = (Math.max(a.left, b.left) + Math.min(a.right, b.right)) / 2, yy = (Math.max(a.top, b.top) + Math.min(a.bottom, b.bottom)) / 2;
    const hit = document.elementFromPoint(x, yy);
    return !!hit && by.contains(hit);
  };
  const ignored = (kind, n, el) => {
    const why = [...n.any, ...n.all, ...n.none].map((c) => (c.data && c.data.messageKey) || c.message || '');
    if (kind !== 'incomplete' || !el || !why.length || !why.every((w) => /^(bgOverlap|elmPartiallyObscured|elmPartiallyObscuring)$/.test(w))) return false;
    const t = el.closest('table'), sticky = t ? stickyIn(t) : [];
    if (why.includes('elmPartiallyObscuring') && !(sticky.includes(el) &&
        [...t.querySelectorAll('th, td')].some((c) => !sticky.includes(c) && covered(c, el)))) return false;
    if (why.some((w) => w === 'bgOverlap' || w === 'elmPartiallyObscured') && !sticky.some((s) => s !== el && covered(el, s))) return false;
    return true;
  };
  return [...r.violations.map((v) => ['violation', v]), ...r.incomplete.map((v) => ['incomplete', v])]
    .flatMap(([kind, v]) => v.nodes.map((n) => [kind, n]))
    .filter(([, n]) => /\bth\b/.test(n.target.join(' ')))
    .filter(([kind, n]) => !ignored(kind, n, document.querySelector(n.target.join(' '))))
    .map(([kind, n]) => n.target.join(' ') + ' ' + (kind === 'violation' ? 'failed' : 'for review') + ': ' +
      [...n.any, ...n.all, ...n.none].map((c) => (c.data && c.data.messageKey) || c.message).join(', '));
})()`
