package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestDeleteSpansRefusals: POST .../spans/delete refuses a request that is
// wrong with 400 naming what is wrong (an id given twice, no ids), keeps
// 404 for a span that is not in the layer, and deletes nothing on either.
func TestDeleteSpansRefusals(t *testing.T) {
	env := newAPIEnv(t)
	per := env.addSpan(env.user.ID, "أحمد", "PER")
	loc := env.addSpan(env.user.ID, "الرياض", "LOC")
	url := fmt.Sprintf("/api/v1/documents/%d/spans/delete", env.doc.ID)
	tests := []struct {
		name, body string
		status     int
		says       string
	}{
		{"one id twice", fmt.Sprintf(`{"ids":[%d,%d,%d]}`, loc.ID, per.ID, per.ID), 400,
			fmt.Sprintf("ids: span %d is given twice (ids[1] and ids[2]); give each span once", per.ID)},
		{"an empty list", `{"ids":[]}`, 400, "ids: no span ids given; give 1 to 10000"},
		{"no ids at all", `{}`, 400, "ids: no span ids given"},
		{"null ids", `{"ids":null}`, 400, "ids: no span ids given"},
		{"a span gone", fmt.Sprintf(`{"ids":[%d,999999]}`, per.ID), 404, "ids[1]: span 999999 is not in this layer of the document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := env.do(http.MethodPost, url, tt.body)
			expect(t, rec, tt.status)
			if msg := errorOf(t, rec); !strings.Contains(msg, tt.says) {
				t.Errorf("error %q, want %q", msg, tt.says)
			}
			if l := env.layer(env.doc, env.user.ID); len(l.Spans) != 2 {
				t.Errorf("a refused request left %d spans, want 2", len(l.Spans))
			}
		})
	}
	rec := env.do(http.MethodPost, url, fmt.Sprintf(`{"ids":[%d,%d]}`, per.ID, loc.ID))
	expect(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `"deleted":2`) {
		t.Errorf("deleting both: %s", rec.Body)
	}
}
