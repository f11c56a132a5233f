package db

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestCreateRelationRules(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mk := func(owner int64, word, label string) int64 { return f.mark(t, owner, word, label).ID }
	quote := mk(f.user.ID, "«الاقتصاد ينمو»", "QUOTE")
	per := mk(f.user.ID, "أحمد", "PER")
	loc := mk(f.user.ID, "الرياض", "LOC")
	cue := mk(f.user.ID, "قال", "CUE")
	org := mk(f.user.ID, "الوزير", "ORG")
	othersPer := mk(f.other.ID, "أحمد", "PER")

	tests := []struct {
		desc       string
		in         RelationInput
		wantField  string // "" means accepted
		wantReason string
		conflict   bool
	}{
		{"speaker QUOTE -> PER", RelationInput{"speaker", quote, per}, "", "", false},
		{"cue QUOTE -> CUE", RelationInput{"cue", quote, cue}, "", "", false},
		{"speaker QUOTE -> LOC", RelationInput{"speaker", quote, loc}, "type", "speaker", false},
		{"speaker backwards", RelationInput{"speaker", per, quote}, "type", "speaker", false},
		{"unknown type", RelationInput{"likes", quote, per}, "type", "likes", false},
		{"from another layer", RelationInput{"speaker", othersPer, per}, "from", "", false},
		{"to another layer", RelationInput{"speaker", quote, othersPer}, "to", "", false},
		{"to no span", RelationInput{"speaker", quote, 9999}, "to", "span 9999 is not in this layer", false},
		{"from no span", RelationInput{"speaker", 9998, per}, "from", "span 9998 is not in this layer", false},
		{"same relation again", RelationInput{"speaker", quote, per}, "", "", true},
		// A quotation has one speaker: a second is refused, not added
		// beside the first (the quotes export could give only one).
		{"a second speaker", RelationInput{"speaker", quote, org}, "", "has a speaker already", true},
	}
	accepted := 0
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r, err := f.s.CreateRelation(ctx, f.doc, f.user.ID, f.user.ID, tt.in)
			switch {
			case tt.conflict:
				if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), tt.wantReason) {
					t.Errorf("CreateRelation = %v, want ErrConflict saying %q", err, tt.wantReason)
				}
			case tt.wantField == "from" || tt.wantField == "to":
				// A span not in the layer (deleted in another tab) is
				// gone, not wrong: 404, naming the field and the span.
				var nf *NotFoundError
				if !errors.As(err, &nf) || !errors.Is(err, ErrNotFound) || nf.Field != tt.wantField || !strings.Contains(err.Error(), tt.wantReason) {
					t.Errorf("error %v, want ErrNotFound naming %q mentioning %q", err, tt.wantField, tt.wantReason)
				}
			case tt.wantField != "":
				if field := validationField(t, err); field != tt.wantField || !strings.Contains(err.Error(), tt.wantReason) {
					t.Errorf("error %q names %q, want %q mentioning %q", err, field, tt.wantField, tt.wantReason)
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				accepted++
				if r.ID == 0 || r.Type != tt.in.Type || r.From != tt.in.From || r.To != tt.in.To {
					t.Errorf("relation %+v, want %+v with an id", r, tt.in)
				}
			}
			if n := count(t, f.s, "SELECT count(*) FROM relations"); n != accepted {
				t.Errorf("%d relations stored, want %d", n, accepted)
			}
		})
	}
	l, err := f.s.LayerOf(ctx, f.doc, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Relations) != 2 {
		t.Errorf("layer holds relations %+v, want 2", l.Relations)
	}
	if n, _ := f.s.EventCount(ctx, "relation.create"); n != 2 {
		t.Errorf("%d relation.create events, want 2", n)
	}
	// The log keeps what was linked to what, in words.
	if n := count(t, f.s, `SELECT count(*) FROM events WHERE action = 'relation.create' AND json_extract(detail, '$.from_label') = 'QUOTE'
		AND json_extract(detail, '$.to_text') = 'أحمد'`); n != 1 {
		t.Errorf("%d speaker events name the quotation and أحمد, want 1", n)
	}
	if len(l.Relations) == 0 {
		return
	}
	rel := l.Relations[0].ID
	for _, owner := range []int64{f.other.ID, 0} {
		if err := f.s.DeleteRelation(ctx, f.doc, owner, owner, rel); !errors.Is(err, ErrNotFound) {
			t.Errorf("DeleteRelation from layer of %d = %v, want ErrNotFound", owner, err)
		}
	}
	if err := f.s.DeleteRelation(ctx, f.doc, f.user.ID, f.user.ID, rel); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteRelation(ctx, f.doc, f.user.ID, f.user.ID, rel); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM relations"); n != 1 {
		t.Errorf("%d relations after one delete, want 1", n)
	}
	if n, _ := f.s.EventCount(ctx, "relation.delete"); n != 1 {
		t.Errorf("%d relation.delete events, want 1", n)
	}
}

