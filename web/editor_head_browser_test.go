package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// editorHeadJS says which of the open editor's head (its title, the
// span's text, Close) and the control in focus are not wholly on the
// screen, inside the editor and on top there; "" when all are.
const editorHeadJS = `(() => {
  const ed = document.getElementById('span-editor').getBoundingClientRect();
  const bad = [];
  for (const [name, el] of [['title', document.getElementById('editor-title')], ['text', document.getElementById('editor-text')],
    ['Close', document.getElementById('editor-close')], ['focus', document.activeElement]]) {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
    if (r.height === 0 || r.top < Math.max(0, ed.top) - 1 || r.bottom > Math.min(innerHeight, ed.bottom) + 1 || !(top === el || el.contains(top))) {
      bad.push(name + ' at ' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' (editor ' + Math.round(ed.top) + '..' + Math.round(ed.bottom) + ', on top: ' + (top ? top.id || top.tagName : 'nothing') + ')');
    }
  }
  return bad.join('; ');
})()`

// TestBrowserEditorHeadInSight: a quotation opened from the Quotations
// panel of the demo article, its suggestions accepted, and S pressed:
// the candidates' list takes the focus, and the editor's title, the
// quotation's text and Close stay on screen above it, beside the text at
// 1366x768 and in the sheet at 200% zoom.
func TestBrowserEditorHeadInSight(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	for _, vp := range []struct {
		w, h  int64
		scale float64
		shot  string
	}{{1366, 768, 1, "editor-head-speaker"}, {683, 384, 2, "editor-head-speaker-zoom"}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		if eval[int](b, `document.querySelectorAll('#quote-list .quote-item').length`) == 0 {
			b.run(chromedp.Click(chromedp.ID("sug-load")))
			b.waitFor(`document.querySelectorAll('#sug-list li').length > 2`)
			b.run(chromedp.Click(chromedp.ID("sug-accept-all")))
			b.waitFor(`document.querySelectorAll('#quote-list .quote-item').length > 5 && !document.getElementById('save-status').textContent.startsWith('Saving')`)
		}
		b.run(chromedp.Click(chromedp.CSS(`#quote-list li:nth-child(3) .quote-item`)))
		b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
		b.run(chromedp.KeyEvent("s"))
		b.waitFor(`document.activeElement.closest('#q-speaker-choices') !== null`)
		// The browser scrolls what it focuses into view after a frame or
		// two, more on a busy machine: read until it has, for a while.
		bad := "not read"
		for try := 0; bad != "" && try < 40; try++ {
			eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
			bad = eval[string](b, editorHeadJS)
		}
		if bad != "" {
			t.Errorf("%dx%d: after S, not in sight in the editor: %s", vp.w, vp.h, bad)
		}
		b.viewShot(vp.shot)
		b.run(chromedp.Click(chromedp.ID("editor-close")))
		b.waitFor(`document.getElementById('span-editor').hidden`)
	}
}
