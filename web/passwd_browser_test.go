package web_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"golang.org/x/crypto/bcrypt"
)

// TestBrowserResetPassword: Reset password on the Users page asks first
// and, declined, changes nothing; accepted, the page shows the new
// password once, beside a Copy button that puts it on the clipboard, and
// loaded again it shows it no more.
func TestBrowserResetPassword(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	hash, err := bcrypt.GenerateFromPassword([]byte("forgotten password"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.CreateUser(ctx, "layla", string(hash), false); err != nil {
		t.Fatal(err)
	}
	storedHash := func() string {
		_, h, err := s.store.Credentials(ctx, "layla")
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	b := newBrowser(t, s)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		perm := cdpbrowser.SetPermissionParams{Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted, Origin: s.url}
		if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetPermission, perm); err != nil {
			t.Fatalf("allow %s: %v", name, err)
		}
	}
	var accept atomic.Bool
	asked := b.answerDialogs("Reset the password of layla? Their current password stops working and they are logged out everywhere", accept.Load)
	reset := `#user-layla button[aria-label="Reset password for layla"]`
	b.run(chromedp.Navigate(s.url+"/admin/users"), chromedp.WaitVisible(reset))
	if eval[bool](b, `document.querySelector('#user-annotator form[action="/admin/users/password"]') !== null`) {
		t.Error("the admin's own row offers Reset password")
	}

	b.run(chromedp.Click(reset))
	for deadline := time.Now().Add(5 * time.Second); asked.Load() != 1; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("asked %d times, want once", asked.Load())
		}
	}
	time.Sleep(300 * time.Millisecond) // a form sent anyway would be on its way by now
	if storedHash() != string(hash) || eval[bool](b, `document.getElementById('password-reset') !== null`) {
		t.Fatal("declined, the reset went ahead")
	}

	accept.Store(true)
	b.run(chromedp.Click(reset))
	b.waitFor(`document.getElementById('reset-password') !== null && document.readyState === "complete"`)
	password := eval[string](b, `document.getElementById('reset-password').textContent`)
	if asked.Load() != 2 || len(password) < 20 || bcrypt.CompareHashAndPassword([]byte(storedHash()), []byte(password)) != nil {
		t.Fatalf("asked %d times; the page shows %q, which is not layla's new password", asked.Load(), password)
	}
	b.run(chromedp.Click(`button[data-copy="reset-password"]`))
	b.waitFor(`document.getElementById('reset-password-copied').textContent !== ''`)
	if got := eval[string](b, `navigator.clipboard.readText().then((text) => document.getElementById('reset-password-copied').textContent + ' | ' + text)`); got != "Copied. | "+password {
		t.Errorf("after Copy: %q", got)
	}

	b.run(chromedp.Navigate(s.url+"/admin/users"), chromedp.WaitVisible(reset))
	if eval[bool](b, fmt.Sprintf(`document.body.textContent.includes(%q)`, password)) {
		t.Error("the Users page, loaded again, shows the password")
	}
}
