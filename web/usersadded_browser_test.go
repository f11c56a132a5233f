package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserUserAddedLinksOn: after Add user, the Users page's notice
// links to the Members of each project, the next step, in English and
// in Arabic, passing axe on a laptop, at 200% zoom and on a phone.
func TestBrowserUserAddedLinksOn(t *testing.T) {
	src := axeScript(t)
	s := newSite(t)
	ctx := context.Background()
	addSiteMember(t, s, "layla", db.RoleAnnotator)
	b := newBrowser(t, s)
	for _, lang := range []struct{ code, next string }{
		{"en", "Next, add them to a project under its Members: Demo"},
		{"ar", "الخطوة التالية: أضفه إلى مشروع في قسم أعضائه: Demo"},
	} {
		if err := s.store.SetLanguage(ctx, s.user, lang.code); err != nil {
			t.Fatal(err)
		}
		b.run(chromedp.Navigate(s.url+"/admin/users?added=layla"), chromedp.WaitVisible(chromedp.CSS(".notice")))
		if got := eval[string](b, `document.querySelector('.notice a').getAttribute('href')`); got != fmt.Sprintf("/projects/%d#members-title", s.proj.ID) {
			t.Errorf("%s: the notice links to %q, want the project's Members", lang.code, got)
		}
		if got := eval[string](b, `document.querySelector('.notice').innerText`); !containsLine(got, lang.next) {
			t.Errorf("%s: the notice reads %q, want a line %q", lang.code, got, lang.next)
		}
		b.checkAxe(src, "users page after Add user ("+lang.code+")", axeLaptop, axeViewport{683, 384, 2}, axeViewport{360, 640, 1})
		b.run(chromedp.EmulateViewport(360, 640))
		b.viewShot("users-added-" + lang.code + "-phone")
		b.run(chromedp.EmulateViewport(1366, 900))
	}
}

func containsLine(text, line string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.Trim(l, " \u2068\u2069") == line {
			return true
		}
	}
	return false
}
