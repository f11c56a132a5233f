package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestAPIBodiesKeptAsWritten: what a body says is what is stored, or the
// body is refused naming why. encoding/json alone would round numbers
// past 2^53, repair bad text to U+FFFD and read "START" as "start".
func TestAPIBodiesKeptAsWritten(t *testing.T) {
	env := newAPIEnv(t)
	start, end := cpSpan(t, env.doc.Text, "أحمد")
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)

	// Numbers in attributes come back as written, through a create, a
	// change of the attributes and a change of the label.
	rec := env.do(http.MethodPost, spans, fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER","attributes":{"n":9007199254740993,"f":1.10,"e":1e2}}`, start, end))
	expect(t, rec, http.StatusCreated)
	var sp struct {
		ID         int64           `json:"id"`
		Attributes json.RawMessage `json:"attributes"`
	}
	decodeJSON(t, rec, &sp)
	const want = `{"e":1e2,"f":1.10,"n":9007199254740993}`
	if string(sp.Attributes) != want {
		t.Errorf("created with attributes %s, want %s", sp.Attributes, want)
	}
	for _, patch := range []string{`{"label":"ORG"}`, `{"attributes":{"k":-0.50}}`} {
		rec = env.do(http.MethodPatch, fmt.Sprintf("%s/%d", spans, sp.ID), patch)
		expect(t, rec, http.StatusOK)
	}
	stored := env.layer(env.doc, env.user.ID).Spans[0].Attributes
	if got, want := string(stored), `{"e":1e2,"f":1.10,"k":-0.50,"n":9007199254740993}`; got != want {
		t.Errorf("after two changes the attributes are %s, want %s", got, want)
	}

	// Each of these is refused whole, naming what is wrong.
	for _, tc := range []struct{ name, body, says string }{
		{"a number no reader holds", `{"attributes":{"x":{"y":[1, 1e400]}}}`, "attributes.x.y[1] is 1e400"},
		{"a key in capitals beside its own", `{"label":"PER","LABEL":"ORG"}`, `unknown field "LABEL"`},
		{"a key in another case", `{"Label":"LOC"}`, `unknown field "Label" (the fields are start, end, label, attributes, in lower case)`},
		{"half a surrogate pair", `{"attributes":{"k":"a\ud800b"}}`, `unpaired surrogate escape \ud800`},
		{"bytes that are not UTF-8", "{\"attributes\":{\"k\":\"v\xff\"}}", "not valid UTF-8: byte 0xff"},
	} {
		rec = env.do(http.MethodPatch, fmt.Sprintf("%s/%d", spans, sp.ID), tc.body)
		expect(t, rec, http.StatusBadRequest)
		if msg := errorOf(t, rec); !strings.Contains(msg, tc.says) {
			t.Errorf("%s: %q does not say %q", tc.name, msg, tc.says)
		}
	}
	if after := env.layer(env.doc, env.user.ID).Spans[0]; string(after.Attributes) != string(stored) || after.Label != "ORG" {
		t.Errorf("a refused body changed the span: %s %s", after.Label, after.Attributes)
	}
}
