package web_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"hashiya/db"
	"hashiya/db/codec"
)

const quoteText = "وقال الوزير أحمد إن «الاقتصاد ينمو». وأضاف أن «الأسعار مستقرة»."

type suggestionsJSON struct {
	Spans []struct {
		ID         string
		Start, End int
		Label      string
		Text       string
		Existing   bool
	}
	Relations []struct{ Type, From, To string }
	Rejected  int
}

// suggestions loads the suggestions at url (a document's).
func (env *apiEnv) suggestions(t *testing.T, url string) suggestionsJSON {
	t.Helper()
	var sug suggestionsJSON
	rec := env.do(http.MethodGet, url, nil)
	expect(t, rec, http.StatusOK)
	decodeJSON(t, rec, &sug)
	return sug
}

func (s suggestionsJSON) find(label, text string) string {
	for _, sp := range s.Spans {
		if sp.Label == label && sp.Text == text {
			return sp.ID
		}
	}
	return ""
}

func (s suggestionsJSON) has(typ, from, to string) bool {
	for _, r := range s.Relations {
		if r.Type == typ && r.From == from && r.To == to {
			return true
		}
	}
	return false
}

func TestSuggestionsAcceptOneThenAll(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	sug := env.suggestions(t, url)
	q1, q2 := sug.find("QUOTE", "الاقتصاد ينمو"), sug.find("QUOTE", "الأسعار مستقرة")
	speaker, cue1, cue2 := sug.find("PER", "الوزير أحمد"), sug.find("CUE", "وقال"), sug.find("CUE", "وأضاف")
	if q1 == "" || q2 == "" || speaker == "" || cue1 == "" || cue2 == "" {
		t.Fatalf("suggestions lack a quote, the speaker or a cue: %+v", sug)
	}
	// The second quote's cue has no subject: its speaker is the first's.
	if !sug.has("speaker", q1, speaker) || !sug.has("speaker", q2, speaker) || !sug.has("cue", q1, cue1) || !sug.has("cue", q2, cue2) {
		t.Errorf("relations %+v", sug.Relations)
	}
	if n := len(env.layer(doc, env.user.ID).Spans); n != 0 {
		t.Fatalf("suggesting put %d spans in the layer; nothing enters until accepted", n)
	}

	// Accept the first quotation with its speaker and cue.
	accept := url + "/accept"
	rec := env.do(http.MethodPost, accept, fmt.Sprintf(`{"ids":[%q,%q,%q]}`, q1, speaker, cue1))
	expect(t, rec, http.StatusCreated)
	l := env.layer(doc, env.user.ID)
	if len(l.Spans) != 3 || len(l.Relations) != 2 {
		t.Fatalf("after accepting one quotation: %d spans, %d relations, want 3 and 2", len(l.Spans), len(l.Relations))
	}
	// The answer lists what was created, as stored, to undo it.
	var got acceptJSON
	decodeJSON(t, rec, &got)
	if got.Spans != 3 || got.Relations != 2 || !sameLayer(got.Created.Spans, got.Created.Relations, l.Spans, l.Relations) {
		t.Errorf("accepting one quotation answered %+v, the layer holds %+v %+v", got, l.Spans, l.Relations)
	}
	// The rest: the second quote now points at the stored speaker.
	rec = env.do(http.MethodPost, accept, `{"all":true}`)
	expect(t, rec, http.StatusCreated)
	before := l
	l = env.layer(doc, env.user.ID)
	if len(l.Spans) != 5 || len(l.Relations) != 4 {
		t.Fatalf("after accepting all: %d spans, %d relations, want 5 and 4", len(l.Spans), len(l.Relations))
	}
	got = acceptJSON{}
	decodeJSON(t, rec, &got)
	newSpans, newRels := added(before, l)
	if len(newSpans) != 2 || len(newRels) != 2 || !sameLayer(got.Created.Spans, got.Created.Relations, newSpans, newRels) {
		t.Errorf("accepting all answered %+v, created %+v %+v", got.Created, newSpans, newRels)
	}
	rec = env.do(http.MethodGet, url, nil)
	decodeJSON(t, rec, &sug)
	for _, sp := range sug.Spans {
		if !sp.Existing {
			t.Errorf("after accepting all, %s %q is still proposed", sp.Label, sp.Text)
		}
	}
	// A stale id is refused and changes nothing.
	rec = env.do(http.MethodPost, accept, `{"ids":["s99"]}`)
	expect(t, rec, http.StatusBadRequest)
	if msg := errorOf(t, rec); !strings.Contains(msg, "s99") {
		t.Errorf("error %q does not name the id", msg)
	}
}

