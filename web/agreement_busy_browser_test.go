package web_test

import (
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserAcceptEverywhereBusy: once the reviewer answers the
// question, "Accept every agreed span into gold" turns off and says what
// is under way, its form marked busy, so it is not pressed twice while
// the accept runs; answered Cancel, it stays as it was.
func TestBrowserAcceptEverywhereBusy(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for _, name := range []string{"layla", "karim"} {
		u := s.annotatorMarks(t, name, doc, "PER", "صباح النعمان")
		if _, err := s.store.MarkDone(t.Context(), doc, u); err != nil {
			t.Fatal(err)
		}
	}
	addSiteMember(t, s, "rana", db.RoleReviewer)
	b := newBrowser(t, s)
	b.relogin(s.url, "rana")
	var ok atomic.Bool
	b.answerDialogs("", ok.Load)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)),
		chromedp.WaitVisible(chromedp.ID("accept-agreed-everywhere")))
	// Held on the page: a listener added after the page's own stops the
	// form from leaving once they have run, so its state can be read.
	eval[bool](b, `window.addEventListener('submit', (e) => e.preventDefault()); true`)
	state := `(() => {
	  const f = document.getElementById('accept-agreed-everywhere');
	  const btn = f.querySelector('button');
	  return [f.getAttribute('aria-busy') || '', btn.disabled, btn.textContent].join('|');
	})()`
	idle := "|false|Accept every agreed span into gold"
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	if got := eval[string](b, state); got != idle {
		t.Errorf("after Cancel the form is %q, want %q", got, idle)
	}
	ok.Store(true)
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	if got, want := eval[string](b, state), "true|true|Accepting 1 span into gold…"; got != want {
		t.Errorf("while the accept runs the form is %q, want %q", got, want)
	}
}
