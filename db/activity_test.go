package db

import (
	"context"
	"encoding/json"
	"testing"

	"hashiya/db/codec"
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

// TestImportEventsNameTheirLayer: an import logs one event per file,
// however many documents it holds, naming the layer its spans went to
// (gold or the user's), so the activity page says where they are; a file
// of bare texts fills no layer and names none.
func TestImportEventsNameTheirLayer(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	start, end := span(t, fixtureText, "أحمد")
	annotated := func(ids ...string) []codec.Doc {
		var docs []codec.Doc
		for i, id := range ids {
			docs = append(docs, codec.Doc{Line: i + 1, ExternalID: id, Text: fixtureText,
				Spans: []codec.Span{{Start: start, End: end, Label: "PER"}}})
		}
		return docs
	}
	imports := []struct {
		file  string
		owner int64
		docs  []codec.Doc
		want  string // the layer the event names, "" for none
	}{
		{"omar.jsonl", f.other.ID, annotated("a-1", "a-2", "a-3"), "omar"},
		{"gold.jsonl", 0, annotated("g-1", "g-2"), "gold"},
		// Onto documents the project has: omar's file gives them gold too.
		{"gold-of-omar.jsonl", 0, annotated("a-1", "a-2"), "gold"},
		{"bare.txt", f.other.ID, []codec.Doc{{Line: 1, ExternalID: "bare", Text: fixtureText}}, ""},
	}
	for _, im := range imports {
		if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: im.file, Owner: im.owner, By: f.user.ID}, im.docs); err != nil {
			t.Fatalf("%s: %v", im.file, err)
		}
	}
	events, err := f.s.ProjectEvents(ctx, f.proj.ID, 0, 100, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{} // layers named, by file
	for _, e := range events {
		var d struct {
			File  string
			Layer *string
		}
		if e.Action != "import" {
			continue
		}
		if err := json.Unmarshal(e.Detail, &d); err != nil {
			t.Fatalf("import detail %s: %v", e.Detail, err)
		}
		layer := ""
		if d.Layer != nil {
			layer = *d.Layer
		}
		got[d.File] = append(got[d.File], layer)
	}
	for _, im := range imports {
		if len(got[im.file]) != 1 || got[im.file][0] != im.want {
			t.Errorf("%s (%d documents) logged layers %q, want one event naming %q", im.file, len(im.docs), got[im.file], im.want)
		}
	}
}
