package web_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// TestBrowserSpeakerFoundAfterAll: a quotation marked "speaker not in
// the text" gets a speaker after all: linking it takes the mark off in
// the same step (the server refuses a quotation both ways), the box then
// stays off while the speaker stands, and Ctrl+Z gives the mark back with
// the link gone.
func TestBrowserSpeakerFoundAfterAll(t *testing.T) {
	s, doc, b, quote := openWithSpan(t, "الجهاز مستمر في عملياته", "QUOTE", map[string]any{"speaker_in_text": false})
	ctx := context.Background()
	ps, pe := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: ps, End: pe, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("doc")))
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	if !eval[bool](b, `document.getElementById('q-not-in-text').checked`) {
		t.Fatal("the quotation opens without its mark")
	}
	b.run(chromedp.KeyEvent("s"), chromedp.KeyEvent(kb.Enter))
	b.waitFor(`document.getElementById('save-status').textContent.startsWith('Saved: speaker PER')`)
	layer := func() (string, int) {
		l, err := s.store.LayerOf(ctx, doc, s.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range l.Spans {
			if sp.ID == quote.ID {
				return string(sp.Attributes), len(l.Relations)
			}
		}
		t.Fatal("the quotation is gone")
		return "", 0
	}
	if attrs, links := layer(); attrs != `{}` || links != 1 {
		t.Errorf("after linking: attributes %s and %d links, want {} and the speaker", attrs, links)
	}
	b.waitFor(`!document.getElementById('q-not-in-text').checked && document.getElementById('q-not-in-text').disabled`)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'`)
	if attrs, links := layer(); attrs != `{"speaker_in_text":false}` || links != 0 {
		t.Errorf("after Ctrl+Z: attributes %s and %d links, want the mark back and no link", attrs, links)
	}
}
