package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestAbandonedRequestThroughTheRouter: a page, an API call and a login
// whose client went away before the answer (the request's context
// canceled) get no error page and log no error (newAPIEnv fails the test
// on one).
func TestAbandonedRequestThroughTheRouter(t *testing.T) {
	env := newAPIEnv(t)
	login := url.Values{"username": {"amina"}, "password": {"wrong"}, "csrf": {apiCSRF}}.Encode()
	for _, tt := range []struct{ method, target, body string }{
		{http.MethodGet, "/", ""},
		{http.MethodGet, "/api/v1/projects", ""},
		{http.MethodPost, "/login", login},
	} {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		req := httptest.NewRequestWithContext(ctx, tt.method, tt.target, strings.NewReader(tt.body))
		req.Header.Set("Accept", "text/html")
		if tt.body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
		}
		rec := env.serve(req)
		if rec.Code != 499 || rec.Body.Len() != 0 {
			t.Errorf("%s %s from a client gone: %d %q, want 499 and no body", tt.method, tt.target, rec.Code, rec.Body)
		}
	}
}
