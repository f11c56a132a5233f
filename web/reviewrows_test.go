package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// decideInPlace sends a review form as the review page's script does,
// asking for the rows it changed rather than a redirect.
func decideInPlace(a *queueActor, path string, form url.Values) *httptest.ResponseRecorder {
	form.Set("_csrf", apiCSRF)
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Review-Rows", "1")
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	return a.request(req)
}

// answerRows is what an in-place answer holds: the places it covers, and
// each row as "anchor: gold cell".
func answerRows(d *goquery.Document) string {
	body := d.Find("#candidates tbody")
	places, ok := body.Attr("data-places")
	if !ok {
		return "no data-places"
	}
	out := []string{places}
	body.Find("tr").Each(func(_ int, r *goquery.Selection) {
		out = append(out, r.AttrOr("id", "")+": "+cells(r.Find("td").Last()))
	})
	return strings.Join(out, "\n")
}

// TestReviewDecidesInPlace: a decision sent by the page's script is
// answered with the rows at the places it changed (the row decided, the
// other labels at its place, the spans its links brought into gold),
// the counts of the whole table, and the notice in the row; refused, it
// names the reason and no row; on the undecided list a decided row is
// not sent back.
func TestReviewDecidesInPlace(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	loc := te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	gpe := te.addSpan(te.karim.user.ID, "الرياض", "GPE")
	q := te.addSpan(te.layla.user.ID, "الاقتصاد ينمو", "QUOTE")
	per := te.addSpan(te.layla.user.ID, "أحمد", "PER")
	if _, err := te.store.CreateRelation(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, db.RelationInput{Type: "speaker", From: q.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	place := func(s db.Span) string { return fmt.Sprintf("%d-%d", s.Start, s.End) }

	d := htmlPage(t, decideInPlace(te.rana, review+"/accept", acceptForm("layla", loc)), http.StatusOK)
	want := place(loc) + "\n" +
		fmt.Sprintf("c-%s-GPE: Accept GPE instead of LOC Reject\n", place(gpe)) +
		fmt.Sprintf("c-%s-LOC: in gold Remove Accepted into gold.", place(loc))
	if got := answerRows(d); got != want {
		t.Errorf("accept answered\n%s\nwant\n%s", got, want)
	}
	if got := d.Find("#undecided-count").Text() + " " + d.Find("#candidates caption").Text(); got != "2 of 4 spans undecided. 4 distinct spans; those not every annotator marked are flagged “disputed”." {
		t.Errorf("accept's counts: %q", got)
	}

	// With its links, the quotation brings its speaker: both places.
	d = htmlPage(t, decideInPlace(te.rana, review+"/accept", withField(acceptForm("layla", q), "links", "1")), http.StatusOK)
	places := []string{place(q), place(per)}
	if q.Start > per.Start {
		places[0], places[1] = places[1], places[0]
	}
	if got := strings.Split(answerRows(d), "\n"); got[0] != strings.Join(places, " ") || len(got) != 3 {
		t.Errorf("accept with links answered %q, want the places %q and two rows", got, places)
	}

	// On the undecided list, the rejected row leaves it: its place is
	// answered with no row, the notice above the table.
	d = htmlPage(t, decideInPlace(te.rana, review+"/reject", url.Values{"label": {"GPE"}, "start": {fmt.Sprint(gpe.Start)}, "end": {fmt.Sprint(gpe.End)}, "show": {"undecided"}}), http.StatusOK)
	if got := answerRows(d) + " | " + d.Find("#form-notice").Text(); got != place(gpe)+" | Rejected: it stays out of gold." {
		t.Errorf("reject on the undecided list answered %q", got)
	}

	// Refused: the reason, no row, nothing changed.
	before := len(te.layer(doc, 0).Spans)
	d = htmlPage(t, decideInPlace(te.rana, review+"/accept", withField(acceptForm("layla", loc), "layer", "nobody")), http.StatusBadRequest)
	if got := answerRows(d) + " | " + d.Find("#form-error").Text(); got != ` | There is no user "nobody".` {
		t.Errorf("a refused accept answered %q", got)
	}
	if after := len(te.layer(doc, 0).Spans); after != before {
		t.Errorf("a refused accept changed gold: %d spans, had %d", after, before)
	}

	// An annotator's decision is refused as a plain form's is.
	expect(t, decideInPlace(te.layla, review+"/accept", acceptForm("layla", loc)), http.StatusForbidden)
}
