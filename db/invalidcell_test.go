package db

import (
	"context"
	"errors"
	"fmt"
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
		{"a shared hotkey on row 2", []Label{per, {Name: "ORG", Color: "#0090ff", Hotkey: "1"}}, Cell{"labels", 1, "hotkey"}},
		{"a view's key", []Label{per, {Name: "X", Color: "#0090ff", Hotkey: "a"}}, Cell{"labels", 1, "hotkey"}},
		{"an empty colour", []Label{{Name: "X", Color: ""}, per}, Cell{"labels", 0, "color"}},
		{"a name twice", []Label{per, {Name: "LOC", Color: "#0090ff"}, per}, Cell{"labels", 2, "name"}},
		{"a long description", []Label{per, {Name: "LOC", Color: "#0090ff", Description: strings.Repeat("x", MaxLabelDescription+1)}}, Cell{"labels", 1, "description"}},
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
		{"a bad name", append(rules, RelationType{Name: "two words"}), Cell{"relation_types", 1, "name"}},
		{"a label the project lacks on the to side", append(rules, RelationType{Name: "x", From: []string{"PER"}, To: []string{"EVENT"}}), Cell{"relation_types", 1, "to"}},
		{"lacking labels on both sides", []RelationType{{Name: "x", From: []string{"NOPE"}, To: []string{"EVENT"}}}, Cell{"relation_types", 0, "from"}},
		{"a label twice on a side", []RelationType{{Name: "x", To: []string{"PER", "PER"}}}, Cell{"relation_types", 0, "to"}},
	}
	for _, tc := range relationCases {
		checkCell(t, tc.name, f.s.SetRelationTypes(ctx, f.proj.ID, f.user, tc.types), tc.want)
	}
	// A refusal about the set as a whole names no row.
	var ve *ValidationError
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, nil); !errors.As(err, &ve) || ve.Cell != nil {
		t.Errorf("an empty label set: %v, want a validation error naming no row", err)
	}
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
