package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// managedSite is a project of eight documents (aner-0001…), each assigned
// to layla and omar, omar done with aner-0002: the list a manager sees,
// with Reopen and Unassign in its rows.
func managedSite(t *testing.T) *site {
	t.Helper()
	var docs []codec.Doc
	for i := 1; i <= 8; i++ {
		docs = append(docs, codec.Doc{Line: i, ExternalID: fmt.Sprintf("aner-%04d", i), Text: "قال فؤاد السنيورة إن واشنطن أعطت فرصة لإسرائيل.", Meta: json.RawMessage(`{}`)})
	}
	s := newSite(t, docs...)
	ctx := context.Background()
	for _, name := range []string{"layla", "omar"} {
		u := addSiteMember(t, s, name, db.RoleAnnotator)
		if _, err := s.store.Assign(ctx, s.proj.ID, s.user, db.AssignRequest{User: name, All: true}); err != nil {
			t.Fatal(err)
		}
		if name == "omar" {
			if _, err := s.store.MarkDone(ctx, s.docs["aner-0002"], u); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

// TestBrowserTickedBarNarrow: on a phone (320x640) the bar of ticked
// documents leaves the list in sight: scrolled to the list, with nothing
// ticked the bar waits under it instead of covering the screen's foot,
// and once a document is ticked it stays in sight, at most a fifth of the
// screen tall.
func TestBrowserTickedBarNarrow(t *testing.T) {
	s := managedSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
	b.waitFor(`document.readyState === "complete" && !document.getElementById('tick-all').closest('label').hidden`)
	toList := `(() => { document.querySelector('table.docs tbody').scrollIntoView({block: 'start'}); return true; })()`
	eval[bool](b, toList)
	if top := eval[float64](b, `document.getElementById('assign-form').getBoundingClientRect().top`); top < 640 {
		b.viewShot("layout-ticked-bar-320-unticked")
		t.Errorf("with nothing ticked the bar covers the list from %.0fpx down in a 640px window", top)
	}
	b.run(chromedp.Click(chromedp.CSS(`td.tick input`), chromedp.NodeVisible))
	b.waitFor(`document.getElementById('assign-form').classList.contains('has-ticked')`)
	eval[bool](b, toList)
	b.waitFor(`(() => { const r = document.getElementById('assign-form').getBoundingClientRect(); return r.bottom <= innerHeight && r.top < innerHeight; })()`)
	b.viewShot("layout-ticked-bar-320")
	if h := eval[float64](b, `document.getElementById('assign-form').getBoundingClientRect().height`); h > 640/5 {
		t.Errorf("with a document ticked the bar is %.0fpx tall in a 640px window, want at most %d", h, 640/5)
	}
}

// TestBrowserRowTargets: in the documents list at 1366x768 every tick
// box, Reopen and Unassign is a target at least 24x24px (WCAG 2.2 target
// size) and the buttons of a row do not touch.
func TestBrowserRowTargets(t *testing.T) {
	s := managedSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
	b.waitFor(`document.readyState === "complete" && document.querySelector('button.reopen') !== null`)
	small := eval[[]string](b, `[...document.querySelectorAll('td.tick input, #tick-all, ul.assignees button')]
	  .map((e) => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
	  .map(([e, r]) => (e.getAttribute('aria-label') || e.id) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))`)
	for _, s := range small {
		t.Errorf("target smaller than 24x24px: %s", s)
	}
	touching := eval[[]string](b, `[...document.querySelectorAll('ul.assignees li')].flatMap((li) => {
	  const rs = [...li.querySelectorAll('button')].map((e) => e.getBoundingClientRect());
	  return rs.slice(1).filter((r, i) => r.left - rs[i].right < 4).map(() => li.dataset.user + ' in ' + li.closest('tr').id);
	})`)
	for _, s := range touching {
		t.Errorf("the buttons of %s are less than 4px apart", s)
	}
	if eval[int](b, `document.querySelectorAll('button.reopen').length`) == 0 {
		t.Fatal("no Reopen button in the list: the test measures nothing")
	}
	b.viewShot("layout-row-targets-1366")
}

// TestBrowserReviewTitleNarrow: on a phone (320px) the review page's
// heading moves the document id to a line of its own whole, never
// "Review aner-" over "0008".
func TestBrowserReviewTitleNarrow(t *testing.T) {
	s := managedSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, s.docs["aner-0008"].ID)))
	b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded"`)
	// The lines the id's characters sit on, told apart by their tops.
	lines := eval[int](b, `(() => { const h = document.querySelector('main h1'), r = document.createRange();
	  const text = [...h.querySelectorAll('*'), h].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('aner-0008'));
	  const at = text.data.indexOf('aner-0008'); r.setStart(text, at); r.setEnd(text, at + 9);
	  return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size; })()`)
	b.viewShot("layout-review-title-320")
	if lines != 1 {
		t.Errorf("the heading breaks aner-0008 over %d lines: %q", lines, eval[string](b, `document.querySelector('main h1').innerText`))
	}
}

// TestBrowserUsersNarrow: on a phone (320px) every account's buttons,
// Reset password included, are on the screen, not behind a sideways
// scroll of the table.
func TestBrowserUsersNarrow(t *testing.T) {
	s := managedSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(s.url+"/admin/users"))
	b.waitFor(`document.readyState === "complete" && document.getElementById('accounts') !== null`)
	off := eval[[]string](b, `[...document.querySelectorAll('#accounts button, #accounts a')].filter((e) => {
	  const r = e.getBoundingClientRect(); return r.left < 0 || r.right > document.documentElement.clientWidth; })
	  .map((e) => e.getAttribute('aria-label') || e.textContent.trim())`)
	for _, name := range off {
		t.Errorf("%q is past the edge of a 320px screen", name)
	}
	if n := eval[int](b, `document.querySelectorAll('#accounts button[aria-label^="Reset password for"]').length`); n != 2 {
		t.Errorf("%d Reset password buttons, want layla's and omar's", n)
	}
	b.checkReflow("/admin/users", 320, 640)
	b.screenshot("layout-users-320")
}

