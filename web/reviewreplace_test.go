package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestReviewAcceptInsteadReplacesAndUndoes: karim gave أحمد PER and
// layla ORG. With PER in gold, ORG's Accept names what it replaces and
// puts ORG in PER's place in one step, PER's link going with it; the
// notice in ORG's row offers the undo, which brings PER back with its
// link. A form that saw other labels in gold than gold holds is refused,
// gold as it was.
func TestReviewAcceptInsteadReplacesAndUndoes(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	per := te.addSpan(te.karim.user.ID, "أحمد", "PER")
	org := te.addSpan(te.layla.user.ID, "أحمد", "ORG")
	goldLabels := func() string {
		var out []string
		for _, sp := range te.layer(doc, 0).Spans {
			out = append(out, sp.Label)
		}
		slices.Sort(out)
		return strings.Join(out, " ")
	}
	redirectsTo(t, te.rana.post(review+"/accept", acceptForm("karim", per)), review+"?done=accepted"+at(fmt.Sprintf("#c-%d-%d-PER", per.Start, per.End)))
	goldPER := te.layer(doc, 0).Spans[0]
	q := utf8.RuneCountInString(doc.Text[:strings.Index(doc.Text, "«")])
	quote, err := te.store.CreateSpan(t.Context(), doc, 0, te.rana.user.ID, db.SpanInput{Start: q, End: q + utf8.RuneCountInString("«الاقتصاد ينمو»"), Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := te.store.CreateRelation(t.Context(), doc, 0, te.rana.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: goldPER.ID}); err != nil {
		t.Fatal(err)
	}

	orgRow := fmt.Sprintf("c-%d-%d-ORG", org.Start, org.End)
	d := htmlPage(t, te.rana.get(review), http.StatusOK)
	form := d.Find("#" + orgRow + " form").First()
	if got := words(form.Find("button")) + " | " + form.Find("button").AttrOr("aria-label", "") + " | " + form.AttrOr("data-confirm", ""); got !=
		"Accept ORG instead of PER | Accept ORG instead of PER for “أحمد” in gold | Accept ORG “أحمد” into gold instead of PER? 1 link of PER in gold goes with it." {
		t.Errorf("ORG's accept reads %q", got)
	}

	// Stale forms: one that saw no label in gold, one that saw GPE.
	for _, saw := range []string{"", "GPE"} {
		d := htmlPage(t, te.rana.post(review+"/accept", withField(acceptForm("layla", org), "replaces", saw)), http.StatusConflict)
		if got := d.Find("#form-error").Text(); !strings.Contains(got, "gold gives the words PER now") {
			t.Errorf("accept ORG having seen %q in gold: %q", saw, got)
		}
		if goldLabels() != "PER QUOTE" {
			t.Fatalf("a refused accept left gold %q", goldLabels())
		}
	}

	redirectsTo(t, te.rana.post(review+"/accept", withField(acceptForm("layla", org), "replaces", "PER")), review+"?done=replaced&n=1"+at("#"+orgRow))
	if got := goldLabels(); got != "ORG QUOTE" || len(te.layer(doc, 0).Relations) != 0 {
		t.Fatalf("gold after ORG instead of PER: %q with %d links, want ORG and QUOTE unlinked", got, len(te.layer(doc, 0).Relations))
	}
	d = htmlPage(t, te.rana.get(review+"?done=replaced&n=1&at="+orgRow), http.StatusOK)
	row := d.Find("#" + orgRow)
	undo := row.Find("form#undo-replace")
	if got := words(row.Find("#form-notice")) + " | " + words(undo.Find("button")); got != "Accepted into gold, in place of the label gold gave these words, and 1 link went with it. | Undo: back to PER" {
		t.Errorf("ORG's row after the accept reads %q", got)
	}
	// The manager's page offers no undo of rana's accept.
	if n := htmlPage(t, te.samir.get(review+"?done=replaced&at="+orgRow), http.StatusOK).Find("#undo-replace").Length(); n != 0 {
		t.Errorf("samir's page offers rana's undo")
	}

	// The undo, as the page's script sends it: both rows come back.
	event := undo.Find(`input[name="replace"]`).AttrOr("value", "")
	d = htmlPage(t, decideInPlace(te.rana, review+"/undo-replace", url.Values{"replace": {event}}), http.StatusOK)
	want := fmt.Sprintf("%d-%d\n", org.Start, org.End) +
		orgRow + ": Accept ORG instead of PER Reject\n" +
		fmt.Sprintf("c-%d-%d-PER: in gold Remove The accept is taken back: gold has the label it had before, with 1 link.", per.Start, per.End)
	if got := answerRows(d); got != want {
		t.Errorf("the undo answered\n%s\nwant\n%s", got, want)
	}
	if got := goldLabels(); got != "PER QUOTE" || len(te.layer(doc, 0).Relations) != 1 {
		t.Errorf("gold after the undo: %q with %d links, want PER linked again", got, len(te.layer(doc, 0).Relations))
	}
	d = htmlPage(t, te.rana.post(review+"/undo-replace", url.Values{"replace": {event}}), http.StatusConflict)
	if got := d.Find("#form-error").Text(); !strings.Contains(got, "taken back already") {
		t.Errorf("the undo sent twice: %q", got)
	}
	if te.events("review.replace") != 1 || te.events("review.undo-replace") != 1 {
		t.Errorf("logged %d replacements and %d undos, want 1 each", te.events("review.replace"), te.events("review.undo-replace"))
	}
}

// TestReviewLabelGroupsOnFilteredLists: with karim's PER rejected and
// layla's ORG of the same words undecided, the undecided list shows the
// group whole, the count counting the undecided alone. With both labels
// in gold (made by hand), both rows offer Remove, the heading asks to
// remove all but one, and nothing offers to replace.
func TestReviewLabelGroupsOnFilteredLists(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	per := te.addSpan(te.karim.user.ID, "أحمد", "PER")
	org := te.addSpan(te.layla.user.ID, "أحمد", "ORG")
	if err := te.store.RejectForGold(t.Context(), doc, te.rana.user.ID, db.SpanKey{Label: "PER", Start: per.Start, End: per.End}, true); err != nil {
		t.Fatal(err)
	}
	d := htmlPage(t, te.rana.get(review+"?show=undecided"), http.StatusOK)
	var ids []string
	d.Find("#candidates tbody tr").Each(func(_ int, r *goquery.Selection) { ids = append(ids, r.AttrOr("id", "")) })
	wantIDs := fmt.Sprintf("c-%d-%d-ORG c-%[1]d-%[2]d-PER", org.Start, org.End)
	if got := strings.Join(ids, " ") + " | " + d.Find("#undecided-count").Text(); got != wantIDs+" | 1 of 2 spans undecided." {
		t.Errorf("the undecided list: %q", got)
	}

	for _, sp := range []db.Span{per, org} {
		if _, err := te.store.CreateSpan(t.Context(), doc, 0, te.rana.user.ID, db.SpanInput{Start: sp.Start, End: sp.End, Label: sp.Label}); err != nil {
			t.Fatal(err)
		}
	}
	d = htmlPage(t, te.rana.get(review), http.StatusOK)
	var rows []string
	d.Find("#candidates tbody tr").Each(func(_ int, r *goquery.Selection) { rows = append(rows, words(r.Find("td.gold"))) })
	if got := words(d.Find(".group-head")) + " | " + strings.Join(rows, " | "); got != "Labels differ: gold gives these words 2 labels; remove all but one | in gold Remove | in gold Remove" {
		t.Errorf("both labels in gold: %q", got)
	}
}

// TestReviewUndoReplaceOffAFilteredList: gold gives أحمد GPE, made by
// hand, where karim and layla both marked LOC. On the list of disputed
// spans (GPE, gold's alone, is), accepting LOC in place of GPE leaves
// the words one label every annotator marked, so their row leaves the
// list; the notice, above the table for a plain form and in the answer
// of one sent in place, keeps its undo, which names the row it is about
// and takes the accept back. (A replacement never starts from the list
// of undecided spans: gold holding a label there decides every label of
// the place.)
func TestReviewUndoReplaceOffAFilteredList(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	te.addSpan(0, "أحمد", "GPE")
	te.addSpan(te.karim.user.ID, "أحمد", "LOC")
	loc := te.addSpan(te.layla.user.ID, "أحمد", "LOC")
	te.addSpan(te.layla.user.ID, "الرياض", "LOC") // stays disputed, so the list is not empty
	locRow := fmt.Sprintf("c-%d-%d-LOC", loc.Start, loc.End)
	onList := withField(withField(acceptForm("layla", loc), "replaces", "GPE"), "show", "disputed")
	if d := htmlPage(t, te.rana.get(review+"?show=disputed"), http.StatusOK); words(d.Find("#"+locRow+" form button").First()) != "Accept LOC instead of GPE" {
		t.Fatalf("the disputed list offers LOC's row as %q", words(d.Find("#"+locRow)))
	}

	redirectsTo(t, te.rana.post(review+"/accept", onList), review+"?done=replaced&show=disputed"+at("#"+locRow))
	d := htmlPage(t, te.rana.get(review+"?done=replaced&show=disputed&at="+locRow), http.StatusOK)
	notice := d.Find(".undo-notice")
	if d.Find("#"+locRow).Length() != 0 || d.Find("#candidates #form-notice").Length() != 0 {
		t.Fatalf("LOC's row, agreed and in gold, is still on the disputed list")
	}
	if got := words(notice.Find("#form-notice")) + " | " + words(notice.Find("#undo-replace button")) + " | " + notice.Find("#undo-replace").AttrOr("data-row", ""); got !=
		"Accepted into gold, in place of the label gold gave these words. | Undo: back to GPE | "+locRow {
		t.Errorf("the notice above the table reads %q", got)
	}
	if got := notice.Find(`#undo-replace input[name="show"]`).AttrOr("value", ""); got != "disputed" {
		t.Errorf("the undo sends show=%q, want the list it was offered on", got)
	}
	event := notice.Find(`#undo-replace input[name="replace"]`).AttrOr("value", "")
	if _, err := te.store.UndoReplace(t.Context(), doc, te.rana.user.ID, mustInt(t, event)); err != nil {
		t.Fatal(err)
	}

	// The same in place, as the page's script sends it.
	d = htmlPage(t, decideInPlace(te.rana, review+"/accept", onList), http.StatusOK)
	undo := d.Find("#undo-replace")
	if d.Find("#candidates #"+locRow).Length() != 0 || undo.Length() != 1 || undo.Closest("#candidates").Length() != 0 || undo.AttrOr("data-row", "") != locRow {
		t.Fatalf("the answer in place holds %d undo forms (data-row %q), want one outside the table", undo.Length(), undo.AttrOr("data-row", ""))
	}
	d = htmlPage(t, decideInPlace(te.rana, review+"/undo-replace", url.Values{"replace": {undo.Find(`input[name="replace"]`).AttrOr("value", "")}, "show": {"disputed"}}), http.StatusOK)
	if got := words(d.Find("#form-notice")); got != "The accept is taken back: gold has the label it had before." {
		t.Errorf("the undo from above the table answered %q", got)
	}
	if l := te.layer(doc, 0); len(l.Spans) != 1 || l.Spans[0].Label != "GPE" {
		t.Errorf("gold after the undo: %+v, want GPE alone", l.Spans)
	}
}

// mustInt reads a form's number.
func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}

