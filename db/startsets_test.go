package db

import (
	"context"
	"reflect"
	"slices"
	"testing"
)

// TestNamedEntityLabels: CoNLL's set is a set a project can hold, keys 1
// to 4 in CoNLL's order, each label its own colour, and a project made
// with it and no rules has no rules, not the default ones cut to it
// (refers_to would stay, joining PER and ORG).
func TestNamedEntityLabels(t *testing.T) {
	set := NamedEntityLabels()
	if err := ValidateLabels(set); err != nil {
		t.Fatal(err)
	}
	var names, keys, colours []string
	for _, l := range set {
		names, keys = append(names, l.Name), append(keys, l.Hotkey)
		if !slices.Contains(colours, l.Color) {
			colours = append(colours, l.Color)
		}
	}
	if !reflect.DeepEqual(names, []string{"PER", "LOC", "ORG", "MISC"}) || !reflect.DeepEqual(keys, []string{"1", "2", "3", "4"}) || len(colours) != 4 {
		t.Errorf("the named-entity set is %+v", set)
	}
	s := openStore(t)
	u, err := s.CreateUser(context.Background(), "admin", "x", true)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.CreateProjectFrom(context.Background(), "ner", LabelSet{Labels: set, RelationTypes: []RelationType{}}, u.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if p, err = s.Project(context.Background(), p.ID); err != nil || !reflect.DeepEqual(p.Labels, set) || len(p.RelationTypes) != 0 {
		t.Errorf("the project holds %+v and rules %+v (%v)", p.Labels, p.RelationTypes, err)
	}
}

// TestSetLabelsSaysWhichRulesWent: removing QUOTE and CUE from the
// default set takes speaker, cue and segment with them, which the save
// names in the project's order; refers_to, joining PER and ORG, stays,
// and a save removing no rule names none.
func TestSetLabelsSaysWhichRulesWent(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	var kept []Label
	for _, l := range DefaultLabels() {
		if l.Name != "QUOTE" && l.Name != "CUE" {
			kept = append(kept, l)
		}
	}
	gone, err := f.s.SetLabelsCutting(ctx, f.proj.ID, f.user, kept)
	if err != nil || !reflect.DeepEqual(gone, []string{"speaker", "cue", "segment"}) {
		t.Fatalf("removing QUOTE and CUE removed the rules %q (%v)", gone, err)
	}
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil || len(p.RelationTypes) != 1 || p.RelationTypes[0].Name != "refers_to" {
		t.Fatalf("the rules left: %+v (%v)", p.RelationTypes, err)
	}
	if gone, err := f.s.SetLabelsCutting(ctx, f.proj.ID, f.user, append(kept, Label{Name: "MISC", Color: NextColor(kept), Hotkey: "8"})); err != nil || gone != nil {
		t.Errorf("adding a label removed the rules %q (%v)", gone, err)
	}
}

// TestNextColorForNewRows: the colour proposed for a new label is none
// of the set's, and once a label takes it the next is another, grey
// never.
func TestNextColorForNewRows(t *testing.T) {
	for _, set := range [][]Label{DefaultLabels(), NamedEntityLabels(), {}} {
		first := NextColor(set)
		second := NextColor(append(slices.Clone(set), Label{Name: "NEW1", Color: first}))
		for _, c := range []string{first, second} {
			if c == "#888888" || slices.ContainsFunc(set, func(l Label) bool { return l.Color == c }) {
				t.Errorf("beside %d labels the colour %s is proposed", len(set), c)
			}
		}
		if first == second {
			t.Errorf("beside %d labels two new rows both get %s", len(set), first)
		}
	}
}
