package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestAgainstGoldWithoutLayers: with a document's gold reviewed but no
// annotator's layer of it, "Against gold" says so, not that nothing is
// reviewed yet.
func TestAgainstGoldWithoutLayers(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d/agreement", te.proj.ID)
	te.addSpan(0, "أحمد", "PER")
	says := func() string {
		d := htmlPage(t, te.rana.get(page), http.StatusOK)
		return strings.Join(strings.Fields(d.Find("#gold-empty").Text()), " ")
	}
	if got := says(); !strings.HasPrefix(got, "No reviewed gold yet") {
		t.Errorf("gold not reviewed: %q", got)
	}
	if _, err := te.store.MarkReviewed(t.Context(), te.doc, te.rana.user); err != nil {
		t.Fatal(err)
	}
	want := "Gold is reviewed in 1 document, but no annotator has a layer there to score against it"
	if got := says(); !strings.HasPrefix(got, want) {
		t.Errorf("gold reviewed, no layer: %q, want it to start %q", got, want)
	}
}
