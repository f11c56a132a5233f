package web_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"hashiya/db"
)

// TestStatusFilterOnlyForOwnLayers: the document list offers "Your
// status" to annotators and to a reviewer or manager with a layer in the
// project or documents assigned to them, not to one who never annotates,
// for whom every status but "any" would list nothing.
func TestStatusFilterOnlyForOwnLayers(t *testing.T) {
	te := newTeamEnv(t)
	ctx := context.Background()
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	shown := func(a *queueActor, query string) bool {
		t.Helper()
		return htmlPage(t, a.get(p+query), http.StatusOK).Find("#doc-filter #filter-status").Length() == 1
	}
	for _, c := range []struct {
		who   string
		actor *queueActor
		query string
		want  bool
	}{
		{"an annotator with no layer yet", te.layla, "", true},
		{"a reviewer who never annotated", te.rana, "", false},
		{"a manager who never annotated", te.samir, "", false},
		{"a manager filtering by a status all the same", te.samir, "?status=done", true},
	} {
		if got := shown(c.actor, c.query); got != c.want {
			t.Errorf("%s%s: Your status offered %v, want %v", c.who, c.query, got, c.want)
		}
	}
	if _, err := te.store.CreateSpan(ctx, te.docs[2], te.samir.user.ID, te.samir.user.ID, db.SpanInput{Start: 0, End: 2, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	if !shown(te.samir, "") {
		t.Error("a manager with a layer of a document is not offered Your status")
	}
	if _, err := te.store.Assign(ctx, te.proj.ID, te.user, db.AssignRequest{User: "rana", ExternalIDs: []string{te.docs[1].ExternalID}}); err != nil {
		t.Fatal(err)
	}
	if !shown(te.rana, "") {
		t.Error("a reviewer with a document assigned is not offered Your status")
	}
}
