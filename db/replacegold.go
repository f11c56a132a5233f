package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// LabelReplacement is what one accept in place of gold's other labels
// on the same words did, as the log keeps it (review.replace): the copy
// made, gold's spans it took the place of (as they were, attributes too)
// and their links that went with them, so UndoReplace puts them back.
type LabelReplacement struct {
	Event  int64  `json:"-"` // the log entry's id
	By     int64  `json:"-"`
	SpanID int64  `json:"span"`
	Label  string `json:"label"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	// InsteadOf are the labels of Replaced, for the activity log.
	InsteadOf []string   `json:"instead_of"`
	Replaced  []Span     `json:"replaced"`
	Relations []Relation `json:"relations"`
	// Unrejected: the span accepted had been rejected for gold, which the
	// accept took back; undone, the rejection is made again.
	Unrejected bool `json:"unrejected,omitempty"`
	// An accept with the span's links (AcceptWithLinksInGold) also logs
	// the other spans and the links it put into gold, and gold's links it
	// replaced (a quotation's speaker), for the undo to take out and put
	// back.
	Spans         []int64    `json:"spans,omitempty"`
	Links         []int64    `json:"links,omitempty"`
	LinksOf       string     `json:"links_of,omitempty"` // whose links: the annotator's name, for the activity log
	LinksReplaced []Relation `json:"links_replaced,omitempty"`
	// Unrejects are the spans it brought that had been rejected for
	// gold, rejected again by the undo.
	Unrejects []SpanKey `json:"unrejects,omitempty"`
}

// Accepted is what AcceptInGold did: the span of gold (the copy, or
// gold's own when it held the span already, Copied false) and, when gold
// gave the words other labels, the replacement (Event 0 otherwise).
type Accepted struct {
	Span        Span
	Copied      bool
	Replacement LabelReplacement
}

// AcceptInGold is CopySeenToGold of a span with gold's labels on its
// words checked: insteadOf are the labels the reviewer saw gold give the
// same start and end (none, or those the button named "instead of").
// Gold's spans there of another label leave it in the same transaction,
// their links with them as Remove takes them (each removal logged), as a
// reviewer choosing one annotator's label over another's means:
// INCEpTION's curation keeps one label a place too. Which spans go is
// read here, never taken from the caller: when gold's other labels there
// are not insteadOf (gold changed since the page was read), it is
// refused with ErrConflict and nothing changes. Gold holding the label
// already copies nothing and replaces nothing, whatever else it holds
// there. The replacement is logged (review.replace) for UndoReplace.
func (s *Store) AcceptInGold(ctx context.Context, doc Document, ref SpanRef, insteadOf []string, by int64) (Accepted, error) {
	if err := ref.requireSeen(); err != nil {
		return Accepted{}, err
	}
	for _, l := range insteadOf {
		if l == "" {
			return Accepted{}, invalid("replaces", "an empty label is named as gold's label to replace")
		}
	}
	var acc Accepted
	err := s.tx(ctx, func(tx *sql.Tx) error {
		acc = Accepted{}
		if err := refuseFinished(ctx, tx, doc.ID, 0); err != nil {
			return err
		}
		if _, err := refSpan(ctx, tx, doc, ref); err != nil {
			return err
		}
		held, err := goldHolds(ctx, tx, doc, ref.Seen)
		if err != nil || held {
			acc.Span, acc.Copied, err = copyToGoldTx(ctx, tx, doc, ref, by)
			return err
		}
		others, err := otherLabelsInGold(ctx, tx, doc, ref.Seen)
		if err != nil {
			return err
		}
		if err := refuseOtherLabels(ctx, tx, doc, ref.Seen, others, insteadOf); err != nil {
			return err
		}
		if len(others) == 0 {
			acc.Span, acc.Copied, err = copyToGoldTx(ctx, tx, doc, ref, by)
			return err
		}
		acc.Replacement, err = replaceTx(ctx, tx, doc, ref, others, by, func(*LabelReplacement) (Span, error) {
			sp, _, err := copyToGoldTx(ctx, tx, doc, ref, by)
			return sp, err
		})
		acc.Span, acc.Copied = spanOf(acc.Replacement), true
		return err
	})
	return acc, err
}

// spanOf is the span a replacement put into gold, as its row names it.
func spanOf(r LabelReplacement) Span {
	return Span{ID: r.SpanID, Label: r.Label, Start: r.Start, End: r.End}
}

// replaceTx deletes others from gold, copies ref's span there (copy)
// and logs the two as one replacement: what copy records in the
// replacement it returns is logged with it.
func replaceTx(ctx context.Context, tx *sql.Tx, doc Document, ref SpanRef, others []Span, by int64, copy func(rep *LabelReplacement) (Span, error)) (LabelReplacement, error) {
	rep, err := takeOutOthers(ctx, tx, doc, ref, others, by)
	if err != nil {
		return rep, err
	}
	sp, err := copy(&rep)
	if err != nil {
		return rep, err
	}
	return logReplacement(ctx, tx, doc, by, sp, rep)
}

// takeOutOthers deletes others from gold, their links with them, and
// says what went, for the replacement's log.
func takeOutOthers(ctx context.Context, tx *sql.Tx, doc Document, ref SpanRef, others []Span, by int64) (LabelReplacement, error) {
	rep := LabelReplacement{By: by, Label: ref.Seen.Label, Start: ref.Seen.Start, End: ref.Seen.End, Relations: []Relation{}}
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM suggestion_rejections WHERE label = ? AND start = ? AND "end" = ?
		AND layer_id = (SELECT id FROM layers WHERE document_id = ? AND owner_id IS NULL))`,
		ref.Seen.Label, ref.Seen.Start, ref.Seen.End, doc.ID).Scan(&rep.Unrejected); err != nil {
		return rep, fmt.Errorf("db: rejection of %s %d–%d: %w", ref.Seen.Label, ref.Seen.Start, ref.Seen.End, err)
	}
	gold, err := layerID(ctx, tx, doc.ID, 0, false)
	if err != nil {
		return rep, err
	}
	rels, err := layerRelations(ctx, tx, gold)
	if err != nil {
		return rep, err
	}
	for _, o := range others {
		for _, r := range rels {
			if (r.From == o.ID || r.To == o.ID) && !slices.Contains(rep.Relations, r) {
				rep.Relations = append(rep.Relations, r)
			}
		}
		gone, err := deleteSpanTx(ctx, tx, doc, 0, by, o.ID)
		if err != nil {
			return rep, err
		}
		rep.Replaced, rep.InsteadOf = append(rep.Replaced, gone), append(rep.InsteadOf, gone.Label)
	}
	return rep, nil
}

