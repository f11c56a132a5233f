package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewIntoGold: a reviewer opens the review from the
// annotation page, accepts an annotator's QUOTE into gold with a click,
// and removes it again after saying OK to the question; gold follows,
// and the decisions are made in place: the page stays (no navigation),
// the notice stands in the row it changed.
func TestBrowserReviewIntoGold(t *testing.T) {
	s := newSite(t, seedDoc(t))
	ctx := t.Context()
	doc := s.docs["seed"]
	layla, err := s.store.CreateUser(ctx, "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	qs, qe := spanAt(t, doc.Text, "الجهاز مستمر في عملياته", 0)
	if _, err := s.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: qs, End: qe, Label: "QUOTE", Attributes: map[string]any{"type": "direct"}}); err != nil {
		t.Fatal(err)
	}
	gold := func() []db.Span {
		l, err := s.store.LayerOf(ctx, doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		return l.Spans
	}
	b := newBrowser(t, s)
	asked := b.answerDialogs("from gold?", func() bool { return true })
	b.open(fmt.Sprintf("%s/documents/%d?layer=layla", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.ID("review-link")), chromedp.WaitVisible(chromedp.ID("candidates")))
	b.waitLoaded()
	eval[bool](b, `window.stayed = true`)
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept QUOTE “الجهاز مستمر في عملياته” into gold"]`)), chromedp.WaitVisible(chromedp.ID("form-notice")))
	if g := gold(); len(g) != 1 || g[0].Start != qs || g[0].End != qe || string(g[0].Attributes) != `{"type":"direct"}` {
		t.Fatalf("gold after Accept: %+v", g)
	}
	if got := eval[string](b, `window.stayed + ' ' + document.getElementById('form-notice').closest('tr').id + ' ' + document.getElementById('form-notice').textContent + ' ' + document.activeElement.id`); got != fmt.Sprintf("true c-%d-%[2]d-QUOTE Accepted into gold. c-%[1]d-%[2]d-QUOTE", qs, qe) {
		t.Errorf("after Accept the page holds %q", got)
	}
	b.screenshot("review")
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Remove QUOTE “الجهاز مستمر في عملياته” from gold"]`)))
	for deadline := time.Now().Add(10 * time.Second); len(gold()) != 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("Remove, confirmed, left the span in gold")
		}
	}
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Removed from gold.'`)
	if got := eval[string](b, `window.stayed + ' ' + document.getElementById('undecided-count').textContent + ' ' + document.querySelectorAll('#candidates tbody tr').length`); got != "true 1 of 1 span undecided. 1" {
		t.Errorf("after Remove the page holds %q", got)
	}
	if asked.Load() != 1 {
		t.Errorf("Remove asked %d times, want once", asked.Load())
	}
}

