package db

import (
	"context"
	"errors"
	"testing"
)

// TestSpeakerNotInTextExcludesASpeaker: a quotation marked "speaker not
// in the text" takes no speaker link (on any of its segments), and one
// with a speaker takes no such mark; each refusal changes nothing, and
// once the mark is off (or the speaker gone) the other is made.
func TestSpeakerNotInTextExcludesASpeaker(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	owner := f.user.ID
	q1, q2, per := f.mark(t, owner, "الاقتصاد", "QUOTE"), f.mark(t, owner, "ينمو", "QUOTE"), f.mark(t, owner, "أحمد", "PER")
	f.link(t, owner, "segment", q1, q2)
	mark := func(v any) error {
		_, err := f.s.UpdateSpan(ctx, f.doc, owner, owner, q1.ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": v}})
		return err
	}
	if err := mark(false); err != nil {
		t.Fatal(err)
	}
	speaker := RelationInput{Type: "speaker", From: q2.ID, To: per.ID}
	if _, err := f.s.CreateRelation(ctx, f.doc, owner, owner, speaker); !errors.Is(err, ErrConflict) {
		t.Errorf("a speaker for a quotation marked not in the text: %v, want a conflict", err)
	}
	if err := mark(nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, owner, owner, speaker); err != nil {
		t.Fatalf("a speaker once the mark is off: %v", err)
	}
	if err := mark(false); !errors.Is(err, ErrConflict) {
		t.Errorf("the mark on a quotation with a speaker: %v, want a conflict", err)
	}
	if err := mark(true); err != nil {
		t.Errorf("speaker_in_text true beside a speaker: %v", err)
	}
	l, err := f.s.LayerOf(ctx, f.doc, owner)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.Relations); n != 2 {
		t.Errorf("%d relations, want the segment and the one speaker", n)
	}
}
