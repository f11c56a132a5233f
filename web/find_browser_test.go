package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserFindThenLabel finds الارهابية in the demo article, which
// spells it with and without the hamza (الإرهابية three times, الارهابية
// twice): "/" goes to the find box, Enter selects the first of the five in
// the text, a label's key labels it; "/" and Enter go on to the next,
// Shift+Enter back; a word the text lacks says so.
func TestBrowserFindThenLabel(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	var want [][2]int // every spelling, in text order
	for _, spelling := range []string{"الإرهابية", "الارهابية"} {
		for i := 0; i < strings.Count(doc.Text, spelling); i++ {
			start, end := spanAt(t, doc.Text, spelling, i)
			want = append(want, [2]int{start, end})
		}
	}
	slices.SortFunc(want, func(a, b [2]int) int { return a[0] - b[0] })
	if len(want) != 5 {
		t.Fatalf("the article has %d of the two spellings, want 5", len(want))
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	selected := func() [2]int {
		got := eval[[]int](b, `import(document.querySelector('script[type=module]').src.replace('annotate.js', 'offsets.js')).then((m) => {
		  const r = m.selectionOffsets(document.getElementById('doc'));
		  return r ? [r.start, r.end] : [];
		})`)
		if len(got) != 2 {
			return [2]int{-1, -1}
		}
		return [2]int{got[0], got[1]}
	}
	count := func() string { return eval[string](b, `document.getElementById('find-count').textContent`) }
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for range 300 {
			if ok() {
				return
			}
			eval[bool](b, `new Promise((done) => setTimeout(() => done(true), 20))`)
		}
		t.Fatalf("%s: find count %q, selection %v", what, count(), selected())
	}

	b.run(chromedp.KeyEvent("/"))
	if !eval[bool](b, `document.activeElement === document.getElementById('find-q')`) {
		t.Fatal(`"/" did not go to the find box`)
	}
	b.run(chromedp.SendKeys(chromedp.ID("find-q"), "الارهابية"), chromedp.KeyEvent(kb.Enter))
	waitFor("the first place selected", func() bool { return selected() == want[0] })
	if got := count(); !strings.HasPrefix(got, "1 of 5: “الإرهابية”") {
		t.Errorf("find count %q", got)
	}
	if !eval[bool](b, `document.activeElement === document.getElementById('doc')`) {
		t.Error("after Enter the focus is not on the text, where a label's key labels the selection")
	}
	b.run(chromedp.KeyEvent("3")) // LOC
	b.waitPage(1)
	if spans := s.waitSpans(t, doc, s.user.ID, 1); spans[0].Start != want[0][0] || spans[0].End != want[0][1] || spans[0].Label != "LOC" {
		t.Errorf("labelled %s %d..%d %q, want LOC at %v", spans[0].Label, spans[0].Start, spans[0].End, spans[0].Text, want[0])
	}

	b.run(chromedp.KeyEvent("/"), chromedp.KeyEvent(kb.Enter))
	waitFor("the second place", func() bool { return selected() == want[1] })
	b.run(chromedp.KeyEvent("/"), chromedp.KeyEvent(kb.Enter))
	waitFor("the third place", func() bool { return selected() == want[2] })
	b.run(chromedp.KeyEvent("/"), chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(shift)))
	waitFor("back to the second", func() bool { return selected() == want[1] })
	b.run(chromedp.Click(chromedp.ID("find-prev")))
	waitFor("the Previous button, back to the first", func() bool { return selected() == want[0] })
	b.run(chromedp.Click(chromedp.ID("find-prev")))
	waitFor("before the first comes the last", func() bool { return selected() == want[4] })

	b.run(chromedp.KeyEvent("/"), chromedp.KeyEvent(kb.Delete), chromedp.SendKeys(chromedp.ID("find-q"), "محمود"), chromedp.KeyEvent(kb.Enter))
	waitFor("a word not in the text", func() bool { return count() == "No “محمود” in the text." })
}

// TestBrowserFindClosesEditor: with a LOC span open by "]" ("Span 1 of
// 1"), "/" and Enter select a word found elsewhere; the LOC span's
// editor closes, as Escape would, the focus staying on the text, so the
// label's key pressed next labels the word found, the only thing shown
// as being worked on, and leaves the LOC span as it was.
func TestBrowserFindClosesEditor(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	loc := s.addSpan(t, doc, "وقال", "LOC")
	start, end := spanAt(t, doc.Text, "النعمان", 0)
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	b.run(chromedp.Focus(chromedp.ID("doc")), chromedp.KeyEvent("]"))
	b.waitFor(`!document.getElementById('span-editor').hidden && document.getElementById('editor-title').textContent === 'LOC span' && document.getElementById('save-status').textContent === 'Span 1 of 1'`)
	b.run(chromedp.KeyEvent("/"))
	b.waitFor(`document.activeElement === document.getElementById('find-q')`)
	b.run(chromedp.SendKeys(chromedp.ID("find-q"), "النعمان"), chromedp.KeyEvent(kb.Enter))
	b.waitFor(fmt.Sprintf(`import(document.querySelector('script[type=module]').src.replace('annotate.js', 'offsets.js')).then((m) => {
	  const r = m.selectionOffsets(document.getElementById('doc'));
	  return r !== null && r.start === %d && r.end === %d;
	})`, start, end))
	b.waitFor(`document.getElementById('span-editor').hidden`)
	if got := eval[string](b, `document.getElementById('save-status').textContent`); got != "" {
		t.Errorf("with the editor closed the status still says %q", got)
	}
	if n := eval[int](b, `document.querySelectorAll('#doc .seg.selected').length`); n != 0 {
		t.Errorf("%d runs of the text are still marked as the span open", n)
	}
	if !eval[bool](b, `document.activeElement === document.getElementById('doc')`) {
		t.Error("closing the editor took the focus from the text, where Find put it")
	}

	b.run(chromedp.KeyEvent("1")) // PER
	spans := s.waitSpans(t, doc, s.user.ID, 2)
	for _, sp := range spans {
		if sp.ID == loc.ID && (sp.Label != "LOC" || sp.Start != loc.Start || sp.End != loc.End) {
			t.Errorf("the span open before Find became %s %d..%d", sp.Label, sp.Start, sp.End)
		}
		if sp.ID != loc.ID && (sp.Label != "PER" || sp.Start != start || sp.End != end) {
			t.Errorf("key 1 made %s %d..%d, want PER on the word found at %d..%d", sp.Label, sp.Start, sp.End, start, end)
		}
	}
}
