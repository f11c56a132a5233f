package web_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// manySpans labels every third word of doc in the site user's layer, a
// QUOTE every fifth of those and LOC the others, so both the Quotations
// and the Spans lists of the side panel run far below the screen.
func manySpans(t *testing.T, s *site, doc db.Document) int {
	t.Helper()
	n, word := 0, 0
	runes := []rune(doc.Text)
	for i := 0; i < len(runes); {
		if unicode.IsSpace(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && !unicode.IsSpace(runes[j]) {
			j++
		}
		if word%3 == 0 && j-i >= 3 {
			label := "LOC"
			if n%5 == 0 {
				label = "QUOTE"
			}
			if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: i, End: j, Label: label}); err != nil {
				t.Fatalf("span %d..%d: %v", i, j, err)
			}
			n++
		}
		word++
		i = j
	}
	return n
}

// editorInViewJS is true when the open editor's title, label buttons and
// Delete are on screen, inside the side panel's visible box and not
// covered by anything.
const editorInViewJS = `(() => {
  const side = document.querySelector('.side').getBoundingClientRect();
  const ids = ['editor-title', 'delete-span'];
  const els = [...ids.map((id) => document.getElementById(id)), ...document.querySelectorAll('#span-editor .relabel')];
  const bad = [];
  for (const e of els) {
    const r = e.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (r.height === 0 || r.top < 0 || r.bottom > innerHeight || r.top < side.top || r.bottom > side.bottom || !hit || !(hit === e || e.contains(hit)))
      bad.push((e.id || e.dataset.label) + '@' + Math.round(r.top) + '..' + Math.round(r.bottom));
  }
  return bad.join(' ');
})()`

// entryInViewJS is true when the list entry matched by sel is on screen
// and not covered (by the editor above it, say).
const entryInViewJS = `((sel) => {
  const e = document.querySelector(sel), r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.top >= 0 && r.bottom <= innerHeight && !!hit && (hit === e || e.contains(hit));
})`

// TestBrowserEditorOpensInSight: at 1366x768 the side panel scrolls in a
// box of its own; a span picked far down its Spans or Quotations list,
// in the text, or with ] opens the editor with its title, label buttons
// and Delete on screen, and the entry picked stays in view.
func TestBrowserEditorOpensInSight(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	n := manySpans(t, s, doc)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	settle := func() {
		eval[bool](b, `new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))), 100))`)
	}
	check := func(what, entry string) {
		t.Helper()
		settle()
		// The panel may still be scrolling (smoothly, and slowly on a busy
		// machine): read again until it has come to rest, for a few seconds.
		bad := eval[string](b, editorInViewJS)
		for try := 0; bad != "" && try < 30; try++ {
			settle()
			bad = eval[string](b, editorInViewJS)
		}
		if bad != "" {
			b.viewShot("editor-in-sight-" + what)
			t.Errorf("%s: the editor's controls are out of sight: %s", what, bad)
		}
		if entry != "" && !eval[bool](b, fmt.Sprintf(`(%s)(%q)`, entryInViewJS, entry)) {
			b.viewShot("editor-in-sight-" + what)
			t.Errorf("%s: the entry picked (%s) is out of sight", what, entry)
		}
	}
	closeEditor := func() {
		t.Helper()
		b.run(chromedp.Click(chromedp.ID("editor-close")))
		b.waitFor(`document.getElementById('span-editor').hidden`)
	}

	// Far down the Spans list, scrolled to as a person scrolls the panel.
	// entry is the list's i-th entry (from 1), by its span: the list is
	// cut into groups, so an entry's place among its siblings is not its
	// place in the list.
	entry := func(i int) string {
		id := eval[string](b, fmt.Sprintf(`document.querySelectorAll('#span-list .span-item')[%d].dataset.span`, i-1))
		return fmt.Sprintf(`#span-list .span-item[data-span="%s"]`, id)
	}
	last := entry(n - 2)
	eval[bool](b, fmt.Sprintf(`(() => { document.querySelector(%q).scrollIntoView({block: 'center'}); return true; })()`, last))
	settle()
	b.run(chromedp.Click(chromedp.CSS(last), chromedp.NodeVisible))
	b.waitFor(`!document.getElementById('span-editor').hidden`)
	check("span-list", last)
	textInSight := func(what string) {
		t.Helper()
		// Polled: the page may still be scrolling to it.
		if b.waitNone(`(() => { const r = document.querySelector('#doc .seg.selected').getBoundingClientRect();
			const bar = document.getElementById('annotate-bar').getBoundingClientRect();
			return r.top >= bar.bottom && r.bottom <= innerHeight ? '' : 'out'; })()`) != "" {
			b.viewShot("editor-in-sight-" + what + "-text")
			t.Errorf("%s: the span picked is out of sight in the text", what)
		}
	}
	textInSight("span-list")
	b.viewShot("editor-in-sight-span-list")
	// Another entry picked while the editor is open: the same.
	next := entry(n - 6)
	b.run(chromedp.Click(chromedp.CSS(next), chromedp.NodeVisible))
	b.waitFor(fmt.Sprintf(`document.getElementById('editor-text').textContent === document.querySelector(%q).querySelector('.text').textContent`, next))
	check("span-list-again", next)
	closeEditor()

	// Far down the Quotations list.
	quote := `#quote-list li:nth-last-child(2) .quote-item`
	eval[bool](b, fmt.Sprintf(`(() => { document.querySelector(%q).scrollIntoView({block: 'center'}); return true; })()`, quote))
	settle()
	b.run(chromedp.Click(chromedp.CSS(quote), chromedp.NodeVisible))
	b.waitFor(`!document.getElementById('span-editor').hidden && !document.getElementById('quote-tools').hidden`)
	check("quote-list", quote)
	textInSight("quote-list")
	b.viewShot("editor-in-sight-quote-list")
	closeEditor()

	// From the keyboard and from the text, with the panel scrolled down.
	eval[bool](b, `(() => { document.querySelector('.side').scrollTop = 1e6; return true; })()`)
	b.run(chromedp.Focus(chromedp.ID("doc")), chromedp.KeyEvent("]"))
	b.waitFor(`!document.getElementById('span-editor').hidden`)
	check("key", "")
	closeEditor()
	eval[bool](b, `(() => { document.querySelector('.side').scrollTop = 1e6; return true; })()`)
	spans := s.waitSpans(t, doc, s.user.ID, n)
	b.clickChar(spans[len(spans)/2].Start + 1)
	b.waitFor(`!document.getElementById('span-editor').hidden`)
	check("text", "")
}

