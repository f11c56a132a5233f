package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestRefusedRowsNameTheirCell: a refused label or relation set names the
// row and field it is about as data (ValidationError.Cell), the same as
// Field says in words, so a form marks that input without reading text.
func TestRefusedRowsNameTheirCell(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	per := Label{Name: "PER", Color: "#e5484d", Hotkey: "1"}
	labelCases := []struct {
		name   string
		labels []Label
		want   Cell
	}{
		{"a shared hotkey on row 2", []Label{per, {Name: "ORG", Color: "#0090ff", Hotkey: "1"}}, Cell{"labels", 1, "hotkey", false}},
		{"a view's key", []Label{per, {Name: "X", Color: "#0090ff", Hotkey: "a"}}, Cell{"labels", 1, "hotkey", false}},
		{"an empty colour", []Label{{Name: "X", Color: ""}, per}, Cell{"labels", 0, "color", false}},
		{"a name twice", []Label{per, {Name: "LOC", Color: "#0090ff"}, per}, Cell{"labels", 2, "name", false}},
		{"a long description", []Label{per, {Name: "LOC", Color: "#0090ff", Description: strings.Repeat("x", MaxLabelDescription+1)}}, Cell{"labels", 1, "description", false}},
	}
	for _, tc := range labelCases {
		checkCell(t, tc.name, f.s.SetLabels(ctx, f.proj.ID, f.user, tc.labels), tc.want)
	}
	rules := []RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER"}}}
	relationCases := []struct {
		name  string
		types []RelationType
		want  Cell
	}{
		{"a bad name", append(rules, RelationType{Name: "two words"}), Cell{"relation_types", 1, "name", false}},
		{"a label the project lacks on the to side", append(rules, RelationType{Name: "x", From: []string{"PER"}, To: []string{"EVENT"}}), Cell{"relation_types", 1, "to", false}},
		{"lacking labels on both sides", []RelationType{{Name: "x", From: []string{"NOPE"}, To: []string{"EVENT"}}}, Cell{"relation_types", 0, "from", false}},
		{"a label twice on a side", []RelationType{{Name: "x", To: []string{"PER", "PER"}}}, Cell{"relation_types", 0, "to", false}},
	}
	for _, tc := range relationCases {
		checkCell(t, tc.name, f.s.SetRelationTypes(ctx, f.proj.ID, f.user, tc.types), tc.want)
	}
}

// TestRefusedSetsNameARow: a refusal about a label or relation set as a
// whole, its Field naming the list, still names the row to mend it at: a
// label or type in use that the set left out (cleared or renamed) by its
// place in the project's set as stored, the first label past the most a
// project may have, and the first row of a set left with no label.
func TestRefusedSetsNameARow(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s, e := span(t, fixtureText, "أحمد")
	per, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: s, End: e, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	s, e = span(t, fixtureText, "الاقتصاد ينمو")
	quote, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: s, End: e, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, f.user.ID, f.user.ID, RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	at := func(list string, names []string, name string) Cell {
		t.Helper()
		for i, n := range names {
			if n == name {
				return Cell{list, i, "name", true}
			}
		}
		t.Fatalf("the project has no %s %s", list, name)
		return Cell{}
	}
	var labelNames, typeNames []string
	for _, l := range p.Labels {
		labelNames = append(labelNames, l.Name)
	}
	for _, rt := range p.RelationTypes {
		typeNames = append(typeNames, rt.Name)
	}
	renamed := slices.Clone(p.Labels)
	renamed[slices.Index(labelNames, "PER")].Name = "PERSON"
	renamedTypes := slices.Clone(p.RelationTypes)
	renamedTypes[slices.Index(typeNames, "speaker")].Name = "said_by"
	cases := []struct {
		name string
		err  error
		says string
		want Cell
	}{
		{"a used label removed", f.s.SetLabels(ctx, f.proj.ID, f.user, slices.DeleteFunc(slices.Clone(p.Labels), func(l Label) bool { return l.Name == "PER" })),
			"labels: label PER is used by 1 span; it cannot be removed or renamed", at("labels", labelNames, "PER")},
		{"a used label renamed", f.s.SetLabels(ctx, f.proj.ID, f.user, renamed),
			"labels: label PER is used by 1 span; it cannot be removed or renamed", at("labels", labelNames, "PER")},
		{"no label left", f.s.SetLabels(ctx, f.proj.ID, f.user, nil), "labels: a project needs at least one label", Cell{"labels", 0, "name", true}},
		{"a label too many", f.s.SetLabels(ctx, f.proj.ID, f.user, manyLabels("L", MaxLabels+1)),
			"labels: 201 labels, more than the 200 a project may have", Cell{"labels", MaxLabels, "name", false}},
		{"a used type removed", f.s.SetRelationTypes(ctx, f.proj.ID, f.user, slices.DeleteFunc(slices.Clone(p.RelationTypes), func(rt RelationType) bool { return rt.Name == "speaker" })),
			"relation_types: relation type speaker is used by 1 relation (QUOTE -> PER); it cannot be removed or renamed", at("relation_types", typeNames, "speaker")},
		{"a used type renamed", f.s.SetRelationTypes(ctx, f.proj.ID, f.user, renamedTypes),
			"relation_types: relation type speaker is used by 1 relation (QUOTE -> PER); it cannot be removed or renamed", at("relation_types", typeNames, "speaker")},
		{"a type too many", f.s.SetRelationTypes(ctx, f.proj.ID, f.user, slices.Repeat([]RelationType{{Name: "x"}}, MaxRelationTypes+1)),
			"relation_types: 201 relation types, more than the 200 a project may have", Cell{"relation_types", MaxRelationTypes, "name", false}},
	}
	for _, tc := range cases {
		var ve *ValidationError
		if !errors.As(tc.err, &ve) || ve.Cell == nil || *ve.Cell != tc.want || tc.err.Error() != tc.says {
			t.Errorf("%s: %v (cell %+v), want %q at %+v", tc.name, tc.err, cellOf(ve), tc.says, tc.want)
		}
	}
	if after, err := f.s.Project(ctx, f.proj.ID); err != nil || !reflect.DeepEqual(after, p) {
		t.Errorf("refused sets changed the project to %+v (%v)", after, err)
	}
}

func cellOf(ve *ValidationError) any {
	if ve == nil || ve.Cell == nil {
		return nil
	}
	return *ve.Cell
}

func checkCell(t *testing.T, name string, err error, want Cell) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Cell == nil || *ve.Cell != want {
		t.Errorf("%s: %v, want a refusal of %+v", name, err, want)
		return
	}
	if got := ve.Field; got != fmtCell(want) {
		t.Errorf("%s: Field %q, but Cell says %s", name, got, fmtCell(want))
	}
}

func fmtCell(c Cell) string {
	return fmt.Sprintf("%s[%d].%s", c.List, c.Row, c.Field)
}
