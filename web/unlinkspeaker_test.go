package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestAPIUnlinkSpeaker: PATCH .../spans/:s with speaker_in_text false and
// "unlink_speaker": true marks the quotation in place of its speaker in
// one request, answering the span and the link it took off; refusals
// name the field and keep the speaker.
func TestAPIUnlinkSpeaker(t *testing.T) {
	env := newAPIEnv(t)
	quote := env.addSpan(env.user.ID, "«الاقتصاد ينمو»", "QUOTE")
	per := env.addSpan(env.user.ID, "أحمد", "PER")
	url := fmt.Sprintf("/api/v1/documents/%d/spans/%d", env.doc.ID, quote.ID)
	rec := env.do(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/relations", env.doc.ID), fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote.ID, per.ID))
	expect(t, rec, 201)
	var link struct {
		ID int64 `json:"id"`
	}
	decodeJSON(t, rec, &link)

	refusals := []struct {
		name, body string
		status     int
		errSays    string
	}{
		{"the mark alone", `{"attributes":{"speaker_in_text":false}}`, 409, "remove the speaker before marking it"},
		{"unlinking without the mark", `{"attributes":{"type":"direct"},"unlink_speaker":true}`, 400, `unlink_speaker: unlink_speaker goes with attributes {"speaker_in_text": false}`},
		{"unlinking with a label", `{"label":"PER","attributes":{"speaker_in_text":false},"unlink_speaker":true}`, 400, "unlink_speaker: unlink_speaker changes attributes only"},
		{"unlinking with offsets", `{"start":0,"end":3,"attributes":{"speaker_in_text":false},"unlink_speaker":true}`, 400, "unlink_speaker: unlink_speaker changes attributes only"},
		{"unlink_speaker not a boolean", `{"attributes":{"speaker_in_text":false},"unlink_speaker":"yes"}`, 400, `field "unlink_speaker" must be true or false`},
	}
	for _, tt := range refusals {
		rec := env.do(http.MethodPatch, url, tt.body)
		expect(t, rec, tt.status)
		if msg := errorOf(t, rec); !strings.Contains(msg, tt.errSays) {
			t.Errorf("%s: error %q, want it to say %q", tt.name, msg, tt.errSays)
		}
		if l := env.layer(env.doc, env.user.ID); len(l.Relations) != 1 || string(l.Spans[0].Attributes) != "{}" {
			t.Errorf("%s: relations %+v, attributes %s; want the speaker kept and no mark", tt.name, l.Relations, l.Spans[0].Attributes)
		}
	}
	// Gold's request reaches gold's spans only: the annotator's are 404.
	expect(t, env.do(http.MethodPatch, url+"?layer=gold", `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`), 404)

	rec = env.do(http.MethodPatch, url, `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`)
	expect(t, rec, 200)
	var body map[string]json.RawMessage
	decodeJSON(t, rec, &body)
	want := fmt.Sprintf(`[{"id":%d,"type":"speaker","from":%d,"to":%d}]`, link.ID, quote.ID, per.ID)
	if string(body["unlinked"]) != want || string(body["id"]) != fmt.Sprint(quote.ID) || string(body["attributes"]) != `{"speaker_in_text":false}` {
		t.Errorf("answered %s, want the quotation marked and unlinked %s", rec.Body, want)
	}
	if l := env.layer(env.doc, env.user.ID); len(l.Relations) != 0 {
		t.Errorf("relations %+v, want the speaker gone", l.Relations)
	}
	// The plain mark's answer is the span alone, as before.
	rec = env.do(http.MethodPatch, url, `{"attributes":{"speaker_in_text":false}}`)
	expect(t, rec, 200)
	if strings.Contains(rec.Body.String(), "unlinked") {
		t.Errorf("a plain PATCH answered %s, want the span alone", rec.Body)
	}
}
