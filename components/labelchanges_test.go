package components

import (
	"context"
	"reflect"
	"testing"

	"hashiya/db"
)

// TestCompareLabelSets: each label and rule added, removed or changed is
// a line saying what, the same labels in another order are said apart,
// and an unchanged set is None.
func TestCompareLabelSets(t *testing.T) {
	before := db.LabelSet{
		Labels:        []db.Label{{Name: "PER", Color: "#e5484d", Hotkey: "1"}, {Name: "ORG", Color: "#0090ff", Hotkey: "2"}, {Name: "DATE", Color: "#f76b15", Hotkey: "5"}},
		RelationTypes: []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER", "ORG"}}, {Name: "cue", From: []string{"QUOTE"}, To: []string{"CUE"}}},
	}
	after := db.LabelSet{
		Labels:        []db.Label{{Name: "ORG", Color: "#0090FF", Hotkey: "2"}, {Name: "PER", Color: "#112233", Hotkey: "", Description: "a person"}, {Name: "WORK", Color: "#123456", Hotkey: "8"}},
		RelationTypes: []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER"}}, {Name: "mentions", From: nil, To: []string{"WORK"}}},
	}
	want := LabelChanges{
		Added:        []string{"WORK (#123456, hotkey 8)"},
		Removed:      []string{"DATE (#f76b15, hotkey 5)"},
		Changed:      []string{"PER: colour #e5484d → #112233, hotkey 1 → none, what it covers none → “a person”"},
		RulesAdded:   []string{"mentions: any label → WORK"},
		RulesRemoved: []string{"cue: QUOTE → CUE"},
		RulesChanged: []string{"speaker: QUOTE → PER (was speaker: QUOTE → PER/ORG)"},
		Reordered:    true,
	}
	if got := CompareLabelSets(context.Background(), before, after); !reflect.DeepEqual(got, want) {
		t.Errorf("changes\n%+v\nwant\n%+v", got, want)
	}
	if got := CompareLabelSets(context.Background(), before, before); !got.None() {
		t.Errorf("a set against itself: %+v", got)
	}
}
