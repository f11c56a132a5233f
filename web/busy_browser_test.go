package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// newBusySite is newSite with the demo article on openBusyStore's store,
// and that store's path.
func newBusySite(t *testing.T) (*site, string) {
	t.Helper()
	store, path := openBusyStore(t)
	return newSiteOn(t, store, seedDoc(t)), path
}

// busyStatus is the save status while a save waits for a busy server.
const busyStatus = `document.getElementById('save-status').textContent === 'Saving… (the server is busy, retrying)'`

// TestBrowserBusySaveRetried: while another program holds the database's
// write lock, the span's POST is answered 503; the page says it is
// retrying, sends it again once the lock is gone, and the span is saved
// once, with no error shown.
func TestBrowserBusySaveRetried(t *testing.T) {
	s, path := newBusySite(t)
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	release := holdWriteLock(t, path)
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitFor(busyStatus)
	release()
	sp := s.waitSpans(t, doc, s.user.ID, 1)[0]
	if sp.Start != start || sp.End != end || sp.Label != "PER" {
		t.Errorf("stored %+v, want PER at %d..%d", sp, start, end)
	}
	b.waitPage(1)
	b.waitFor(`document.getElementById('save-status').textContent.startsWith('Saved PER')`)
	if eval[bool](b, `!document.getElementById('save-error').hidden`) {
		t.Errorf("an error is shown after the retried save: %q", eval[string](b, `document.getElementById('save-error').textContent`))
	}
	// A refusal (400) is the page's own answer: it is sent once.
	if n := eval[int](b, fmt.Sprintf(sentTimes, doc.ID)); n != 1 {
		t.Errorf("a POST refused with 400 was sent %d times, want once", n)
	}
}

// sentTimes sends a span POST without its fields through api.js's
// request and counts the fetches it made.
const sentTimes = `(async () => {
  const src = document.querySelector('script[src$="/annotate.js"]').src;
  const { request } = await import(src.replace(/annotate\.js$/, 'api.js'));
  const fetchOnce = window.fetch;
  let n = 0;
  window.fetch = (...args) => { n++; return fetchOnce(...args); };
  try {
    await request('POST', '/api/v1/documents/%d/spans', {});
  } catch (err) {
    if (err.status !== 400) throw err;
  } finally {
    window.fetch = fetchOnce;
  }
  return n;
})()`

// TestBrowserBusySaveGivesUp: a lock held through every retry ends in
// the failure shown, saying how often it was tried and that nothing was
// changed, and nothing is stored.
func TestBrowserBusySaveGivesUp(t *testing.T) {
	s, path := newBusySite(t)
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	holdWriteLock(t, path)
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	b.waitFor(busyStatus)
	if eval[bool](b, `!document.getElementById('save-error').hidden`) {
		t.Errorf("an error is shown while the save is still being retried")
	}
	// 2+2+4+8 s of pauses (retry.js), then the failure.
	b.run(chromedp.Poll[chromedp.Void](`!document.getElementById('save-error').hidden`, chromedp.WithPollingTimeout(40*time.Second)))
	msg := eval[string](b, `document.getElementById('save-error-text').textContent`)
	if !strings.Contains(msg, "Could not save the span after 5 tries: the database is busy") || !strings.Contains(msg, "nothing was changed") {
		t.Errorf("error shown: %q", msg)
	}
	if l, err := s.store.LayerOf(context.Background(), doc, s.user.ID); err != nil || len(l.Spans) != 0 {
		t.Errorf("layer after a refused save: %+v, %v", l.Spans, err)
	}
}
