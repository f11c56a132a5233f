package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// setLabels is the manager changing the project's label set while the
// annotator's page is open.
func (s *site) setLabels(t *testing.T, labels []db.Label) {
	t.Helper()
	if err := s.store.SetLabels(context.Background(), s.proj.ID, s.user, labels); err != nil {
		t.Fatal(err)
	}
}

// labelBar is what the page offers: the bar's labels with their keys,
// "8 TMP, ...", in its order.
func (b *browser) labelBar() string {
	b.t.Helper()
	return eval[string](b, `[...document.querySelectorAll('#label-bar .label-btn')].map((l) => l.dataset.hotkey + ' ' + l.dataset.label).join(', ')`)
}

// refusedMessage presses key on the word selected and returns the
// message the refused save shows, once it is not the one shown before.
func (b *browser) refusedMessage(key string) string {
	b.t.Helper()
	before := eval[string](b, `document.getElementById('save-error').hidden ? '' : document.getElementById('save-error-text').textContent`)
	b.run(chromedp.KeyEvent(key))
	b.waitFor(fmt.Sprintf(`!document.getElementById('save-error').hidden && document.getElementById('save-error-text').textContent !== %q`, before))
	return eval[string](b, `document.getElementById('save-error-text').textContent`)
}

// TestBrowserRemovedAndRenamedLabels: a manager removes the label TMP
// (key 8), then renames DATE to TIME (key 5), while the annotator's page
// is open. Each key the page still offers is refused, and the page says
// the labels changed, not "try again": it redraws its label bar, editor
// and list of keys with the new set, without a reload (the undo history
// stays), and gives the selection back, so the new label's key saves it.
func TestBrowserRemovedAndRenamedLabels(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	withTMP := append(db.DefaultLabels(), db.Label{Name: "TMP", Color: "#d6409f", Hotkey: "8"})
	s.setLabels(t, withTMP)
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	eval[bool](b, `window.loadedOnce = true`) // gone if the page reloads
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)

	s.setLabels(t, db.DefaultLabels())
	start, end = spanAt(t, doc.Text, "اليوم الأربعاء", 0)
	b.dragSelect(start, end)
	msg := b.refusedMessage("8")
	want := "The project's labels changed since this page was loaded: the label bar now shows them. TMP is gone; nothing was saved."
	if msg != want {
		t.Errorf("a key of a removed label says %q, want %q", msg, want)
	}
	if bar := b.labelBar(); strings.Contains(bar, "TMP") || !strings.HasPrefix(bar, "1 PER, 2 ORG") {
		t.Errorf("after TMP's removal the bar offers %s", bar)
	}
	b.screenshot("labelset-removed")

	renamed := db.DefaultLabels()
	renamed[4].Name = "TIME"
	s.setLabels(t, renamed)
	if got := eval[string](b, `window.getSelection().toString()`); got != "اليوم الأربعاء" {
		t.Fatalf("the refused save gave back the selection %q", got)
	}
	msg = b.refusedMessage("5")
	if want := "labels changed since this page was loaded: the label bar now shows them. DATE is gone; TIME (key 5) is new; nothing was saved."; !strings.Contains(msg, want) || strings.Contains(msg, "try again") {
		t.Errorf("a key of a renamed label says %q, want it to hold %q", msg, want)
	}
	if bar := b.labelBar(); !strings.Contains(bar, "5 TIME") || strings.Contains(bar, "DATE") {
		t.Errorf("after the rename the bar offers %s", bar)
	}
	if keys := eval[string](b, `document.getElementById('label-keys').textContent + ' | ' + [...document.querySelectorAll('#span-editor .relabel')].map((r) => r.dataset.label).join(' ')`); !strings.Contains(keys, "5 TIME,") || !strings.Contains(keys, "| PER ORG LOC GPE TIME QUOTE CUE") {
		t.Errorf("the keys list and the editor say %q", keys)
	}
	b.screenshot("labelset-renamed")

	// The selection was given back: the renamed label's key saves it now.
	b.run(chromedp.KeyEvent("5"))
	spans := s.waitSpans(t, doc, s.user.ID, 2)
	b.waitPage(2)
	if !hasSpan(spans, start, end, "TIME") {
		t.Errorf("key 5 after the rename stored %+v, want TIME at %d..%d", spans, start, end)
	}
	if !eval[bool](b, `window.loadedOnce === true && !document.getElementById('undo').disabled && document.getElementById('save-error').hidden`) {
		t.Error("the page reloaded, lost its undo history or kept the message after a good save")
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	s.waitSpans(t, doc, s.user.ID, 1)
}

