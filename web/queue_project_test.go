package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"hashiya/db"
	"hashiya/db/codec"
)

// withSecondProject adds ANERCorp, a project that assigns nothing, with
// two documents, and makes layla an annotator of it, so all of it is in
// her queue after the first project. It returns the project and its
// documents' ids, in import order.
func (te *teamEnv) withSecondProject() (db.Project, []int64) {
	te.t.Helper()
	ctx := context.Background()
	aner, err := te.store.CreateProject(ctx, "ANERCorp", nil, te.user.ID)
	if err != nil {
		te.t.Fatal(err)
	}
	docs := []codec.Doc{
		{Line: 1, ExternalID: "aner-0001", Text: "قال الوزير.", Meta: json.RawMessage(`{}`)},
		{Line: 2, ExternalID: "aner-0002", Text: "وصل الوفد.", Meta: json.RawMessage(`{}`)},
	}
	if _, err := te.store.Import(ctx, db.ImportOptions{ProjectID: aner.ID, File: "aner", By: te.user.ID}, docs); err != nil {
		te.t.Fatal(err)
	}
	if err := te.store.SetMember(ctx, aner.ID, te.user, te.layla.user, db.RoleAnnotator); err != nil {
		te.t.Fatal(err)
	}
	list, err := te.store.Documents(ctx, aner.ID, te.user, db.DocumentPage{Limit: 10})
	if err != nil || len(list.Docs) != 2 {
		te.t.Fatalf("ANERCorp lists %d documents (%v)", len(list.Docs), err)
	}
	return aner, []int64{list.Docs[0].ID, list.Docs[1].ID}
}

// getFrom is get with the Referer a browser sends for a link on page from.
func (a *queueActor) getFrom(path, from string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Referer", "http://example.com"+from)
	return a.request(req)
}

func projectPath(id int64) string { return fmt.Sprintf("/projects/%d", id) }

// TestMarkDoneStaysInProject: marking done goes to the next document of
// the same project, then, with none left there, to the project's page,
// which says its work is done and names the project where work remains,
// never to another project's document.
func TestMarkDoneStaysInProject(t *testing.T) {
	te := newTeamEnv(t)
	d1, d3 := te.docs[0], te.docs[2]
	te.assign("layla", d3, d1)
	aner, anerDocs := te.withSecondProject()
	anerFirst := docPath(db.Document{ID: anerDocs[0]})
	p := projectPath(te.proj.ID)

	redirectsTo(t, te.layla.post(docPath(d1)+"/done", nil), docPath(d3)+fmt.Sprintf("?done=next&prev=%d", d1.ID))
	// Next document, from a page of this project, stays in it.
	redirectsTo(t, te.layla.getFrom("/next", docPath(d1)), docPath(d3))
	redirectsTo(t, te.layla.post(docPath(d3)+"/done", nil), fmt.Sprintf("%s?marked=%d", p, d3.ID))

	d := htmlPage(t, te.layla.get(fmt.Sprintf("%s?marked=%d", p, d3.ID)), http.StatusOK)
	work := d.Find("#your-work")
	if got := work.Find("#queue-notice").Text(); got != "Marked doc-3 done." {
		t.Errorf("notice %q", got)
	}
	if got := work.Find("#project-done").Text(); got != "All your documents of أخبار are done" {
		t.Errorf("done says %q", got)
	}
	if got := work.Find(".count").First().Text(); got != "2 / 2" || work.Find("#continue").Length() != 0 {
		t.Errorf("progress %q, or Continue offered with nothing left", got)
	}
	other := work.Find(".other-work li")
	link := other.Find("a.queue-project")
	if other.Length() != 1 || link.Text() != "ANERCorp" || link.AttrOr("href", "") != projectPath(aner.ID) ||
		squash(other.Find(".progress-text").Text()) != "0 / 2 done, 2 documents left" {
		t.Errorf("other projects with work: %q", squash(work.Find(".other-work").Text()))
	}

	// Nothing left here: /next for this project, or from its pages, comes
	// back to its page; home's /next, asked for no project, goes on.
	for _, from := range []string{docPath(d3), p} {
		redirectsTo(t, te.layla.getFrom("/next", from), p)
	}
	redirectsTo(t, te.layla.get(fmt.Sprintf("/next?project=%d", te.proj.ID)), p)
	redirectsTo(t, te.layla.get("/next"), anerFirst)
	expect(t, te.layla.get("/next?project=demo"), http.StatusBadRequest)
	// A Referer naming a document she may not see is no hint.
	te.assign("karim", te.docs[1])
	redirectsTo(t, te.layla.getFrom("/next", docPath(te.docs[1])), anerFirst)

	// Once ANERCorp is done too, the page says the whole queue is.
	for _, id := range anerDocs {
		te.layla.post(fmt.Sprintf("/documents/%d/done", id), nil)
	}
	d = htmlPage(t, te.layla.get(p), http.StatusOK)
	if d.Find("#queue-finished").Length() != 1 || d.Find(".other-work").Length() != 0 {
		t.Errorf("finished queue: %q", squash(d.Find("#your-work").Text()))
	}
}

