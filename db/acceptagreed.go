package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// AgreedAccept is what one bulk accept put into gold, as the log keeps it
// (review.accept-agreed) for taking the accept back as one.
type AgreedAccept struct {
	Event     int64   `json:"-"` // the log entry's id
	By        int64   `json:"-"`
	Spans     []int64 `json:"spans"`
	Relations []int64 `json:"relations"`
	// Batch names the accept across a project this one was part of, one
	// document's share of it (AcceptAgreedInBatch); "" for one document's.
	Batch string `json:"batch,omitempty"`
}

// AcceptAgreed copies into gold, in one transaction, the spans refs name
// that are still agreed as they were read (stillAgreed), and the links
// every layer agrees on: all are in gold afterwards, or (on any error)
// none is added. A span changed between the read and this transaction is
// left out and counted (Changed), not copied as it is now: the caller
// read the agreement, and only that is accepted. Spans gold held already
// are not counted. It logs the ids of the spans and links it put into
// gold, in the same transaction, so UndoAgreedAccept removes exactly
// those; an accept that added nothing logs nothing.
func (s *Store) AcceptAgreed(ctx context.Context, doc Document, refs []SpanRef, by int64) (LinkCopy, error) {
	return s.acceptAgreed(ctx, doc, refs, by, "")
}

// acceptAgreed is AcceptAgreed logging batch with what it put into gold.
func (s *Store) acceptAgreed(ctx context.Context, doc Document, refs []SpanRef, by int64, batch string) (LinkCopy, error) {
	if err := requireSeenAll(refs); err != nil {
		return LinkCopy{}, err
	}
	var n LinkCopy
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if batch != "" {
			open, err := unfinishedLayers(ctx, tx, doc)
			if err != nil || open > 0 {
				n.Changed = len(refs)
				return err
			}
		}
		spans, changed, err := copyAgreedSpansTx(ctx, tx, doc, refs, by)
		if err != nil {
			return err
		}
		made := AgreedAccept{Spans: spans, Batch: batch}
		if made.Relations, err = newGoldRelations(ctx, tx, doc, func() error {
			_, err := copyAgreedLinksTx(ctx, tx, doc, by)
			return err
		}); err != nil {
			return err
		}
		n = LinkCopy{Spans: len(made.Spans), Relations: len(made.Relations), Changed: changed}
		if n.Spans+n.Relations == 0 {
			return nil
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "review.accept-agreed", Detail: made})
	})
	return n, err
}

// newGoldRelations runs add and returns the ids of the relations it put
// into doc's gold: those numbered past the highest before it, as one
// writer numbers them in turn.
func newGoldRelations(ctx context.Context, tx *sql.Tx, doc Document, add func() error) ([]int64, error) {
	var last int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM relations").Scan(&last); err != nil {
		return nil, fmt.Errorf("db: last relation: %w", err)
	}
	if err := add(); err != nil {
		return nil, err
	}
	return int64s(ctx, tx, `SELECT r.id FROM relations r JOIN layers l ON l.id = r.layer_id
		WHERE r.id > ? AND l.document_id = ? AND l.owner_id IS NULL ORDER BY r.id`, last, doc.ID)
}

// int64s runs a query of one integer column.
func int64s(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("db: read ids: %w", err)
	}
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("db: scan id: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// LastAgreedAccept is by's latest bulk accept on doc not yet taken back:
// what "Undo this accept" offers. ErrNotFound when there is none.
func (s *Store) LastAgreedAccept(ctx context.Context, doc Document, by int64) (AgreedAccept, error) {
	var a AgreedAccept
	var detail string
	err := s.r.QueryRowContext(ctx, `SELECT e.id, e.detail FROM events e WHERE e.document_id = ? AND e.user_id = ?
		AND e.action = 'review.accept-agreed' AND NOT EXISTS (SELECT 1 FROM events u WHERE u.document_id = e.document_id
		  AND u.action = 'review.undo-accept' AND json_extract(u.detail, '$.accept') = e.id)
		ORDER BY e.id DESC LIMIT 1`, doc.ID, by).Scan(&a.Event, &detail)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("no accept to take back on document %d: %w", doc.ID, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("db: last accept on document %d: %w", doc.ID, err)
	}
	a.By = by
	if err := json.Unmarshal([]byte(detail), &a); err != nil {
		return a, fmt.Errorf("db: accept %d: %w", a.Event, err)
	}
	return a, nil
}

// UndoAgreedAccept takes back, in one transaction, the bulk accept logged
// as event: it removes from doc's gold the links it made and the spans it
// copied, each removal logged, and logs review.undo-accept. It is
// refused (ErrConflict, nothing removed) when the accept is another
// user's, was taken back already, or when gold changed since in a way
// that removing them would lose: one of its spans edited or removed, or
// linked anew (a link made by hand would go with it). Its links removed
// since are left gone.
func (s *Store) UndoAgreedAccept(ctx context.Context, doc Document, by, event int64) (LinkCopy, error) {
	var n LinkCopy
	err := s.tx(ctx, func(tx *sql.Tx) error {
		a, err := agreedAcceptTx(ctx, tx, doc, by, event)
		if err != nil {
			return err
		}
		if err := refuseFinished(ctx, tx, doc.ID, 0); err != nil {
			return err
		}
		if err := refuseTouchedSince(ctx, tx, doc, a); err != nil {
			return err
		}
		n = LinkCopy{}
		made := make(map[int64]bool, len(a.Relations))
		for _, id := range a.Relations {
			made[id] = true
		}
		if n.Relations, err = deleteGoldLinks(ctx, tx, doc, by, func([]Relation) func(Relation) bool {
			return func(r Relation) bool { return made[r.ID] }
		}); err != nil {
			return err
		}
		doc = doc.withIndex()
		for _, id := range a.Spans {
			if _, err := deleteSpanTx(ctx, tx, doc, 0, by, id); err != nil {
				return err
			}
		}
		n.Spans = len(a.Spans)
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "review.undo-accept",
			Detail: map[string]any{"accept": event, "spans": n.Spans, "relations": n.Relations}})
	})
	return n, err
}