// TestBrowserReadOnlyBar: a reviewer opening another annotator's layer,
// and an annotator opening her own layer marked done, are told in the
// layer's line why it is read only and where to go instead, with no
// label bar, Undo or Snap that would do nothing; the layers and the find
// bar stay, and at 683x384 (200% zoom) the text starts in the upper 60%
// of the screen. A label's key still says why nothing happens.
func TestBrowserReadOnlyBar(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := context.Background()
	layla, err := s.store.CreateUser(ctx, "layla", "x", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetMember(ctx, s.proj.ID, s.user, layla, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	a, e := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: a, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384))
	for _, tc := range []struct {
		query, note, link, shot string
	}{
		{"?layer=layla", "· read only: this is layla’s layer. Open your own layer to annotate.", "/documents/%d?layer=mine", "readonly-bar-theirs"},
		{"", "· read only until a manager reopens it. Next document of your queue", fmt.Sprintf("/next?project=%d", doc.ProjectID), "readonly-bar-done"},
	} {
		if tc.query == "" {
			if _, err := s.store.MarkDone(ctx, doc, s.user); err != nil {
				t.Fatal(err)
			}
		}
		b.open(fmt.Sprintf("%s/documents/%d%s", s.url, doc.ID, tc.query))
		got := eval[map[string]string](b, `(() => {
		  const note = document.getElementById('readonly-note');
		  return {
		    note: note ? note.textContent.replace(/\s+/g, ' ').trim() : '',
		    link: note && note.querySelector('a') ? note.querySelector('a').getAttribute('href') : '',
		    editing: String(document.querySelectorAll('#annotate-bar .label-btn, #undo, #redo, #snap-words').length),
		    layers: String(document.querySelectorAll('nav.layers a').length),
		    find: String(!!document.getElementById('find-q')),
		    textTop: String(document.getElementById('doc').getBoundingClientRect().top),
		  };
		})()`)
		if got["note"] != tc.note || got["link"] != strings.ReplaceAll(tc.link, "%d", fmt.Sprint(doc.ID)) {
			t.Errorf("%s: the bar says %q, links to %q", tc.shot, got["note"], got["link"])
		}
		if got["editing"] != "0" || got["layers"] == "0" || got["find"] != "true" {
			t.Errorf("%s: %s editing controls, %s layer links, find bar %s", tc.shot, got["editing"], got["layers"], got["find"])
		}
		// With the label bar the text began near the foot of the screen.
		if top, _ := strconv.ParseFloat(got["textTop"], 64); top > 384*0.6 {
			t.Errorf("%s: at 200%% zoom the text begins at y=%.0f of 384", tc.shot, top)
		}
		b.viewShot(tc.shot)
	}
	// A label's key on a selection still says why nothing is saved.
	b.dragSelect(a, e)
	b.run(chromedp.KeyEvent("1"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	if msg := eval[string](b, `document.getElementById('save-error-text').textContent`); !strings.Contains(msg, "marked done") {
		t.Errorf("a label's key on a done layer says %q", msg)
	}
}

// TestBrowserSavedInSightOnShortScreen: at 683x384 (200% zoom) the label
// bar scrolls away with the page; a span labelled deep in the text says
// "Saved" at the foot of the screen for a moment, above the editor's
// sheet when one is open, and a failed save's message stays on screen
// until dismissed.
func TestBrowserSavedInSightOnShortScreen(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "صباح النعمان", 2)
	b.dragSelect(start, end)
	if eval[float64](b, `document.getElementById('annotate-bar').getBoundingClientRect().bottom`) > 0 {
		t.Fatal("the bar is still on screen: the span is not deep enough in the text")
	}
	status := `(() => {
	  const s = document.getElementById('save-status'), r = s.getBoundingClientRect();
	  const ed = document.getElementById('span-editor');
	  // Clicks go through the status: let them hit it for a moment, to see what is on top.
	  s.style.pointerEvents = 'auto';
	  const covered = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) !== s;
	  s.style.pointerEvents = '';
	  return {text: s.textContent, top: r.top, bottom: r.bottom, height: innerHeight, floating: s.classList.contains('floating'), covered,
	    sheet: ed.hidden ? innerHeight : ed.getBoundingClientRect().top};
	})()`
	type shown struct {
		Text               string
		Top, Bottom, Sheet float64
		Height             float64
		Floating, Covered  bool
	}
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)
	b.waitFor(`document.getElementById('save-status').textContent.startsWith('Saved PER')`)
	got := eval[shown](b, status)
	if !got.Floating || got.Top < 0 || got.Bottom > got.Height || got.Covered {
		t.Errorf("“%s” is at %.0f..%.0f of %.0f (floating %v, covered %v), want it on screen", got.Text, got.Top, got.Bottom, got.Height, got.Floating, got.Covered)
	}
	b.viewShot("saved-short-screen")
	// It goes after a moment, back to its place in the bar.
	eval[bool](b, `new Promise((done) => setTimeout(() => done(true), 5500))`)
	if eval[bool](b, `document.getElementById('save-status').classList.contains('floating')`) {
		t.Error("“Saved” is still floating over the text after 5 seconds")
	}

	// With the span open in the editor's sheet, a new label's "Saved" is
	// above the sheet.
	b.clickChar(start + 1)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	b.run(chromedp.KeyEvent("2"))
	b.waitFor(`document.getElementById('save-status').textContent.startsWith('Saved: PER')`)
	got = eval[shown](b, status)
	if !got.Floating || got.Top < 0 || got.Bottom > got.Sheet || got.Covered {
		t.Errorf("“%s” is at %.0f..%.0f, the sheet at %.0f (floating %v, covered %v), want it above the sheet", got.Text, got.Top, got.Bottom, got.Sheet, got.Floating, got.Covered)
	}
	b.viewShot("saved-short-screen-sheet")

	// A failure stays on screen until dismissed.
	s.failWrites.Store(true)
	b.run(chromedp.KeyEvent("3"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	eval[bool](b, `new Promise((done) => setTimeout(() => done(true), 5500))`)
	e := eval[map[string]float64](b, `(() => { const r = document.getElementById('save-error').getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: innerHeight}; })()`)
	if e["top"] < 0 || e["bottom"] > e["height"] || eval[bool](b, `document.getElementById('save-error').hidden`) {
		t.Errorf("the failed save's message is at %.0f..%.0f of %.0f, or gone", e["top"], e["bottom"], e["height"])
	}
	b.viewShot("saved-short-screen-failed")
	b.run(chromedp.Click(chromedp.ID("save-error-close")))
	b.waitFor(`document.getElementById('save-error').hidden`)
}

// TestBrowserFindBarUnderTheBar: at 1366x768, as the page scrolls, the
// find bar goes under the sticky label bar without its edges peeking out
// in the room kept below the bar, and at rest nothing of it is covered.
func TestBrowserFindBarUnderTheBar(t *testing.T) {
	s := newSite(t, longSeedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	// What is drawn across the find bar's width just under the bar.
	const underBar = `((dy) => {
	  const bar = document.getElementById('annotate-bar').getBoundingClientRect(), find = document.getElementById('find');
	  const hits = [];
	  for (const el of [find.querySelector('input'), document.getElementById('find-next'), document.getElementById('find-prev')]) {
	    const r = el.getBoundingClientRect(), at = document.elementFromPoint(r.left + r.width / 2, bar.bottom + dy);
	    if (at && find.contains(at)) hits.push(el.id || el.tagName);
	  }
	  return hits.join(' ');
	})`
	if got := eval[string](b, `(() => {
	  const bar = document.getElementById('annotate-bar').getBoundingClientRect(), find = document.getElementById('find').getBoundingClientRect();
	  return find.top >= bar.bottom + 7.5 ? '' : 'the find bar starts at ' + find.top + ', under the bar or its room ending at ' + (bar.bottom + 8);
	})()`); got != "" {
		t.Error(got)
	}
	// Scrolled so that the find bar's foot is in the room below the bar.
	for _, gap := range []int{1, 4, 7} {
		eval[bool](b, fmt.Sprintf(`new Promise((done) => {
		  const bar = document.getElementById('annotate-bar'), find = document.getElementById('find');
		  window.scrollBy(0, find.getBoundingClientRect().bottom - bar.offsetHeight - %d);
		  requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
		})`, gap))
		for dy := 1; dy <= 7; dy += 3 {
			if got := eval[string](b, fmt.Sprintf(`(%s)(%d)`, underBar, dy)); got != "" {
				b.viewShot("find-bar-peek")
				t.Errorf("with the find bar's foot %dpx below the bar, %s peeks out %dpx under it", gap, got, dy)
			}
		}
	}
}
