package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// focusedJS names what has the keyboard focus: a label button by its
// label (one of the span editor's as "Change label to" it, the name of its
// toolbar), anything else by its id or tag.
const focusedJS = `(() => {
  const a = document.activeElement;
  if (!a) return '';
  if (a.matches('.label-btn')) return a.dataset.label;
  if (a.matches('.relabel')) return 'Change label to ' + a.dataset.label;
  return a.id || a.tagName;
})()`

// stopsJS lists the Tab stops among the buttons matching sel: the
// labels of those with tabindex 0.
const stopsJS = `[...document.querySelectorAll(%q)].filter((b) => b.tabIndex === 0).map((b) => b.dataset.label).join(' ')`

// press sends key and returns what has the focus after it.
func (b *browser) press(key string) string {
	b.t.Helper()
	b.run(chromedp.KeyEvent(key))
	return eval[string](b, focusedJS)
}

// TestBrowserLabelBarToolbar: the label bar is a toolbar named Labels
// and one Tab stop. Tab enters it on the first label; ArrowRight goes to
// the label drawn to its right and ArrowLeft back, wrapping round; Home
// and End go to the first and the last. Enter on a label labels the text
// selected before the focus left it, and the next Tab leaves the bar;
// Shift+Tab comes back to the label focused last. When a manager changes
// the labels, the label focused keeps the focus and the one Tab stop.
func TestBrowserLabelBarToolbar(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	bar := eval[string](b, `(() => { const bar = document.getElementById('label-bar'); return bar.getAttribute('role') + ' ' + bar.getAttribute('aria-label'); })()`)
	if bar != "toolbar Labels" {
		t.Errorf("the label bar is %q, want a toolbar named Labels", bar)
	}
	barStops := fmt.Sprintf(stopsJS, "#label-bar .label-btn")
	if got := eval[string](b, barStops); got != "PER" {
		t.Errorf("the bar's Tab stops are %q, want PER alone", got)
	}

	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	// The focus on what comes before the bar, as Tab reaches it from the
	// top of the page; the selection in the text stays.
	before := eval[string](b, `(() => {
	  const bar = document.getElementById('label-bar');
	  const all = [...document.querySelectorAll('a[href], button, input, summary, [tabindex]')]
	    .filter((e) => e.tabIndex >= 0 && !e.disabled && e.offsetParent !== null && (bar.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING));
	  const last = all.at(-1);
	  last.focus();
	  return last.outerHTML.slice(0, 80);
	})()`)
	if sel := eval[string](b, `getSelection().toString()`); sel != "صباح النعمان" {
		t.Fatalf("with the focus on %s the selection is %q", before, sel)
	}
	if got := b.press(kb.Tab); got != "PER" {
		t.Fatalf("Tab from %s focuses %q, want the label PER", before, got)
	}
	rightOf := eval[bool](b, `(() => {
	  const [per, org] = ['PER', 'ORG'].map((n) => document.querySelector('#label-bar .label-btn[data-label="' + n + '"]').getBoundingClientRect());
	  return org.left >= per.right;
	})()`)
	if !rightOf {
		t.Fatalf("ORG is not drawn to the right of PER: the steps below assume a left-to-right bar")
	}
	for _, step := range []struct{ name, key, want string }{
		{"ArrowRight", kb.ArrowRight, "ORG"},
		{"ArrowRight", kb.ArrowRight, "LOC"},
		{"ArrowLeft", kb.ArrowLeft, "ORG"},
		{"End", kb.End, "CUE"},
		{"ArrowRight", kb.ArrowRight, "PER"}, // round to the first
		{"ArrowLeft", kb.ArrowLeft, "CUE"},   // and back to the last
		{"Home", kb.Home, "PER"},
	} {
		if got := b.press(step.key); got != step.want {
			t.Fatalf("%s focuses %q, want %q", step.name, got, step.want)
		}
		if got := eval[string](b, barStops); got != step.want {
			t.Errorf("after %s the bar's Tab stops are %q, want %q alone", step.name, got, step.want)
		}
	}
	if sel := eval[string](b, `getSelection().toString()`); sel != "صباح النعمان" {
		t.Fatalf("after moving along the bar the selection is %q", sel)
	}

	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitPage(1)
	stored := eval[string](b, fmt.Sprintf(`fetch('/api/v1/documents/%d/spans').then((r) => r.json()).then((l) => l.spans.map((s) => s.start + '-' + s.end + ' ' + s.label).join(', '))`, doc.ID))
	if want := fmt.Sprintf("%d-%d PER", start, end); stored != want {
		t.Errorf("Enter on PER stored %q, want %q", stored, want)
	}
	if got := eval[string](b, focusedJS); got != "PER" {
		t.Errorf("after the save the focus is on %q, want PER still", got)
	}
	if got := b.press(kb.Tab); eval[bool](b, `document.getElementById('label-bar').contains(document.activeElement)`) {
		t.Errorf("one more Tab stays in the bar, on %q", got)
	}
	b.run(chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(shift)))
	if got := eval[string](b, focusedJS); got != "PER" {
		t.Errorf("Shift+Tab back into the bar focuses %q, want PER, focused there last", got)
	}

	// A manager adds a label while ORG has the focus: the save after it
	// draws the bar again, and ORG keeps the focus and the Tab stop.
	b.press(kb.ArrowRight)
	s.setLabels(t, append(db.DefaultLabels(), db.Label{Name: "TMP", Color: "#d6409f", Hotkey: "8"}))
	start, end = spanAt(t, doc.Text, "اليوم الأربعاء", 0)
	eval[bool](b, fmt.Sprintf(`(() => {
	  const at = (cp) => { for (const run of document.querySelectorAll('#doc span[data-start]')) { const s = Number(run.dataset.start), chars = [...run.textContent]; if (cp >= s && cp <= s + chars.length) return [run.firstChild, chars.slice(0, cp - s).join('').length]; } };
	  const r = document.createRange();
	  r.setStart(...at(%d));
	  r.setEnd(...at(%d));
	  getSelection().removeAllRanges();
	  getSelection().addRange(r);
	  return true;
	})()`, start, end))
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor(`[...document.querySelectorAll('#label-bar .label-btn')].some((l) => l.dataset.label === 'TMP')`)
	b.waitPage(2)
	if got := eval[string](b, focusedJS); got != "ORG" {
		t.Errorf("after the bar is drawn again the focus is on %q, want ORG", got)
	}
	if got := eval[string](b, barStops); got != "ORG" {
		t.Errorf("after the bar is drawn again its Tab stops are %q, want ORG alone", got)
	}
	if got := b.press(kb.End); got != "TMP" {
		t.Errorf("End in the bar drawn again focuses %q, want the new label TMP", got)
	}
}

