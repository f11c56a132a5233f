package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// OwnedLayer is a user's layer of a document with its owner's name.
type OwnedLayer struct {
	Name string
	Layer
}

// UserLayers loads every user's layer of doc (gold is not one: LayerOf
// with owner 0), by owner name. Callers show them to reviewers only.
func (s *Store) UserLayers(ctx context.Context, doc Document) ([]OwnedLayer, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT l.owner_id, u.name FROM layers l JOIN users u ON u.id = l.owner_id
		WHERE l.document_id = ? ORDER BY u.name`, doc.ID)
	if err != nil {
		return nil, fmt.Errorf("db: layers of document %d: %w", doc.ID, err)
	}
	type owner struct {
		id   int64
		name string
	}
	var owners []owner
	for rows.Next() {
		var o owner
		if err := rows.Scan(&o.id, &o.name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("db: scan layer owner: %w", err)
		}
		owners = append(owners, o)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("db: layers of document %d: %w", doc.ID, err)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: layers of document %d: %w", doc.ID, err)
	}
	out := make([]OwnedLayer, 0, len(owners))
	for _, o := range owners {
		l, err := s.LayerOf(ctx, doc, o.id)
		if err != nil {
			return nil, err
		}
		out = append(out, OwnedLayer{Name: o.name, Layer: l})
	}
	return out, nil
}

// CopyToGold puts into the gold layer a copy of span spanID of user
// from's layer, made by by: its offsets (as they are), label and
// attributes. A span gold already holds (the same offsets and label) is
// not copied again: CopyToGold returns gold's own, and copied is false.
func (s *Store) CopyToGold(ctx context.Context, doc Document, from, spanID, by int64) (sp Span, copied bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT s.id FROM spans s JOIN layers l ON l.id = s.layer_id
			WHERE s.id = ? AND l.document_id = ? AND l.owner_id = ?`, spanID, doc.ID, from).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("span %d is not in that layer of document %d: %w", spanID, doc.ID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("db: find span %d: %w", spanID, err)
		}
		src, err := spanByID(ctx, tx, doc, id)
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT s.id FROM spans s JOIN layers l ON l.id = s.layer_id
			WHERE l.document_id = ? AND l.owner_id IS NULL AND s.start = ? AND s."end" = ? AND s.label = ?`,
			doc.ID, src.Start, src.End, src.Label).Scan(&id)
		switch {
		case err == nil:
			sp, err = spanByID(ctx, tx, doc, id)
			return err
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("db: find span in gold: %w", err)
		}
		var attrs map[string]any
		if err := json.Unmarshal(src.Attributes, &attrs); err != nil {
			return fmt.Errorf("db: attributes of span %d: %w", spanID, err)
		}
		sp, err = insertSpanTx(ctx, tx, doc, 0, by, SpanInput{Start: src.Start, End: src.End, Label: src.Label, Attributes: attrs}, false)
		copied = err == nil
		return err
	})
	return sp, copied, err
}
