package db

import (
	"context"
	"fmt"
	"testing"
)

func TestApplyBatch(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	ps, pe := span(t, fixtureText, "الوزير أحمد")
	qs, qe := span(t, fixtureText, "الاقتصاد ينمو")
	cs, ce := span(t, fixtureText, "قال")
	existing, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: cs, End: ce, Label: "CUE"})
	if err != nil {
		t.Fatal(err)
	}
	spans := []BatchSpan{
		{Ref: "s1", SpanInput: SpanInput{Start: ps, End: pe, Label: "PER"}},
		{Ref: "s2", SpanInput: SpanInput{Start: qs, End: qe, Label: "QUOTE", Attributes: map[string]any{"type": "direct"}}},
	}
	rels := []BatchRelation{{"speaker", "s2", "s1"}, {"cue", "s2", itoa(existing.ID)}}
	done, err := f.s.ApplyBatch(ctx, f.doc, f.user.ID, f.user.ID, spans, rels)
	ids := done.IDs
	if err != nil {
		t.Fatal(err)
	}
	l, err := f.s.LayerOf(ctx, f.doc, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Spans) != 3 || len(l.Relations) != 2 || ids["s1"] == 0 || ids["s2"] == 0 {
		t.Fatalf("after the batch: %d spans, %d relations, ids %v", len(l.Spans), len(l.Relations), ids)
	}
	// Accepting the same again changes nothing and fails nothing.
	if _, err := f.s.ApplyBatch(ctx, f.doc, f.user.ID, f.user.ID, spans, rels); err != nil {
		t.Fatalf("applying twice: %v", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM relations"); n != 2 {
		t.Errorf("applying twice left %d relations, want 2", n)
	}
	// One bad relation (a speaker that is a CUE) refuses the whole batch.
	before := count(t, f.s, "SELECT count(*) FROM spans")
	bad := []BatchSpan{{Ref: "x", SpanInput: SpanInput{Start: 0, End: 2, Label: "QUOTE"}}}
	_, err = f.s.ApplyBatch(ctx, f.doc, f.user.ID, f.user.ID, bad, []BatchRelation{{"speaker", "x", itoa(existing.ID)}})
	if field := validationField(t, err); field != "type" {
		t.Errorf("bad relation: error on %q, want type", field)
	}
	if after := count(t, f.s, "SELECT count(*) FROM spans"); after != before {
		t.Errorf("a refused batch left %d spans, want %d", after, before)
	}
}

func itoa(n int64) string { return fmt.Sprint(n) }
