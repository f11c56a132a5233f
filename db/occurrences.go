package db

import (
	"context"
	"database/sql"
	"fmt"

	"hashiya/offsets"
)

// LabelOccurrences gives every other whole-word occurrence of a span's
// text (offsets.Occurrences) the span's label, in the span's layer, in one
// transaction, and returns the spans it made: "this name is PER wherever
// it appears". An occurrence that already has a span of the same extent,
// whatever its label, or that overlaps a span with the same label, is
// left alone: the annotator has decided it already. Attributes are not
// copied; they describe the one span.
func (s *Store) LabelOccurrences(ctx context.Context, doc Document, owner, by, spanID int64) ([]Span, error) {
	made := []Span{}
	doc = doc.withIndex() // each occurrence is checked against the text
	err := s.tx(ctx, func(tx *sql.Tx) error {
		sp, layer, err := ownedSpan(ctx, tx, doc, owner, spanID)
		if err != nil {
			return err
		}
		taken, err := layerExtents(ctx, tx, layer)
		if err != nil {
			return err
		}
		for _, o := range offsets.Occurrences(doc.Text, sp.Text) {
			if decided(taken, o[0], o[1], sp.Label) {
				continue
			}
			n, err := createSpanTx(ctx, tx, doc, owner, by, SpanInput{Start: o[0], End: o[1], Label: sp.Label})
			if err != nil {
				return fmt.Errorf("occurrence at %d..%d: %w", o[0], o[1], err)
			}
			made = append(made, n)
			taken = append(taken, n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return made, nil
}

// layerExtents loads where each span of a layer lies and its label.
func layerExtents(ctx context.Context, tx *sql.Tx, layer int64) ([]Span, error) {
	rows, err := tx.QueryContext(ctx, `SELECT start, "end", label FROM spans WHERE layer_id = ?`, layer)
	if err != nil {
		return nil, fmt.Errorf("db: spans of layer %d: %w", layer, err)
	}
	defer rows.Close()
	var out []Span
	for rows.Next() {
		var sp Span
		if err := rows.Scan(&sp.Start, &sp.End, &sp.Label); err != nil {
			return nil, fmt.Errorf("db: scan span: %w", err)
		}
		out = append(out, sp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: spans of layer %d: %w", layer, err)
	}
	return out, nil
}

// decided is true when start..end already has a span of its own extent,
// or lies across or inside one labelled label.
func decided(spans []Span, start, end int, label string) bool {
	for _, sp := range spans {
		if sp.Start == start && sp.End == end || sp.Label == label && sp.Start < end && start < sp.End {
			return true
		}
	}
	return false
}
