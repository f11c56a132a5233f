package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestExportEmpty: an export with nothing in it (no quotations for the
// quotes format, no layer with the status asked for) is still an empty
// 200 download for a script, marked by a Hashiya-Export: empty header,
// while a person who pressed Download gets a page saying what there was
// none of instead of an empty file. An export with lines is unchanged.
func TestExportEmpty(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(0, "أحمد", "PER")
	export := fmt.Sprintf("/api/v1/projects/%d/export", env.proj.ID)
	get := func(query string, navigate bool) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, export+query, nil)
		if navigate {
			req.Header.Set("Sec-Fetch-Mode", "navigate")
		}
		return env.serve(req)
	}
	for _, tt := range []struct{ query, body, reason string }{
		{"?format=quotes", "", "No quotations in gold of أخبار: the file would be empty"},
		{"?format=jsonl&layer=all&status=reviewed&part=test", "", "No documents in any layer of أخبار, with status reviewed, in the test part: "},
		{"?format=label-studio&status=done", "[]", "No documents in gold of أخبار, with status done: "},
	} {
		rec := get(tt.query, false)
		if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != tt.body || rec.Header().Get("Hashiya-Export") != "empty" ||
			!strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment") {
			t.Errorf("%s for a script: %d %q, headers %v", tt.query, rec.Code, rec.Body.String(), rec.Header())
		}
		rec = get(tt.query, true)
		d := htmlPage(t, rec, http.StatusOK)
		if got := d.Find("[role=alert]").Text(); !strings.Contains(got, tt.reason) || rec.Header().Get("Content-Disposition") != "" {
			t.Errorf("%s from the page says %q (want %q), disposition %q", tt.query, got, tt.reason, rec.Header().Get("Content-Disposition"))
		}
	}
	for _, navigate := range []bool{false, true} {
		rec := get("?format=doccano", navigate)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"PER"`) || rec.Header().Get("Hashiya-Export") != "" ||
			!strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment") {
			t.Errorf("an export with lines (navigate %v): %d %q, headers %v", navigate, rec.Code, rec.Body.String(), rec.Header())
		}
	}
}
