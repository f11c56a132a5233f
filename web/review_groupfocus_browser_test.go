package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewGroupUndoAndFocus: gold gives بغداد GPE, made by
// hand, where layla and karim both marked LOC. On the list of disputed
// spans, Accept LOC instead of GPE leaves the words one label all marked,
// so the group leaves the list: the notice is said in the status line
// with its undo beside it, which brings GPE back in place. Then, LOC's
// row (the group's second) in focus, the outline goes round the whole
// group, the text and place its rows share inside it, and LOC's row is
// tinted with a bar at its label; GPE's is not. Drawn on a laptop and a
// phone, and checked with axe.
func TestBrowserReviewGroupUndoAndFocus(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "بغداد", 0)
	if _, err := s.store.CreateSpan(t.Context(), doc, 0, s.user.ID, db.SpanInput{Start: start, End: end, Label: "GPE"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"layla", "karim"} {
		u, err := s.store.CreateUser(t.Context(), name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "LOC"}); err != nil {
			t.Fatal(err)
		}
	}
	gold := func() string {
		l, err := s.store.LayerOf(t.Context(), doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for _, sp := range l.Spans {
			out += fmt.Sprintf("%s %d–%d ", sp.Label, sp.Start, sp.End)
		}
		return out
	}
	gpeRow, locRow := fmt.Sprintf("c-%d-%d-GPE", start, end), fmt.Sprintf("c-%d-%d-LOC", start, end)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review?show=disputed", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))

	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept LOC instead of GPE for “بغداد” in gold"]`)))
	b.waitFor(`document.querySelector('#review-bar #undo-replace') !== null`)
	if got, want := eval[string](b, fmt.Sprintf(`[document.getElementById(%q) === null, document.getElementById('review-key-status').textContent,
	    document.querySelector('#review-bar #undo-replace button').textContent].join(' | ')`, locRow)),
		"true | Accepted into gold, in place of the label gold gave these words. | Undo: back to GPE"; got != want {
		t.Errorf("after the accept, off the list: %q, want %q", got, want)
	}
	if got := gold(); got != fmt.Sprintf("LOC %d–%d ", start, end) {
		t.Fatalf("gold holds %q after LOC instead of GPE", got)
	}
	b.viewShot("review-group-undo-in-bar-1366")
	b.run(chromedp.Click(chromedp.CSS(`#review-bar #undo-replace button`)))
	b.waitFor(fmt.Sprintf(`document.getElementById(%q)?.querySelector('.in-gold') !== null && !document.querySelector('[aria-busy]')`, gpeRow))
	if got := gold(); got != fmt.Sprintf("GPE %d–%d ", start, end) {
		t.Fatalf("gold holds %q after the undo from the status line, want GPE back", got)
	}
	if n := eval[int](b, `document.querySelectorAll('#undo-replace').length`); n != 0 {
		t.Errorf("%d undo forms are left after the undo", n)
	}

	// LOC's row, the group's second, in focus by keyboard.
	eval[bool](b, fmt.Sprintf(`(document.getElementById(%q).focus(), true)`, gpeRow))
	b.run(chromedp.KeyEvent("j"))
	edges := fmt.Sprintf(`(() => {
	  const cell = (row, sel) => document.getElementById(row).querySelector(sel);
	  const sides = (td) => { const cs = getComputedStyle(td); return ['--t', '--b', '--l', '--r', '--bar'].map((v) => cs.getPropertyValue(v).trim() || '-').join(' '); };
	  return [document.activeElement.id === %[2]q,
	    'text ' + sides(cell(%[1]q, 'td.span-text')), 'where ' + sides(cell(%[1]q, 'td.where')),
	    'GPE gold ' + sides(cell(%[1]q, 'td.gold')), 'LOC label ' + sides(cell(%[2]q, 'td.label')), 'LOC gold ' + sides(cell(%[2]q, 'td.gold')),
	    getComputedStyle(cell(%[2]q, 'td.label')).backgroundColor, getComputedStyle(cell(%[1]q, 'td.label')).backgroundColor].join(' | ');
	})()`, gpeRow, locRow)
	if got, want := eval[string](b, edges), "true | text 2px 2px 2px 0px 0px | where 2px 2px 0px 0px 0px | GPE gold 2px 0px 0px 2px 0px | LOC label 0px 2px 0px 0px 5px | LOC gold 0px 2px 0px 2px 0px | rgb(227, 237, 251) | rgba(0, 0, 0, 0)"; got != want {
		t.Errorf("LOC's row in focus draws\n%s\nwant\n%s", got, want)
	}
	b.viewShot("review-group-focus-1366")
	b.checkAxe(axeScript(t), "the review's group with its second row in focus", append([]axeViewport{axeLaptop}, axeSmall...)...)
	b.run(chromedp.EmulateViewport(390, 844))
	eval[bool](b, fmt.Sprintf(`(document.getElementById(%q).focus(), document.getElementById(%[1]q).scrollIntoView({block: 'center'}), true)`, locRow))
	if got := eval[string](b, fmt.Sprintf(`[getComputedStyle(document.getElementById(%q)).boxShadow !== 'none', getComputedStyle(document.getElementById(%q)).backgroundColor].join(' | ')`, gpeRow, locRow)); got != "true | rgb(227, 237, 251)" {
		t.Errorf("on a phone the group in focus draws %q", got)
	}
	b.viewShot("review-group-focus-390")
}

