package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// cellWord is the nth word (from 1) of the texts numberedText builds:
// ك and n in Arabic-Indic digits, so a span's words say its place in a
// cell's list.
func cellWord(n int) string {
	digits := []rune(fmt.Sprint(n))
	for i, d := range digits {
		digits[i] = '٠' + d - '0'
	}
	return "ك" + string(digits)
}

// numberedText is the words from to to (cellWord), ten a line, and
// where each is, in code points.
func numberedText(from, to int) (string, [][2]int) {
	var b strings.Builder
	var at [][2]int
	n := 0
	for i := from; i <= to; i++ {
		switch {
		case i == from:
		case (i-from)%10 == 0:
			b.WriteString("\n")
			n++
		default:
			b.WriteString(" ")
			n++
		}
		w := cellWord(i)
		at = append(at, [2]int{n, n + len([]rune(w))})
		b.WriteString(w)
		n += len([]rune(w))
	}
	return b.String(), at
}

// labelAll gives every place of doc the label in owner's layer, in one
// write.
func labelAll(t *testing.T, store *db.Store, doc db.Document, owner int64, label string, at [][2]int) {
	t.Helper()
	spans := make([]db.BatchSpan, len(at))
	for i, a := range at {
		spans[i] = db.BatchSpan{Ref: fmt.Sprint(i), SpanInput: db.SpanInput{Start: a[0], End: a[1], Label: label}}
	}
	if _, err := store.ApplyBatch(context.Background(), doc, owner, owner, spans, nil); err != nil {
		t.Fatal(err)
	}
}

