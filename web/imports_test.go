package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hashiya/db"
)

// TestAPIImportChecks: the API's import refuses, naming each bad line as
// FILE:LINE (the body is "body"), what the API's own edits refuse
// (relations against the rules, bad span attributes), label names a
// label cannot have, ids the exports could not write back, lines of
// another layer, and a layer of someone outside the project; nothing is
// stored.
func TestAPIImportChecks(t *testing.T) {
	ps, pe := cpSpan(t, apiText, "أحمد")
	qs, qe := cpSpan(t, apiText, "الاقتصاد ينمو")
	line := func(id, extra, spans, relations string) string {
		return fmt.Sprintf(`{"id":%q,"text":%q%s,"spans":[%s],"relations":[%s]}`, id, apiText, extra, spans, relations)
	}
	per := fmt.Sprintf(`{"id":1,"start":%d,"end":%d,"label":"PER"}`, ps, pe)
	quote := func(attrs string) string {
		return fmt.Sprintf(`{"id":2,"start":%d,"end":%d,"label":"QUOTE","attributes":%s}`, qs, qe, attrs)
	}
	tests := []struct {
		name, query, body string
		errSays           []string
	}{
		{"a speaker from a PER to itself", "", line("a", "", per, `{"type":"speaker","from":1,"to":1}`),
			[]string{`body:1: relation speaker joins span "1" to itself`}},
		{"a speaker the wrong way round", "", line("a", "", per+","+quote("{}"), `{"type":"speaker","from":1,"to":2}`),
			[]string{`body:1: relation speaker from span "1" to span "2": a speaker relation joins QUOTE -> PER/ORG, not PER -> QUOTE`}},
		{"a relation type the project lacks", "", line("a", "", per+","+quote("{}"), `{"type":"said_by","from":2,"to":1}`),
			[]string{`body:1: relation type "said_by" is not defined`}},
		{"a QUOTE's bad attributes", "", line("a", "", quote(`{"type":"bogus","speaker_in_text":"no"}`), ""),
			[]string{"body:1: ", "not no on QUOTE", "not bogus on QUOTE"}},
		{"a quotation type on a PER", "", line("a", "", fmt.Sprintf(`{"id":1,"start":%d,"end":%d,"label":"PER","attributes":{"type":"direct"}}`, ps, pe), ""),
			[]string{"body:1: ", "not direct on PER"}},
		{"a new label no label may be named", "?add_labels=1", line("a", "", per, "") + "\n" + line("b", "", fmt.Sprintf(`{"id":1,"start":%d,"end":%d,"label":"has space"}`, ps, pe), ""),
			[]string{`body:2: label "has space" is not in project أخبار's label set and cannot be added: a name is 1-40 letters, digits or _-.: (no spaces)`}},
		{"an id with a line break", "", line("bad\nid", "", per, ""), []string{`body:1: document id "bad\nid" holds a line break`}},
		{"an id with spaces at its ends", "", line(" pad ", "", per, ""), []string{`body:1: document id " pad " has white space at its start or end`}},
		{"omar's line into gold", "", line("a", `,"layer":"omar"`, per, ""),
			[]string{`body:1: this line is layer "omar"'s, and this import goes to gold: import it with layer=omar, or drop its "layer" to import it into gold`}},
		{"a layer of someone outside the project", "?layer=omar", line("a", "", per, ""),
			[]string{"layer: user omar is not a member of project أخبار"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			rec := env.do(http.MethodPost, fmt.Sprintf("/api/v1/projects/%d/documents%s", env.proj.ID, tt.query), strings.NewReader(tt.body))
			expect(t, rec, http.StatusBadRequest)
			msg := errorOf(t, rec)
			for _, s := range tt.errSays {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q does not say %q", msg, s)
				}
			}
			if list, err := env.store.Documents(t.Context(), env.proj.ID, env.user, db.DocumentPage{Limit: db.MaxPageLimit}); err != nil || list.Total != 1 {
				t.Errorf("a refused import left %d documents (%v), want the 1 from before", list.Total, err)
			}
		})
	}
}

// TestAPIImportIntoMembersLayer: once omar is a member, the same import
// into his layer goes in, and a native line naming his layer lands there.
func TestAPIImportIntoMembersLayer(t *testing.T) {
	env := newAPIEnv(t)
	if err := env.store.SetMember(context.Background(), env.proj.ID, env.user, env.other, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	ps, pe := cpSpan(t, apiText, "أحمد")
	body := fmt.Sprintf(`{"id":"a","layer":"omar","text":%q,"spans":[{"id":1,"start":%d,"end":%d,"label":"PER"}]}`, apiText, ps, pe)
	rec := env.do(http.MethodPost, fmt.Sprintf("/api/v1/projects/%d/documents?layer=omar", env.proj.ID), body)
	expect(t, rec, http.StatusCreated)
	rec = env.do(http.MethodGet, fmt.Sprintf("/api/v1/projects/%d/export?layer=omar", env.proj.ID), nil)
	expect(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `"id":"a","text"`) || !strings.Contains(rec.Body.String(), `"layer":"omar","status":"in_progress"`) {
		t.Errorf("omar's export:\n%s", rec.Body)
	}
}

// TestAPIExportLayerOfNonMember: exporting the layer of a user who has no
// part in the project is refused (400 naming layer), not answered with
// every document empty; once they have work in it (a member, or one who
// left their layers behind), it is exported.
func TestAPIExportLayerOfNonMember(t *testing.T) {
	env := newAPIEnv(t)
	export := fmt.Sprintf("/api/v1/projects/%d/export?layer=omar", env.proj.ID)
	rec := env.do(http.MethodGet, export, nil)
	expect(t, rec, http.StatusBadRequest)
	if msg := errorOf(t, rec); msg != "layer: user omar is not a member of project أخبار and has no layer in it" {
		t.Errorf("error %q", msg)
	}
	ctx := context.Background()
	if err := env.store.SetMember(ctx, env.proj.ID, env.user, env.other, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	expect(t, env.do(http.MethodGet, export, nil), http.StatusOK)
	ps, pe := cpSpan(t, apiText, "أحمد")
	if _, err := env.store.CreateSpan(ctx, env.doc, env.other.ID, env.other.ID, db.SpanInput{Start: ps, End: pe, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	if err := env.store.RemoveMember(ctx, env.proj.ID, env.user, env.other); err != nil {
		t.Fatal(err)
	}
	rec = env.do(http.MethodGet, export, nil)
	expect(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `"label":"PER"`) {
		t.Errorf("the layer omar left behind is not exported:\n%s", rec.Body)
	}
}
