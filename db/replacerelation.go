package db

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Replacement is what ReplaceRelation made and what it took away.
type Replacement struct {
	Relation
	// Replaced are the relations of the same type the quotation (or the
	// span, for refers_to) had before, now deleted: one at most in a
	// layer the store has kept to its rules.
	Replaced []Relation `json:"replaced"`
	// Cleared are the spans of the quotation whose speaker_in_text false
	// came off with a new speaker.
	Cleared []int64 `json:"cleared"`
}

// ReplaceRelation links in.From's quotation (or span) to in.To in one
// transaction, in place of the link of that type it has: what an
// annotator choosing another speaker, cue or referent means. A speaker
// takes off the quotation's "speaker not in the text" too. Each part is
// checked and logged as the separate changes would be; a refusal leaves
// the old link standing.
func (s *Store) ReplaceRelation(ctx context.Context, doc Document, owner, by int64, in RelationInput) (Replacement, error) {
	rep := Replacement{Replaced: []Relation{}, Cleared: []int64{}}
	if !singleLinks[in.Type] {
		return rep, invalid("replace", "replace is for the links a quotation or span has one of (%s), not %s",
			strings.Join(slices.Sorted(maps.Keys(singleLinks)), ", "), in.Type)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ends, err := checkRelation(ctx, tx, doc, owner, in)
		if err != nil {
			return err
		}
		rels, err := layerRelations(ctx, tx, ends.layer)
		if err != nil {
			return err
		}
		segments := QuotationSegments(rels, in.From)
		if in.Type == "speaker" {
			for _, id := range slices.Sorted(maps.Keys(segments)) {
				cleared, err := clearNotInText(ctx, tx, doc, by, ends.layer, id)
				if err != nil {
					return err
				}
				if cleared {
					rep.Cleared = append(rep.Cleared, id)
				}
			}
		}
		for _, o := range rels {
			if o.Type != in.Type || !segments[o.From] {
				continue
			}
			if err := deleteRelationTx(ctx, tx, doc, by, ends.layer, o); err != nil {
				return err
			}
			rep.Replaced = append(rep.Replaced, o)
		}
		rep.Relation, err = createRelationTx(ctx, tx, doc, owner, by, in)
		return err
	})
	return rep, err
}

// clearNotInText takes speaker_in_text false off span, logged as the
// span's change; false when the span has no such mark.
func clearNotInText(ctx context.Context, tx *sql.Tx, doc Document, by, layer, span int64) (bool, error) {
	marked, err := markedNotInText(ctx, tx, span)
	if err != nil || !marked {
		return false, err
	}
	before, err := spanByID(ctx, tx, doc, span)
	if err != nil {
		return false, err
	}
	attrs, err := mergeAttributes(before.Attributes, map[string]any{"speaker_in_text": nil}, before.Label)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE spans SET attributes = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
		attrs, span); err != nil {
		return false, fmt.Errorf("db: update span %d: %w", span, err)
	}
	after, err := spanByID(ctx, tx, doc, span)
	if err != nil {
		return false, err
	}
	return true, logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "span.update",
		Detail: map[string]any{"before": before, "after": after}, Layer: layer})
}
