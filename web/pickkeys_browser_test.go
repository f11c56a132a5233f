package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserPickKeysSayWhy: S, C and R pick a quotation's speaker, its
// cue and the entity a PER or ORG span refers to; pressed with a LOC
// span open, or none, each says why it picked nothing and what to open
// instead, in the save status, and changes nothing.
func TestBrowserPickKeysSayWhy(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.addSpan(t, doc, "وقال", "LOC")
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	status := func(key, want string) {
		t.Helper()
		b.run(chromedp.KeyEvent(key))
		b.waitFor(fmt.Sprintf(`document.getElementById('save-status').textContent === %q`, want))
	}

	b.run(chromedp.Focus(chromedp.ID("doc")), chromedp.KeyEvent("]"))
	b.waitFor(`!document.getElementById('span-editor').hidden && document.getElementById('editor-title').textContent === 'LOC span'`)
	status("s", "S picks a quotation's speaker, and the LOC span open is not a quotation: open a QUOTE span first (] or click it).")
	status("c", "C picks a quotation's cue, and the LOC span open is not a quotation: open a QUOTE span first (] or click it).")
	status("r", "R picks the entity a PER or ORG span refers to, and the LOC span open is not one: open one first (] or click it).")
	if eval[string](b, `document.getElementById('editor-title').textContent`) != "LOC span" {
		t.Error("a refused key closed the LOC span's editor")
	}

	b.run(chromedp.KeyEvent(kb.Escape))
	b.waitFor(`document.getElementById('span-editor').hidden`)
	status("c", "C picks a quotation's cue, and no span is open: open a QUOTE span first (] or click it).")
	status("r", "R picks the entity a PER or ORG span refers to, and no span is open: open one first (] or click it).")
	status("s", "S picks a quotation's speaker, and no span is open: open a QUOTE span first (] or click it).")
	if spans := s.waitSpans(t, doc, s.user.ID, 1); spans[0].Label != "LOC" {
		t.Errorf("after the refused keys the layer holds %+v, want the LOC span alone", spans)
	}
}
