package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserAgreementSaysWhose: the pair table says whose spans the
// "only" columns count. Three annotators, two of them with Arabic names,
// mark the demo article; each row names its two in order, each name
// isolated, so two Arabic names still read first on the left; the hint
// above the table describes it to screen readers; each "only" cell names
// its annotator; and at 200% zoom nothing scrolls sideways.
func TestBrowserAgreementSaysWhose(t *testing.T) {
	s := newSite(t, seedDoc(t))
	ctx := t.Context()
	doc := s.docs["seed"]
	marks := map[string][][2]string{
		"karim": {{"PER", "صباح النعمان"}, {"ORG", "جهاز مكافحة الإرهاب"}, {"LOC", "العراقية"}},
		"كريم":  {{"PER", "صباح النعمان"}},
		"ليلى":  {{"PER", "صباح النعمان"}, {"ORG", "جهاز مكافحة الإرهاب"}},
	}
	for name, spans := range marks {
		u, err := s.store.CreateUser(ctx, name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range spans {
			start, end := spanAt(t, doc.Text, sp[1], 0)
			if _, err := s.store.CreateSpan(ctx, doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: sp[0]}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("agreement-pairs")))
	eval[bool](b, `document.fonts.ready.then(() => true)`)
	heads := eval[string](b, `[...document.querySelectorAll('#agreement-pairs thead th')].slice(0, 4).map((th) => th.textContent.trim()).join(' | ')`)
	if heads != "Users: first · second | Both marked | Only the first marked | Only the second marked" {
		t.Errorf("the pair table's columns read %q", heads)
	}
	// Pairs come by name, Latin before Arabic; each "only" cell names whose.
	rows := eval[string](b, `[...document.querySelectorAll('#agreement-pairs tbody tr')].map((tr) =>
	  [tr.cells[0].textContent, tr.cells[2].title, tr.cells[3].title].join(' / ')).join('\n')`)
	want := "karim · كريم / 2 spans only karim marked / 0 spans only كريم marked\n" +
		"karim · ليلى / 1 span only karim marked / 0 spans only ليلى marked\n" +
		"كريم · ليلى / 0 spans only كريم marked / 1 span only ليلى marked"
	if rows != want {
		t.Errorf("the pair rows read\n%s\nwant\n%s", rows, want)
	}
	// Without isolation, "كريم · ليلى" would be one right-to-left run
	// with ليلى, the second, on the left.
	if !eval[bool](b, `(() => { const [a, z] = document.querySelectorAll('#agreement-pairs tbody tr:nth-child(3) th bdi');
	  return a.textContent === 'كريم' && a.getBoundingClientRect().right <= z.getBoundingClientRect().left; })()`) {
		t.Error("in the row كريم · ليلى the first name is not drawn first, on the left")
	}
	// The pair table is the one table described (no quotation here).
	if got := tableDescriptions(b); len(got) != 1 || !strings.HasPrefix(got[0], "Each row names two users in order, first · second: “Only the first marked” counts the spans the first of them marked and the second did not") {
		t.Errorf("the tables are described %q", got)
	}
	b.screenshot("agreement")
	// At 200% zoom, half the CSS width: the hint wraps in the window.
	b.run(chromedp.EmulateViewport(683, 900))
	if eval[bool](b, `document.documentElement.scrollWidth > innerWidth + 1 || document.getElementById('agreement-pairs-order').getBoundingClientRect().right > innerWidth`) {
		t.Error("at 200% zoom the agreement page scrolls sideways or its hint runs off the window")
	}
	b.screenshot("agreement-zoomed")
	b.run(chromedp.EmulateViewport(1366, 900))
}

// tableDescriptions are the descriptions Chromium's accessibility tree
// gives the page's tables, those that have one: what a screen reader
// says of them.
func tableDescriptions(b *browser) []string {
	b.t.Helper()
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (accessibility.GetFullAXTreeResult, error) {
		return cdp.Call(ctx, t, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	})
	if err != nil {
		b.t.Fatal(err)
	}
	var out []string
	for _, n := range tree.Nodes {
		if d := axString(n.Description); !n.Ignored && axString(n.Role) == "table" && d != "" {
			out = append(out, d)
		}
	}
	return out
}
