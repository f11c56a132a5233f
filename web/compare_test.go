package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestComparePage: reviewers, managers and admins see each paragraph
// once per layer, gold first, the spans not every annotator marked
// outlined, marked "≠" and linked to their rows in the review, which
// links here; an annotator is refused as on the review page and a
// non-member does not see the page.
func TestComparePage(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	compare := fmt.Sprintf("/documents/%d/review/compare", doc.ID)
	te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	gpe := te.addSpan(te.karim.user.ID, "الرياض", "GPE")

	review := htmlPage(t, te.rana.get(fmt.Sprintf("/documents/%d/review", doc.ID)), http.StatusOK)
	if href := review.Find("#compare-link").AttrOr("href", ""); href != compare {
		t.Errorf("the review links to %q, want %q", href, compare)
	}
	for _, who := range []*queueActor{te.rana, te.samir, te.amina} {
		d := htmlPage(t, who.get(compare), http.StatusOK)
		var lines []string
		d.Find("#p-1 .cmp-line").Each(func(_ int, l *goquery.Selection) {
			var marks []string
			l.Find("a.cmp-seg").Each(func(_ int, a *goquery.Selection) {
				marks = append(marks, a.AttrOr("data-chip", "")+" "+a.Text())
			})
			lines = append(lines, strings.Join(strings.Fields(l.Find(".cmp-name").Text()), " ")+": "+strings.Join(marks, ", "))
		})
		want := []string{"gold new: ", "karim in progress: PER أحمد, ≠ GPE الرياض", "layla in progress: PER أحمد, ≠ LOC الرياض"}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s sees\n%s\nwant\n%s", who.user.Name, strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
		row := fmt.Sprintf("c-%d-%d-GPE", gpe.Start, gpe.End)
		if href := d.Find(`a.cmp-seg.disputed[data-chip="≠ GPE"]`).AttrOr("href", ""); href != fmt.Sprintf("/documents/%d/review?from=%s#%s", doc.ID, row, row) {
			t.Errorf("karim's GPE links to %q", href)
		}
	}
	// The linked row is on the page the link opens.
	if n := htmlPage(t, te.rana.get(fmt.Sprintf("/documents/%d/review?from=c-%d-%d-GPE", doc.ID, gpe.Start, gpe.End)), http.StatusOK).Find(fmt.Sprintf("tr#c-%d-%d-GPE", gpe.Start, gpe.End)).Length(); n != 1 {
		t.Error("the review page a span links to lacks its row")
	}
	if rec := te.layla.get(compare); rec.Code != http.StatusForbidden {
		t.Errorf("an annotator got %d, want 403 as for the review", rec.Code)
	}
	if rec := te.omar.get(compare); rec.Code != http.StatusNotFound {
		t.Errorf("a non-member got %d, want 404", rec.Code)
	}
	for _, q := range []string{"?show=some", "?page=0", "?page=two"} {
		if rec := te.rana.get(compare + q); rec.Code != http.StatusBadRequest {
			t.Errorf("%s got %d, want 400", q, rec.Code)
		}
	}
}

