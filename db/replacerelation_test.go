package db

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// actions lists the project's logged actions, oldest first.
func actions(t *testing.T, f fixture) []string {
	t.Helper()
	events, err := f.s.ProjectEvents(context.Background(), f.proj.ID, 0, 1000, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range slices.Backward(events) {
		out = append(out, e.Action)
	}
	return out
}

// relationsOf lists owner's relations as "type from->to" span ids.
func relationsOf(t *testing.T, f fixture, owner int64) []Relation {
	t.Helper()
	l, err := f.s.LayerOf(context.Background(), f.doc, owner)
	if err != nil {
		t.Fatal(err)
	}
	return l.Relations
}

// TestReplaceRelationSwapsTheLink: a quotation's speaker and cue are
// replaced in one step each, whichever of its segments held the old one,
// and a span's referent likewise; the answer names the link replaced,
// and the log holds its deletion and the new link's creation.
func TestReplaceRelationSwapsTheLink(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	owner := f.user.ID
	head, tail := f.mark(t, owner, "الاقتصاد", "QUOTE"), f.mark(t, owner, "ينمو", "QUOTE")
	ahmad, minister := f.mark(t, owner, "أحمد", "PER"), f.mark(t, owner, "الوزير", "PER")
	cue := f.mark(t, owner, "قال", "CUE")
	f.link(t, owner, "segment", head, tail)
	f.link(t, owner, "speaker", tail, ahmad) // on the second segment, as an import may put it
	f.link(t, owner, "refers_to", minister, ahmad)
	old := relationsOf(t, f, owner)
	logged := len(actions(t, f))

	rep, err := f.s.ReplaceRelation(ctx, f.doc, owner, owner, RelationInput{Type: "speaker", From: head.ID, To: minister.ID})
	if err != nil {
		t.Fatal(err)
	}
	if rep.ID == 0 || rep.Type != "speaker" || rep.From != head.ID || rep.To != minister.ID {
		t.Errorf("new relation %+v, want speaker %d -> %d with an id", rep.Relation, head.ID, minister.ID)
	}
	if len(rep.Replaced) != 1 || rep.Replaced[0] != old[1] || len(rep.Cleared) != 0 {
		t.Errorf("replaced %+v, cleared %v; want the old speaker %+v and nothing cleared", rep.Replaced, rep.Cleared, old[1])
	}
	if got, want := actions(t, f)[logged:], []string{"relation.delete", "relation.create"}; !slices.Equal(got, want) {
		t.Errorf("logged %v, want %v", got, want)
	}
	// A quotation with no cue yet gets one; replacing a referent works alike.
	if rep, err := f.s.ReplaceRelation(ctx, f.doc, owner, owner, RelationInput{Type: "cue", From: head.ID, To: cue.ID}); err != nil || len(rep.Replaced) != 0 {
		t.Errorf("a first cue by replace: %+v, %v", rep, err)
	}
	if rep, err := f.s.ReplaceRelation(ctx, f.doc, owner, owner, RelationInput{Type: "refers_to", From: minister.ID, To: cue.ID}); err == nil {
		t.Errorf("refers_to PER -> CUE replaced: %+v", rep)
	}
	other := f.mark(t, owner, "الرياض", "ORG")
	if rep, err := f.s.ReplaceRelation(ctx, f.doc, owner, owner, RelationInput{Type: "refers_to", From: minister.ID, To: other.ID}); err != nil || len(rep.Replaced) != 1 || rep.Replaced[0].To != ahmad.ID {
		t.Errorf("replacing a referent: %+v, %v; want the link to أحمد replaced", rep, err)
	}
	var speakers, cues, refers int
	for _, r := range relationsOf(t, f, owner) {
		switch r.Type {
		case "speaker":
			speakers++
		case "cue":
			cues++
		case "refers_to":
			refers++
		}
	}
	if speakers != 1 || cues != 1 || refers != 1 {
		t.Errorf("%d speakers, %d cues, %d referents; want one each", speakers, cues, refers)
	}
}

// TestReplaceRelationClearsNotInText: a speaker for a quotation marked
// "speaker not in the text" (on any segment) takes the mark off in the
// same transaction, says which span it was on, and logs the change.
func TestReplaceRelationClearsNotInText(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	owner := f.user.ID
	head, tail, per := f.mark(t, owner, "الاقتصاد", "QUOTE"), f.mark(t, owner, "ينمو", "QUOTE"), f.mark(t, owner, "أحمد", "PER")
	f.link(t, owner, "segment", head, tail)
	if _, err := f.s.UpdateSpan(ctx, f.doc, owner, owner, tail.ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": false, "type": "direct"}}); err != nil {
		t.Fatal(err)
	}
	logged := len(actions(t, f))
	rep, err := f.s.ReplaceRelation(ctx, f.doc, owner, owner, RelationInput{Type: "speaker", From: head.ID, To: per.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Cleared, []int64{tail.ID}) || len(rep.Replaced) != 0 {
		t.Errorf("cleared %v, replaced %v; want the mark cleared on span %d and nothing replaced", rep.Cleared, rep.Replaced, tail.ID)
	}
	l, err := f.s.LayerOf(ctx, f.doc, owner)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range l.Spans {
		if sp.ID == tail.ID && string(sp.Attributes) != `{"type":"direct"}` {
			t.Errorf("the segment's attributes are %s, want the mark gone and the type kept", sp.Attributes)
		}
	}
	if got, want := actions(t, f)[logged:], []string{"span.update", "relation.create"}; !slices.Equal(got, want) {
		t.Errorf("logged %v, want %v", got, want)
	}
}

// TestReplaceRelationRefusedChangesNothing: a replace its rule refuses,
// naming a span that is not there, reaching into another's layer, or of
// a type a span has many of, leaves the old link, the mark and the log
// as they were.
func TestReplaceRelationRefusedChangesNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	owner := f.user.ID
	quote, per, loc := f.mark(t, owner, "«الاقتصاد ينمو»", "QUOTE"), f.mark(t, owner, "أحمد", "PER"), f.mark(t, owner, "الرياض", "LOC")
	marked, org := f.mark(t, owner, "الوزير", "QUOTE"), f.mark(t, owner, "قال", "ORG")
	othersPer := f.mark(t, f.other.ID, "أحمد", "PER")
	f.link(t, owner, "speaker", quote, per)
	if _, err := f.s.UpdateSpan(ctx, f.doc, owner, owner, marked.ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": false}}); err != nil {
		t.Fatal(err)
	}
	before, logged := relationsOf(t, f, owner), actions(t, f)

	tests := []struct {
		desc  string
		owner int64
		in    RelationInput
		check func(error) bool
	}{
		{"a rule it breaks", owner, RelationInput{"speaker", quote.ID, loc.ID}, func(err error) bool { return validationField(t, err) == "type" }},
		{"a rule it breaks, on a marked quotation", owner, RelationInput{"speaker", marked.ID, loc.ID}, func(err error) bool { return validationField(t, err) == "type" }},
		{"to no span", owner, RelationInput{"speaker", quote.ID, 9999}, func(err error) bool { return notFoundField(err) == "to" }},
		{"to another's span", owner, RelationInput{"speaker", quote.ID, othersPer.ID}, func(err error) bool { return notFoundField(err) == "to" }},
		{"in another's layer", f.other.ID, RelationInput{"speaker", quote.ID, org.ID}, func(err error) bool { return notFoundField(err) == "from" }},
		{"a segment", owner, RelationInput{"segment", quote.ID, marked.ID}, func(err error) bool { return validationField(t, err) == "replace" }},
	}
	for _, tt := range tests {
		if rep, err := f.s.ReplaceRelation(ctx, f.doc, tt.owner, owner, tt.in); !tt.check(err) {
			t.Errorf("%s: %+v, %v; not the refusal wanted", tt.desc, rep, err)
		}
		if after := relationsOf(t, f, owner); !slices.Equal(after, before) {
			t.Errorf("%s: relations %+v, want %+v kept", tt.desc, after, before)
		}
		if n := count(t, f.s, `SELECT count(*) FROM spans WHERE id = ? AND json_extract(attributes, '$.speaker_in_text') = 0`, marked.ID); n != 1 {
			t.Errorf("%s: the quotation's mark is gone", tt.desc)
		}
		if got := actions(t, f); !slices.Equal(got, logged) {
			t.Errorf("%s: logged %v, want nothing new", tt.desc, got[len(logged):])
		}
	}
}

// notFoundField is the field a not-found error names, or "" for another error.
func notFoundField(err error) string {
	var nf *NotFoundError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), "not in this layer") {
		return ""
	}
	return nf.Field
}
