package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// forbiddenEnglishJS lists the words of the page's header, heading and
// main text (its title too) holding Latin letters, once the names kept
// as they are (users', the project's, a code) are taken out: a refused
// page has nothing else in English to show.
const forbiddenEnglishJS = `((keep) => {
  let text = document.title + '\n' + document.body.innerText;
  for (const k of keep) text = text.split(k).join(' ');
  return text.match(/[A-Za-z]{2,}[^\n]*/g) || [];
})(%s)`

// TestBrowserArabicForbiddenPages opens, as users whose interface is
// Arabic, the pages their role does not open: an annotator at a
// document's review and its comparison, gold's layer and another's, the
// project's activity, agreement, progress, delete page and its list
// filtered by gold's status, the users' admin page, and deleting the
// project through a form; a reviewer at the project's delete page and
// activity, and reopening gold through a form. Each answers 403 with its heading, the reason it gives and
// what to do instead in Arabic, names isolated, no English left, nothing
// wider than the window.
func TestBrowserArabicForbiddenPages(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	karim := addSiteMember(t, s, "karim", db.RoleReviewer)
	for _, u := range []db.User{layla, karim} {
		if err := s.store.SetLanguage(ctx, u, "ar"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.store.Assign(ctx, s.proj.ID, s.user, db.AssignRequest{User: "layla", ExternalIDs: []string{"seed"}}); err != nil {
		t.Fatal(err)
	}
	d, p := fmt.Sprintf("/documents/%d", doc.ID), fmt.Sprintf("/projects/%d", s.proj.ID)
	const (
		reviewers = "لا يرى هذه الصفحة إلا مراجعو المشروع \u2068Demo\u2069 ومديروه. اطلب من أحد مديري المشروع دور المراجع."
		managers  = "لا يرى هذه الصفحة إلا مديرو المشروع \u2068Demo\u2069. اسأل أحد مديري المشروع إن احتجت إلى ما تعرضه."
		ownLayer  = "لا يرى الموسِّمون ولا يغيّرون إلا طبقاتهم. افتح المستند دون اختيار طبقة لتعمل في طبقتك، أو اطلب من أحد مديري المشروع دور المراجع."
	)
	pages := []struct {
		user, name, path, post, says string
	}{
		{"layla", "review", d + "/review", "", "لا يراجع طبقات المستند إلا مراجعو هذا المشروع ومديروه. افتح المستند لتعمل في طبقتك، أو اطلب دور المراجع من أحد مديري المشروع."},
		{"layla", "compare", d + "/review/compare", "", ""},
		{"layla", "gold", d + "?layer=gold", "", ownLayer},
		{"layla", "another's layer", d + "?layer=karim", "", ownLayer},
		{"layla", "activity", p + "/activity", "", managers},
		{"layla", "agreement", p + "/agreement", "", reviewers},
		{"layla", "progress", p + "/progress", "", reviewers},
		{"layla", "delete page", p + "/delete", "", managers},
		{"layla", "gold's status filter", p + "?gold=reviewed", "", ""},
		{"layla", "users", "/admin/users", "", ""},
		{"layla", "the project deleted", p, p + "/delete", "لا يفعل هذا إلا مديرو المشروع \u2068Demo\u2069. اطلب من أحد مديري المشروع أن يفعله، أو أن يجعلك مديرًا."},
		{"karim", "delete page", p + "/delete", "", managers},
		{"karim", "activity", p + "/activity", "", managers},
		{"karim", "gold reopened", d + "/review", d + "/review/reopen", ""},
	}
	b := newBrowser(t, s)
	as := ""
	for _, pg := range pages {
		if pg.user != as {
			b.relogin(s.url, pg.user)
			as = pg.user
		}
		step := pg.user + " at " + pg.name
		var open chromedp.Action[chromedp.Void] = chromedp.Navigate(s.url + pg.path)
		if pg.post != "" {
			// The form a stale or hand-edited page would send, with the
			// page's own token.
			b.run(chromedp.Navigate(s.url+pg.path), chromedp.WaitReady("body"))
			open = chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			  const f = document.createElement('form');
			  f.method = 'post';
			  f.action = %q;
			  const token = document.createElement('input');
			  token.type = 'hidden';
			  token.name = '_csrf';
			  token.value = document.querySelector('meta[name="csrf-token"]').content;
			  f.append(token);
			  document.body.append(f);
			  f.submit();
			})()`, pg.post))
		}
		resp, err := chromedp.RunResponse(b.ctx, open)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if resp.Status != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", step, resp.Status)
		}
		b.waitLoaded()
		b.wantArabicPage(step, map[string]string{"h1": "403 غير مسموح"})
		says := eval[string](b, `(document.querySelector('[role=alert]') || {innerText: 'no alert'}).innerText.replace(/\s+/g, ' ').trim()`)
		if pg.says != "" && says != pg.says {
			t.Errorf("%s: the page says %q, want %q", step, says, pg.says)
		}
		if !strings.ContainsFunc(says, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF }) {
			t.Errorf("%s: the page says %q, not in Arabic", step, says)
		}
		if left := eval[[]string](b, fmt.Sprintf(forbiddenEnglishJS, `['Demo', 'layla', 'karim']`)); len(left) > 0 {
			t.Errorf("%s in Arabic still shows English:\n  %s", step, strings.Join(left, "\n  "))
		}
		if left := eval[[]string](b, fmt.Sprintf(englishLeftJS, `['Demo', 'layla', 'karim']`)); len(left) > 0 {
			t.Errorf("%s in Arabic still shows English:\n  %s", step, strings.Join(left, "\n  "))
		}
		if pg.name == "gold" || pg.name == "the project deleted" {
			b.wantNoSideScroll(step, "arabic-forbidden-"+strings.ReplaceAll(pg.name, " ", "-"))
		}
	}
}
