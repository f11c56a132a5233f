package web_test

// Attacks on CSRF, API tokens, login throttling and the post-login
// redirect, sent through the full router on a copy of the roles fixture
// (roles_test.go); sessions are in auth_sessions_test.go.

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"hashiya/web"
)

// loginForm posts the login form as the browser does, with the CSRF field
// and cookie; edit adds what the browser also holds (a session cookie, an
// address, a header).
func (s *roleServer) loginForm(name, password, next string, edit func(*http.Request)) *httptest.ResponseRecorder {
	s.t.Helper()
	form := url.Values{"username": {name}, "password": {password}, "_csrf": {apiCSRF}}
	if next != "" {
		form.Set("next", next)
	}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", authzForm)
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	if edit != nil {
		edit(req)
	}
	rec := httptest.NewRecorder()
	s.srv.ServeHTTP(rec, req)
	return rec
}

// loggedIn logs name in and returns the new session cookie, failing unless
// the login succeeded.
func (s *roleServer) loggedIn(name string, edit func(*http.Request)) *http.Cookie {
	s.t.Helper()
	rec := s.loginForm(name, rolePassword, "", edit)
	ck := authCookie(rec, "hashiya_session")
	if rec.Code != http.StatusSeeOther || ck == nil || ck.Value == "" {
		s.t.Fatalf("login as %s: status %d, session cookie %v; %s", name, rec.Code, ck, rec.Body)
	}
	return ck
}

// authCookie is the cookie a browser keeps from a response: when the
// response sets it twice (cleared, then set), the last one wins.
func authCookie(rec *httptest.ResponseRecorder, name string) *http.Cookie {
	var last *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == name {
			last = c
		}
	}
	return last
}

// authWithSession sends a session cookie.
func authWithSession(value string) func(*http.Request) {
	return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "hashiya_session", Value: value}) }
}

// get sends a GET with the given request changes.
func (s *roleServer) get(target string, edits ...func(*http.Request)) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for _, e := range edits {
		e(req)
	}
	rec := httptest.NewRecorder()
	s.srv.ServeHTTP(rec, req)
	return rec
}

// apiStatus is what GET /api/v1/projects answers a session cookie.
func (s *roleServer) apiStatus(session string) int {
	return s.get("/api/v1/projects", authWithSession(session)).Code
}

// stored reports whether the database holds a session with this cookie
// value (it keeps the SHA-256 of the value, never the value).
func (s *roleServer) stored(session string) bool {
	sum := sha256.Sum256([]byte(session))
	return s.count("SELECT count(*) FROM sessions WHERE token_hash = ?", hex.EncodeToString(sum[:])) == 1
}

func (s *roleServer) count(query string, args ...any) int {
	s.t.Helper()
	var n int
	if err := s.raw.QueryRow(query, args...).Scan(&n); err != nil {
		s.t.Fatal(err)
	}
	return n
}

func (s *roleServer) events(action string) int {
	s.t.Helper()
	n, err := s.store.EventCount(s.t.Context(), action)
	roleMust(s.t, err)
	return n
}

