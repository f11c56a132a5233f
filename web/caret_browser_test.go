package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// waitNone evaluates js, which names what is wrong ("" when nothing is),
// until it says nothing, for up to 10 seconds, and returns what it said
// last: the page may still be scrolling or laying out the text.
func (b *browser) waitNone(js string) string {
	b.t.Helper()
	bad := "not read"
	for deadline := time.Now().Add(10 * time.Second); bad != "" && time.Now().Before(deadline); {
		eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
		bad = eval[string](b, js)
	}
	return bad
}

// openSpanClearJS names what is wrong with where the span open in the
// editor is: it must be wholly below the sticky label bar (if the bar is
// sticky) and above the editor's sheet, and the text between them must
// be at least a quarter of the screen.
const openSpanClearJS = `(() => {
  const segs = document.querySelectorAll('#doc .seg.selected');
  if (segs.length === 0 || document.getElementById('span-editor').hidden) return 'no span open';
  const range = document.createRange();
  range.setStartBefore(segs[0]);
  range.setEndAfter(segs[segs.length - 1]);
  const r = range.getBoundingClientRect();
  const barEl = document.getElementById('annotate-bar');
  const top = getComputedStyle(barEl).position === 'sticky' ? barEl.getBoundingClientRect().bottom : 0;
  const sheet = document.getElementById('span-editor').getBoundingClientRect().top;
  const where = 'span at ' + Math.round(r.top) + '..' + Math.round(r.bottom) + ', bar to ' + Math.round(top) + ', sheet from ' + Math.round(sheet);
  if (sheet - top < innerHeight / 4) return 'the text has too little room: ' + where;
  if (r.top < top || r.bottom > sheet) return where;
  return '';
})()`

// lowSpanJS scrolls the page so the character at code point cp is at 70%
// of the window's height, where the sheet will cover it, and returns the
// middle of that character.
const lowSpanJS = `((cp) => {
  for (const run of document.querySelectorAll('#doc span[data-start]')) {
    const s = Number(run.dataset.start), chars = [...run.textContent];
    if (cp < s || cp >= s + chars.length) continue;
    const u16 = chars.slice(0, cp - s).join('').length;
    const r = document.createRange();
    r.setStart(run.firstChild, u16);
    r.setEnd(run.firstChild, u16 + chars[cp - s].length);
    window.scrollBy(0, r.getClientRects()[0].top - innerHeight * 0.7);
    const box = r.getClientRects()[0];
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const at = document.elementFromPoint(x, y);
    return {x, y, ok: run === at || run.contains(at), at: at ? at.outerHTML.slice(0, 80) : ''};
  }
  return null;
})`

// TestBrowserNarrowEditorSpanInSight: on a phone (320x640), where the
// label bar wraps onto many lines, and on a narrow window (800x700),
// where it stays sticky, a span clicked low on the page, and the next
// one opened with ], are scrolled between the bar and the editor's sheet.
func TestBrowserNarrowEditorSpanInSight(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	n := manySpans(t, s, doc)
	spans := s.waitSpans(t, doc, s.user.ID, n)
	b := newBrowser(t, s)
	for _, vp := range []struct{ w, h int64 }{{320, 640}, {800, 700}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		target := spans[len(spans)/2].Start + 1
		var p *hit
		for try := 0; try < 20 && (p == nil || !p.OK); try++ {
			eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
			p = eval[*hit](b, fmt.Sprintf(`(%s)(%d)`, lowSpanJS, target))
		}
		if p == nil || !p.OK {
			t.Fatalf("%dx%d: code point %d cannot be clicked: %+v", vp.w, vp.h, target, p)
		}
		b.run(chromedp.MouseClickXY(p.X, p.Y))
		if bad := b.waitNone(openSpanClearJS); bad != "" {
			b.viewShot(fmt.Sprintf("narrow-span-clicked-%d", vp.w))
			t.Errorf("%dx%d: the span clicked at y=%.0f is not in sight: %s", vp.w, vp.h, p.Y, bad)
		}
		title := eval[string](b, `document.getElementById('editor-text').textContent`)
		b.run(chromedp.KeyEvent("]"))
		b.waitFor(fmt.Sprintf(`document.getElementById('editor-text').textContent !== %q`, title))
		if bad := b.waitNone(openSpanClearJS); bad != "" {
			b.viewShot(fmt.Sprintf("narrow-span-stepped-%d", vp.w))
			t.Errorf("%dx%d: the span opened with ] is not in sight: %s", vp.w, vp.h, bad)
		}
	}
}