// TestBrowserReviewWithLinksInstead: gold gives بغداد PER, a quotation's
// speaker, where layla gave it ORG referring to her ORG on دجلة. Her
// "With layla's links, instead of PER" asks first (PER's link goes),
// then puts ORG in PER's place with her link and the span it reaches,
// the rows of both places redrawn in place; the notice's undo brings
// PER back with its link.
func TestBrowserReviewWithLinksInstead(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := t.Context()
	start, end := spanAt(t, doc.Text, "بغداد", 0)
	per, err := s.store.CreateSpan(ctx, doc, 0, s.user.ID, db.SpanInput{Start: start, End: end, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	qs, qe := spanAt(t, doc.Text, "قواطع", 0)
	quote, err := s.store.CreateSpan(ctx, doc, 0, s.user.ID, db.SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.CreateRelation(ctx, doc, 0, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	layla, err := s.store.CreateUser(ctx, "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	org, err := s.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: start, End: end, Label: "ORG"})
	if err != nil {
		t.Fatal(err)
	}
	rs, re := spanAt(t, doc.Text, "دجلة", 0)
	river, err := s.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: rs, End: re, Label: "ORG"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.CreateRelation(ctx, doc, layla.ID, layla.ID, db.RelationInput{Type: "refers_to", From: org.ID, To: river.ID}); err != nil {
		t.Fatal(err)
	}
	gold := func() string {
		l, err := s.store.LayerOf(ctx, doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		labels := map[int64]string{}
		out := ""
		for _, sp := range l.Spans {
			labels[sp.ID] = sp.Label + " " + sp.Text
			out += sp.Label + " " + sp.Text + ", "
		}
		for _, r := range l.Relations {
			out += fmt.Sprintf("%s %s→%s, ", r.Type, labels[r.From], labels[r.To])
		}
		return out
	}
	before := gold()
	b := newBrowser(t, s)
	asked := b.answerDialogs("into gold instead of PER? 1 link of PER in gold goes with it.", func() bool { return true })
	b.run(chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept ORG “بغداد” into gold with layla's links, instead of PER"]`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent.includes('Its links brought') && !document.querySelector('[aria-busy]')`)
	if got, want := eval[string](b, `document.getElementById('form-notice').textContent`),
		"Accepted into gold, in place of the label gold gave these words, and 1 link went with it. Its links brought 1 span and 1 link into gold."; got != want || asked.Load() != 1 {
		t.Errorf("the notice reads %q (asked %d times), want %q", got, asked.Load(), want)
	}
	if got, want := gold(), "QUOTE قواطع, ORG بغداد, ORG دجلة, refers_to ORG بغداد→ORG دجلة, "; got != want {
		t.Fatalf("gold after ORG with layla's links: %q, want %q", got, want)
	}
	// The river's row, which the accept's links brought, is redrawn too.
	if got := eval[string](b, fmt.Sprintf(`document.getElementById('c-%d-%d-ORG').querySelector('.in-gold')?.textContent ?? 'not in gold'`, rs, re)); got != "in gold" {
		t.Errorf("the row of دجلة says %q", got)
	}
	b.run(chromedp.Click(chromedp.CSS(`#undo-replace button`)))
	b.waitFor(fmt.Sprintf(`document.getElementById('c-%d-%d-PER')?.querySelector('.in-gold') !== null && !document.querySelector('[aria-busy]')`, start, end))
	if got := gold(); got != before {
		t.Errorf("gold after the undo: %q, want %q", got, before)
	}
}