// TestAuthCSRF sends writes a browser could be tricked into sending, as a
// logged-in annotator: each is refused and changes nothing. The controls
// at the end show the same writes pass when the request is genuine.
func TestAuthCSRF(t *testing.T) {
	w := newRoleWorld(t)
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", w.doc.ID)
	span := w.fill(asAnnotator, `{{LOC},"label":"LOC"}`)
	const tossed = "cookie-planted-by-a-sibling-subdomain"
	tests := []struct {
		name, method, path, body, ctype string
		csrfCookie, csrfHeader          string // "" sends none
		csrfField                       string // the form's _csrf
		fetchSite                       string // Sec-Fetch-Site
		bearer                          bool   // the annotator's API token instead of the session
		status                          int
	}{
		{"span without any token", "POST", spans, span, authzJSON, "", "", "", "", false, 400},
		{"span with the cookie only", "POST", spans, span, authzJSON, apiCSRF, "", "", "", false, 400},
		{"span with a header that differs from the cookie", "POST", spans, span, authzJSON, apiCSRF, "guessed-token-000000000000", "", "", false, 403},
		{"span with the header only", "POST", spans, span, authzJSON, "", apiCSRF, "", "", false, 403},
		{"span from another site, token and all", "POST", spans, span, authzJSON, apiCSRF, apiCSRF, "", "cross-site", false, 403},
		{"span from a sibling subdomain that planted the cookie", "POST", spans, span, authzJSON, tossed, tossed, "", "same-site", false, 403},
		{"delete from another site", "DELETE", fmt.Sprintf("%s/%d", spans, w.layers["annotator@doc-1"].per.ID), "", "", apiCSRF, apiCSRF, "", "cross-site", false, 403},
		{"form: new API token without _csrf", "POST", "/settings/tokens", "name=stolen", authzForm, apiCSRF, "", "", "", false, 400},
		{"form: new API token from another site", "POST", "/settings/tokens", "name=stolen", authzForm, apiCSRF, "", apiCSRF, "cross-site", false, 403},
		{"form: password change with a wrong _csrf", "POST", "/settings/password", "current=role+password+1234&new=attacker+chosen&confirm=attacker+chosen", authzForm, apiCSRF, "", "guessed", "", false, 403},
		{"form: log out from another site", "POST", "/logout", "", authzForm, apiCSRF, "", apiCSRF, "cross-site", false, 403},
		{"form: log in from another site", "POST", "/login", "username=annotator&password=role+password+1234", authzForm, apiCSRF, "", apiCSRF, "cross-site", false, 403},
		{"form: log in without _csrf", "POST", "/login", "username=annotator&password=role+password+1234", authzForm, "", "", "", "", false, 400},
		// Controls: the genuine requests go through.
		{"control: span with cookie and header", "POST", spans, span, authzJSON, apiCSRF, apiCSRF, "", "", false, 201},
		{"control: span from the same origin", "POST", spans, span, authzJSON, "", "", "", "same-origin", false, 201},
		{"control: form with its _csrf field", "POST", "/settings/tokens", "name=mine", authzForm, apiCSRF, "", apiCSRF, "", false, 201},
		{"control: form with its _csrf masked, as pages show it", "POST", "/settings/tokens", "name=mine", authzForm, apiCSRF, "", maskedCSRF(apiCSRF), "", false, 201},
		{"control: span with the header masked", "POST", spans, span, authzJSON, apiCSRF, maskedCSRF(apiCSRF), "", "", false, 201},
		{"span with another token masked", "POST", spans, span, authzJSON, apiCSRF, maskedCSRF("guessed-token-000000000000000000"), "", "", false, 403},
		{"control: bearer token needs no CSRF token", "POST", spans, span, authzJSON, "", "", "", "", true, 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := w.server(t)
			before := s.fingerprint()
			body := tt.body
			if tt.csrfField != "" {
				body += "&_csrf=" + url.QueryEscape(tt.csrfField)
			}
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(body))
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			if tt.bearer {
				req.Header.Set("Authorization", "Bearer "+w.tokens["annotator"].secret)
			} else {
				req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: w.sessions["annotator"]})
			}
			if tt.csrfCookie != "" {
				req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: tt.csrfCookie})
			}
			if tt.csrfHeader != "" {
				req.Header.Set("X-CSRF-Token", tt.csrfHeader)
			}
			if tt.fetchSite != "" {
				req.Header.Set("Sec-Fetch-Site", tt.fetchSite)
			}
			rec := httptest.NewRecorder()
			s.srv.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d; %.300s", rec.Code, tt.status, rec.Body)
			}
			changed := roleChangedTables(before, s.fingerprint())
			if tt.status >= 400 && len(changed) > 0 {
				t.Errorf("refused, yet tables %v changed", changed)
			}
			if tt.status < 400 && len(changed) == 0 {
				t.Errorf("accepted, yet nothing changed")
			}
			if tt.status >= 400 && s.apiStatus(w.sessions["annotator"]) != http.StatusOK {
				t.Errorf("the annotator's session no longer works after a refused request")
			}
		})
	}
}

