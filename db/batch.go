package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// BatchSpan is a span to create in a batch, named by a reference that the
// batch's relations use.
type BatchSpan struct {
	Ref string
	SpanInput
}

// BatchRelation joins two spans of a batch by reference: a BatchSpan's Ref,
// or the decimal id of a span already in the layer.
type BatchRelation struct {
	Type, From, To string
}

// ApplyBatch creates spans and relations in owner's layer in one
// transaction (accepting suggestions): all of them, or, on any invalid
// one, none. It returns the id given to each reference. A span that
// already exists (same offsets and label) is reused rather than refused,
// so accepting twice is harmless.
func (s *Store) ApplyBatch(ctx context.Context, doc Document, owner, by int64, spans []BatchSpan, rels []BatchRelation) (map[string]int64, error) {
	ids := map[string]int64{}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for i, bs := range spans {
			id, err := existingSpan(ctx, tx, doc, owner, bs.SpanInput)
			if err != nil {
				return err
			}
			if id == 0 {
				sp, err := createSpanTx(ctx, tx, doc, owner, by, bs.SpanInput)
				if err != nil {
					return fmt.Errorf("spans[%d] (%s): %w", i, bs.Ref, err)
				}
				id = sp.ID
			}
			ids[bs.Ref] = id
		}
		for i, br := range rels {
			from, to := ids[br.From], ids[br.To]
			if from == 0 {
				from, _ = strconv.ParseInt(br.From, 10, 64)
			}
			if to == 0 {
				to, _ = strconv.ParseInt(br.To, 10, 64)
			}
			_, err := createRelationTx(ctx, tx, doc, owner, by, RelationInput{Type: br.Type, From: from, To: to})
			if errors.Is(err, ErrConflict) {
				continue // the relation is there already
			}
			if err != nil {
				return fmt.Errorf("relations[%d] (%s %s -> %s): %w", i, br.Type, br.From, br.To, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// existingSpan is the id of an identical span in owner's layer, or 0.
func existingSpan(ctx context.Context, tx *sql.Tx, doc Document, owner int64, in SpanInput) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT s.id FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE l.document_id = ? AND l.owner_id IS ? AND s.start = ? AND s."end" = ? AND s.label = ?`,
		doc.ID, nullID(owner), in.Start, in.End, in.Label).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("db: find span: %w", err)
	}
	return id, nil
}
