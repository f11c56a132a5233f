package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestAPIExportRefusesUnknownParameters: a misspelt parameter is refused
// with 400 naming it and the parameters an export reads, rather than
// ignored, which would hand a script gold for the layer it misspelt; the
// parameters the export form sends pass.
func TestAPIExportRefusesUnknownParameters(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "الوزير أحمد", "PER")
	base := fmt.Sprintf("/api/v1/projects/%d/export", env.proj.ID)
	for _, query := range []string{"?lyaer=amina", "?format=jsonl&layer=amina&offset=utf16", "?format=jsonl&zz=1&aa=2"} {
		rec := env.do(http.MethodGet, base+query, nil)
		want := map[string]string{"?lyaer=amina": "lyaer", "?format=jsonl&layer=amina&offset=utf16": "offset", "?format=jsonl&zz=1&aa=2": "aa"}[query] +
			": an export reads no such parameter; it reads format, layer, status, offsets, part, split, seed"
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%s: %d %.300s, want 400 saying %q", query, rec.Code, rec.Body.String(), want)
		}
	}
	rec := env.do(http.MethodGet, base+"?format=doccano&layer=amina&status=&offsets=utf16&part=", nil)
	expect(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `"PER"`) {
		t.Errorf("the export form's parameters: %.300s", rec.Body.String())
	}
}
