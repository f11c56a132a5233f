package web_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// suggestionsPage opens the demo article with its first quotation and
// speaker already marked and linked (so suggestions both add to and use
// what the layer has) and loads the suggestions. It returns the layer as
// it then is and the suggestions as the server proposes them.
func suggestionsPage(t *testing.T) (*site, db.Document, *browser, db.Layer, suggestionsJSON) {
	t.Helper()
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	qs, qe := spanAt(t, doc.Text, "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب، وفقا للمعلومات والتحليل الاستخباري، فضلا عن رسم خارطة تحركات الإرهابيين في المناطق التي ما زالوا يتواجدون فيها", 0)
	ps, pe := spanAt(t, doc.Text, "الناطق باسم الجهاز صباح النعمان", 0)
	quote, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	per, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: ps, End: pe, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	before, err := s.store.LayerOf(ctx, doc, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.ID("sug-load")))
	waitUntil(t, b, "the suggestions to load", func() bool { return suggestionCount(b) > 0 })
	sug := eval[suggestionsJSON](b, fmt.Sprintf(`fetch('/api/v1/documents/%d/suggestions', {headers: {Accept: 'application/json'}}).then((r) => r.json())`, doc.ID))
	if n := suggestionCount(b); n < 8 {
		t.Fatalf("%d suggestions on the demo article, want at least its 8 direct quotations", n)
	}
	if !eval[bool](b, `document.getElementById('undo').disabled`) {
		t.Fatal("undo is enabled before anything was done")
	}
	return s, doc, b, before, sug
}

// TestBrowserUndoAcceptAll accepts every suggestion at once, undoes that
// in one step (the layer is again exactly what it was, and the
// suggestions are proposed again), and redoes it.
func TestBrowserUndoAcceptAll(t *testing.T) {
	s, doc, b, before, sug := suggestionsPage(t)
	n := suggestionCount(b)
	want := withSuggestions(before, sug)

	b.run(chromedp.Click(chromedp.ID("sug-accept-all")))
	accepted := waitLayer(t, s, b, doc, "accept all", func(l db.Layer) bool { return describeLayer(l, false) == want })
	waitUntil(t, b, "the list to empty", func() bool { return suggestionCount(b) == 0 && saved(b) })
	if eval[bool](b, `document.getElementById('undo').disabled`) {
		t.Fatal("undo is disabled after accepting the suggestions")
	}

	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	waitLayer(t, s, b, doc, "undo", func(l db.Layer) bool { return sameLayer(l.Spans, l.Relations, before.Spans, before.Relations) })
	waitUntil(t, b, "the suggestions to be proposed again", func() bool { return suggestionCount(b) == n && saved(b) })
	// The spans the accept made went in one request, not one a span.
	if got := eval[int](b, `performance.getEntriesByType('resource').filter((e) => e.name.includes('/spans/delete')).length`); got != 1 {
		t.Errorf("undoing Accept all sent %d batch deletes, want 1", got)
	}

	b.run(chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift)))
	waitLayer(t, s, b, doc, "redo", func(l db.Layer) bool { return describeLayer(l, true) == describeLayer(accepted, true) })
	waitUntil(t, b, "the list to empty again", func() bool { return suggestionCount(b) == 0 && saved(b) })
	if msg := shownError(b); msg != "" {
		t.Errorf("an error is shown: %s", msg)
	}
}

// TestBrowserUndoAcceptOne accepts single suggestions and undoes them one
// by one. Each is clicked in the same moment as another, before the page
// has redrawn after the first: the second must still take what its row
// showed (the list's ids are renumbered once the layer changes), and
// Accept all everything then proposed, without error.
func TestBrowserUndoAcceptOne(t *testing.T) {
	s, doc, b, before, sug := suggestionsPage(t)
	n := suggestionCount(b)
	rows := suggestedQuotes(b)
	accept := `document.querySelectorAll('#sug-list li .sug-actions button:first-child')[%d].click()`

	eval[any](b, fmt.Sprintf(accept+"; "+accept, 0, 1))
	waitUntil(t, b, "two suggestions to be accepted", func() bool { return suggestionCount(b) == n-2 && saved(b) })
	if left := suggestedQuotes(b); slices.Contains(left, rows[0]) || slices.Contains(left, rows[1]) || !slices.Contains(left, rows[2]) {
		t.Fatalf("after accepting the first two of %q the list holds %q", rows[:3], left)
	}
	two, err := s.store.LayerOf(context.Background(), doc, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(two.Spans) <= len(before.Spans) || len(two.Relations) <= len(before.Relations) {
		t.Fatalf("accepting two quotations left %d spans and %d relations", len(two.Spans), len(two.Relations))
	}

	// Undo the second, then the first: the layer is back as it was.
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	waitUntil(t, b, "the second suggestion to be proposed again", func() bool { return suggestionCount(b) == n-1 && saved(b) })
	if left := suggestedQuotes(b); slices.Contains(left, rows[0]) || !slices.Contains(left, rows[1]) {
		t.Errorf("after undoing the second accept of %q the list holds %q", rows[:2], left)
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	waitLayer(t, s, b, doc, "undo", func(l db.Layer) bool { return sameLayer(l.Spans, l.Relations, before.Spans, before.Relations) })
	waitUntil(t, b, "the suggestions to be proposed again", func() bool { return suggestionCount(b) == n && saved(b) })
	if !eval[bool](b, `document.getElementById('undo').disabled`) {
		t.Error("undo is still enabled with nothing left to undo")
	}
	b.run(chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift)))
	b.run(chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift)))
	waitLayer(t, s, b, doc, "redo", func(l db.Layer) bool { return describeLayer(l, true) == describeLayer(two, true) })
	waitUntil(t, b, "the two to be accepted again", func() bool { return suggestionCount(b) == n-2 && saved(b) })

	// One more, and at once Accept all: everything proposed is accepted
	// (with the names the first accepts made known, proposed since).
	eval[any](b, fmt.Sprintf(accept+"; document.getElementById('sug-accept-all').click()", 0))
	want := withSuggestions(before, sug)
	waitLayer(t, s, b, doc, "accept all", func(l db.Layer) bool { return covers(describeLayer(l, false), want) })
	waitUntil(t, b, "the list to empty", func() bool { return suggestionCount(b) == 0 && saved(b) })
	if msg := shownError(b); msg != "" {
		t.Errorf("an error is shown: %s", msg)
	}
}

