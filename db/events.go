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
	// Layer is the id of the layer a span or relation event changed, or
	// one of those an import wrote (all of one owner); the log records its
	// owner's name ("gold" or a user name) in the detail's "layer", so a
	// reviewer's change to gold and an annotator's own work read apart.
	Layer int64
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
	if e.Layer != 0 {
		return logLayerEvent(ctx, tx, e, detail)
	}
	_, err = tx.ExecContext(ctx,
		"INSERT INTO events (user_id, project_id, document_id, action, detail) VALUES (?, ?, ?, ?, ?)",
		nullID(e.UserID), nullID(e.ProjectID), nullID(e.DocumentID), e.Action, string(detail))
	if err != nil {
		return fmt.Errorf("db: log event %s: %w", e.Action, err)
	}
	return nil
}

// logLayerEvent logs an event with the name of its layer's owner first in
// its detail, a JSON object, as "layer": "gold" for the gold layer (owner
// NULL), else the user's name (no user may be called gold). The INSERT
// looks the name up itself rather than a query before it, as every span
// save logs one and a bulk accept thousands. json_quote writes the JSON
// value encoding/json did; the bytes differ only for <, >, &, U+2028 and
// U+2029 in a name, which it leaves unescaped: escaping them in SQL too
// cost more than the query saved, SQLite compiling each statement anew.
func logLayerEvent(ctx context.Context, tx *sql.Tx, e Event, detail []byte) error {
	args, err := layerEventArgs(e, detail)
	if err != nil {
		return err
	}
	r, err := tx.ExecContext(ctx, layerEventSQL, args...)
	return layerEventLogged(e, r, err)
}

// layerEventSQL inserts an event naming its layer's owner (logLayerEvent).
const layerEventSQL = `INSERT INTO events (user_id, project_id, document_id, action, detail)
	SELECT ?, ?, ?, ?, '{"layer":' || json_quote(coalesce(u.name, 'gold')) || ?
	FROM layers l LEFT JOIN users u ON u.id = l.owner_id WHERE l.id = ?`

// layerEventArgs are layerEventSQL's arguments for e and its detail.
func layerEventArgs(e Event, detail []byte) ([]any, error) {
	if len(detail) < 2 || detail[0] != '{' {
		return nil, fmt.Errorf("db: log event %s: add the layer to %s: the detail is not a JSON object", e.Action, detail)
	}
	rest := "}" // what follows the layer: nothing more, or the detail's fields
	if string(detail) != "{}" {
		rest = "," + string(detail[1:])
	}
	return []any{nullID(e.UserID), nullID(e.ProjectID), nullID(e.DocumentID), e.Action, rest, e.Layer}, nil
}

// layerEventLogged checks that layerEventSQL logged e.
func layerEventLogged(e Event, r sql.Result, err error) error {
	if err != nil {
		return fmt.Errorf("db: log event %s: %w", e.Action, err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return fmt.Errorf("db: log event %s: %w", e.Action, err)
	}
	// A layer that is not there selects no row, so nothing is logged:
	// refused, as the change it would have logged must be.
	if n != 1 {
		return fmt.Errorf("db: log event %s: name the owner of layer %d: %w", e.Action, e.Layer, sql.ErrNoRows)
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

// LoggedEvent is an entry of the change log as the activity page shows
// it: who, when, on which document, what.
type LoggedEvent struct {
	ID         int64
	At         string
	User       string
	DocumentID int64
	Document   string // the document's external id
	Action     string
	Detail     json.RawMessage
}

// EventFilter narrows a project's log to the changes one user made
// (User, a user name) and to those on one document (Document, its
// external id); "" keeps every one.
type EventFilter struct{ User, Document string }

// ProjectEvents lists a project's log newest first: at most limit entries
// older than the entry before (0 for the newest) that pass f. A name or
// id that matches nothing lists nothing, so the filter says no more about
// users outside the project than an empty list does.
func (s *Store) ProjectEvents(ctx context.Context, projectID, before int64, limit int, f EventFilter) ([]LoggedEvent, error) {
	q, args := projectEventsQuery(projectID, before, limit, f)
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("db: list events of project %d: %w", projectID, err)
	}
	defer rows.Close()
	out := []LoggedEvent{}
	for rows.Next() {
		var e LoggedEvent
		var detail string
		if err := rows.Scan(&e.ID, &e.At, &e.User, &e.DocumentID, &e.Document, &e.Action, &detail); err != nil {
			return nil, fmt.Errorf("db: scan event: %w", err)
		}
		e.Detail = json.RawMessage(detail)
		out = append(out, e)
	}
	return out, rows.Err()
}

// projectEventsQuery is ProjectEvents' query with only the conditions
// before and f set: SQLite plans a query before it sees its arguments, so
// a condition written to hold when its argument is empty (the argument
// compared with the empty string, OR the test) can use no index. Filtered
// by user, it reads that user's events of the project newest first from
// events_user, not every event of the project until limit of theirs turn
// up.
func projectEventsQuery(projectID, before int64, limit int, f EventFilter) (string, []any) {
	q := `SELECT e.id, e.at, coalesce(u.name, ''), coalesce(e.document_id, 0),
		coalesce(d.external_id, ''), e.action, e.detail
		FROM events e LEFT JOIN users u ON u.id = e.user_id LEFT JOIN documents d ON d.id = e.document_id
		WHERE `
	// Filtered by document alone, the project's own index would serve as
	// well as the document's to SQLite's eye, and it reads the whole
	// project's log; a unary + keeps the project out of index choice.
	if f.Document != "" && f.User == "" {
		q += "+"
	}
	q += "e.project_id = ?"
	args := []any{projectID}
	if before != 0 {
		q += " AND e.id < ?"
		args = append(args, before)
	}
	if f.User != "" {
		// No user of that name: NULL, which no user_id equals.
		q += " AND e.user_id = (SELECT id FROM users WHERE name = ?)"
		args = append(args, f.User)
	}
	if f.Document != "" {
		// As for the user: the document's id, so events_document serves.
		q += " AND e.document_id = (SELECT id FROM documents WHERE project_id = ? AND external_id = ?)"
		args = append(args, projectID, f.Document)
	}
	return q + " ORDER BY e.id DESC LIMIT ?", append(args, limit)
}
