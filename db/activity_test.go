package db

import (
	"context"
	"encoding/json"
	"testing"
)

// TestSpanEventsNameTheirLayer: every span and relation event records
// whose layer it changed, so a reviewer's edit of gold and an annotator's
// own work read apart in the log.
func TestSpanEventsNameTheirLayer(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	quoteStart, quoteEnd := span(t, fixtureText, "«الاقتصاد ينمو»")
	ahmadStart, ahmadEnd := span(t, fixtureText, "أحمد")

	// omar works in his own layer: a span, relabelled, then deleted.
	own, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: ahmadStart, End: ahmadEnd, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	label := "ORG"
	if _, err := f.s.UpdateSpan(ctx, f.doc, f.other.ID, f.other.ID, own.ID, SpanPatch{Label: &label}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DeleteSpan(ctx, f.doc, f.other.ID, f.other.ID, own.ID); err != nil {
		t.Fatal(err)
	}
	// amina, reviewing, copies a span of omar's layer into gold and links
	// a quote to it there.
	src, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: ahmadStart, End: ahmadEnd, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	per, _, err := f.s.CopyToGold(ctx, f.doc, f.other.ID, src.ID, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	quote, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: quoteStart, End: quoteEnd, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	rel, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: quote.ID, To: per.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteRelation(ctx, f.doc, 0, f.user.ID, rel.ID); err != nil {
		t.Fatal(err)
	}

	events, err := f.s.ProjectEvents(ctx, f.proj.ID, 0, 100, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(events) - 1; i >= 0; i-- {
		e := events[i]
		var d struct{ Layer *string }
		if err := json.Unmarshal(e.Detail, &d); err != nil {
			t.Fatalf("%s detail %s: %v", e.Action, e.Detail, err)
		}
		switch {
		case e.Action == "import" || e.Action == "project.create":
			continue
		case d.Layer == nil:
			t.Errorf("%s by %s records no layer: %s", e.Action, e.User, e.Detail)
		default:
			got = append(got, e.Action+" by "+e.User+" in "+*d.Layer)
		}
	}
	want := []string{
		"span.create by omar in omar", "span.update by omar in omar", "span.delete by omar in omar",
		"span.create by omar in omar", "span.create by amina in gold", "span.create by amina in gold",
		"relation.create by amina in gold", "relation.delete by amina in gold",
	}
	if len(got) != len(want) {
		t.Fatalf("events %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: %q, want %q", i, got[i], want[i])
		}
	}
	// The layer is added beside what the event kept before, not instead.
	var last struct {
		Type, Layer string
		ToText      string `json:"to_text"`
	}
	if err := json.Unmarshal(events[0].Detail, &last); err != nil || last.Type != "speaker" || last.ToText != "أحمد" || last.Layer != "gold" {
		t.Errorf("relation.delete detail %s (%v), want the relation, its ends and its layer", events[0].Detail, err)
	}
}
