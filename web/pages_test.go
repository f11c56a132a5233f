package web_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// words is a selection's text with its white space collapsed.
func words(s *goquery.Selection) string { return strings.Join(strings.Fields(s.Text()), " ") }

// TestLoginAfterWrongPassword: after a wrong password the page comes back
// with the name kept and the focus in the password field, which is
// marked invalid and described by the error; a fresh page starts at the
// name.
func TestLoginAfterWrongPassword(t *testing.T) {
	s := newRoleWorld(t).server(t)
	d := htmlPage(t, s.loginForm("annotator", "wrong password", "", nil), http.StatusUnauthorized)
	user, pass := d.Find("#username"), d.Find("#password")
	if words(d.Find("#login-error")) != "Wrong username or password." {
		t.Errorf("error %q", words(d.Find("#login-error")))
	}
	if _, ok := pass.Attr("autofocus"); !ok || pass.AttrOr("aria-invalid", "") != "true" || pass.AttrOr("aria-describedby", "") != "login-error" {
		t.Errorf("password field after a wrong password: %s", attrs(pass))
	}
	if _, ok := user.Attr("autofocus"); ok || user.AttrOr("value", "") != "annotator" || user.AttrOr("aria-describedby", "") != "login-error" {
		t.Errorf("username field after a wrong password: %s", attrs(user))
	}

	d = htmlPage(t, s.send(asAnonymous, http.MethodGet, "/login", "", ""), http.StatusOK)
	if _, ok := d.Find("#username").Attr("autofocus"); !ok {
		t.Errorf("a fresh login page does not start at the name: %s", attrs(d.Find("#username")))
	}
	if d.Find("[autofocus]").Length() != 1 || d.Find("[aria-invalid], [aria-describedby]").Length() != 0 {
		t.Errorf("a fresh login page marks fields: %s", attrs(d.Find("#password")))
	}
}

func attrs(s *goquery.Selection) string {
	var b strings.Builder
	for _, a := range s.Nodes[0].Attr {
		fmt.Fprintf(&b, "%s=%q ", a.Key, a.Val)
	}
	return b.String()
}

// TestFavicon: the icon browsers ask every page for is served to anyone,
// as an SVG, cached.
func TestFavicon(t *testing.T) {
	s := newRoleWorld(t).server(t)
	rec := s.send(asAnonymous, http.MethodGet, "/favicon.ico", "", "")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/svg+xml" || !strings.Contains(rec.Header().Get("Cache-Control"), "max-age=604800") {
		t.Fatalf("status %d, type %q, cache %q", rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control"))
	}
	dec := xml.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	var root string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the icon is not well-formed XML: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && root == "" {
			root = el.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("the icon's root element is %q, want svg", root)
	}
}

// TestForbiddenPagesSaySentences: a 403 page tells the user in sentences
// why and what they can do; the API's JSON keeps its terse text.
func TestForbiddenPagesSaySentences(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	name := te.proj.Name
	for _, c := range []struct {
		who    *queueActor
		method string
		path   string
		says   string
	}{
		{te.layla, http.MethodGet, p + "/agreement", "Only reviewers and managers of project " + name + " see this page. Ask a manager of the project for the reviewer role."},
		{te.rana, http.MethodGet, p + "/activity", "Only managers of project " + name + " see this page. Ask a manager of the project if you need what it shows."},
		{te.rana, http.MethodPost, p + "/members", "Only managers of project " + name + " may do this. Ask a manager of the project to do it, or to make you a manager."},
		{te.layla, http.MethodGet, fmt.Sprintf("/documents/%d/review", te.doc.ID), "Only reviewers and managers of this project review a document's layers."},
		{te.layla, http.MethodGet, "/admin/users", "Only a global admin manages users. Ask an admin to add, disable or enable an account."},
	} {
		var rec *httptest.ResponseRecorder
		if c.method == http.MethodPost {
			rec = c.who.post(c.path, url.Values{"user": {"karim"}, "role": {"manager"}})
		} else {
			rec = c.who.get(c.path)
		}
		d := htmlPage(t, rec, http.StatusForbidden)
		if got := words(d.Find("main [role=alert]")); !strings.HasPrefix(got, c.says) {
			t.Errorf("%s %s as %s: the page says %q, want %q", c.method, c.path, c.who.user.Name, got, c.says)
		}
	}
	rec := te.layla.get("/api/v1" + p + "/agreement")
	var body map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &body); rec.Code != http.StatusForbidden || err != nil || body["error"] != "only reviewers and managers see this" {
		t.Errorf("the API answers %d %s", rec.Code, rec.Body)
	}
}

