package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// confusionCellEnv: layla, karim and nour label the names of two
// documents (doc-1 and doc-3) differently; karim alone leaves الاقتصاد
// unmarked, and nour has no layer of doc-3.
func confusionCellEnv(t *testing.T) (*teamEnv, string) {
	te := newTeamEnv(t)
	nour := te.actor("nour", db.RoleAnnotator)
	label := func(doc db.Document, who *queueActor, word, tag string) {
		t.Helper()
		start, end := cpSpan(t, doc.Text, word)
		if _, err := te.store.CreateSpan(context.Background(), doc, who.user.ID, who.user.ID, db.SpanInput{Start: start, End: end, Label: tag}); err != nil {
			t.Fatal(err)
		}
	}
	doc1, doc3 := te.docs[0], te.docs[2]
	for _, s := range []struct {
		who       *queueActor
		word, tag string
		doc       db.Document
	}{
		{te.layla, "أحمد", "PER", doc1}, {te.layla, "الرياض", "LOC", doc1}, {te.layla, "الاقتصاد", "ORG", doc1}, {te.layla, "ثالث", "LOC", doc3},
		{te.karim, "أحمد", "PER", doc1}, {te.karim, "الرياض", "ORG", doc1}, {te.karim, "الوزير", "PER", doc1}, {te.karim, "ثالث", "ORG", doc3},
		{nour, "أحمد", "ORG", doc1}, {nour, "الرياض", "ORG", doc1}, {nour, "الاقتصاد", "ORG", doc1},
	} {
		label(s.doc, s.who, s.word, s.tag)
	}
	return te, fmt.Sprintf("/projects/%d/agreement", te.proj.ID)
}

