package db

import (
	"context"
	"database/sql"
	"fmt"
)

// A quotation marked "speaker not in the text" (speaker_in_text false on
// one of its segments) and linked to a speaker says two things at once:
// the export could keep only one of them, and an import of it refuses
// the line. The store refuses to make either while the other stands.

// refuseSpeakerNotInText refuses a speaker link from a segment of a
// quotation marked "speaker not in the text".
func refuseSpeakerNotInText(ctx context.Context, tx *sql.Tx, rels []Relation, in RelationInput) error {
	if in.Type != "speaker" {
		return nil
	}
	for id := range QuotationSegments(rels, in.From) {
		marked, err := markedNotInText(ctx, tx, id)
		if err != nil {
			return err
		}
		if marked {
			return conflict("span %d's quotation is marked \"speaker not in the text\" (on span %d): take the mark off before linking a speaker", in.From, id)
		}
	}
	return nil
}

// refuseNotInTextWithSpeaker refuses marking span's quotation "speaker
// not in the text" (speaker_in_text false) while it has a speaker.
func refuseNotInTextWithSpeaker(ctx context.Context, tx *sql.Tx, layer, span int64, patch map[string]any) error {
	if v, ok := patch["speaker_in_text"]; !ok || v != false {
		return nil
	}
	rels, err := layerRelations(ctx, tx, layer)
	if err != nil {
		return err
	}
	segments := QuotationSegments(rels, span)
	for _, r := range rels {
		if r.Type == "speaker" && segments[r.From] {
			return conflict("span %d's quotation has a speaker (span %d): remove the speaker before marking it \"speaker not in the text\"", span, r.To)
		}
	}
	return nil
}

// markedNotInText reports whether span carries speaker_in_text false.
func markedNotInText(ctx context.Context, tx *sql.Tx, span int64) (bool, error) {
	var marked bool
	err := tx.QueryRowContext(ctx, `SELECT coalesce(json_type(attributes, '$.speaker_in_text') = 'false', 0) FROM spans WHERE id = ?`, span).Scan(&marked)
	if err != nil && err != sql.ErrNoRows {
		return false, fmt.Errorf("db: attributes of span %d: %w", span, err)
	}
	return marked, nil
}
