package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// User is an account: a person who logs in, or a script with a token.
type User struct {
	ID       int64
	Name     string
	IsAdmin  bool
	Disabled bool // an admin disabled the account: no login, no session, no token
	// Lang is the interface language the user chose in Settings ("en",
	// "ar"), "" to follow the browser's.
	Lang string
}

// reservedNames are the words that name layers where a user name could
// stand (?layer=gold, ?layer=mine, export --layer all): no user may take
// one, or their layer could not be named.
var reservedNames = []string{"gold", "mine", "all"}

func validUserName(name string) error {
	if bad := badName(name); bad != "" {
		return invalid("name", "user name %q: %s; a name is one line of visible characters", name, bad)
	}
	if name == "" || strings.TrimSpace(name) != name || utf8.RuneCountInString(name) > 64 || strings.ContainsAny(name, " \t\r\n/") {
		return invalid("name", "user name %q must be 1-64 characters without spaces or slashes", name)
	}
	for _, r := range reservedNames {
		if strings.EqualFold(name, r) {
			return invalid("name", "user name %q is reserved: gold, mine and all name layers", name)
		}
	}
	return nil
}

// CreateUser adds an account; passwordHash may be empty for an account
// that cannot log in yet.
func (s *Store) CreateUser(ctx context.Context, name, passwordHash string, admin bool) (User, error) {
	if err := validUserName(name); err != nil {
		return User{}, err
	}
	u := User{Name: name, IsAdmin: admin}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE name = ?", name).Scan(&n); err != nil {
			return fmt.Errorf("db: check user %q: %w", name, err)
		}
		if n > 0 {
			return conflict("user %q already exists", name)
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO users (name, password_hash, is_admin) VALUES (?, ?, ?)", name, passwordHash, admin)
		if err != nil {
			return fmt.Errorf("db: insert user %q: %w", name, err)
		}
		if u.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("db: insert user %q: %w", name, err)
		}
		return logEvent(ctx, tx, Event{UserID: u.ID, Action: "user.create", Detail: map[string]any{"name": name, "admin": admin}})
	})
	return u, err
}

// UserByName loads an account by name.
func (s *Store) UserByName(ctx context.Context, name string) (User, error) {
	return s.userWhere(ctx, "name = ?", name)
}

// User loads an account by id.
func (s *Store) User(ctx context.Context, id int64) (User, error) {
	return s.userWhere(ctx, "id = ?", id)
}

// FirstAdmin returns the oldest admin account: the local user of a server
// that has no logins yet.
func (s *Store) FirstAdmin(ctx context.Context) (User, error) {
	return s.userWhere(ctx, "is_admin = 1 ORDER BY id LIMIT 1")
}

func (s *Store) userWhere(ctx context.Context, where string, args ...any) (User, error) {
	var u User
	err := s.r.QueryRowContext(ctx, "SELECT id, name, is_admin, disabled_at IS NOT NULL FROM users WHERE "+where, args...).Scan(&u.ID, &u.Name, &u.IsAdmin, &u.Disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user: %w", ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("db: load user: %w", err)
	}
	return u, nil
}

// Credentials returns a user and their password hash, for login.
func (s *Store) Credentials(ctx context.Context, name string) (User, string, error) {
	var u User
	var hash string
	err := s.r.QueryRowContext(ctx, "SELECT id, name, is_admin, disabled_at IS NOT NULL, password_hash FROM users WHERE name = ?", name).Scan(&u.ID, &u.Name, &u.IsAdmin, &u.Disabled, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, "", fmt.Errorf("user %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return User{}, "", fmt.Errorf("db: load credentials: %w", err)
	}
	return u, hash, nil
}

// SetPassword replaces a user's password hash and ends their other
// sessions, so a changed password locks out whoever knew the old one.
func (s *Store) SetPassword(ctx context.Context, user User, hash, keepSession string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, user.ID); err != nil {
			return fmt.Errorf("db: set password: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ? AND token_hash != ?", user.ID, secretHash(keepSession)); err != nil {
			return fmt.Errorf("db: end other sessions: %w", err)
		}
		return logEvent(ctx, tx, Event{UserID: user.ID, Action: "user.password"})
	})
}

