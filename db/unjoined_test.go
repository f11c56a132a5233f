package db

import (
	"slices"
	"testing"
)

// TestUnjoinedLabels: an added label no rule names is unjoined; a rule
// with an empty side, or a relation type the import adds (both sides
// empty), joins every label.
func TestUnjoinedLabels(t *testing.T) {
	speakerPERS := []RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}}
	for _, tt := range []struct {
		name        string
		rules       []RelationType
		used, added []string
		want        []string
	}{
		{"the default rules", DefaultRelationTypes(), nil, []string{"PERS", "MISC"}, []string{"PERS", "MISC"}},
		{"a rule naming one", speakerPERS, []string{"speaker"}, []string{"PERS", "MISC"}, []string{"MISC"}},
		{"a side open to any label", []RelationType{{Name: "about", From: []string{"QUOTE"}}}, nil, []string{"MISC"}, nil},
		{"a type the import adds", speakerPERS, []string{"said_by"}, []string{"MISC"}, nil},
	} {
		if got := unjoinedLabels(tt.rules, tt.used, tt.added); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
