package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
	"hashiya/db/codec"
)

// addSiteMember creates a user with the site's password and role in its
// project, so a browser can log in as them.
func addSiteMember(t *testing.T, s *site, name string, role db.Role) db.User {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte(sitePassword), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	u, err := s.store.CreateUser(ctx, name, string(hash), false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetMember(ctx, s.proj.ID, s.user, u, role); err != nil {
		t.Fatal(err)
	}
	return u
}

// relogin logs out through the header's button and logs in as name.
func (b *browser) relogin(base, name string) {
	b.t.Helper()
	b.run(chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("username")))
	b.login(base, name, sitePassword)
}

// waitPath waits until the tab has loaded path.
func (b *browser) waitPath(path string) {
	b.t.Helper()
	b.waitFor(fmt.Sprintf(`location.pathname === %q && document.readyState === "complete"`, path))
}

// waitFor waits until a JavaScript condition holds in the tab.
func (b *browser) waitFor(cond string) {
	b.t.Helper()
	// While a page is being left the condition cannot be evaluated (no
	// document yet, a context gone): that counts as not yet, not as a
	// failure, until the deadline.
	var err error
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(30 * time.Millisecond) {
		var ok bool
		if ok, err = chromedp.Run(b.ctx, chromedp.Evaluate[bool](cond, awaitPromise)); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waited in vain for %s at %s (last error: %v)", cond, eval[string](b, `location.href`), err)
		}
	}
}

// TestBrowserQueue: an annotator with two of three documents assigned
// sees "0 / 2" on the home page, opens the next document, marks it done,
// lands on the next assigned one (skipping the document not hers) and
// finds "1 / 2" at home.
func TestBrowserQueue(t *testing.T) {
	doc := func(line int, id, text string) codec.Doc {
		return codec.Doc{Line: line, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)}
	}
	s := newSite(t, doc(1, "first", "قال الوزير إن الاقتصاد ينمو."), doc(2, "other", "نص لغيرها."), doc(3, "second", "وصل الوفد إلى الرياض."))
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	first, second := s.docs["first"], s.docs["second"]
	if _, err := s.store.Assign(context.Background(), s.proj.ID, s.user, db.AssignRequest{User: "layla", ExternalIDs: []string{"second", "first"}}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.relogin(s.url, "layla")

	progress := `document.querySelector('.queue-item .count').textContent + " " + document.querySelector('.queue-item progress').value`
	if got := eval[string](b, progress); got != "0 / 2 0" {
		t.Errorf("home page progress %q, want 0 / 2", got)
	}
	label := eval[string](b, `document.querySelector('.queue-item progress').getAttribute('aria-label')`)
	if label != "Demo: 0 of 2 documents done" {
		t.Errorf("progress bar's accessible label %q", label)
	}
	b.run(chromedp.Click(chromedp.CSS(`a.next-doc`)))
	b.waitPath(fmt.Sprintf("/documents/%d", first.ID))
	b.run(chromedp.WaitVisible(chromedp.ID("doc")))
	if got := eval[string](b, `document.getElementById('layer-status').textContent`); got != "new" {
		t.Errorf("status before marking done: %q", got)
	}

	// Mark done asks first: Cancel keeps the layer open, OK finishes it
	// and opens the next document, saying so.
	var accept atomic.Bool
	asked := b.answerDialogs("Mark this document done?", accept.Load)
	b.run(chromedp.Click(chromedp.ID("mark-done")))
	for deadline := time.Now().Add(10 * time.Second); asked.Load() == 0 && time.Now().Before(deadline); time.Sleep(30 * time.Millisecond) {
	}
	b.waitPath(fmt.Sprintf("/documents/%d", first.ID)) // still here
	if l, err := s.store.LayerOf(context.Background(), first, layla.ID); err != nil || l.Status == "done" || asked.Load() != 1 {
		t.Errorf("after Cancel layla's layer of first is %q (%v), asked %d times", l.Status, err, asked.Load())
	}
	accept.Store(true)
	b.run(chromedp.Click(chromedp.ID("mark-done")))
	b.waitPath(fmt.Sprintf("/documents/%d", second.ID))
	if got := eval[string](b, `document.querySelector('.crumbs').textContent`); !strings.Contains(got, "second") {
		t.Errorf("after Mark done the page shows %q, want the document second", got)
	}
	if got := eval[string](b, `document.getElementById('form-notice').textContent`); !strings.Contains(got, "Marked first done") {
		t.Errorf("after Mark done the notice reads %q", got)
	}
	if l, err := s.store.LayerOf(context.Background(), first, layla.ID); err != nil || l.Status != "done" {
		t.Errorf("layla's layer of first is %q (%v), want done", l.Status, err)
	}

	b.run(chromedp.Navigate(s.url + "/"))
	b.waitPath("/")
	if got := eval[string](b, progress); got != "1 / 2 1" {
		t.Errorf("home page progress after marking done %q, want 1 / 2", got)
	}
	if got := eval[string](b, `document.querySelector('a.next-doc').pathname`); got != fmt.Sprintf("/documents/%d", second.ID) {
		t.Errorf("Next document now goes to %s, want the document second", got)
	}
	b.screenshot("queue-home")

	// The manager sees layla's finished layer and reopens it.
	b.relogin(s.url, "annotator")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
	b.waitPath(fmt.Sprintf("/projects/%d", s.proj.ID))
	b.screenshot("queue-manage")
	b.run(chromedp.Click(chromedp.CSS(`button.reopen[aria-label="Reopen layla's layer of first"]`)))
	b.waitFor(`document.readyState === "complete" && document.getElementById('form-notice')?.textContent === "Reopened \u2068layla\u2069's layer of \u2068first\u2069: it is in progress again, no longer read only."`)
	// The notice stands in the row the page lands on, in sight.
	if where := eval[string](b, noticeInSightJS); where != fmt.Sprintf("doc-%d in sight", first.ID) {
		t.Errorf("after Reopen the notice is in %q", where)
	}
	if n := eval[int](b, `document.querySelectorAll('button.reopen').length`); n != 0 {
		t.Errorf("%d Reopen buttons left after reopening the only finished layer", n)
	}
	if l, err := s.store.LayerOf(context.Background(), first, layla.ID); err != nil || l.Status != "in_progress" {
		t.Errorf("after Reopen layla's layer is %q (%v)", l.Status, err)
	}
}

