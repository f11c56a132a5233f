package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserNotes: a note about a selected passage is written in the
// annotation view, shown literally (markup in it is text), its passage
// selects itself in the text when clicked, it shows on the review page,
// is resolved from the keyboard (focus staying in the list), and deleted
// after a question.
func TestBrowserNotes(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	asked := b.answerDialogs("This cannot be undone", func() bool { return true })
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	if n := eval[int](b, `document.querySelectorAll('#notes-list li').length`); n != 0 {
		t.Fatalf("%d notes on a new document", n)
	}
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.waitFor(`!document.getElementById('note-anchor').disabled && document.getElementById('note-passage').textContent === "صباح النعمان"`)
	body := `Is <b>الناطق</b> part of the speaker? <script>window.pwned = 1</script>`
	b.run(chromedp.Click(chromedp.CSS(`#notes > summary`)))
	b.run(chromedp.Click(chromedp.ID("note-anchor")), chromedp.SendKeys(chromedp.ID("note-body"), body), chromedp.Click(chromedp.ID("note-add")))
	b.waitFor(`document.querySelectorAll('#notes-list li').length === 1`)
	if got := eval[string](b, `document.querySelector('#notes-list .note-body').textContent`); got != body {
		t.Errorf("note body shown as %q", got)
	}
	if eval[bool](b, `Boolean(window.pwned) || document.querySelector('#notes-list b, #notes-list script') !== null`) {
		t.Error("markup in a note was run or parsed")
	}
	if got := eval[string](b, `document.querySelector('#notes-list .note-passage').textContent`); got != "About: صباح النعمان" {
		t.Errorf("passage shown as %q", got)
	}
	if got := eval[string](b, `document.getElementById('notes-count').textContent`); got != "(1 open of 1)" {
		t.Errorf("count %q", got)
	}
	// A note over the limit is refused before it is sent, and kept.
	eval[bool](b, `(() => { const t = document.getElementById('note-body'); t.value = 'ب'.repeat(2001); t.dispatchEvent(new Event('input')); return true; })()`)
	if got := eval[string](b, `document.getElementById('note-counter').textContent`); got != "2001 / 2000" {
		t.Errorf("counter reads %q", got)
	}
	b.run(chromedp.Click(chromedp.ID("note-add")))
	b.waitFor(`!document.getElementById('note-error').hidden && document.getElementById('note-error').textContent.includes('at most 2000')`)
	if n := eval[int](b, `[...document.getElementById('note-body').value].length`); n != 2001 {
		t.Errorf("the refused note was cut to %d characters", n)
	}
	eval[bool](b, `(() => { const t = document.getElementById('note-body'); t.value = ''; t.dispatchEvent(new Event('input')); return true; })()`)

	// The passage selects itself in the text.
	eval[bool](b, `getSelection().removeAllRanges(); true`)
	b.run(chromedp.Click(chromedp.CSS(`#notes-list .note-passage`)))
	b.waitFor(`getSelection().toString() === "صباح النعمان"`)
	b.screenshot("notes")

	// The project's list says the document has an open note.
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
	b.waitFor(fmt.Sprintf(`document.querySelector('#doc-%d .open-notes')?.textContent === '1 open note'`, doc.ID))
	b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#doc-%d a.open-notes`, doc.ID))))
	b.waitFor(`location.hash === '#notes' && document.getElementById('notes')?.open === true`)

	// The reviewer's page shows it too.
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)))
	// Closed, it marks that a note is open; the link from the list opens it.
	b.waitFor(`document.querySelectorAll('#notes-list li').length === 1 && document.getElementById('notes').classList.contains('has-open')`)
	if eval[bool](b, `document.getElementById('notes').open`) {
		t.Error("the notes panel opened by itself above the review")
	}
	b.run(chromedp.Click(chromedp.CSS(`#notes > summary`)))
	if got := eval[string](b, `document.querySelector('#notes-list .note-body').textContent`); got != body {
		t.Errorf("review page shows %q", got)
	}

	// Resolve from the keyboard: focus stays on the note.
	b.run(chromedp.Focus(chromedp.CSS(`#notes-list li button[aria-label^="Resolve"]`)), chromedp.KeyEvent(kb.Enter))
	b.waitFor(`document.querySelector('#notes-list li.resolved') !== null`)
	if got := eval[string](b, `document.activeElement.getAttribute('aria-label') || ''`); !strings.HasPrefix(got, "Reopen annotator’s note") {
		t.Errorf("after Resolve focus is on %q", got)
	}
	// Names are isolated, so an Arabic one cannot carry the date along.
	if names := eval[string](b, `[...document.querySelectorAll('#notes-list .note-head bdi')].map((e) => e.textContent).join(' ')`); names != "annotator annotator" {
		t.Errorf("the note's isolated names: %q, want its author and who resolved it", names)
	}
	if head := eval[string](b, `document.querySelector('#notes-list .note-head').textContent`); !strings.Contains(head, "resolved by annotator") {
		t.Errorf("resolved note reads %q", head)
	}
	b.run(chromedp.Click(chromedp.CSS(`#notes-list li button[aria-label^="Delete"]`)))
	b.waitFor(`document.querySelectorAll('#notes-list li').length === 0 && !document.getElementById('notes-empty').hidden`)
	if asked.Load() != 1 {
		t.Errorf("asked %d times before deleting", asked.Load())
	}
}
