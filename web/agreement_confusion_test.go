package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestAgreementConfusion: the Agreement page's table of labels confused.
// layla and karim agree on أحمد (PER) and give الرياض two labels (LOC,
// GPE); layla alone marks ينمو. Summed over every pair the table is
// symmetric and names GPE ↔ LOC as the most confused, in bold; the pair
// chosen gives rows the first's labels; a pair nobody forms is refused.
func TestAgreementConfusion(t *testing.T) {
	te := newTeamEnv(t)
	te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	te.addSpan(te.karim.user.ID, "الرياض", "GPE")
	te.addSpan(te.layla.user.ID, "ينمو", "DATE")
	page := fmt.Sprintf("/projects/%d/agreement", te.proj.ID)

	d := htmlPage(t, te.rana.get(page), http.StatusOK)
	want := []string{
		"Rows: one side · columns: the other DATE GPE LOC PER none",
		"DATE 0 0 0 0 1",
		"GPE 0 0 1 0 0",
		"LOC 0 1 0 0 0",
		"PER 0 0 0 1 0",
		"none 1 0 0 0 —",
	}
	if got := confusionRows(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("every pair's table:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := words(d.Find("#confusion-most")); !strings.HasPrefix(got, "Most confused (in bold below): GPE ↔ LOC, 1. Label consistency lists") {
		t.Errorf("most confused: %q", got)
	}
	bold := d.Find("#agreement-confusion td strong")
	if bold.Length() != 2 || bold.Parent().First().AttrOr("title", "") != "1 span one side labelled GPE and the other LOC" {
		t.Errorf("bold cells: %d, the first titled %q", bold.Length(), bold.Parent().First().AttrOr("title", ""))
	}
	if title := d.Find("#agreement-confusion tbody tr").Last().Find("td").First().AttrOr("title", ""); title != "1 span one side labelled DATE where the other marked nothing like them" {
		t.Errorf("none · DATE is titled %q", title)
	}
	if got := d.Find("#confusion-pair option").Map(func(_ int, o *goquery.Selection) string { return o.AttrOr("value", "") }); strings.Join(got, ",") != ",karim/layla" {
		t.Errorf("pairs offered: %q", got)
	}

	// One pair, rows the first's labels.
	d = htmlPage(t, te.rana.get(page+"?pair=layla/karim"), http.StatusOK)
	if got := confusionRows(d); got[0] != "Rows: layla · columns: karim DATE GPE LOC PER none" || got[3] != "LOC 0 1 0 0 0" || got[2] != "GPE 0 0 0 0 0" || got[1] != "DATE 0 0 0 0 1" {
		t.Errorf("layla · karim's table:\n%s", strings.Join(got, "\n"))
	}
	if title := d.Find("#agreement-confusion tbody tr").Eq(2).Find("td").Eq(1).AttrOr("title", ""); title != "1 span layla labelled LOC and karim GPE" {
		t.Errorf("LOC · GPE is titled %q", title)
	}
	if !strings.Contains(words(d.Find("#confusion-hint")), "Rows are layla’s labels, columns karim’s.") {
		t.Errorf("the hint does not say whose rows: %q", words(d.Find("#confusion-hint")))
	}
	if d.Find("#confusion-pair option[selected]").AttrOr("value", "") != "karim/layla" {
		t.Error("the pair shown is not the one selected")
	}
	for bad, says := range map[string]string{
		"layla/rana":    "In project " + te.proj.Name + ", rana has no layer of a document another user worked on too.",
		"layla":         "layla is not a pair of users: give two names, first/second (pair=karim/layla).",
		"/karim":        "/karim is not a pair of users",
		"layla/karim/x": "layla/karim/x is not a pair of users",
	} {
		rec := te.rana.get(page + "?pair=" + bad)
		if rec.Code != http.StatusBadRequest || !strings.Contains(words(htmlPage(t, rec, http.StatusBadRequest).Selection), says) {
			t.Errorf("pair=%s: %d %.300s, want it to say %q", bad, rec.Code, rec.Body.String(), says)
		}
	}
	// In Arabic too, the names isolated in the sentence.
	if err := te.store.SetLanguage(t.Context(), te.rana.user, "ar"); err != nil {
		t.Fatal(err)
	}
	if got := words(htmlPage(t, te.rana.get(page+"?pair=layla"), http.StatusBadRequest).Selection); !strings.Contains(got, "\u2068layla\u2069 ليس زوجًا من المستخدمين") {
		t.Errorf("an Arabic page refusing pair=layla says %q", got)
	}
}

// confusionRows is the confusion table's rows, header first.
func confusionRows(d *goquery.Document) []string {
	return d.Find("#agreement-confusion tr").Map(func(_ int, r *goquery.Selection) string { return cells(r) })
}
