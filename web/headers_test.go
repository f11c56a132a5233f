package web_test

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestHeaderCacheControl: pages, fragments, API answers, errors and the
// health check are one user's and are never stored by a browser or a
// shared cache; static files under the content hash, and the icon, keep
// their long cache lifetimes.
func TestHeaderCacheControl(t *testing.T) {
	env := newAPIEnv(t)
	page := env.do(http.MethodGet, "/", nil)
	expect(t, page, http.StatusOK)
	html, err := goquery.NewDocumentFromReader(page.Body)
	if err != nil {
		t.Fatal(err)
	}
	css, _ := html.Find(`link[rel="stylesheet"]`).Attr("href")
	tests := []struct {
		path   string
		status int
		cache  string
	}{
		{"/", http.StatusOK, "no-store"},
		{"/settings", http.StatusOK, "no-store"},
		{"/admin/users", http.StatusOK, "no-store"},
		{fmt.Sprintf("/projects/%d", env.proj.ID), http.StatusOK, "no-store"},
		{fmt.Sprintf("/documents/%d", env.doc.ID), http.StatusOK, "no-store"},
		{"/api/v1/projects", http.StatusOK, "no-store"},
		{fmt.Sprintf("/api/v1/documents/%d", env.doc.ID), http.StatusOK, "no-store"},
		{fmt.Sprintf("/api/v1/projects/%d/export", env.proj.ID), http.StatusOK, "no-store"},
		{"/api/v1/documents/999999", http.StatusNotFound, "no-store"},
		{"/healthz", http.StatusOK, "no-store"},
		{"/login", http.StatusSeeOther, "no-store"},
		{css, http.StatusOK, "public, max-age=31536000, immutable"},
		{"/favicon.ico", http.StatusOK, "public, max-age=604800"},
	}
	for _, tt := range tests {
		rec := env.do(http.MethodGet, tt.path, nil)
		if rec.Code != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.path, rec.Code, tt.status)
		}
		if cc := rec.Header().Get("Cache-Control"); cc != tt.cache {
			t.Errorf("GET %s: Cache-Control %q, want %q", tt.path, cc, tt.cache)
		}
	}
}

// TestHeaderStrictTransportSecurity: a response tells the browser to use
// only HTTPS when the request came over TLS, directly or through a proxy
// the server trusts saying so; never over plain HTTP, nor on the word of
// a client that is no such proxy.
func TestHeaderStrictTransportSecurity(t *testing.T) {
	env := newAPIEnv(t)
	tests := []struct {
		name, peer, proto string
		tls               bool
		want              string
	}{
		{"plain HTTP", "203.0.113.7:4000", "", false, ""},
		{"direct TLS", "203.0.113.7:4000", "", true, "max-age=31536000"},
		{"local proxy over TLS", "127.0.0.1:5000", "https", false, "max-age=31536000"},
		{"private-network machine claiming TLS", "10.0.0.2:5000", "https", false, ""}, // a proxy there must be named
		{"local proxy over HTTP", "127.0.0.1:5000", "http", false, ""},
		{"client claiming TLS", "203.0.113.7:4000", "https", false, ""},
	}
	for _, tt := range tests {
		for _, path := range []string{"/login", "/healthz"} {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.RemoteAddr = tt.peer
			if tt.proto != "" {
				req.Header.Set("X-Forwarded-Proto", tt.proto)
			}
			if tt.tls {
				req.TLS = &tls.ConnectionState{}
			}
			rec := httptest.NewRecorder()
			env.srv.ServeHTTP(rec, req)
			if got := rec.Header().Get("Strict-Transport-Security"); got != tt.want {
				t.Errorf("%s, GET %s: Strict-Transport-Security %q, want %q", tt.name, path, got, tt.want)
			}
		}
	}
}

// TestHealthSaysOnlyOK: the health check is open to anyone, so it says
// whether the server works and nothing about what it runs.
func TestHealthSaysOnlyOK(t *testing.T) {
	env := newAPIEnv(t)
	rec := httptest.NewRecorder()
	env.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if body := strings.TrimSpace(rec.Body.String()); rec.Code != http.StatusOK || body != `{"status":"ok"}` {
		t.Errorf("GET /healthz: status %d, body %s; want 200 and only {\"status\":\"ok\"}", rec.Code, body)
	}
}
