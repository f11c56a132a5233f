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
			": an export reads no such parameter; it reads format, layer, status, offsets, tokens, part, split, seed"
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

// TestAPIExportTokensAtWhitespace: ?tokens=whitespace keeps a CoNLL
// token's marks on it, as the command line's --tokens does; another
// format refuses it with 400 naming the parameter.
func TestAPIExportTokensAtWhitespace(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "الوزير أحمد", "PER")
	base := fmt.Sprintf("/api/v1/projects/%d/export?layer=amina", env.proj.ID)
	rec := env.do(http.MethodGet, base+"&format=conll&tokens=whitespace", nil)
	expect(t, rec, http.StatusOK)
	if body := rec.Body.String(); !strings.Contains(body, "\n«الاقتصاد O\n") || !strings.Contains(body, "\nالرياض. O\n") {
		t.Errorf("tokens=whitespace:\n%s", body)
	}
	if words := env.do(http.MethodGet, base+"&format=conll", nil).Body.String(); !strings.Contains(words, "\n« O\nالاقتصاد O\n") {
		t.Errorf("the default:\n%s", words)
	}
	rec = env.do(http.MethodGet, base+"&format=jsonl&tokens=whitespace", nil)
	if want := "tokens: tokens are cut for the conll format only, not jsonl"; rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), want) {
		t.Errorf("jsonl with tokens: %d %.300s", rec.Code, rec.Body.String())
	}
}