// TestAgreementConfusionCellPages: layla calls PER each of 450 words in
// three documents of 150 and karim LOC; the list of PER · LOC shows 200
// a page, says which, and its Previous and Next, at the top and the
// foot, open the pages either side, keeping the cell and the pair; the
// last page holds the 50 left. A page that is not a number or past the
// end is refused, in the page's language; the API lists all 450.
func TestAgreementConfusionCellPages(t *testing.T) {
	te := newTeamEnv(t)
	var docs []db.Document
	for i := range 3 {
		text, at := numberedText(i*150+1, i*150+150)
		doc := te.importDoc(fmt.Sprintf("long-%d", i+1), text)
		labelAll(t, te.store, doc, te.layla.user.ID, "PER", at)
		labelAll(t, te.store, doc, te.karim.user.ID, "LOC", at)
		docs = append(docs, doc)
	}
	list := fmt.Sprintf("/projects/%d/agreement/confusion?row=PER&col=LOC", te.proj.ID)
	type pager struct{ Range, Prev, PrevHref, Next, NextHref string }
	pagerOf := func(nav *goquery.Selection) pager {
		prev, next := nav.Find(`a[rel="prev"]`), nav.Find(`a[rel="next"]`)
		return pager{words(nav.Find(".page-range")), words(prev), prev.AttrOr("href", ""), words(next), next.AttrOr("href", "")}
	}
	for _, c := range []struct {
		query              string
		spans              int
		first, last, start string
		want               pager
	}{
		{"", 200, cellWord(1), cellWord(200), "1", pager{"Spans 1–200 of 450", "", "", "Next 200", list + "&page=2#cell-pages"}},
		{"&page=1", 200, cellWord(1), cellWord(200), "1", pager{"Spans 1–200 of 450", "", "", "Next 200", list + "&page=2#cell-pages"}},
		{"&page=2", 200, cellWord(201), cellWord(400), "201", pager{"Spans 201–400 of 450", "Previous 200", list + "#cell-pages", "Next 50", list + "&page=3#cell-pages"}},
		{"&page=3", 50, cellWord(401), cellWord(450), "401", pager{"Spans 401–450 of 450", "Previous 200", list + "&page=2#cell-pages", "", ""}},
	} {
		d := htmlPage(t, te.rana.get(list+c.query), http.StatusOK)
		marks := d.Find("#cell-spans > li mark")
		if marks.Length() != c.spans || marks.First().Text() != c.first || marks.Last().Text() != c.last || d.Find("#cell-spans").AttrOr("start", "") != c.start {
			t.Errorf("%q lists %d spans, %q to %q, numbered from %s; want %d, %q to %q from %s", c.query, marks.Length(), marks.First().Text(), marks.Last().Text(), d.Find("#cell-spans").AttrOr("start", ""), c.spans, c.first, c.last, c.start)
		}
		if got := words(d.Find("#cell-count")); !strings.HasPrefix(got, "450 spans") {
			t.Errorf("%q: the cell's count reads %q", c.query, got)
		}
		for _, id := range []string{"cell-pages", "cell-pages-end"} {
			if got := pagerOf(d.Find("nav#" + id)); got != c.want {
				t.Errorf("%q: the pager %s reads %+v, want %+v", c.query, id, got, c.want)
			}
		}
	}

	// Page 2's first span, long-2's 51st word, on its sixth line.
	d := htmlPage(t, te.rana.get(list+"&page=2"), http.StatusOK)
	first := d.Find("#cell-spans > li").First()
	compare := fmt.Sprintf("/documents/%d/review/compare#p-6", docs[1].ID)
	if got := words(first.Find(".cell-where")); got != "long-2 250–254 · Compare in the text" || first.Find("a.cell-compare").AttrOr("href", "") != compare {
		t.Errorf("page 2's first span is placed %q, compared at %q", got, first.Find("a.cell-compare").AttrOr("href", ""))
	}
	if got := first.Find("a.cell-compare").AttrOr("aria-label", ""); got != "Compare in the text: “"+cellWord(201)+"” in long-2" {
		t.Errorf("the link to compare is named %q", got)
	}
	para := htmlPage(t, te.rana.get(strings.TrimSuffix(compare, "#p-6")), http.StatusOK).Find("#p-6")
	if !strings.Contains(para.Text(), cellWord(201)) {
		t.Errorf("Compare in the text's paragraph 6 reads %.200q", para.Text())
	}

	// A pair's list keeps the pair.
	d = htmlPage(t, te.rana.get(list+"&pair=layla/karim&page=2"), http.StatusOK)
	if got := d.Find("#cell-pages-next").AttrOr("href", ""); got != list+"&pair=layla%2Fkarim&page=3#cell-pages" {
		t.Errorf("layla · karim's Next opens %q", got)
	}

	for _, c := range []struct{ page, says string }{
		{"4", "There is no page 4: this list ends at page 3."},
		{"0", "0 is not a page number"},
		{"-1", "-1 is not a page number"},
		{"two", "two is not a page number"},
		{"1.5", "1.5 is not a page number"},
		{"", ""},
	} {
		rec := te.rana.get(list + "&page=" + c.page)
		if c.says == "" {
			expect(t, rec, http.StatusOK)
			continue
		}
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), c.says) {
			t.Errorf("page=%s: %d %.300s", c.page, rec.Code, rec.Body.String())
		}
	}
	req := httptest.NewRequest(http.MethodGet, list+"&page=9", nil)
	req.Header.Set("Accept-Language", "ar")
	if rec := te.rana.request(req); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "لا صفحة \u20689\u2069: تنتهي هذه القائمة عند الصفحة \u20683\u2069.") {
		t.Errorf("in Arabic, page 9: %d %.600s", rec.Code, rec.Body.String())
	}
	// A script reading the page's address gets the reason in English,
	// its numbers written as numbers.
	req = httptest.NewRequest(http.MethodGet, list+"&page=9", nil)
	req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: te.rana.session})
	if rec := te.rana.env.serve(req); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"page: There is no page 9: this list ends at page 3."`) {
		t.Errorf("as JSON, page 9: %d %.600s", rec.Code, rec.Body.String())
	}
	req = httptest.NewRequest(http.MethodGet, list+"&page=x", nil)
	req.Header.Set("Accept-Language", "ar")
	if rec := te.rana.request(req); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "\u2068x\u2069 ليس رقم صفحة") {
		t.Errorf("in Arabic, page x: %d %.600s", rec.Code, rec.Body.String())
	}

	// The API stays whole, whatever page the query names.
	rec := te.rana.get(fmt.Sprintf("/api/v1/projects/%d/agreement/confusion?row=PER&col=LOC&page=2", te.proj.ID))
	expect(t, rec, http.StatusOK)
	if body := rec.Body.String(); strings.Count(body, `"external_id"`) != 450 || !strings.Contains(body, `"spans":450`) {
		t.Errorf("the API lists %d places: %.200s", strings.Count(body, `"external_id"`), body)
	}
}
