package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// TestBrowserWideTablesScrollByKeyboard: at 200% zoom the agreement and
// progress tables are wider than the window and scroll in boxes of their
// own; each box is a region named by its section's heading, Tab reaches
// it and the arrow keys scroll it to the columns it hid.
func TestBrowserWideTablesScrollByKeyboard(t *testing.T) {
	s := newSite(t, seedDoc(t))
	ctx := t.Context()
	doc := s.docs["seed"]
	for name, spans := range map[string][][2]string{
		"karim": {{"PER", "صباح النعمان"}, {"ORG", "جهاز مكافحة الإرهاب"}, {"LOC", "العراقية"}},
		"layla": {{"PER", "صباح النعمان"}, {"ORG", "جهاز مكافحة الإرهاب"}},
	} {
		u := addSiteMember(t, s, name, db.RoleAnnotator)
		for _, sp := range spans {
			start, end := spanAt(t, doc.Text, sp[1], 0)
			if _, err := s.store.CreateSpan(ctx, doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: sp[0]}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384))
	scrolled := 0
	for _, c := range []struct{ page, table, name string }{
		{"agreement", "agreement-pairs", "Agreement of every two users"},
		{"agreement", "agreement-labels", "By label"},
		{"agreement", "agreement-docs", "Documents, least agreement first"},
		{"progress", "progress-people", "People"},
		{"progress", "progress-labels", "Labels"},
	} {
		b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/%s", s.url, s.proj.ID, c.page)), chromedp.WaitVisible(chromedp.ID(c.table)))
		box := fmt.Sprintf(`document.getElementById(%q).closest('.table-wrap')`, c.table)
		got := eval[string](b, fmt.Sprintf(`(() => { const e = %s; if (!e) return 'no box';
		  const by = e.getAttribute('aria-labelledby');
		  return [e.getAttribute('role'), e.tabIndex, by ? document.getElementById(by).textContent.trim() : e.getAttribute('aria-label')].join(' | '); })()`, box))
		if want := "region | 0 | " + c.name; got != want {
			t.Errorf("%s: the box of #%s reads %q, want %q", c.page, c.table, got, want)
		}
		if !eval[bool](b, box+`.scrollWidth > `+box+`.clientWidth`) {
			continue // it fits: nothing to scroll
		}
		// Tab from the element before it lands on the box; ArrowRight scrolls it.
		eval[bool](b, fmt.Sprintf(`(() => { const stops = [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')];
		  const i = stops.indexOf(%s); (i > 0 ? stops[i - 1] : document.body).focus(); return true; })()`, box))
		b.run(chromedp.KeyEvent(kb.Tab))
		if !eval[bool](b, `document.activeElement === `+box) {
			t.Errorf("%s: Tab does not reach the box of #%s (focus on %s)", c.page, c.table, eval[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
			continue
		}
		b.run(chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
		b.waitFor(box + `.scrollLeft > 0`)
		scrolled++
	}
	if scrolled < 2 {
		t.Errorf("at 200%% only %d of the tables were wider than the window: the test scrolls none", scrolled)
	}
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/progress", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("progress-people")))
	b.screenshot("progress-zoomed")
	b.run(chromedp.EmulateViewport(1366, 900))
}
