package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hashiya/db"
)

// TestAPILabelOccurrences: POST .../spans/:s/occurrences labels every
// other whole-word occurrence of the span's text in the same layer,
// gold included, and answers with what it made; an unknown span is 404
// and changes nothing.
func TestAPILabelOccurrences(t *testing.T) {
	env := newAPIEnv(t)
	text := "قال الناطق إن داعش انسحب. وأضاف أن داعش، وداعشي، وداعش لم تعد. داعش"
	doc := env.importDoc("names", text)
	base := fmt.Sprintf("/api/v1/documents/%d/spans", doc.ID)
	for _, layer := range []string{"", "?layer=gold"} {
		rec := env.do("POST", base+layer, `{"start":14,"end":18,"label":"ORG"}`)
		expect(t, rec, http.StatusCreated)
		var first db.Span
		decodeJSON(t, rec, &first)
		rec = env.do("POST", fmt.Sprintf("%s/%d/occurrences%s", base, first.ID, layer), nil)
		expect(t, rec, http.StatusCreated)
		var got struct{ Spans []db.Span }
		decodeJSON(t, rec, &got)
		// داعش at 14 (the first), 35 and 63; not in وداعشي nor وداعش.
		if len(got.Spans) != 2 || got.Spans[0].Start != 35 || got.Spans[1].Start != 63 {
			t.Fatalf("layer %q: made %+v, want ORG at 35 and 63", layer, got.Spans)
		}
		for _, sp := range got.Spans {
			if sp.Label != "ORG" || sp.Text != "داعش" || pySlice(text, sp.Start, sp.End) != "داعش" {
				t.Errorf("layer %q: made %+v", layer, sp)
			}
		}
	}
	if n := len(env.layer(doc, env.user.ID).Spans); n != 3 {
		t.Errorf("amina's layer holds %d spans, want 3", n)
	}
	if n := len(env.layer(doc, 0).Spans); n != 3 {
		t.Errorf("gold holds %d spans, want 3", n)
	}
	rec := env.do("POST", base+"/999999/occurrences", nil)
	expect(t, rec, http.StatusNotFound)
	if n := len(env.layer(doc, env.user.ID).Spans); n != 3 {
		t.Errorf("a refused request left %d spans", n)
	}
}
