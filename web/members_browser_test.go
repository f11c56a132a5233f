package web_test

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserRemoveMemberAsksFirst: removing a member asks for
// confirmation; "Cancel" keeps them, "OK" removes them.
func TestBrowserRemoveMemberAsksFirst(t *testing.T) {
	s := newSite(t, seedDoc(t))
	ctx := t.Context()
	layla, err := s.store.CreateUser(ctx, "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetMember(ctx, s.proj.ID, s.user, layla, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	var accept atomic.Bool
	asked := b.answerDialogs("Remove layla", accept.Load)
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	members := func() int {
		ms, err := s.store.Members(ctx, s.proj.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	b.run(chromedp.Navigate(project), chromedp.Click(chromedp.CSS(`button[aria-label="Remove layla"]`)))
	// The dialog is answered by the browser's event, which may come after
	// the click returns: wait for it, then the page's own answer to Cancel.
	for deadline := time.Now().Add(10 * time.Second); asked.Load() == 0 && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
	}
	b.waitLoaded()
	if asked.Load() != 1 || members() != 1 {
		t.Fatalf("cancelled removal: asked %d times, %d members left (want 1, 1)", asked.Load(), members())
	}
	accept.Store(true)
	b.run(chromedp.Navigate(project), chromedp.Click(chromedp.CSS(`button[aria-label="Remove layla"]`)))
	for deadline := time.Now().Add(10 * time.Second); members() != 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("confirmed removal left layla a member")
		}
	}
}

// TestBrowserAddUnknownMemberLinksToUsers: an admin adding a name nobody
// has reads that there is no such user, beside the form, with a link to
// the Users page where accounts are made; the page still fits 320 px.
func TestBrowserAddUnknownMemberLinksToUsers(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(320, 256), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)),
		chromedp.SendKeys("#member-name", "salma"), chromedp.Click(`#member-form button[type="submit"]`))
	b.waitFor(`document.readyState === 'complete' && document.getElementById('form-error') !== null`)
	if got := eval[string](b, `document.getElementById('form-error').innerText.replace(/\s+/g, ' ').trim()`); got != `There is no user "salma": create the account on the Users page first, then add it here. Open the Users page` {
		t.Errorf("the refusal reads %q", got)
	}
	b.checkReflow("the project page refusing an unknown member", 320, 256)
	b.run(chromedp.EmulateViewport(1366, 900), chromedp.Click("#refusal-link"))
	b.waitPath("/admin/users")
}
