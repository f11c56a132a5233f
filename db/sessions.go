package db

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// SessionPolicy bounds a login: it ends after Idle without a request, and
// after Absolute whatever happens.
type SessionPolicy struct {
	Idle     time.Duration
	Absolute time.Duration
}

// DefaultSessionPolicy is a working day idle, a week at most.
var DefaultSessionPolicy = SessionPolicy{Idle: 12 * time.Hour, Absolute: 7 * 24 * time.Hour}

const timeLayout = "2006-01-02T15:04:05.000Z"

// newSecret is 32 random bytes, URL-safe: session ids and API tokens.
func newSecret(prefix string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("db: random secret: %w", err)
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b), nil
}

// secretHash is what the database keeps of a secret: a stolen database
// file gives no usable session or token.
func secretHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateSession starts a login for user and returns the cookie value. A
// fresh value at every login is what defeats session fixation.
func (s *Store) CreateSession(ctx context.Context, user User, now time.Time, p SessionPolicy) (string, error) {
	token, err := newSecret("")
	if err != nil {
		return "", err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at < ?", now.UTC().Format(timeLayout)); err != nil {
			return fmt.Errorf("db: prune sessions: %w", err)
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
			secretHash(token), user.ID, now.UTC().Format(timeLayout), now.UTC().Format(timeLayout), now.Add(p.Absolute).UTC().Format(timeLayout))
		if err != nil {
			return fmt.Errorf("db: create session: %w", err)
		}
		return logEvent(ctx, tx, Event{UserID: user.ID, Action: "session.login"})
	})
	return token, err
}

// SessionUser returns the user of a live session and records the request
// time; an unknown, idle or expired session is ErrNotFound.
func (s *Store) SessionUser(ctx context.Context, token string, now time.Time, p SessionPolicy) (User, error) {
	var u User
	var lastSeen, expires string
	err := s.r.QueryRowContext(ctx, `SELECT u.id, u.name, u.is_admin, u.ui_lang, se.last_seen_at, se.expires_at
		FROM sessions se JOIN users u ON u.id = se.user_id WHERE se.token_hash = ? AND u.disabled_at IS NULL`, secretHash(token)).
		Scan(&u.ID, &u.Name, &u.IsAdmin, &u.Lang, &lastSeen, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("session: %w", ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("db: load session: %w", err)
	}
	seen, err1 := time.Parse(timeLayout, lastSeen)
	end, err2 := time.Parse(timeLayout, expires)
	if err := errors.Join(err1, err2); err != nil {
		return User{}, fmt.Errorf("db: session times: %w", err)
	}
	if now.After(end) || now.Sub(seen) > p.Idle {
		return User{}, fmt.Errorf("session expired: %w", ErrNotFound)
	}
	// Touch at most once a minute: a write per request would queue every
	// page view behind annotators' saves.
	if now.Sub(seen) > time.Minute {
		if _, err := s.w.ExecContext(ctx, "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", now.UTC().Format(timeLayout), secretHash(token)); err != nil {
			return User{}, fmt.Errorf("db: touch session: %w", err)
		}
	}
	return u, nil
}

// DeleteSession ends a login (logout); an unknown token is not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var uid int64
		err := tx.QueryRowContext(ctx, "DELETE FROM sessions WHERE token_hash = ? RETURNING user_id", secretHash(token)).Scan(&uid)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("db: delete session: %w", err)
		}
		return logEvent(ctx, tx, Event{UserID: uid, Action: "session.logout"})
	})
}

// endSessions logs user id out everywhere, inside the caller's
// transaction, and says how many sessions it ended.
func endSessions(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	res, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", id)
	if err != nil {
		return 0, fmt.Errorf("db: end the sessions of user %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("db: end the sessions of user %d: %w", id, err)
	}
	return n, nil
}
