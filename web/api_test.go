package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

func TestAPIReads(t *testing.T) {
	env := newAPIEnv(t)
	mine := env.addSpan(env.user.ID, "أحمد", "PER")
	gold := env.addSpan(0, "الرياض", "LOC")
	omars := env.addSpan(env.other.ID, "الرياض", "GPE")
	d := fmt.Sprint(env.doc.ID)
	p := fmt.Sprint(env.proj.ID)
	onlySpan := func(layer string, want db.Span) func(*testing.T, docResponse) {
		return func(t *testing.T, got docResponse) {
			if got.Layer != layer || len(got.Spans) != 1 || got.Spans[0].ID != want.ID || got.Spans[0].Text != want.Text {
				t.Errorf("layer %q spans %+v, want layer %q holding only %+v", got.Layer, got.Spans, layer, want)
			}
		}
	}
	tests := []struct {
		name    string
		path    string
		status  int
		errSays string                        // for errors: a word the message must hold
		check   func(*testing.T, docResponse) // for documents and spans
	}{
		{name: "own layer", path: "/api/v1/documents/" + d, status: 200, check: func(t *testing.T, got docResponse) {
			if got.Text != apiText || got.OffsetUnit != "codepoint" || got.ExternalID != "doc-1" || got.Status != "in_progress" {
				t.Errorf("document %+v, want the stored text in code points", got)
			}
			onlySpan("amina", mine)(t, got)
			if sp := got.Spans[0]; pySlice(apiText, sp.Start, sp.End) != "أحمد" || sp.Text != "أحمد" {
				t.Errorf("span %+v does not hold أحمد at its code point offsets", sp)
			}
		}},
		{name: "mine", path: "/api/v1/documents/" + d + "?layer=mine", status: 200, check: onlySpan("amina", mine)},
		{name: "gold layer", path: "/api/v1/documents/" + d + "?layer=gold", status: 200, check: onlySpan("gold", gold)},
		{name: "another user's layer", path: "/api/v1/documents/" + d + "?layer=omar", status: 200, check: onlySpan("omar", omars)},
		{name: "spans", path: "/api/v1/documents/" + d + "/spans?layer=gold", status: 200, check: onlySpan("gold", gold)},
		{name: "unknown layer", path: "/api/v1/documents/" + d + "?layer=nobody", status: 400, errSays: "layer"},
		{name: "unknown document", path: "/api/v1/documents/99999", status: 404, errSays: "not found"},
		{name: "document id not a number", path: "/api/v1/documents/abc", status: 400, errSays: "document id"},
		{name: "unknown project", path: "/api/v1/projects/99999/documents", status: 404, errSays: "not found"},
		{name: "unknown route", path: "/api/v1/nothing", status: 404, errSays: "Not Found"},
		{name: "export of unknown project", path: "/api/v1/projects/99999/export", status: 404, errSays: "not found"},
		{name: "projects", path: "/api/v1/projects", status: 200},
		{name: "documents", path: "/api/v1/projects/" + p + "/documents", status: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := env.do(http.MethodGet, tt.path, nil)
			expect(t, rec, tt.status)
			if tt.status >= 400 {
				if msg := errorOf(t, rec); !strings.Contains(msg, tt.errSays) {
					t.Errorf("error %q does not mention %q", msg, tt.errSays)
				}
				return
			}
			if tt.check != nil {
				var got docResponse
				decodeJSON(t, rec, &got)
				tt.check(t, got)
			}
		})
	}

	var projects struct {
		Projects []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"projects"`
	}
	decodeJSON(t, env.do(http.MethodGet, "/api/v1/projects", nil), &projects)
	if len(projects.Projects) != 1 || projects.Projects[0].ID != env.proj.ID || projects.Projects[0].Name != "أخبار" {
		t.Errorf("projects %+v, want the one project", projects)
	}
	var docs struct {
		Documents []struct {
			ID         int64  `json:"id"`
			ExternalID string `json:"external_id"`
			Length     int    `json:"length"`
			Spans      int    `json:"spans"`
			Status     string `json:"status"`
		} `json:"documents"`
	}
	decodeJSON(t, env.do(http.MethodGet, "/api/v1/projects/"+p+"/documents", nil), &docs)
	if len(docs.Documents) != 1 {
		t.Fatalf("documents %+v, want one", docs)
	}
	if got := docs.Documents[0]; got.ID != env.doc.ID || got.ExternalID != "doc-1" || got.Length != len([]rune(apiText)) || got.Spans != 1 || got.Status != "in_progress" {
		t.Errorf("document summary %+v, want doc-1, length in code points, 1 span of mine", got)
	}
}

// TestAPISpansCarryRelationTypes: the span list carries the project's
// relation rules as they stand, each side an array (empty: any label),
// so a page loaded before a manager changed them offers the new ones.
func TestAPISpansCarryRelationTypes(t *testing.T) {
	env := newAPIEnv(t)
	path := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)
	read := func() string {
		var got struct {
			Labels        []db.Label        `json:"labels"`
			RelationTypes []json.RawMessage `json:"relation_types"`
		}
		rec := env.do(http.MethodGet, path, nil)
		expect(t, rec, http.StatusOK)
		decodeJSON(t, rec, &got)
		if len(got.Labels) != len(db.DefaultLabels()) {
			t.Errorf("labels %+v, want the project's %d", got.Labels, len(db.DefaultLabels()))
		}
		parts := make([]string, len(got.RelationTypes))
		for i, r := range got.RelationTypes {
			parts[i] = string(r)
		}
		return strings.Join(parts, " ")
	}
	want := `{"name":"speaker","from":["QUOTE"],"to":["PER","ORG"]} {"name":"cue","from":["QUOTE"],"to":["CUE"]} ` +
		`{"name":"segment","from":["QUOTE"],"to":["QUOTE"]} {"name":"refers_to","from":["PER","ORG"],"to":["PER","ORG"]}`
	if got := read(); got != want {
		t.Errorf("a new project's span list says relation_types %s, want %s", got, want)
	}
	rules := []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER"}}, {Name: "mentions"}}
	if err := env.store.SetRelationTypes(t.Context(), env.proj.ID, env.user, rules); err != nil {
		t.Fatal(err)
	}
	want = `{"name":"speaker","from":["QUOTE"],"to":["PER"]} {"name":"mentions","from":[],"to":[]}`
	if got := read(); got != want {
		t.Errorf("after the manager's change the span list says relation_types %s, want %s", got, want)
	}
}

func TestAPICreateSpan(t *testing.T) {
	text := apiText
	as, ae := cpSpan(t, text, "أحمد")
	ts, te := cpSpan(t, text, "👍🏽")
	n := len([]rune(text))
	body := func(start, end any, label, extra string) string {
		return fmt.Sprintf(`{"start":%v,"end":%v,"label":%q%s}`, start, end, label, extra)
	}
	const mine, gold, nowhere = "mine", "gold", ""
	tests := []struct {
		name       string
		query      string
		body       string
		status     int
		start, end int    // for 201
		layer      string // where a 201 lands
		errSays    string // for errors
	}{
		{"code points after emoji", "", body(as, ae, "PER", ""), 201, as, ae, mine, ""},
		{"own layer by name", "?layer=amina", body(as, ae, "PER", ""), 201, as, ae, mine, ""},
		{"snap word widens a mid-word selection", "", body(as+1, ae-1, "PER", `,"snap":"word"`), 201, as, ae, mine, ""},
		{"snap word trims the spaces caught", "", body(as-1, ae+1, "PER", `,"snap":"word"`), 201, as, ae, mine, ""},
		{"snap grapheme keeps the skin tone", "", body(ts, ts+1, "CUE", `,"snap":"grapheme"`), 201, ts, te, mine, ""},
		{"a split grapheme is refused", "", body(ts, ts+1, "CUE", ""), 400, 0, 0, nowhere, "whole clusters would be"},
		{"gold", "?layer=gold", body(as, ae, "PER", ""), 201, as, ae, gold, ""},
		{"someone else's layer", "?layer=omar", body(as, ae, "PER", ""), 403, 0, 0, nowhere, "layer"},
		{"end past the text", "", body(n-1, n+1, "PER", ""), 400, 0, 0, nowhere, "start/end"},
		{"negative start", "", body(-1, 3, "PER", ""), 400, 0, 0, nowhere, "start/end"},
		{"empty span", "", body(3, 3, "PER", ""), 400, 0, 0, nowhere, "start/end"},
		{"unknown label", "", body(as, ae, "PERSON", ""), 400, 0, 0, nowhere, "label"},
		{"missing label", "", fmt.Sprintf(`{"start":%d,"end":%d}`, as, ae), 400, 0, 0, nowhere, "label"},
		{"string offsets", "", body(`"1"`, `"4"`, "PER", ""), 400, 0, 0, nowhere, "start"},
		{"fractional offsets", "", body(1.5, 4, "PER", ""), 400, 0, 0, nowhere, "start"},
		{"unknown field", "", body(as, ae, "PER", `,"colour":"red"`), 400, 0, 0, nowhere, "colour"},
		{"a key twice", "", body(as, ae, "PER", `,"label":"ORG"`), 400, 0, 0, nowhere, `body: key "label" appears twice`},
		{"an attribute twice", "", body(as, ae, "QUOTE", `,"attributes":{"type":"direct","type":"indirect"}`), 400, 0, 0, nowhere, `key "type" appears twice in attributes`},
		{"unknown snap", "", body(as, ae, "PER", `,"snap":"sentence"`), 400, 0, 0, nowhere, "snap"},
		{"not JSON", "", "start=1&end=2", 400, 0, 0, nowhere, "body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			rec := env.do(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/spans%s", env.doc.ID, tt.query), tt.body)
			expect(t, rec, tt.status)
			mineN, goldN := len(env.layer(env.doc, env.user.ID).Spans), len(env.layer(env.doc, 0).Spans)
			if others := len(env.layer(env.doc, env.other.ID).Spans); others != 0 {
				t.Errorf("%d spans written to omar's layer", others)
			}
			if tt.status != 201 {
				if msg := errorOf(t, rec); !strings.Contains(msg, tt.errSays) {
					t.Errorf("error %q does not name %q", msg, tt.errSays)
				}
				if mineN+goldN != 0 {
					t.Errorf("a refused write stored %d spans", mineN+goldN)
				}
				return
			}
			var sp db.Span
			decodeJSON(t, rec, &sp)
			if sp.ID == 0 || sp.Start != tt.start || sp.End != tt.end || sp.Text != pySlice(text, tt.start, tt.end) || sp.CreatedBy != env.user.ID {
				t.Errorf("created %+v, want %d..%d %q by %d", sp, tt.start, tt.end, pySlice(text, tt.start, tt.end), env.user.ID)
			}
			if want := map[string][2]int{mine: {1, 0}, gold: {0, 1}}[tt.layer]; [2]int{mineN, goldN} != want {
				t.Errorf("spans in mine/gold: %d/%d, want %v", mineN, goldN, want)
			}
		})
	}
	env := newAPIEnv(t)
	rec := env.do(http.MethodPost, "/api/v1/documents/99999/spans", body(0, 1, "PER", ""))
	expect(t, rec, 404)
	errorOf(t, rec)
}

// TestAPISpanLifecycle walks one span through create, edit and delete;
// each step depends on the ones before it.
func TestAPISpanLifecycle(t *testing.T) {
	env := newAPIEnv(t)
	as, ae := cpSpan(t, apiText, "أحمد")
	rs, re := cpSpan(t, apiText, "الرياض")
	base := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)
	create := fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, as, ae)
	var id int64
	spanURL := func(query string) string { return fmt.Sprintf("%s/%d%s", base, id, query) }
	steps := []struct {
		name   string
		method string
		url    func() string
		body   string
		status int
		// the span as stored in my layer after the step; label "" means gone
		label      string
		start, end int
	}{
		{"create", "POST", func() string { return base }, create, 201, "PER", as, ae},
		{"create again", "POST", func() string { return base }, create, 409, "PER", as, ae},
		{"relabel", "PATCH", func() string { return spanURL("") }, `{"label":"ORG"}`, 200, "ORG", as, ae},
		{"relabel to unknown", "PATCH", func() string { return spanURL("") }, `{"label":"NOPE"}`, 400, "ORG", as, ae},
		{"move", "PATCH", func() string { return spanURL("") }, fmt.Sprintf(`{"start":%d,"end":%d}`, rs, re), 200, "ORG", rs, re},
		{"move past the end", "PATCH", func() string { return spanURL("") }, `{"start":1,"end":999}`, 400, "ORG", rs, re},
		{"start without end", "PATCH", func() string { return spanURL("") }, `{"start":1}`, 400, "ORG", rs, re},
		{"empty patch", "PATCH", func() string { return spanURL("") }, `{}`, 400, "ORG", rs, re},
		{"patch in gold", "PATCH", func() string { return spanURL("?layer=gold") }, `{"label":"LOC"}`, 404, "ORG", rs, re},
		{"patch in omar's layer", "PATCH", func() string { return spanURL("?layer=omar") }, `{"label":"LOC"}`, 403, "ORG", rs, re},
		{"delete in gold", "DELETE", func() string { return spanURL("?layer=gold") }, "", 404, "ORG", rs, re},
		{"delete", "DELETE", func() string { return spanURL("") }, "", 204, "", 0, 0},
		{"delete again", "DELETE", func() string { return spanURL("") }, "", 404, "", 0, 0},
		{"patch deleted", "PATCH", func() string { return spanURL("") }, `{"label":"LOC"}`, 404, "", 0, 0},
	}
	for _, st := range steps {
		var body any
		if st.body != "" {
			body = st.body
		}
		rec := env.do(st.method, st.url(), body)
		if rec.Code != st.status {
			t.Fatalf("%s: status %d, want %d; body %s", st.name, rec.Code, st.status, rec.Body)
		}
		switch {
		case st.status == 204:
			if rec.Body.Len() != 0 {
				t.Errorf("%s: 204 with body %q", st.name, rec.Body)
			}
		case st.status >= 400:
			errorOf(t, rec)
		default:
			var sp db.Span
			decodeJSON(t, rec, &sp)
			if id == 0 {
				id = sp.ID
			}
			if sp.ID != id || sp.Label != st.label || sp.Start != st.start || sp.End != st.end || sp.Text != pySlice(apiText, st.start, st.end) {
				t.Errorf("%s: response %+v, want %s %d..%d", st.name, sp, st.label, st.start, st.end)
			}
		}
		spans := env.layer(env.doc, env.user.ID).Spans
		switch {
		case st.label == "" && len(spans) != 0:
			t.Errorf("%s: span still stored: %+v", st.name, spans)
		case st.label != "" && (len(spans) != 1 || spans[0].Label != st.label || spans[0].Start != st.start || spans[0].End != st.end):
			t.Errorf("%s: stored %+v, want one %s %d..%d", st.name, spans, st.label, st.start, st.end)
		}
	}
}

func TestAPIRelations(t *testing.T) {
	env := newAPIEnv(t)
	quote := env.addSpan(env.user.ID, "«الاقتصاد ينمو»", "QUOTE")
	per := env.addSpan(env.user.ID, "أحمد", "PER")
	loc := env.addSpan(env.user.ID, "الرياض", "LOC")
	goldPer := env.addSpan(0, "أحمد", "PER")
	base := fmt.Sprintf("/api/v1/documents/%d/relations", env.doc.ID)
	rel := func(typ string, from, to db.Span) string {
		return fmt.Sprintf(`{"type":%q,"from":%d,"to":%d}`, typ, from.ID, to.ID)
	}
	tests := []struct {
		name    string
		body    string
		status  int
		errSays string
	}{
		{"speaker QUOTE -> PER", rel("speaker", quote, per), 201, ""},
		{"same again", rel("speaker", quote, per), 409, "already"},
		{"speaker QUOTE -> LOC", rel("speaker", quote, loc), 400, "a speaker relation joins QUOTE -> PER/ORG, not QUOTE -> LOC"},
		{"unknown type", rel("likes", quote, per), 400, "likes"},
		{"to a gold span", rel("speaker", quote, goldPer), 404, fmt.Sprintf("to: span %d is not in this layer of the document", goldPer.ID)},
		{"from a span deleted elsewhere", `{"type":"speaker","from":999999,"to":` + fmt.Sprint(per.ID) + `}`, 404, "from: span 999999 is not in this layer of the document"},
		{"missing to", `{"type":"speaker","from":1}`, 400, "to"},
		{"string ids", `{"type":"speaker","from":"1","to":"2"}`, 400, `field "from" must be an integer, not string`},
		{"a span to itself", rel("refers_to", per, per), 400, "two different spans"},
		{"an array", `[1,2]`, 400, "want a JSON object, not array"},
		{"two values", rel("speaker", quote, loc) + ` {"x":1}`, 400, "more than one JSON value"},
	}
	for _, tt := range tests {
		rec := env.do(http.MethodPost, base, tt.body)
		if rec.Code != tt.status {
			t.Fatalf("%s: status %d, want %d; body %s", tt.name, rec.Code, tt.status, rec.Body)
		}
		if tt.status >= 400 {
			if msg := errorOf(t, rec); !strings.Contains(msg, tt.errSays) || strings.Contains(msg, "Go ") || strings.HasSuffix(msg, "conflict") {
				t.Errorf("%s: error %q does not name %q in plain words", tt.name, msg, tt.errSays)
			}
			continue
		}
		var r db.Relation
		decodeJSON(t, rec, &r)
		if r.ID == 0 || r.Type != "speaker" || r.From != quote.ID || r.To != per.ID {
			t.Errorf("%s: created %+v", tt.name, r)
		}
	}
	var got docResponse
	decodeJSON(t, env.do(http.MethodGet, fmt.Sprintf("/api/v1/documents/%d", env.doc.ID), nil), &got)
	if len(got.Relations) != 1 {
		t.Fatalf("relations %+v, want the one accepted", got.Relations)
	}
	relURL := fmt.Sprintf("%s/%d", base, got.Relations[0].ID)
	expect(t, env.do(http.MethodDelete, relURL+"?layer=gold", nil), 404)
	expect(t, env.do(http.MethodDelete, relURL, nil), 204)
	expect(t, env.do(http.MethodDelete, relURL, nil), 404)

	// Deleting a span takes its relations with it.
	expect(t, env.do(http.MethodPost, base, rel("speaker", quote, per)), 201)
	expect(t, env.do(http.MethodDelete, fmt.Sprintf("/api/v1/documents/%d/spans/%d", env.doc.ID, per.ID), nil), 204)
	l := env.layer(env.doc, env.user.ID)
	if len(l.Relations) != 0 || slices.ContainsFunc(l.Spans, func(s db.Span) bool { return s.ID == per.ID }) {
		t.Errorf("after deleting the speaker span: spans %+v relations %+v", l.Spans, l.Relations)
	}
}

func TestAPIExport(t *testing.T) {
	env := newAPIEnv(t)
	per := env.addSpan(env.user.ID, "أحمد", "PER")
	quote := env.addSpan(env.user.ID, "«الاقتصاد ينمو»", "QUOTE")
	loc := env.addSpan(0, "الرياض", "LOC")
	env.importDoc("doc-2", "مرحبا 🌍 يا عالم")
	if _, err := env.store.CreateRelation(t.Context(), env.doc, env.user.ID, env.user.ID,
		db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	entry := func(sp db.Span) string { return fmt.Sprintf("%d:%d:%s=%s", sp.Start, sp.End, sp.Label, sp.Text) }
	mine := []string{entry(per), entry(quote)}
	tests := []struct {
		name      string
		query     string
		status    int
		format    string
		lines     []string // "id layer" per line, for jsonl
		spans     [][]string
		relations []int
	}{
		{"defaults to jsonl gold", "", 200, "jsonl", []string{"doc-1 gold", "doc-2 gold"}, [][]string{{entry(loc)}, nil}, []int{0, 0}},
		{"jsonl of a user", "?format=jsonl&layer=amina", 200, "jsonl", []string{"doc-1 amina", "doc-2 amina"}, [][]string{mine, nil}, []int{1, 0}},
		{"jsonl all layers", "?format=jsonl&layer=all", 200, "jsonl", []string{"doc-1 gold", "doc-1 amina", "doc-2 gold"}, [][]string{{entry(loc)}, mine, nil}, []int{0, 1, 0}},
		{"doccano", "?format=doccano&layer=amina", 200, "doccano", []string{"doc-1 ", "doc-2 "}, [][]string{mine, nil}, []int{0, 0}},
		{"doccano all layers", "?format=doccano&layer=all", 200, "doccano", []string{"doc-1 gold", "doc-1 amina", "doc-2 gold"}, [][]string{{entry(loc)}, mine, nil}, []int{0, 0, 0}},
		{"doccano-rel", "?format=doccano-rel&layer=amina", 200, "doccano-rel", nil, [][]string{mine, nil}, []int{1, 0}},
		{"unknown format", "?format=xml", 400, "", nil, nil, nil},
		{"unknown layer", "?format=jsonl&layer=nobody", 400, "", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := env.do(http.MethodGet, fmt.Sprintf("/api/v1/projects/%d/export%s", env.proj.ID, tt.query), nil)
			expect(t, rec, tt.status)
			if tt.status != 200 {
				errorOf(t, rec)
				return
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/x-ndjson") {
				t.Errorf("Content-Type %q", ct)
			}
			raw := strings.Split(strings.TrimSuffix(rec.Body.String(), "\n"), "\n")
			if len(raw) != len(tt.spans) {
				t.Fatalf("%d lines, want %d:\n%s", len(raw), len(tt.spans), rec.Body)
			}
			for i, text := range raw {
				var l exportLine
				if err := json.Unmarshal([]byte(text), &l); err != nil {
					t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, text)
				}
				if tt.lines != nil && l.ID+" "+l.Layer != tt.lines[i] {
					t.Errorf("line %d is %q %q, want %q", i+1, l.ID, l.Layer, tt.lines[i])
				}
				if tt.format == "jsonl" && l.OffsetUnit != "codepoint" {
					t.Errorf("line %d offsets in %q, want codepoint", i+1, l.OffsetUnit)
				}
				if got := l.spansOf(t, tt.format); !slices.Equal(got, tt.spans[i]) {
					t.Errorf("line %d spans %v, want %v", i+1, got, tt.spans[i])
				}
				if len(l.Relations) != tt.relations[i] {
					t.Errorf("line %d relations %+v, want %d", i+1, l.Relations, tt.relations[i])
				}
				for _, r := range l.Relations {
					from, to := max(r.From, r.FromID), max(r.To, r.ToID)
					if from != quote.ID || to != per.ID || r.Type != "speaker" {
						t.Errorf("line %d relation %+v, want speaker %d -> %d", i+1, r, quote.ID, per.ID)
					}
				}
			}
		})
	}
}

func TestAPIImport(t *testing.T) {
	as, ae := cpSpan(t, apiText, "أحمد")
	good := func(id, label string) string {
		return fmt.Sprintf(`{"id":%q,"text":%q,"spans":[{"id":1,"start":%d,"end":%d,"label":%q}]}`, id, apiText, as, ae, label)
	}
	// doc-1 with another text: the id is the project's, the text is not.
	otherDoc1 := strings.Replace(good("doc-1", "PER"), `"text":"`, `"text":"وأيضا `, 1)
	labelStudio := func(id, label string) string {
		return fmt.Sprintf(`[{"id":%q,"data":{"text":%q},"annotations":[{"result":[{"id":"r","type":"labels","value":{"start":%d,"end":%d,"text":"أحمد","labels":[%q]}}]}]}]`,
			id, apiText, as, ae, label)
	}
	tests := []struct {
		name    string
		query   string
		body    string
		status  int
		errSays []string // each must appear in the error
		layer   string   // "mine" or "gold": where a 201 puts spans
	}{
		{"a Label Studio export", "?format=auto&name=ls.json", labelStudio("a", "PER"), 201, nil, "gold"},
		{"a Label Studio export with a label the project lacks", "?format=label-studio&name=ls.json", labelStudio("a", "PERSON"), 400,
			[]string{"ls.json:1:", "PERSON"}, ""},
		{"two documents", "", good("a", "PER") + "\n" + good("b", "ORG") + "\n", 201, nil, "gold"},
		{"into gold", "?layer=gold", good("a", "PER"), 201, nil, "gold"},
		{"into amina's layer", "?layer=amina", good("a", "PER"), 201, nil, "mine"},
		{"into nobody's layer", "?layer=nobody", good("a", "PER"), 400, []string{"layer"}, ""},
		{"offsets past the text", "", good("a", "PER") + "\n" + strings.Replace(good("b", "PER"), fmt.Sprint(ae), "999", 1), 400,
			[]string{"body:2:"}, ""},
		{"not JSON", "", good("a", "PER") + "\n{oops\n" + good("c", "PER"), 400, []string{"body:2:"}, ""},
		{"label the project lacks", "", good("a", "PER") + "\n" + good("b", "PERSON"), 400, []string{"body:2:", "PERSON"}, ""},
		{"id the project has, with another text", "", good("a", "PER") + "\n" + otherDoc1, 400, []string{"body:2:", "doc-1", "another text"}, ""},
		{"every bad line", "", otherDoc1 + "\n" + good("a", "PER") + "\n" + good("b", "PERSON"), 400,
			[]string{"body:1:", "body:3:"}, ""},
		{"empty", "", "", 400, []string{"no documents"}, ""},
		{"a broken line and an unknown label", "", good("a", "PERSON") + "\n{oops\n", 400, []string{"body:1:", "PERSON", "add_labels=1", "body:2:"}, ""},
		{"plain text without a name", "?format=text", "نص عادي", 400, []string{"name"}, ""},
		{"add_labels neither 1 nor 0", "?add_labels=yes", good("a", "PERSON"), 400, []string{"add_labels", "yes"}, ""},
		{"lines of text without a name", "?format=text-lines", "نص عادي", 400, []string{"name"}, ""},
		{"doccano's own offsets read as code points", "?format=doccano", utf16Line, 400, []string{"body:1:", "(offsets=utf16)"}, ""},
		{"an unknown offset unit", "?offsets=bytes", good("a", "PER"), 400, []string{"offsets", `"bytes"`}, ""},
		{"a text file has no offsets to count", "?format=text&name=a.txt&offsets=utf16", "نص", 400, []string{"offsets", "text files"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			url := fmt.Sprintf("/api/v1/projects/%d/documents%s", env.proj.ID, tt.query)
			rec := env.do(http.MethodPost, url, strings.NewReader(tt.body))
			expect(t, rec, tt.status)
			list, err := env.store.Documents(t.Context(), env.proj.ID, env.user, db.DocumentPage{Limit: db.MaxPageLimit})
			if err != nil {
				t.Fatal(err)
			}
			docs := list.Docs
			if tt.status != 201 {
				msg := errorOf(t, rec)
				for _, s := range tt.errSays {
					if !strings.Contains(msg, s) {
						t.Errorf("error %q does not mention %q", msg, s)
					}
				}
				if len(docs) != 1 {
					t.Errorf("a refused import left %d documents, want the 1 from before", len(docs))
				}
				return
			}
			if !strings.Contains(rec.Body.String(), `"added_labels":[]`) {
				t.Errorf("added no label, yet answered %s", rec.Body.String())
			}
			var res struct{ Documents, Spans int }
			decodeJSON(t, rec, &res)
			wantDocs := strings.Count(strings.TrimSpace(tt.body), "\n") + 1
			if res.Documents != wantDocs || res.Spans != wantDocs || len(docs) != 1+wantDocs {
				t.Fatalf("result %+v and %d documents listed, want %d more", res, len(docs), wantDocs)
			}
			owner := map[string]int64{"mine": env.user.ID, "gold": 0}[tt.layer]
			doc, err := env.store.Document(t.Context(), docs[1].ID)
			if err != nil {
				t.Fatal(err)
			}
			if sp := env.layer(doc, owner).Spans; len(sp) != 1 || sp[0].Text != "أحمد" || doc.Text != apiText {
				t.Errorf("imported %q with spans %+v in %s, want the text byte-exact and أحمد", doc.Text, sp, tt.layer)
			}
		})
	}
}

// TestAPIImportOntoExisting: a line naming a document the project has,
// with its text, fills a layer the document lacks and says so; sent again
// it is refused, that layer being there.
func TestAPIImportOntoExisting(t *testing.T) {
	env := newAPIEnv(t)
	as, ae := cpSpan(t, apiText, "أحمد")
	line := fmt.Sprintf(`{"id":"doc-1","text":%q,"spans":[{"id":1,"start":%d,"end":%d,"label":"PER"}]}`, apiText, as, ae)
	url := fmt.Sprintf("/api/v1/projects/%d/documents?layer=gold", env.proj.ID)
	rec := env.do(http.MethodPost, url, line)
	expect(t, rec, http.StatusCreated)
	var res struct{ Documents, Annotated, Spans int }
	decodeJSON(t, rec, &res)
	if res.Documents != 0 || res.Annotated != 1 || res.Spans != 1 {
		t.Errorf("answer %+v, want no new document, doc-1 annotated with 1 span", res)
	}
	if sp := env.layer(env.doc, 0).Spans; len(sp) != 1 || sp[0].Text != "أحمد" {
		t.Errorf("doc-1's gold: %+v", sp)
	}
	rec = env.do(http.MethodPost, url, line)
	expect(t, rec, http.StatusBadRequest)
	if msg := errorOf(t, rec); !strings.Contains(msg, "body:1:") || !strings.Contains(msg, "has that layer already") {
		t.Errorf("sent again: %q", msg)
	}
}

func TestAPICSRF(t *testing.T) {
	const other = "another-token-0123456789ab"
	tests := []struct {
		name           string
		cookie, header string
		fetchSite      string
		status         int
	}{
		{"no token at all", "", "", "", 400},
		{"cookie without header", apiCSRF, "", "", 400},
		{"header without cookie", "", apiCSRF, "", 403},
		{"header and cookie differ", apiCSRF, other, "", 403},
		{"cross-site request", apiCSRF, apiCSRF, "cross-site", 403},
		{"matching token", apiCSRF, apiCSRF, "", 201},
		{"same-origin fetch", "", "", "same-origin", 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			as, ae := cpSpan(t, apiText, "أحمد")
			req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID),
				strings.NewReader(fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, as, ae)))
			if tt.cookie != "" {
				req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: tt.cookie})
			}
			if tt.header != "" {
				req.Header.Set("X-CSRF-Token", tt.header)
			}
			if tt.fetchSite != "" {
				req.Header.Set("Sec-Fetch-Site", tt.fetchSite)
			}
			rec := env.serve(req)
			expect(t, rec, tt.status)
			want := 0
			if tt.status == 201 {
				want = 1
			} else {
				errorOf(t, rec)
			}
			if n := len(env.layer(env.doc, env.user.ID).Spans); n != want {
				t.Errorf("%d spans stored, want %d", n, want)
			}
		})
	}

	// The browser's flow: the page hands out the token in a cookie and,
	// masked afresh on every page (so a compressed page says nothing of
	// it), in a meta tag; sending the masked token back is enough to write.
	env := newAPIEnv(t)
	sp := env.addSpan(env.user.ID, "أحمد", "PER")
	page := env.do(http.MethodGet, "/", nil)
	expect(t, page, 200)
	var cookie *http.Cookie
	for _, c := range page.Result().Cookies() {
		if c.Name == "hashiya_csrf" {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Path != "/" {
		t.Fatalf("page set CSRF cookie %+v, want an HttpOnly SameSite=Lax cookie on /", cookie)
	}
	metaToken := func(rec *httptest.ResponseRecorder) string {
		html, err := goquery.NewDocumentFromReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		token, _ := html.Find(`meta[name="csrf-token"]`).Attr("content")
		return token
	}
	token := metaToken(page)
	again := httptest.NewRequest(http.MethodGet, "/", nil)
	again.AddCookie(cookie)
	token2 := metaToken(env.serve(again))
	if token == "" || token == cookie.Value || token2 == token || strings.Contains(token, cookie.Value) {
		t.Fatalf("meta csrf-tokens %q and %q for cookie %q: want the token masked afresh on each page", token, token2, cookie.Value)
	}
	del := fmt.Sprintf("/api/v1/documents/%d/spans/%d", env.doc.ID, sp.ID)
	expect(t, env.serve(httptest.NewRequest(http.MethodDelete, del, nil)), 400)
	if n := len(env.layer(env.doc, env.user.ID).Spans); n != 1 {
		t.Fatalf("a DELETE without token removed the span")
	}
	// Another cookie's token, masked, is refused.
	req := httptest.NewRequest(http.MethodDelete, del, nil)
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	req.Header.Set("X-CSRF-Token", token)
	expect(t, env.serve(req), 403)
	if n := len(env.layer(env.doc, env.user.ID).Spans); n != 1 {
		t.Fatalf("a DELETE with another cookie's masked token removed the span")
	}
	// Either page's masked token goes with the cookie.
	for _, tok := range []string{token2, token} {
		sp := env.addSpan(env.user.ID, "الرياض", "LOC")
		req := httptest.NewRequest(http.MethodDelete, fmt.Sprintf("/api/v1/documents/%d/spans/%d", env.doc.ID, sp.ID), nil)
		req.AddCookie(cookie)
		req.Header.Set("X-CSRF-Token", tok)
		expect(t, env.serve(req), 204)
	}
}

func TestAPISecurityHeaders(t *testing.T) {
	env := newAPIEnv(t)
	for _, path := range []string{"/", "/api/v1/projects", "/api/v1/documents/99999", fmt.Sprintf("/documents/%d", env.doc.ID)} {
		rec := env.do(http.MethodGet, path, nil)
		h := rec.Header()
		csp := map[string][]string{}
		for _, d := range strings.Split(h.Get("Content-Security-Policy"), ";") {
			if f := strings.Fields(d); len(f) > 0 {
				csp[f[0]] = f[1:]
			}
		}
		script, ok := csp["script-src"]
		if !ok {
			script = csp["default-src"]
		}
		if !slices.Contains(script, "'self'") || slices.Contains(script, "'unsafe-inline'") || slices.Contains(script, "'unsafe-eval'") {
			t.Errorf("%s: script-src %v must allow 'self' only, no inline script or eval", path, script)
		}
		if fa := csp["frame-ancestors"]; !slices.Equal(fa, []string{"'none'"}) {
			t.Errorf("%s: frame-ancestors %v, want 'none'", path, fa)
		}
		if obj := csp["object-src"]; !slices.Equal(obj, []string{"'none'"}) {
			t.Errorf("%s: object-src %v, want 'none'", path, obj)
		}
		if v := h.Get("X-Content-Type-Options"); v != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, v)
		}
		if v := h.Get("X-Frame-Options"); v != "DENY" {
			t.Errorf("%s: X-Frame-Options %q", path, v)
		}
	}
}

func TestAPIStaticAssets(t *testing.T) {
	env := newAPIEnv(t)
	page := env.do(http.MethodGet, "/", nil)
	expect(t, page, 200)
	html, err := goquery.NewDocumentFromReader(page.Body)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := html.Find(`script[type="module"]`).Attr("src")
	prefix, ok := strings.CutSuffix(src, "/annotate.js")
	if !ok || !strings.HasPrefix(prefix, "/static/") || len(prefix) <= len("/static/") {
		t.Fatalf("page loads its script from %q, want /static/<hash>/annotate.js", src)
	}
	want, err := os.ReadFile("static/annotate.js")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, ctype, cache string
		status                   int
		body                     []byte
	}{
		{"script", prefix + "/annotate.js", "javascript", "immutable", 200, want},
		{"style", prefix + "/app.css", "text/css", "immutable", 200, nil},
		{"stale hash", "/static/000000000000/annotate.js", "javascript", "no-cache", 200, want},
		{"unknown file", prefix + "/nope.js", "", "", 404, nil},
		{"outside static", prefix + "/../server.go", "", "", 404, nil},
		{"escaped dots", prefix + "/%2e%2e/server.go", "", "", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := env.do(http.MethodGet, tt.path, nil)
			expect(t, rec, tt.status)
			if tt.status != 200 {
				return
			}
			if ct := rec.Header().Get("Content-Type"); !strings.Contains(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tt.ctype)
			}
			cc := rec.Header().Get("Cache-Control")
			if !strings.Contains(cc, tt.cache) || tt.cache == "immutable" && !strings.Contains(cc, "max-age=31536000") {
				t.Errorf("Cache-Control %q, want %s", cc, tt.cache)
			}
			if tt.body != nil && !bytes.Equal(rec.Body.Bytes(), tt.body) {
				t.Errorf("served %d bytes, want the %d of the file", rec.Body.Len(), len(tt.body))
			}
		})
	}
}

// TestAPIRequestTooLarge sends bodies over the 64 MiB limit, declared and
// streamed without a length: 413, and nothing stored.
func TestAPIRequestTooLarge(t *testing.T) {
	const limit = 64 << 20
	env := newAPIEnv(t)
	imp := fmt.Sprintf("/api/v1/projects/%d/documents", env.proj.ID)
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)
	tests := []struct {
		name     string
		url      string
		body     func() io.Reader
		declared int64 // Content-Length; -1 for a streamed body
	}{
		{"declared import", imp, func() io.Reader { return strings.NewReader("{}") }, limit + 1},
		// Blank lines: the import reads on and on without keeping any.
		{"streamed import", imp, func() io.Reader { return io.LimitReader(endlessReader('\n'), limit+1<<20) }, -1},
		{"streamed span", spans, func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"label":"`), io.LimitReader(endlessReader('a'), limit+1<<20))
		}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, tt.url, tt.body())
			req.ContentLength = tt.declared
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
			req.Header.Set("X-CSRF-Token", apiCSRF)
			rec := env.serve(req)
			expect(t, rec, http.StatusRequestEntityTooLarge)
			errorOf(t, rec)
		})
	}
	list, err := env.store.Documents(t.Context(), env.proj.ID, env.user, db.DocumentPage{Limit: db.MaxPageLimit})
	if docs := list.Docs; err != nil || len(docs) != 1 || docs[0].Spans != 0 {
		t.Errorf("after refused bodies: documents %+v, %v; want the one document, untouched", docs, err)
	}
}

