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

// TestReviewAcceptsIntoGold: a reviewer compares two annotators' layers
// (agreement and every distinct span, the disputed ones flagged), accepts
// one annotator's span into gold, is told so when accepting it again,
// removes it; bad forms are refused on the page, changing nothing; an
// annotator may not review and a non-member does not see the page.
func TestReviewAcceptsIntoGold(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	per := te.addSpan(te.layla.user.ID, "أحمد", "PER")
	loc := te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	gpe := te.addSpan(te.karim.user.ID, "الرياض", "GPE")

	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if got := cells(d.Find("#agreement tbody tr")); got != "karim · layla 1 1 1 0.50 0 1 0.50" {
		t.Errorf("agreement row: %q", got)
	}
	if got := d.Find("#agreement-mean").Text(); got != "0.50 over 1 pair" {
		t.Errorf("mean agreement: %q", got)
	}
	var rows []string
	d.Find("#candidates tbody tr").Each(func(_ int, r *goquery.Selection) {
		rows = append(rows, cells(r)+" | "+r.AttrOr("class", "")+" | "+r.Find("button").AttrOr("aria-label", ""))
	})
	want := []string{
		// The text cell: the span (marked) in a few words of its context.
		fmt.Sprintf("قال 😀 الوزير أحمد 👍🏽 إن «الاقتصاد ينمو» في… PER %d–%d in the text karim, layla Accept Reject | undecided | Accept PER “أحمد” into gold", per.Start, per.End),
		// Two labels of the same words are one group: the text and place
		// once, then each label with its own buttons.
		fmt.Sprintf("Labels differ: 2 labels, choose one …أحمد 👍🏽 إن «الاقتصاد ينمو» في الرياض. GPE %d–%d in the text karim disputed Accept Reject | disputed undecided labels-differ group-first | Accept GPE “الرياض” into gold", gpe.Start, gpe.End),
		"LOC layla disputed Accept Reject | disputed undecided labels-differ group-last | Accept LOC “الرياض” into gold",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if got := d.Find("#candidates tbody tr mark").First().Text(); got != "أحمد" {
		t.Errorf("the first row marks %q", got)
	}

	accept := acceptForm("layla", loc)
	anchor := fmt.Sprintf("#c-%d-%d-LOC", loc.Start, loc.End)
	redirectsTo(t, te.rana.post(review+"/accept", accept), review+"?done=accepted"+at(anchor))
	gold := te.layer(doc, 0)
	if len(gold.Spans) != 1 || gold.Spans[0].Label != "LOC" || gold.Spans[0].Start != loc.Start || gold.Spans[0].CreatedBy != te.rana.user.ID {
		t.Fatalf("gold after accepting: %+v", gold.Spans)
	}
	// A form from a later page of a long list sends where its page
	// starts, and the answer comes back to that page.
	accept.Set("from", "c-12-40-PER")
	redirectsTo(t, te.rana.post(review+"/accept", accept), review+"?done=already&from=c-12-40-PER"+at(anchor))
	delete(accept, "from")
	if n := len(te.layer(doc, 0).Spans); n != 1 {
		t.Errorf("accepting twice left %d spans in gold", n)
	}
	d = htmlPage(t, te.rana.get(review+"?done=accepted"), http.StatusOK)
	if d.Find("#form-notice").Text() != "Accepted into gold." {
		t.Errorf("notice: %q", d.Find("#form-notice").Text())
	}
	row := d.Find("#" + strings.TrimPrefix(anchor, "#"))
	if row.Find(".in-gold").Length() != 1 || row.Find(`form.confirm button`).AttrOr("aria-label", "") != "Remove LOC “الرياض” from gold" {
		t.Errorf("the accepted row reads %q", strings.Join(strings.Fields(row.Text()), " "))
	}

	// Refused forms: the page says what was wrong; gold is unchanged.
	for _, c := range []struct {
		path   string
		form   url.Values
		status int
		says   string
	}{
		{"/accept", withField(accept, "layer", "nobody"), http.StatusBadRequest, `There is no user "nobody".`},
		{"/accept", withField(accept, "span", "abc"), http.StatusBadRequest, `"abc" is not a span id.`},
		{"/accept", acceptForm("layla", gpe), http.StatusNotFound, "is not in that layer"},
		// A page from before gold gave the words LOC: accepting GPE there
		// would leave gold two labels on them.
		{"/accept", acceptForm("karim", gpe), http.StatusConflict, "Gold's labels on “الرياض” (" + fmt.Sprintf("%d–%d", gpe.Start, gpe.End) + ") changed since the page was loaded: gold gives the words LOC now, where the page showed no label"},
		// A page from before the forms sent the row's label and offsets.
		{"/accept", url.Values{"layer": {"layla"}, "span": {fmt.Sprint(loc.ID)}}, http.StatusBadRequest, "The form sends no label of the row: reload the page"},
		{"/accept", withField(accept, "end", ""), http.StatusBadRequest, "The form sends no end of the row"},
		{"/accept", withField(accept, "start", "x"), http.StatusBadRequest, `Start "x" is not an offset.`},
		{"/remove", url.Values{"span": {fmt.Sprint(gpe.ID)}}, http.StatusNotFound, "not found"},
	} {
		d := htmlPage(t, te.rana.post(review+c.path, c.form), c.status)
		if got := d.Find("#form-error").Text(); !strings.Contains(got, c.says) {
			t.Errorf("%s %v: error %q, want it to say %q", c.path, c.form, got, c.says)
		}
		if n := len(te.layer(doc, 0).Spans); n != 1 {
			t.Fatalf("a refused form left %d spans in gold", n)
		}
	}

	redirectsTo(t, te.rana.post(review+"/remove", url.Values{"span": {fmt.Sprint(gold.Spans[0].ID)}}), review+"?done=removed"+at(anchor))
	if n := len(te.layer(doc, 0).Spans); n != 0 {
		t.Errorf("gold holds %d spans after removing its one", n)
	}

	// The span both annotators marked, in one click; then none is left.
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	if got := d.Find("#accept-agreed button").Text(); got != "Accept the 1 span both annotators marked" {
		t.Errorf("bulk accept reads %q", got)
	}
	redirectsTo(t, te.rana.post(review+"/accept-agreed", nil), review+"?done=accepted-agreed&spans=1&n=0")
	if g := te.layer(doc, 0).Spans; len(g) != 1 || g[0].Label != "PER" || g[0].Start != per.Start {
		t.Errorf("gold after accepting the agreed spans: %+v", g)
	}
	d = htmlPage(t, te.rana.get(review+"?done=accepted-agreed&spans=1&n=0"), http.StatusOK)
	if d.Find("#form-notice").Text() != "Accepted 1 span into gold." || d.Find("#accept-agreed button[disabled]").Text() != "No span every annotator marked is left to accept" {
		t.Errorf("after the bulk accept: notice %q, button %q", d.Find("#form-notice").Text(), d.Find("#accept-agreed button").Text())
	}
	redirectsTo(t, te.rana.post(review+"/remove", url.Values{"span": {fmt.Sprint(te.layer(doc, 0).Spans[0].ID)}}),
		fmt.Sprintf("%s?done=removed&at=c-%d-%d-PER#c-%[2]d-%[3]d-PER", review, per.Start, per.End))

	// Who may review: reviewers and managers; annotators 403; others 404.
	if !strings.Contains(te.rana.get(docPath(doc)+"?layer=gold").Body.String(), `id="review-link"`) {
		t.Error("a reviewer's annotation page does not link to the review")
	}
	expect(t, te.samir.get(review), http.StatusOK)
	expect(t, te.layla.get(review), http.StatusForbidden)
	expect(t, te.layla.post(review+"/accept", accept), http.StatusForbidden)
	expect(t, te.omar.get(review), http.StatusNotFound)
	if strings.Contains(te.layla.get(docPath(doc)).Body.String(), `id="review-link"`) {
		t.Error("an annotator is offered the review")
	}
	if n := len(te.layer(doc, 0).Spans); n != 0 {
		t.Errorf("an annotator's accept put %d spans in gold", n)
	}
}

// cells is a table row's cells, each with its words joined by single spaces.
func cells(row *goquery.Selection) string {
	var out []string
	row.Children().Each(func(_ int, c *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(c.Text()), " "))
	})
	return strings.Join(out, " ")
}

