package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestReviewAnywayAsksAboutWhatItWarnedOf: Mark gold reviewed with spans
// undecided warns of them, and its "anyway" asks about those spans, not
// about quotations the document does not have.
func TestReviewAnywayAsksAboutWhatItWarnedOf(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	redirectsTo(t, te.rana.post(review+"/done", nil), review+"?warn=undecided#gold-undecided-warning")
	d := htmlPage(t, te.rana.get(review+"?warn=undecided"), http.StatusOK)
	question := d.Find("#gold-undecided-warning #mark-reviewed-anyway").Closest("form").AttrOr("data-confirm", "")
	if !strings.HasSuffix(question, "The undecided span stays out of gold.") || strings.Contains(question, "Quotation") {
		t.Errorf("Mark gold reviewed anyway, with a span undecided, asks %q", question)
	}
}

// TestReviewCaptionCountsOneSpan: the list of one span says so in the
// singular.
func TestReviewCaptionCountsOneSpan(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if got, want := d.Find("#candidates caption").Text(), "1 distinct span; those not every annotator marked are flagged “disputed”."; got != want {
		t.Errorf("caption %q, want %q", got, want)
	}
}
