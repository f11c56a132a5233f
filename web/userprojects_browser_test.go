package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// accountProjectsJS is, for each account on the Users page by name, its
// projects cell as shown: each project's link target, name and role, or
// the cell's words when it lists none.
const accountProjectsJS = `Object.fromEntries([...document.querySelectorAll('#accounts tbody tr')].map((tr) => {
  const cell = tr.querySelector('td.user-projects'), items = [...cell.querySelectorAll('li')];
  const said = items.length ? items.map((li) => { const a = li.querySelector('a');
    return a.getAttribute('href') + ' ' + a.querySelector('bdi').textContent + ' ' + li.querySelector('.role').textContent; }).join(' | ')
    : cell.innerText.trim();
  return [tr.cells[0].textContent.trim(), said];
}))`

// TestBrowserUsersPageProjects: the Users page shows each account's
// projects and its role in each, or for an admin that they act in every
// project, in English and in
// Arabic, and fits a 1366x768 laptop, the same at 200% zoom (640x360 CSS
// px) and a 390 px phone, every cell in sight, a long project name
// wrapped rather than widening the table.
func TestBrowserUsersPageProjects(t *testing.T) {
	s := newSite(t) // annotator: an admin in no project; project Demo
	ctx := context.Background()
	addSiteMember(t, s, "layla", db.RoleAnnotator)
	omar := addSiteMember(t, s, "omar", db.RoleReviewer)
	long := "أرشيف نشرات الأخبار المسائية للإذاعة الوطنية " + strings.Repeat("x", 50)
	news, err := s.store.CreateProject(ctx, long, nil, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetMember(ctx, news.ID, s.user, omar, db.RoleManager); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	for _, lang := range []struct {
		code                         string
		none, annotator, rev, mgr, h string
	}{
		{"en", "every project (admin)", "annotator", "reviewer", "manager", "Projects"},
		{"ar", "كل المشاريع (مشرف)", "موسِّم", "مراجع", "مدير", "المشاريع"},
	} {
		if err := s.store.SetLanguage(ctx, s.user, lang.code); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"annotator": lang.none,
			"layla":     fmt.Sprintf("/projects/%d Demo (%s)", s.proj.ID, lang.annotator),
			"omar":      fmt.Sprintf("/projects/%d Demo (%s) | /projects/%d %s (%s)", s.proj.ID, lang.rev, news.ID, long, lang.mgr),
		}
		for _, vp := range []struct {
			axeViewport
			name string
		}{{axeViewport{1366, 768, 1}, "laptop"}, {axeViewport{640, 360, 2}, "zoom"}, {phone, "phone"}} {
			b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)), chromedp.Navigate(s.url+"/admin/users"))
			b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded" && document.getElementById('accounts') !== null`)
			at := lang.code + " " + vp.name
			if got := eval[string](b, `document.documentElement.lang`); got != lang.code {
				t.Errorf("%s: the page's language is %q", at, got)
			}
			got := eval[map[string]string](b, accountProjectsJS)
			for name, w := range want {
				if got[name] != w {
					t.Errorf("%s: %s's projects show %q, want %q", at, name, got[name], w)
				}
			}
			if vp.name == "phone" {
				if got := b.labelOf(`#user-layla td.user-projects`); got != fmt.Sprintf("%q", lang.h+": ") {
					t.Errorf("%s: the projects cell is labelled %s", at, got)
				}
			} else if got := eval[string](b, `document.querySelector('#accounts thead th:nth-child(3)').textContent`); got != lang.h {
				t.Errorf("%s: the projects' column is headed %q", at, got)
			}
			b.checkFits("users "+at, "accounts", vp.axeViewport)
			if w := eval[int](b, `document.querySelector('#user-omar td.user-projects li:last-child').getClientRects().length`); w < 1 {
				t.Errorf("%s: omar's second project is not drawn", at)
			}
			eval[bool](b, `(document.getElementById('user-omar').scrollIntoView({block: 'center'}), true)`)
			b.viewShot("users-projects-" + lang.code + "-" + vp.name)
		}
	}
}
