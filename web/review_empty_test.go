package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hashiya/db"
)

// TestReviewOfAnEmptyDocument: a review with nothing marked says whom
// the document is assigned to, links to the project's documents ready
// for review, and does not make Mark gold reviewed its call to action
// until there is something to decide and every span of it is decided.
func TestReviewOfAnEmptyDocument(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.docs[1]
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }

	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if got, want := words(d.Find("#review-waits").Text()), "It is assigned to nobody yet: a manager of the project assigns it on the project's page."; got != want {
		t.Errorf("unassigned, the empty review says %q, want %q", got, want)
	}
	link := d.Find("#ready-link")
	if href, _ := link.Attr("href"); href != fmt.Sprintf("/projects/%d#your-work", te.proj.ID) || !strings.Contains(link.Text(), "ready for review") {
		t.Errorf("the link to the documents ready for review is %q (%q)", href, link.Text())
	}
	if d.Find("#mark-reviewed button.primary").Length() != 0 {
		t.Error("Mark gold reviewed is the primary action of a review with nothing to decide")
	}
	if p := htmlPage(t, te.rana.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK); p.Find("#your-work #ready-count").Length() != 1 {
		t.Error("the project page the link leads to has no count of documents ready for review at #your-work")
	}

	for _, name := range []string{"layla", "karim"} {
		if _, err := te.store.Assign(t.Context(), te.proj.ID, te.samir.user, db.AssignRequest{User: name, ExternalIDs: []string{doc.ExternalID}}); err != nil {
			t.Fatal(err)
		}
	}
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	if got, want := words(d.Find("#review-waits").Text()), "It is assigned to karim (new) and layla (new)."; got != want {
		t.Errorf("assigned, the empty review says %q, want %q", got, want)
	}

	start, end := cpSpan(t, doc.Text, "نص")
	if _, err := te.store.CreateSpan(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: start, End: end, Label: "LOC"}); err != nil {
		t.Fatal(err)
	}
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	if d.Find("#candidates-empty").Length() != 0 || d.Find("#mark-reviewed button").Length() != 1 || d.Find("#mark-reviewed button.primary").Length() != 0 {
		t.Errorf("with a span to decide: empty state %d, Mark gold reviewed %d, primary %d", d.Find("#candidates-empty").Length(), d.Find("#mark-reviewed button").Length(), d.Find("#mark-reviewed button.primary").Length())
	}
	// Once every span is decided, finishing the review is the next step.
	if err := te.store.RejectForGold(t.Context(), doc, te.rana.user.ID, db.SpanKey{Label: "LOC", Start: start, End: end}, true); err != nil {
		t.Fatal(err)
	}
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	if d.Find("#mark-reviewed button.primary").Length() != 1 {
		t.Error("with every span decided, Mark gold reviewed is not the primary action")
	}
}
