package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestIfMatchRefusesStaleWrite: a script that read the layer (its ETag)
// and writes with If-Match naming that tag is refused 409, nothing
// written, once another write has changed the layer; with the current
// tag (or a write's Layer-Tag-After) it goes through. A write that does
// not honour If-Match refuses it (400) rather than ignore it.
func TestIfMatchRefusesStaleWrite(t *testing.T) {
	env := newAPIEnv(t)
	token, _, err := env.store.CreateToken(t.Context(), env.user, "script")
	if err != nil {
		t.Fatal(err)
	}
	send := func(method, path, ifMatch, body string) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest(method, fmt.Sprintf("/api/v1/documents/%d%s", env.doc.ID, path), strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		if ifMatch != "" {
			req.Header.Set("If-Match", ifMatch)
		}
		return env.serve(req)
	}
	read := send(http.MethodGet, "/spans", "", "")
	expect(t, read, http.StatusOK)
	first := read.Header().Get("ETag")
	start, end := cpSpan(t, apiText, "أحمد")
	made := send(http.MethodPost, "/spans", first, fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, start, end))
	expect(t, made, http.StatusCreated)
	now := made.Header().Get("Layer-Tag-After")
	per := env.layer(env.doc, env.user.ID).Spans[0]
	quote := env.addSpan(env.user.ID, "«الاقتصاد ينمو»", "QUOTE")
	afterOther := send(http.MethodGet, "/spans", "", "").Header().Get("ETag")

	stale := []struct{ name, method, path, body string }{
		{"create", http.MethodPost, "/spans", fmt.Sprintf(`{"start":%d,"end":%d,"label":"LOC"}`, start, end)},
		{"change", http.MethodPatch, fmt.Sprintf("/spans/%d", per.ID), `{"label":"ORG"}`},
		{"delete", http.MethodDelete, fmt.Sprintf("/spans/%d", per.ID), ""},
		{"delete several", http.MethodPost, "/spans/delete", fmt.Sprintf(`{"ids":[%d]}`, per.ID)},
		{"link", http.MethodPost, "/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote.ID, per.ID)},
	}
	for _, tt := range stale {
		for _, held := range []string{first, now} {
			rec := send(tt.method, tt.path, held, tt.body)
			expect(t, rec, http.StatusConflict)
			if msg := errorOf(t, rec); !strings.HasPrefix(msg, "If-Match: the layer changed") || !strings.Contains(msg, afterOther) {
				t.Errorf("%s with a stale If-Match: error %q, want it to name If-Match and the tag the layer has now", tt.name, msg)
			}
		}
	}
	l := env.layer(env.doc, env.user.ID)
	if len(l.Spans) != 2 || l.Spans[0].Label != "PER" || len(l.Relations) != 0 {
		t.Fatalf("after stale writes the layer holds %+v, %+v; want PER and QUOTE, no link", l.Spans, l.Relations)
	}

	linked := send(http.MethodPost, "/relations", afterOther, fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote.ID, per.ID))
	expect(t, linked, http.StatusCreated)
	changed := send(http.MethodPatch, fmt.Sprintf("/spans/%d", per.ID), `"x", `+linked.Header().Get("Layer-Tag-After"), `{"label":"ORG"}`)
	expect(t, changed, http.StatusOK)
	if any := send(http.MethodPatch, fmt.Sprintf("/spans/%d", per.ID), "*", `{"label":"PER"}`); any.Code != http.StatusOK {
		t.Errorf("If-Match: * answered %d, want 200", any.Code)
	}

	others := []struct{ name, method, path, body string }{
		{"replace", http.MethodPost, "/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d,"replace":true}`, quote.ID, per.ID)},
		{"unlink_speaker", http.MethodPatch, fmt.Sprintf("/spans/%d", quote.ID), `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`},
		{"occurrences", http.MethodPost, fmt.Sprintf("/spans/%d/occurrences", per.ID), ""},
		{"done", http.MethodPost, "/done?force=1", ""},
	}
	before := env.layer(env.doc, env.user.ID)
	for _, tt := range others {
		rec := send(tt.method, tt.path, "*", tt.body)
		expect(t, rec, http.StatusBadRequest)
		if msg := errorOf(t, rec); !strings.HasPrefix(msg, "If-Match: ") {
			t.Errorf("%s with If-Match: error %q, want it to name If-Match", tt.name, msg)
		}
	}
	if after := env.layer(env.doc, env.user.ID); after.Status != before.Status || len(after.Relations) != len(before.Relations) {
		t.Errorf("writes refused for If-Match changed the layer: %+v, was %+v", after, before)
	}
}
