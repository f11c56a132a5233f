package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// eventRows is how many events one INSERT of logBatch writes.
const eventRows = 500

// logBatch logs events, in order, each as logLayerEvent would, all of
// them by one user on one document and layer, eventRows of them an
// INSERT: one statement an event held the write lock of a bulk delete
// longer than everything else it does.
func logBatch(ctx context.Context, tx *sql.Tx, events []Event) (err error) {
	var full *sql.Stmt // the INSERT of eventRows events, compiled once
	defer func() {
		if full != nil {
			if cerr := full.Close(); cerr != nil {
				err = errors.Join(err, fmt.Errorf("db: close event log: %w", cerr))
			}
		}
	}()
	for len(events) > 0 {
		part := events[:min(eventRows, len(events))]
		events = events[len(part):]
		args, err := batchArgs(part)
		if err != nil {
			return err
		}
		var r sql.Result
		if len(part) < eventRows {
			r, err = tx.ExecContext(ctx, batchEventSQL(len(part)), args...)
		} else {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, batchEventSQL(eventRows)); err != nil {
					return fmt.Errorf("db: prepare event log: %w", err)
				}
			}
			r, err = full.ExecContext(ctx, args...)
		}
		if err := batchLogged(part, r, err); err != nil {
			return err
		}
	}
	return nil
}

// batchEventSQL inserts n events as layerEventSQL inserts one, in the
// order of their first column: its arguments are the user, project and
// document, then each event's number, action and detail after the layer
// (layerEventArgs), then the layer.
func batchEventSQL(n int) string {
	return `INSERT INTO events (user_id, project_id, document_id, action, detail)
	SELECT ?, ?, ?, v.column2, '{"layer":' || json_quote(coalesce(u.name, 'gold')) || v.column3
	FROM (VALUES ` + strings.Repeat("(?, ?, ?), ", n-1) + `(?, ?, ?)) v, layers l LEFT JOIN users u ON u.id = l.owner_id
	WHERE l.id = ? ORDER BY v.column1`
}

// batchArgs are batchEventSQL's arguments for part, whose events share
// the first one's user, project, document and layer.
func batchArgs(part []Event) ([]any, error) {
	head := part[0]
	args := make([]any, 0, 3*len(part)+4)
	args = append(args, nullID(head.UserID), nullID(head.ProjectID), nullID(head.DocumentID))
	for k, e := range part {
		if e.UserID != head.UserID || e.ProjectID != head.ProjectID || e.DocumentID != head.DocumentID || e.Layer != head.Layer {
			return nil, fmt.Errorf("db: log event %s: not by the user on the document and layer of the batch's first (%s)", e.Action, head.Action)
		}
		detail, err := json.Marshal(e.Detail)
		if err != nil {
			return nil, fmt.Errorf("db: encode event %s: %w", e.Action, err)
		}
		one, err := layerEventArgs(e, detail)
		if err != nil {
			return nil, err
		}
		args = append(args, k, one[3], one[4])
	}
	return append(args, head.Layer), nil
}

// batchLogged checks that batchEventSQL logged every event of part.
func batchLogged(part []Event, r sql.Result, err error) error {
	if err != nil {
		return fmt.Errorf("db: log %d events from %s: %w", len(part), part[0].Action, err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return fmt.Errorf("db: log %d events from %s: %w", len(part), part[0].Action, err)
	}
	// A layer that is not there selects no row: refused, as in
	// layerEventLogged.
	if n != int64(len(part)) {
		return fmt.Errorf("db: log %d events from %s: name the owner of layer %d: %w", len(part), part[0].Action, part[0].Layer, sql.ErrNoRows)
	}
	return nil
}