// TestAuthTokens checks that an Authorization header is judged alone: a
// bad one is 401 even beside a valid session cookie, a revoked token is
// dead, and tokens open the API only.
func TestAuthTokens(t *testing.T) {
	w := newRoleWorld(t)
	s := w.server(t)
	// The reviewer's token, revoked, must fail like a made-up one.
	roleMust(t, s.store.RevokeToken(t.Context(), w.users["reviewer"], w.tokens["reviewer"].id))
	annotator := w.tokens["annotator"].secret
	gold := fmt.Sprintf("/api/v1/documents/%d?layer=gold", w.doc.ID)
	tests := []struct {
		name, method, path, auth string
		cookie                   string // a valid session sent beside it
		status                   int
	}{
		{"made-up token beside the admin's session", "GET", "/api/v1/projects", "Bearer not-a-token", "admin", 401},
		{"empty bearer beside the admin's session", "GET", "/api/v1/projects", "Bearer ", "admin", 401},
		{"well-formed unknown token", "GET", "/api/v1/projects", "Bearer hsy_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "admin", 401},
		{"revoked token beside the reviewer's session", "GET", "/api/v1/projects", "Bearer " + w.tokens["reviewer"].secret, "reviewer", 401},
		{"revoked token alone", "GET", "/api/v1/projects", "Bearer " + w.tokens["reviewer"].secret, "", 401},
		{"token with a trailing character", "GET", "/api/v1/projects", "Bearer " + annotator + "x", "", 401},
		{"bearer scheme without a token beside the admin's session", "GET", "/api/v1/projects", "Bearer", "admin", 401},
		{"lower-case scheme with a made-up token beside the admin's session", "GET", "/api/v1/projects", "bearer not-a-token", "admin", 401},
		{"lower-case scheme with the annotator's token", "GET", gold, "bearer " + annotator, "admin", 403},
		// A proxy's Basic authentication is none of the app's business: the
		// browser sends it on every request, so it is not a token and the
		// session decides (and CSRF still applies to writes).
		{"Basic credentials beside the admin's session", "GET", gold, "Basic dXNlcjpwYXNz", "admin", 200},
		{"Basic credentials alone", "GET", "/api/v1/projects", "Basic dXNlcjpwYXNz", "", 401},
		// A valid token acts as its owner, whatever cookie comes with it:
		// the annotator's token beside the admin's session may not read gold.
		{"annotator's token beside the admin's session", "GET", gold, "Bearer " + annotator, "admin", 403},
		{"annotator's token reads own layer", "GET", fmt.Sprintf("/api/v1/documents/%d", w.doc.ID), "Bearer " + annotator, "", 200},
		// Tokens are for scripts on the API, not for pages or the account.
		{"token on the home page", "GET", "/", "Bearer " + annotator, "", 401},
		{"token on the settings page", "GET", "/settings", "Bearer " + annotator, "", 401},
		{"token mints another token", "POST", "/settings/tokens", "Bearer " + annotator, "", 401},
		{"token changes the password", "POST", "/settings/password", "Bearer " + annotator, "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := s.fingerprint()
			var body *strings.Reader
			switch tt.path {
			case "/settings/tokens":
				body = strings.NewReader("name=persistence")
			case "/settings/password":
				body = strings.NewReader("current=role+password+1234&new=attacker+chosen&confirm=attacker+chosen")
			default:
				body = strings.NewReader("")
			}
			req := httptest.NewRequest(tt.method, tt.path, body)
			req.Header.Set("Content-Type", authzForm)
			req.Header.Set("Authorization", tt.auth)
			if tt.cookie != "" {
				req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: w.sessions[tt.cookie]})
			}
			rec := httptest.NewRecorder()
			s.srv.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d; %.300s", rec.Code, tt.status, rec.Body)
			}
			if changed := roleChangedTables(before, s.fingerprint()); len(changed) > 0 {
				t.Errorf("tables %v changed", changed)
			}
		})
	}
	tokens, err := s.store.Tokens(t.Context(), w.users["annotator"])
	roleMust(t, err)
	if len(tokens) != 1 {
		t.Errorf("the annotator has %d tokens, want the 1 from the fixture", len(tokens))
	}
}

