package db

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestSpanAttributes(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s, e := span(t, fixtureText, "أحمد")
	per, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: s, End: e, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	quote, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: 0, End: e, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		span  Span
		patch map[string]any
		field string // the ValidationError's field, "" when accepted
		want  map[string]any
	}{
		{"quote type", quote, map[string]any{"type": "indirect"}, "", map[string]any{"type": "indirect"}},
		{"speaker not in text kept beside type", quote, map[string]any{"speaker_in_text": false}, "", map[string]any{"type": "indirect", "speaker_in_text": false}},
		{"null removes", quote, map[string]any{"type": nil}, "", map[string]any{"speaker_in_text": false}},
		{"unknown type", quote, map[string]any{"type": "reported"}, "attributes.type", nil},
		{"type on a PER", per, map[string]any{"type": "direct"}, "attributes.type", nil},
		{"speaker_in_text not a bool", quote, map[string]any{"speaker_in_text": "no"}, "attributes.speaker_in_text", nil},
		{"free attribute on a PER", per, map[string]any{"note": "مصدر"}, "", map[string]any{"note": "مصدر"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := count(t, f.s, "SELECT count(*) FROM events WHERE action = 'span.update'")
			got, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, tt.span.ID, SpanPatch{Attributes: tt.patch})
			if tt.field != "" {
				if field := validationField(t, err); field != tt.field {
					t.Errorf("error on %q, want %q", field, tt.field)
				}
				if after := count(t, f.s, "SELECT count(*) FROM events WHERE action = 'span.update'"); after != before {
					t.Error("a refused patch was logged as a change")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var attrs map[string]any
			if err := json.Unmarshal(got.Attributes, &attrs); err != nil {
				t.Fatal(err)
			}
			if len(attrs) != len(tt.want) {
				t.Fatalf("attributes %v, want %v", attrs, tt.want)
			}
			for k, v := range tt.want {
				if attrs[k] != v {
					t.Errorf("attributes %v, want %v", attrs, tt.want)
				}
			}
			if got.Start != tt.span.Start || got.End != tt.span.End || got.Label != tt.span.Label {
				t.Errorf("an attribute patch moved or relabelled the span: %+v", got)
			}
		})
	}
}

// TestRelabelQuoteDropsItsAttributes: a QUOTE with a type and "speaker
// not in the text" can be given another label; those two go (other
// attributes stay), and come back when the label does, if sent.
func TestRelabelQuoteDropsItsAttributes(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s, e := span(t, fixtureText, "أحمد")
	q, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: s, End: e, Label: "QUOTE",
		Attributes: map[string]any{"type": "direct", "speaker_in_text": false, "note": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	per, quote := "PER", "QUOTE"
	got, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, q.ID, SpanPatch{Label: &per})
	if err != nil {
		t.Fatalf("relabelling a typed QUOTE: %v", err)
	}
	if string(got.Attributes) != `{"note":"x"}` {
		t.Errorf("a PER that was a QUOTE keeps %s", got.Attributes)
	}
	// Setting a quotation's attribute on the new label is still refused.
	if _, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, q.ID, SpanPatch{Label: &quote}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, q.ID, SpanPatch{Label: &per, Attributes: map[string]any{"type": "direct"}}); validationField(t, err) != "attributes.type" {
		t.Errorf("type set on a PER: %v", err)
	}
	back, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, q.ID, SpanPatch{Label: &quote, Attributes: map[string]any{"type": "direct", "speaker_in_text": false}})
	if err != nil || string(back.Attributes) != `{"note":"x","speaker_in_text":false,"type":"direct"}` {
		t.Errorf("undoing the relabel: %s, %v", back.Attributes, err)
	}
}

// TestAttributesBounded: attributes past 16 KiB of JSON or 8 levels deep
// are refused, naming attributes, and nothing is written.
func TestAttributesBounded(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s, e := span(t, fixtureText, "أحمد")
	deep := map[string]any{}
	at := deep
	for range 9 {
		next := map[string]any{}
		at["k"] = next
		at = next
	}
	for name, attrs := range map[string]map[string]any{
		"large": {"junk": strings.Repeat("A", MaxAttributeBytes)},
		"deep":  deep,
	} {
		_, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: s, End: e, Label: "PER", Attributes: attrs})
		if field := validationField(t, err); field != "attributes" {
			t.Errorf("%s attributes: error %v on %q, want attributes", name, err, field)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM spans"); n != 0 {
		t.Errorf("%d spans written", n)
	}
}