// TestAgreementConfusionCells: every count above 0 of the table of labels
// confused, summed and for each pair named in both orders, links to a
// page listing as many spans as it counts, its title the cell's; a 0 is
// no link. The summed LOC · ORG lists الرياض twice and ثالث once, each
// with who said LOC first; karim · layla's none · ORG says karim marked
// nothing like الاقتصاد.
func TestAgreementConfusionCells(t *testing.T) {
	te, page := confusionCellEnv(t)
	checked := 0
	for _, pair := range []string{"", "karim/layla", "layla/karim", "layla/nour", "nour/layla", "karim/nour", "nour/karim"} {
		d := htmlPage(t, te.rana.get(page+"?pair="+url.QueryEscape(pair)), http.StatusOK)
		d.Find("#agreement-confusion tbody td").Each(func(_ int, td *goquery.Selection) {
			n, a := strings.TrimSpace(td.Text()), td.Find("a")
			switch {
			case n == "0" || n == "—":
				if a.Length() != 0 {
					t.Errorf("%s: a cell of %s links to %s", pair, n, a.AttrOr("href", ""))
				}
				return
			case a.Length() != 1 || a.AttrOr("aria-label", "") != n+": "+td.AttrOr("title", "-"):
				t.Errorf("%s: the cell %q (%s) links %d times, named %q", pair, td.AttrOr("title", ""), n, a.Length(), a.AttrOr("aria-label", ""))
				return
			}
			list := htmlPage(t, te.rana.get(a.AttrOr("href", "")), http.StatusOK)
			if got := list.Find("#cell-spans > li").Length(); fmt.Sprint(got) != n {
				t.Errorf("%s: %s lists %d spans, the table counts %s", pair, a.AttrOr("href", ""), got, n)
			}
			if got := words(list.Find("#cell-count")); !strings.HasPrefix(got, td.AttrOr("title", "")+".") {
				t.Errorf("%s: the list of %q says %q", pair, td.AttrOr("title", ""), got)
			}
			checked++
		})
	}
	if checked < 20 {
		t.Fatalf("only %d cells linked", checked)
	}

	d := htmlPage(t, te.rana.get(page+"/confusion?row=LOC&col=ORG"), http.StatusOK)
	items := d.Find("#cell-spans > li").Map(func(_ int, li *goquery.Selection) string {
		return li.Find("mark").Text() + " | " + words(li.Find(".cell-who")) + " | " + words(li.Find(".cell-where"))
	})
	want := []string{
		"الرياض | layla: LOC · karim: ORG | doc-1 43–49 · Compare in the text",
		"الرياض | layla: LOC · nour: ORG | doc-1 43–49 · Compare in the text",
		"ثالث | layla: LOC · karim: ORG | doc-3 3–7 · Compare in the text",
	}
	if strings.Join(items, "\n") != strings.Join(want, "\n") {
		t.Errorf("LOC · ORG lists\n%s\nwant\n%s", strings.Join(items, "\n"), strings.Join(want, "\n"))
	}
	if got := words(d.Find("h1")); got != "Labels confused: LOC · ORG" {
		t.Errorf("heading %q", got)
	}
	if href := d.Find("#cell-back").AttrOr("href", ""); href != page+"#confusion" {
		t.Errorf("back links to %q", href)
	}
	li := d.Find("#cell-spans > li").First()
	if got := li.Find(".span-text").Text(); !strings.Contains(got, "في الرياض.") || li.Find(".span-text").AttrOr("dir", "") != "rtl" {
		t.Errorf("context %q, dir %q", got, li.Find(".span-text").AttrOr("dir", ""))
	}
	if href := li.Find(".cell-who a").First().AttrOr("href", ""); href != fmt.Sprintf("/documents/%d?layer=layla&at=43-49", te.docs[0].ID) {
		t.Errorf("layla's label opens %q", href)
	}
	if href := li.Find(".cell-where a").AttrOr("href", ""); href != fmt.Sprintf("/documents/%d/review?from=c-43-49-LOC#c-43-49-LOC", te.docs[0].ID) {
		t.Errorf("the document opens %q", href)
	}
	// Compare in the text opens at the span's paragraph, drawn open as
	// the disputed one it is; a span both labelled alike (PER · PER) may
	// be on a paragraph everyone agrees on: every paragraph is drawn.
	if href := li.Find("a.cell-compare").AttrOr("href", ""); href != fmt.Sprintf("/documents/%d/review/compare#p-1", te.docs[0].ID) {
		t.Errorf("Compare in the text opens %q", href)
	}
	same := htmlPage(t, te.rana.get(page+"/confusion?row=PER&col=PER"), http.StatusOK).Find("#cell-spans a.cell-compare")
	if href := same.AttrOr("href", ""); same.Length() != 1 || href != fmt.Sprintf("/documents/%d/review/compare?show=all#p-1", te.docs[0].ID) {
		t.Errorf("PER · PER compares at %q (%d links)", href, same.Length())
	}

	d = htmlPage(t, te.rana.get(page+"/confusion?row=&col=ORG&pair=karim/layla"), http.StatusOK)
	li = d.Find("#cell-spans > li")
	if got := li.Find("mark").Text() + " | " + words(li.Find(".cell-who")) + " | " + words(li.Find(".cell-where")); li.Length() != 1 || got != "الاقتصاد | karim: marked nothing like it · layla: ORG | doc-1 25–33 · Compare in the text" {
		t.Errorf("karim · layla none · ORG lists %q", got)
	}
	if got := words(d.Find("h1")); got != "Labels confused: karim none · layla ORG" {
		t.Errorf("heading %q", got)
	}
	if href := d.Find("#cell-back").AttrOr("href", ""); href != page+"?pair=karim%2Flayla#confusion" {
		t.Errorf("back links to %q", href)
	}

	// A label of the project nobody confused: an empty list, said so.
	d = htmlPage(t, te.rana.get(page+"/confusion?row=DATE&col=PER"), http.StatusOK)
	if d.Find("#cell-spans").Length() != 0 || !strings.HasPrefix(words(d.Find("#cell-empty")), "No span is in this cell") {
		t.Errorf("an empty cell reads %q", words(d.Find("main")))
	}
}

