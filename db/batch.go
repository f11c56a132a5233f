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
		if err := refuseFinished(ctx, tx, doc.ID, owner); err != nil {
			return err // before the loop below takes a conflict for a relation already there
		}
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
			from, err := batchRef(ids, br.From)
			if err != nil {
				return fmt.Errorf("relations[%d]: %w", i, err)
			}
			to, err := batchRef(ids, br.To)
			if err != nil {
				return fmt.Errorf("relations[%d]: %w", i, err)
			}
			_, err = createRelationTx(ctx, tx, doc, owner, by, RelationInput{Type: br.Type, From: from, To: to})
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

// batchRef resolves a relation end: a span of the batch by its reference,
// or a span already in the layer by its decimal id.
func batchRef(ids map[string]int64, ref string) (int64, error) {
	if id, ok := ids[ref]; ok {
		return id, nil
	}
	id, err := strconv.ParseInt(ref, 10, 64)
	if err != nil {
		return 0, invalid("relations", "%q is neither a span of the batch nor a span id", ref)
	}
	return id, nil
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
