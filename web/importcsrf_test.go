package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestImportFormContentType: a file POSTed with a session cookie and the
// token in X-CSRF-Token, labelled a form as curl --data-binary labels it,
// is imported whole; the CSRF check still refuses a wrong or missing token.
func TestImportFormContentType(t *testing.T) {
	as, ae := cpSpan(t, apiText, "أحمد")
	line := func(id string) string {
		return fmt.Sprintf(`{"id":%q,"text":%q,"spans":[{"id":1,"start":%d,"end":%d,"label":"PER"}]}`, id, apiText, as, ae)
	}
	body := line("a") + "\n" + line("b") + "\n"
	tests := []struct {
		name   string
		header func(env *apiEnv, cookie string) string // X-CSRF-Token
		status int
	}{
		{"the token", func(*apiEnv, string) string { return apiCSRF }, 201},
		{"the token masked, as a page shows it", maskedToken, 201},
		{"another token", func(*apiEnv, string) string { return "another-token-0123456789ab" }, 403},
		{"no token", func(*apiEnv, string) string { return "" }, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			url := fmt.Sprintf("/api/v1/projects/%d/documents?format=jsonl&name=two.jsonl", env.proj.ID)
			req := httptest.NewRequest(http.MethodPost, url, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
			if tok := tt.header(env, apiCSRF); tok != "" {
				req.Header.Set("X-CSRF-Token", tok)
			}
			rec := env.serve(req)
			expect(t, rec, tt.status)
			list, err := env.store.Documents(t.Context(), env.proj.ID, env.user, db.DocumentPage{Limit: db.MaxPageLimit})
			if err != nil {
				t.Fatal(err)
			}
			want := 1
			if tt.status == 201 {
				var res struct{ Documents, Spans int }
				decodeJSON(t, rec, &res)
				if res.Documents != 2 || res.Spans != 2 {
					t.Errorf("answer %+v, want 2 documents with a span each", res)
				}
				want = 3
			} else {
				errorOf(t, rec)
			}
			if len(list.Docs) != want {
				t.Errorf("%d documents listed, want %d", len(list.Docs), want)
			}
		})
	}
}

// maskedToken is the token of the CSRF cookie as a page's meta tag shows
// it, masked, read from a page served with that cookie.
func maskedToken(env *apiEnv, cookie string) string {
	env.t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: cookie})
	rec := env.serve(req)
	expect(env.t, rec, 200)
	html, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		env.t.Fatal(err)
	}
	token, _ := html.Find(`meta[name="csrf-token"]`).Attr("content")
	if token == "" || token == cookie {
		env.t.Fatalf("page shows csrf-token %q for cookie %q, want it masked", token, cookie)
	}
	return token
}
