package web_test

import (
	"net/http"
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
