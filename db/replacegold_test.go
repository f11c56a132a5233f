package db

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestReplaceInGold: accepting one annotator's label on words gold gives
// another takes gold's off them in the same step, leaving one label
// there; a replaced span with links is refused, and gold stays as it was.
func TestReplaceInGold(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	word := []rune("قال")
	key := func(label string) SpanKey { return SpanKey{Label: label, Start: 0, End: len(word)} }
	span := func(owner int64, label string) Span {
		t.Helper()
		sp, err := f.s.CreateSpan(ctx, f.doc, owner, owner, SpanInput{Start: 0, End: len(word), Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	org, per := span(f.user.ID, "ORG"), span(f.other.ID, "PER")
	if _, _, err := f.s.CopySeenToGold(ctx, f.doc, SpanRef{Owner: f.user.ID, Span: org.ID, Seen: key("ORG")}, f.user.ID); err != nil {
		t.Fatal(err)
	}
	goldLabels := func() string {
		l, err := f.s.LayerOf(ctx, f.doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		var labels []string
		for _, sp := range l.Spans {
			labels = append(labels, sp.Label)
		}
		return strings.Join(labels, " ")
	}
	sp, replaced, err := f.s.ReplaceInGold(ctx, f.doc, SpanRef{Owner: f.other.ID, Span: per.ID, Seen: key("PER")}, f.user.ID)
	if err != nil || sp.Label != "PER" || strings.Join(replaced, " ") != "ORG" || goldLabels() != "PER" {
		t.Fatalf("ReplaceInGold = %+v, %v, %v; gold holds %q, want PER alone", sp, replaced, err, goldLabels())
	}

	// Gold's PER gets a link: choosing ORG again is refused, gold as it was.
	q := strings.Index(f.doc.Text, "«")
	qs := len([]rune(f.doc.Text[:q]))
	quote, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: qs, End: qs + len([]rune("«الاقتصاد ينمو»")), Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: quote.ID, To: sp.ID}); err != nil {
		t.Fatal(err)
	}
	_, _, err = f.s.ReplaceInGold(ctx, f.doc, SpanRef{Owner: f.user.ID, Span: org.ID, Seen: key("ORG")}, f.user.ID)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "PER in gold on 0–3 has 1 link") || goldLabels() != "PER QUOTE" {
		t.Errorf("replacing a linked span: %v; gold holds %q", err, goldLabels())
	}
}