// TestBrowserUsersRowsLevel: on the Users page at 1366x768 each account's
// name, its admin flag and the words of its Disable and Reset password
// buttons stand on one line, not the name at the top of the buttons' box.
func TestBrowserUsersRowsLevel(t *testing.T) {
	s := managedSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(s.url+"/admin/users"))
	b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded" && document.getElementById('accounts') !== null`)
	// The bottom of each cell's first line of words: a button's own words
	// for a button, the cell's text otherwise.
	off := eval[[]string](b, `[...document.querySelectorAll('#accounts tbody tr')].flatMap((tr) => {
	  const bottom = (e) => { const r = document.createRange(); const n = [...e.childNodes].find((c) => c.nodeType === Node.TEXT_NODE && c.data.trim());
	    if (!n) return null; r.selectNodeContents(n); return r.getClientRects()[0].bottom; };
	  const parts = [...tr.cells].map((td) => td.querySelector('button') || td).map((e) => [e.textContent.trim(), bottom(e)]).filter(([, y]) => y !== null);
	  return parts.slice(1).filter(([, y]) => Math.abs(y - parts[0][1]) > 1).map(([w, y]) => tr.cells[0].textContent.trim() + ': "' + w + '" ends at ' + y.toFixed(1) + ', the name at ' + parts[0][1].toFixed(1));
	})`)
	for _, o := range off {
		t.Errorf("not on the line of the account's name: %s", o)
	}
	if n := eval[int](b, `document.querySelectorAll('#accounts button').length`); n == 0 {
		t.Fatal("no button in the accounts table: the test measures nothing")
	}
}

// editorEdgeJS is the screenshot pixel 2px above the span editor's body's
// bottom edge, near its far end, where no button stands.
const editorEdgeJS = `(() => { const r = document.getElementById('editor-body').getBoundingClientRect();
  return [Math.round((r.right - 12) * devicePixelRatio), Math.round((r.bottom - 2) * devicePixelRatio)]; })()`

// TestBrowserEditorSheetScrollShade: at 200% zoom (683x384 at scale 2)
// the span editor's sheet shows a row or two of labels and hides Delete
// span below them: a shade along its bottom edge says the sheet scrolls,
// and goes once it is scrolled to its end.
func TestBrowserEditorSheetScrollShade(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "ORG"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Focus(chromedp.ID("doc")), chromedp.KeyEvent("]"))
	b.waitFor(`!document.getElementById('span-editor').hidden`)
	// The sheet grows to its height over a frame or two after it opens.
	b.waitFor(`(() => { const e = document.getElementById('editor-body'); return e.scrollHeight > e.clientHeight + 20; })()`)
	at := eval[[2]int](b, editorEdgeJS)
	grey := func() int {
		t.Helper()
		eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
		shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatal(err)
		}
		r, g, bl, _ := img.At(at[0], at[1]).RGBA()
		return int((r + g + bl) / 3 >> 8)
	}
	if v := grey(); v > 240 {
		b.viewShot("layout-editor-sheet-200")
		t.Errorf("the sheet hides Delete span below its edge with no shade there (grey %d of 255)", v)
	}
	b.viewShot("layout-editor-sheet-200")
	eval[bool](b, `(() => { const e = document.getElementById('editor-body'); e.scrollTop = e.scrollHeight; return true; })()`)
	if v := grey(); v < 250 {
		b.viewShot("layout-editor-sheet-200-end")
		t.Errorf("scrolled to its end the sheet still shades its bottom edge (grey %d of 255)", v)
	}
	b.viewShot("layout-editor-sheet-200-end")
}

// TestBrowserFindSaysWhereInSight: a match far down the text scrolls the
// find bar out of sight (off the top of a laptop's screen at 200% zoom,
// under the sticky label bar at 1366x768); "1 of 1: …" is then said on
// the screen, and goes with the selection.
func TestBrowserFindSaysWhereInSight(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	for _, vp := range []struct {
		w, h  int64
		scale float64
	}{{683, 384, 2}, {1366, 768, 1}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, s.docs["seed"].ID))
		b.run(chromedp.SendKeys(chromedp.ID("find-q"), "والإقليم"), chromedp.KeyEvent("\r"))
		b.waitFor(`document.getElementById('find-count').textContent.startsWith('1 of 1:')`)
		if scrolled := eval[float64](b, `scrollY`); scrolled < 100 {
			t.Fatalf("%dx%d: the match is %.0fpx down: the test measures nothing", vp.w, vp.h, scrolled)
		}
		b.viewShot(fmt.Sprintf("layout-find-%d", vp.w))
		if !eval[bool](b, `(() => { const r = document.getElementById('find-count').getBoundingClientRect();
		  const bar = document.getElementById('annotate-bar'), top = getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
		  return r.height > 0 && r.top >= top && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; })()`) {
			t.Errorf("%dx%d: find says where it is (%q) out of sight", vp.w, vp.h, eval[string](b, `document.getElementById('find-count').textContent`))
		}
		// Escape lets the selection go, and the message with it.
		b.run(chromedp.KeyEvent("\u001b"))
		b.waitFor(`document.getElementById('find-count').textContent === '' && !document.getElementById('find-count').classList.contains('floating')`)
	}
}
