package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// Unreplaced is what UndoReplace did: the replacement taken back, the
// spans it put back into gold (new ids, the same offsets, labels and
// attributes), how many of their links it made again, and how many it
// could not, their other end having left gold since.
type Unreplaced struct {
	LabelReplacement
	Restored []Span
	Links    int
	Lost     int
}

// UndoReplace takes back, in one transaction, the replacement logged as
// event (AcceptInGold, AcceptWithLinksInGold): the span it copied leaves
// gold, with the links and spans its links brought, the spans it
// replaced come back with their links (those whose other end gold still
// holds), so do gold's links the copy replaced, and a rejection it took
// back is made again, each change logged as it is made, then
// review.undo-replace. It is refused (ErrConflict, nothing changed) when
// the replacement is another user's or taken back already, when gold is
// finished, or when a span it copied was edited, removed or linked
// since: taking it out would undo work done since.
func (s *Store) UndoReplace(ctx context.Context, doc Document, by, event int64) (Unreplaced, error) {
	var un Unreplaced
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rep, err := replacementTx(ctx, tx, doc, by, event)
		if err != nil {
			return err
		}
		un = Unreplaced{LabelReplacement: rep}
		if err := refuseFinished(ctx, tx, doc.ID, 0); err != nil {
			return err
		}
		if touched, _, err := touchedSince(ctx, tx, doc, event, append([]int64{rep.SpanID}, rep.Spans...)); err != nil || touched > 0 {
			if err != nil {
				return err
			}
			what := rep.Label
			if len(rep.Spans) > 0 {
				what += " or a span its links brought"
			}
			return conflict("gold changed since %s replaced %s on %d–%d: %s has been edited, removed or linked since; change gold by hand, in the gold layer",
				rep.Label, labelsText(rep.InsteadOf), rep.Start, rep.End, what)
		}
		if err := takeOutCopy(ctx, tx, doc, by, rep); err != nil {
			return err
		}
		doc = doc.withIndex()
		if err := restoreReplaced(ctx, tx, doc, by, &un); err != nil {
			return err
		}
		rejected := rep.Unrejects
		if rep.Unrejected {
			rejected = append(rejected, SpanKey{Label: rep.Label, Start: rep.Start, End: rep.End})
		}
		for _, k := range rejected {
			if err := rejectTx(ctx, tx, doc, by, k); err != nil {
				return err
			}
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "review.undo-replace",
			Detail: map[string]any{"replace": event, "label": rep.Label, "start": rep.Start, "end": rep.End,
				"instead_of": rep.InsteadOf, "relations": un.Links, "lost": un.Lost,
				"links_of": rep.LinksOf, "spans": len(rep.Spans), "links": len(rep.Links)}})
	})
	return un, err
}

// takeOutCopy deletes from gold what rep's accept put there: the links
// its copy made that gold still holds, the spans they brought, and the
// span accepted, each with its remaining links, each change logged.
func takeOutCopy(ctx context.Context, tx *sql.Tx, doc Document, by int64, rep LabelReplacement) error {
	made := map[int64]bool{}
	for _, id := range rep.Links {
		made[id] = true
	}
	if _, err := deleteGoldLinks(ctx, tx, doc, by, func([]Relation) func(Relation) bool {
		return func(r Relation) bool { return made[r.ID] }
	}); err != nil {
		return err
	}
	doc = doc.withIndex()
	for _, id := range append([]int64{rep.SpanID}, rep.Spans...) {
		if _, err := deleteSpanTx(ctx, tx, doc, 0, by, id); err != nil {
			return err
		}
	}
	return nil
}

// restoreReplaced puts back into gold the spans un's replacement took
// out, then their links between spans gold holds, and gold's links the
// copy of the accepted span's own replaced; a link whose other end left
// gold since, or that gold could not take again (its quotation has
// another speaker now), is counted in un.Lost.
func restoreReplaced(ctx context.Context, tx *sql.Tx, doc Document, by int64, un *Unreplaced) error {
	ids := map[int64]int64{} // a replaced span's id -> its id back in gold
	for _, old := range un.Replaced {
		attrs, err := decodeAttributes(old.Attributes)
		if err != nil {
			return fmt.Errorf("db: attributes of span %d: %w", old.ID, err)
		}
		sp, err := insertSpanTx(ctx, tx, doc, 0, by, SpanInput{Start: old.Start, End: old.End, Label: old.Label, Attributes: attrs}, false)
		if err != nil {
			return err
		}
		ids[old.ID] = sp.ID
		un.Restored = append(un.Restored, sp)
	}
	for _, r := range slices.Concat(un.Relations, un.LinksReplaced) {
		in := RelationInput{Type: r.Type, From: r.From, To: r.To}
		if id, ok := ids[r.From]; ok {
			in.From = id
		}
		if id, ok := ids[r.To]; ok {
			in.To = id
		}
		_, err := createRelationTx(ctx, tx, doc, 0, by, in)
		switch {
		case errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) || errors.As(err, new(*ValidationError)):
			un.Lost++
		case err != nil:
			return err
		default:
			un.Links++
		}
	}
	return nil
}

// replacementTx reads the replacement logged as event on doc, refusing
// one by another user or taken back already.
func replacementTx(ctx context.Context, tx *sql.Tx, doc Document, by, event int64) (LabelReplacement, error) {
	rep := LabelReplacement{Event: event}
	entry := loggedUndoable{Action: "review.replace", UndoAction: "review.undo-replace", UndoKey: "replace",
		Missing: func() error {
			return notFound("replace", "no accept in place of gold's label %d on this document", event)
		},
		Others: "that accept was another reviewer's: only who made it takes it back; change gold's label by hand"}
	var err error
	rep.By, err = entry.read(ctx, tx, doc, by, event, &rep)
	return rep, err
}

// rejectTx rejects key for doc's gold again, logged as Reject logs it.
func rejectTx(ctx context.Context, tx *sql.Tx, doc Document, by int64, key SpanKey) error {
	layer, err := layerID(ctx, tx, doc.ID, 0, true)
	if err != nil {
		return err
	}
	changed, err := rejectForGoldTx(ctx, tx, doc, layer, by, key)
	if err != nil || !changed {
		return err
	}
	return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "review.reject", Detail: key})
}
