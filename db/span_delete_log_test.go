package db

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"testing"
)

// relationDeletes reads the project's relation.delete events, oldest
// first, as their details.
func relationDeletes(t *testing.T, f fixture) []map[string]any {
	t.Helper()
	events, err := f.s.ProjectEvents(context.Background(), f.proj.ID, 0, 1000, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, e := range slices.Backward(events) {
		if e.Action != "relation.delete" {
			continue
		}
		var d map[string]any
		if err := json.Unmarshal(e.Detail, &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// TestSpanDeleteLogsItsRelations: deleting a span takes its relations
// with it, and the log says so, one relation.delete each, in the shape a
// relation deleted on its own is logged in, so the activity page says
// what was unlinked from what. It holds for one span, for several at
// once (a relation between two of them logged once) and for gold, where
// the review's "Remove from gold" deletes.
func TestSpanDeleteLogsItsRelations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mk := func(owner int64, word, label string) int64 { return f.mark(t, owner, word, label).ID }
	link := func(owner int64, typ string, from, to int64) Relation {
		t.Helper()
		r, err := f.s.CreateRelation(ctx, f.doc, owner, f.user.ID, RelationInput{Type: typ, From: from, To: to})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	quote, per, cue := mk(f.user.ID, "«الاقتصاد ينمو»", "QUOTE"), mk(f.user.ID, "أحمد", "PER"), mk(f.user.ID, "قال", "CUE")
	// A relation deleted on its own gives the shape to match.
	if err := f.s.DeleteRelation(ctx, f.doc, f.user.ID, f.user.ID, link(f.user.ID, "cue", quote, cue).ID); err != nil {
		t.Fatal(err)
	}
	speaker := link(f.user.ID, "speaker", quote, per)
	if _, err := f.s.DeleteSpan(ctx, f.doc, f.user.ID, f.user.ID, per); err != nil {
		t.Fatal(err)
	}
	logged := relationDeletes(t, f)
	if len(logged) != 2 {
		t.Fatalf("%d relation.delete events after deleting a span with a speaker link, want 2 (one unlinked before): %v", len(logged), logged)
	}
	want := map[string]any{"layer": "amina", "id": float64(speaker.ID), "type": "speaker", "from": float64(quote), "to": float64(per),
		"from_label": "QUOTE", "from_text": "«الاقتصاد ينمو»", "to_label": "PER", "to_text": "أحمد"}
	if !maps.Equal(logged[1], want) {
		t.Errorf("the span's relation is logged as %v, want %v", logged[1], want)
	}
	if a, b := slices.Sorted(maps.Keys(logged[0])), slices.Sorted(maps.Keys(logged[1])); !slices.Equal(a, b) {
		t.Errorf("a relation deleted with its span is logged with %v, one deleted on its own with %v", b, a)
	}

	// Several spans at once: the link between two of them is logged once.
	per = mk(f.user.ID, "أحمد", "PER")
	link(f.user.ID, "speaker", quote, per)
	link(f.user.ID, "cue", quote, cue)
	if _, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, []int64{quote, per, cue}); err != nil {
		t.Fatal(err)
	}
	if logged = relationDeletes(t, f); len(logged) != 4 || logged[2]["type"] != "speaker" || logged[3]["type"] != "cue" {
		t.Errorf("after deleting a quotation, its speaker and its cue at once: %v, want the speaker and the cue link logged once each", logged[2:])
	}

	// Gold: a reviewer removing a span from gold logs its link in gold.
	goldQuote, goldPer := mk(0, "«الاقتصاد ينمو»", "QUOTE"), mk(0, "أحمد", "PER")
	link(0, "speaker", goldQuote, goldPer)
	if _, err := f.s.DeleteSpan(ctx, f.doc, 0, f.other.ID, goldQuote); err != nil {
		t.Fatal(err)
	}
	if logged = relationDeletes(t, f); len(logged) != 5 || logged[4]["layer"] != "gold" || logged[4]["from"] != float64(goldQuote) {
		t.Errorf("removing a quotation from gold logged %v, want its speaker link in gold", logged[4:])
	}
	if n := count(t, f.s, "SELECT count(*) FROM relations"); n != 0 {
		t.Errorf("%d relations left after their spans were deleted", n)
	}
}