// TestReviewWithLinksInsteadReplacesAndUndoes: gold gives أحمد PER, a
// quotation's speaker; layla gave it ORG, referring to her ORG on
// الرياض. Her "With layla's links" says it replaces PER and asks first
// (PER's link goes), then puts ORG in PER's place with the link and the
// span it reaches; the notice says so and offers the undo, which brings
// gold back as it was.
func TestReviewWithLinksInsteadReplacesAndUndoes(t *testing.T) {
	te := newTeamEnv(t)
	doc := te.doc
	review := fmt.Sprintf("/documents/%d/review", doc.ID)
	per := te.addSpan(te.karim.user.ID, "أحمد", "PER")
	org := te.addSpan(te.layla.user.ID, "أحمد", "ORG")
	city := te.addSpan(te.layla.user.ID, "الرياض", "ORG")
	if _, err := te.store.CreateRelation(t.Context(), doc, te.layla.user.ID, te.layla.user.ID, db.RelationInput{Type: "refers_to", From: org.ID, To: city.ID}); err != nil {
		t.Fatal(err)
	}
	redirectsTo(t, te.rana.post(review+"/accept", acceptForm("karim", per)), review+"?done=accepted"+at(fmt.Sprintf("#c-%d-%d-PER", per.Start, per.End)))
	q := utf8.RuneCountInString(doc.Text[:strings.Index(doc.Text, "«")])
	quote, err := te.store.CreateSpan(t.Context(), doc, 0, te.rana.user.ID, db.SpanInput{Start: q, End: q + utf8.RuneCountInString("«الاقتصاد ينمو»"), Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := te.store.CreateRelation(t.Context(), doc, 0, te.rana.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: te.layer(doc, 0).Spans[0].ID}); err != nil {
		t.Fatal(err)
	}
	gold := func() string {
		l := te.layer(doc, 0)
		var out []string
		for _, sp := range l.Spans {
			out = append(out, sp.Label+" "+sp.Text)
		}
		slices.Sort(out)
		return fmt.Sprintf("%s; %d links", strings.Join(out, ", "), len(l.Relations))
	}
	before := gold()

	orgRow := fmt.Sprintf("c-%d-%d-ORG", org.Start, org.End)
	form := htmlPage(t, te.rana.get(review), http.StatusOK).Find("#" + orgRow + ` form:has(input[name="links"])`)
	if got := words(form.Find("button")) + " | " + form.Find("button").AttrOr("aria-label", "") + " | " + form.AttrOr("data-confirm", "") + " | " + form.Find(`input[name="replaces"]`).AttrOr("value", ""); got !=
		"With layla's links, instead of PER | Accept ORG “أحمد” into gold with layla's links, instead of PER | Accept ORG “أحمد” into gold instead of PER? 1 link of PER in gold goes with it. | PER" {
		t.Errorf("ORG's With layla's links reads %q", got)
	}
	withLinks := withField(withField(acceptForm("layla", org), "links", "1"), "replaces", "PER")
	// A page from before gold gave the words PER is refused.
	if d := htmlPage(t, te.rana.post(review+"/accept", withField(withLinks, "replaces", "")), http.StatusConflict); !strings.Contains(d.Find("#form-error").Text(), "gold gives the words PER now") || gold() != before {
		t.Errorf("a stale With layla's links: %q, gold %q", d.Find("#form-error").Text(), gold())
	}

	redirectsTo(t, te.rana.post(review+"/accept", withLinks), review+"?done=replaced&n=1&spans=1&linked=1"+at("#"+orgRow))
	if got, want := gold(), "ORG أحمد, ORG الرياض, QUOTE «الاقتصاد ينمو»; 1 links"; got != want {
		t.Fatalf("gold after ORG with layla's links: %q, want %q", got, want)
	}
	row := htmlPage(t, te.rana.get(review+"?done=replaced&n=1&spans=1&linked=1&at="+orgRow), http.StatusOK).Find("#" + orgRow)
	if got := words(row.Find("#form-notice")) + " | " + words(row.Find("#undo-replace button")); got !=
		"Accepted into gold, in place of the label gold gave these words, and 1 link went with it. Its links brought 1 span and 1 link into gold. | Undo: back to PER" {
		t.Errorf("ORG's row after the accept reads %q", got)
	}
	event := row.Find(`#undo-replace input[name="replace"]`).AttrOr("value", "")
	d := htmlPage(t, decideInPlace(te.rana, review+"/undo-replace", url.Values{"replace": {event}}), http.StatusOK)
	if got := words(d.Find("#form-notice")); got != "The accept is taken back: gold has the label it had before, with 1 link." {
		t.Errorf("the undo answered %q", got)
	}
	if got := gold(); got != before {
		t.Errorf("gold after the undo: %q, want %q", got, before)
	}
}
