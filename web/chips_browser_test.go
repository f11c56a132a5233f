package web_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// chipBoxesJS returns the box of every label chip in the text and of the
// start of the run it labels, in viewport pixels.
const chipBoxesJS = `[...document.querySelectorAll('#doc .chip')].map((chip) => {
  const seg = chip.closest('p').querySelector('.seg[data-start="' + chip.dataset.run + '"]');
  const c = chip.getBoundingClientRect(), rects = seg.getClientRects(), r = rects[0];
  return {label: chip.dataset.label, title: seg.title, left: c.left, right: c.right, top: c.top, bottom: c.bottom,
    lines: rects.length, runLeft: r.left, runRight: r.right, runTop: r.top, rtl: getComputedStyle(seg).direction === 'rtl'};
})`

type chipBox struct {
	Label, Title              string
	Left, Right, Top, Bottom  float64
	Lines                     int
	RunLeft, RunRight, RunTop float64
	RTL                       bool // the paragraph's direction
}

// TestBrowserChipsDoNotOverlap draws labels on neighbouring short words,
// some with a nested span starting on the same word (a longer chip): no
// two chips overlap, each is as wide as its run at most, and a chip cut
// short keeps its full label in the run's title. It does so for a short
// text, and for the same line far down a long one, whose paragraphs are
// laid out (and their chips fitted) only as they come into view.
func TestBrowserChipsDoNotOverlap(t *testing.T) {
	line := "قال علي وعمر وزيد إن في يوم 5 من أيار لقاء مع سعد في بغداد."
	long := strings.Repeat("سطر تمهيدي بلا وسوم، يملأ الصفحة قبل السطر الموسوم.\n", 300) + line
	for _, c := range []struct{ name, text string }{{"chips", line}, {"chips-far", long}} {
		t.Run(c.name, func(t *testing.T) { checkChipsOn(t, c.name, c.text) })
	}
}

func checkChipsOn(t *testing.T, name, text string) {
	s := newSite(t, codec.Doc{Line: 1, ExternalID: name, Text: text, Meta: []byte("{}")})
	doc := s.docs[name]
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
	if name != "chips" {
		b.run(chromedp.ScrollIntoView(chromedp.CSS(`#doc .seg[data-chip]`)))
	}
	b.settle()
	if name == "chips" {
		b.screenshot("chips")
		zoomed, err := chromedp.Run(b.ctx, chromedp.ScreenshotScale(chromedp.ID("doc"), 3))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("..", "testdata", "screenshots", "chips-zoomed.png"), zoomed, 0o644); err != nil {
			t.Fatal(err)
		}
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
	// The chips over the line are drawn, not clipped by the paragraph:
	// there is ink in each chip's box.
	for _, c := range chips {
		if ink := b.inkIn(c.Left, c.Top, c.Right, c.Bottom); ink < 5 {
			t.Errorf("the %q chip at (%.0f, %.0f) is not drawn: %d dark pixels in its box", c.Label, c.Left, c.Top, ink)
		}
	}

	// On a narrow screen the lines break elsewhere; chips are fitted again.
	b.run(chromedp.EmulateViewport(500, 900))
	if name != "chips" {
		b.run(chromedp.ScrollIntoView(chromedp.CSS(`#doc .seg[data-chip]`)))
	}
	b.settle()
	checkChips(t, "at 500px", eval[[]chipBox](b, chipBoxesJS))
	if name == "chips" {
		b.screenshot("chips-narrow")
	}
}

// TestBrowserChipsLeftToRight: in a paragraph whose first letter is
// Latin the chips start at their runs' left edges, Arabic words inside
// it included, and still never overlap.
func TestBrowserChipsLeftToRight(t *testing.T) {
	text := "The spokesman Sabah al-Numan of كتيبة القعقاع said on 3 May that Ali left Mosul."
	b, chips := chipsOn(t, "ltr", text, []struct{ word, label string }{
		{"Sabah al-Numan", "PER"}, {"كتيبة القعقاع", "ORG"}, {"3 May", "DATE"}, {"Ali", "PER"}, {"Mosul", "LOC"}, {"said", "CUE"},
	})
	if len(chips) != 6 {
		t.Fatalf("%d chips drawn, want 6: %+v", len(chips), chips)
	}
	for _, c := range chips {
		if c.RTL {
			t.Fatalf("the %q chip's paragraph is right to left", c.Label)
		}
	}
	checkChips(t, "left to right", chips)
	b.screenshot("chips-ltr")
}

// settle waits until the browser has drawn the page twice over with the
// first chip in the same place: paragraphs coming into view are laid out
// (their estimated heights replaced, the page scrolled to keep its place)
// and their chips fitted.
func (b *browser) settle() {
	b.t.Helper()
	eval[bool](b, `new Promise((done) => {
	  const seg = document.querySelector('#doc .seg[data-chip]');
	  let last = null, still = 0;
	  const look = () => {
	    const r = JSON.stringify(seg.getBoundingClientRect());
	    still = r === last ? still + 1 : 0;
	    last = r;
	    if (still >= 2) done(true); else requestAnimationFrame(look);
	  };
	  requestAnimationFrame(look);
	})`)
}