// logReplacement logs rep, sp being the span it put into gold, and
// gives it its log entry's id.
func logReplacement(ctx context.Context, tx *sql.Tx, doc Document, by int64, sp Span, rep LabelReplacement) (LabelReplacement, error) {
	rep.SpanID = sp.ID
	if err := logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "review.replace", Detail: rep}); err != nil {
		return rep, err
	}
	err := tx.QueryRowContext(ctx, "SELECT max(id) FROM events WHERE document_id = ? AND action = 'review.replace'", doc.ID).Scan(&rep.Event)
	if err != nil {
		return rep, fmt.Errorf("db: log of the replacement on %d–%d: %w", rep.Start, rep.End, err)
	}
	return rep, nil
}

// goldHolds is true when doc's gold holds a span of key's label and
// offsets.
func goldHolds(ctx context.Context, tx *sql.Tx, doc Document, key SpanKey) (bool, error) {
	var held bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE l.document_id = ? AND l.owner_id IS NULL AND s.start = ? AND s."end" = ? AND s.label = ?)`,
		doc.ID, key.Start, key.End, key.Label).Scan(&held)
	if err != nil {
		return false, fmt.Errorf("db: is %s %d–%d in gold: %w", key.Label, key.Start, key.End, err)
	}
	return held, nil
}

// refuseOtherLabels is ErrConflict when gold's other labels on key's
// words (others) are not those the caller saw (insteadOf): the page was
// read before gold changed there, and the accept would leave gold with
// two labels on the words or take out one the reviewer never saw.
func refuseOtherLabels(ctx context.Context, tx *sql.Tx, doc Document, key SpanKey, others []Span, insteadOf []string) error {
	var now []string
	for _, o := range others {
		now = append(now, o.Label)
	}
	slices.Sort(now)
	saw := slices.Clone(insteadOf)
	slices.Sort(saw)
	if slices.Equal(slices.Compact(now), slices.Compact(saw)) {
		return nil
	}
	text, err := doc.slice(key.Start, key.End)
	if err != nil {
		return err
	}
	return conflict("gold's labels on “%s” (%d–%d) changed since the page was loaded: gold gives the words %s now, where the page showed %s; nothing was changed: reload the page and choose again",
		text, key.Start, key.End, labelsText(now), labelsText(saw))
}

// labelsText names labels for a message: "GPE and ORG", or "no label".
func labelsText(labels []string) string {
	switch len(labels) {
	case 0:
		return "no label"
	case 1:
		return labels[0]
	}
	return strings.Join(labels[:len(labels)-1], ", ") + " and " + labels[len(labels)-1]
}

// otherLabelsInGold lists gold's spans on key's words of another label.
func otherLabelsInGold(ctx context.Context, tx *sql.Tx, doc Document, key SpanKey) ([]Span, error) {
	ids, err := int64s(ctx, tx, `SELECT s.id FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE l.document_id = ? AND l.owner_id IS NULL AND s.start = ? AND s."end" = ? AND s.label <> ?
		ORDER BY s.label, s.id`, doc.ID, key.Start, key.End, key.Label)
	if err != nil {
		return nil, fmt.Errorf("gold's other labels on %d–%d: %w", key.Start, key.End, err)
	}
	out := make([]Span, 0, len(ids))
	for _, id := range ids {
		sp, err := spanByID(ctx, tx, doc, id)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, nil
}

// LastReplacement is by's latest replacement on doc not yet taken back:
// what the notice after it offers to undo. ErrNotFound when there is
// none.
func (s *Store) LastReplacement(ctx context.Context, doc Document, by int64) (LabelReplacement, error) {
	var event int64
	err := s.r.QueryRowContext(ctx, `SELECT e.id FROM events e WHERE e.document_id = ? AND e.user_id = ?
		AND e.action = 'review.replace' AND NOT EXISTS (SELECT 1 FROM events u WHERE u.document_id = e.document_id
		  AND u.action = 'review.undo-replace' AND json_extract(u.detail, '$.replace') = e.id)
		ORDER BY e.id DESC LIMIT 1`, doc.ID, by).Scan(&event)
	if errors.Is(err, sql.ErrNoRows) {
		return LabelReplacement{}, fmt.Errorf("no replacement to take back on document %d: %w", doc.ID, ErrNotFound)
	}
	if err != nil {
		return LabelReplacement{}, fmt.Errorf("db: last replacement on document %d: %w", doc.ID, err)
	}
	var rep LabelReplacement
	err = s.snapshot(ctx, func(tx *sql.Tx) error {
		rep, err = replacementTx(ctx, tx, doc, by, event)
		return err
	})
	return rep, err
}
