package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserCompareInTheText: from the review, "Compare in the text"
// shows each paragraph once per layer. Two annotators who agree on a
// name and on a quotation with an organisation nested in it, and
// disagree on how much of "Microsoft Corporation" is the organisation:
// each layer's line highlights its own words, in the text's order (the
// Latin words left to right inside the Arabic line), the disputed span
// dashed and marked "≠", the paragraph everyone agrees on folded away;
// a highlight opens its row in the review, and the page fits a phone.
func TestBrowserCompareInTheText(t *testing.T) {
	text := "قال الوزير أحمد إن شركة Microsoft Corporation في بيان يوم 12 آذار 2014 زادت أرباحها.\n" +
		"وقال الوزير أحمد إن «جامعة القاهرة تفتح أبوابها» اليوم.\n" +
		"سطر لا يختلف عليه أحد."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "mixed", Text: text, Meta: json.RawMessage(`{}`)})
	doc := s.docs["mixed"]
	karim := s.annotatorMarks(t, "karim", doc, "ORG", "Microsoft Corporation", "جامعة القاهرة")
	layla := s.annotatorMarks(t, "layla", doc, "ORG", "Microsoft", "جامعة القاهرة")
	for _, u := range []db.User{karim, layla} {
		for _, sp := range []struct{ word, label string }{{"أحمد", "PER"}, {"«جامعة القاهرة تفتح أبوابها»", "QUOTE"}} {
			start, end := spanAt(t, text, sp.word, 0)
			if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: sp.label}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	b.run(chromedp.Click(chromedp.ID("compare-link")))
	b.waitFor(`document.getElementById('compare') !== null`)

	// Each line's highlights, as the DOM has them: the chip, the text.
	got := eval[string](b, `[...document.querySelectorAll('#compare section .cmp-line')].map((l) =>
		l.closest('section').id + ' ' + l.querySelector('.cmp-name bdi').textContent + ': ' +
		[...l.querySelectorAll('a.cmp-seg')].map((a) => (a.dataset.chip ? '[' + a.dataset.chip + '] ' : '') + a.textContent + (a.classList.contains('disputed') ? ' (dashed)' : '')).join(' | ')).join('\n')`)
	want := strings.Join([]string{
		"p-1 gold: ",
		"p-1 karim: [PER] أحمد | [≠ ORG] Microsoft Corporation (dashed)",
		"p-1 layla: [PER] أحمد | [≠ ORG] Microsoft (dashed)",
		"p-2 gold: ",
		"p-2 karim: [QUOTE] « | [ORG] جامعة القاهرة |  تفتح أبوابها»",
		"p-2 layla: [QUOTE] « | [ORG] جامعة القاهرة |  تفتح أبوابها»",
		"p-3 gold: ",
		"p-3 karim: ",
		"p-3 layla: ",
	}, "\n")
	if got != want {
		t.Errorf("the lines' highlights:\n%s\nwant\n%s", got, want)
	}
	// The disputed mark is drawn, not only in the markup: a dashed outline
	// and its chip's text over its first letters (Microsoft's left end).
	if got := eval[string](b, `(() => { const a = document.querySelector('#p-1 .cmp-line:nth-of-type(2) a.cmp-seg.disputed');
		const chip = a.closest('.cmp-textbox').querySelector('.cmp-chip.from-left'); const ar = a.getBoundingClientRect(), cr = chip.getBoundingClientRect();
		return getComputedStyle(a).outlineStyle + ' ' + chip.textContent + ' ' + (Math.abs(cr.left - ar.left) < 4) + ' ' + (cr.bottom <= ar.top + 4); })()`); got != "dashed ≠ ORG true true" {
		t.Errorf("the disputed span is drawn (outline, chip, chip at its left end, chip above it): %s", got)
	}
	// The nested name keeps both labels: its background is ORG's, and the
	// quotation's underline runs on under it.
	if got := eval[string](b, `(() => { const a = [...document.querySelectorAll('#p-2 .cmp-line:nth-of-type(2) a.cmp-seg')].find((a) => a.dataset.chip === 'ORG');
		return a.title + ' | ' + (getComputedStyle(a).backgroundImage.match(/linear-gradient/g) || []).length; })()`); got != "ORG in QUOTE. Opens its row in the review. | 2" {
		t.Errorf("the nested name: %s", got)
	}
	// Text order: in layla's line Microsoft stands left of Corporation,
	// and the Arabic reads right to left, as with no highlight at all.
	order := `((line) => { const r = (w) => { const p = line.querySelector('p'); const range = document.createRange();
		const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); let n;
		while ((n = walk.nextNode())) { const i = n.data.indexOf(w); if (i >= 0) { range.setStart(n, i); range.setEnd(n, i + w.length); return range.getBoundingClientRect(); } }
		throw new Error(w + ' not found'); };
		return [r('Microsoft').right < r('Corporation').left, r('أحمد').left > r('شركة').right, r('شركة').left > r('Corporation').right, r('2014').right < r('آذار').left].join(' '); })`
	for _, n := range []int{2, 3} {
		if got := eval[string](b, fmt.Sprintf(`%s(document.querySelector('#p-1 .cmp-line:nth-of-type(%d)'))`, order, n)); got != "true true true true" {
			t.Errorf("line %d of the first paragraph is out of order (Microsoft before Corporation, أحمد right of شركة, شركة right of Corporation, 2014 left of آذار): %s", n, got)
		}
	}
	if got := eval[string](b, `document.querySelector('details.cmp-agreed').open + ' ' + document.querySelector('details.cmp-agreed > summary').textContent + ' ' + document.querySelectorAll('details.cmp-agreed section').length`); got != "false 2 paragraphs where everyone agrees 2" {
		t.Errorf("the paragraph everyone agrees on: %s", got)
	}
	// By keyboard the highlights are links, after the list's choices.
	b.run(chromedp.Focus(chromedp.ID("show-all")), chromedp.KeyEvent("\t"))
	if got := eval[string](b, `document.activeElement.textContent`); got != "أحمد" {
		t.Errorf("Tab after the choices goes to %q, want karim's first highlight", got)
	}
	b.screenshot("compare-laptop")

	for _, w := range []struct{ width, height int64 }{{683, 384}, {390, 844}, {320, 640}} {
		b.run(chromedp.EmulateViewport(w.width, w.height))
		if got := eval[string](b, `document.documentElement.scrollWidth + ' ' + innerWidth`); got != fmt.Sprintf("%d %d", w.width, w.width) {
			t.Errorf("at %d px the page scrolls sideways (page width, window): %s", w.width, got)
		}
		b.screenshot(fmt.Sprintf("compare-%d", w.width))
	}

	b.run(chromedp.EmulateViewport(1366, 768))
	// A real click at the middle of karim's disputed highlight.
	at := eval[[]float64](b, `(() => { const a = document.querySelector('#p-1 .cmp-line:nth-of-type(2) a.cmp-seg.disputed'); a.scrollIntoView({block: 'center'});
		const r = a.getClientRects()[0]; return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; })()`)
	b.run(chromedp.MouseClickXY(at[0], at[1]))
	b.waitFor(`location.pathname.endsWith('/review') && document.getElementById('candidates') !== null`)
	start, end := spanAt(t, text, "Microsoft Corporation", 0)
	row := fmt.Sprintf("c-%d-%d-ORG", start, end)
	if got := eval[string](b, `location.hash + ' ' + (document.getElementById(location.hash.slice(1))?.tagName || 'none') + ' ' + (document.getElementById(location.hash.slice(1))?.textContent.includes('karim') || false)`); got != "#"+row+" TR true" {
		t.Errorf("the highlight opened the review at %s, want the row #%s, karim's", got, row)
	}
}
