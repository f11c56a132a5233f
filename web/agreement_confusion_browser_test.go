package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// TestBrowserAgreementConfusion: three annotators label the demo
// article's names differently. The table of labels confused names the
// most confused pairs in a sentence and sets exactly their cells in bold;
// the pair chosen in its select shows that pair's table at once, in
// place, rows the first's; 320 px wide the page does not
// scroll sideways, and the table scrolls in a box of its own, a region
// named by its heading that Tab reaches and the arrow keys scroll.
func TestBrowserAgreementConfusion(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for _, who := range []struct {
		name  string
		spans [][2]string
	}{
		{"karim", [][2]string{{"PER", "صباح النعمان"}, {"ORG", "جهاز مكافحة الإرهاب"}, {"LOC", "العراقية"}}},
		{"layla", [][2]string{{"PER", "صباح النعمان"}, {"LOC", "جهاز مكافحة الإرهاب"}, {"GPE", "العراقية"}}},
		{"rana", [][2]string{{"ORG", "صباح النعمان"}, {"LOC", "جهاز مكافحة الإرهاب"}}},
	} {
		u := addSiteMember(t, s, who.name, db.RoleAnnotator)
		for _, sp := range who.spans {
			start, end := spanAt(t, doc.Text, sp[1], 0)
			if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: sp[0]}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := newBrowser(t, s)
	page := fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)
	b.run(chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("agreement-confusion")))
	if got := eval[string](b, `document.getElementById('confusion-most').innerText.replace(/\s+/g, ' ').trim()`); !strings.HasPrefix(got, "Most confused (in bold below): LOC ↔ ORG, 2; ORG ↔ PER, 2; GPE ↔ LOC, 1. ") {
		t.Errorf("the note reads %q", got)
	}
	// The cells drawn bold are those of the pairs the note names, both ways.
	bold := eval[string](b, `(() => { const t = document.getElementById('agreement-confusion');
	  const cols = [...t.tHead.rows[0].cells].map((c) => c.textContent.trim());
	  return [...t.tBodies[0].rows].flatMap((r) => [...r.cells].map((c, i) => [r.cells[0].textContent.trim(), cols[i], c]))
	    .filter(([, , c]) => c.tagName === 'TD' && Number(getComputedStyle(c.firstElementChild || c).fontWeight) >= 700)
	    .map(([x, y, c]) => x + '/' + y + ' ' + c.textContent).join(', '); })()`)
	if want := "GPE/LOC 1, LOC/GPE 1, LOC/ORG 2, ORG/LOC 2, ORG/PER 2, PER/ORG 2"; bold != want {
		t.Errorf("bold cells %q, want %q", bold, want)
	}
	if got := eval[string](b, `document.getElementById('confusion-pair').labels[0].textContent`); got != "Table of" {
		t.Errorf("the pair select is labelled %q", got)
	}

	// One pair, chosen by keyboard: the table follows at once, in place
	// (Show is hidden), rows karim's labels; the select keeps the focus,
	// the status says what is shown and the address names the pair.
	if !eval[bool](b, `document.querySelector('#confusion-form button').hidden`) {
		t.Error("Show stays visible although choosing a pair shows it")
	}
	eval[bool](b, `(window.before = true, document.getElementById('confusion-pair').focus(), true)`)
	b.run(chromedp.KeyEvent(kb.ArrowDown))
	b.waitFor(`document.getElementById('confusion-status').textContent === 'Showing the table of karim · layla.'`)
	if q := eval[string](b, `location.search + location.hash`); q != "?pair="+url.QueryEscape("karim/layla")+"#confusion" {
		t.Errorf("the address reads %q", q)
	}
	if got := eval[string](b, `[window.before, document.activeElement.id, [...document.getElementById('confusion').children].map((e) => e.id || e.className).join(' ')].join(' | ')`); got != "true | confusion-pair | confusion-title confusion-hint confusion-form confusion-status confusion-most table-wrap" {
		t.Errorf("after choosing a pair the page reads %q, want it kept, the focus on the select and the section in order", got)
	}
	rows := eval[string](b, `[...document.querySelectorAll('#agreement-confusion tr')].map((r) => [...r.cells].map((c) => c.textContent.trim()).join(' ')).join('\n')`)
	want := "Rows: karim · columns: layla GPE LOC ORG PER none\n" +
		"GPE 0 0 0 0 0\nLOC 1 0 0 0 0\nORG 0 1 0 0 0\nPER 0 0 0 1 0\nnone 0 0 0 0 —"
	if rows != want {
		t.Errorf("karim · layla's table:\n%s\nwant\n%s", rows, want)
	}
	if got := eval[string](b, `document.getElementById('confusion-hint').textContent`); !strings.Contains(got, "Rows are karim’s labels, columns layla’s.") {
		t.Errorf("the hint reads %q", got)
	}
	// Back to every pair: the summed table again.
	b.run(chromedp.KeyEvent(kb.ArrowUp))
	b.waitFor(`document.getElementById('confusion-status').textContent === 'Showing the table of every pair, summed.' && location.search === ''`)
	if got := eval[string](b, `document.querySelector('#agreement-confusion th').textContent`); got != "Rows: one side · columns: the other" {
		t.Errorf("the summed table's corner reads %q", got)
	}

	// 320 px wide: the table scrolls in its own box, never the page.
	b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("agreement-confusion")))
	if eval[bool](b, `document.documentElement.scrollWidth > innerWidth + 1`) {
		t.Error("320 px wide the agreement page scrolls sideways")
	}
	box := `document.getElementById('agreement-confusion').closest('.table-wrap')`
	if got := eval[string](b, `(() => { const e = `+box+`; return [e.getAttribute('role'), e.tabIndex, document.getElementById(e.getAttribute('aria-labelledby')).textContent].join(' | '); })()`); got != "region | 0 | Labels confused" {
		t.Errorf("the table's box reads %q", got)
	}
	if !eval[bool](b, box+`.scrollWidth > `+box+`.clientWidth`) {
		t.Fatal("320 px wide the table fits its box: nothing to scroll")
	}
	eval[bool](b, `(document.querySelector('#confusion-most a').focus(), true)`)
	b.run(chromedp.KeyEvent(kb.Tab))
	if !eval[bool](b, `document.activeElement === `+box) {
		t.Fatalf("Tab after the note's link lands on %s, not the table's box", eval[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	// The corner says which side is which in a few short lines, not a
	// column of single words.
	if lines := eval[float64](b, `(() => { const c = document.querySelector('#agreement-confusion th.corner'); return c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight || 0 || 1); })()`); lines > 4 {
		t.Errorf("320 px wide the table's corner is %.1f lines tall", lines)
	}
	b.run(chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	b.waitFor(box + `.scrollLeft > 0`)
	// Scrolled sideways, each row keeps its label in sight.
	if hidden := eval[string](b, `(() => { const w = `+box+`.getBoundingClientRect();
	  return [...document.querySelectorAll('#agreement-confusion tbody th')].filter((h) => { const r = h.getBoundingClientRect(); return r.left < w.left - 0.5 || r.right > w.right + 0.5 || document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) !== h; }).map((h) => h.textContent.trim()).join(', '); })()`); hidden != "" {
		t.Errorf("scrolled sideways, the rows of %s lose their label", hidden)
	}
	b.screenshot("agreement-confusion-narrow")
	b.run(chromedp.EmulateViewport(1366, 900))
}
