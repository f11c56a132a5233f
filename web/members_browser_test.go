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
	time.Sleep(300 * time.Millisecond)
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
