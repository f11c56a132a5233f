package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestUsersPageProjects: the Users page shows, in each account's row, the
// projects it belongs to, each name a link to its page (the name as text,
// isolated in <bdi>) and the role there, or "no project" for an account
// in none; an admin's says they act in every project. A non-admin is
// refused the page and sees no project of it.
func TestUsersPageProjects(t *testing.T) {
	env := newAPIEnv(t) // amina (admin, in no project), omar; project أخبار
	ctx := t.Context()
	layla, err := env.store.CreateUser(ctx, "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.store.CreateUser(ctx, "sami", "", false); err != nil {
		t.Fatal(err)
	}
	sport, err := env.store.CreateProject(ctx, "Sport <b>2</b>", nil, env.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct {
		project int64
		user    db.User
		role    db.Role
	}{{env.proj.ID, env.other, db.RoleAnnotator}, {sport.ID, layla, db.RoleManager}, {env.proj.ID, layla, db.RoleReviewer}} {
		if err := env.store.SetMember(ctx, m.project, env.user, m.user, m.role); err != nil {
			t.Fatal(err)
		}
	}
	admin := &formUser{env: env, user: env.user, session: env.session}
	d := htmlPage(t, admin.get("/admin/users", env.session), http.StatusOK)
	if got := strings.Join(d.Find("#accounts thead th").Map(func(_ int, th *goquery.Selection) string { return words(th) }), "|"); got != "Username|Admin|Projects|Account|Password" {
		t.Errorf("the accounts' columns: %q", got)
	}
	cell := func(user string) *goquery.Selection { return d.Find("#user-" + user + " td.user-projects") }
	for _, tt := range []struct {
		user  string
		words string   // each project's, or the cell's when there is none, between |
		links []string // href and text of each project link
	}{
		{"amina", "every project (admin)", nil},
		{"sami", "no project", nil},
		{"omar", "أخبار (annotator)", []string{fmt.Sprintf("/projects/%d أخبار", env.proj.ID)}},
		{"layla", "أخبار (reviewer)|Sport <b>2</b> (manager)",
			[]string{fmt.Sprintf("/projects/%d أخبار", env.proj.ID), fmt.Sprintf("/projects/%d Sport <b>2</b>", sport.ID)}},
	} {
		c := cell(tt.user)
		got := words(c)
		if lines := c.Find("li"); lines.Length() > 0 {
			got = strings.Join(lines.Map(func(_ int, li *goquery.Selection) string { return words(li) }), "|")
		}
		if got != tt.words {
			t.Errorf("%s's projects read %q, want %q", tt.user, got, tt.words)
		}
		var links []string
		c.Find("a").Each(func(_ int, a *goquery.Selection) {
			links = append(links, a.AttrOr("href", "")+" "+a.Find("bdi").Text())
		})
		if strings.Join(links, "|") != strings.Join(tt.links, "|") {
			t.Errorf("%s's project links: %q, want %q", tt.user, links, tt.links)
		}
		if got := c.AttrOr("data-label", ""); got != "Projects" {
			t.Errorf("%s's projects cell is labelled %q on a phone", tt.user, got)
		}
	}
	if n := d.Find("#accounts b").Length(); n != 0 {
		t.Errorf("a project's name was written as HTML: %d <b> elements in the table", n)
	}

	omar, err := env.store.CreateSession(ctx, env.other, time.Now(), db.DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	rec := admin.get("/admin/users", omar)
	if rec.Code != http.StatusForbidden || strings.Contains(rec.Body.String(), "Sport") {
		t.Errorf("omar, no admin, asked for the Users page: status %d, naming Sport: %v", rec.Code, strings.Contains(rec.Body.String(), "Sport"))
	}
}