// TestAuthLoginThrottle: after LoginFailures failed logins for a name
// from one address within the window, that name is refused to that
// address with 429 and Retry-After, even with the right password, until
// the window has passed, while its owner elsewhere still logs in; ten
// times as many for one name from anywhere lock the name to every address
// that failed on it more than once, never its owner's; four times as
// many from one address lock the address. An address is what the
// connection says unless it comes through a local proxy, and then what
// the proxy appended to X-Forwarded-For, never what the client wrote.
func TestAuthLoginThrottle(t *testing.T) {
	w := newRoleWorld(t)
	throttled := func(t *testing.T, clock *authClock) *roleServer {
		return w.serverWith(t, func(c *web.Config) {
			c.Now, c.LoginFailures, c.LoginWindow = clock.Now, 3, time.Minute
		})
	}
	from := func(addr string, headers ...string) func(*http.Request) {
		return func(r *http.Request) {
			r.RemoteAddr = addr
			for i := 0; i+1 < len(headers); i += 2 {
				r.Header.Set(headers[i], headers[i+1])
			}
		}
	}
	retryAfter := func(t *testing.T, rec *httptest.ResponseRecorder) int {
		t.Helper()
		if rec.Code != http.StatusTooManyRequests {
			t.Fatalf("status %d, want 429; %.200s", rec.Code, rec.Body)
		}
		n, err := strconv.Atoi(rec.Header().Get("Retry-After"))
		if err != nil || n <= 0 {
			t.Fatalf("Retry-After %q, want a whole number of seconds > 0", rec.Header().Get("Retry-After"))
		}
		if ck := authCookie(rec, "hashiya_session"); ck != nil && ck.Value != "" {
			t.Errorf("a throttled login set a session cookie")
		}
		return n
	}
	fail := func(t *testing.T, s *roleServer, name string, edit func(*http.Request), i int) {
		t.Helper()
		if rec := s.loginForm(name, "wrong password", "", edit); rec.Code != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d", i+1, rec.Code)
		}
	}

	t.Run("per user name and address", func(t *testing.T) {
		clock := newAuthClock()
		s := throttled(t, clock)
		sessions := s.count("SELECT count(*) FROM sessions")
		for i := range 3 {
			fail(t, s, "annotator", nil, i)
			clock.Add(10 * time.Second)
		}
		if n := s.count("SELECT count(*) FROM sessions"); n != sessions {
			t.Errorf("failed logins changed the session table: %d rows, had %d", n, sessions)
		}
		// 30 s after the first failure: the right password is refused too,
		// for the 30 s until that failure leaves the window.
		if n := retryAfter(t, s.loginForm("annotator", rolePassword, "", nil)); n != 30 {
			t.Errorf("Retry-After %d, want 30", n)
		}
		retryAfter(t, s.loginForm("ANNOTATOR", rolePassword, "", nil)) // case does not make a new name
		if n := s.count("SELECT count(*) FROM sessions"); n != sessions {
			t.Errorf("refused logins changed the session table: %d rows, had %d", n, sessions)
		}
		// Someone else from the same address is not locked out, nor is the
		// name's owner at another address: a guesser cannot lock them out.
		s.loggedIn("reviewer", nil)
		s.loggedIn("annotator", from("198.51.100.2:40000"))
		clock.Add(time.Minute)
		s.loggedIn("annotator", nil)
	})

	t.Run("per user name from anywhere", func(t *testing.T) {
		clock := newAuthClock()
		s := throttled(t, clock)
		for i := range 30 { // 15 x 2, from fifteen addresses: none reaches its own limit
			fail(t, s, "admin", from(fmt.Sprintf("203.0.113.%d:40000", 10+i/2)), i)
		}
		// An address that failed on the name twice is held by the name's
		// ceiling, the right password too.
		retryAfter(t, s.loginForm("admin", rolePassword, "", from("203.0.113.10:40000")))
		// One that has not, or failed once (a mistyped password), is not:
		// guessers cannot keep the owner out, and a fresh address buys them
		// two tries, not five.
		s.loggedIn("admin", from("198.51.100.2:40000"))
		const fresh = "198.51.100.3:40000"
		fail(t, s, "admin", from(fresh), 30)
		s.loggedIn("admin", from(fresh))
		fail(t, s, "admin", from(fresh), 31)
		fail(t, s, "admin", from(fresh), 32)
		retryAfter(t, s.loginForm("admin", "wrong password", "", from(fresh)))
		s.loggedIn("reviewer", from(fresh))
		clock.Add(time.Minute)
		s.loggedIn("admin", from("203.0.113.10:40000"))
	})

	t.Run("per address", func(t *testing.T) {
		clock := newAuthClock()
		s := throttled(t, clock)
		names := []string{"manager", "reviewer", "annotator", "unassigned", "assignee", "outsider"}
		const attacker = "203.0.113.7:40000"
		for i := range 12 { // 4 x 3, two per name: no name reaches its own limit
			fail(t, s, names[i%len(names)], from(attacker), i)
			if i == 10 {
				// Logging in to an account of one's own does not buy the
				// address a new allowance.
				s.loggedIn("unassigned", from(attacker))
			}
		}
		retryAfter(t, s.loginForm("admin", rolePassword, "", from(attacker)))
		// Headers the client chose do not make a new address...
		retryAfter(t, s.loginForm("admin", rolePassword, "", from(attacker, "X-Forwarded-For", "198.51.100.99")))
		retryAfter(t, s.loginForm("admin", rolePassword, "", from(attacker, "X-Real-IP", "198.51.100.98")))
		// ...but another connection is one.
		s.loggedIn("admin", from("198.51.100.2:40000"))
		clock.Add(time.Minute)
		s.loggedIn("admin", from(attacker))
	})

	t.Run("behind a local proxy", func(t *testing.T) {
		clock := newAuthClock()
		lan, err := web.ParseProxies("10.0.0.0/8")
		if err != nil {
			t.Fatal(err)
		}
		s := w.serverWith(t, func(c *web.Config) {
			c.Now, c.LoginFailures, c.LoginWindow, c.TrustedProxies = clock.Now, 3, time.Minute, lan
		})
		const proxy = "127.0.0.1:50000"
		// The client rotates X-Real-IP and its own X-Forwarded-For entry,
		// which proxies such as Go's ReverseProxy and Caddy pass on; the
		// proxy appends the address it saw.
		for i := range 12 {
			spoofed := fmt.Sprintf("198.51.100.%d", 10+i)
			fail(t, s, []string{"manager", "reviewer", "annotator", "outsider"}[i%4],
				from(proxy, "X-Real-IP", spoofed, "X-Forwarded-For", spoofed+", 203.0.113.50"), i)
		}
		retryAfter(t, s.loginForm("admin", rolePassword, "", from(proxy, "X-Forwarded-For", "203.0.113.50")))
		retryAfter(t, s.loginForm("admin", rolePassword, "", from(proxy, "X-Real-IP", "198.51.100.99", "X-Forwarded-For", "198.51.100.99, 203.0.113.50")))
		// Through a second proxy on a network named trusted, still the client.
		retryAfter(t, s.loginForm("admin", rolePassword, "", from(proxy, "X-Forwarded-For", "203.0.113.50, 10.0.0.3")))
		s.loggedIn("admin", from(proxy, "X-Forwarded-For", "203.0.113.51"))
		// A machine of the network not named is a client, whatever it writes.
		for i := range 12 {
			fail(t, s, []string{"manager", "reviewer", "annotator", "outsider"}[i%4],
				from("192.168.1.8:40000", "X-Forwarded-For", fmt.Sprintf("198.51.100.%d", 30+i)), 12+i)
		}
		retryAfter(t, s.loginForm("admin", rolePassword, "", from("192.168.1.8:40000", "X-Forwarded-For", "198.51.100.99")))
	})
}