// checkChips fails when two chips overlap, a chip is empty or not over
// the start of its run, or a chip's run does not carry its full label as
// a title.
func checkChips(t *testing.T, when string, chips []chipBox) {
	t.Helper()
	for i, a := range chips {
		if a.Right-a.Left < 5 || a.Bottom-a.Top < 5 {
			t.Errorf("%s: the %q chip is %.1f×%.1f px", when, a.Label, a.Right-a.Left, a.Bottom-a.Top)
		}
		// A QUOTE's speaker may be cut shorter in the chip than in the
		// title, or left out: the labels are compared
		// (speakerchips_browser_test.go checks the names).
		title, label := speakerName.ReplaceAllString(a.Title, ""), speakerName.ReplaceAllString(a.Label, "")
		if title != label && !cutBetweenLabels(title, label) {
			t.Errorf("%s: the run of the %q chip has title %q", when, a.Label, a.Title)
		}
		// A chip starts at its run's start edge (right, in a right-to-left
		// paragraph), above it.
		start, runStart := a.Left, a.RunLeft
		if a.RTL {
			start, runStart = a.Right, a.RunRight
		}
		if math.Abs(start-runStart) > 1 || a.Bottom > a.RunTop+1 || a.Bottom < a.RunTop-20 {
			t.Errorf("%s: the %q chip (%.1f..%.1f, bottom %.1f) is not over the start of its run (%.1f..%.1f, top %.1f)",
				when, a.Label, a.Left, a.Right, a.Bottom, a.RunLeft, a.RunRight, a.RunTop)
		}
		for _, b := range chips[i+1:] {
			// A hair of tolerance for sub-pixel rounding.
			if a.Left < b.Right-0.5 && b.Left < a.Right-0.5 && a.Top < b.Bottom-0.5 && b.Top < a.Bottom-0.5 {
				t.Errorf("%s: the %q chip (%.1f..%.1f) overlaps the %q chip (%.1f..%.1f)", when, a.Label, a.Left, a.Right, b.Label, b.Left, b.Right)
			}
		}
	}
}

// speakerName is a QUOTE's speaker as a chip or a run's title names it,
// isolated after an arrow (→ in a right-to-left chip).
var speakerName = regexp.MustCompile(" [←→] \u2068[^\u2069]*\u2069")

// inkIn counts the dark pixels the browser paints in a box of the
// viewport: text drawn there, not the white page.
func (b *browser) inkIn(left, top, right, bottom float64) int {
	b.t.Helper()
	scroll := eval[[]float64](b, `[scrollX, scrollY]`)
	shot, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (page.CaptureScreenshotResult, error) {
		return cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Clip: &page.Viewport{X: left + scroll[0], Y: top + scroll[1], Width: right - left, Height: bottom - top, Scale: 1},
		})
	})
	if err != nil {
		b.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot.Data))
	if err != nil {
		b.t.Fatal(err)
	}
	dark := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); (r+g+bl)/3 < 0x9000 {
				dark++
			}
		}
	}
	return dark
}

// cutBetweenLabels reports whether chip is labels ("A · B · C") cut after
// whole labels with a count of the rest ("A · B +1", "A +2"), or one of
// them with the count ("C +2").
func cutBetweenLabels(labels, chip string) bool {
	names := strings.Split(labels, " · ")
	for k := 1; k < len(names); k++ {
		if chip == strings.Join(names[:k], " · ")+fmt.Sprintf("\u2009+%d", len(names)-k) {
			return true
		}
	}
	for _, n := range names { // one label, the first that fits, and the count
		if chip == n+fmt.Sprintf("\u2009+%d", len(names)-1) {
			return true
		}
	}
	return false
}

// TestBrowserChipsStackedOnShortWord: three spans start on one short word
// with a neighbour's chip right after it, so "ORG · PER · QUOTE" cannot
// fit; the chip shows whole labels and a count of the rest, never a label
// cut in the middle, and the run's title names them all.
func TestBrowserChipsStackedOnShortWord(t *testing.T) {
	b, chips := chipsOn(t, "short", "نص قصير.", []struct{ word, label string }{{"نص", "QUOTE"}, {"قصير", "DATE"}, {"نص قصير", "PER"}, {"نص قصير", "ORG"}})
	if len(chips) != 2 {
		t.Fatalf("%d chips, want 2: %+v", len(chips), chips)
	}
	checkChips(t, "stacked", chips)
	var stacked *chipBox
	for i, c := range chips {
		if strings.Count(c.Title, " · ") == 2 {
			stacked = &chips[i]
		}
	}
	if stacked == nil || stacked.Label == stacked.Title {
		t.Fatalf("the three labels should not fit over one short word: %+v", chips)
	}
	// The chip reads from its first label on: a cut, when even "PER +2"
	// is too wide, falls at its end, never at its start.
	if got := eval[string](b, `(() => { const c = [...document.querySelectorAll('#doc .chip')].find((c) => c.dataset.label.includes('+')); return getComputedStyle(c).direction; })()`); got != "ltr" {
		t.Errorf("the chip %q is laid out %s", stacked.Label, got)
	}
	b.screenshot("chips-stacked")
}

// chipsOn opens a document of text with the given words labelled (the
// first place each stands) and returns the browser and its chips, once
// they are fitted.
func chipsOn(t *testing.T, id, text string, spans []struct{ word, label string }) (*browser, []chipBox) {
	t.Helper()
	s := newSite(t, codec.Doc{Line: 1, ExternalID: id, Text: text, Meta: []byte("{}")})
	doc := s.docs[id]
	for _, sp := range spans {
		start, end := spanAt(t, text, sp.word, 0)
		if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: sp.label}); err != nil {
			t.Fatalf("%s %q: %v", sp.label, sp.word, err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.settle()
	return b, eval[[]chipBox](b, chipBoxesJS)
}