// noticeInSightJS names the nearest element with an id around the form
// notice and whether the notice is wholly inside the window.
const noticeInSightJS = `(() => {
  const n = document.getElementById('form-notice');
  const r = n.getBoundingClientRect();
  const seen = r.top >= 0 && r.bottom <= innerHeight ? 'in sight' : 'out of sight at ' + Math.round(r.top);
  return n.parentElement.closest('[id]').id + ' ' + seen;
})()`

// TestBrowserLongExternalID: a document id of 88 characters without a
// break wraps in its column instead of squeezing the text preview and the
// assignees to a word a line.
func TestBrowserLongExternalID(t *testing.T) {
	long := "long-id-" + strings.Repeat("x", 80)
	s := newSite(t, codec.Doc{Line: 1, ExternalID: long, Text: "قال الوزير إن الاقتصاد ينمو بسرعة في هذا العام.", Meta: json.RawMessage(`{}`)})
	addSiteMember(t, s, "layla", db.RoleAnnotator)
	if _, err := s.store.Assign(context.Background(), s.proj.ID, s.user, db.AssignRequest{User: "layla", ExternalIDs: []string{long}}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
	b.waitFor(`document.readyState === 'complete' && document.querySelector('table.docs td.assignees') !== null`)
	widths := eval[map[string]float64](b, `Object.fromEntries(['doc-id', 'preview', 'assignees'].map((c) => [c, document.querySelector('table.docs td.' + c).getBoundingClientRect().width]))`)
	if widths["doc-id"] > 300 || widths["preview"] < 190 || widths["assignees"] < 170 {
		t.Errorf("column widths %v: the id should wrap within about 16rem, leaving the preview and assignees room", widths)
	}
	b.screenshot("long-external-id")
	// The notice after reopening names the id; it wraps too, at 320 px.
	d := s.docs[long]
	b.run(chromedp.EmulateViewport(320, 256), chromedp.Navigate(fmt.Sprintf("%s/projects/%d?done=reopen&doc=%d&user=layla", s.url, s.proj.ID, d.ID)))
	b.waitFor(`document.readyState === 'complete' && document.getElementById('form-notice') !== null`)
	if got := eval[string](b, `document.getElementById('form-notice').textContent`); !strings.Contains(got, long) {
		t.Errorf("the reopen notice %q does not name the document", got)
	}
	b.checkReflow("the project page with a reopen notice", 320, 256)
	b.run(chromedp.EmulateViewport(1366, 900))
}
