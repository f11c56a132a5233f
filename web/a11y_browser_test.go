package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserPagesAccessible opens every page a signed-in person reaches,
// on a laptop screen, at 200% zoom (half the CSS width and height) and at
// 320 CSS px wide (a 1280px screen at 400% zoom),
// and checks that nothing scrolls sideways and that every control has an
// accessible name, as Chromium's accessibility tree computes it.
func TestBrowserPagesAccessible(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	qs, qe := spanAt(t, doc.Text, "الجهاز مستمر", 0)
	if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: qs, End: qe, Label: "QUOTE"}); err != nil {
		t.Fatal(err)
	}
	// A name labelled two ways, so the consistency report has a row.
	for i, label := range []string{"PER", "ORG"} {
		start, end := spanAt(t, doc.Text, "صباح النعمان", i)
		if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	// Guidelines with a long unbroken line, which must wrap, not widen the page.
	guide := "علّم كل اقتباس بـ QUOTE واربطه بقائله.\nSee https://example.org/" + strings.Repeat("a-very-long-path/", 12)
	if err := s.store.SetGuidelines(context.Background(), s.proj.ID, s.user, guide); err != nil {
		t.Fatal(err)
	}
	long := addLongNames(t, s)
	b := newBrowser(t, s)
	pages := []string{
		"/", fmt.Sprintf("/projects/%d", s.proj.ID), fmt.Sprintf("/projects/%d/activity", s.proj.ID), fmt.Sprintf("/projects/%d/agreement", s.proj.ID), fmt.Sprintf("/projects/%d/progress", s.proj.ID),
		fmt.Sprintf("/projects/%d/consistency", s.proj.ID), fmt.Sprintf("/documents/%d", doc.ID), fmt.Sprintf("/documents/%d/review", doc.ID), "/settings", "/admin/users", "/projects/999999",
		fmt.Sprintf("/documents/%d", long.ID), fmt.Sprintf("/documents/%d/review", long.ID), fmt.Sprintf("/projects/%d/delete", s.proj.ID),
	}
	for _, path := range pages {
		b.run(chromedp.Navigate(s.url + path))
		b.waitLoaded()
		if path == fmt.Sprintf("/documents/%d", doc.ID) {
			b.run(chromedp.Click(chromedp.CSS("#guidelines summary")), chromedp.WaitVisible(chromedp.CSS("#guidelines .guidelines-text")))
			if got := eval[string](b, `document.querySelector('#guidelines .guidelines-text').innerText`); got != guide {
				b.t.Errorf("the open guidelines read %q, want %q", got, guide)
			}
			b.clickChar(qs + 2) // the span editor and the quotation tools, open
			b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
			b.checkSpansNamed("PER", "QUOTE, no speaker yet", "ORG")
		}
		b.checkAccessible(path)
	}
	// The old page stays "complete" until the new one replaces it: wait
	// for the login form itself.
	b.run(chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`form[action="/login"]`)))
	b.waitLoaded()
	b.checkAccessible("/login")
}

func (b *browser) waitLoaded() {
	b.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		state, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.documentElement ? document.readyState : "loading"`))
		if err == nil && state == "complete" {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("page did not load: %v", err)
		}
	}
}

// unreachableScrollersJS lists the boxes around a table that may scroll
// it sideways (overflow-x auto or scroll) but cannot take focus, are not
// a region or have no name: a keyboard could not scroll them, nor a
// screen reader say what they hold.
const unreachableScrollersJS = `[...document.querySelectorAll('table')].map((t) => {
  for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(e).overflowX)) return e;
  }
  return null;
}).filter((e) => {
  if (!e) return false;
  const ids = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
  const name = (e.getAttribute('aria-label') || ids.map((id) => (document.getElementById(id) || {}).textContent || '').join(' ')).trim();
  return e.tabIndex < 0 || e.getAttribute('role') !== 'region' || name === '';
}).map((e) => e.className + ' holding #' + (e.querySelector('table').id || '?')).join(', ')`

// controlRoles are the roles a person operates; each needs a name.
var controlRoles = map[string]bool{
	"button": true, "link": true, "textbox": true, "searchbox": true, "checkbox": true, "radio": true,
	"combobox": true, "listbox": true, "spinbutton": true, "slider": true, "switch": true, "menuitem": true, "tab": true,
}

func (b *browser) checkAccessible(page string) {
	b.t.Helper()
	for _, vp := range reflowWidths {
		b.run(chromedp.EmulateViewport(vp.w, vp.h))
		b.checkReflow(page, vp.w, vp.h)
		if bad := eval[string](b, unreachableScrollersJS); bad != "" {
			b.t.Errorf("%s at %dx%d: a box scrolling a table sideways is not a named region a keyboard can focus: %s", page, vp.w, vp.h, bad)
		}
	}
	b.run(chromedp.EmulateViewport(1366, 900))
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (accessibility.GetFullAXTreeResult, error) {
		return cdp.Call(ctx, t, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	})
	if err != nil {
		b.t.Fatal(err)
	}
	controls := 0
	for _, n := range tree.Nodes {
		role, name := axString(n.Role), axString(n.Name)
		if n.Ignored || !controlRoles[role] {
			continue
		}
		controls++
		if strings.TrimSpace(name) == "" {
			b.t.Errorf("%s: a %s has no accessible name (DOM node %d)", page, role, n.BackendDOMNodeID)
		}
	}
	if controls == 0 {
		b.t.Errorf("%s: no controls found in the accessibility tree", page)
	}
}

// checkSpansNamed checks that assistive technology hears each span's
// label: the label chips are drawn out of the text and hidden from it, so
// the highlighted run a span starts on is a mark described by its label.
func (b *browser) checkSpansNamed(labels ...string) {
	b.t.Helper()
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (accessibility.GetFullAXTreeResult, error) {
		return cdp.Call(ctx, t, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	})
	if err != nil {
		b.t.Fatal(err)
	}
	var got []string
	for _, n := range tree.Nodes {
		if !n.Ignored && axString(n.Role) == "mark" && axString(n.Description) != "" {
			got = append(got, axString(n.Description))
		}
	}
	if !slices.Equal(got, labels) {
		b.t.Errorf("the marks in the accessibility tree are described %q, want %q", got, labels)
	}
}

func axString(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var s string
	if err := json.Unmarshal([]byte(v.Value), &s); err != nil {
		return ""
	}
	return s
}
