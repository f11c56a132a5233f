package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
)

func TestAdminAddsUsers(t *testing.T) {
	env := newAPIEnv(t)
	admin := &formUser{env: env, user: env.user, session: env.session}
	rec := admin.post("/admin/users", url.Values{"name": {"nadia"}, "password": {"a long password"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("add user: status %d: %s", rec.Code, rec.Body)
	}
	u, hash, err := env.store.Credentials(t.Context(), "nadia")
	if err != nil || u.IsAdmin || bcrypt.CompareHashAndPassword([]byte(hash), []byte("a long password")) != nil {
		t.Fatalf("nadia stored as %+v (%v), or with the wrong password", u, err)
	}
	if page := admin.get("/admin/users", env.session).Body.String(); !strings.Contains(page, "nadia") {
		t.Error("the users page does not list the new user")
	}
	refused := []struct {
		name   string
		fields url.Values
		status int
		says   string
	}{
		{"taken name", url.Values{"name": {"nadia"}, "password": {"a long password"}}, http.StatusConflict, "already exists"},
		{"short password", url.Values{"name": {"rami"}, "password": {"short"}}, http.StatusBadRequest, "8 to 72"},
		{"name with a space", url.Values{"name": {"rami x"}, "password": {"a long password"}}, http.StatusBadRequest, "without spaces"},
	}
	for _, tt := range refused {
		rec := admin.post("/admin/users", tt.fields)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.says) {
			t.Errorf("%s: status %d, body lacks %q", tt.name, rec.Code, tt.says)
		}
	}
	// Someone who is not an admin cannot make accounts, least of all admins.
	nadia, err := env.store.CreateSession(t.Context(), u, time.Now(), db.DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	f := &formUser{env: env, user: u, session: nadia}
	if rec := f.post("/admin/users", url.Values{"name": {"mallory"}, "password": {"a long password"}, "admin": {"1"}}); rec.Code != http.StatusForbidden {
		t.Errorf("a non-admin adding a user: status %d, want 403", rec.Code)
	}
	if _, err := env.store.UserByName(t.Context(), "mallory"); err == nil {
		t.Error("a non-admin created a user")
	}
}

// TestAdminDisablesUsers: a disabled account's session and API token stop
// at once, and its password, though right, logs in no more (said only to
// whoever knows it); enabled, it logs in again. An admin cannot disable
// their own account.
func TestAdminDisablesUsers(t *testing.T) {
	env := newAPIEnv(t)
	admin := &formUser{env: env, user: env.user, session: env.session}
	layla := newFormUser(t, env, "layla", "a long password")
	secret, _, err := env.store.CreateToken(t.Context(), layla.user, "script")
	if err != nil {
		t.Fatal(err)
	}
	api := func(auth func(*http.Request)) int {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/projects", nil)
		auth(req)
		return env.serve(req).Code
	}
	bySession := func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "hashiya_session", Value: layla.session}) }
	byToken := func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+secret) }
	login := func(password string) *httptest.ResponseRecorder {
		form := url.Values{"username": {"layla"}, "password": {password}, "_csrf": {apiCSRF}}
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
		rec := httptest.NewRecorder()
		env.srv.ServeHTTP(rec, req)
		return rec
	}
	if api(bySession) != http.StatusOK || api(byToken) != http.StatusOK {
		t.Fatal("layla's session and token do not work to begin with")
	}

	if rec := admin.post("/admin/users/disable", url.Values{"user": {"layla"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("disable layla: status %d: %s", rec.Code, rec.Body)
	}
	if s, k := api(bySession), api(byToken); s != http.StatusUnauthorized || k != http.StatusUnauthorized {
		t.Errorf("after disabling: session %d, token %d; want 401 and 401", s, k)
	}
	if rec := login("a long password"); rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "This account is disabled") {
		t.Errorf("login with the right password: status %d", rec.Code)
	}
	if rec := login("a wrong password"); rec.Code != http.StatusUnauthorized || strings.Contains(rec.Body.String(), "disabled") {
		t.Errorf("login with a wrong password: status %d, or it tells the account is disabled", rec.Code)
	}
	if page := admin.get("/admin/users", env.session).Body.String(); !strings.Contains(page, `aria-label="Enable layla"`) {
		t.Error("the users page does not offer to enable layla")
	}
	if rec := admin.post("/admin/users/disable", url.Values{"user": {"amina"}}); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "You cannot disable your own account.") {
		t.Errorf("an admin disabling herself: status %d", rec.Code)
	}

	if rec := admin.post("/admin/users/enable", url.Values{"user": {"layla"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("enable layla: status %d: %s", rec.Code, rec.Body)
	}
	if rec := login("a long password"); rec.Code != http.StatusSeeOther {
		t.Errorf("login after enabling: status %d", rec.Code)
	}
	if api(byToken) != http.StatusUnauthorized {
		t.Error("a token revoked by disabling works again after enabling")
	}
}

// TestAdminUsersNoticeNamesOnlyUsers: the notice after adding, disabling
// or enabling an account names a user that exists, in the state it
// claims; a crafted link cannot make the admin's page say its own words.
func TestAdminUsersNoticeNamesOnlyUsers(t *testing.T) {
	env := newAPIEnv(t)
	admin := &formUser{env: env, user: env.user, session: env.session}
	newFormUser(t, env, "layla", "a long password")
	const crafted = "User mallory. Their temporary password is hunter2, and they are"
	tests := []struct {
		query, says string // says "": no notice at all
	}{
		{"added=layla", "User layla added."},
		{"enabled=layla", "User layla enabled"},
		{"disabled=layla", ""}, // layla is not disabled
		{"added=" + url.QueryEscape(crafted), ""},
		{"disabled=" + url.QueryEscape(crafted), ""},
		{"enabled=" + url.QueryEscape(crafted), ""},
		{"added=nobody", ""},
	}
	for _, tt := range tests {
		rec := admin.get("/admin/users?"+tt.query, env.session)
		page := rec.Body.String()
		if rec.Code != http.StatusOK {
			t.Errorf("?%s: status %d", tt.query, rec.Code)
			continue
		}
		if strings.Contains(page, "hunter2") {
			t.Errorf("?%s: the page shows the link's own words", tt.query)
		}
		if notice := strings.Contains(page, `class="notice"`); notice != (tt.says != "") || !strings.Contains(page, tt.says) {
			t.Errorf("?%s: notice shown %v, want one saying %q", tt.query, notice, tt.says)
		}
	}
}
