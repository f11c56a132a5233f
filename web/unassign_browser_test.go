package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserUnassignAsks: taking documents back from an annotator asks
// first, from a document's row and from the Assignment form (whose
// Assign does not ask); declined, nothing changes.
func TestBrowserUnassignAsks(t *testing.T) {
	s := newSite(t, seedDoc(t))
	addSiteMember(t, s, "layla", db.RoleAnnotator)
	if _, err := s.store.Assign(context.Background(), s.proj.ID, s.user, db.AssignRequest{User: "layla", ExternalIDs: []string{"seed"}}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	row := b.answerDialogs("Unassign layla from seed?", func() bool { return false })
	form := b.answerDialogs("Unassign the member from these documents?", func() bool { return false })
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(`button.unassign`))
	b.run(chromedp.Click(`button.unassign`))
	b.run(chromedp.SetValue(`#assign-ids-user`, "layla"), chromedp.Click(`#assign-ids-form input[name="all"]`),
		chromedp.Click(`#assign-ids-form button[formaction*="/assignments/remove"]`))
	for deadline := time.Now().Add(5 * time.Second); row.Load() != 1 || form.Load() != 1; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("asked %d times from the row and %d from the form, want once each", row.Load(), form.Load())
		}
	}
	b.waitLoaded()
	as, err := s.store.Assignees(context.Background(), s.proj.ID, []int64{s.docs["seed"].ID})
	if err != nil {
		t.Fatal(err)
	}
	if a := as[s.docs["seed"].ID]; len(a) != 1 || !a[0].Assigned {
		t.Errorf("after declining both, seed's assignees are %+v", a)
	}
}
