package web_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// chipBoxesJS returns the box of every label chip in the text, in
// viewport pixels. A chip is the ::before of its run, absolutely placed
// against the run (a one-line run's box is its containing block), so its
// box is the run's box moved by the chip's used offsets and sized by its
// used width and height.
const chipBoxesJS = `[...document.querySelectorAll('#doc .seg[data-chip]')].map((seg) => {
  const cs = getComputedStyle(seg, '::before');
  const r = seg.getBoundingClientRect();
  const left = r.left + parseFloat(cs.left), top = r.top + parseFloat(cs.top);
  return {label: seg.dataset.chip, title: seg.title, left, right: left + parseFloat(cs.width), top, bottom: top + parseFloat(cs.height), lines: seg.getClientRects().length};
})`

type chipBox struct {
	Label, Title             string
	Left, Right, Top, Bottom float64
	Lines                    int
}

// TestBrowserChipsDoNotOverlap draws labels on neighbouring short words,
// some with a nested span starting on the same word (a longer chip): no
// two chips overlap, each is as wide as its run at most, and a chip cut
// short keeps its full label in the run's title.
func TestBrowserChipsDoNotOverlap(t *testing.T) {
	text := "قال علي وعمر وزيد إن في يوم 5 من أيار لقاء مع سعد في بغداد."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "chips", Text: text, Meta: []byte("{}")})
	doc := s.docs["chips"]
	for _, sp := range []struct {
		word  string
		label string
	}{
		{"علي", "PER"}, {"عمر", "PER"}, {"زيد", "PER"},
		{"علي وعمر", "QUOTE"}, // starts on علي: that run's chip reads QUOTE · PER
		{"في يوم", "DATE"}, {"5", "DATE"}, {"سعد", "PER"}, {"في", "LOC"},
	} {
		start, end := spanAt(t, text, sp.word, 0)
		if sp.word == "في" {
			start, end = spanAt(t, text, sp.word, 1)
		}
		if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: sp.label}); err != nil {
			t.Fatalf("%s %q: %v", sp.label, sp.word, err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.screenshot("chips")
	zoomed, err := chromedp.Run(b.ctx, chromedp.ScreenshotScale(chromedp.ID("doc"), 3))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "testdata", "screenshots", "chips-zoomed.png"), zoomed, 0o644); err != nil {
		t.Fatal(err)
	}

	chips := eval[[]chipBox](b, chipBoxesJS)
	if len(chips) != 7 {
		t.Fatalf("%d chips drawn, want one on each of the 7 runs a span starts on: %+v", len(chips), chips)
	}
	checkChips(t, "at 1366px", chips)
	// The DATE on the lone "5" has room beside it: its label is not cut,
	// as wide as the DATE chip over the two words "في يوم".
	dates := []chipBox{}
	for _, c := range chips {
		if c.Label == "DATE" {
			dates = append(dates, c)
		}
	}
	if len(dates) != 2 || math.Abs((dates[0].Right-dates[0].Left)-(dates[1].Right-dates[1].Left)) > 0.5 {
		t.Errorf("the DATE chip on a short word with room beside it is cut: %+v", dates)
	}

	// On a narrow screen the lines break elsewhere; chips are fitted again.
	b.run(chromedp.EmulateViewport(500, 900))
	eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
	checkChips(t, "at 500px", eval[[]chipBox](b, chipBoxesJS))
	b.screenshot("chips-narrow")
}

// checkChips fails when two chips overlap, a chip is empty, or a chip's
// run does not carry its full label as a title.
func checkChips(t *testing.T, when string, chips []chipBox) {
	t.Helper()
	for i, a := range chips {
		if a.Right-a.Left < 5 || a.Bottom-a.Top < 5 {
			t.Errorf("%s: the %q chip is %.1f×%.1f px", when, a.Label, a.Right-a.Left, a.Bottom-a.Top)
		}
		if a.Title != a.Label {
			t.Errorf("%s: the run of the %q chip has title %q", when, a.Label, a.Title)
		}
		for _, b := range chips[i+1:] {
			// A hair of tolerance for sub-pixel rounding.
			if a.Left < b.Right-0.5 && b.Left < a.Right-0.5 && a.Top < b.Bottom-0.5 && b.Top < a.Bottom-0.5 {
				t.Errorf("%s: the %q chip (%.1f..%.1f) overlaps the %q chip (%.1f..%.1f)", when, a.Label, a.Left, a.Right, b.Label, b.Left, b.Right)
			}
		}
	}
}