// suggestedQuotes lists the text each suggestion of the list starts with,
// its quotation's (which does not change when its speaker is accepted
// with another quotation).
// quoteRows are the list's rows that propose a quotation; the names
// labelled before, which every accept may add to (a speaker accepted here
// is proposed where it stands again), are left out.
const quoteRows = `[...document.querySelectorAll('#sug-list li')].filter((li) => li.querySelector('.sug-part').textContent.startsWith('Quote: '))`

func suggestedQuotes(b *browser) []string {
	return eval[[]string](b, quoteRows+`.map((li) => li.querySelector('bdi').textContent)`)
}

func suggestionCount(b *browser) int {
	return eval[int](b, quoteRows+`.length`)
}

// saved says whether the last save has ended, its redraw and the
// suggestions' reload included.
func saved(b *browser) bool {
	switch eval[string](b, `document.getElementById('save-status').textContent`) {
	case "Saved", "Undone and saved", "Redone and saved":
		return true
	}
	return false
}

func shownError(b *browser) string {
	return eval[string](b, `(() => { const e = document.getElementById('save-error'); return e.hidden ? '' : e.textContent; })()`)
}

// waitUntil waits for ok, failing at once if the page shows an error.
func waitUntil(t *testing.T, b *browser, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
		if msg := shownError(b); msg != "" {
			t.Fatalf("waiting for %s: the page shows %q", what, msg)
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// waitLayer waits until the user's layer passes ok and returns it.
func waitLayer(t *testing.T, s *site, b *browser, doc db.Document, what string, ok func(db.Layer) bool) db.Layer {
	t.Helper()
	var l db.Layer
	waitUntil(t, b, "the layer after "+what, func() bool {
		var err error
		if l, err = s.store.LayerOf(context.Background(), doc, s.user.ID); err != nil {
			t.Fatal(err)
		}
		return ok(l)
	})
	return l
}

// describeLayer describes a layer by offsets and labels rather than ids,
// which change when redo re-creates: spans as "LABEL start-end" (and
// their attributes, if attrs), relations as "type LABEL start-end ->
// LABEL start-end", each list sorted.
func describeLayer(l db.Layer, attrs bool) string {
	return describeLists(layerParts(l, attrs))
}

func layerParts(l db.Layer, attrs bool) (spans, rels []string) {
	at := map[int64]string{}
	for _, sp := range l.Spans {
		at[sp.ID] = fmt.Sprintf("%s %d-%d", sp.Label, sp.Start, sp.End)
		if attrs {
			spans = append(spans, at[sp.ID]+" "+string(sp.Attributes))
		} else {
			spans = append(spans, at[sp.ID])
		}
	}
	for _, r := range l.Relations {
		rels = append(rels, fmt.Sprintf("%s %s -> %s", r.Type, at[r.From], at[r.To]))
	}
	return spans, rels
}

// withSuggestions describes layer l with every suggested span and
// relation added, as describeLayer does without attributes.
func withSuggestions(l db.Layer, sug suggestionsJSON) string {
	spans, rels := layerParts(l, false)
	at := map[string]string{}
	for _, sp := range sug.Spans {
		at[sp.ID] = fmt.Sprintf("%s %d-%d", sp.Label, sp.Start, sp.End)
		spans = append(spans, at[sp.ID])
	}
	for _, r := range sug.Relations {
		rels = append(rels, fmt.Sprintf("%s %s -> %s", r.Type, at[r.From], at[r.To]))
	}
	return describeLists(spans, rels)
}

// covers reports whether a layer described by describeLists holds every
// span and relation of want, described alike.
func covers(layer, want string) bool {
	has := map[string]bool{}
	for _, part := range strings.FieldsFunc(layer, func(r rune) bool { return r == ',' || r == '|' }) {
		has[strings.TrimSpace(part)] = true
	}
	for _, part := range strings.FieldsFunc(want, func(r rune) bool { return r == ',' || r == '|' }) {
		if !has[strings.TrimSpace(part)] {
			return false
		}
	}
	return true
}

// describeLists sorts each list, drops repeats and joins them.
func describeLists(spans, rels []string) string {
	slices.Sort(spans)
	slices.Sort(rels)
	return strings.Join(slices.Compact(spans), ", ") + " | " + strings.Join(slices.Compact(rels), ", ")
}
