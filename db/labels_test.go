package db

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestSetLabels(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s, e := span(t, fixtureText, "أحمد")
	if _, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: s, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	next := []Label{{"PER", "#111111", "p"}, {"ORG", "#222222", "o"}, {"EVENT", "#333333", "e"}}
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, next); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil || !reflect.DeepEqual(p.Labels, next) {
		t.Fatalf("labels %+v (%v), want %+v", p.Labels, err, next)
	}
	refused := []struct {
		name   string
		labels []Label
		says   string
	}{
		{"removing a used label", []Label{{"ORG", "#222222", "o"}}, "PER is used by 1 spans"},
		{"no labels", nil, "at least one label"},
		{"bad colour", []Label{{"PER", "red", ""}}, "colour"},
		{"two labels, one hotkey", []Label{{"PER", "#111111", "x"}, {"ORG", "#222222", "X"}}, "hotkey"},
	}
	for _, tt := range refused {
		err := f.s.SetLabels(ctx, f.proj.ID, f.user, tt.labels)
		if err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.says)
		}
		if p, _ := f.s.Project(ctx, f.proj.ID); !reflect.DeepEqual(p.Labels, next) {
			t.Errorf("%s: a refused change left labels %+v", tt.name, p.Labels)
		}
	}
}