// TestAPIExportCoNLL: the conll format is text, not JSON lines, named so.
func TestAPIExportCoNLL(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "الوزير أحمد", "PER")
	rec := env.do(http.MethodGet, fmt.Sprintf("/api/v1/projects/%d/export?format=conll&layer=amina", env.proj.ID), nil)
	expect(t, rec, http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("content type %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, ".conll") {
		t.Errorf("download named %q", cd)
	}
	body := rec.Body.String()
	for _, want := range []string{"# id = doc-1\n", "الوزير B-PER\n", "أحمد I-PER\n", "قال O\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("conll export lacks %q:\n%s", want, body)
		}
	}
}

// utf16Line is a doccano line as doccano itself writes it for a text with
// emoji: offsets in UTF-16 units (أحمد at 7..11, الرياض at 32..38; in code
// points 6..10 and 29..35 of 36).
const utf16Line = `{"id":"e1","text":"😀 قال أحمد 👍🏽 إن الاقتصاد في الرياض.","label":[[7,11,"PER"],[32,38,"LOC"]]}`

// TestExportOffsetsParam: a doccano file counted in UTF-16 units goes in
// with ?offsets=utf16; ?offsets=utf16 writes the doccano formats in
// doccano's own UTF-16 units again, and is refused for the other formats or an
// unknown unit.
func TestExportOffsetsParam(t *testing.T) {
	env := newAPIEnv(t)
	imp := fmt.Sprintf("/api/v1/projects/%d/documents?format=doccano&offsets=utf16", env.proj.ID)
	expect(t, env.do(http.MethodPost, imp, strings.NewReader(utf16Line+"\n")), http.StatusCreated)
	export := fmt.Sprintf("/api/v1/projects/%d/export", env.proj.ID)
	rec := env.do(http.MethodGet, export+"?format=doccano&offsets=utf16", nil)
	expect(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), utf16Line+"\n") {
		t.Errorf("doccano export in UTF-16 units:\n%s\nwant the line imported:\n%s", rec.Body, utf16Line)
	}
	rec = env.do(http.MethodGet, export+"?format=doccano", nil)
	if !strings.Contains(rec.Body.String(), `"label":[[6,10,"PER"],[29,35,"LOC"]]`) {
		t.Errorf("doccano export in code points:\n%s", rec.Body)
	}
	for _, q := range []string{"?format=jsonl&offsets=utf16", "?format=doccano&offsets=bytes"} {
		rec := env.do(http.MethodGet, export+q, nil)
		expect(t, rec, http.StatusBadRequest)
		if msg := errorOf(t, rec); !strings.HasPrefix(msg, "offsets: ") {
			t.Errorf("%s: error %q does not name offsets", q, msg)
		}
	}
}