// TestBrowserEditorLabelsToolbar: the span editor's labels are a toolbar
// too, one Tab stop after Close: arrows move along them, Enter gives the
// span the label focused, and the next Tab goes on to "Label every
// occurrence".
func TestBrowserEditorLabelsToolbar(t *testing.T) {
	_, doc, b, sp := openWithSpan(t, "صباح النعمان", "PER", nil)
	group := eval[string](b, `(() => { const g = document.getElementById('editor-labels'); return g.getAttribute('role') + ' ' + g.getAttribute('aria-label'); })()`)
	if group != "toolbar Change label" {
		t.Errorf("the editor's labels are %q, want a toolbar named Change label", group)
	}
	eval[bool](b, `document.getElementById('editor-close').focus(); true`)
	if got := b.press(kb.Tab); got != "Change label to PER" {
		t.Fatalf("Tab from Close focuses %q, want the first label", got)
	}
	if got := b.press(kb.ArrowRight); got != "Change label to ORG" {
		t.Fatalf("ArrowRight focuses %q, want ORG", got)
	}
	if got := b.press(kb.End); got != "Change label to CUE" {
		t.Fatalf("End focuses %q, want CUE", got)
	}
	if got := b.press(kb.Home); got != "Change label to PER" {
		t.Fatalf("Home focuses %q, want PER", got)
	}
	b.press(kb.ArrowRight)
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor(`document.getElementById('save-status').textContent.includes('is now ORG')`)
	stored := eval[string](b, fmt.Sprintf(`fetch('/api/v1/documents/%d/spans').then((r) => r.json()).then((l) => l.spans.map((s) => s.id + ' ' + s.label).join(', '))`, doc.ID))
	if want := fmt.Sprintf("%d ORG", sp.ID); stored != want {
		t.Errorf("Enter on ORG stored %q, want %q", stored, want)
	}
	if got := b.press(kb.Tab); !strings.HasPrefix(got, "label-occurrences") {
		t.Errorf("one more Tab focuses %q, want Label every occurrence", got)
	}
}
