package db

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestSetDisabled: disabling an account ends its sessions and tokens in
// the same step and keeps its annotations; enabling brings back the
// login only; nobody disables their own account or the last active admin.
func TestSetDisabled(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t) // amina (admin), omar
	now := time.Now()
	session, err := f.s.CreateSession(ctx, f.other, now, DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	secret, _, err := f.s.CreateToken(ctx, f.other, "script")
	if err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, fixtureText, "أحمد")
	if _, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: ps, End: pe, Label: "PER"}); err != nil {
		t.Fatal(err)
	}

	u, err := f.s.SetDisabled(ctx, f.user, "omar", true)
	if err != nil || !u.Disabled {
		t.Fatalf("disable omar: %+v, %v", u, err)
	}
	if _, err := f.s.SessionUser(ctx, session, now, DefaultSessionPolicy); !errors.Is(err, ErrNotFound) {
		t.Errorf("omar's session after disabling: %v, want ErrNotFound", err)
	}
	if _, err := f.s.TokenUser(ctx, secret, now); !errors.Is(err, ErrNotFound) {
		t.Errorf("omar's token after disabling: %v, want ErrNotFound", err)
	}
	if u, _, err := f.s.Credentials(ctx, "omar"); err != nil || !u.Disabled {
		t.Errorf("omar's credentials say %+v, %v; want disabled", u, err)
	}
	if l, err := f.s.LayerOf(ctx, f.doc, f.other.ID); err != nil || len(l.Spans) != 1 {
		t.Errorf("omar's layer after disabling: %+v, %v", l, err)
	}
	// A session made after (say, by a login that should have been refused)
	// is not honoured either.
	late, err := f.s.CreateSession(ctx, f.other, now, DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SessionUser(ctx, late, now, DefaultSessionPolicy); !errors.Is(err, ErrNotFound) {
		t.Errorf("a new session of a disabled account: %v, want ErrNotFound", err)
	}

	if _, err := f.s.SetDisabled(ctx, f.user, "omar", false); err != nil {
		t.Fatal(err)
	}
	if u, err := f.s.UserByName(ctx, "omar"); err != nil || u.Disabled {
		t.Errorf("omar after enabling: %+v, %v", u, err)
	}
	if _, err := f.s.TokenUser(ctx, secret, now); !errors.Is(err, ErrNotFound) {
		t.Errorf("a token revoked by disabling works again after enabling: %v", err)
	}

	for _, c := range []struct {
		by   User
		name string
		want string
	}{
		{f.user, "amina", "you cannot disable your own account"},
		{User{}, "amina", "amina is the last active admin"},
		{f.user, "nobody", `there is no user "nobody"`},
	} {
		var ve *ValidationError
		if _, err := f.s.SetDisabled(ctx, c.by, c.name, true); !errors.As(err, &ve) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("disable %s by %q: %v, want %q", c.name, c.by.Name, err, c.want)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM events WHERE action IN ('user.disable', 'user.enable')"); n != 2 {
		t.Errorf("%d disable and enable events, want 2", n)
	}
}
