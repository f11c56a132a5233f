package web_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// busyAgreement is the Agreement page of a store another program can
// hold busy, two annotators having marked the same PER on the seed
// article and marked their layers done; it returns the site, the
// store's path, the browser there (as the site's admin) and a count of
// gold's spans.
func busyAgreement(t *testing.T) (*site, string, *browser, func() int) {
	t.Helper()
	s, path := newBusySite(t)
	doc := s.docs["seed"]
	for _, name := range []string{"layla", "karim"} {
		u := s.annotatorMarks(t, name, doc, "PER", "صباح النعمان")
		if _, err := s.store.MarkDone(t.Context(), doc, u); err != nil {
			t.Fatal(err)
		}
	}
	gold := func() int {
		l, err := s.store.LayerOf(t.Context(), doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(l.Spans)
	}
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)),
		chromedp.WaitVisible(chromedp.ID("accept-agreed-everywhere")))
	return s, path, b, gold
}

// formState is a form's aria-busy, its button's disabled and text.
func formState(id string) string {
	return fmt.Sprintf(`(() => {
	  const f = document.getElementById(%q);
	  const btn = f.querySelector('button');
	  return [f.getAttribute('aria-busy') || '', btn.disabled, btn.textContent].join('|');
	})()`, id)
}

// TestBrowserAcceptEverywhereBusy: answered Cancel, "Accept every
// agreed span into gold" stays as it was; answered OK while another
// program holds the database's write lock, it turns off and says it is
// retrying, gold untouched, and once the lock is gone the accept lands
// once and its notice shows. Its undo, held the same way, is sent again
// too and takes the span back out.
func TestBrowserAcceptEverywhereBusy(t *testing.T) {
	_, path, b, gold := busyAgreement(t)
	var ok atomic.Bool
	asked := b.answerDialogs("", ok.Load)
	idle := "|false|Accept every agreed span into gold"
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	if got := eval[string](b, formState("accept-agreed-everywhere")); got != idle || asked.Load() != 1 {
		t.Errorf("after Cancel the form is %q (asked %d times), want %q", got, asked.Load(), idle)
	}

	ok.Store(true)
	release := holdWriteLock(t, path)
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	b.waitFor(formState("accept-agreed-everywhere") + ` === 'true|true|Accepting 1 span into gold… (the server is busy, retrying)'`)
	if n := gold(); n != 0 {
		t.Fatalf("gold holds %d spans while the database is held", n)
	}
	release()
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted 1 span into gold, in 1 document.'`)
	b.waitLoaded()
	if n := gold(); n != 1 {
		t.Errorf("gold holds %d spans after the retried accept, want 1", n)
	}

	release = holdWriteLock(t, path)
	b.run(chromedp.Click(chromedp.CSS(`#undo-accept-everywhere button`)))
	b.waitFor(formState("undo-accept-everywhere") + ` === 'true|true|Taking back 1 span… (the server is busy, retrying)'`)
	release()
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'The accept is taken back: 1 span left gold, in 1 document.'`)
	if n := gold(); n != 0 || asked.Load() != 3 {
		t.Errorf("after the retried undo gold holds %d spans (asked %d times), want none and 3 questions", n, asked.Load())
	}
}

// TestBrowserAcceptEverywhereBusyGivesUp: a lock held through every
// retry ends in a message beside the form, which takes the focus,
// saying how often the accept was tried and that nothing was changed;
// the button is on again with its own words, and pressed once the lock
// is gone it accepts.
func TestBrowserAcceptEverywhereBusyGivesUp(t *testing.T) {
	_, path, b, gold := busyAgreement(t)
	b.answerDialogs("", func() bool { return true })
	release := holdWriteLock(t, path)
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	b.waitFor(formState("accept-agreed-everywhere") + `.endsWith('(the server is busy, retrying)')`)
	// 2+2+4+8 s of pauses (retry.js), then the failure.
	b.run(chromedp.Poll[chromedp.Void](`!!document.querySelector('#accept-agreed-everywhere + .error')`, chromedp.WithPollingTimeout(60*time.Second)))
	msg := eval[string](b, `document.querySelector('#accept-agreed-everywhere + .error').textContent`)
	if !strings.HasPrefix(msg, "“Accept every agreed span into gold” could not be done after 5 tries: the database is busy") || !strings.Contains(msg, "nothing was changed") {
		t.Errorf("the message reads %q", msg)
	}
	if !eval[bool](b, `document.activeElement === document.querySelector('#accept-agreed-everywhere + .error')`) {
		t.Error("the message does not take the focus")
	}
	if got, want := eval[string](b, formState("accept-agreed-everywhere")), "|false|Accept every agreed span into gold"; got != want {
		t.Errorf("after the retries the form is %q, want %q", got, want)
	}
	if n := gold(); n != 0 {
		t.Errorf("gold holds %d spans after a refused accept", n)
	}
	release()
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted 1 span into gold, in 1 document.'`)
	if n := gold(); n != 1 {
		t.Errorf("gold holds %d spans after trying again, want 1", n)
	}
}
