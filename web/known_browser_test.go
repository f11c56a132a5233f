package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserKnownNames: a name the annotator labelled in one document is
// proposed where it stands in the next, with its label and how often it
// was given it; accepting stores it, rejecting keeps it from coming back,
// and another annotator's labels are never proposed.
func TestBrowserKnownNames(t *testing.T) {
	doc := func(line int, id, text string) codec.Doc {
		return codec.Doc{Line: line, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)}
	}
	s := newSite(t,
		doc(1, "first", "قال صباح النعمان إن الجهاز في بغداد، وبقي في بغداد."),
		doc(2, "second", "وصل صباح النعمان إلى بغداد، ثم غادر صباح النعمان البلاد. النعمان غائب، الجهاز باق."))
	first, second := s.docs["first"], s.docs["second"]
	ctx := context.Background()
	mark := func(d db.Document, owner int64, word, label string, nth int) {
		t.Helper()
		a, e := spanAt(t, d.Text, word, nth)
		if _, err := s.store.CreateSpan(ctx, d, owner, owner, db.SpanInput{Start: a, End: e, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	mark(first, s.user.ID, "صباح النعمان", "PER", 0) // two words: once will do
	mark(first, s.user.ID, "بغداد", "LOC", 0)        // one word: twice
	mark(first, s.user.ID, "بغداد", "LOC", 1)
	mark(first, s.user.ID, "الجهاز", "ORG", 0) // one word once: not yet proposed
	other := addSiteMember(t, s, "omar", db.RoleAnnotator)
	// omar's ORG would tie with annotator's PER and stop the proposal, if
	// it were read: it must not be.
	mark(first, other.ID, "صباح النعمان", "ORG", 0)

	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, second.ID))
	b.run(chromedp.Click(chromedp.ID("sug-load")))
	b.waitFor(`document.querySelectorAll('#sug-list li').length > 0`)
	rows := eval[[]string](b, `[...document.querySelectorAll('#sug-list li .sug-part')].map((p) => p.textContent)`)
	want := []string{
		"PER: صباح النعمان (labelled so once before)",
		"LOC: بغداد (labelled so twice before)",
		"PER: صباح النعمان (labelled so once before)",
	}
	if !slices.Equal(rows, want) {
		t.Fatalf("suggestions listed %q, want %q", rows, want)
	}
	b.screenshot("known-names")
	// The two rows that read alike are told apart by their place, and a
	// row in focus marks its place in the text.
	names := eval[[]string](b, `[...document.querySelectorAll('#sug-list button[data-action="accept"]')].map((b) => b.getAttribute('aria-label'))`)
	if want := []string{"Accept PER “صباح النعمان” (place 1 of 2)", "Accept LOC “بغداد”", "Accept PER “صباح النعمان” (place 2 of 2)"}; !slices.Equal(names, want) {
		t.Errorf("accept buttons named %q, want %q", names, want)
	}
	b.run(chromedp.Focus(chromedp.CSS(`#sug-list li:nth-child(3) button`)))
	if got := eval[string](b, `(() => { const h = CSS.highlights.get('suggestion-focus'); return h ? [...h][0].toString() : ''; })()`); got != "صباح النعمان" {
		t.Errorf("the focused row marks %q in the text", got)
	}

	// Accept the first, reject the place name.
	b.run(chromedp.Click(chromedp.CSS(`#sug-list li:first-child button[data-action="accept"]`)))
	b.waitFor(`document.querySelectorAll('#sug-list li').length === 2`)
	b.run(chromedp.Click(chromedp.CSS(`#sug-list li:first-child button[data-action="reject"]`)))
	b.waitFor(`document.querySelectorAll('#sug-list li').length === 1`)
	l, err := s.store.LayerOf(ctx, second, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Spans) != 1 || l.Spans[0].Text != "صباح النعمان" || l.Spans[0].Label != "PER" || l.Spans[0].Start != 4 {
		t.Errorf("layer after accepting the first name: %+v", l.Spans)
	}
	// Reloaded, the rejected place is not proposed again; the other
	// صباح النعمان is, now seen twice (the accepted one counts).
	b.open(fmt.Sprintf("%s/documents/%d", s.url, second.ID))
	b.run(chromedp.Click(chromedp.ID("sug-load")))
	b.waitFor(`document.querySelectorAll('#sug-list li').length > 0`)
	rows = eval[[]string](b, `[...document.querySelectorAll('#sug-list li .sug-part')].map((p) => p.textContent)`)
	if want := []string{"PER: صباح النعمان (labelled so twice before)"}; !slices.Equal(rows, want) {
		t.Errorf("after reload the suggestions are %q, want %q", rows, want)
	}
}
