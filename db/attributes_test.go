package db

import (
	"context"
	"encoding/json"
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
