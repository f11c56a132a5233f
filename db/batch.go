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

// BatchResult is what ApplyBatch did: the id given to each reference, and
// the spans and relations it created (not those the layer already had),
// which is what undoing the batch must delete.
type BatchResult struct {
	IDs       map[string]int64
	Spans     []Span
	Relations []Relation
}

// ApplyBatch creates spans and relations in owner's layer in one
// transaction (accepting suggestions): all of them, or, on any invalid
// one, none. A span that already exists (same offsets and label) is
// reused rather than refused, and a relation already there is skipped, so
// accepting twice is harmless.
func (s *Store) ApplyBatch(ctx context.Context, doc Document, owner, by int64, spans []BatchSpan, rels []BatchRelation) (BatchResult, error) {
	doc = doc.withIndex() // every span of the batch is checked against the text
	res := BatchResult{IDs: map[string]int64{}, Spans: []Span{}, Relations: []Relation{}}
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
				res.Spans = append(res.Spans, sp)
			}
			res.IDs[bs.Ref] = id
		}
		for i, br := range rels {
			from, err := batchRef(res.IDs, br.From)
			if err != nil {
				return fmt.Errorf("relations[%d]: %w", i, err)
			}
			to, err := batchRef(res.IDs, br.To)
			if err != nil {
				return fmt.Errorf("relations[%d]: %w", i, err)
			}
			r, err := createRelationTx(ctx, tx, doc, owner, by, RelationInput{Type: br.Type, From: from, To: to})
			if errors.Is(err, ErrConflict) {
				continue // the relation is there already
			}
			if err != nil {
				return fmt.Errorf("relations[%d] (%s %s -> %s): %w", i, br.Type, br.From, br.To, err)
			}
			res.Relations = append(res.Relations, r)
		}
		return nil
	})
	if err != nil {
		return BatchResult{}, err
	}
	return res, nil
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