// TestReviewEmptyStates: with nobody's spans there is nothing to list
// or accept, and with one annotator no agreement to show; the page says
// so, and offers to accept that one layer whole.
func TestReviewEmptyStates(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.docs[1]
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if !strings.Contains(d.Find("#agreement-empty").Text(), "this document has 0") || d.Find("#candidates-empty").Length() != 1 || d.Find("#accept-agreed").Length() != 0 {
		t.Errorf("empty review page: %q", strings.Join(strings.Fields(d.Find("main").Text()), " "))
	}
	start, end := cpSpan(t, doc.Text, "نص")
	if _, err := te.store.CreateSpan(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: start, End: end, Label: "LOC"}); err != nil {
		t.Fatal(err)
	}
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	if !strings.Contains(d.Find("#agreement-empty").Text(), "this document has 1") || d.Find("#accept-agreed button").Text() != "Accept the 1 span of layla's layer" {
		t.Errorf("review of one layer: %q", strings.Join(strings.Fields(d.Find("main").Text()), " "))
	}
}

// TestProjectAgreement sums two annotators' agreement over two
// documents: overall, by pair, by label, and the documents least agreed
// on first, each linked to its review. Annotators may not see it.
func TestProjectAgreement(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d/agreement", te.proj.ID)
	d := htmlPage(t, te.rana.get(page), http.StatusOK)
	if d.Find("#agreement-empty").Length() != 1 {
		t.Errorf("no layers yet, but the page reads %q", strings.Join(strings.Fields(d.Find("main").Text()), " "))
	}
	lp := te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	kp := te.addSpan(te.karim.user.ID, "أحمد", "PER")
	te.addSpan(te.karim.user.ID, "الرياض", "GPE")
	lq := te.addSpan(te.layla.user.ID, "الاقتصاد ينمو", "QUOTE") // karim's is shorter: extent alone differs
	kq := te.addSpan(te.karim.user.ID, "الاقتصاد", "QUOTE")
	// Both say أحمد said it.
	for _, r := range []struct{ owner, from, to int64 }{{te.layla.user.ID, lq.ID, lp.ID}, {te.karim.user.ID, kq.ID, kp.ID}} {
		if _, err := te.store.CreateRelation(t.Context(), te.doc, r.owner, r.owner, db.RelationInput{Type: "speaker", From: r.from, To: r.to}); err != nil {
			t.Fatal(err)
		}
	}
	doc2 := te.docs[1]
	for _, who := range []*queueActor{te.layla, te.karim} {
		s, e := cpSpan(t, doc2.Text, "نص")
		if _, err := te.store.CreateSpan(t.Context(), doc2, who.user.ID, who.user.ID, db.SpanInput{Start: s, End: e, Label: "LOC"}); err != nil {
			t.Fatal(err)
		}
	}
	d = htmlPage(t, te.rana.get(page), http.StatusOK)
	text := func(sel string) []string {
		var out []string
		d.Find(sel).Each(func(_ int, r *goquery.Selection) { out = append(out, cells(r)) })
		return out
	}
	// κ by hand: 10 words (8 of doc-1, 2 of doc-2), 8 given the same
	// label (ينمو: QUOTE or none; الرياض: LOC or GPE), po = .8; karim's
	// shares none .6, PER .1, QUOTE .1, GPE .1, LOC .1, layla's none .5,
	// PER .1, QUOTE .2, LOC .2: pe = .30 + .01 + .02 + .02 = .35, and
	// κ = (.8 − .35) / (1 − .35) = 0.692.
	if got := strings.Join(strings.Fields(d.Find("#agreement-overall").Text()), " "); got != "Over 2 documents: F1 0.50 (2 spans both sides marked, 4 only one side did). Word by word, Cohen's κ 0.69 (mean over 1 pair)." {
		t.Errorf("overall: %q", got)
	}
	if got, want := strings.Join(strings.Fields(d.Find("#agreement-near").Text()), " "), "Of the spans only one side marked, extent alone differs in 1 pair and label alone in 1 pair; 0 spans had nothing like them on the other side. Forgiving extent, F1 is 0.75."; got != want {
		t.Errorf("near misses: %q, want %q", got, want)
	}
	if got, want := strings.Join(strings.Fields(d.Find("#quotes-agreement-overall").Text()), " "),
		"Quotation F1 0.00: 0 quotations marked alike by both sides, 1 pair differing in extent only. Over the 1 pair paired by overlap, both named the same speaker in 1 of 1 (1.00)."; got != want {
		t.Errorf("quotations: %q, want %q", got, want)
	}
	checks := []struct {
		sel  string
		want []string
	}{
		{"#agreement-pairs tbody tr", []string{"karim · layla 2 2 2 0.50 1 1 0.75 0.69"}},
		{"#agreement-labels tbody tr", []string{"GPE 0 1 0.00 0 1 0.00", "LOC 1 1 0.67 0 1 0.67", "PER 1 0 1.00 0 0 1.00", "QUOTE 0 2 0.00 1 0 1.00"}},
		{"#agreement-docs tbody tr", []string{"doc-1 0.33 1", "doc-2 1.00 1"}},
		// Quotations: not the same extent, but paired by overlap, and the
		// same speaker; neither gave a cue or a type.
		{"#agreement-quotes tbody tr", []string{"karim · layla 0 1 1 0.00 1 1 1 of 1 (1.00) — —"}},
	}
	for _, c := range checks {
		if got := text(c.sel); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", c.sel, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
	if href := d.Find(`a[aria-label="Review doc-1"]`).AttrOr("href", ""); href != fmt.Sprintf("/documents/%d/review", te.doc.ID) {
		t.Errorf("doc-1 links to %q", href)
	}
	if htmlPage(t, te.rana.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK).Find("#agreement-link").Length() != 1 {
		t.Error("the reviewer's project page does not link to the agreement")
	}
	if htmlPage(t, te.layla.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK).Find("#agreement-link, a.review-link").Length() != 0 {
		t.Error("an annotator's project page links to the agreement or a review")
	}
	if href := htmlPage(t, te.rana.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK).Find(`a.review-link[aria-label="Review doc-2"]`).AttrOr("href", ""); href != fmt.Sprintf("/documents/%d/review", doc2.ID) {
		t.Errorf("the reviewer's document list links doc-2's review to %q", href)
	}
	expect(t, te.layla.get(page), http.StatusForbidden)
	expect(t, te.omar.get(page), http.StatusNotFound)

	// The same figures as JSON, for scripts.
	rec := te.rana.get(fmt.Sprintf("/api/v1/projects/%d/agreement", te.proj.ID))
	var got struct {
		Documents int `json:"documents"`
		Overall   struct {
			Both, OnlyA, OnlyB int
			F1                 *float64
			Extent             int      `json:"extent_differs"`
			Label              int      `json:"label_differs"`
			F1Forgiving        *float64 `json:"f1_forgiving_extent"`
		} `json:"overall"`
		Kappa *float64 `json:"kappa"`
		Pairs []struct {
			A, B  string
			F1    *float64
			Kappa *float64 `json:"kappa"`
		} `json:"pairs"`
		Labels []struct {
			Label string
			F1    *float64
		} `json:"labels"`
		Least []struct {
			ExternalID string  `json:"external_id"`
			MeanF1     float64 `json:"mean_f1"`
		} `json:"least_agreed"`
		Quotes struct {
			Overall struct {
				Extent  int `json:"extent_differs"`
				Matched int
				Speaker struct {
					Same, Of int
					Share    *float64
				} `json:"same_speaker"`
				Cue struct{ Share *float64 } `json:"same_cue"`
			}
			Pairs []struct{ A, B string }
		} `json:"quotations"`
	}
	decodeJSON(t, rec, &got)
	if got.Documents != 2 || got.Overall.Both != 2 || got.Overall.F1 == nil || fmt.Sprintf("%.2f", *got.Overall.F1) != "0.50" ||
		got.Overall.Extent != 1 || got.Overall.Label != 1 || got.Overall.F1Forgiving == nil || *got.Overall.F1Forgiving != 0.75 ||
		len(got.Pairs) != 1 || got.Pairs[0].A != "karim" || len(got.Labels) != 4 || got.Labels[2].Label != "PER" ||
		len(got.Least) != 2 || got.Least[0].ExternalID != "doc-1" || fmt.Sprintf("%.2f", got.Least[0].MeanF1) != "0.33" {
		t.Errorf("agreement JSON: %s", rec.Body)
	}
	if got.Kappa == nil || fmt.Sprintf("%.3f", *got.Kappa) != "0.692" || got.Pairs[0].Kappa == nil || *got.Pairs[0].Kappa != *got.Kappa {
		t.Errorf("κ in the agreement JSON: %s", rec.Body)
	}
	if q := got.Quotes; q.Overall.Extent != 1 || q.Overall.Matched != 1 || q.Overall.Speaker.Same != 1 || q.Overall.Speaker.Of != 1 ||
		q.Overall.Speaker.Share == nil || *q.Overall.Speaker.Share != 1 || q.Overall.Cue.Share != nil ||
		len(q.Pairs) != 1 || q.Pairs[0].A != "karim" || q.Pairs[0].B != "layla" {
		t.Errorf("quotation agreement JSON: %+v", q)
	}

	// Nothing is accepted across the project while the annotators work on.
	everywhere := fmt.Sprintf("/projects/%d/review/accept-agreed", te.proj.ID)
	acceptForm := func() (question, none string) {
		d := htmlPage(t, te.rana.get(page), http.StatusOK)
		return d.Find("form#accept-agreed-everywhere").AttrOr("data-confirm", ""), d.Find("#accept-agreed-none").Text()
	}
	if q, none := acceptForm(); q != "" || none != "Nothing to accept into gold yet: only documents whose annotators have all marked their layers done are accepted from here, and in 2 documents an annotator has not." {
		t.Errorf("with every layer in progress the page offers %q, says %q", q, none)
	}
	redirectsTo(t, te.rana.post(everywhere, nil), page+"?done=accepted&n=0&links=0&docs=0")
	if g1, g2 := te.layer(te.doc, 0).Spans, te.layer(doc2, 0).Spans; len(g1)+len(g2) != 0 {
		t.Errorf("gold after accepting unfinished layers: %+v, %+v", g1, g2)
	}
	for _, doc := range []db.Document{te.doc, doc2} {
		for _, who := range []*queueActor{te.layla, te.karim} {
			if _, err := te.store.MarkDone(t.Context(), doc, who.user); err != nil {
				t.Fatal(err)
			}
		}
	}
	if q, _ := acceptForm(); q != "Copy into gold the 2 spans every annotator of a document marked, in 2 documents whose annotators have all marked their layers done? The notice after it offers to take the accept back." {
		t.Errorf("with every layer done the question is %q", q)
	}
	// Accept what both agreed on, everywhere: أحمد in doc-1; نص in doc-2
	// only once its reviewed gold is reopened.
	if _, err := te.store.MarkReviewed(t.Context(), doc2, te.rana.user); err != nil {
		t.Fatal(err)
	}
	if q, _ := acceptForm(); !strings.HasPrefix(q, "Copy into gold the 1 span every annotator of a document marked, in 1 document whose") {
		t.Errorf("with doc-2's gold reviewed the question is %q", q)
	}
	redirectsTo(t, te.rana.post(everywhere, nil), page+"?done=accepted&n=1&links=0&docs=1")
	if g1, g2 := te.layer(te.doc, 0).Spans, te.layer(doc2, 0).Spans; len(g1) != 1 || g1[0].Text != "أحمد" || len(g2) != 0 {
		t.Errorf("gold after accepting everywhere: %+v, %+v", g1, g2)
	}
	if err := te.store.Reopen(t.Context(), doc2, te.samir.user, "gold"); err != nil {
		t.Fatal(err)
	}
	redirectsTo(t, te.rana.post(everywhere, nil), page+"?done=accepted&n=1&links=0&docs=1")
	if g2 := te.layer(doc2, 0).Spans; len(g2) != 1 || g2[0].Text != "نص" {
		t.Errorf("doc-2's gold after reopening and accepting: %+v", g2)
	}
	redirectsTo(t, te.rana.post(everywhere, nil), page+"?done=accepted&n=0&links=0&docs=0")
	if q, none := acceptForm(); q != "" || none != "Nothing is left to accept into gold: every span all the annotators of the 2 finished documents marked is in gold or rejected already." {
		t.Errorf("with every agreed span in gold the page offers %q, says %q", q, none)
	}
	if got := htmlPage(t, te.rana.get(page+"?done=accepted&n=2&links=1&docs=2"), http.StatusOK).Find("#form-notice").Text(); got != "Accepted 2 spans and 1 link into gold, in 2 documents." {
		t.Errorf("notice %q", got)
	}
	if got := htmlPage(t, te.rana.get(page+"?done=accepted&n=2&links=1&docs=2&changed=3"), http.StatusOK).Find("#form-notice").Text(); got != "Accepted 2 spans and 1 link into gold, in 2 documents. 3 agreed spans changed meanwhile and were left out: decide them in their documents' review." {
		t.Errorf("notice with spans left out %q", got)
	}
	expect(t, te.layla.post(everywhere, nil), http.StatusForbidden)
}

// TestReviewAcceptsQuoteWithLinks: two annotators gave one quotation
// different speakers. The review shows each layer's links; accepting the
// quotation with layla's brings her speaker and cue into gold, linked;
// adding karim's then brings his speaker too.
func TestReviewAcceptsQuoteWithLinks(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	link := func(owner int64, typ string, from, to db.Span) {
		t.Helper()
		if _, err := te.store.CreateRelation(t.Context(), doc, owner, owner, db.RelationInput{Type: typ, From: from.ID, To: to.ID}); err != nil {
			t.Fatal(err)
		}
	}
	lq := te.addSpan(te.layla.user.ID, "الاقتصاد ينمو", "QUOTE")
	link(te.layla.user.ID, "speaker", lq, te.addSpan(te.layla.user.ID, "أحمد", "PER"))
	link(te.layla.user.ID, "cue", lq, te.addSpan(te.layla.user.ID, "قال", "CUE"))
	kq := te.addSpan(te.karim.user.ID, "الاقتصاد ينمو", "QUOTE")
	link(te.karim.user.ID, "speaker", kq, te.addSpan(te.karim.user.ID, "الوزير", "PER"))
	anchor := fmt.Sprintf("#c-%d-%d-QUOTE", lq.Start, lq.End)

	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	row := d.Find(anchor)
	if got := cells(row.Find("ul.links")); got != "karim: speaker الوزير layla: speaker أحمد · cue قال" {
		t.Errorf("the quotation's links read %q", got)
	}
	if row.Find(`button[aria-label="Accept QUOTE “الاقتصاد ينمو” into gold with layla's links"]`).Length() != 1 {
		t.Errorf("no button accepts the quotation with layla's links: %q", cells(row))
	}

	redirectsTo(t, te.rana.post(review+"/accept", withField(acceptForm("layla", lq), "links", "1")),
		review+"?done=linked&spans=3&n=2"+at(anchor))
	gold := te.layer(doc, 0)
	text := map[int64]string{}
	for _, s := range gold.Spans {
		text[s.ID] = s.Text
	}
	var rels []string
	for _, r := range gold.Relations {
		rels = append(rels, r.Type+" "+text[r.From]+" -> "+text[r.To])
	}
	if strings.Join(rels, "; ") != "speaker الاقتصاد ينمو -> أحمد; cue الاقتصاد ينمو -> قال" {
		t.Errorf("gold's relations: %q", strings.Join(rels, "; "))
	}
	if got := htmlPage(t, te.rana.get(review+"?done=linked&spans=3&n=2"), http.StatusOK).Find("#form-notice").Text(); got != "Gold gained 3 spans and 2 links." {
		t.Errorf("notice %q", got)
	}

	// The quotation is in gold now: karim's speaker can still be taken,
	// in place of layla's (a quotation has one speaker).
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	if d.Find(anchor).Find(`button[aria-label="Add karim's links of QUOTE “الاقتصاد ينمو” to gold"]`).Length() != 1 {
		t.Fatalf("no button adds karim's links: %q", cells(d.Find(anchor)))
	}
	redirectsTo(t, te.rana.post(review+"/accept", withField(acceptForm("karim", kq), "links", "1")),
		review+"?done=linked&spans=1&n=1&replaced=1"+at(anchor))
	if g := te.layer(doc, 0); len(g.Spans) != 4 || len(g.Relations) != 2 {
		t.Errorf("gold after karim's links: %d spans, %d relations; want 4 and 2", len(g.Spans), len(g.Relations))
	}
	if got := htmlPage(t, te.rana.get(review+"?done=linked&spans=1&n=1&replaced=1"), http.StatusOK).Find("#form-notice").Text(); got != "Gold gained 1 span and 1 link, in place of 1 link of its own." {
		t.Errorf("notice %q", got)
	}
}

// TestReviewMarkReviewedAndReopen: a reviewer finishes the review; gold is
// then read only (its buttons disabled, a form sent anyway refused with
// 409) until a manager, and only a manager, reopens it.
func TestReviewMarkReviewedAndReopen(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	loc := te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	accept := acceptForm("layla", loc)

	// The LOC is undecided: the first press lists it rather than
	// finishing, and "anyway" finishes.
	redirectsTo(t, te.rana.post(review+"/done", nil), review+"?warn=undecided#gold-undecided-warning")
	if st := te.layer(doc, 0).Status; st == "reviewed" {
		t.Fatal("gold was marked reviewed with a span undecided")
	}
	d := htmlPage(t, te.rana.get(review+"?warn=undecided"), http.StatusOK)
	warning := d.Find("#gold-undecided-warning")
	if !strings.Contains(words(warning), "1 span of this document is neither in gold nor rejected") ||
		warning.Find("#gold-undecided-link").AttrOr("href", "") != review+"?show=undecided" || warning.Find("#mark-reviewed-anyway").Length() != 1 ||
		d.Find("#mark-reviewed").HasClass("confirm") {
		t.Errorf("the undecided warning reads %q; Mark gold reviewed asks first: %v", words(warning), d.Find("#mark-reviewed").HasClass("confirm"))
	}
	redirectsTo(t, te.rana.post(review+"/done", url.Values{"force": {"1"}}), review+"?done=reviewed")
	if st := te.layer(doc, 0).Status; st != "reviewed" {
		t.Fatalf("gold is %q after Mark gold reviewed anyway", st)
	}
	project := fmt.Sprintf("/projects/%d", te.proj.ID)
	if got := htmlPage(t, te.rana.get(project), http.StatusOK).Find(fmt.Sprintf("#doc-%d .gold-status", doc.ID)).Text(); got != "reviewed" {
		t.Errorf("the document list gives gold's status as %q", got)
	}
	if htmlPage(t, te.layla.get(project), http.StatusOK).Find(".gold-status").Length() != 0 {
		t.Error("an annotator's document list shows gold's status")
	}
	d = htmlPage(t, te.rana.get(review+"?done=reviewed"), http.StatusOK)
	if !strings.HasPrefix(d.Find("#form-notice").Text(), "Gold is marked reviewed.") || d.Find("#gold-finished").Length() != 1 ||
		d.Find("#mark-reviewed").Length() != 0 || d.Find(`#gold-finished button`).Length() != 0 {
		t.Errorf("a reviewer's page of reviewed gold: %q", strings.Join(strings.Fields(d.Find("main").Text()), " "))
	}
	if d.Find(`#candidates button:not([disabled])`).Length() != 0 || d.Find(`#accept-agreed button:not([disabled])`).Length() != 0 {
		t.Error("reviewed gold still offers enabled buttons")
	}
	d = htmlPage(t, te.rana.post(review+"/accept", accept), http.StatusConflict)
	if d.Find("#form-error").Text() == "" || len(te.layer(doc, 0).Spans) != 0 {
		t.Errorf("accepting into reviewed gold: error %q, gold %d spans", d.Find("#form-error").Text(), len(te.layer(doc, 0).Spans))
	}

	expect(t, te.rana.post(review+"/reopen", nil), http.StatusForbidden)
	if htmlPage(t, te.samir.get(review), http.StatusOK).Find(`#gold-finished button`).Text() != "Reopen gold" {
		t.Error("the manager is not offered to reopen gold")
	}
	redirectsTo(t, te.samir.post(review+"/reopen", nil), review+"?done=reopened")
	if st := te.layer(doc, 0).Status; st != "in_progress" {
		t.Fatalf("gold is %q after Reopen", st)
	}
	redirectsTo(t, te.rana.post(review+"/accept", accept), fmt.Sprintf("%s?done=accepted&at=c-%d-%d-LOC#c-%[2]d-%[3]d-LOC", review, loc.Start, loc.End))
	if te.events("layer.reviewed") != 1 || te.events("layer.reopen") != 1 {
		t.Errorf("events: %d reviewed, %d reopen; want 1 and 1", te.events("layer.reviewed"), te.events("layer.reopen"))
	}
}

// TestReviewQueue: a document is ready for review once every user's layer
// on it is finished, and leaves the queue when its gold is reviewed; the
// count reviewed is out of every document of the project.
func TestReviewQueue(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	item := func() (string, string) {
		t.Helper()
		r := htmlPage(t, te.rana.get("/"), http.StatusOK).Find(".review-item")
		text := r.Find(".progress-text, .all-done, .empty").Map(func(_ int, s *goquery.Selection) string { return strings.Join(strings.Fields(s.Text()), " ") })
		return strings.Join(text, " "), r.Find("a.next-review").AttrOr("href", "")
	}
	if got, _ := item(); got != "0 / 3 reviewed, 0 ready Nothing annotated yet" {
		t.Errorf("before anyone annotates: %q", got)
	}
	te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	for _, who := range []*queueActor{te.layla, te.karim} {
		if got, next := item(); got != "0 / 3 reviewed, 0 ready Nothing ready: annotators are still at work" || next != "" {
			t.Errorf("before %s is done: %q, next %q", who.user.Name, got, next)
		}
		if _, err := te.store.MarkDone(t.Context(), doc, who.user); err != nil {
			t.Fatal(err)
		}
	}
	if got, next := item(); got != "0 / 3 reviewed, 1 ready" || next != docPath(doc)+"/review" {
		t.Errorf("both done: %q, next %q", got, next)
	}
	// A second document ready: marking the first reviewed opens the second.
	doc2 := te.docs[1]
	s, e := cpSpan(t, doc2.Text, "نص")
	if _, err := te.store.CreateSpan(t.Context(), doc2, te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: s, End: e, Label: "LOC"}); err != nil {
		t.Fatal(err)
	}
	if _, err := te.store.MarkDone(t.Context(), doc2, te.layla.user); err != nil {
		t.Fatal(err)
	}
	force := url.Values{"force": {"1"}} // their spans are not what this is about
	landing := fmt.Sprintf("%s/review?done=reviewed-next&prev=%d", docPath(doc2), doc.ID)
	redirectsTo(t, te.rana.post(docPath(doc)+"/review/done", force), landing)
	// It names the document it finished, as Mark done does.
	if got, want := htmlPage(t, te.rana.get(landing), http.StatusOK).Find("#form-notice").Text(), "Marked gold of "+doc.ExternalID+" reviewed. This is the next document ready for review."; got != want {
		t.Errorf("the next document's review says %q, want %q", got, want)
	}
	if got, next := item(); got != "1 / 3 reviewed, 1 ready" || next != docPath(doc2)+"/review" {
		t.Errorf("one reviewed: %q, next %q", got, next)
	}
	redirectsTo(t, te.rana.post(docPath(doc2)+"/review/done", force), docPath(doc2)+"/review?done=reviewed")
	// The count is out of every document of the project, the third,
	// which nobody annotated, included.
	if got, _ := item(); got != "2 / 3 reviewed, 0 ready Nothing ready: annotators are still at work" {
		t.Errorf("two of three reviewed: %q", got)
	}
	redirectsTo(t, te.rana.post(docPath(te.docs[2])+"/review/done", force), docPath(te.docs[2])+"/review?done=reviewed")
	if got, _ := item(); got != "3 / 3 reviewed, 0 ready All reviewed" {
		t.Errorf("reviewed: %q", got)
	}
	if label := htmlPage(t, te.rana.get("/"), http.StatusOK).Find(".review-item progress").AttrOr("aria-label", ""); label != te.proj.Name+": 3 of 3 documents reviewed" {
		t.Errorf("the review progress is labelled %q", label)
	}
}

