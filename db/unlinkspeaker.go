package db

import (
	"context"
	"database/sql"
)

// Unlinking is what UnlinkSpeaker changed: the span as it now is and the
// speaker links it took off.
type Unlinking struct {
	Span
	// Unlinked are the quotation's speaker links (on any of its
	// segments), now deleted: one at most in a layer the store has kept
	// to its rules, none when it had no speaker.
	Unlinked []Relation `json:"unlinked"`
}

// UnlinkSpeaker applies p, which must mark spanID's quotation "speaker not
// in the text" (speaker_in_text false) and change nothing else but
// attributes, in place of the speaker the quotation has: the speaker link
// goes and the mark comes, in one transaction, each logged as the
// separate changes would be. It is how the page undoes a speaker that
// took the mark off. A refusal leaves the link and the span as they were.
func (s *Store) UnlinkSpeaker(ctx context.Context, doc Document, owner, by, spanID int64, p SpanPatch) (Unlinking, error) {
	out := Unlinking{Unlinked: []Relation{}}
	if v, ok := p.Attributes["speaker_in_text"]; !ok || v != false {
		return out, invalid("unlink_speaker", `unlink_speaker goes with attributes {"speaker_in_text": false}, which marks the quotation instead`)
	}
	if p.Label != nil || p.Start != nil || p.End != nil {
		return out, invalid("unlink_speaker", "unlink_speaker changes attributes only; send the label or the offsets in a request of their own")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		before, layer, err := ownedSpan(ctx, tx, doc, owner, spanID)
		if err != nil {
			return err
		}
		if err := refuseFinished(ctx, tx, doc.ID, owner); err != nil {
			return err
		}
		// Checked before any link goes, so a mark refused (the span is not
		// a QUOTE) names the attribute, not a speaker it no longer has.
		if _, err := mergeAttributes(before.Attributes, p.Attributes, before.Label); err != nil {
			return err
		}
		rels, err := layerRelations(ctx, tx, layer)
		if err != nil {
			return err
		}
		segments := QuotationSegments(rels, spanID)
		for _, r := range rels {
			if r.Type != "speaker" || !segments[r.From] {
				continue
			}
			if err := deleteRelationTx(ctx, tx, doc, by, layer, r); err != nil {
				return err
			}
			out.Unlinked = append(out.Unlinked, r)
		}
		out.Span, err = updateSpanTx(ctx, tx, doc, owner, by, spanID, p)
		return err
	})
	if err != nil {
		return Unlinking{Unlinked: []Relation{}}, err
	}
	return out, nil
}
