package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewBulkAccept: the review's bulk accept asks first,
// naming the count, and a Cancel changes nothing; once answered it turns
// its button off and says what is under way; the notice after it offers
// "Undo this accept", which asks, then takes exactly that accept out of
// gold, leaving gold's own span. An undo after gold changed is refused,
// saying why, and gold stays.
func TestBrowserReviewBulkAccept(t *testing.T) {
	s := newSite(t, seedDoc(t))
	ctx := t.Context()
	doc := s.docs["seed"]
	words := []string{"صباح النعمان", "كردستان", "الجهاز"}
	for _, name := range []string{"layla", "karim"} {
		s.annotatorMarks(t, name, doc, "PER", words...)
	}
	os, oe := spanAt(t, doc.Text, "عملياته", 0)
	if _, err := s.store.CreateSpan(ctx, doc, 0, s.user.ID, db.SpanInput{Start: os, End: oe, Label: "ORG"}); err != nil {
		t.Fatal(err)
	}
	gold := func() string {
		l, err := s.store.LayerOf(ctx, doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		var labels []string
		for _, sp := range l.Spans {
			labels = append(labels, sp.Label)
		}
		return strings.Join(labels, " ")
	}
	b := newBrowser(t, s)
	answer := true
	asked := b.answerDialogs("", func() bool { return answer })
	review := fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)
	b.run(chromedp.Navigate(review), chromedp.WaitVisible(chromedp.ID("candidates")))
	// What the button shows once sent is kept over the page's change:
	// the page's script sends the form itself, its button turned off.
	keepBusy := `window.addEventListener('submit', (e) => { const btn = e.target.querySelector('button'); sessionStorage.busy = !btn.disabled ? 'not sent' : btn.disabled + ' ' + btn.textContent + ' ' + document.getElementById('review-key-status').textContent; }) ?? true`

	answer = false
	eval[bool](b, keepBusy)
	b.run(chromedp.Click(chromedp.CSS("#accept-agreed button")))
	b.waitFor(`sessionStorage.busy === 'not sent'`)
	if got := eval[string](b, `document.querySelector('#accept-agreed button').disabled + ' ' + document.querySelector('#accept-agreed button').textContent`); asked.Load() != 1 || got != "false Accept the 3 spans both annotators marked" || gold() != "ORG" {
		t.Fatalf("after Cancel: asked %d times, button %q, gold %q", asked.Load(), got, gold())
	}

	answer = true
	b.run(chromedp.Click(chromedp.CSS("#accept-agreed button")))
	b.waitFor(`document.readyState === 'complete' && document.getElementById('undo-accept') !== null`)
	if got := eval[string](b, `sessionStorage.busy`); got != "true Accepting 3 spans… Accepting 3 spans…" {
		t.Errorf("while the accept ran the button said %q", got)
	}
	if got := eval[string](b, `document.getElementById('form-notice').textContent + ' | ' + document.querySelector('#undo-accept button').textContent`); got != "Accepted 3 spans into gold. | Undo this accept" || gold() != "PER PER ORG PER" {
		t.Fatalf("after the accept: %q, gold %q", got, gold())
	}
	b.viewShot("review-bulk-undo")

	eval[bool](b, keepBusy)
	b.run(chromedp.Click(chromedp.CSS("#undo-accept button")))
	b.waitFor(`document.readyState === 'complete' && document.getElementById('undo-accept') === null && document.getElementById('form-notice') !== null`)
	if got := eval[string](b, `document.getElementById('form-notice').textContent`); got != "The accept is taken back: 3 spans left gold." || gold() != "ORG" || asked.Load() != 3 {
		t.Errorf("after Undo: %q, gold %q, asked %d times", got, gold(), asked.Load())
	}
	if got := eval[string](b, `sessionStorage.busy`); got != "true Taking back 3 spans… Taking back 3 spans…" {
		t.Errorf("while the undo ran the button said %q", got)
	}

	// Accepted again, then a span of it relabelled in gold: its undo is
	// refused and gold stays.
	b.run(chromedp.Click(chromedp.CSS("#accept-agreed button")))
	b.waitFor(`document.readyState === 'complete' && document.getElementById('undo-accept') !== null`)
	l, err := s.store.LayerOf(ctx, doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	loc := "LOC"
	if _, err := s.store.UpdateSpan(ctx, doc, 0, s.user.ID, l.Spans[0].ID, db.SpanPatch{Label: &loc}); err != nil {
		t.Fatal(err)
	}
	before := gold()
	b.run(chromedp.Click(chromedp.CSS("#undo-accept button")))
	// The refusal is said beside the form, which is left to press again.
	b.waitFor(`document.querySelector('#undo-accept + .error') !== null`)
	if got := eval[string](b, `document.querySelector('#undo-accept + .error').textContent`); !strings.HasPrefix(got, "“Undo this accept” was refused: ") || !strings.Contains(got, "changed since that accept") || gold() != before {
		t.Errorf("undo after gold changed: %q, gold %q (was %q)", got, gold(), before)
	}
	if !eval[bool](b, `document.activeElement === document.querySelector('#undo-accept + .error') && !document.querySelector('#undo-accept button').disabled`) {
		t.Errorf("after the refusal the focus is not on it, or Undo this accept stays off")
	}
}