// acceptJSON is the answer to an accept: counts, and what it created.
type acceptJSON struct {
	IDs       map[string]int64
	Spans     int
	Relations int
	Created   struct {
		Spans     []db.Span
		Relations []db.Relation
	}
}

// sameLayer says whether two lists of spans and of relations hold the
// same ids, offsets, labels, attributes and ends, in the same order.
func sameLayer(spans []db.Span, rels []db.Relation, wantSpans []db.Span, wantRels []db.Relation) bool {
	keys := func(spans []db.Span) []string {
		var out []string
		for _, s := range spans {
			out = append(out, fmt.Sprintf("%d %d-%d %s %s", s.ID, s.Start, s.End, s.Label, strings.ReplaceAll(string(s.Attributes), " ", "")))
		}
		return out
	}
	return slices.Equal(keys(spans), keys(wantSpans)) && slices.Equal(rels, wantRels)
}

// added lists the spans and relations of after that before lacks.
func added(before, after db.Layer) ([]db.Span, []db.Relation) {
	var spans []db.Span
	for _, s := range after.Spans {
		if !slices.ContainsFunc(before.Spans, func(b db.Span) bool { return b.ID == s.ID }) {
			spans = append(spans, s)
		}
	}
	var rels []db.Relation
	for _, r := range after.Relations {
		if !slices.Contains(before.Relations, r) {
			rels = append(rels, r)
		}
	}
	return spans, rels
}