// TestBrowserSwappedHotkeys: a manager swaps the keys of PER and ORG
// while the page is open. The page's next save goes as the page showed it
// (key 1 was PER there), then the bar is redrawn with a notice saying
// which keys moved; from then on key 1 gives ORG.
func TestBrowserSwappedHotkeys(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	swapped := db.DefaultLabels()
	swapped[0].Hotkey, swapped[1].Hotkey = "2", "1"
	s.setLabels(t, swapped)

	start, end := spanAt(t, doc.Text, "مصطفى الكاظمي", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	spans := s.waitSpans(t, doc, s.user.ID, 1)
	b.waitPage(1)
	if !hasSpan(spans, start, end, "PER") {
		t.Errorf("key 1 on the page showing 1 PER stored %+v", spans)
	}
	b.waitFor(`!document.getElementById('save-error').hidden`)
	notice := eval[string](b, `document.getElementById('save-error').className + ': ' + document.getElementById('save-error-text').textContent`)
	if want := "notice: The project's labels changed since this page was loaded: the label bar now shows them (key 1 is now ORG and key 2 is now PER)."; notice != want {
		t.Errorf("after the swap the page says %q, want %q", notice, want)
	}
	if bar := b.labelBar(); !strings.HasPrefix(bar, "2 PER, 1 ORG, 3 LOC") {
		t.Errorf("after the swap the bar offers %s", bar)
	}
	b.screenshot("labelset-swapped")

	start, end = spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	spans = s.waitSpans(t, doc, s.user.ID, 2)
	b.waitPage(2)
	if !hasSpan(spans, start, end, "ORG") {
		t.Errorf("key 1 after the swap stored %+v, want ORG at %d..%d", spans, start, end)
	}
	if !eval[bool](b, `document.getElementById('save-error').hidden`) {
		t.Error("the notice stays after the next save")
	}
}

// TestBrowserRelabelToRemovedLabel: with a span open in the editor, the
// key of a label removed since the page was loaded is refused saying so;
// the span keeps its label, the editor stays open with the new set's
// buttons, and another label's key relabels the span.
func TestBrowserRelabelToRemovedLabel(t *testing.T) {
	s, doc, b := selectedWithTMP(t)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)
	b.run(chromedp.Click(chromedp.CSS("#span-list .span-item")), chromedp.WaitVisible(chromedp.ID("span-editor")))

	s.setLabels(t, db.DefaultLabels())
	if msg := b.refusedMessage("8"); !strings.HasSuffix(msg, "TMP is gone; nothing was saved.") {
		t.Errorf("relabelling to a removed label says %q", msg)
	}
	open := eval[string](b, `document.getElementById('span-editor').hidden + ' ' + [...document.querySelectorAll('#span-editor .relabel')].map((r) => r.dataset.label + (r.getAttribute('aria-pressed') === 'true' ? '*' : '')).join(' ')`)
	if open != "false PER* ORG LOC GPE DATE QUOTE CUE" {
		t.Errorf("after the refusal the editor is %q, want open on PER without TMP", open)
	}
	b.run(chromedp.KeyEvent("2"))
	b.waitFor(`document.querySelector('#span-list .span-item').dataset.label === 'ORG'`)
	if spans := s.waitSpans(t, doc, s.user.ID, 1); spans[0].Label != "ORG" {
		t.Errorf("key 2 stored %+v, want the span relabelled ORG", spans)
	}
}

// TestBrowserRedoOfRemovedLabel: a span of TMP made and undone, then TMP
// removed by a manager. Redo is refused saying TMP is gone, with the bar
// redrawn, never "try again", and the step is dropped from the history
// rather than left to fail at every redo.
func TestBrowserRedoOfRemovedLabel(t *testing.T) {
	s, doc, b := selectedWithTMP(t)
	b.run(chromedp.KeyEvent("8"))
	b.waitPage(1)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	s.waitSpans(t, doc, s.user.ID, 0)
	b.waitPage(0)

	s.setLabels(t, db.DefaultLabels())
	redo := chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift))
	b.run(redo)
	b.waitFor(`!document.getElementById('save-error').hidden`)
	if msg := eval[string](b, `document.getElementById('save-error-text').textContent`); !strings.HasSuffix(msg, "TMP is gone; nothing was saved. That step is gone from the history: Redo goes on with the step after it.") {
		t.Errorf("redo of a removed label says %q", msg)
	}
	// The step is dropped, not kept to fail again: Redo has nothing left.
	if !eval[bool](b, `document.getElementById('redo').disabled`) {
		t.Errorf("Redo still enabled after its only step was dropped")
	}
	if spans := s.waitSpans(t, doc, s.user.ID, 0); len(spans) != 0 {
		t.Errorf("stored %+v", spans)
	}
}

// selectedWithTMP opens the demo article in a project whose labels add
// TMP (key 8) to the default set, the spokesman's name selected.
func selectedWithTMP(t *testing.T) (*site, db.Document, *browser) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.setLabels(t, append(db.DefaultLabels(), db.Label{Name: "TMP", Color: "#d6409f", Hotkey: "8"}))
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	return s, doc, b
}
