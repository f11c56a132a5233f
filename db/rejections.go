package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hashiya/offsets"
)

// SpanKey names a suggested span by its label and offsets: suggestions
// have no ids of their own that outlive a request.
type SpanKey struct {
	Label string `json:"label"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Rejections lists the suggestions rejected in owner's layer of doc.
func (s *Store) Rejections(ctx context.Context, doc Document, owner int64) (map[SpanKey]bool, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT r.label, r.start, r."end" FROM suggestion_rejections r
		JOIN layers l ON l.id = r.layer_id WHERE l.document_id = ? AND l.owner_id IS ?`, doc.ID, nullID(owner))
	if err != nil {
		return nil, fmt.Errorf("db: load rejections of document %d: %w", doc.ID, err)
	}
	defer rows.Close()
	out := map[SpanKey]bool{}
	for rows.Next() {
		var k SpanKey
		if err := rows.Scan(&k.Label, &k.Start, &k.End); err != nil {
			return nil, fmt.Errorf("db: scan rejection: %w", err)
		}
		out[k] = true
	}
	return out, rows.Err()
}

// RejectSuggestions records suggested spans as rejected in owner's layer
// of doc, so they are not proposed again; rejecting one twice is harmless.
// A finished layer refuses (ErrConflict) like any other write.
func (s *Store) RejectSuggestions(ctx context.Context, doc Document, owner, by int64, keys []SpanKey) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := refuseFinished(ctx, tx, doc.ID, owner); err != nil {
			return err
		}
		idx := offsets.NewIndex(doc.Text)
		for i, k := range keys {
			if err := idx.Check(k.Start, k.End); err != nil {
				return invalid(fmt.Sprintf("ids[%d]", i), "%v", err)
			}
		}
		layer, err := layerID(ctx, tx, doc.ID, owner, true)
		if err != nil {
			return err
		}
		// A suggestion rejected already (in another tab, say) is not
		// rejected again: the log says what changed, nothing twice.
		var added []SpanKey
		for _, k := range keys {
			res, err := tx.ExecContext(ctx, `INSERT INTO suggestion_rejections (layer_id, label, start, "end", created_by)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, layer, k.Label, k.Start, k.End, by)
			if err != nil {
				return fmt.Errorf("db: reject suggestion: %w", err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("db: reject suggestion: %w", err)
			} else if n > 0 {
				added = append(added, k)
			}
		}
		if len(added) == 0 {
			return nil
		}
		if err := touchLayer(ctx, tx, layer); err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "suggestion.reject", Detail: added})
	})
}

// RestoreSuggestions forgets every rejection in owner's layer of doc and
// says how many there were.
func (s *Store) RestoreSuggestions(ctx context.Context, doc Document, owner, by int64) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		layer, err := layerID(ctx, tx, doc.ID, owner, false)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := touchLayer(ctx, tx, layer); err != nil {
			return err
		}
		if n, err = execCount(ctx, tx, "restore suggestions", "DELETE FROM suggestion_rejections WHERE layer_id = ?", layer); err != nil || n == 0 {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "suggestion.restore", Detail: map[string]any{"count": n}})
	})
	return n, err
}

// RejectForGold records a reviewer's decision that the span key is not to
// be in gold (reject true), or takes that decision back (false): the
// review page then shows the span decided rather than waiting. It is kept
// with gold's rejected suggestions, which it is too: a span decided
// against is not proposed for gold again. Gold holding the span refuses
// a rejection (ErrConflict: remove it from gold first), as does a
// finished gold layer; taking back a decision never made is ErrNotFound.
// Rejecting a span rejected already changes nothing and logs nothing.
func (s *Store) RejectForGold(ctx context.Context, doc Document, by int64, key SpanKey, reject bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := refuseFinished(ctx, tx, doc.ID, 0); err != nil {
			return err
		}
		if err := offsets.NewIndex(doc.Text).Check(key.Start, key.End); err != nil {
			return invalid("start/end", "%v", err)
		}
		layer, err := layerID(ctx, tx, doc.ID, 0, true)
		if err != nil {
			return err
		}
		action, changed := "review.reject", false
		if reject {
			changed, err = rejectForGoldTx(ctx, tx, doc, layer, by, key)
		} else {
			action = "review.unreject"
			changed, err = unrejectForGoldTx(ctx, tx, layer, key)
		}
		if err != nil || !changed {
			return err
		}
		if err := touchLayer(ctx, tx, layer); err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: action, Detail: key})
	})
}

// rejectForGoldTx records key as rejected in gold's layer, and says
// whether it was not already: a second Reject (two tabs, a form sent
// twice) is no change, and no change is logged.
func rejectForGoldTx(ctx context.Context, tx *sql.Tx, doc Document, layer, by int64, key SpanKey) (bool, error) {
	// Only a span some layer holds is there to decide on: one user's
	// layer at least, and not gold.
	var users, gold int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE l.owner_id IS NOT NULL), count(*) FILTER (WHERE l.owner_id IS NULL)
		FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE l.document_id = ? AND s.start = ? AND s."end" = ? AND s.label = ?`,
		doc.ID, key.Start, key.End, key.Label).Scan(&users, &gold); err != nil {
		return false, fmt.Errorf("db: find span %s %d-%d: %w", key.Label, key.Start, key.End, err)
	}
	if gold > 0 {
		return false, conflict("gold holds %s %d-%d: remove it from gold to reject it", key.Label, key.Start, key.End)
	}
	if users == 0 {
		return false, fmt.Errorf("no layer of document %d holds %s %d-%d: %w", doc.ID, key.Label, key.Start, key.End, ErrNotFound)
	}
	n, err := execCount(ctx, tx, "reject span for gold", `INSERT INTO suggestion_rejections (layer_id, label, start, "end", created_by)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, layer, key.Label, key.Start, key.End, by)
	return n > 0, err
}

// unrejectForGoldTx takes back the rejection of key in gold's layer; one
// never made (or taken back already) is ErrNotFound, which changes
// nothing.
func unrejectForGoldTx(ctx context.Context, tx *sql.Tx, layer int64, key SpanKey) (bool, error) {
	n, err := execCount(ctx, tx, "take back a rejection", `DELETE FROM suggestion_rejections
		WHERE layer_id = ? AND label = ? AND start = ? AND "end" = ?`, layer, key.Label, key.Start, key.End)
	if err != nil {
		return false, err
	}
	if n == 0 {
		return false, fmt.Errorf("%s %d-%d was not rejected for gold: %w", key.Label, key.Start, key.End, ErrNotFound)
	}
	return true, nil
}
