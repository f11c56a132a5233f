package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Event is one entry of the change log.
type Event struct {
	UserID     int64
	ProjectID  int64
	DocumentID int64
	Action     string
	Detail     any
}

// logEvent records a change inside the transaction that makes it, so the
// log and the data never disagree.
func logEvent(ctx context.Context, tx *sql.Tx, e Event) error {
	detail, err := json.Marshal(e.Detail)
	if err != nil {
		return fmt.Errorf("db: encode event %s: %w", e.Action, err)
	}
	if e.Detail == nil {
		detail = []byte("{}")
	}
	_, err = tx.ExecContext(ctx,
		"INSERT INTO events (user_id, project_id, document_id, action, detail) VALUES (?, ?, ?, ?, ?)",
		nullID(e.UserID), nullID(e.ProjectID), nullID(e.DocumentID), e.Action, string(detail))
	if err != nil {
		return fmt.Errorf("db: log event %s: %w", e.Action, err)
	}
	return nil
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// EventCount counts log entries with the given action (for tests and the
// admin view).
func (s *Store) EventCount(ctx context.Context, action string) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE action = ?", action).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("db: count events: %w", err)
	}
	return n, nil
}
