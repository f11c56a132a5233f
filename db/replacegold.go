package db

import (
	"context"
	"database/sql"
	"fmt"
)

// ReplaceInGold is CopySeenToGold of a span whose words gold gives
// another label: gold's spans of the same start and end and another
// label leave it in the same transaction, as a reviewer choosing one
// annotator's label over another's means (INCEpTION's curation keeps one
// label a place too). A replaced span holding links is refused with
// ErrConflict, changing nothing, since its links would go with it
// unasked. It returns the copy and the labels it replaced, each removal
// logged as a deletion of its own.
func (s *Store) ReplaceInGold(ctx context.Context, doc Document, ref SpanRef, by int64) (Span, []string, error) {
	if err := ref.requireSeen(); err != nil {
		return Span{}, nil, err
	}
	var sp Span
	var replaced []string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		others, err := otherLabelsInGold(ctx, tx, doc, ref.Seen)
		if err != nil {
			return err
		}
		for _, o := range others {
			if o.links > 0 {
				return conflict("%s in gold on %d–%d has %s: remove it from gold first, its links with it", o.label, ref.Seen.Start, ref.Seen.End, howMany(o.links, "link"))
			}
			if _, err := deleteSpanTx(ctx, tx, doc, 0, by, o.id); err != nil {
				return err
			}
			replaced = append(replaced, o.label)
		}
		sp, _, err = copyToGoldTx(ctx, tx, doc, ref, by)
		return err
	})
	if err != nil {
		return Span{}, nil, err
	}
	return sp, replaced, nil
}

// goldOther is a span of gold on the words of another label, with how
// many links it is an end of.
type goldOther struct {
	id    int64
	label string
	links int
}

func otherLabelsInGold(ctx context.Context, tx *sql.Tx, doc Document, key SpanKey) ([]goldOther, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.label,
		  (SELECT count(*) FROM relations r WHERE r.from_span = s.id OR r.to_span = s.id)
		FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE l.document_id = ? AND l.owner_id IS NULL AND s.start = ? AND s."end" = ? AND s.label <> ?
		ORDER BY s.id`, doc.ID, key.Start, key.End, key.Label)
	if err != nil {
		return nil, fmt.Errorf("db: gold's other labels on %d–%d: %w", key.Start, key.End, err)
	}
	defer rows.Close()
	var out []goldOther
	for rows.Next() {
		var o goldOther
		if err := rows.Scan(&o.id, &o.label, &o.links); err != nil {
			return nil, fmt.Errorf("db: gold's other labels on %d–%d: %w", key.Start, key.End, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