// TestAgreementConfusionCellRefusals: the list of a cell is for whoever
// sees the Agreement page; an address naming no cell, a label the
// project lacks, a malformed pair or a user without a layer beside
// another's is refused with 400 naming it, in the page's language.
func TestAgreementConfusionCellRefusals(t *testing.T) {
	te, page := confusionCellEnv(t)
	list := page + "/confusion?row=LOC&col=ORG"
	for _, who := range []struct {
		name   string
		actor  *queueActor
		status int
	}{{"reviewer", te.rana, 200}, {"manager", te.samir, 200}, {"admin", te.amina, 200}, {"annotator", te.layla, 403}, {"non-member", te.omar, 404}} {
		if rec := who.actor.get(list); rec.Code != who.status {
			t.Errorf("%s: %d, want %d", who.name, rec.Code, who.status)
		}
	}
	for _, c := range []struct{ query, says string }{
		{"row=LOC", "The address names no cell"},
		{"col=ORG", "The address names no cell"},
		{"row=&col=", "None against none is no cell"},
		{"row=LOC&col=WORK", "Project " + te.proj.Name + " has no label WORK"},
		{"row=XYZ&col=ORG", "has no label XYZ"},
		{"row=LOC&col=ORG&pair=layla", "layla is not a pair of users"},
		{"row=LOC&col=ORG&pair=layla/layla", "layla/layla is not a pair of users"},
		{"row=LOC&col=ORG&pair=layla/karim/nour", "is not a pair of users"},
		{"row=LOC&col=ORG&pair=layla/omar", "omar has no layer of a document another user worked on too"},
		{"row=LOC&col=ORG&pair=layla/rana", "rana has no layer"},
	} {
		rec := te.rana.get(page + "/confusion?" + c.query)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), c.says) {
			t.Errorf("%s: %d %.300s", c.query, rec.Code, rec.Body.String())
		}
	}
	// In Arabic, the refusal is Arabic, the names isolated.
	req := httptest.NewRequest(http.MethodGet, page+"/confusion?row=LOC&col=XYZ", nil)
	req.Header.Set("Accept-Language", "ar")
	rec := te.rana.request(req)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "وسم \u2068XYZ\u2069") {
		t.Errorf("in Arabic: %d %.600s", rec.Code, rec.Body.String())
	}
}

// TestAPIAgreementConfusionCell: the API answers a cell's spans as the
// page lists them, none as null, and refuses a bad query with 400 naming
// the field, in English.
func TestAPIAgreementConfusionCell(t *testing.T) {
	te, _ := confusionCellEnv(t)
	api := fmt.Sprintf("/api/v1/projects/%d/agreement/confusion", te.proj.ID)
	var got struct {
		Row, Col *string
		Pair     []string
		Spans    int
		Places   []struct {
			Document            int64
			ExternalID          string `json:"external_id"`
			Start, End          int
			Text, First, Second string
		}
	}
	rec := te.rana.get(api + "?row=LOC&col=ORG")
	expect(t, rec, http.StatusOK)
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Spans != 3 || len(got.Places) != 3 || got.Pair != nil || *got.Row != "LOC" || *got.Col != "ORG" {
		t.Fatalf("LOC · ORG: %s", rec.Body)
	}
	if p := got.Places[1]; p.ExternalID != "doc-1" || p.Start != 43 || p.End != 49 || p.Text != "الرياض" || p.First != "layla" || p.Second != "nour" {
		t.Errorf("the second place: %+v", p)
	}
	got.Row, got.Places = nil, nil
	rec = te.rana.get(api + "?row=&col=ORG&pair=karim/layla")
	expect(t, rec, http.StatusOK)
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Row != nil || got.Spans != 1 || len(got.Places) != 1 || got.Places[0].Text != "الاقتصاد" || strings.Join(got.Pair, "/") != "karim/layla" {
		t.Errorf("karim · layla none · ORG: %s", rec.Body)
	}
	req := httptest.NewRequest(http.MethodGet, api+"?row=LOC&col=XYZ", nil)
	req.Header.Set("Accept-Language", "ar")
	if rec := te.rana.request(req); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"col: Project`) {
		t.Errorf("a label the project lacks: %d %s", rec.Code, rec.Body)
	}
}