// caretSelectionJS is the selection in the text as code points [start, end],
// [] when there is none.
const caretSelectionJS = `(() => {
  const sel = getSelection();
  if (sel.rangeCount === 0) return [];
  const r = sel.getRangeAt(0);
  const cp = (node, off) => {
    const run = (node.nodeType === 3 ? node.parentElement : node).closest('#doc span[data-start]');
    if (!run || node.nodeType !== 3) return -1;
    return Number(run.dataset.start) + [...node.data.slice(0, off)].length;
  };
  return [cp(r.startContainer, r.startOffset), cp(r.endContainer, r.endOffset)];
})()`

// TestBrowserKeyboardKeepsPlace: after a span is made from the keyboard
// the caret waits at its end, so Ctrl+Shift+Arrow selects the next word
// and a second label key saves a second span; [ then opens the span just
// before the caret, and Escape leaves the caret at its end. S then opens
// a quotation made at the caret to pick its speaker.
func TestBrowserKeyboardKeepsPlace(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Focus(chromedp.ID("doc")))
	for range 4 {
		b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl)))
	}
	for range 3 {
		b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl, shift)))
	}
	b.run(chromedp.KeyEvent("2")) // ORG
	first := s.waitSpans(t, doc, s.user.ID, 1)[0]
	b.waitPage(1)
	b.waitFor(fmt.Sprintf(`(() => { const s = %s; return s.length === 2 && s[0] === %d && s[1] === %d; })()`, caretSelectionJS, first.End, first.End))
	if bad := b.waitNone(`(() => {
	  const m = document.querySelector('.caret-mark');
	  if (!m || m.hidden) return 'no caret drawn';
	  const r = m.getBoundingClientRect();
	  return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight ? '' : 'caret drawn at ' + Math.round(r.top) + '..' + Math.round(r.bottom);
	})()`); bad != "" {
		t.Errorf("after the first span: %s", bad)
	}

	b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl, shift)))
	sel := eval[[]int](b, caretSelectionJS)
	if len(sel) != 2 || sel[0] != first.End || sel[1] <= sel[0] {
		t.Fatalf("Ctrl+Shift+Arrow after the span %d..%d selected %v, want from its end on", first.Start, first.End, sel)
	}
	b.run(chromedp.KeyEvent("1")) // PER
	spans := s.waitSpans(t, doc, s.user.ID, 2)
	b.waitPage(2)
	second := spans[0]
	if second.ID == first.ID {
		second = spans[1]
	}
	if second.Label != "PER" || second.Start < first.End {
		t.Fatalf("second span %+v, want PER after %d", second, first.End)
	}

	b.run(chromedp.KeyEvent("["))
	b.waitFor(`!document.getElementById('span-editor').hidden && document.getElementById('editor-title').textContent === 'PER span'`)
	b.run(chromedp.KeyEvent(kb.Escape))
	b.waitFor(fmt.Sprintf(`document.getElementById('span-editor').hidden && (() => { const s = %s; return s[0] === %d && s[1] === %d; })()`, caretSelectionJS, second.End, second.End))

	// S with no quotation open nor under the caret says how to open one;
	// at the end of a quotation just made it opens it to pick its speaker.
	b.run(chromedp.KeyEvent("s"))
	b.waitFor(`document.getElementById('save-status').textContent.startsWith("S picks a quotation's speaker, and no span is open")`)
	for range 2 {
		b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl, shift)))
	}
	b.run(chromedp.KeyEvent("6")) // QUOTE
	s.waitSpans(t, doc, s.user.ID, 3)
	b.waitPage(3)
	b.run(chromedp.KeyEvent("s"))
	b.waitFor(`document.getElementById('editor-title').textContent === 'QUOTE span' && document.activeElement.closest('#q-speaker-choices') !== null`)
}

