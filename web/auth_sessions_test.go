package web_test

// Sessions: fixation, logout, cookie flags and expiry, through the full
// router on a copy of the roles fixture (roles_test.go).

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"hashiya/db"
	"hashiya/web"
)

// authClock is a clock the test moves by hand.
type authClock struct {
	mu  sync.Mutex
	now time.Time
}

func newAuthClock() *authClock { return &authClock{now: time.Now().UTC().Truncate(time.Second)} }

func (c *authClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *authClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// TestAuthSessionFixation: a session id the browser brings to the login
// (chosen by an attacker, or a real one planted in the victim's browser)
// is never the one the login hands out, and is dead afterwards.
func TestAuthSessionFixation(t *testing.T) {
	w := newRoleWorld(t)
	tests := []struct {
		name    string
		planted func(s *roleServer) string // the cookie value in the browser before login
	}{
		{"value the attacker made up", func(*roleServer) string { return "attacker-chosen-session-id-0123456789abcdef" }},
		{"the attacker's own live session", func(*roleServer) string { return w.sessions["outsider"] }},
		{"the victim's previous session", func(s *roleServer) string { return s.loggedIn("annotator", nil).Value }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := w.server(t)
			planted := tt.planted(s)
			// The login page itself drops a session id it does not know.
			if page := s.get("/login", authWithSession(planted)); page.Code == http.StatusOK {
				if ck := authCookie(page, "hashiya_session"); ck == nil || ck.MaxAge >= 0 {
					t.Errorf("the login page kept an unknown session cookie: %v", ck)
				}
			}
			fresh := s.loggedIn("annotator", authWithSession(planted))
			if fresh.Value == planted {
				t.Fatal("login kept the session id the browser brought")
			}
			if !s.stored(fresh.Value) || s.apiStatus(fresh.Value) != http.StatusOK {
				t.Error("the new session does not work")
			}
			if s.stored(planted) || s.apiStatus(planted) != http.StatusUnauthorized {
				t.Error("the session id brought to the login still works after it")
			}
		})
	}
	// Two logins give two different ids, each a 256-bit secret.
	s := w.server(t)
	a, b := s.loggedIn("annotator", nil), s.loggedIn("annotator", nil)
	if a.Value == b.Value || len(a.Value) < 43 {
		t.Errorf("two logins gave %q and %q, want two long random ids", a.Value, b.Value)
	}
}

// TestAuthLogout: logging out ends the session in the database, clears
// the cookie and records the event; the old cookie is then worthless.
func TestAuthLogout(t *testing.T) {
	w := newRoleWorld(t)
	s := w.server(t)
	logins, logouts := s.events("session.login"), s.events("session.logout")
	ck := s.loggedIn("annotator", nil)
	if got := s.events("session.login"); got != logins+1 {
		t.Errorf("session.login events %d, want %d", got, logins+1)
	}
	req := httptest.NewRequest(http.MethodPost, "/logout", strings.NewReader("_csrf="+apiCSRF))
	req.Header.Set("Content-Type", authzForm)
	req.AddCookie(ck)
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	rec := httptest.NewRecorder()
	s.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
		t.Fatalf("logout: status %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	if cleared := authCookie(rec, "hashiya_session"); cleared == nil || cleared.MaxAge >= 0 || cleared.Value != "" || !cleared.HttpOnly || cleared.Path != "/" {
		t.Errorf("logout left the cookie as %v, want it cleared on /", cleared)
	}
	if s.stored(ck.Value) {
		t.Error("the session is still in the database after logout")
	}
	if code := s.apiStatus(ck.Value); code != http.StatusUnauthorized {
		t.Errorf("the old cookie gets %d from the API after logout, want 401", code)
	}
	if code := s.get("/", authWithSession(ck.Value)).Code; code != http.StatusSeeOther {
		t.Errorf("the old cookie gets %d on the home page, want 303 to the login", code)
	}
	if got := s.events("session.logout"); got != logouts+1 {
		t.Errorf("session.logout events %d, want %d", got, logouts+1)
	}
}

