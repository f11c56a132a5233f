package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hashiya/db"
)

// TestProjectPageWording: an admin is told they act as a manager, not
// that they are one; an empty project shows neither the review count nor
// the export form, only the call to import; each export dropdown has a
// whole name of its own.
func TestProjectPageWording(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d", te.proj.ID)
	for _, c := range []struct {
		who  *queueActor
		want string
	}{{te.amina, "admin (acts as manager)"}, {te.samir, "manager"}, {te.karim, "annotator"}} {
		if got := htmlPage(t, c.who.get(page), http.StatusOK).Find("#your-role").Text(); got != c.want {
			t.Errorf("%s's role reads %q, want %q", c.who.user.Name, got, c.want)
		}
	}
	home := htmlPage(t, te.amina.get("/"), http.StatusOK)
	if got := home.Find("ul.projects .role").First().Text(); got != "admin (acts as manager)" {
		t.Errorf("home lists the admin's role as %q", got)
	}

	d := htmlPage(t, te.samir.get(page), http.StatusOK)
	want := map[string]string{
		"export-format":  "Export format",
		"export-layer":   "Export layer",
		"export-status":  "Export documents with status",
		"export-offsets": "Export offsets in",
		"export-part":    "Export documents of part",
	}
	if n := d.Find("form.export select").Length(); n != len(want) {
		t.Errorf("the export form has %d dropdowns, want %d", n, len(want))
	}
	for id, name := range want {
		if got := d.Find("#"+id).AttrOr("aria-label", ""); got != name {
			t.Errorf("#%s is named %q, want %q", id, got, name)
		}
	}
	if d.Find("#ready-count").Length() != 1 {
		t.Error("a project with documents does not count those ready for review")
	}

	empty, err := te.store.CreateProject(t.Context(), "empty", nil, te.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	d = htmlPage(t, te.amina.get(fmt.Sprintf("/projects/%d", empty.ID)), http.StatusOK)
	if d.Find("form.export").Length() != 0 || d.Find("#ready-count").Length() != 0 {
		t.Errorf("an empty project shows the export form (%d) or a review count (%d)", d.Find("form.export").Length(), d.Find("#ready-count").Length())
	}
	if got := d.Find("#docs-empty").Text(); !strings.HasPrefix(got, "No documents yet. Import a corpus") {
		t.Errorf("an empty project's call to import reads %q", got)
	}
}

// TestProjectPageSaysWhyNothingIsReady: with no document ready for
// review, the project page says why beside its count, as the home page's
// To review does: nothing annotated yet, annotators still at work, or
// every document reviewed; once one is ready it links to it instead.
func TestProjectPageSaysWhyNothingIsReady(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d", te.proj.ID)
	why := func(step string, want string) {
		t.Helper()
		d := htmlPage(t, te.rana.get(page), http.StatusOK)
		if got := d.Find(".review-ready #ready-why").Text(); got != want {
			t.Errorf("%s: the review count says %q, want %q (%q)", step, got, want, strings.Join(strings.Fields(d.Find(".review-ready").Text()), " "))
		}
		if link := d.Find(".review-ready a.next-review").Length(); (want == "") != (link == 1) {
			t.Errorf("%s: %d Next to review links", step, link)
		}
	}
	why("nothing annotated", "Nothing annotated yet")
	if _, err := te.store.CreateSpan(t.Context(), te.docs[0], te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: 0, End: 1, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	why("layla at work", "Nothing ready: annotators are still at work")
	if _, err := te.store.MarkDone(t.Context(), te.docs[0], te.layla.user); err != nil {
		t.Fatal(err)
	}
	why("layla done", "")
	for _, d := range te.docs {
		if _, err := te.store.MarkReviewed(t.Context(), d, te.rana.user); err != nil {
			t.Fatal(err)
		}
	}
	why("every document reviewed", "All reviewed")
}

// TestProjectPageNobodyAssigned: while the project assigns no document,
// a manager's list says of each row with nobody assigned that every
// annotator may open it, as every annotator then may, and calls nobody
// who works on one "not assigned"; once the project assigns one, a row
// with nobody is nobody's and layla, working unassigned, is so named.
func TestProjectPageNobodyAssigned(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d", te.proj.ID)
	if _, err := te.store.CreateSpan(t.Context(), te.docs[0], te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: 0, End: 1, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	rows := func() (string, string) {
		t.Helper()
		d := htmlPage(t, te.samir.get(page), http.StatusOK)
		return strings.TrimSpace(d.Find(fmt.Sprintf("#doc-%d .empty", te.docs[1].ID)).Text()),
			strings.Join(strings.Fields(d.Find(fmt.Sprintf("#doc-%d ul.assignees li", te.docs[0].ID)).Text()), " ")
	}
	nobody, layla := rows()
	if nobody != "nobody yet: every annotator may open it" || layla != "layla in progress" {
		t.Errorf("with nothing assigned, a row with nobody reads %q, layla's %q", nobody, layla)
	}
	te.assign("karim", te.docs[2])
	nobody, layla = rows()
	if nobody != "nobody" || layla != "layla in progress (not assigned)" {
		t.Errorf("with a document assigned, a row with nobody reads %q, layla's %q", nobody, layla)
	}
}