// TestSuggestionsAcceptAnswersWhatItCreated: the answer to an accept lists
// only what it added, never a relation the layer had, so undoing it takes
// away nothing the annotator made.
func TestSuggestionsAcceptAnswersWhatItCreated(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	quote := env.addSpanIn(doc, "الاقتصاد ينمو", "QUOTE")
	per := env.addSpanIn(doc, "الوزير أحمد", "PER")
	env.addSpanIn(doc, "وقال", "CUE")
	if _, err := env.store.CreateRelation(context.Background(), doc, env.user.ID, env.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	before := env.layer(doc, env.user.ID)
	rec := env.do(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/suggestions/accept", doc.ID), `{"all":true}`)
	expect(t, rec, http.StatusCreated)
	var got acceptJSON
	decodeJSON(t, rec, &got)
	newSpans, newRels := added(before, env.layer(doc, env.user.ID))
	// The second quotation, its cue; its speaker, its cue and the first
	// quotation's cue (its speaker link was there).
	if len(newSpans) != 2 || len(newRels) != 3 {
		t.Fatalf("accept all added %+v and %+v", newSpans, newRels)
	}
	if !sameLayer(got.Created.Spans, got.Created.Relations, newSpans, newRels) {
		t.Errorf("accept all answered %+v, created %+v %+v", got.Created, newSpans, newRels)
	}
}

// TestSuggestionsReject: a rejected suggestion is stored in the layer and
// not proposed again, nor taken by "accept all", until restored; a
// rejected quotation takes its own cue with it, not a shared speaker.
func TestSuggestionsReject(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	get := func() suggestionsJSON { return env.suggestions(t, url) }
	proposed := func(sug suggestionsJSON, label, text string) bool { return sug.find(label, text) != "" }
	sug := get()
	all := len(sug.Spans)
	q1, q2, cue2 := sug.find("QUOTE", "الاقتصاد ينمو"), sug.find("QUOTE", "الأسعار مستقرة"), sug.find("CUE", "وأضاف")
	if q1 == "" || q2 == "" || cue2 == "" || sug.Rejected != 0 {
		t.Fatalf("suggestions before rejecting: %+v", sug)
	}
	expect(t, env.do(http.MethodPost, url+"/reject", fmt.Sprintf(`{"ids":[%q,%q]}`, q2, cue2)), http.StatusCreated)
	sug = get()
	if proposed(sug, "QUOTE", "الأسعار مستقرة") || proposed(sug, "CUE", "وأضاف") || len(sug.Spans) != all-2 || sug.Rejected != 2 {
		t.Errorf("after rejecting the second quotation and its cue: %d spans (want %d), %d rejected: %+v", len(sug.Spans), all-2, sug.Rejected, sug.Spans)
	}
	for _, r := range sug.Relations {
		if r.From == q2 || r.To == cue2 {
			t.Errorf("a relation of a rejected suggestion is still proposed: %+v", r)
		}
	}
	if n := len(env.layer(doc, env.user.ID).Spans); n != 0 {
		t.Errorf("rejecting put %d spans in the layer", n)
	}
	// Refused: an id that is no current suggestion, an empty list.
	for _, body := range []string{`{"ids":["s99"]}`, `{"ids":[]}`, `{}`} {
		rec := env.do(http.MethodPost, url+"/reject", body)
		expect(t, rec, http.StatusBadRequest)
		if msg := errorOf(t, rec); !strings.Contains(msg, "ids") {
			t.Errorf("%s: error %q does not name ids", body, msg)
		}
	}
	if got, err := env.store.EventCount(context.Background(), "suggestion.reject"); err != nil || got != 1 {
		t.Errorf("%d suggestion.reject events (%v), want 1", got, err)
	}
	// Restored, they are proposed again.
	rec := env.do(http.MethodDelete, url+"/rejections", nil)
	expect(t, rec, http.StatusOK)
	var restored struct{ Restored int }
	decodeJSON(t, rec, &restored)
	if sug = get(); restored.Restored != 2 || sug.Rejected != 0 || len(sug.Spans) != all {
		t.Errorf("after restoring (%d): %+v", restored.Restored, sug)
	}
	// The first quotation alone: its cue goes with it, the speaker the
	// second quotation shares stays; accept all takes the rest.
	expect(t, env.do(http.MethodPost, url+"/reject", fmt.Sprintf(`{"ids":[%q]}`, sug.find("QUOTE", "الاقتصاد ينمو"))), http.StatusCreated)
	sug = get()
	if proposed(sug, "QUOTE", "الاقتصاد ينمو") || proposed(sug, "CUE", "وقال") || !proposed(sug, "PER", "الوزير أحمد") {
		t.Errorf("after rejecting the first quotation: %+v", sug.Spans)
	}
	expect(t, env.do(http.MethodPost, url+"/accept", `{"all":true}`), http.StatusCreated)
	var texts []string
	for _, sp := range env.layer(doc, env.user.ID).Spans {
		texts = append(texts, sp.Text)
	}
	if !slices.Equal(texts, []string{"الوزير أحمد", "وأضاف", "الأسعار مستقرة"}) {
		t.Errorf("accept all stored %q, want the second quotation, its cue and the speaker", texts)
	}
	// A done layer takes no rejection.
	expect(t, env.do(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/done?force=1", doc.ID), nil), http.StatusOK)
	expect(t, env.do(http.MethodDelete, url+"/rejections", nil), http.StatusConflict)
}

// TestMarkDoneWarnsAboutQuotesWithoutSpeaker: the API refuses with 409
// until each quote has a speaker or is confirmed to have none in the text.
func TestMarkDoneWarnsAboutQuotesWithoutSpeaker(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	quote := env.addSpanIn(doc, "الاقتصاد ينمو", "QUOTE")
	done := fmt.Sprintf("/api/v1/documents/%d/done", doc.ID)
	rec := env.do(http.MethodPost, done, nil)
	expect(t, rec, http.StatusConflict)
	if msg := errorOf(t, rec); !strings.Contains(msg, "1 quotations have no speaker") {
		t.Errorf("409 says %q", msg)
	}
	rec = env.do(http.MethodPatch, fmt.Sprintf("/api/v1/documents/%d/spans/%d", doc.ID, quote.ID), `{"attributes":{"speaker_in_text":false}}`)
	expect(t, rec, http.StatusOK)
	expect(t, env.do(http.MethodPost, done, nil), http.StatusOK)

	// The form flow sends the annotator back to the list of such quotes.
	other := env.importDoc("quotes-2", quoteText)
	env.addSpanIn(other, "الأسعار مستقرة", "QUOTE")
	f := &formUser{env: env, user: env.user, session: env.session}
	rec = f.post(fmt.Sprintf("/documents/%d/done", other.ID), map[string][]string{})
	if rec.Code != http.StatusSeeOther || !strings.Contains(rec.Header().Get("Location"), "warn=quotes") {
		t.Fatalf("form done with an unattributed quote: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	page := f.get(fmt.Sprintf("/documents/%d?warn=quotes", other.ID), env.session).Body.String()
	if !strings.Contains(page, `id="quote-warning"`) || !strings.Contains(page, "الأسعار مستقرة") {
		t.Error("the page does not list the quotation without a speaker")
	}
	rec = f.post(fmt.Sprintf("/documents/%d/done", other.ID), map[string][]string{"force": {"1"}})
	if rec.Code != http.StatusSeeOther || strings.Contains(rec.Header().Get("Location"), "warn=") {
		t.Errorf("mark done anyway: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
}

// addSpanIn stores a span of amina's layer on doc.
func (env *apiEnv) addSpanIn(doc db.Document, word, label string) db.Span {
	env.t.Helper()
	start, end := cpSpan(env.t, doc.Text, word)
	sp, err := env.store.CreateSpan(context.Background(), doc, env.user.ID, env.user.ID, db.SpanInput{Start: start, End: end, Label: label})
	if err != nil {
		env.t.Fatal(err)
	}
	return sp
}

// TestSuggestionsRejectingASpeakerKeepsTheQuotation: rejecting only the
// speaker leaves the quotation and its cue proposed.
func TestSuggestionsRejectingASpeakerKeepsTheQuotation(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	var sug suggestionsJSON
	decodeJSON(t, env.do(http.MethodGet, url, nil), &sug)
	speaker := sug.find("PER", "الوزير أحمد")
	if speaker == "" {
		t.Fatalf("no speaker proposed: %+v", sug)
	}
	expect(t, env.do(http.MethodPost, url+"/reject", fmt.Sprintf(`{"ids":[%q]}`, speaker)), http.StatusCreated)
	sug = suggestionsJSON{}
	decodeJSON(t, env.do(http.MethodGet, url, nil), &sug)
	q1, cue := sug.find("QUOTE", "الاقتصاد ينمو"), sug.find("CUE", "وقال")
	if q1 == "" || cue == "" || !sug.has("cue", q1, cue) || sug.find("PER", "الوزير أحمد") != "" {
		t.Errorf("after rejecting the speaker: %+v", sug)
	}
}

// TestSuggestionsSpeakTheProjectsLabels: in a project whose people are
// PERS and which has no CUE label, the suggester's PER is PERS, an
// existing PERS span is used as a speaker, nothing needing CUE is
// proposed, and accepting everything is never refused.
func TestSuggestionsSpeakTheProjectsLabels(t *testing.T) {
	env := newAPIEnv(t)
	ctx := t.Context()
	p, err := env.store.CreateProject(ctx, "aner", []db.Label{{Name: "PERS", Color: "#111111", Hotkey: "1"}, {Name: "QUOTE", Color: "#222222", Hotkey: "2"}}, env.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.store.SetRelationTypes(ctx, p.ID, env.user, []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}}); err != nil {
		t.Fatal(err)
	}
	docs, err := env.store.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "t", By: env.user.ID}, []codec.Doc{{Line: 1, ExternalID: "q", Text: quoteText}})
	if err != nil || docs.Documents != 1 {
		t.Fatal(err)
	}
	list, err := env.store.Documents(ctx, p.ID, env.user, db.DocumentPage{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := env.store.Document(ctx, list.Docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	var sug suggestionsJSON
	decodeJSON(t, env.do(http.MethodGet, url, nil), &sug)
	q1, speaker := sug.find("QUOTE", "الاقتصاد ينمو"), sug.find("PERS", "الوزير أحمد")
	if q1 == "" || speaker == "" || !sug.has("speaker", q1, speaker) {
		t.Errorf("suggestions in a PERS project: %+v", sug)
	}
	for _, s := range sug.Spans {
		if s.Label != "PERS" && s.Label != "QUOTE" {
			t.Errorf("proposed a %s span, a label the project lacks: %+v", s.Label, s)
		}
	}
	for _, r := range sug.Relations {
		if r.Type != "speaker" {
			t.Errorf("proposed a %s relation, a type the project lacks", r.Type)
		}
	}
	// An existing PERS span is the speaker the suggester uses.
	s, e := cpSpan(t, quoteText, "الوزير أحمد")
	per, err := env.store.CreateSpan(ctx, doc, env.user.ID, env.user.ID, db.SpanInput{Start: s, End: e, Label: "PERS"})
	if err != nil {
		t.Fatal(err)
	}
	sug = suggestionsJSON{}
	decodeJSON(t, env.do(http.MethodGet, url, nil), &sug)
	if q1 = sug.find("QUOTE", "الاقتصاد ينمو"); !sug.has("speaker", q1, fmt.Sprint(per.ID)) {
		t.Errorf("the existing PERS span is not the proposed speaker: %+v", sug)
	}
	expect(t, env.do(http.MethodPost, url+"/accept", `{"all":true}`), http.StatusCreated)
	layer := env.layer(doc, env.user.ID)
	if len(layer.Spans) < 2 || len(layer.Relations) == 0 {
		t.Errorf("accept all stored %d spans and %d relations", len(layer.Spans), len(layer.Relations))
	}
}

// TestSuggestionIDsOutliveAnAccept: ids from a list loaded before an
// accept still name the same proposals (a second tab, a script working
// through one list): the quotation accepted second is the one the list
// named, never the span that took its place in the numbering; an id
// already accepted is refused.
func TestSuggestionIDsOutliveAnAccept(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	sug := env.suggestions(t, url)
	cue1, q2 := sug.find("CUE", "وقال"), sug.find("QUOTE", "الأسعار مستقرة")
	expect(t, env.do(http.MethodPost, url+"/accept", fmt.Sprintf(`{"ids":[%q]}`, cue1)), http.StatusCreated)
	expect(t, env.do(http.MethodPost, url+"/accept", fmt.Sprintf(`{"ids":[%q]}`, q2)), http.StatusCreated)
	var texts []string
	for _, s := range env.layer(doc, env.user.ID).Spans {
		texts = append(texts, s.Label+" "+s.Text)
	}
	slices.Sort(texts)
	if want := []string{"CUE وقال", "QUOTE الأسعار مستقرة"}; !slices.Equal(texts, want) {
		t.Errorf("accepting two ids of one list stored %q, want %q", texts, want)
	}
	rec := env.do(http.MethodPost, url+"/accept", fmt.Sprintf(`{"ids":[%q]}`, cue1))
	expect(t, rec, http.StatusConflict) // stale, not malformed: the page redraws
}

// TestKnownNameRejectionsTeach: a name labelled once in one document and
// rejected once in the next is not proposed in a third: rejections count
// across the annotator's documents.
func TestKnownNameRejectionsTeach(t *testing.T) {
	env := newAPIEnv(t)
	text := "وصل صباح النعمان إلى بغداد."
	docs := []db.Document{env.importDoc("r1", text), env.importDoc("r2", text), env.importDoc("r3", text)}
	s, e := cpSpan(t, text, "صباح النعمان")
	if _, err := env.store.CreateSpan(t.Context(), docs[0], env.user.ID, env.user.ID, db.SpanInput{Start: s, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	url := func(d db.Document) string { return fmt.Sprintf("/api/v1/documents/%d/suggestions", d.ID) }
	id := env.suggestions(t, url(docs[1])).find("PER", "صباح النعمان")
	if id == "" {
		t.Fatal("the name labelled in r1 is not proposed in r2")
	}
	expect(t, env.do(http.MethodPost, url(docs[1])+"/reject", fmt.Sprintf(`{"ids":[%q]}`, id)), http.StatusCreated)
	if id := env.suggestions(t, url(docs[2])).find("PER", "صباح النعمان"); id != "" {
		t.Errorf("rejected as often as labelled, the name is still proposed in r3 (%s)", id)
	}
}

// TestSuggestionsLeaveMarkedQuotationsAlone: a quotation the annotator
// marked "speaker not in the text" is proposed no speaker (the store
// would refuse the link), though the next quotation still takes that
// speaker; the same quotation unmarked is proposed its speaker, and
// accepting every suggestion is not refused.
func TestSuggestionsLeaveMarkedQuotationsAlone(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	start, end := spanAt(t, quoteText, "الاقتصاد ينمو", 0)
	for _, marked := range []bool{false, true} {
		var attrs map[string]any
		if marked {
			attrs = map[string]any{"speaker_in_text": false}
		}
		q, err := env.store.CreateSpan(t.Context(), doc, env.user.ID, env.user.ID, db.SpanInput{Start: start, End: end, Label: "QUOTE", Attributes: attrs})
		if err != nil {
			t.Fatal(err)
		}
		var sug suggestionsJSON
		decodeJSON(t, env.do(http.MethodGet, url, nil), &sug)
		speaker := sug.find("PER", "الوزير أحمد")
		if proposed := sug.has("speaker", fmt.Sprint(q.ID), speaker); speaker == "" || proposed == marked {
			t.Errorf("marked %v: speaker %q proposed %v: %+v", marked, speaker, proposed, sug)
		}
		if marked {
			expect(t, env.do(http.MethodPost, url+"/accept", `{"all":true}`), http.StatusCreated)
		}
		if _, err := env.store.DeleteSpan(t.Context(), doc, env.user.ID, env.user.ID, q.ID); err != nil && !marked {
			t.Fatal(err)
		}
	}
}
