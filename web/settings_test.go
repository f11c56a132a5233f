package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
)

// formUser is a user with a password and a session of their own.
type formUser struct {
	env     *apiEnv
	user    db.User
	session string
}

func newFormUser(t *testing.T, env *apiEnv, name, password string) *formUser {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	u, err := env.store.CreateUser(t.Context(), name, string(hash), false)
	if err != nil {
		t.Fatal(err)
	}
	session, err := env.store.CreateSession(t.Context(), u, time.Now(), db.DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	return &formUser{env: env, user: u, session: session}
}

// post submits a form as the user, with the CSRF field, like the browser.
func (f *formUser) post(path string, fields url.Values) *httptest.ResponseRecorder {
	fields.Set("_csrf", apiCSRF)
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: f.session})
	return f.env.serve(req)
}

func (f *formUser) get(path, session string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: session})
	return f.env.serve(req)
}

func TestSettingsChangePassword(t *testing.T) {
	env := newAPIEnv(t)
	f := newFormUser(t, env, "layla", "old password")
	other, err := env.store.CreateSession(t.Context(), f.user, time.Now(), db.DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	// A refusal sends the browser back to the settings page (so a reload
	// posts nothing again), which says why next to the field to fix.
	refused := []struct {
		name             string
		current, nw, cnf string
		says, field      string
	}{
		{"wrong current", "guess", "new password", "new password", "The password was not changed: the current password is wrong.", "current"},
		{"too short", "old password", "short", "short", "The password was not changed: the new password must be 8 to 72 bytes long.", "new"},
		{"mismatch", "old password", "new password", "new passw0rd", "The password was not changed: the two new passwords differ.", "confirm"},
	}
	for _, tt := range refused {
		rec := f.post("/settings/password", url.Values{"current": {tt.current}, "new": {tt.nw}, "confirm": {tt.cnf}})
		back := rec.Header().Get("Location")
		if rec.Code != http.StatusSeeOther || !strings.HasPrefix(back, "/settings?refused=") {
			t.Errorf("%s: status %d to %q, want 303 back to the settings page", tt.name, rec.Code, back)
			continue
		}
		page := f.get(back, f.session)
		d, err := goquery.NewDocumentFromReader(page.Body)
		if err != nil || page.Code != http.StatusOK {
			t.Fatalf("%s: the settings page: %d %v", tt.name, page.Code, err)
		}
		if got := d.Find("#settings-error").Text(); !strings.HasPrefix(got, tt.says) {
			t.Errorf("%s: the page says %q, want %q", tt.name, got, tt.says)
		}
		in := d.Find("#" + tt.field)
		if in.AttrOr("aria-invalid", "") != "true" || in.AttrOr("aria-describedby", "") != "settings-error" || d.Find("[aria-invalid]").Length() != 1 {
			t.Errorf("%s: field %s is not the one marked invalid and described by the error", tt.name, tt.field)
		}
	}
	if d, _ := goquery.NewDocumentFromReader(f.get("/settings?refused=anything+else", f.session).Body); d.Find("#settings-error").Length() != 0 {
		t.Error("an unknown ?refused= puts an error on the page")
	}
	rec := f.post("/settings/password", url.Values{"current": {"old password"}, "new": {"new password"}, "confirm": {"new password"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("change: status %d: %s", rec.Code, rec.Body)
	}
	_, hash, err := env.store.Credentials(t.Context(), "layla")
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte("new password")) != nil {
		t.Fatalf("the new password is not stored (%v)", err)
	}
	if got := f.get("/settings", f.session); got.Code != http.StatusOK {
		t.Errorf("the session that changed the password was logged out: %d", got.Code)
	}
	if got := f.get("/settings", other); got.Code != http.StatusSeeOther {
		t.Errorf("another session of the user still works after a password change: %d", got.Code)
	}
	if n, _ := env.store.EventCount(t.Context(), "user.password"); n != 1 {
		t.Errorf("%d user.password events, want 1", n)
	}
}

var tokenShown = regexp.MustCompile(`<code id="new-token"[^>]*>(hsy_[A-Za-z0-9_-]+)</code>`)

func TestSettingsTokens(t *testing.T) {
	env := newAPIEnv(t)
	f := newFormUser(t, env, "layla", "a password")
	rec := f.post("/settings/tokens", url.Values{"name": {"pipeline"}})
	m := tokenShown.FindStringSubmatch(rec.Body.String())
	if rec.Code != http.StatusCreated || m == nil {
		t.Fatalf("create token: status %d, token not shown", rec.Code)
	}
	api := func(token string) int {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/projects", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		return env.serve(req).Code
	}
	if code := api(m[1]); code != http.StatusOK {
		t.Fatalf("the new token gets %d from the API", code)
	}
	// The page lists it once more, without the secret.
	page := f.get("/settings", f.session).Body.String()
	if !strings.Contains(page, "pipeline") || strings.Contains(page, m[1]) {
		t.Error("the settings page should list the token by name and never show its secret again")
	}
	if !strings.Contains(page, `class="inline confirm" data-confirm="Revoke token pipeline?`) {
		t.Error("revoking a token does not ask first")
	}
	tokens, err := env.store.Tokens(t.Context(), f.user)
	if err != nil || len(tokens) != 1 {
		t.Fatalf("tokens %+v (%v)", tokens, err)
	}
	// Another user cannot revoke it: their query does not find it.
	intruder := newFormUser(t, env, "omar2", "a password")
	if rec := intruder.post("/settings/tokens/"+itoa(tokens[0].ID)+"/revoke", url.Values{}); rec.Code != http.StatusNotFound {
		t.Errorf("another user's revoke: status %d, want 404", rec.Code)
	}
	if code := api(m[1]); code != http.StatusOK {
		t.Fatalf("after a refused revoke the token gets %d", code)
	}
	if rec := f.post("/settings/tokens/"+itoa(tokens[0].ID)+"/revoke", url.Values{}); rec.Code != http.StatusSeeOther {
		t.Fatalf("revoke: status %d", rec.Code)
	}
	if code := api(m[1]); code != http.StatusUnauthorized {
		t.Errorf("a revoked token gets %d, want 401", code)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestSettingsPasswordGuessesThrottled: a stolen session cannot guess the
// current password at bcrypt speed; the right one is refused too once
// throttled.
func TestSettingsPasswordGuessesThrottled(t *testing.T) {
	env := newAPIEnv(t)
	f := newFormUser(t, env, "layla", "old password")
	for i := range 5 {
		rec := f.post("/settings/password", url.Values{"current": {fmt.Sprint("guess", i)}, "new": {"new password"}, "confirm": {"new password"}})
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/settings?refused=current" {
			t.Fatalf("guess %d: status %d to %q", i+1, rec.Code, rec.Header().Get("Location"))
		}
	}
	rec := f.post("/settings/password", url.Values{"current": {"old password"}, "new": {"new password"}, "confirm": {"new password"}})
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("after 5 wrong guesses: status %d, Retry-After %q; want 429 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	_, hash, _ := env.store.Credentials(t.Context(), "layla")
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte("old password")) != nil {
		t.Error("a throttled request changed the password")
	}
}
