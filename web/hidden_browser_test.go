package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// shownJS is true when the element with the id takes up room on the
// page: a hidden attribute beaten by a display rule in the CSS would
// leave it showing.
const shownJS = `((id) => { const e = document.getElementById(id); return !!e && e.offsetParent !== null && getComputedStyle(e).display !== 'none'; })(%q)`

// TestBrowserHiddenControlsStayHidden: controls marked hidden take no
// room and cannot be clicked: the suggestions panel's Accept all before
// anything is suggested, the quotation tools in the editor of a span that
// is no quotation, Remove speaker and Remove cue on a quotation without
// them.
func TestBrowserHiddenControlsStayHidden(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	shown := func(id string) bool { return eval[bool](b, fmt.Sprintf(shownJS, id)) }

	if !shown("sug-load") {
		t.Fatal("the Suggest quotations button does not show: the check cannot be trusted")
	}
	for _, id := range []string{"sug-accept-all", "sug-restore", "sug-empty", "span-editor", "save-error"} {
		if shown(id) {
			t.Errorf("#%s shows on a page that has not asked for suggestions or opened a span", id)
		}
	}

	ds, de := spanAt(t, doc.Text, "اليوم الأربعاء", 0)
	qs, qe := spanAt(t, doc.Text, "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب", 0)
	for i, sp := range []struct {
		start, end int
		key        string
	}{{ds, de, "5"}, {qs, qe, "6"}} { // DATE, QUOTE
		b.dragSelect(sp.start, sp.end)
		b.run(chromedp.KeyEvent(sp.key))
		s.waitSpans(t, doc, s.user.ID, i+1)
		b.waitPage(i + 1)
	}

	// A quotation without a speaker or cue: the tools, but nothing to remove.
	b.run(chromedp.KeyEvent(kb.Escape))
	b.clickChar(qs + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	for _, id := range []string{"q-speaker-remove", "q-cue-remove", "refer-tools"} {
		if shown(id) {
			t.Errorf("#%s shows on a QUOTE with no speaker or cue", id)
		}
	}

	// A DATE: its editor offers Close, labels, Label every occurrence and
	// Delete, no quotation tools.
	b.run(chromedp.KeyEvent(kb.Escape))
	b.clickChar(ds + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	if title := eval[string](b, `document.getElementById('editor-title').textContent`); title != "DATE span" {
		t.Fatalf("clicking the DATE opened %q", title)
	}
	for _, id := range []string{"quote-tools", "refer-tools"} {
		if shown(id) {
			t.Errorf("#%s shows in the editor of a DATE span", id)
		}
	}
	buttons := eval[[]string](b, `[...document.querySelectorAll('#span-editor button')].filter((e) => e.offsetParent !== null && !e.classList.contains('relabel')).map((e) => e.textContent.trim())`)
	if want := []string{"Close", "Label every occurrence", "Delete span"}; !slices.Equal(buttons, want) {
		t.Errorf("the DATE span's editor shows buttons %q besides its labels, want only %q", strings.Join(buttons, " / "), strings.Join(want, " / "))
	}
	b.screenshot("date-span-editor")
}
