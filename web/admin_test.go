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
		// Compared in lower case: a page and a JSON answer word it alike.
		if rec.Code != tt.status || !strings.Contains(strings.ToLower(rec.Body.String()), tt.says) {
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
	env, admin, layla, secret, api := adminAndLayla(t, "a long password")
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
		// Only the notice of a user added sends on to a project's members.
		if links := strings.Contains(page, "#members-title"); links != (tt.says == "User layla added.") {
			t.Errorf("?%s: a link to a project's members %v", tt.query, links)
		}
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

// TestAdminResetsPassword: an admin gives a user who forgot their password
// a new one, shown once in the answer; the old one logs in no more and
// every session of the user ends, their API token kept, and the reset is
// logged. The admin's own password, an unknown user, a non-admin and a
// form without its CSRF field change nothing.
func TestAdminResetsPassword(t *testing.T) {
	env, admin, layla, secret, api := adminAndLayla(t, "forgotten password")
	bySession := func(session string) func(*http.Request) {
		return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "hashiya_session", Value: session}) }
	}
	hashOf := func(name string) string {
		_, hash, err := env.store.Credentials(t.Context(), name)
		if err != nil {
			t.Fatal(err)
		}
		return hash
	}
	resets := func() int {
		n, err := env.store.EventCount(t.Context(), "user.password_reset")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	page := htmlPage(t, admin.get("/admin/users", env.session), http.StatusOK)
	if form := page.Find("#user-layla form[action='/admin/users/password']"); !strings.HasPrefix(form.AttrOr("data-confirm", ""), "Reset the password of layla?") || !form.HasClass("confirm") {
		t.Errorf("layla's row lacks a Reset password form that asks first")
	}
	if own := page.Find("#user-amina"); own.Find("form[action='/admin/users/password']").Length() != 0 || own.Find("a[href='/settings']").Length() != 1 {
		t.Error("the admin's own row offers a reset instead of pointing to Settings")
	}

	// Refused: nothing changes, nothing is logged.
	laylaHash, aminaHash := hashOf("layla"), hashOf("amina")
	refused := []struct {
		name   string
		send   func() *httptest.ResponseRecorder
		status int
		says   string
	}{
		{"her own password", func() *httptest.ResponseRecorder {
			return admin.post("/admin/users/password", url.Values{"user": {"amina"}})
		}, http.StatusBadRequest, "you cannot reset your own password here: change it in settings, under change password."},
		{"an unknown user", func() *httptest.ResponseRecorder {
			return admin.post("/admin/users/password", url.Values{"user": {"nobody"}})
		}, http.StatusBadRequest, "there is no user &#34;nobody&#34;."},
		{"a non-admin", func() *httptest.ResponseRecorder {
			return layla.post("/admin/users/password", url.Values{"user": {"amina"}})
		}, http.StatusForbidden, "only a global admin manages users"},
		{"no CSRF field", func() *httptest.ResponseRecorder {
			form := url.Values{"user": {"layla"}}
			req := httptest.NewRequest(http.MethodPost, "/admin/users/password", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
			req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: env.session})
			return env.serve(req)
		}, http.StatusBadRequest, "missing csrf token"},
	}
	for _, tt := range refused {
		rec := tt.send()
		// Compared in lower case: a page and a JSON answer word it alike.
		if rec.Code != tt.status || !strings.Contains(strings.ToLower(rec.Body.String()), tt.says) {
			t.Errorf("%s: status %d, want %d saying %q: %.300s", tt.name, rec.Code, tt.status, tt.says, rec.Body)
		}
	}
	if hashOf("layla") != laylaHash || hashOf("amina") != aminaHash || resets() != 0 {
		t.Error("a refused reset changed a password or was logged")
	}
	if api(bySession(layla.session)) != http.StatusOK || api(bySession(env.session)) != http.StatusOK {
		t.Fatal("a refused reset ended a session")
	}

	rec := admin.post("/admin/users/password", url.Values{"user": {"layla"}})
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("the page showing the new password is cached: Cache-Control %q", cc)
	}
	page = htmlPage(t, rec, http.StatusOK)
	password := page.Find("#password-reset code#reset-password").Text()
	if len(password) < 20 || page.Find(`#password-reset button[data-copy="reset-password"]`).Length() != 1 {
		t.Fatalf("the new password %q is not shown with a Copy button: %s", password, page.Find("#password-reset").Text())
	}
	if says := page.Find("#password-reset").Text(); !strings.Contains(says, "New password for layla") || !strings.Contains(says, "logged out everywhere") {
		t.Errorf("the notice says %q", says)
	}
	if bcrypt.CompareHashAndPassword([]byte(hashOf("layla")), []byte(password)) != nil {
		t.Error("the password shown is not layla's new password")
	}
	if loginStatus(env, "layla", "forgotten password") != http.StatusUnauthorized || loginStatus(env, "layla", password) != http.StatusSeeOther {
		t.Error("after the reset the old password logs in, or the new one does not")
	}
	if api(bySession(layla.session)) != http.StatusUnauthorized {
		t.Error("layla's session opened before the reset still works")
	}
	if api(func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+secret) }) != http.StatusOK {
		t.Error("layla's API token stopped working: a reset ends sessions only")
	}
	if api(bySession(env.session)) != http.StatusOK {
		t.Error("the admin's own session ended")
	}
	if resets() != 1 {
		t.Errorf("%d user.password_reset events, want 1", resets())
	}
	// Shown once: the page, loaded again, has no password in it.
	if again := admin.get("/admin/users", env.session).Body.String(); strings.Contains(again, password) {
		t.Error("the users page shows the new password again")
	}
}

// loginStatus posts the login form, as the browser does, and returns the
// status: 303 when the password logs in.
func loginStatus(env *apiEnv, name, password string) int {
	form := url.Values{"username": {name}, "password": {password}, "_csrf": {apiCSRF}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	rec := httptest.NewRecorder()
	env.srv.ServeHTTP(rec, req)
	return rec.Code
}

// adminAndLayla signs in the admin and layla (with password) on a fresh
// site, makes layla an API token (secret), and gives api, which answers
// the status of an API request made with auth: what an account change
// is checked against.
func adminAndLayla(t *testing.T, password string) (env *apiEnv, admin, layla *formUser, secret string, api func(auth func(*http.Request)) int) {
	t.Helper()
	env = newAPIEnv(t)
	admin = &formUser{env: env, user: env.user, session: env.session}
	layla = newFormUser(t, env, "layla", password)
	secret, _, err := env.store.CreateToken(t.Context(), layla.user, "script")
	if err != nil {
		t.Fatal(err)
	}
	api = func(auth func(*http.Request)) int {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/projects", nil)
		auth(req)
		return env.serve(req).Code
	}
	return env, admin, layla, secret, api
}
