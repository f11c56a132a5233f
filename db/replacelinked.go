package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// AcceptWithLinksInGold is CopyWithLinksToGold with gold's labels on the
// span's words checked and replaced as AcceptInGold does: gold's spans
// there of another label (insteadOf, as the reviewer saw them) leave it,
// their links with them, before the span comes in with its links and
// what they reach, all in one transaction. The replacement's log entry
// keeps, beside what AcceptInGold's keeps, the other spans and the links
// the copy put into gold and gold's links it replaced, so UndoReplace
// takes the copy out whole and puts gold back as it was. On a span gold
// holds, or words gold gives no other label, it is CopyWithLinksToGold
// (Event 0).
func (s *Store) AcceptWithLinksInGold(ctx context.Context, doc Document, ref SpanRef, insteadOf []string, by int64) (Span, LinkCopy, LabelReplacement, error) {
	var (
		sp    Span
		added LinkCopy
		rep   LabelReplacement
	)
	if err := ref.requireSeen(); err != nil {
		return sp, added, rep, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rep = LabelReplacement{}
		if err := refuseFinished(ctx, tx, doc.ID, 0); err != nil {
			return err
		}
		if _, err := refSpan(ctx, tx, doc, ref); err != nil {
			return err
		}
		held, err := goldHolds(ctx, tx, doc, ref.Seen)
		if err != nil {
			return err
		}
		var others []Span
		if !held {
			if others, err = otherLabelsInGold(ctx, tx, doc, ref.Seen); err != nil {
				return err
			}
			if err := refuseOtherLabels(ctx, tx, doc, ref.Seen, others, insteadOf); err != nil {
				return err
			}
		}
		if len(others) == 0 {
			sp, added, err = copyWithLinksTx(ctx, tx, doc, ref, by)
			return err
		}
		rep, err = replaceTx(ctx, tx, doc, ref, others, by, func(rep *LabelReplacement) (Span, error) {
			return copyLinkedRecorded(ctx, tx, doc, ref, by, rep, &added)
		})
		sp = spanOf(rep)
		return err
	})
	return sp, added, rep, err
}

// copyLinkedRecorded is copyWithLinksTx recording in rep what it changed
// in gold: the spans and links it made, the main span's aside, and
// gold's links it deleted to make way for them.
func copyLinkedRecorded(ctx context.Context, tx *sql.Tx, doc Document, ref SpanRef, by int64, rep *LabelReplacement, added *LinkCopy) (Span, error) {
	gold, err := layerID(ctx, tx, doc.ID, 0, false)
	if err != nil {
		return Span{}, err
	}
	spansBefore, err := int64s(ctx, tx, "SELECT id FROM spans WHERE layer_id = ?", gold)
	if err != nil {
		return Span{}, err
	}
	relsBefore, err := layerRelations(ctx, tx, gold)
	if err != nil {
		return Span{}, err
	}
	rejectedBefore, err := rejectionsIn(ctx, tx, gold)
	if err != nil {
		return Span{}, err
	}
	if err := tx.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", ref.Owner).Scan(&rep.LinksOf); err != nil {
		return Span{}, fmt.Errorf("db: name of user %d: %w", ref.Owner, err)
	}
	sp, n, err := copyWithLinksTx(ctx, tx, doc, ref, by)
	if err != nil {
		return sp, err
	}
	*added = n
	spansAfter, err := int64s(ctx, tx, "SELECT id FROM spans WHERE layer_id = ?", gold)
	if err != nil {
		return sp, err
	}
	relsAfter, err := layerRelations(ctx, tx, gold)
	if err != nil {
		return sp, err
	}
	for _, id := range spansAfter {
		if id != sp.ID && !slices.Contains(spansBefore, id) {
			rep.Spans = append(rep.Spans, id)
		}
	}
	was := map[int64]bool{}
	for _, r := range relsBefore {
		was[r.ID] = true
	}
	is := map[int64]bool{}
	for _, r := range relsAfter {
		is[r.ID] = true
		if !was[r.ID] {
			rep.Links = append(rep.Links, r.ID)
		}
	}
	for _, r := range relsBefore {
		if !is[r.ID] {
			rep.LinksReplaced = append(rep.LinksReplaced, r)
		}
	}
	// A span the links brought that had been rejected for gold is no
	// longer (the accepted span's own rejection is rep.Unrejected).
	rejectedAfter, err := rejectionsIn(ctx, tx, gold)
	if err != nil {
		return sp, err
	}
	for _, k := range rejectedBefore {
		if !slices.Contains(rejectedAfter, k) && k != ref.Seen {
			rep.Unrejects = append(rep.Unrejects, k)
		}
	}
	return sp, nil
}

// rejectionsIn lists the spans rejected for layer.
func rejectionsIn(ctx context.Context, tx *sql.Tx, layer int64) ([]SpanKey, error) {
	rows, err := tx.QueryContext(ctx, `SELECT label, start, "end" FROM suggestion_rejections WHERE layer_id = ?`, layer)
	if err != nil {
		return nil, fmt.Errorf("db: rejections of layer %d: %w", layer, err)
	}
	defer rows.Close()
	var out []SpanKey
	for rows.Next() {
		var k SpanKey
		if err := rows.Scan(&k.Label, &k.Start, &k.End); err != nil {
			return nil, fmt.Errorf("db: scan rejection: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
