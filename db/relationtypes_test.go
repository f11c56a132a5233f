package db

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestSetRelationTypes: a manager renames the speaker's label side (a
// corpus that says PERS), adds a type, and is refused what would leave a
// stored relation outside every rule or name a label the project lacks.
func TestSetRelationTypes(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	labels := append(DefaultLabels(), Label{Name: "PERS", Color: "#123456", Hotkey: "8"})
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, labels); err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, fixtureText, "أحمد")
	qs, qe := span(t, fixtureText, "الاقتصاد ينمو")
	per, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: ps, End: pe, Label: "PERS"})
	if err != nil {
		t.Fatal(err)
	}
	quote, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	speaker := RelationInput{Type: "speaker", From: quote.ID, To: per.ID}
	if _, err := f.s.CreateRelation(ctx, f.doc, f.user.ID, f.user.ID, speaker); err == nil || !strings.Contains(err.Error(), "QUOTE -> PER/ORG, not QUOTE -> PERS") {
		t.Fatalf("a speaker of label PERS under the default rule: %v", err)
	}
	next := []RelationType{
		{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS", "ORG"}},
		{Name: "cue", From: []string{"QUOTE"}, To: []string{"CUE"}},
		{Name: "located_in", From: []string{"ORG"}, To: []string{}},
	}
	if err := f.s.SetRelationTypes(ctx, f.proj.ID, f.user, next); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, f.user.ID, f.user.ID, speaker); err != nil {
		t.Fatalf("a PERS speaker under the new rule: %v", err)
	}
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil || !reflect.DeepEqual(p.RelationTypes, next) {
		t.Fatalf("relation types %+v (%v), want %+v", p.RelationTypes, err, next)
	}
	for _, c := range []struct {
		name  string
		types []RelationType
		says  string
	}{
		{"removing a type in use", next[1:], "relation type speaker is used by 1 relation (QUOTE -> PERS); it cannot be removed"},
		{"narrowing past a relation", []RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER"}}},
			"1 speaker relations join QUOTE -> PERS, which the rule QUOTE -> PER would leave out"},
		{"a label the project lacks", append([]RelationType{{Name: "x", From: []string{"EVENT"}}}, next...), "relation type x names label EVENT, which project"},
		{"a bad name", append([]RelationType{{Name: "two words"}}, next...), `relation type name "two words"`},
		{"a name twice", append(next, next[0]), "relation type speaker appears twice"},
		{"a label twice on a side", []RelationType{{Name: "speaker", From: []string{"QUOTE", "QUOTE"}, To: []string{"PERS"}}}, "names label QUOTE twice"},
	} {
		err := f.s.SetRelationTypes(ctx, f.proj.ID, f.user, c.types)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.says)
		}
		if p, _ := f.s.Project(ctx, f.proj.ID); !reflect.DeepEqual(p.RelationTypes, next) {
			t.Errorf("%s: a refused change left %+v", c.name, p.RelationTypes)
		}
	}
	// Removing a label cuts it from the rules; a rule left with nothing on
	// a side that named labels goes.
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, []Label{{Name: "PERS", Color: "#123456", Hotkey: "8"}, {Name: "QUOTE", Color: "#222222", Hotkey: "6"}, {Name: "ORG", Color: "#333333", Hotkey: "2"}}); err != nil {
		t.Fatal(err)
	}
	p, _ = f.s.Project(ctx, f.proj.ID)
	want := []RelationType{
		{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS", "ORG"}},
		{Name: "located_in", From: []string{"ORG"}, To: []string{}},
	}
	if !reflect.DeepEqual(p.RelationTypes, want) {
		t.Errorf("after removing CUE: %+v, want %+v", p.RelationTypes, want)
	}
}

// TestNewProjectRulesFitItsLabels: a project made with its own label set
// gets the default rules cut to it.
func TestNewProjectRulesFitItsLabels(t *testing.T) {
	f := newFixture(t)
	p, err := f.s.CreateProject(context.Background(), "aner", []Label{{Name: "PERS", Color: "#111111", Hotkey: "1"}, {Name: "ORG", Color: "#222222", Hotkey: "2"}, {Name: "QUOTE", Color: "#333333", Hotkey: "3"}}, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []RelationType{
		{Name: "speaker", From: []string{"QUOTE"}, To: []string{"ORG"}},
		{Name: "segment", From: []string{"QUOTE"}, To: []string{"QUOTE"}},
		{Name: "refers_to", From: []string{"ORG"}, To: []string{"ORG"}},
	}
	if !reflect.DeepEqual(p.RelationTypes, want) {
		t.Errorf("rules %+v, want %+v", p.RelationTypes, want)
	}
}
