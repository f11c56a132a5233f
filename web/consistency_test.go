package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestConsistencyPage: reviewers and managers see the texts the layers
// gave more than one label, with every place linked to its layer; the
// layer links narrow the report to gold or one user's layer; an unknown
// user is a 400 naming the parameter; an annotator gets 403.
func TestConsistencyPage(t *testing.T) {
	te := newTeamEnv(t)
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	te.addSpan(te.karim.user.ID, "الرياض", "GPE")
	te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	gold := te.addSpan(0, "الرياض", "LOC")
	page := fmt.Sprintf("/projects/%d/consistency", te.proj.ID)
	rows := func(d *goquery.Document) string {
		var out []string
		d.Find("#conflicts tbody tr").Each(func(_ int, r *goquery.Selection) {
			var labels []string
			r.Find("details").Each(func(_ int, l *goquery.Selection) {
				var places []string
				l.Find("a").Each(func(_ int, a *goquery.Selection) { places = append(places, a.AttrOr("href", "")) })
				labels = append(labels, strings.Join(strings.Fields(l.Find("summary").Text()), " ")+" "+strings.Join(places, " "))
			})
			out = append(out, cells(r.Find("td").First())+" | "+strings.Join(labels, " | "))
		})
		return strings.Join(out, "\n")
	}
	at := fmt.Sprintf("at=%d-%d", gold.Start, gold.End)
	d := htmlPage(t, te.rana.get(page), http.StatusOK)
	want := fmt.Sprintf("الرياض | LOC 2 times /documents/%[1]d?layer=layla&%[2]s /documents/%[1]d?layer=gold&%[2]s | GPE 1 time /documents/%[1]d?layer=karim&%[2]s", te.doc.ID, at)
	if got := rows(d); got != want {
		t.Errorf("every layer:\n%s\nwant\n%s", got, want)
	}
	if got := d.Find(`.layer-filter a[aria-current="page"]`).Text(); got != "every layer" {
		t.Errorf("the layer link marked is %q", got)
	}
	d = htmlPage(t, te.samir.get(page+"?layer=layla"), http.StatusOK)
	if got := d.Find("#consistency-empty").Text(); got != "Every text layla labelled has one label." {
		t.Errorf("layla's layers: %q, rows %q", got, rows(d))
	}
	if got := htmlPage(t, te.rana.get(page+"?layer=nobody"), http.StatusBadRequest).Find("main").Text(); !strings.Contains(got, `layer: there is no user "nobody"`) {
		t.Errorf("an unknown user: %q", got)
	}
	expect(t, te.layla.get(page), http.StatusForbidden)
	expect(t, te.omar.get(page), http.StatusNotFound)
}