// TestAuthCookieFlags: the session cookie is out of reach of scripts, not
// sent on cross-site subrequests, valid on every path, and Secure over TLS.
func TestAuthCookieFlags(t *testing.T) {
	w := newRoleWorld(t)
	policy := db.SessionPolicy{Idle: time.Hour, Absolute: 10 * time.Hour}
	for _, overTLS := range []bool{false, true} {
		t.Run(fmt.Sprintf("tls=%v", overTLS), func(t *testing.T) {
			s := w.serverWith(t, func(c *web.Config) { c.Sessions = policy })
			ck := s.loggedIn("annotator", func(r *http.Request) {
				if overTLS {
					r.TLS = &tls.ConnectionState{}
				}
			})
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure != overTLS || ck.Domain != "" {
				t.Errorf("session cookie %+v: want HttpOnly, SameSite=Lax, Path=/, no Domain, Secure=%v", ck, overTLS)
			}
			if ck.MaxAge != int(policy.Absolute.Seconds()) {
				t.Errorf("cookie Max-Age %d, want the absolute lifetime %v", ck.MaxAge, policy.Absolute)
			}
		})
	}
}

// TestAuthSessionExpiry moves a fake clock: a session dies after the idle
// time without requests, and at the absolute limit however busy it is.
func TestAuthSessionExpiry(t *testing.T) {
	w := newRoleWorld(t)
	policy := db.SessionPolicy{Idle: 30 * time.Minute, Absolute: 2 * time.Hour}
	type step struct {
		wait   time.Duration // since the previous step
		status int           // GET /api/v1/projects
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"used within the idle time", []step{{29 * time.Minute, 200}, {29 * time.Minute, 200}, {29 * time.Minute, 200}}},
		{"idle too long", []step{{31 * time.Minute, 401}}},
		{"idle too long after use", []step{{20 * time.Minute, 200}, {31 * time.Minute, 401}}},
		{"busy until the absolute limit", []step{{29 * time.Minute, 200}, {29 * time.Minute, 200}, {29 * time.Minute, 200}, {29 * time.Minute, 200}, {5 * time.Minute, 401}}},
		{"expired stays expired", []step{{31 * time.Minute, 401}, {time.Second, 401}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newAuthClock()
			s := w.serverWith(t, func(c *web.Config) { c.Now, c.Sessions = clock.Now, policy })
			ck := s.loggedIn("annotator", nil)
			var elapsed time.Duration
			for _, st := range tt.steps {
				clock.Add(st.wait)
				elapsed += st.wait
				rec := s.get("/api/v1/projects", authWithSession(ck.Value))
				if rec.Code != st.status {
					t.Fatalf("after %v: status %d, want %d", elapsed, rec.Code, st.status)
				}
				if st.status == 401 {
					if cleared := authCookie(rec, "hashiya_session"); cleared == nil || cleared.MaxAge >= 0 {
						t.Errorf("after %v: an expired session's cookie is not cleared: %v", elapsed, cleared)
					}
					if page := s.get("/", authWithSession(ck.Value)); page.Code != http.StatusSeeOther {
						t.Errorf("after %v: an expired session gets %d on a page, want 303 to the login", elapsed, page.Code)
					}
				}
			}
		})
	}
}

// TestCookiesSecureBehindTrustedProxy: behind a TLS-terminating proxy on
// loopback the cookies are Secure; a public client, or a machine of the
// private network not named a proxy, saying X-Forwarded-Proto: https is
// not believed.
func TestCookiesSecureBehindTrustedProxy(t *testing.T) {
	for _, tt := range []struct {
		name, remote string
		secure       bool
	}{
		{"private-network machine", "10.1.2.3:4444", false}, // a proxy there must be named
		{"loopback proxy", "127.0.0.1:4444", true},
		{"public client", "203.0.113.9:4444", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			req := httptest.NewRequest(http.MethodGet, "/login", nil)
			req.RemoteAddr = tt.remote
			req.Header.Set("X-Forwarded-Proto", "https")
			rec := httptest.NewRecorder()
			env.srv.ServeHTTP(rec, req)
			var csrf *http.Cookie
			for _, c := range rec.Result().Cookies() {
				if c.Name == "hashiya_csrf" {
					csrf = c
				}
			}
			if csrf == nil || csrf.Secure != tt.secure {
				t.Errorf("CSRF cookie %+v, want Secure=%v", csrf, tt.secure)
			}
		})
	}
}