// TestExportMine: ?layer=mine exports the caller's own layer, as the span
// routes read it.
func TestExportMine(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "أحمد", "PER")
	export := fmt.Sprintf("/api/v1/projects/%d/export?format=jsonl", env.proj.ID)
	mine := env.do(http.MethodGet, export+"&layer=mine", nil)
	expect(t, mine, http.StatusOK)
	named := env.do(http.MethodGet, export+"&layer="+env.user.Name, nil)
	if mine.Body.String() != named.Body.String() || !strings.Contains(mine.Body.String(), `"layer":"`+env.user.Name+`"`) || !strings.Contains(mine.Body.String(), "أحمد") {
		t.Errorf("layer=mine exported\n%s\nlayer=%s exported\n%s", mine.Body, env.user.Name, named.Body)
	}
}

// TestExportFileName: the download is named after the project, an Arabic
// name too (RFC 2231), with the layer and format.
func TestExportFileName(t *testing.T) {
	env := newAPIEnv(t)
	rec := env.do(http.MethodGet, fmt.Sprintf("/api/v1/projects/%d/export?format=doccano", env.proj.ID), nil)
	expect(t, rec, http.StatusOK)
	_, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
	if err != nil || params["filename"] != env.proj.Name+"-gold-doccano.jsonl" {
		t.Errorf("Content-Disposition %q: filename %q (%v), want %q", rec.Header().Get("Content-Disposition"), params["filename"], err, env.proj.Name+"-gold-doccano.jsonl")
	}
}
