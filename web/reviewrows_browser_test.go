package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserReviewRefusedInPlace: a decision on a row another reviewer
// changed meanwhile (the span taken out of gold behind the page's back)
// is refused in that row, with the reason; the page stays, its buttons
// usable again.
func TestBrowserReviewRefusedInPlace(t *testing.T) {
	words := []string{"صباح النعمان", "كردستان"}
	s, b, doc := reviewOf(t, "PER", words, "")
	asked := b.answerDialogs("from gold?", func() bool { return true })
	eval[bool](b, `window.stayed = true`)
	b.run(chromedp.KeyEvent("j"), chromedp.KeyEvent("a"))
	b.waitFor(`document.activeElement.closest('tr')?.querySelector('.in-gold') != null`)
	gold, err := s.store.LayerOf(t.Context(), doc, 0)
	if err != nil || len(gold.Spans) != 1 {
		t.Fatalf("gold after a: %+v, %v", gold.Spans, err)
	}
	if _, err := s.store.DeleteSpan(t.Context(), doc, 0, gold.Spans[0].CreatedBy, gold.Spans[0].ID); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.KeyEvent("x"))
	b.waitFor(`document.querySelector('#candidates tbody tr .error') !== null`)
	got := eval[string](b, `window.stayed + ' | ' + document.querySelector('#candidates tbody tr .error').textContent + ' | ' +
		[...document.activeElement.closest('tr').querySelectorAll('button')].map((b) => b.textContent + (b.disabled ? ' disabled' : '')).join(', ')`)
	if !strings.HasPrefix(got, "true | Could not save the decision: ") || !strings.HasSuffix(got, "not found. Gold changed since this page was loaded: reload it to see gold as it stands. | Remove") {
		t.Errorf("a decision on a span gone from gold: %q", got)
	}
	if n := eval[int](b, `document.querySelectorAll('#form-notice').length`); n != 0 {
		t.Errorf("the notice of the accept stays beside the refusal (%d notices)", n)
	}
	if asked.Load() != 1 {
		t.Errorf("Remove asked %d times, want once", asked.Load())
	}
	b.screenshot("review-refused-in-place")
}
