package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserSuggestionRowsSayWhere: two suggestions of the same name
// read alike in their words; each row says where it stands (its
// paragraph, and its place among the rows alike), a short line that
// stays whole on a phone and at 200% zoom, and pressing it brings the
// place into view with the row's place marked, where focus alone on a
// narrow screen may not.
func TestBrowserSuggestionRowsSayWhere(t *testing.T) {
	filler := strings.Repeat("وتحدث الناس في السوق عن الطقس والأسعار والطرق. ", 40)
	doc := func(line int, id, text string) codec.Doc {
		return codec.Doc{Line: line, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)}
	}
	s := newSite(t,
		doc(1, "first", "قال فؤاد السنيورة إن الحكومة باقية."),
		doc(2, "second", "وصل فؤاد السنيورة إلى بيروت.\n\n"+filler+"\n"+filler+"\nثم غادر فؤاد السنيورة البلاد."))
	first, second := s.docs["first"], s.docs["second"]
	a, e := spanAt(t, first.Text, "فؤاد السنيورة", 0)
	if _, err := s.store.CreateSpan(context.Background(), first, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	for _, vp := range []struct {
		name  string
		w, h  int64
		scale float64
	}{{"laptop", 1366, 768, 1}, {"zoom", 683, 384, 2}, {"phone", 360, 640, 2}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, second.ID))
		b.run(chromedp.Click(chromedp.ID("sug-load"), chromedp.NodeVisible))
		b.waitFor(`document.querySelectorAll('#sug-list li').length === 2`)
		where := eval[[]string](b, `[...document.querySelectorAll('#sug-list li .sug-where')].map((w) => w.textContent)`)
		if want := []string{"paragraph 1, place 1 of 2", "paragraph 4, place 2 of 2"}; !slices.Equal(where, want) {
			b.viewShot("suggestion-where-" + vp.name)
			t.Fatalf("%s: the rows say where they stand as %q, want %q", vp.name, where, want)
		}
		// Each says it on one line, inside the panel.
		lines := eval[[]bool](b, `[...document.querySelectorAll('#sug-list li .sug-where')].map((w) => {
		  const r = w.getBoundingClientRect(), li = w.closest('li').getBoundingClientRect();
		  return w.getClientRects().length === 1 && r.height < 2.2 * parseFloat(getComputedStyle(w).fontSize) && r.left >= li.left - 1 && r.right <= li.right + 1;
		})`)
		if slices.Contains(lines, false) {
			b.viewShot("suggestion-where-" + vp.name)
			t.Errorf("%s: a row's place is cut or wraps: %v", vp.name, lines)
		}
		if name := eval[string](b, `document.querySelectorAll('#sug-list li .sug-where')[1].getAttribute('aria-label')`); name != "Show PER “فؤاد السنيورة” in the text, paragraph 4, place 2 of 2" {
			t.Errorf("%s: the second row's place is named %q", vp.name, name)
		}
		// Pressed, the place far down the text comes into view, marked.
		b.run(chromedp.Click(chromedp.CSS(`#sug-list li:nth-child(2) .sug-where`), chromedp.NodeVisible))
		b.waitFor(`(() => {
		  const h = CSS.highlights.get('suggestion-focus');
		  if (!h) return false;
		  const r = [...h][0], box = r.getBoundingClientRect();
		  return r.toString() === 'فؤاد السنيورة' && r.startContainer.parentElement.closest('p').dataset.start > 1000 && box.top >= 0 && box.bottom <= innerHeight;
		})()`)
		b.viewShot("suggestion-where-" + vp.name)
	}
}
