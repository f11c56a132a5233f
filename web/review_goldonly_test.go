package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestReviewGoldOnlyFlaggedDisputed: a span only gold holds (made by
// hand, every annotator left it out) is on the disputed list, so its
// row is flagged "disputed" as the count beside "Show only disputed
// spans" counts it: the caption, the count and the rows agree.
func TestReviewGoldOnlyFlaggedDisputed(t *testing.T) {
	te := newTeamEnv(t)
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	te.addSpan(te.karim.user.ID, "الرياض", "LOC") // both: agreed
	te.addSpan(te.layla.user.ID, "أحمد", "PER")   // karim left it out
	te.addSpan(0, "الاقتصاد", "ORG")              // gold alone
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if got := strings.Join(strings.Fields(d.Find(`#show-filter a[href$="show=disputed"]`).Text()), " "); got != "Show only disputed spans (2)" {
		t.Errorf("the filter reads %q", got)
	}
	flagged := map[string]bool{}
	d.Find("#candidates tbody tr").Each(func(_ int, tr *goquery.Selection) {
		if tr.Find(".status-disputed").Length() > 0 {
			flagged[strings.Join(strings.Fields(tr.Find("td.holders").Text()), " ")] = true // holders, then the flag
		}
	})
	if len(flagged) != 2 || !flagged["layla disputed"] || !flagged["gold only disputed"] {
		t.Errorf("rows flagged disputed, by their holders: %v; want layla's PER and gold's own ORG", flagged)
	}
	filtered := htmlPage(t, te.rana.get(review+"?show=disputed"), http.StatusOK)
	if rows, badges := filtered.Find("#candidates tbody tr").Length(), filtered.Find("#candidates tbody tr .status-disputed").Length(); rows != 2 || badges != 2 {
		t.Errorf("the disputed list has %d rows, %d flagged disputed; want 2 and 2", rows, badges)
	}
}
