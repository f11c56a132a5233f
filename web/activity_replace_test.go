package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"hashiya/db"
)

// TestActivityReplaceWithLinks: rana accepts layla's ORG with her links
// where gold gives the words PER, then takes it back. The log says what
// the links brought into gold beside the label replaced, and the undo
// what it took out with them.
func TestActivityReplaceWithLinks(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	per := te.addSpan(te.karim.user.ID, "أحمد", "PER")
	org := te.addSpan(te.layla.user.ID, "أحمد", "ORG")
	city := te.addSpan(te.layla.user.ID, "الرياض", "ORG")
	if _, err := te.store.CreateRelation(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, db.RelationInput{Type: "refers_to", From: org.ID, To: city.ID}); err != nil {
		t.Fatal(err)
	}
	redirectsTo(t, te.rana.post(review+"/accept", acceptForm("karim", per)), review+"?done=accepted"+at(fmt.Sprintf("#c-%d-%d-PER", per.Start, per.End)))
	orgRow := fmt.Sprintf("c-%d-%d-ORG", org.Start, org.End)
	withLinks := withField(withField(acceptForm("layla", org), "links", "1"), "replaces", "PER")
	redirectsTo(t, te.rana.post(review+"/accept", withLinks), review+"?done=replaced&n=0&spans=1&linked=1"+at("#"+orgRow))
	event := htmlPage(t, te.rana.get(review+"?done=replaced&at="+orgRow), http.StatusOK).Find(`#undo-replace input[name="replace"]`).AttrOr("value", "")
	if event == "" {
		t.Fatal("no undo offered after the accept")
	}
	htmlPage(t, decideInPlace(te.rana, review+"/undo-replace", url.Values{"replace": {event}}), http.StatusOK)

	d := htmlPage(t, te.samir.get(fmt.Sprintf("/projects/%d/activity?who=rana", te.proj.ID)), http.StatusOK)
	rows := activityRows(d.Find("table.activity tbody tr"))
	for _, want := range []string{
		fmt.Sprintf("rana | doc-1 | accepted ORG %d–%d into gold in place of PER, with layla's links: 1 span and 1 link", org.Start, org.End),
		fmt.Sprintf("rana | doc-1 | took back accepting ORG %d–%d in place of PER, which gold holds again, taking out what layla's links brought: 1 span and 1 link", org.Start, org.End),
	} {
		if !slices.Contains(rows, want) {
			t.Errorf("the activity has no row\n%s\nit reads\n%s", want, strings.Join(rows, "\n"))
		}
	}
}