// TestHomeStartsWithItsTitle: the home page's first heading is its H1,
// the queues are sections under it, and a project nobody has annotated
// yet is an empty state, not a success.
func TestHomeStartsWithItsTitle(t *testing.T) {
	te := newTeamEnv(t)
	d := htmlPage(t, te.rana.get("/"), http.StatusOK)
	var headings []string
	d.Find("main h1, main h2").Each(func(_ int, s *goquery.Selection) { headings = append(headings, goquery.NodeName(s)+" "+words(s)) })
	if got := strings.Join(headings, " | "); got != "h1 Projects | h2 To review | h2 Your projects" {
		t.Errorf("home headings: %s", got)
	}
	item := d.Find(".review-item")
	if words(item.Find(".empty")) != "Nothing annotated yet" || item.Find(".all-done").Length() != 0 {
		t.Errorf("a project with nothing annotated reads %q", words(item))
	}
}

// TestProjectPageDocumentsFirst: on a manager's project page the
// documents come right after the header, the forms after them, and the
// page's contents link to each section.
func TestProjectPageDocumentsFirst(t *testing.T) {
	te := newTeamEnv(t)
	d := htmlPage(t, te.samir.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK)
	var order []string
	d.Find("main h2").Each(func(_ int, s *goquery.Selection) { order = append(order, s.AttrOr("id", "")) })
	want := "documents-title import-title labels-title relation-types-title guidelines-title members-title assign-title delete-project-title"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("sections %s, want %s", got, want)
	}
	var links []string
	d.Find("#page-sections a").Each(func(_ int, s *goquery.Selection) {
		links = append(links, strings.TrimPrefix(s.AttrOr("href", ""), "#"))
	})
	if got := strings.Join(links, " "); got != want {
		t.Errorf("the page's contents link to %s, want %s", got, want)
	}
	if got := strings.Join(strings.Fields(d.Find("#page-sections p").Text()), " "); !strings.HasPrefix(got, "On this page: Documents · Import · Labels · ") {
		t.Errorf("the page's contents read %q, a space each side of every dot", got)
	}
	// Members see the documents first too, and no manager's contents.
	d = htmlPage(t, te.layla.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK)
	if d.Find("#page-sections").Length() != 0 || d.Find("main h2").First().AttrOr("id", "") != "documents-title" {
		t.Errorf("an annotator's page starts with %q", words(d.Find("main h2").First()))
	}
}

// TestReviewHintIsASentence: the hint about "Mark gold reviewed" reads
// as a sentence naming the button (it stands above the bar holding it)
// and describes the button.
func TestReviewHintIsASentence(t *testing.T) {
	te := newTeamEnv(t)
	d := htmlPage(t, te.rana.get(fmt.Sprintf("/documents/%d/review", te.doc.ID)), http.StatusOK)
	hint := words(d.Find("#mark-reviewed-hint"))
	if hint != "Mark gold reviewed once every span is decided (in gold or rejected). Gold then becomes read only until a manager reopens it, and the next document ready for review opens, if there is one." {
		t.Errorf("hint %q", hint)
	}
	if got := d.Find("#mark-reviewed button").AttrOr("aria-describedby", ""); got != "mark-reviewed-hint" {
		t.Errorf("the button is described by %q", got)
	}
}

// TestUsersPageLayout: the add-user form has a heading of its own, the
// accounts theirs, and the Admin column says yes or no.
func TestUsersPageLayout(t *testing.T) {
	te := newTeamEnv(t)
	d := htmlPage(t, te.amina.get("/admin/users"), http.StatusOK)
	if got := words(d.Find("form[action='/admin/users']").Closest("section").Find("h2")); got != "Add a user" {
		t.Errorf("the add-user form's heading is %q", got)
	}
	if got := words(d.Find("#accounts").Closest("section").Find("h2")); got != "Accounts" {
		t.Errorf("the accounts' heading is %q", got)
	}
	admin := map[string]string{}
	d.Find("#accounts tbody tr").Each(func(_ int, s *goquery.Selection) { admin[words(s.Find("td").Eq(0))] = words(s.Find("td").Eq(1)) })
	if admin["amina"] != "yes" || admin["layla"] != "no" || len(admin) != 6 {
		t.Errorf("Admin column: %v", admin)
	}
	if got := words(d.Find("#accounts caption")); got != "6 users" {
		t.Errorf("caption %q", got)
	}
	// A refused name is marked on its field, in plain words.
	d = htmlPage(t, te.amina.post("/admin/users", url.Values{"name": {"a b"}, "password": {"a long password"}}), http.StatusBadRequest)
	if got := words(d.Find("#users-error")); !strings.HasPrefix(got, `User name "a b" must be`) {
		t.Errorf("refusal %q", got)
	}
	if in := d.Find("#new-user"); in.AttrOr("aria-invalid", "") != "true" || in.AttrOr("aria-describedby", "") != "users-error" {
		t.Errorf("the name field after a refusal: %s", attrs(in))
	}
}