// SetLanguage stores the interface language user chose ("" to follow
// the browser's), logged. Which languages there are is the web's to say;
// the table's CHECK refuses any other.
func (s *Store) SetLanguage(ctx context.Context, user User, lang string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE users SET ui_lang = ? WHERE id = ?", lang, user.ID); err != nil {
			return fmt.Errorf("db: set interface language: %w", err)
		}
		return logEvent(ctx, tx, Event{UserID: user.ID, Action: "user.language", Detail: map[string]any{"language": lang}})
	})
}

// ResetPassword gives the account named name a new password hash, for
// someone who forgot theirs, and ends every session of it in the same
// transaction, so whoever held a session opened with the old password is
// out. Its API tokens stay: their owner revokes them in Settings, and
// disabling the account revokes them all. by (an admin; 0 for the command
// line) may not reset their own password this way: Settings changes it,
// asking for the current one, which a stolen session does not know.
func (s *Store) ResetPassword(ctx context.Context, by User, name, hash string) (User, error) {
	var u User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT id, name, is_admin, disabled_at IS NOT NULL FROM users WHERE name = ?", name).
			Scan(&u.ID, &u.Name, &u.IsAdmin, &u.Disabled)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("user", "there is no user %q", name)
		}
		if err != nil {
			return fmt.Errorf("db: load user %q: %w", name, err)
		}
		if u.ID == by.ID {
			return invalid("user", "you cannot reset your own password here: change it in Settings, under Change password")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, u.ID); err != nil {
			return fmt.Errorf("db: reset the password of %q: %w", name, err)
		}
		ended, err := endSessions(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, Action: "user.password_reset", Detail: map[string]any{"user": name, "sessions_ended": ended}})
	})
	return u, err
}

// SetDisabled disables or enables the account named name. Disabling ends
// the user's sessions and revokes their API tokens in the same
// transaction; enabling brings back only the login. Their layers and
// annotations stay either way. by (an admin; 0 for the command line) may
// not disable their own account, and the last active admin may not be
// disabled, so the server always keeps someone who can undo it.
func (s *Store) SetDisabled(ctx context.Context, by User, name string, disabled bool) (User, error) {
	var u User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT id, name, is_admin FROM users WHERE name = ?", name).Scan(&u.ID, &u.Name, &u.IsAdmin)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("user", "there is no user %q", name)
		}
		if err != nil {
			return fmt.Errorf("db: load user %q: %w", name, err)
		}
		if disabled && u.ID == by.ID {
			return invalid("user", "you cannot disable your own account")
		}
		if disabled && u.IsAdmin {
			var others int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE is_admin = 1 AND disabled_at IS NULL AND id != ?", u.ID).Scan(&others); err != nil {
				return fmt.Errorf("db: count admins: %w", err)
			}
			if others == 0 {
				return invalid("user", "%s is the last active admin; make another admin first", name)
			}
		}
		if err := disableUser(ctx, tx, u.ID, disabled); err != nil {
			return err
		}
		u.Disabled = disabled
		action := map[bool]string{true: "user.disable", false: "user.enable"}[disabled]
		return logEvent(ctx, tx, Event{UserID: by.ID, Action: action, Detail: map[string]any{"user": name}})
	})
	return u, err
}

// disableUser marks the account and, when disabling, ends what it is
// logged in with.
func disableUser(ctx context.Context, tx *sql.Tx, id int64, disabled bool) error {
	if _, err := tx.ExecContext(ctx, `UPDATE users SET disabled_at = CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END
		WHERE id = ?`, disabled, id); err != nil {
		return fmt.Errorf("db: disable user %d: %w", id, err)
	}
	if !disabled {
		return nil
	}
	if _, err := endSessions(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
		WHERE user_id = ? AND revoked_at IS NULL`, id); err != nil {
		return fmt.Errorf("db: revoke the tokens of user %d: %w", id, err)
	}
	return nil
}