// TestBrowserCaretFollowed: on a long text, three hundred Ctrl+Arrow
// moves take the caret far below the first screen; the page follows it,
// the caret in sight below the sticky bar, and drawn there.
func TestBrowserCaretFollowed(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Focus(chromedp.ID("doc")))
	for range 300 {
		b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl)))
	}
	bad := b.waitNone(`(() => {
	  const sel = getSelection(), r = document.createRange();
	  r.setStart(sel.focusNode, sel.focusOffset);
	  const c = r.getBoundingClientRect();
	  const bar = document.getElementById('annotate-bar').getBoundingClientRect().bottom;
	  const m = document.querySelector('.caret-mark');
	  if (!m) return 'no caret mark';
	  const mr = m.getBoundingClientRect();
	  const where = 'caret at ' + Math.round(c.top) + '..' + Math.round(c.bottom) + ' (bar to ' + Math.round(bar) + ', mark at ' + Math.round(mr.top) + ', scrollY ' + Math.round(scrollY) + ')';
	  if (scrollY < 100) return 'the page never scrolled: ' + where;
	  if (c.top < bar || c.bottom > innerHeight) return where;
	  if (m.hidden || Math.abs(mr.top - c.top) > 4 || Math.abs(mr.left - c.left) > 4) return 'mark not at the caret: ' + where;
	  return '';
	})()`)
	if bad != "" {
		b.viewShot("caret-followed")
		t.Errorf("after 300 Ctrl+ArrowLeft: %s", bad)
	}
}

// caretMarkJS says where the caret mark is drawn: "hidden", or "at the
// caret" when it stands at the selection's focus, else where it is.
const caretMarkJS = `(() => {
  const m = document.querySelector('.caret-mark');
  if (!m) return 'no mark';
  if (m.hidden) return 'hidden';
  const sel = getSelection(), r = document.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  const c = r.getClientRects()[0] || r.getBoundingClientRect(), mr = m.getBoundingClientRect();
  return mr.height > 0 && Math.abs(mr.top - c.top) <= 4 && Math.abs(mr.left - c.left) <= 4 ? 'at the caret'
    : 'at ' + Math.round(mr.left) + ',' + Math.round(mr.top) + ' (caret at ' + Math.round(c.left) + ',' + Math.round(c.top) + ')';
})()`

// TestBrowserCaretMarkForKeys: the caret mark shows where the keyboard
// put the caret, never where the mouse did. Tabbing into the text draws
// it; a click in the text hides it, and an arrow brings it back at the
// caret; a drag hides it, and Shift+Arrow brings it back; a drag then a
// label's key draws it at the end of the span made.
func TestBrowserCaretMarkForKeys(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	mark := func(step, want string) {
		t.Helper()
		got := "not read"
		for deadline := time.Now().Add(10 * time.Second); got != want && time.Now().Before(deadline); {
			eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
			got = eval[string](b, caretMarkJS)
		}
		if got != want {
			b.viewShot("caret-mark-" + strings.ReplaceAll(step, " ", "-"))
			t.Errorf("after %s the caret mark is %s, want %s", step, got, want)
		}
	}
	for range 100 {
		if eval[bool](b, `document.activeElement === document.getElementById('doc')`) {
			break
		}
		b.run(chromedp.KeyEvent(kb.Tab))
	}
	if !eval[bool](b, `document.activeElement === document.getElementById('doc')`) {
		t.Fatal("Tab never reaches the text")
	}
	mark("Tab into the text", "at the caret")

	start, end := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	b.clickChar(start + 2)
	b.waitFor(`document.activeElement === document.getElementById('doc') && getSelection().isCollapsed`)
	mark("a click in the text", "hidden")
	b.run(chromedp.KeyEvent(kb.ArrowLeft))
	mark("a click then ArrowLeft", "at the caret")

	b.dragSelect(start, end)
	b.waitFor(`!getSelection().isCollapsed`)
	mark("a drag", "hidden")
	b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(shift)))
	mark("a drag then Shift+ArrowLeft", "at the caret")

	b.dragSelect(start, end)
	mark("a second drag", "hidden")
	b.run(chromedp.KeyEvent("2")) // ORG
	made := s.waitSpans(t, doc, s.user.ID, 1)[0]
	b.waitPage(1)
	b.waitFor(fmt.Sprintf(`(() => { const s = %s; return s[0] === %d && s[1] === %d; })()`, caretSelectionJS, made.End, made.End))
	mark("a drag then a label's key", "at the caret")
}
