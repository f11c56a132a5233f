package web_test

import (
	"fmt"
	"net/http"
	"testing"
)

// TestMissingFieldsNamed: a span or relation body without some of its
// required fields (absent, null or empty) is refused naming exactly those
// fields, and an id in the address that is not a positive whole number
// is refused saying which way it is wrong.
func TestMissingFieldsNamed(t *testing.T) {
	env := newAPIEnv(t)
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)
	relations := fmt.Sprintf("/api/v1/documents/%d/relations", env.doc.ID)
	for _, tt := range []struct {
		name, method, path, body, want string
	}{
		{"span without end", http.MethodPost, spans, `{"start": 1, "label": "PER"}`, "body: end is required"},
		{"span with a null start", http.MethodPost, spans, `{"start": null, "end": 3, "label": "PER"}`, "body: start is required"},
		{"span with a null label", http.MethodPost, spans, `{"start": 1, "end": 3, "label": null}`, "body: label is required"},
		{"span with an empty label", http.MethodPost, spans, `{"start": 1, "end": 3, "label": ""}`, "body: label is required"},
		{"span without start and label", http.MethodPost, spans, `{"end": 3}`, "body: start and label are required"},
		{"empty span", http.MethodPost, spans, `{}`, "body: start, end and label are required"},
		{"relation without to", http.MethodPost, relations, `{"type": "speaker", "from": 1}`, "body: to is required"},
		{"relation with a null type", http.MethodPost, relations, `{"type": null, "from": 1, "to": 2}`, "body: type is required"},
		{"relation without from and to", http.MethodPost, relations, `{"type": "speaker"}`, "body: from and to are required"},
		{"empty relation", http.MethodPost, relations, `{}`, "body: type, from and to are required"},
		{"span id 0", http.MethodDelete, spans + "/0", "", `span id "0" in the address is not a span id (ids are positive whole numbers)`},
		{"span id -1", http.MethodPatch, spans + "/-1", `{"label": "PER"}`, `span id "-1" in the address is not a span id (ids are positive whole numbers)`},
		{"span id abc", http.MethodDelete, spans + "/abc", "", `span id "abc" in the address is not a number`},
		{"relation id too large", http.MethodDelete, relations + "/99999999999999999999", "", `relation id "99999999999999999999" in the address is too large to be a relation id`},
		{"document id 0", http.MethodGet, "/api/v1/documents/0/spans", "", `document id "0" in the address is not a document id (ids are positive whole numbers)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var body any
			if tt.body != "" {
				body = tt.body
			}
			rec := env.do(tt.method, tt.path, body)
			expect(t, rec, http.StatusBadRequest)
			if got := errorOf(t, rec); got != tt.want {
				t.Errorf("error %q, want %q", got, tt.want)
			}
		})
	}
	if n := len(env.layer(env.doc, env.user.ID).Spans); n != 0 {
		t.Errorf("refused requests stored %d spans", n)
	}
}