// agreedAcceptTx reads the bulk accept logged as event on doc, refusing
// one by another user or taken back already.
func agreedAcceptTx(ctx context.Context, tx *sql.Tx, doc Document, by, event int64) (AgreedAccept, error) {
	a := AgreedAccept{Event: event}
	entry := loggedUndoable{Action: "review.accept-agreed", UndoAction: "review.undo-accept", UndoKey: "accept",
		Missing: func() error { return notFound("undo", "no accept of agreed spans %d on this document", event) },
		Others:  "that accept was another reviewer's: only who made an accept takes it back as one; remove its spans one by one"}
	var err error
	a.By, err = entry.read(ctx, tx, doc, by, event, &a)
	return a, err
}

// loggedUndoable is a review action in the log that its maker may take
// back once: its action, the action of its undo and the key under which
// the undo's detail names it; Missing is the refusal when event is no
// such entry on the document, Others when another user made it.
type loggedUndoable struct {
	Action, UndoAction, UndoKey string
	Missing                     func() error
	Others                      string
}

// read reads the entry logged as event on doc into detail (its JSON) and
// returns who made it, refusing one by another user than by or taken
// back already.
func (l loggedUndoable) read(ctx context.Context, tx *sql.Tx, doc Document, by, event int64, detail any) (int64, error) {
	var maker int64
	var raw string
	var undone bool
	err := tx.QueryRowContext(ctx, `SELECT e.user_id, e.detail, EXISTS (SELECT 1 FROM events u WHERE u.document_id = e.document_id
		  AND u.action = ? AND json_extract(u.detail, '$.' || ?) = e.id)
		FROM events e WHERE e.id = ? AND e.document_id = ? AND e.action = ?`, l.UndoAction, l.UndoKey, event, doc.ID, l.Action).Scan(&maker, &raw, &undone)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, l.Missing()
	}
	if err != nil {
		return 0, fmt.Errorf("db: %s %d: %w", l.Action, event, err)
	}
	switch {
	case maker != by:
		return maker, conflict("%s", l.Others)
	case undone:
		return maker, conflict("that accept was taken back already")
	}
	if err := json.Unmarshal([]byte(raw), detail); err != nil {
		return maker, fmt.Errorf("db: %s %d: %w", l.Action, event, err)
	}
	return maker, nil
}

// refuseTouchedSince is ErrConflict when, after accept a, gold's log
// shows one of its spans edited or removed, or linked anew: taking the
// accept back would then undo work done since.
func refuseTouchedSince(ctx context.Context, tx *sql.Tx, doc Document, a AgreedAccept) error {
	touched, first, err := touchedSince(ctx, tx, doc, a.Event, a.Spans)
	if err != nil || touched == 0 {
		return err
	}
	what := fmt.Sprintf("span %d", first)
	if sp, err := spanByID(ctx, tx, doc, first); err == nil {
		what = fmt.Sprintf("%s %d–%d", sp.Label, sp.Start, sp.End)
	}
	if touched == 1 {
		return conflict("gold changed since that accept: one of the spans it put into gold (%s) has been edited, removed or linked since; take the others out one by one with Remove", what)
	}
	return conflict("gold changed since that accept: %d of the spans it put into gold (%s first) have been edited, removed or linked since; take the others out one by one with Remove", touched, what)
}

// touchedSince counts the spans of ids that doc's log shows edited,
// removed or linked anew after event, and names the first of them.
func touchedSince(ctx context.Context, tx *sql.Tx, doc Document, event int64, ids []int64) (int, int64, error) {
	spans, err := json.Marshal(ids)
	if err != nil {
		return 0, 0, fmt.Errorf("db: encode the spans of event %d: %w", event, err)
	}
	var touched int
	var first sql.NullInt64
	err = tx.QueryRowContext(ctx, `WITH mine AS (SELECT value AS id FROM json_each(:spans)),
		later AS (SELECT action, detail FROM events WHERE document_id = :doc AND id > :event
		  AND action IN ('span.update', 'span.delete', 'relation.create')),
		hit AS (
		  SELECT json_extract(detail, '$.id') AS id FROM later WHERE action = 'span.delete'
		  UNION SELECT json_extract(detail, '$.before.id') FROM later WHERE action = 'span.update'
		  UNION SELECT json_extract(detail, '$.from') FROM later WHERE action = 'relation.create'
		  UNION SELECT json_extract(detail, '$.to') FROM later WHERE action = 'relation.create')
		SELECT count(*), min(id) FROM hit WHERE id IN (SELECT id FROM mine)`,
		sql.Named("spans", string(spans)), sql.Named("doc", doc.ID), sql.Named("event", event)).Scan(&touched, &first)
	if err != nil {
		return 0, 0, fmt.Errorf("db: changes since event %d: %w", event, err)
	}
	return touched, first.Int64, nil
}
