package db

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestResetPassword: an admin's reset stores the new hash and ends every
// session of the account, another user's untouched, and is logged with
// who did it; the admin's own account, an unknown name, change nothing.
func TestResetPassword(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t) // amina (admin), omar
	now := time.Now()
	var omars []string
	for range 2 {
		s, err := f.s.CreateSession(ctx, f.other, now, DefaultSessionPolicy)
		if err != nil {
			t.Fatal(err)
		}
		omars = append(omars, s)
	}
	aminas, err := f.s.CreateSession(ctx, f.user, now, DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	secret, _, err := f.s.CreateToken(ctx, f.other, "script")
	if err != nil {
		t.Fatal(err)
	}

	u, err := f.s.ResetPassword(ctx, f.user, "omar", "new hash")
	if err != nil || u.ID != f.other.ID {
		t.Fatalf("reset omar's password: %+v, %v", u, err)
	}
	if _, hash, err := f.s.Credentials(ctx, "omar"); err != nil || hash != "new hash" {
		t.Errorf("omar's hash after the reset: %q, %v", hash, err)
	}
	for i, s := range omars {
		if _, err := f.s.SessionUser(ctx, s, now, DefaultSessionPolicy); !errors.Is(err, ErrNotFound) {
			t.Errorf("omar's session %d after the reset: %v, want ErrNotFound", i, err)
		}
	}
	if _, err := f.s.SessionUser(ctx, aminas, now, DefaultSessionPolicy); err != nil {
		t.Errorf("the admin's own session after resetting omar's password: %v", err)
	}
	if _, err := f.s.TokenUser(ctx, secret, now); err != nil {
		t.Errorf("omar's API token after the reset: %v; a reset ends sessions only", err)
	}
	var by int64
	var detail string
	if err := f.s.r.QueryRowContext(ctx, "SELECT user_id, detail FROM events WHERE action = 'user.password_reset'").Scan(&by, &detail); err != nil {
		t.Fatalf("the reset's event: %v", err)
	}
	if by != f.user.ID || detail != `{"sessions_ended":2,"user":"omar"}` {
		t.Errorf("the reset is logged as by %d, %s", by, detail)
	}

	for _, c := range []struct {
		by         User
		name, want string
	}{
		{f.user, "amina", "you cannot reset your own password here: change it in Settings, under Change password"},
		{f.user, "nobody", `there is no user "nobody"`},
		{User{}, "nobody", `there is no user "nobody"`},
	} {
		var ve *ValidationError
		if _, err := f.s.ResetPassword(ctx, c.by, c.name, "other hash"); !errors.As(err, &ve) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("reset %s by %q: %v, want %q", c.name, c.by.Name, err, c.want)
		}
	}
	if _, hash, _ := f.s.Credentials(ctx, "amina"); hash == "other hash" {
		t.Error("a refused reset changed the admin's password")
	}
	if _, err := f.s.SessionUser(ctx, aminas, now, DefaultSessionPolicy); err != nil {
		t.Errorf("a refused reset of her own password ended the admin's session: %v", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events WHERE action = 'user.password_reset'"); n != 1 {
		t.Errorf("%d reset events, want 1: a refusal logs nothing", n)
	}
	// The command line resets anyone, admins included.
	if _, err := f.s.ResetPassword(ctx, User{}, "amina", "cli hash"); err != nil {
		t.Errorf("the command line resetting the admin's password: %v", err)
	}
	if _, err := f.s.SessionUser(ctx, aminas, now, DefaultSessionPolicy); !errors.Is(err, ErrNotFound) {
		t.Errorf("the admin's session after the command line reset her password: %v", err)
	}
}
