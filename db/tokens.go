package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// tokenPrefix marks Hashiya API tokens, so a leaked one is recognisable.
const tokenPrefix = "hsy_"

// Token is an API token as its owner sees it listed; the secret itself is
// shown once, at creation, and only its hash is stored.
type Token struct {
	ID        int64
	Name      string
	CreatedAt string
	LastUsed  string
	Revoked   bool
}

// CreateToken makes an API token for user and returns the secret. A
// disabled user gets none (ErrConflict): it would start working when the
// account is enabled, which is to bring back the login only.
func (s *Store) CreateToken(ctx context.Context, user User, name string) (string, Token, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "token"
	}
	if bad := badName(name); bad != "" {
		return "", Token{}, invalid("name", "token name %q: %s; a name is one line of visible characters", name, bad)
	}
	if len(name) > 100 {
		return "", Token{}, invalid("name", "token name is longer than 100 characters")
	}
	secret, err := newSecret(tokenPrefix)
	if err != nil {
		return "", Token{}, err
	}
	t := Token{Name: name}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var disabled bool
		err := tx.QueryRowContext(ctx, "SELECT disabled_at IS NOT NULL FROM users WHERE id = ?", user.ID).Scan(&disabled)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("user %d: %w", user.ID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("db: load user %d: %w", user.ID, err)
		}
		if disabled {
			return conflict("%s is disabled: enable the account before creating a token for it", user.Name)
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO api_tokens (user_id, name, token_hash) VALUES (?, ?, ?)", user.ID, name, secretHash(secret))
		if err != nil {
			return fmt.Errorf("db: create token: %w", err)
		}
		if t.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("db: create token: %w", err)
		}
		return logEvent(ctx, tx, Event{UserID: user.ID, Action: "token.create", Detail: map[string]any{"id": t.ID, "name": name}})
	})
	return secret, t, err
}

// TokenUser returns the owner of a live API token; unknown or revoked
// tokens are ErrNotFound.
func (s *Store) TokenUser(ctx context.Context, secret string, now time.Time) (User, error) {
	if !strings.HasPrefix(secret, tokenPrefix) {
		return User{}, fmt.Errorf("token: %w", ErrNotFound)
	}
	var u User
	var id int64
	var lastUsed sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT t.id, t.last_used_at, u.id, u.name, u.is_admin FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL`, secretHash(secret)).Scan(&id, &lastUsed, &u.ID, &u.Name, &u.IsAdmin)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("token: %w", ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("db: load token: %w", err)
	}
	if seen, err := time.Parse(timeLayout, lastUsed.String); !lastUsed.Valid || err != nil || now.Sub(seen) > time.Minute {
		if _, err := s.w.ExecContext(ctx, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now.UTC().Format(timeLayout), id); err != nil {
			return User{}, fmt.Errorf("db: touch token: %w", err)
		}
	}
	return u, nil
}

// Tokens lists a user's API tokens, newest first.
func (s *Store) Tokens(ctx context.Context, user User) ([]Token, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, created_at, coalesce(last_used_at, ''), revoked_at IS NOT NULL
		FROM api_tokens WHERE user_id = ? ORDER BY id DESC`, user.ID)
	if err != nil {
		return nil, fmt.Errorf("db: list tokens: %w", err)
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var t Token
		if err := rows.Scan(&t.ID, &t.Name, &t.CreatedAt, &t.LastUsed, &t.Revoked); err != nil {
			return nil, fmt.Errorf("db: scan token: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken revokes one of user's own tokens; another user's token id is
// ErrNotFound, whoever asks.
func (s *Store) RevokeToken(ctx context.Context, user User, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		n, err := execCount(ctx, tx, fmt.Sprintf("revoke token %d", id),
			"UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND user_id = ? AND revoked_at IS NULL", id, user.ID)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("token %d: %w", id, ErrNotFound)
		}
		return logEvent(ctx, tx, Event{UserID: user.ID, Action: "token.revoke", Detail: map[string]any{"id": id}})
	})
}
