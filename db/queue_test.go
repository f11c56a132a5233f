package db

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// A finished layer refuses every write to its spans and relations until a
// manager reopens it, and a refused write changes nothing.
func TestFinishedLayerRefusesEdits(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	me := f.user.ID
	qs, qe := span(t, fixtureText, "الاقتصاد ينمو")
	ps, pe := span(t, fixtureText, "أحمد")
	quote, err := f.s.CreateSpan(ctx, f.doc, me, me, SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	per, err := f.s.CreateSpan(ctx, f.doc, me, me, SpanInput{Start: ps, End: pe, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	rel, err := f.s.CreateRelation(ctx, f.doc, me, me, RelationInput{Type: "speaker", From: quote.ID, To: per.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MarkDone(ctx, f.doc, f.user); err != nil {
		t.Fatal(err)
	}
	before := count(t, f.s, "SELECT count(*) FROM events")
	label := "ORG"
	cs, ce := span(t, fixtureText, "قال")
	writes := map[string]func() error{
		"create span": func() error {
			_, err := f.s.CreateSpan(ctx, f.doc, me, me, SpanInput{Start: cs, End: ce, Label: "CUE"})
			return err
		},
		"update span": func() error {
			_, err := f.s.UpdateSpan(ctx, f.doc, me, me, per.ID, SpanPatch{Label: &label})
			return err
		},
		"update span into a duplicate": func() error {
			q := "QUOTE"
			_, err := f.s.UpdateSpan(ctx, f.doc, me, me, per.ID, SpanPatch{Start: &quote.Start, End: &quote.End, Label: &q})
			return err
		},
		"delete span": func() error { _, err := f.s.DeleteSpan(ctx, f.doc, me, me, per.ID); return err },
		"create relation": func() error {
			_, err := f.s.CreateRelation(ctx, f.doc, me, me, RelationInput{Type: "cue", From: quote.ID, To: per.ID})
			return err
		},
		"delete relation": func() error { return f.s.DeleteRelation(ctx, f.doc, me, me, rel.ID) },
		"accept suggestions": func() error {
			_, err := f.s.ApplyBatch(ctx, f.doc, me, me, []BatchSpan{{Ref: "s1", SpanInput: SpanInput{Start: cs, End: ce, Label: "CUE"}}}, nil)
			return err
		},
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "marked") {
			t.Errorf("%s in a done layer: %v, want the done layer's conflict", name, err)
		}
	}
	l, err := f.s.LayerOf(ctx, f.doc, me)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Spans) != 2 || len(l.Relations) != 1 || l.Status != "done" || l.Spans[0].ID != per.ID || l.Spans[0].Label != "PER" {
		t.Errorf("refused writes changed the layer: %+v", l)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events"); n != before {
		t.Errorf("refused writes logged %d events", n-before)
	}
	if err := f.s.Reopen(ctx, f.doc, f.user, f.user.Name); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateSpan(ctx, f.doc, me, me, per.ID, SpanPatch{Label: &label}); err != nil {
		t.Errorf("edit after reopening: %v", err)
	}
}
