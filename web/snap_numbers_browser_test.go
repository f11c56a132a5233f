package web_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db/codec"
)

// numbersText holds numbers with marks inside them, in Latin and
// Arabic-Indic digits, each once, and a year ending its sentence.
const numbersText = "ارتفعت الأسعار 12.5% إلى 1,000,000 دينار في 5/10/2021 ثم 7.25% في 6/11/2022 ثم 3.75% في ٥/١٠/٢٠٢١ وبنسبة ١٢٫٥٪ الساعة 10:30 من عام 2019.\n"

// selectionJS is the page's selection in code points, as "start..end",
// read from the runs' data-start anchors, or "" when there is none.
const selectionJS = `(() => {
  const sel = window.getSelection();
  if (!sel.rangeCount) return '';
  const r = sel.getRangeAt(0);
  const cp = (node, off) => {
    const run = node.parentElement && node.parentElement.closest('#doc span[data-start]');
    return run && node.nodeType === 3 ? Number(run.dataset.start) + [...node.data.slice(0, off)].length : -1;
  };
  return cp(r.startContainer, r.startOffset) + '..' + cp(r.endContainer, r.endOffset);
})()`

// TestBrowserSnapKeepsNumbersWhole drags over parts of numbers, dates,
// times and percentages with "Snap to whole words" on, as it is by
// default, presses DATE's key and checks the stored span is the whole
// number with its percent sign; a year's sentence-final full stop stays
// out.
func TestBrowserSnapKeepsNumbersWhole(t *testing.T) {
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "numbers", Text: numbersText, Meta: json.RawMessage(`{}`)})
	doc := s.docs["numbers"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	if !eval[bool](b, `document.getElementById('snap-words').checked`) {
		t.Fatal("snapping to whole words is off on a first visit")
	}
	drags := []struct {
		name     string
		in       string // a stretch of the text, once in it
		from, to int    // the drag, in code points of in
		want     string // the span stored, once in in
	}{
		{"a digit and the decimal point", "12.5%", 1, 3, "12.5%"},
		{"a slash and a digit of a date", "5/10/2021", 1, 3, "5/10/2021"},
		{"a date with the spaces round it", " 6/11/2022 ", 0, 11, "6/11/2022"},
		{"a whole percentage", "7.25%", 0, 5, "7.25%"},
		{"ending on the decimal point", "3.75%", 0, 2, "3.75%"},
		{"starting on a thousands comma", "1,000,000", 1, 5, "1,000,000"},
		{"an arabic date's month", "٥/١٠/٢٠٢١", 1, 4, "٥/١٠/٢٠٢١"},
		{"an arabic decimal", "١٢٫٥٪", 2, 4, "١٢٫٥٪"},
		{"the minutes of a time", "10:30", 3, 5, "10:30"},
		{"a year and its full stop", "2019.", 1, 5, "2019"},
	}
	for i, d := range drags {
		at, _ := spanAt(t, numbersText, d.in, 0)
		start, end := spanAt(t, numbersText, d.want, 0)
		b.dragSelect(at+d.from, at+d.to)
		selected := eval[string](b, selectionJS)
		t.Logf("%s: a drag over %d..%d selected %s", d.name, at+d.from, at+d.to, selected)
		b.run(chromedp.KeyEvent("5")) // DATE
		spans := s.waitSpans(t, doc, s.user.ID, i+1)
		b.waitPage(i + 1)
		if !hasSpan(spans, start, end, "DATE") {
			t.Errorf("%s: a drag over %d..%d (the page selected %s) of %q left %+v, want %d..%d %q among them",
				d.name, at+d.from, at+d.to, selected, d.in, spans, start, end, d.want)
		}
	}
}
