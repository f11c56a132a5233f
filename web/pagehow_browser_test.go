package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// explanationsJS says what each explanation (details.page-how) of a
// page draws: its summary or not, and its text, whole on the screen,
// cut by its edge, or not at all.
const explanationsJS = `[...document.querySelectorAll('details.page-how')].map((d) => {
  const shown = (e) => e.checkVisibility();
  const parts = [...d.children].filter((e) => e.tagName !== 'SUMMARY');
  const whole = parts.every((e) => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; });
  return d.id + ': ' + (shown(d.querySelector('summary')) ? 'summary' : 'no summary') + ', ' +
    (parts.every(shown) ? (whole ? 'text whole' : 'text cut') : parts.some(shown) ? 'part of the text' : 'no text');
}).join('; ')`

// TestBrowserExplanationsFoldWithoutScript: the review's and Compare in
// the text's explanations are folded or whole from the first paint, as
// the server draws them and the style sheet lays them out, with no
// script to run after it: with scripts disabled a 390×844 phone shows
// each summary and not its text, and a 1280×800 laptop each text whole
// and not its summary. On the laptop a screen reader hears the text, and
// no collapsed control over it.
func TestBrowserExplanationsFoldWithoutScript(t *testing.T) {
	s, doc := newReviewSite(t)
	b := newBrowser(t, s)
	scripts := func(disabled bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: disabled})
			return err
		})
	}
	b.run(scripts(true))
	for _, screen := range []struct {
		name            string
		width, height   int64
		review, compare string
	}{
		{"phone", 390, 844,
			"review-how: summary, no text; review-keys-how: summary, no text",
			"compare-how: summary, no text"},
		{"laptop", 1280, 800,
			"review-how: no summary, text whole; review-keys-how: no summary, text whole",
			"compare-how: no summary, text whole"},
	} {
		b.run(chromedp.EmulateViewport(screen.width, screen.height))
		for _, pg := range []struct{ path, want string }{{"review", screen.review}, {"review/compare", screen.compare}} {
			b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/%s", s.url, doc.ID, pg.path)))
			b.waitLoaded()
			if got := eval[string](b, explanationsJS); got != pg.want {
				t.Errorf("%s without scripts on a %s: %s, want %s", pg.path, screen.name, got, pg.want)
			}
		}
	}
	// On the laptop, the review as a screen reader hears it. Its script
	// makes the rows focusable: it did not run.
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)))
	b.waitLoaded()
	if eval[bool](b, `document.querySelector('#candidates tbody tr').hasAttribute('tabindex')`) {
		t.Fatal("the page's scripts ran")
	}
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, tg *chromedp.Target) (accessibility.GetFullAXTreeResult, error) {
		return cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	})
	if err != nil {
		t.Fatal(err)
	}
	heard := map[string]bool{}
	for _, n := range tree.Nodes {
		if n.Ignored {
			continue
		}
		role, name := axString(n.Role), axString(n.Name)
		switch {
		case role == "DisclosureTriangle" && (name == "How this page works" || name == "Keys, and marking gold reviewed"):
			t.Errorf("on a laptop a screen reader hears a collapsed control %q over the text it shows", name)
		case role == "StaticText" && strings.HasPrefix(name, "Every span of the annotators' layers"):
			heard["explanation"] = true
		case role == "StaticText" && strings.HasPrefix(name, "Mark gold reviewed once every span is decided"):
			heard["keys"] = true
		}
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameExpanded && string(p.Value.Value) == "false" && role != "DisclosureTriangle" {
				t.Errorf("on a laptop the %s %q is exposed as collapsed", role, name)
			}
		}
	}
	if !heard["explanation"] || !heard["keys"] {
		t.Errorf("on a laptop a screen reader hears the explanation: %v, the keys' text: %v", heard["explanation"], heard["keys"])
	}
	// axe finds nothing wrong there either (it runs in the page).
	b.run(scripts(false), chromedp.Reload())
	b.waitLoaded()
	b.checkAxe(axeScript(t), "the review on a laptop", axeViewport{1280, 800, 1})
}
