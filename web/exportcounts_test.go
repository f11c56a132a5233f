package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// exportOptions is the export form's layer options, by value, as shown.
func exportOptions(d *goquery.Document) map[string]string {
	got := map[string]string{}
	d.Find(`form.export select[name="layer"] option`).Each(func(_ int, s *goquery.Selection) {
		got[s.AttrOr("value", "")] = strings.TrimSpace(s.Text())
	})
	return got
}

// TestExportFormSaysWhatEachLayerHolds: the export form says beside each
// layer how many documents a download holds, how many of them have the
// layer and its spans, server-rendered; the export of every layer counts
// its lines. Members who are not managers get no form and no figures,
// and an empty export's page gives the same figures for the layer.
func TestExportFormSaysWhatEachLayerHolds(t *testing.T) {
	te := newTeamEnv(t)
	te.addSpan(0, "أحمد", "PER")
	te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	got := exportOptions(htmlPage(t, te.samir.get(p), http.StatusOK))
	want := map[string]string{
		"gold":  "gold — 3 documents, 1 with this layer, 1 span",
		"all":   "every layer, a line each — 4 lines, 3 spans", // gold and layla's on doc-1, doc-2 and doc-3 bare
		"layla": "layla — 3 documents, 1 with this layer, 2 spans",
		"karim": "", // no layer: not offered
	}
	for layer, says := range want {
		if got[layer] != says {
			t.Errorf("layer %s reads %q, want %q", layer, got[layer], says)
		}
	}
	// A member with no layer is left out of the list, and named as such.
	page := htmlPage(t, te.samir.get(p), http.StatusOK)
	if without := strings.Join(strings.Fields(page.Find("#export-without").Text()), " "); without != "Not offered, having no layer yet: \u2068karim\u2069, \u2068rana\u2069, \u2068samir\u2069." {
		t.Errorf("members left out: %q", without)
	}
	for _, who := range []*queueActor{te.layla, te.rana} {
		d := htmlPage(t, who.get(p), http.StatusOK)
		if d.Find("form.export").Length() != 0 || strings.Contains(d.Text(), "with this layer") {
			t.Errorf("%s, no manager, is shown the export's figures", who.user.Name)
		}
	}
	// Nothing reviewed: the page says what gold holds at any status.
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/api/v1/projects/%d/export?layer=gold&status=reviewed", te.proj.ID), nil)
	req.Header.Set("Sec-Fetch-Mode", "navigate")
	says := htmlPage(t, te.samir.request(req), http.StatusOK).Find("[role=alert]").Text()
	if !strings.Contains(says, "At any status and in every part, gold holds "+strings.TrimPrefix(want["gold"], "gold — ")+".") {
		t.Errorf("the empty export says %q, not what gold holds", says)
	}
}
