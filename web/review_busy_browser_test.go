package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// reviewBusyStatus is the review page's status while a decision waits
// for a busy server.
const reviewBusyStatus = `document.getElementById('review-key-status').textContent === 'Saving… (the server is busy, retrying)'`

// busyReview is a review of layla's PER span on "صباح النعمان", on a
// store another program can hold busy; it returns the site, the store's
// path, the browser on the review page and the span's offsets.
func busyReview(t *testing.T) (*site, string, *browser, int, int) {
	t.Helper()
	s, path := newBusySite(t)
	doc := s.docs["seed"]
	start, end := laylaMarksNaaman(t, s, doc)
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	return s, path, b, start, end
}

// goldSpans is what gold holds, as "start-end LABEL".
func (s *site) goldSpans(t *testing.T) string {
	t.Helper()
	l, err := s.store.LayerOf(t.Context(), s.docs["seed"], 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sp := range l.Spans {
		got = append(got, fmt.Sprintf("%d-%d %s", sp.Start, sp.End, sp.Label))
	}
	return strings.Join(got, ", ")
}

// TestBrowserReviewAcceptBusyRetried: while another program holds the
// database's write lock, Accept is answered 503; the review page says it
// is retrying, sends the accept again once the lock is gone, and gold
// gains the span once, the row saying "Accepted into gold." with no
// error shown.
func TestBrowserReviewAcceptBusyRetried(t *testing.T) {
	s, path, b, start, end := busyReview(t)
	release := holdWriteLock(t, path)
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept PER “صباح النعمان” into gold"]`)))
	b.waitFor(reviewBusyStatus)
	if got := s.goldSpans(t); got != "" {
		t.Fatalf("gold holds %q while the database is held", got)
	}
	release()
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold.'`)
	if got, want := s.goldSpans(t), fmt.Sprintf("%d-%d PER", start, end); got != want {
		t.Errorf("gold after the retried accept holds %q, want %q", got, want)
	}
	if got := eval[string](b, `[...document.querySelectorAll('#candidates .error')].map((e) => e.textContent).join(' | ') + '|' + document.getElementById('review-key-status').textContent`); got != "|" {
		t.Errorf("after the retried accept the page shows an error or a status: %q", got)
	}
}

// TestBrowserReviewAcceptBusyGivesUp: a lock held through every retry
// ends in the row saying how often the accept was tried and that nothing
// was changed; gold stays empty, and the row's buttons work again.
func TestBrowserReviewAcceptBusyGivesUp(t *testing.T) {
	s, path, b, _, _ := busyReview(t)
	holdWriteLock(t, path)
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept PER “صباح النعمان” into gold"]`)))
	b.waitFor(reviewBusyStatus)
	// 2+2+4+8 s of pauses (retry.js), each try waiting out the busy
	// timeout, then the failure.
	b.run(chromedp.Poll[chromedp.Void](`!!document.querySelector('#candidates .error')`, chromedp.WithPollingTimeout(60*time.Second)))
	msg := eval[string](b, `document.querySelector('#candidates .error').textContent`)
	if !strings.Contains(msg, "Could not save the decision after 5 tries: the database is busy") || !strings.Contains(msg, "nothing was changed") {
		t.Errorf("the row says %q", msg)
	}
	if got := s.goldSpans(t); got != "" {
		t.Errorf("gold holds %q after a refused accept", got)
	}
	if eval[bool](b, `document.querySelector('button[aria-label="Accept PER “صباح النعمان” into gold"]').disabled`) {
		t.Fatalf("Accept stays off after the refusal")
	}
	// A refusal (400, a span id that is none) is the page's own answer,
	// read without the write lock: it is sent once, never again.
	eval[bool](b, `(() => {
	  const fetchOnce = window.fetch;
	  window.sent = 0;
	  window.fetch = (...args) => { window.sent++; return fetchOnce(...args); };
	  const button = document.querySelector('button[aria-label="Accept PER “صباح النعمان” into gold"]');
	  button.form.elements.span.value = 'x';
	  button.click();
	  return true;
	})()`)
	b.waitFor(`document.querySelector('#candidates .error').textContent.includes('is not a span id')`)
	if n := eval[int](b, `window.sent`); n != 1 {
		t.Errorf("an accept refused with 400 was sent %d times, want once", n)
	}
}

// laylaMarksNaaman has a new annotator, layla, label صباح النعمان PER in
// doc (the seed article), for a reviewer to decide on; it returns the
// span's offsets.
func laylaMarksNaaman(t *testing.T, s *site, doc db.Document) (start, end int) {
	t.Helper()
	layla, err := s.store.CreateUser(t.Context(), "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	start, end = spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(t.Context(), doc, layla.ID, layla.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	return start, end
}
