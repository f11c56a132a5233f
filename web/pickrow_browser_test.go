package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// pickRowJS lists the open quotation's buttons that are partly covered
// by its pinned "Speaker:" and "Cue:" lines: each must be wholly below
// them, or wholly under them or above the editor's scrolling part, out of
// sight. Lines that scroll with the rest (not sticky) cover nothing.
const pickRowJS = `(() => {
  const body = document.getElementById('editor-body').getBoundingClientRect();
  const lines = [...document.querySelectorAll('#quote-tools > p')];
  const pinned = lines.every((p) => getComputedStyle(p).position === 'sticky');
  const edge = pinned ? Math.max(...lines.map((p) => p.getBoundingClientRect().bottom)) : body.top;
  const bad = [];
  for (const el of document.querySelectorAll('#quote-tools button, #quote-tools summary')) {
    if (el.closest('#quote-tools > p')) continue;
    const r = el.getBoundingClientRect();
    if (r.height === 0) continue;
    if (r.bottom <= edge + 0.5 || r.top >= edge - 0.5) continue;
    bad.push((el.id || el.textContent.trim()) + ' at ' + r.top.toFixed(1) + '..' + r.bottom.toFixed(1) + ', cut at ' + edge.toFixed(1));
  }
  const f = document.activeElement.getBoundingClientRect();
  if (f.top < edge - 0.5 || f.bottom > body.bottom + 0.5) {
    bad.push('the candidate in focus at ' + f.top.toFixed(1) + '..' + f.bottom.toFixed(1) + ', not between ' + edge.toFixed(1) + ' and ' + body.bottom.toFixed(1));
  }
  return bad.join('; ');
})()`

// TestBrowserPickRowClear: a quotation with a speaker and a cue open
// beside the text (a laptop, and a short one), at 200% zoom and on a
// phone, S then C: the row of Pick buttons, and every other control of
// the quote tools, is never half under the pinned "Speaker:" and "Cue:"
// lines, and the candidate in focus shows whole below them.
func TestBrowserPickRowClear(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	quote := quoteSaidBy(t, s, doc, "الناطق باسم الجهاز صباح النعمان")
	b := newBrowser(t, s)
	for _, vp := range []struct {
		w, h  int64
		scale float64
		shot  string
	}{{1366, 768, 1, "pick-row"}, {1280, 600, 1, "pick-row-short"}, {640, 360, 2, "pick-row-zoom"}, {390, 844, 1, "pick-row-phone"}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		b.clickChar(quote.Start + 2)
		b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
		for _, key := range []struct{ key, list, shot string }{{"s", "q-speaker-choices", vp.shot}, {"c", "q-cue-choices", vp.shot + "-cue"}} {
			b.run(chromedp.KeyEvent(key.key))
			b.waitFor(fmt.Sprintf(`document.activeElement.closest('#%s') !== null`, key.list))
			// Two frames, so what the browser scrolls or lays out late is
			// read as drawn.
			eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
			bad := eval[string](b, pickRowJS)
			b.viewShot(key.shot)
			if bad != "" {
				t.Errorf("%dx%d: after %s, partly under the speaker and cue lines: %s", vp.w, vp.h, strings.ToUpper(key.key), bad)
			}
			b.run(chromedp.KeyEvent(kb.Escape))
		}
		b.run(chromedp.Click(chromedp.ID("editor-close")))
		b.waitFor(`document.getElementById('span-editor').hidden`)
	}
}
