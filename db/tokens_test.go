package db

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestCreateTokenRefusesDisabledUser: a disabled user gets no token, so
// enabling the account brings back the login and nothing else.
func TestCreateTokenRefusesDisabledUser(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t) // amina (admin), omar
	if _, err := f.s.SetDisabled(ctx, f.user, "omar", true); err != nil {
		t.Fatal(err)
	}
	secret, _, err := f.s.CreateToken(ctx, f.other, "script")
	if !errors.Is(err, ErrConflict) || err.Error() != "omar is disabled: enable the account before creating a token for it" {
		t.Errorf("token for a disabled user: %q, %v; want ErrConflict", secret, err)
	}
	if _, err := f.s.SetDisabled(ctx, f.user, "omar", false); err != nil {
		t.Fatal(err)
	}
	if secret != "" {
		if _, err := f.s.TokenUser(ctx, secret, time.Now()); !errors.Is(err, ErrNotFound) {
			t.Errorf("a token made while disabled works after enabling: %v", err)
		}
	}
	if toks, err := f.s.Tokens(ctx, f.other); err != nil || len(toks) != 0 {
		t.Errorf("omar's tokens: %+v, %v; want none", toks, err)
	}
	if _, _, err := f.s.CreateToken(ctx, f.other, "script"); err != nil {
		t.Errorf("token for omar enabled again: %v", err)
	}
	if _, _, err := f.s.CreateToken(ctx, User{ID: 999, Name: "ghost"}, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("token for no user: %v, want ErrNotFound", err)
	}
}