// TestComparePageANERCorp draws ANERCorp articles, one a line, as two
// annotators marked them (the second relabels every seventh span and
// leaves out every eleventh): each paragraph holds its article's text
// whole in every layer's line, each marked stretch is the text at its
// code point offset, and the second annotator's disputed spans are the
// ones marked "≠".
func TestComparePageANERCorp(t *testing.T) {
	layla := anercorpLong(t, 6000, "\n")
	karim := layla
	karim.Spans = nil
	disputed := 0
	for i, s := range layla.Spans {
		switch {
		case i%11 == 0:
			continue
		case i%7 == 0:
			s.Label = map[bool]string{true: "LOC", false: "MISC"}[s.Label == "MISC"]
			disputed++
		}
		karim.Spans = append(karim.Spans, s)
	}
	r := newReviewServer(t, []codec.Doc{layla, karim}, nil)
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/documents/%d/review/compare?show=all", r.doc), nil)
	req.AddCookie(r.session)
	rec := httptest.NewRecorder()
	r.srv.ServeHTTP(rec, req)
	d := htmlPage(t, rec, http.StatusOK)
	articles := strings.Split(layla.Text, "\n")
	if n := d.Find("section.cmp-para").Length(); n != len(articles) || n < 2 {
		t.Fatalf("%d paragraphs drawn, want %d (one an article)", n, len(articles))
	}
	text := []rune(layla.Text)
	d.Find("section.cmp-para").Each(func(i int, p *goquery.Selection) {
		p.Find("p.cmp-text").Each(func(_ int, line *goquery.Selection) {
			if line.Text() != articles[i] {
				t.Errorf("paragraph %d: a line's text differs from its article", i+1)
			}
			line.Find("a.cmp-seg").Each(func(_ int, a *goquery.Selection) {
				start, _ := strconv.Atoi(a.AttrOr("data-start", ""))
				if got := []rune(a.Text()); string(text[start:start+len(got)]) != a.Text() {
					t.Errorf("a stretch marked at %d reads %q, the text there %q", start, a.Text(), string(text[start:start+len(got)]))
				}
			})
		})
	})
	if n := d.Find(`.cmp-line:nth-of-type(2) a.cmp-seg[data-chip^="≠"]`).Length(); n != disputed {
		t.Errorf("%d of karim's spans are marked disputed, want the %d he relabelled", n, disputed)
	}
}

// BenchmarkComparePage draws the first page of Compare in the text for
// 230,000 code points of ANERCorp, an article a line, as two annotators
// marked them (as BenchmarkReviewPage's document), every paragraph open.
func BenchmarkComparePage(b *testing.B) {
	doc := anercorpLong(b, 230_000, "\n")
	karim := doc
	karim.Spans = nil
	for i, s := range doc.Spans {
		if i%7 == 0 {
			s.Label = map[bool]string{true: "LOC", false: "MISC"}[s.Label == "MISC"]
		}
		karim.Spans = append(karim.Spans, s)
	}
	r := newReviewServer(b, []codec.Doc{doc, karim}, nil)
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/documents/%d/review/compare?show=all", r.doc), nil)
		req.AddCookie(r.session)
		rec := httptest.NewRecorder()
		r.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("compare: %d", rec.Code)
		}
		b.ReportMetric(float64(rec.Body.Len()), "bytes/page")
	}
}

// TestComparePageEscapes: a label named as a javascript: URL, a user
// named as a tag and a text of markup are drawn as text on Compare in
// the text; the label's links stay links to the review.
func TestComparePageEscapes(t *testing.T) {
	s := newXSSSite(t)
	doc := s.docs["xss"]
	evil, err := s.store.UserByName(t.Context(), xssUser)
	roleMust(t, err)
	_, err = s.store.CreateSpan(t.Context(), doc, evil.ID, evil.ID, db.SpanInput{Start: 0, End: 5, Label: xssLabel})
	roleMust(t, err)
	session, err := s.store.CreateSession(t.Context(), s.user, time.Now(), db.DefaultSessionPolicy)
	roleMust(t, err)
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/documents/%d/review/compare", s.url, doc.ID), nil)
	roleMust(t, err)
	req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: session})
	res, err := http.DefaultClient.Do(req)
	roleMust(t, err)
	defer res.Body.Close()
	d, err := goquery.NewDocumentFromReader(res.Body)
	roleMust(t, err)
	if n := d.Find("script:not([src]), svg, img").Length(); n != 0 {
		t.Errorf("%d payload elements in the page", n)
	}
	a := d.Find("a.cmp-seg")
	if a.Length() != 1 || !strings.HasPrefix(a.AttrOr("href", ""), fmt.Sprintf("/documents/%d/review?from=", doc.ID)) {
		t.Errorf("the span links to %q", a.AttrOr("href", ""))
	}
	if got := d.Find(".cmp-chip").Text(); got != "≠ "+xssLabel && got != xssLabel {
		t.Errorf("the chip reads %q", got)
	}
	if got := d.Find("#p-1 .cmp-line:nth-of-type(2) .cmp-name bdi").Text(); got != xssUser {
		t.Errorf("the layer is named %q, want %q as text", got, xssUser)
	}
	if got := d.Find("#p-2 .cmp-line:nth-of-type(2) p.cmp-text").Text(); got != xssScript {
		t.Errorf("the second line reads %q, want %q as text", got, xssScript)
	}
}
