package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
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
		{"a key in another case", `{"Label":"LOC"}`, `unknown field "Label" (the fields are start, end, label, attributes, unlink_speaker, in lower case)`},
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

// TestAPIBodiesContentType: a JSON write whose body says it is something
// else (a form, as curl -d sends, or text) is refused with 400 naming the
// Content-Type, on every route that reads a JSON body, and changes
// nothing; application/json with parameters, in any case, or no
// Content-Type at all, is read. The JSONL import is a file, not a JSON
// body, and keeps taking any type.
func TestAPIBodiesContentType(t *testing.T) {
	env := newAPIEnv(t)
	per := env.addSpan(env.user.ID, "أحمد", "PER")
	quote := env.addSpan(env.user.ID, "«الاقتصاد ينمو»", "QUOTE")
	start, end := cpSpan(t, env.doc.Text, "الرياض")
	doc := fmt.Sprintf("/api/v1/documents/%d", env.doc.ID)
	routes := []struct{ method, path, body string }{
		{http.MethodPost, doc + "/spans", fmt.Sprintf(`{"start":%d,"end":%d,"label":"LOC"}`, start, end)},
		{http.MethodPatch, fmt.Sprintf("%s/spans/%d", doc, per.ID), `{"label":"ORG"}`},
		{http.MethodPost, doc + "/spans/delete", fmt.Sprintf(`{"ids":[%d]}`, per.ID)},
		{http.MethodPost, doc + "/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote.ID, per.ID)},
		{http.MethodPost, doc + "/notes", `{"body":"سؤال"}`},
		{http.MethodPost, doc + "/suggestions/accept", `{"all":true}`},
	}
	send := func(method, path, body, ctype string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
		req.Header.Set("X-CSRF-Token", apiCSRF)
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		return env.serve(req)
	}
	for _, ctype := range []string{"application/x-www-form-urlencoded", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x", "application/jsonl", "application/json; charset=iso-8859-1", "json"} {
		for _, r := range routes {
			t.Run(ctype+" "+r.method+" "+r.path, func(t *testing.T) {
				before := env.layer(env.doc, env.user.ID)
				rec := send(r.method, r.path, r.body, ctype)
				expect(t, rec, http.StatusBadRequest)
				if msg, want := errorOf(t, rec), "body: Content-Type is "+ctype+"; send "; !strings.HasPrefix(msg, want) || !strings.HasSuffix(msg, "as application/json") && !strings.HasSuffix(msg, "send application/json") {
					t.Errorf("error %q, want %q...application/json", msg, want)
				}
				if after := env.layer(env.doc, env.user.ID); len(after.Spans) != len(before.Spans) || len(after.Relations) != len(before.Relations) || after.Spans[0].Label != before.Spans[0].Label {
					t.Error("a refused body changed the layer")
				}
			})
		}
	}
	// The same bodies, said to be JSON or said to be nothing, are read.
	for i, ctype := range []string{"application/json; charset=utf-8", "Application/JSON", "", "application/json"} {
		r := routes[i]
		if i == 2 { // keep per for the relation below
			r = routes[1]
		}
		if rec := send(r.method, r.path, r.body, ctype); rec.Code >= 400 {
			t.Errorf("%q %s %s: status %d: %s", ctype, r.method, r.path, rec.Code, rec.Body)
		}
	}
	// A JSONL file may come as any type.
	rec := send(http.MethodPost, fmt.Sprintf("/api/v1/projects/%d/documents", env.proj.ID), `{"id":"ct","text":"نص"}`+"\n", "text/plain")
	expect(t, rec, http.StatusCreated)
}