// TestReviewShowsOnlyDisputed: the review lists only the disputed spans
// on asking, says how many there are, and links back to every span.
func TestReviewShowsOnlyDisputed(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if d.Find("#candidates tbody tr").Length() != 2 || d.Find("#show-filter a").First().Text() != "Show only disputed spans (1)" {
		t.Errorf("all spans: %d rows, filter %q", d.Find("#candidates tbody tr").Length(), d.Find("#show-filter").Text())
	}
	d = htmlPage(t, te.rana.get(review+"?show=disputed"), http.StatusOK)
	if d.Find("#candidates tbody tr").Length() != 1 || d.Find("#candidates tbody tr mark").Text() != "الرياض" || d.Find("#show-filter a").AttrOr("href", "") != review {
		t.Errorf("disputed only: %d rows, filter %q", d.Find("#candidates tbody tr").Length(), d.Find("#show-filter").Text())
	}
	expect(t, te.rana.get(review+"?show=some"), http.StatusBadRequest)
}

// TestAgreementAgainstGold: once a document's gold is reviewed, each
// annotator's layer of it is scored against that gold on the agreement
// page and in its API, precision over their spans and recall over gold's.
func TestAgreementAgainstGold(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d/agreement", te.proj.ID)
	te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	te.addSpan(0, "أحمد", "PER")
	te.addSpan(0, "الرياض", "LOC")
	d := htmlPage(t, te.rana.get(page), http.StatusOK)
	if d.Find("#gold-empty").Length() != 1 || d.Find("#agreement-gold").Length() != 0 {
		t.Errorf("gold not yet reviewed, but the page reads %q", strings.Join(strings.Fields(d.Find("main").Text()), " "))
	}
	if _, err := te.store.MarkReviewed(t.Context(), te.doc, te.rana.user); err != nil {
		t.Fatal(err)
	}
	d = htmlPage(t, te.rana.get(page), http.StatusOK)
	var rows []string
	d.Find("#agreement-gold tbody tr").Each(func(_ int, r *goquery.Selection) { rows = append(rows, cells(r)) })
	want := []string{"karim 1 1 0 1 1.00 0.50 0.67 0 0 0.67", "layla 1 2 0 0 1.00 1.00 1.00 0 0 1.00"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("against gold:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if got := strings.Join(strings.Fields(d.Find("#gold-hint").Text()), " "); !strings.Contains(got, "reviewed gold of 1 document,") {
		t.Errorf("hint %q", got)
	}

	var api struct {
		GoldDocs int `json:"gold_documents"`
		Gold     []struct {
			A         string   `json:"a"`
			Documents int      `json:"documents"`
			Precision *float64 `json:"precision"`
			Recall    *float64 `json:"recall"`
			F1        *float64 `json:"f1"`
		} `json:"against_gold"`
	}
	decodeJSON(t, te.rana.get(fmt.Sprintf("/api/v1/projects/%d/agreement", te.proj.ID)), &api)
	if api.GoldDocs != 1 || len(api.Gold) != 2 || api.Gold[0].A != "karim" || *api.Gold[0].Precision != 1 || *api.Gold[0].Recall != 0.5 || api.Gold[1].Documents != 1 {
		t.Errorf("against gold in the API: %+v", api)
	}
}

// TestAgreementQuotesAgainstGold: each annotator's quotations against
// reviewed gold, with gold's speaker compared on the paired ones.
func TestAgreementQuotesAgainstGold(t *testing.T) {
	te := newTeamEnv(t)
	speaker := func(owner int64) {
		t.Helper()
		q := te.addSpan(owner, "الاقتصاد ينمو", "QUOTE")
		p := te.addSpan(owner, "أحمد", "PER")
		if _, err := te.store.CreateRelation(t.Context(), te.doc, owner, te.rana.user.ID, db.RelationInput{Type: "speaker", From: q.ID, To: p.ID}); err != nil {
			t.Fatal(err)
		}
	}
	speaker(0)
	speaker(te.layla.user.ID)
	te.addSpan(te.karim.user.ID, "الرياض", "LOC") // no quotation
	if _, err := te.store.MarkReviewed(t.Context(), te.doc, te.rana.user); err != nil {
		t.Fatal(err)
	}
	d := htmlPage(t, te.rana.get(fmt.Sprintf("/projects/%d/agreement", te.proj.ID)), http.StatusOK)
	var rows []string
	d.Find("#agreement-gold-quotes tbody tr").Each(func(_ int, r *goquery.Selection) { rows = append(rows, cells(r)) })
	want := []string{"karim 0 0 1 — 0.00 0 — — —", "layla 1 0 0 1.00 1.00 0 1 of 1 (1.00) — —"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("quotations against gold:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	var api struct {
		Quotes struct {
			Gold []struct {
				A       string                 `json:"a"`
				Recall  *float64               `json:"recall"`
				Speaker struct{ Same, Of int } `json:"same_speaker"`
			} `json:"against_gold"`
		} `json:"quotations"`
	}
	decodeJSON(t, te.rana.get(fmt.Sprintf("/api/v1/projects/%d/agreement", te.proj.ID)), &api)
	if g := api.Quotes.Gold; len(g) != 2 || g[0].A != "karim" || g[0].Recall == nil || *g[0].Recall != 0 || g[1].Speaker.Same != 1 || g[1].Speaker.Of != 1 {
		t.Errorf("quotations against gold in the API: %+v", api.Quotes.Gold)
	}
}

// TestMarkReviewedAsksAboutSpeakers: gold holding a quotation with no
// speaker is not marked reviewed at the first press: the review page
// says so and offers to mark it anyway, which does; so does the gold
// layer's page.
func TestMarkReviewedAsksAboutSpeakers(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	te.addSpan(0, "الاقتصاد ينمو", "QUOTE")
	if htmlPage(t, te.rana.get(review), http.StatusOK).Find("#mark-reviewed.confirm").Length() != 0 {
		t.Error("Mark gold reviewed asks first, though its press only lists the quotations lacking a speaker")
	}
	redirectsTo(t, te.rana.post(review+"/done", nil), review+"?warn=quotes#gold-quote-warning")
	if l := te.layer(te.doc, 0); l.Status == "reviewed" {
		t.Fatal("gold was marked reviewed with a quotation lacking a speaker")
	}
	d := htmlPage(t, te.rana.get(review+"?warn=quotes"), http.StatusOK)
	if got := strings.Join(strings.Fields(d.Find("#gold-quote-warning p").Text()), " "); !strings.Contains(got, "Gold holds 1 quotation with no speaker") {
		t.Errorf("warning reads %q", got)
	}
	if d.Find(`#gold-quote-warning input[name="force"][value="1"]`).Length() != 1 {
		t.Error("no way to mark gold reviewed anyway")
	}
	// The gold layer's own warning, where the review page's link leads,
	// finishes gold too, never the reviewer's own layer.
	g := htmlPage(t, te.rana.get(fmt.Sprintf("/documents/%d?layer=gold&warn=quotes", te.doc.ID)), http.StatusOK)
	if n := g.Find("#mark-done-anyway").Length(); n != 0 {
		t.Error("the gold layer's warning offers Mark done, which would finish the reviewer's own layer")
	}
	if action, _ := g.Find("#mark-reviewed-anyway").Closest("form").Attr("action"); action != review+"/done" {
		t.Errorf("the gold layer's warning posts to %q, want %s/done", action, review)
	}
	te.rana.post(review+"/done", url.Values{"force": {"1"}})
	if l := te.layer(te.doc, 0); l.Status != "reviewed" {
		t.Errorf("after Mark reviewed anyway gold is %q", l.Status)
	}
}

// TestReviewRejects: a reviewer rejects a span for gold and takes it
// back; the page counts what is left undecided, lists only that when
// asked, and the bulk accept leaves a rejected span out.
func TestReviewRejects(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	per := te.addSpan(te.layla.user.ID, "أحمد", "PER")
	te.addSpan(te.karim.user.ID, "أحمد", "PER")
	loc := te.addSpan(te.layla.user.ID, "الرياض", "LOC")
	perForm := url.Values{"label": {"PER"}, "start": {fmt.Sprint(per.Start)}, "end": {fmt.Sprint(per.End)}}
	anchor := fmt.Sprintf("#c-%d-%d-PER", per.Start, per.End)

	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if got := d.Find("#undecided-count").Text(); got != "2 of 2 spans undecided." {
		t.Errorf("before any decision: %q", got)
	}
	redirectsTo(t, te.rana.post(review+"/reject", perForm), review+"?done=rejected"+at(anchor))
	// Sent again (from a second tab): answered alike, and nothing more is
	// logged, nothing having changed.
	redirectsTo(t, te.rana.post(review+"/reject", perForm), review+"?done=rejected"+at(anchor))
	if n := te.events("review.reject"); n != 1 {
		t.Errorf("rejecting twice logged %d review.reject events, want 1", n)
	}
	d = htmlPage(t, te.rana.get(review+"?done=rejected"), http.StatusOK)
	row := d.Find(anchor)
	if d.Find("#form-notice").Text() != "Rejected: it stays out of gold." || !row.HasClass("rejected") || row.Find(".rejected-mark").Length() != 1 ||
		row.Find(`form[action$="/review/unreject"] button`).AttrOr("aria-label", "") != "Take back the rejection of PER “أحمد”" {
		t.Errorf("after rejecting: notice %q, row %q (class %q)", d.Find("#form-notice").Text(), words(row), row.AttrOr("class", ""))
	}
	if got := d.Find("#undecided-count").Text(); got != "1 of 2 spans undecided." {
		t.Errorf("after one rejection: %q", got)
	}
	// Brought back to the row, the notice stands in it; naming a row the
	// page does not list, at the top.
	for _, tc := range []struct{ at, in string }{{anchor[1:], anchor[1:]}, {"c-1-2-NONE", "main"}} {
		d := htmlPage(t, te.rana.get(review+"?done=rejected&at="+tc.at), http.StatusOK)
		n := d.Find("#form-notice")
		if in, _ := n.Parent().Closest("[id]").Attr("id"); n.Length() != 1 || in != tc.in {
			t.Errorf("at=%s: %d notices, in #%s, want one in #%s", tc.at, n.Length(), in, tc.in)
		}
	}
	// Only the undecided: the LOC, not the rejected PER.
	d = htmlPage(t, te.rana.get(review+"?show=undecided"), http.StatusOK)
	if rows := d.Find("#candidates tbody tr"); rows.Length() != 1 || rows.AttrOr("id", "") != fmt.Sprintf("c-%d-%d-LOC", loc.Start, loc.End) {
		t.Errorf("undecided rows: %d, first %q", rows.Length(), rows.AttrOr("id", ""))
	}
	// Both annotators marked the PER, but it is rejected: the bulk accept
	// leaves it out.
	if got := htmlPage(t, te.rana.get(review), http.StatusOK).Find("#accept-agreed button").Text(); got != "No span every annotator marked is left to accept" {
		t.Errorf("bulk accept with the agreed span rejected: %q", got)
	}
	redirectsTo(t, te.rana.post(review+"/accept-agreed", nil), review+"?done=accepted-agreed&spans=0&n=0")

	// Refused: what is not there to decide, bad offsets, an annotator.
	for _, c := range []struct {
		who    *queueActor
		path   string
		form   url.Values
		status int
		says   string
	}{
		{te.rana, "/reject", url.Values{"label": {"ORG"}, "start": {fmt.Sprint(per.Start)}, "end": {fmt.Sprint(per.End)}}, http.StatusNotFound, "holds ORG"},
		{te.rana, "/reject", url.Values{"label": {"PER"}, "start": {"x"}, "end": {"3"}}, http.StatusBadRequest, `Start "x" is not an offset`},
		{te.rana, "/reject", url.Values{"start": {fmt.Sprint(loc.Start)}, "end": {fmt.Sprint(loc.End)}}, http.StatusBadRequest, "sends no label"},
		{te.rana, "/unreject", url.Values{"label": {"LOC"}, "start": {fmt.Sprint(loc.Start)}, "end": {fmt.Sprint(loc.End)}}, http.StatusNotFound, "was not rejected"},
		{te.layla, "/reject", url.Values{"label": {"LOC"}, "start": {fmt.Sprint(loc.Start)}, "end": {fmt.Sprint(loc.End)}}, http.StatusForbidden, ""},
	} {
		rec := c.who.post(review+c.path, c.form)
		d := htmlPage(t, rec, c.status)
		if got := d.Find("#form-error").Text(); !strings.Contains(got, c.says) {
			t.Errorf("%s %v: error %q, want it to say %q", c.path, c.form, got, c.says)
		}
	}

	redirectsTo(t, te.rana.post(review+"/unreject", perForm), review+"?done=unrejected"+at(anchor))
	if got := htmlPage(t, te.rana.get(review), http.StatusOK).Find("#undecided-count").Text(); got != "2 of 2 spans undecided." {
		t.Errorf("after taking the rejection back: %q", got)
	}
	if n := len(te.layer(te.doc, 0).Spans); n != 0 {
		t.Errorf("gold holds %d spans; rejecting adds none", n)
	}
}

// TestReviewLabelAlternatives: two annotators gave the same words two
// labels, shown as one group; once gold holds one, the other row offers
// to accept its label instead and counts as decided. The page names each layer's status.
func TestReviewLabelAlternatives(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	per := te.addSpan(te.layla.user.ID, "أحمد", "PER")
	org := te.addSpan(te.karim.user.ID, "أحمد", "ORG")
	if _, err := te.store.MarkDone(t.Context(), te.doc, te.layla.user); err != nil {
		t.Fatal(err)
	}
	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	if got := words(d.Find("#layer-statuses")); got != "Layers: karim in progress, layla done" {
		t.Errorf("layer statuses: %q", got)
	}
	redirectsTo(t, te.rana.post(review+"/accept", acceptForm("layla", per)),
		fmt.Sprintf("%s?done=accepted&at=c-%d-%d-PER#c-%[2]d-%[3]d-PER", review, per.Start, per.End))
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	row := d.Find(fmt.Sprintf("#c-%d-%d-ORG", org.Start, org.End))
	if row.Find("button").First().Text() != "Accept ORG instead of PER" || row.Find(".group-head").Text() != "Labels differ: 2 labels, one in gold" ||
		row.HasClass("undecided") || d.Find("#undecided-count").Text() != "Every span is decided." {
		t.Errorf("the ORG row reads %q (class %q); %q", words(row), row.AttrOr("class", ""), d.Find("#undecided-count").Text())
	}
}

// acceptForm is a row's Accept form as the review page sends it: the
// layer and its span, with the label and offsets the row shows.
func acceptForm(layer string, sp db.Span) url.Values {
	return url.Values{"layer": {layer}, "span": {fmt.Sprint(sp.ID)}, "label": {sp.Label}, "start": {fmt.Sprint(sp.Start)}, "end": {fmt.Sprint(sp.End)}}
}

// withField is a copy of form with one field set ("" leaves it out).
func withField(form url.Values, name, value string) url.Values {
	out := url.Values{}
	for k, v := range form {
		out[k] = append([]string(nil), v...)
	}
	if value == "" {
		out.Del(name)
	} else {
		out.Set(name, value)
	}
	return out
}

// at is the query naming the row a review form came from, then the
// fragment that scrolls to it: how the page comes back to a row.
func at(anchor string) string {
	return "&at=" + strings.TrimPrefix(anchor, "#") + anchor
}

// TestReviewRefusesChangedRow: the reviewer's page shows layla's ORG and
// her quotation; she relabels the one and moves the other. Accept, and
// Accept with her links, sent as the page's forms send them, are refused
// with 409 saying the span changed since the page was loaded, from a
// plain form and in place alike, and gold gets nothing; the page loaded
// again accepts the span as it is now.
func TestReviewRefusesChangedRow(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	org := te.addSpan(te.layla.user.ID, "الوزير أحمد", "ORG")
	q := te.addSpan(te.layla.user.ID, "الاقتصاد ينمو", "QUOTE")
	if _, err := te.store.CreateRelation(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, db.RelationInput{Type: "speaker", From: q.ID, To: org.ID}); err != nil {
		t.Fatal(err)
	}
	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	accept := rowForm(t, d, "Accept ORG “الوزير أحمد” into gold")
	withLinks := rowForm(t, d, "Accept QUOTE “الاقتصاد ينمو” into gold with layla's links")

	per := "PER"
	if _, err := te.store.UpdateSpan(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, org.ID, db.SpanPatch{Label: &per}); err != nil {
		t.Fatal(err)
	}
	qs, qe := q.Start-1, q.End+1 // the quotation marks too
	if _, err := te.store.UpdateSpan(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, q.ID, db.SpanPatch{Start: &qs, End: &qe}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		form url.Values
		says string
	}{
		{"relabelled", accept, fmt.Sprintf("The span changed since the page was loaded: in layla's layer it is PER %d–%d now, not ORG %[1]d–%[2]d.", org.Start, org.End)},
		{"moved, with links", withLinks, fmt.Sprintf("it is QUOTE %d–%d now, not QUOTE %d–%d.", qs, qe, q.Start, q.End)},
	} {
		for _, send := range []func(*queueActor, string, url.Values) *httptest.ResponseRecorder{(*queueActor).post, decideInPlace} {
			d := htmlPage(t, send(te.rana, review+"/accept", withField(c.form, "_csrf", "")), http.StatusConflict)
			if got := d.Find("#form-error").Text(); !strings.Contains(got, c.says) {
				t.Errorf("%s: error %q, want it to say %q", c.name, got, c.says)
			}
			if g := te.layer(doc, 0); len(g.Spans) != 0 {
				t.Fatalf("%s: a refused accept put %+v into gold", c.name, g.Spans)
			}
		}
	}
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	redirectsTo(t, te.rana.post(review+"/accept", rowForm(t, d, "Accept PER “الوزير أحمد” into gold")),
		fmt.Sprintf("%s?done=accepted&at=c-%d-%d-PER#c-%[2]d-%[3]d-PER", review, org.Start, org.End))
	if g := te.layer(doc, 0); len(g.Spans) != 1 || g.Spans[0].Label != "PER" {
		t.Errorf("gold after accepting the row as it is now: %+v", g.Spans)
	}
}

// rowForm is the fields of the review form whose button is labelled
// aria, as the page would send them (without the CSRF field, which the
// test's post adds).
func rowForm(t *testing.T, d *goquery.Document, aria string) url.Values {
	t.Helper()
	form := d.Find(fmt.Sprintf(`#candidates button[aria-label=%q]`, aria)).Closest("form")
	if form.Length() != 1 {
		t.Fatalf("no form with a button %q", aria)
	}
	out := url.Values{}
	form.Find("input[name]").Each(func(_ int, in *goquery.Selection) {
		if name := in.AttrOr("name", ""); name != "_csrf" {
			out.Add(name, in.AttrOr("value", ""))
		}
	})
	return out
}

// TestReviewNoticeCountsLeftOut: after the bulk accept the notice says
// how many agreed spans it left out because they changed meanwhile, and
// nothing of it when none did.
func TestReviewNoticeCountsLeftOut(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	for query, want := range map[string]string{
		"spans=2&n=1":           "Accepted 2 spans and 1 link into gold.",
		"spans=2&n=1&changed=1": "Accepted 2 spans and 1 link into gold. 1 agreed span changed meanwhile and was left out: decide it in the list.",
		"spans=0&n=0&changed=3": "Nothing was accepted into gold. 3 agreed spans changed meanwhile and were left out: decide them in the list.",
		"spans=3&n=0":           "Accepted 3 spans into gold.",
	} {
		if got := htmlPage(t, te.rana.get(review+"?done=accepted-agreed&"+query), http.StatusOK).Find("#form-notice").Text(); got != want {
			t.Errorf("%s: notice %q, want %q", query, got, want)
		}
	}
}

// TestAcceptNoticesOmitZero: the notices after an accept, its undo and
// a span brought with its links count spans and links, leaving out a
// part that is zero, on the review page and on the Agreement page.
func TestAcceptNoticesOmitZero(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review?", te.doc.ID)
	agreement := fmt.Sprintf("/projects/%d/agreement?", te.proj.ID)
	for query, want := range map[string]string{
		review + "done=undone-accept&spans=3&n=0":      "The accept is taken back: 3 spans left gold.",
		review + "done=undone-accept&spans=0&n=1":      "The accept is taken back: 1 link left gold.",
		review + "done=linked&spans=1&n=0":             "Gold gained 1 span.",
		review + "done=linked&spans=0&n=2":             "Gold gained 2 links.",
		agreement + "done=accepted&n=3&links=0&docs=2": "Accepted 3 spans into gold, in 2 documents.",
		agreement + "done=accepted&n=0&links=1&docs=1": "Accepted 1 link into gold, in 1 document.",
		agreement + "done=accepted&n=0&links=0&docs=0": "Nothing was accepted into gold.",
		agreement + "done=undone&n=1&links=0&docs=1":   "The accept is taken back: 1 span left gold, in 1 document.",
	} {
		if got := htmlPage(t, te.rana.get(query), http.StatusOK).Find("#form-notice").Text(); got != want {
			t.Errorf("%s: notice %q, want %q", query, got, want)
		}
	}
}