// TestProjectPageContinue: the top of an annotator's project page holds
// their progress there, Continue and the guidelines; a reviewer's, what
// is ready for review.
func TestProjectPageContinue(t *testing.T) {
	te := newTeamEnv(t)
	d1, d3 := te.docs[0], te.docs[2]
	te.assign("layla", d3, d1)
	p := projectPath(te.proj.ID)

	d := htmlPage(t, te.layla.get(p), http.StatusOK)
	work := d.Find("#your-work")
	if got := work.Find("#continue").AttrOr("href", ""); got != docPath(d1) || work.Find("#continue").Text() != "Continue: next document" {
		t.Errorf("Continue goes to %q, want %q", got, docPath(d1))
	}
	bar := work.Find("progress")
	if work.Find(".count").Text() != "0 / 2" || bar.AttrOr("aria-label", "") != "أخبار: 0 of 2 documents done" {
		t.Errorf("progress %q, bar %q", work.Find(".count").Text(), bar.AttrOr("aria-label", ""))
	}
	if work.Find("#guidelines-link").Length() != 0 || work.Find(".review-ready").Length() != 0 {
		t.Errorf("an annotator of a project without guidelines is shown %q", squash(work.Text()))
	}
	// karim, an annotator of a project that assigns him nothing.
	if htmlPage(t, te.karim.get(p), http.StatusOK).Find("#your-work #nothing-assigned").Length() != 1 {
		t.Error("karim is not told nothing is assigned to him")
	}

	if err := te.store.SetGuidelines(context.Background(), te.proj.ID, te.user, "Mark every speaker."); err != nil {
		t.Fatal(err)
	}
	te.layla.post(docPath(d1)+"/done", nil)
	d = htmlPage(t, te.layla.get(p), http.StatusOK)
	work = d.Find("#your-work")
	if work.Find(".count").Text() != "1 / 2" || work.Find("#continue").AttrOr("href", "") != docPath(d3) {
		t.Errorf("after one done: %q, Continue to %q", squash(work.Text()), work.Find("#continue").AttrOr("href", ""))
	}
	if href := work.Find("#guidelines-link").AttrOr("href", ""); href != "#guidelines" || d.Find("#guidelines").Length() != 1 {
		t.Errorf("guidelines link %q, target found %d times", href, d.Find("#guidelines").Length())
	}

	// Reviewers and managers read how many documents every annotator has
	// finished: doc-1 now, doc-3 once layla marks it done.
	te.layla.post(docPath(d3)+"/done", nil)
	for _, who := range []*queueActor{te.rana, te.samir} {
		work = htmlPage(t, who.get(p), http.StatusOK).Find("#your-work")
		if got := work.Find("#ready-count").Text(); got != "2 documents" ||
			work.Find("a.next-review").AttrOr("href", "") != docPath(d1)+"/review" || work.Find("progress").Length() != 0 {
			t.Errorf("%s reads %q", who.user.Name, squash(work.Text()))
		}
	}
}

// squash is s with each run of white space one space, as it reads.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
