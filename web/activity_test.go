package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestActivityPage: a manager reads every change of the project, who made
// it, on which document and in whose layer, newest first, fifty at a time.
func TestActivityPage(t *testing.T) {
	env := newAPIEnv(t)
	ctx := context.Background()
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)
	start, end := cpSpan(t, apiText, "أحمد")
	rec := env.do(http.MethodPost, spans, fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, start, end))
	expect(t, rec, http.StatusCreated)
	var sp db.Span
	decodeJSON(t, rec, &sp)
	expect(t, env.do(http.MethodPatch, fmt.Sprintf("%s/%d", spans, sp.ID), `{"label":"ORG"}`), http.StatusOK)
	expect(t, env.do(http.MethodPost, spans+"?layer=gold", fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, start, end)), http.StatusCreated)

	page := func(query string) *goquery.Document {
		t.Helper()
		rec := env.do(http.MethodGet, fmt.Sprintf("/projects/%d/activity%s", env.proj.ID, query), nil)
		expect(t, rec, http.StatusOK)
		d, err := goquery.NewDocumentFromReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	rows := page("").Find("table.activity tbody tr")
	got := activityRows(rows)
	want := []string{
		"amina | doc-1 | added the span PER 13–17 “أحمد” to gold",
		"amina | doc-1 | changed the span PER 13–17 “أحمد” to ORG 13–17 “أحمد” in amina's layer",
		"amina | doc-1 | added the span PER 13–17 “أحمد” to amina's layer",
		"amina |  | imported 1 document (no annotations) from setup",
		"amina |  | created the project أخبار",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("activity rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if href, _ := rows.First().Find("a").Attr("href"); href != fmt.Sprintf("/documents/%d", env.doc.ID) {
		t.Errorf("the document links to %q", href)
	}

	// Sixty more changes: fifty on the first page, then an "Older" link.
	for range 30 {
		made, err := env.store.CreateSpan(ctx, env.doc, env.user.ID, env.user.ID, db.SpanInput{Start: 0, End: 3, Label: "CUE"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.store.DeleteSpan(ctx, env.doc, env.user.ID, env.user.ID, made.ID); err != nil {
			t.Fatal(err)
		}
	}
	first := page("")
	older, ok := first.Find(`a[rel="next"]`).Attr("href")
	if n := first.Find("table.activity tbody tr").Length(); n != 50 || !ok {
		t.Fatalf("first page: %d rows, older link %v; want 50 and a link", n, ok)
	}
	_, query, _ := strings.Cut(older, "activity")
	second := page(query)
	if n := second.Find("table.activity tbody tr").Length(); n != 65-50 || second.Find(`a[rel="next"]`).Length() != 0 {
		t.Errorf("second page: %d rows (want 15) and an older link: %d", n, second.Find(`a[rel="next"]`).Length())
	}
	if last := second.Find("table.activity tbody tr").Last().Text(); !strings.Contains(last, "created the project") {
		t.Errorf("the oldest change is %q, want the project's creation", last)
	}

	rec = env.do(http.MethodGet, fmt.Sprintf("/projects/%d/activity?before=x", env.proj.ID), nil)
	expect(t, rec, http.StatusBadRequest)
	if msg := errorOf(t, rec); !strings.Contains(msg, "before") {
		t.Errorf("bad before= says %q", msg)
	}
}

// activityRows reads rows of the activity table as "who | document |
// what", white space folded and bidi isolates dropped.
func activityRows(rows *goquery.Selection) []string {
	var got []string
	rows.Each(func(_ int, r *goquery.Selection) {
		cells := r.Find("td").Map(func(_ int, c *goquery.Selection) string {
			return strings.Join(strings.Fields(isolates.Replace(c.Text())), " ")
		})
		got = append(got, strings.Join(cells[1:], " | "))
	})
	return got
}

// isolates drops the bidi isolates the activity page puts around quoted
// texts.
var isolates = strings.NewReplacer("\u2068", "", "\u2069", "")

// TestActivityFilters: the log narrows to one user's changes (?who=), to
// those on one document (?doc=), or both, the older-changes link keeping
// the filter; a filter matching nothing says so, naming it; a value too
// long is refused.
func TestActivityFilters(t *testing.T) {
	te := newTeamEnv(t)
	doc2 := te.docs[1]
	for _, c := range []struct {
		who *queueActor
		doc db.Document
	}{{te.layla, te.doc}, {te.layla, doc2}, {te.karim, te.doc}} {
		if _, err := te.store.CreateSpan(t.Context(), c.doc, c.who.user.ID, c.who.user.ID, db.SpanInput{Start: 0, End: 2, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	activity := fmt.Sprintf("/projects/%d/activity", te.proj.ID)
	for _, tt := range []struct{ query, want string }{
		{"?who=layla", "layla | doc-2 | added the span PER 0–2 “نص” to layla's layer\nlayla | doc-1 | added the span PER 0–2 “قا” to layla's layer"},
		{"?doc=doc-1", "karim | doc-1 | added the span PER 0–2 “قا” to karim's layer\nlayla | doc-1 | added the span PER 0–2 “قا” to layla's layer"},
		{"?who=+karim+&doc=doc-1", "karim | doc-1 | added the span PER 0–2 “قا” to karim's layer"},
	} {
		d := htmlPage(t, te.samir.get(activity+tt.query), http.StatusOK)
		if got := strings.Join(activityRows(d.Find("table.activity tbody tr")), "\n"); got != tt.want {
			t.Errorf("%s lists\n%s\nwant\n%s", tt.query, got, tt.want)
		}
		if d.Find("#activity-all").Length() != 1 {
			t.Errorf("%s: no link back to every change", tt.query)
		}
	}
	d := htmlPage(t, te.samir.get(activity+"?who=omar&doc=doc-1"), http.StatusOK)
	if got := strings.Join(strings.Fields(isolates.Replace(d.Find("#activity-none").Text())), " "); got != "No change in this project by “omar” on document “doc-1” matches." {
		t.Errorf("a filter matching nothing says %q", got)
	}
	if v := d.Find("#activity-who").AttrOr("value", ""); v != "omar" {
		t.Errorf("the filter form forgot the user: %q", v)
	}
	// Fifty more changes by layla (and as many by karim): the older link
	// keeps the filter.
	for range 25 {
		for _, who := range []*queueActor{te.layla, te.karim} {
			sp, err := te.store.CreateSpan(t.Context(), doc2, who.user.ID, who.user.ID, db.SpanInput{Start: 3, End: 6, Label: "LOC"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := te.store.DeleteSpan(t.Context(), doc2, who.user.ID, who.user.ID, sp.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	older, _ := htmlPage(t, te.samir.get(activity+"?who=layla"), http.StatusOK).Find(`a[rel="next"]`).Attr("href")
	if !strings.Contains(older, "who=layla") {
		t.Errorf("the older changes link %q drops the filter", older)
	}
	if got := activityRows(htmlPage(t, te.samir.get(older), http.StatusOK).Find("table.activity tbody tr")); len(got) != 2 || !strings.HasPrefix(got[0], "layla | doc-2") {
		t.Errorf("the second page of layla's 52 changes lists %q, want her first two", got)
	}
	expect(t, te.samir.get(activity+"?who="+strings.Repeat("x", 201)), http.StatusBadRequest)
}

// TestActivityWordsEveryKind: each kind of change a project's log holds
// reads on the activity page as the rest of a sentence whose subject is
// the user beside it, never as a raw action name or stored detail.
func TestActivityWordsEveryKind(t *testing.T) {
	te := newTeamEnv(t)
	ctx := t.Context()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	samir, layla, rana := te.samir.user, te.layla.user, te.rana.user
	doc, doc3 := te.doc, te.docs[2]
	qs, qe := cpSpan(t, apiText, "«الاقتصاد ينمو»")
	quote, err := te.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	must(err)
	ps, pe := cpSpan(t, apiText, "أحمد")
	per, err := te.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: ps, End: pe, Label: "PER"})
	must(err)
	label := "ORG"
	_, err = te.store.UpdateSpan(ctx, doc, layla.ID, layla.ID, per.ID, db.SpanPatch{Label: &label})
	must(err)
	rel, err := te.store.CreateRelation(ctx, doc, layla.ID, layla.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID})
	must(err)
	must(te.store.DeleteRelation(ctx, doc, layla.ID, layla.ID, rel.ID))
	_, err = te.store.DeleteSpan(ctx, doc, layla.ID, layla.ID, quote.ID)
	must(err)
	must(te.store.RejectSuggestions(ctx, doc, layla.ID, layla.ID, []db.SpanKey{{Label: "LOC", Start: 0, End: 2}}))
	_, err = te.store.RestoreSuggestions(ctx, doc, layla.ID, layla.ID)
	must(err)
	_, err = te.store.MarkDone(ctx, doc, layla)
	must(err)
	must(te.store.Reopen(ctx, doc, samir, "layla"))
	must(te.store.RejectForGold(ctx, doc, rana.ID, db.SpanKey{Label: "ORG", Start: ps, End: pe}, true))
	must(te.store.RejectForGold(ctx, doc, rana.ID, db.SpanKey{Label: "ORG", Start: ps, End: pe}, false))
	_, err = te.store.MarkReviewed(ctx, doc, rana)
	must(err)
	note, err := te.store.AddNote(ctx, doc, layla, db.NoteInput{Body: "PER or ORG?"})
	must(err)
	_, err = te.store.ResolveNote(ctx, doc, rana, note.ID, true)
	must(err)
	_, err = te.store.Assign(ctx, te.proj.ID, samir, db.AssignRequest{User: "layla", ExternalIDs: []string{"doc-2"}})
	must(err)
	_, err = te.store.Unassign(ctx, te.proj.ID, samir, db.AssignRequest{User: "layla", ExternalIDs: []string{"doc-2"}})
	must(err)
	_, err = te.store.AutoAssign(ctx, te.proj.ID, samir, 1)
	must(err)
	must(te.store.SetGuidelines(ctx, te.proj.ID, samir, "Mark every quotation."))
	must(te.store.RemoveMember(ctx, te.proj.ID, samir, te.karim.user))
	_, err = te.store.DeleteDocuments(ctx, te.proj.ID, []int64{doc3.ID}, samir.ID)
	must(err)

	d := htmlPage(t, te.samir.get(fmt.Sprintf("/projects/%d/activity", te.proj.ID)), http.StatusOK)
	got := strings.Join(activityRows(d.Find("table.activity tbody tr")), "\n")
	want := strings.Join([]string{
		"samir | deleted | deleted the document doc-3, which nobody had annotated",
		"samir |  | removed karim from the members",
		"samir |  | changed the guidelines, now starting “Mark every quotation.” (0 → 21 characters)",
		"samir |  | assigned documents automatically, 1 annotator each: 3 assignments added",
		"samir |  | unassigned layla from doc-2",
		"samir |  | assigned doc-2 to layla",
		"rana | doc-1 | resolved layla's note #1: “PER or ORG?”",
		"layla | doc-1 | added note #1: “PER or ORG?”",
		"rana | doc-1 | marked gold reviewed",
		"rana | doc-1 | took back the rejection of ORG 13–17 for gold",
		"rana | doc-1 | rejected ORG 13–17 for gold",
		"samir | doc-1 | reopened layla's layer",
		"layla | doc-1 | marked layla's layer done",
		"layla | doc-1 | restored 1 rejected suggestion",
		"layla | doc-1 | rejected the suggestion LOC 0–2",
		"layla | doc-1 | deleted the span QUOTE 24–39 “«الاقتصاد ينمو»” from layla's layer",
		"layla | doc-1 | deleted the speaker link QUOTE “«الاقتصاد ينمو»” → ORG “أحمد” from layla's layer",
		"layla | doc-1 | added the speaker link QUOTE “«الاقتصاد ينمو»” → ORG “أحمد” to layla's layer",
		"layla | doc-1 | changed the span PER 13–17 “أحمد” to ORG 13–17 “أحمد” in layla's layer",
		"layla | doc-1 | added the span PER 13–17 “أحمد” to layla's layer",
		"layla | doc-1 | added the span QUOTE 24–39 “«الاقتصاد ينمو»” to layla's layer",
		"amina |  | made samir a manager",
		"amina |  | made rana a reviewer",
		"amina |  | made karim an annotator",
		"amina |  | made layla an annotator",
	}, "\n")
	if !strings.HasPrefix(got, want) {
		t.Errorf("the activity reads\n%s\nwant it to start\n%s", got, want)
	}
}
