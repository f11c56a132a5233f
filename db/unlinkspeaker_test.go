package db

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// TestUnlinkSpeakerMarksInItsPlace: marking a quotation "speaker not in
// the text" with its speaker unlinked takes the link off (whichever
// segment holds it) and puts the mark on, in one transaction, answering
// the link it took and logging the unlink before the mark, as the two
// separate changes would be; the cue stays.
func TestUnlinkSpeakerMarksInItsPlace(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	owner := f.user.ID
	head, tail := f.mark(t, owner, "الاقتصاد", "QUOTE"), f.mark(t, owner, "ينمو", "QUOTE")
	per, cue := f.mark(t, owner, "أحمد", "PER"), f.mark(t, owner, "قال", "CUE")
	f.link(t, owner, "segment", head, tail)
	f.link(t, owner, "speaker", tail, per) // on the second segment, as an import may put it
	f.link(t, owner, "cue", head, cue)
	old := relationsOf(t, f, owner)
	logged := len(actions(t, f))

	u, err := f.s.UnlinkSpeaker(ctx, f.doc, owner, owner, head.ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": false}})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != head.ID || string(u.Attributes) != `{"speaker_in_text":false}` {
		t.Errorf("answered span %d with attributes %s, want span %d marked", u.ID, u.Attributes, head.ID)
	}
	if !slices.Equal(u.Unlinked, []Relation{old[1]}) {
		t.Errorf("unlinked %+v, want the speaker %+v", u.Unlinked, old[1])
	}
	if got, want := relationsOf(t, f, owner), []Relation{old[0], old[2]}; !slices.Equal(got, want) {
		t.Errorf("relations %+v, want the segment and the cue kept, %+v", got, want)
	}
	if got, want := actions(t, f)[logged:], []string{"relation.delete", "span.update"}; !slices.Equal(got, want) {
		t.Errorf("logged %v, want %v", got, want)
	}

	// A quotation with no speaker is marked all the same, unlinking nothing.
	lone := f.mark(t, owner, "الرياض", "QUOTE")
	u, err = f.s.UnlinkSpeaker(ctx, f.doc, owner, owner, lone.ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": false}})
	if err != nil || len(u.Unlinked) != 0 || u.Unlinked == nil {
		t.Errorf("a quotation without a speaker: unlinked %#v, %v; want [] and the mark", u.Unlinked, err)
	}
}

// TestUnlinkSpeakerRefusedChangesNothing: asked without the mark, with a
// label or offsets, on a span that is no quotation, in another's layer or
// on a span that is not there, UnlinkSpeaker refuses, naming what is
// wrong, and the speaker, the span and the log stay as they were.
func TestUnlinkSpeakerRefusedChangesNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	owner := f.user.ID
	quote, per := f.mark(t, owner, "«الاقتصاد ينمو»", "QUOTE"), f.mark(t, owner, "أحمد", "PER")
	org := f.mark(t, owner, "الوزير", "ORG")
	f.link(t, owner, "speaker", quote, per)
	f.link(t, owner, "refers_to", per, org)
	before, logged := relationsOf(t, f, owner), actions(t, f)
	mark := map[string]any{"speaker_in_text": false}
	label, start, end := "PER", 0, 3

	tests := []struct {
		desc  string
		owner int64
		span  int64
		p     SpanPatch
		check func(error) bool
	}{
		{"no mark", owner, quote.ID, SpanPatch{Attributes: map[string]any{"type": "direct"}}, func(err error) bool { return validationField(t, err) == "unlink_speaker" }},
		{"the mark taken off", owner, quote.ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": nil}}, func(err error) bool { return validationField(t, err) == "unlink_speaker" }},
		{"speaker_in_text true", owner, quote.ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": true}}, func(err error) bool { return validationField(t, err) == "unlink_speaker" }},
		{"with a label", owner, quote.ID, SpanPatch{Label: &label, Attributes: mark}, func(err error) bool { return validationField(t, err) == "unlink_speaker" }},
		{"with offsets", owner, quote.ID, SpanPatch{Start: &start, End: &end, Attributes: mark}, func(err error) bool { return validationField(t, err) == "unlink_speaker" }},
		{"on a PER", owner, per.ID, SpanPatch{Attributes: mark}, func(err error) bool { return validationField(t, err) == "attributes.speaker_in_text" }},
		{"in another's layer", f.other.ID, quote.ID, SpanPatch{Attributes: mark}, func(err error) bool { return errors.Is(err, ErrNotFound) }},
		{"on no span", owner, 99999, SpanPatch{Attributes: mark}, func(err error) bool { return errors.Is(err, ErrNotFound) }},
	}
	for _, tt := range tests {
		if u, err := f.s.UnlinkSpeaker(ctx, f.doc, tt.owner, owner, tt.span, tt.p); !tt.check(err) {
			t.Errorf("%s: %+v, %v; not the refusal wanted", tt.desc, u, err)
		}
		if after := relationsOf(t, f, owner); !slices.Equal(after, before) {
			t.Errorf("%s: relations %+v, want %+v kept", tt.desc, after, before)
		}
		if n := count(t, f.s, `SELECT count(*) FROM spans WHERE attributes != '{}'`); n != 0 {
			t.Errorf("%s: %d spans have attributes now", tt.desc, n)
		}
		if got := actions(t, f); !slices.Equal(got, logged) {
			t.Errorf("%s: logged %v, want nothing new", tt.desc, got[len(logged):])
		}
	}
}