// TestBrowserReviewByKeyboard: j and k move between the review's rows, a
// accepts the row's span into gold, and the page comes back with the
// focus on the same row, so j goes on to the next one.
func TestBrowserReviewByKeyboard(t *testing.T) {
	words := []string{"صباح النعمان", "كردستان"}
	s, b, doc := reviewOf(t, "PER", words, "")
	ctx := t.Context()
	focused := func() string {
		return eval[string](b, `(() => { const r = document.activeElement.closest('#candidates tbody tr'); return r ? r.querySelector('mark').textContent : ''; })()`)
	}
	// A key with no row chosen, or one that does not apply, says why
	// nothing happens.
	keyStatus := func() string { return eval[string](b, `document.getElementById('review-key-status').textContent`) }
	b.run(chromedp.KeyEvent("a"))
	if got := keyStatus(); !strings.Contains(got, "Choose a span first") {
		t.Errorf("a with no row chosen says %q", got)
	}
	b.run(chromedp.KeyEvent("j"))
	if got := focused(); got != words[0] {
		t.Fatalf("j focused %q, want the first row, %q", got, words[0])
	}
	b.run(chromedp.KeyEvent("x"))
	if got := keyStatus(); got != "Gold does not hold this span: a accepts it, r rejects it." {
		t.Errorf("x on a span gold lacks says %q", got)
	}
	b.run(chromedp.KeyEvent("j"), chromedp.KeyEvent("k"))
	if got := focused(); got != words[0] {
		t.Fatalf("j then k focused %q, want %q", got, words[0])
	}
	b.run(chromedp.KeyEvent("a"), chromedp.WaitVisible(chromedp.ID("form-notice"))) // the page after the accept
	b.waitLoaded()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if l, err := s.store.LayerOf(ctx, doc, 0); err == nil && len(l.Spans) == 1 && l.Spans[0].Text == words[0] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a did not accept the focused span into gold")
		}
	}
	for deadline := time.Now().Add(10 * time.Second); focused() != words[0]; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("after the accept the focus is on %q, want the row accepted", focused())
		}
	}
	b.run(chromedp.KeyEvent("j"))
	if got := focused(); got != words[1] {
		t.Errorf("j after the accept focused %q, want %q", got, words[1])
	}

	// r rejects the focused span; the page comes back on its row, marked
	// rejected, everything decided; r again takes the rejection back.
	undecided := func() string {
		return eval[string](b, `document.getElementById('undecided-count').textContent + ' ' + (document.activeElement.closest('tr.rejected') !== null)`)
	}
	for _, want := range []string{"Every span is decided. true", "1 of 2 spans undecided. false"} {
		b.run(chromedp.KeyEvent("r"))
		b.waitFor(fmt.Sprintf(`document.readyState === "complete" && document.getElementById('undecided-count').textContent + ' ' + (document.activeElement.closest('tr.rejected') !== null) === %q`, want))
		if got := focused(); got != words[1] {
			t.Errorf("after r the focus is on %q, want %q", got, words[1])
		}
		if got := undecided(); got != want {
			t.Errorf("after r: %q, want %q", got, want)
		}
		if strings.HasPrefix(want, "Every") {
			b.screenshot("review-rejected")
		}
	}
}

// TestBrowserReviewKeepsTheFilter: on the list of undecided spans, a
// rejection leaves the reviewer on that list, the span gone from it, the
// focus on the one after it and the notice in the status line.
func TestBrowserReviewKeepsTheFilter(t *testing.T) {
	words := []string{"صباح النعمان", "كردستان", "حمرين"}
	_, b, _ := reviewOf(t, "LOC", words, "?show=undecided")
	b.run(chromedp.KeyEvent("j"), chromedp.KeyEvent("r"))
	b.waitFor(`document.querySelectorAll('#candidates tbody tr').length === 2`)
	got := eval[string](b, `location.search + ' | ' + document.getElementById('undecided-count').textContent + ' | ' +
	  (document.activeElement.closest('#candidates tbody tr')?.querySelector('mark').textContent ?? 'no row') + ' | ' +
	  document.getElementById('review-key-status').textContent`)
	if want := "?show=undecided | 2 of 3 spans undecided. | " + words[1] + " | Rejected: it stays out of gold."; got != want {
		t.Errorf("after r on the undecided list: %q, want %q", got, want)
	}
	// The last one decided, the focus goes to the row before it.
	b.run(chromedp.KeyEvent("j"), chromedp.KeyEvent("r"))
	b.waitFor(`document.querySelectorAll('#candidates tbody tr').length === 1`)
	if got := eval[string](b, `document.activeElement.closest('#candidates tbody tr')?.querySelector('mark').textContent ?? 'no row'`); got != words[1] {
		t.Errorf("after the last row left the list the focus is on %q, want %q", got, words[1])
	}
}

// reviewOf opens, in a browser, the review of the demo article in which
// layla marked words with label, the review page's query after it.
func reviewOf(t *testing.T, label string, words []string, query string) (*site, *browser, db.Document) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla, err := s.store.CreateUser(t.Context(), "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		start, end := spanAt(t, doc.Text, w, 0)
		if _, err := s.store.CreateSpan(t.Context(), doc, layla.ID, layla.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review%s", s.url, doc.ID, query)), chromedp.WaitVisible(chromedp.ID("candidates")))
	return s, b, doc
}
