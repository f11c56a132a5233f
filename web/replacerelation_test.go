package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"hashiya/db"
)

// TestAPIReplaceRelation: "replace": true links a quotation to another
// speaker in one request, answering the new link with the one it
// replaced and the marks it cleared; a refused replace keeps the old link.
func TestAPIReplaceRelation(t *testing.T) {
	env := newAPIEnv(t)
	quote := env.addSpan(env.user.ID, "«الاقتصاد ينمو»", "QUOTE")
	per := env.addSpan(env.user.ID, "أحمد", "PER")
	loc := env.addSpan(env.user.ID, "الرياض", "LOC")
	org := env.addSpan(env.user.ID, "الوزير", "ORG")
	base := fmt.Sprintf("/api/v1/documents/%d/relations", env.doc.ID)
	replace := func(typ string, from, to db.Span) string {
		return fmt.Sprintf(`{"type":%q,"from":%d,"to":%d,"replace":true}`, typ, from.ID, to.ID)
	}
	// Marked "speaker not in the text", the quotation gets a speaker: the
	// mark comes off in the same request.
	patch := env.do(http.MethodPatch, fmt.Sprintf("/api/v1/documents/%d/spans/%d", env.doc.ID, quote.ID), `{"attributes":{"speaker_in_text":false}}`)
	expect(t, patch, 200)
	rec := env.do(http.MethodPost, base, replace("speaker", quote, per))
	expect(t, rec, 201)
	var first struct {
		db.Relation
		Replaced []db.Relation `json:"replaced"`
		Cleared  []int64       `json:"cleared"`
	}
	decodeJSON(t, rec, &first)
	if first.ID == 0 || first.To != per.ID || len(first.Replaced) != 0 || !slices.Equal(first.Cleared, []int64{quote.ID}) {
		t.Errorf("first speaker by replace answered %s, want the link, nothing replaced and the quote's mark cleared", rec.Body)
	}

	refusals := []struct {
		name, body string
		status     int
		errSays    string
	}{
		{"a rule it breaks", replace("speaker", quote, loc), 400, "a speaker relation joins QUOTE -> PER/ORG, not QUOTE -> LOC"},
		{"a span deleted elsewhere", fmt.Sprintf(`{"type":"speaker","from":%d,"to":999999,"replace":true}`, quote.ID), 404, "to: span 999999 is not in this layer"},
		{"a type of many", replace("segment", quote, org), 400, "replace: replace is for the links a quotation or span has one of (cue, refers_to, speaker), not segment"},
		{"replace not a boolean", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d,"replace":"yes"}`, quote.ID, org.ID), 400, `field "replace" must be`},
	}
	for _, tt := range refusals {
		rec := env.do(http.MethodPost, base, tt.body)
		expect(t, rec, tt.status)
		if msg := errorOf(t, rec); !strings.Contains(msg, tt.errSays) {
			t.Errorf("%s: error %q, want it to say %q", tt.name, msg, tt.errSays)
		}
		if l := env.layer(env.doc, env.user.ID); len(l.Relations) != 1 || l.Relations[0].ID != first.ID {
			t.Errorf("%s: relations %+v, want the first speaker kept", tt.name, l.Relations)
		}
	}
	// Gold's replace reaches gold's spans only: the annotator's are 404.
	expect(t, env.do(http.MethodPost, base+"?layer=gold", replace("speaker", quote, org)), 404)

	rec = env.do(http.MethodPost, base, replace("speaker", quote, org))
	expect(t, rec, 201)
	var body map[string]json.RawMessage
	decodeJSON(t, rec, &body)
	want := fmt.Sprintf(`[{"id":%d,"type":"speaker","from":%d,"to":%d}]`, first.ID, quote.ID, per.ID)
	if string(body["replaced"]) != want || string(body["cleared"]) != "[]" || string(body["to"]) != fmt.Sprint(org.ID) {
		t.Errorf("replacing the speaker answered %s, want the ORG linked, replaced %s and nothing cleared", rec.Body, want)
	}
	if l := env.layer(env.doc, env.user.ID); len(l.Relations) != 1 || l.Relations[0].To != org.ID {
		t.Errorf("relations %+v, want the one speaker, the ORG", l.Relations)
	}
}
