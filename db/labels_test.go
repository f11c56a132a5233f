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
	next := []Label{{Name: "PER", Color: "#111111", Hotkey: "p", Description: "أسماء الأشخاص، without titles"}, {Name: "ORG", Color: "#222222", Hotkey: "o"}, {Name: "EVENT", Color: "#333333", Hotkey: "e"}}
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
		{"removing a used label", []Label{{Name: "ORG", Color: "#222222", Hotkey: "o"}}, "PER is used by 1 span;"},
		{"no labels", nil, "at least one label"},
		{"bad colour", []Label{{Name: "PER", Color: "red", Hotkey: ""}}, "colour"},
		{"a long description", []Label{{Name: "PER", Color: "#111111", Description: strings.Repeat("و", 201)}}, "201 characters, more than 200"},
		{"a description of two lines", []Label{{Name: "PER", Color: "#111111", Description: "a\nb"}}, "must be one line"},
		{"two labels, one hotkey", []Label{{Name: "PER", Color: "#111111", Hotkey: "x"}, {Name: "ORG", Color: "#222222", Hotkey: "X"}}, "hotkey"},
		{"more labels than a project may have", append(manyLabels("L", MaxLabels), next[0]), "201 labels, more than the 200 a project may have"},
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