// TestOneSpeakerPerQuotation: a quotation is its head and every segment
// joined to it, so a second speaker or cue is refused from any of its
// segments, as from the head, and two quotations that each have a
// speaker (or each a cue) are not joined: the quotes export would keep
// one of the two silently.
func TestOneSpeakerPerQuotation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	owner := f.user.ID
	head, tail := f.mark(t, owner, "الاقتصاد", "QUOTE"), f.mark(t, owner, "ينمو", "QUOTE")
	zaid, huwa := f.mark(t, owner, "أحمد", "PER"), f.mark(t, owner, "الوزير", "PER")
	cue := f.mark(t, owner, "قال", "CUE")
	f.link(t, owner, "speaker", head, huwa)
	f.link(t, owner, "cue", tail, cue)
	create := func(typ string, from, to Span) error {
		_, err := f.s.CreateRelation(ctx, f.doc, owner, owner, RelationInput{Type: typ, From: from.ID, To: to.ID})
		return err
	}
	// Each has its speaker or cue, none both: they join.
	if err := create("segment", head, tail); err != nil {
		t.Fatalf("joining a quotation with a speaker to one with a cue: %v", err)
	}
	for _, tc := range []struct {
		desc     string
		typ      string
		from, to Span
	}{
		{"a second speaker from the other segment", "speaker", tail, zaid},
		{"a second cue from the other segment", "cue", head, cue},
	} {
		if err := create(tc.typ, tc.from, tc.to); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "a quotation has one "+tc.typ) {
			t.Errorf("%s: %v, want ErrConflict saying a quotation has one %s", tc.desc, err, tc.typ)
		}
	}
	// A third segment bringing a speaker of its own is not joined.
	other := f.mark(t, owner, "الرياض", "QUOTE")
	f.link(t, owner, "speaker", other, zaid)
	err := create("segment", tail, other)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "a quotation has one speaker") {
		t.Errorf("joining two quotations that each have a speaker: %v, want ErrConflict", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM relations"); n != 4 {
		t.Errorf("%d relations stored, want the 4 accepted", n)
	}
}

// TestRelabelKeepsRelationRules: a span in a relation cannot be relabelled
// into a label the relation's rule refuses; CreateRelation would not have
// allowed the result either.
func TestRelabelKeepsRelationRules(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	qs, qe := span(t, fixtureText, "«الاقتصاد ينمو»")
	ps, pe := span(t, fixtureText, "أحمد")
	quote, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	per, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: ps, End: pe, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, f.user.ID, f.user.ID, RelationInput{"speaker", quote.ID, per.ID}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc  string
		sp    Span
		label string
		ok    bool
	}{
		{"speaker to LOC", per, "LOC", false},
		{"quote to PER", quote, "PER", false},
		{"speaker to ORG", per, "ORG", true},
		{"quote offsets only", quote, "QUOTE", true},
	}
	for _, tt := range tests {
		_, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, tt.sp.ID, SpanPatch{Label: &tt.label})
		if tt.ok && err != nil {
			t.Errorf("%s: %v", tt.desc, err)
		}
		if !tt.ok {
			if field := validationField(t, err); field != "label" || !strings.Contains(err.Error(), "speaker") {
				t.Errorf("%s: error %q, want one on label naming the speaker rule", tt.desc, err)
			}
		}
	}
	l, err := f.s.LayerOf(ctx, f.doc, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := spanWithID(l.Spans, per.ID); s.Label != "ORG" || len(l.Relations) != 1 {
		t.Errorf("after relabels: speaker span %+v, relations %+v; want ORG and the relation kept", s, l.Relations)
	}
}