// TestAuthOpenRedirect: the page to return to after login stays on this
// site, however the next parameter is dressed up.
func TestAuthOpenRedirect(t *testing.T) {
	w := newRoleWorld(t)
	tests := []struct{ next, want string }{
		{"", "/"},
		{"/projects/1", "/projects/1"},
		{"/documents/3?layer=gold", "/documents/3?layer=gold"},
		{"//evil.example", "/"},
		{"//evil.example/path", "/"},
		{"https://evil.example", "/"},
		{"http:evil.example", "/"},
		{"javascript:alert(1)", "/"},
		{`/\evil.example`, "/"},
		{`\\evil.example`, "/"},
		{"/\t/evil.example", "/"},
		{"/\n/evil.example", "/"},
		{"/\r\n/evil.example", "/"},
		{" //evil.example", "/"},
		{"evil.example", "/"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.next), func(t *testing.T) {
			s := w.server(t)
			rec := s.loginForm("annotator", rolePassword, tt.next, nil)
			if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != tt.want {
				t.Errorf("login with next=%q: status %d to %q, want 303 to %q", tt.next, rec.Code, rec.Header().Get("Location"), tt.want)
			}
			// A logged-in visit to the login page goes the same way.
			page := s.get("/login?next="+url.QueryEscape(tt.next), authWithSession(w.sessions["annotator"]))
			if page.Code != http.StatusSeeOther || page.Header().Get("Location") != tt.want {
				t.Errorf("GET /login?next=%q logged in: status %d to %q, want 303 to %q", tt.next, page.Code, page.Header().Get("Location"), tt.want)
			}
		})
	}
}

// maskedCSRF masks a CSRF token as pages do, with a pad of zeros:
// base64url(pad ‖ pad⊕token).
func maskedCSRF(token string) string {
	return base64.RawURLEncoding.EncodeToString(append(make([]byte, len(token)), token...))
}
