package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestImportRefusalNamesTheWayUsed: the import API's refusals name its
// own parameters, and the same refusals of a file sent by the project
// page's form (which marks its request Hashiya-Import-Form: 1) name the
// form's fields by the words it shows; neither names the other's, nor
// the command line's flags. The form names its own choice of a
// member's layer.
func TestImportRefusalNamesTheWayUsed(t *testing.T) {
	ps, pe := cpSpan(t, apiText, "أحمد")
	omars := fmt.Sprintf(`{"id":"a","layer":"omar","text":%q,"spans":[{"id":1,"start":%d,"end":%d,"label":"PER"}]}`, apiText, ps, pe)
	tests := []struct {
		name, query, body string
		form              bool
		says              string
		never             []string
	}{
		{"doccano's offsets, by API", "?format=doccano", utf16Line, false,
			`body:1: span 1 (LOC) has offsets 32..38, want 0 <= start < end <= 36; counted in UTF-16 units, as doccano counts, they fit: import the file counting UTF-16 units (offsets=utf16)`,
			[]string{"--offsets", "import form", "in the API", "on the command line"}},
		{"doccano's offsets, by the form", "?format=doccano", utf16Line, true,
			`body:1: span 1 (LOC) has offsets 32..38, want 0 <= start < end <= 36; counted in UTF-16 units, as doccano counts, they fit: import the file counting UTF-16 units (“UTF-16 units” for “doccano offsets count” on the import form)`,
			[]string{"--offsets", "offsets=", "in the API", "on the command line"}},
		{"omar's line into gold, by API", "", omars, false,
			`body:1: this line is layer "omar"'s, and this import goes to gold: import it with layer=omar, or drop its "layer" to import it into gold`,
			[]string{"--layer", "import form", "in the API"}},
		{"omar's line into gold, by the form", "", omars, true,
			`body:1: this line is layer "omar"'s, and this import goes to gold: import it with “Into a member's layer: omar” under “Labels in the file” on the import form, or drop its "layer" to import it into gold`,
			[]string{"in the API", "on the command line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/v1/projects/%d/documents%s", env.proj.ID, tt.query), strings.NewReader(tt.body))
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
			req.Header.Set("X-CSRF-Token", apiCSRF)
			req.Header.Set("Content-Type", "application/octet-stream")
			if tt.form {
				req.Header.Set("Hashiya-Import-Form", "1")
			}
			rec := env.serve(req)
			expect(t, rec, http.StatusBadRequest)
			msg := errorOf(t, rec)
			if msg != tt.says {
				t.Errorf("error\n%s\nwant\n%s", msg, tt.says)
			}
			for _, s := range tt.never {
				if strings.Contains(msg, s) {
					t.Errorf("error %q names %q, another way's", msg, s)
				}
			}
		})
	}
}
