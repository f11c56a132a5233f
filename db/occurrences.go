package db

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"hashiya/offsets"
)

// MaxOccurrences is the most places one LabelOccurrences labels: a
// name stands far fewer times in any document, and the spans are made
// in one write transaction, which every other save waits for.
const MaxOccurrences = 5000

// LabelOccurrences gives every other whole-word occurrence of a span's
// text (offsets.Occurrences) the span's label, in the span's layer, in one
// transaction, and returns the spans it made: "this name is PER wherever
// it appears". An occurrence that already has a span of the same extent,
// whatever its label, or that overlaps a span with the same label, is
// left alone: the annotator has decided it already. Attributes are not
// copied; they describe the one span. More than MaxOccurrences places to
// label are refused, and nothing is made.
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
		places := undecided(taken, offsets.Occurrences(doc.Text, sp.Text), sp.Label)
		if len(places) > MaxOccurrences {
			return invalid("span", "%q stands in %d more places, more than the %d one request labels: label it where it matters",
				sp.Text, len(places), MaxOccurrences)
		}
		w, err := newSpanWriter(ctx, tx, doc, owner, by, sp.Label)
		if err != nil {
			return err
		}
		defer w.Close()
		for _, o := range places {
			n, err := w.add(ctx, o[0], o[1])
			if err != nil {
				return fmt.Errorf("occurrence at %d..%d: %w", o[0], o[1], err)
			}
			made = append(made, n)
		}
		return w.Close()
	})
	if err != nil {
		return nil, err
	}
	return made, nil
}

// undecided keeps the places (in text order, as offsets.Occurrences
// gives them) that have no span of their own extent among spans, lie
// across or inside none labelled label, and overlap no place kept
// before them, which would be labelled too: whole-word occurrences of a
// text with a space in it may overlap.
func undecided(spans []Span, places [][2]int, label string) [][2]int {
	extent := make(map[[2]int]bool, len(spans))
	var same []Span // label's spans, by start
	for _, sp := range spans {
		extent[[2]int{sp.Start, sp.End}] = true
		if sp.Label == label {
			same = append(same, sp)
		}
	}
	slices.SortFunc(same, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	reach := make([]int, len(same)) // reach[i]: the furthest end among same[:i+1]
	for i, sp := range same {
		reach[i] = sp.End
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	var kept [][2]int
	for _, o := range places {
		// the spans starting before o ends: one reaching past o's start overlaps it
		n, _ := slices.BinarySearchFunc(same, o[1], func(sp Span, end int) int { return cmp.Compare(sp.Start, end) })
		overlaps := n > 0 && reach[n-1] > o[0]
		if extent[o] || overlaps || len(kept) > 0 && kept[len(kept)-1][1] > o[0] {
			continue
		}
		kept = append(kept, o)
	}
	return kept
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
