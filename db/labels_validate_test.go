package db

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestValidateLabelsRefuses: a label set is refused for a hotkey the
// annotation view keeps for itself, in either case, for a control or bidi
// character in a hotkey or a description, and for a hotkey two labels
// share, each message naming the labels and what is wrong.
func TestValidateLabelsRefuses(t *testing.T) {
	per := Label{Name: "PER", Color: "#e5484d", Hotkey: "1"}
	with := func(l Label) []Label { return []Label{per, l} }
	cases := []struct {
		name   string
		labels []Label
		says   string
	}{
		{"a, Label every occurrence", with(Label{Name: "DATE", Color: "#f76b15", Hotkey: "a"}),
			`labels[1].hotkey: hotkey "a" of label DATE is the annotation view's "Label every occurrence"; choose another`},
		{"upper-case A", with(Label{Name: "DATE", Color: "#f76b15", Hotkey: "A"}), `hotkey "A" of label DATE is the annotation view's "Label every occurrence"`},
		{"s, Pick speaker", with(Label{Name: "X", Color: "#111111", Hotkey: "s"}), `hotkey "s" of label X is the annotation view's "Pick speaker"`},
		{"C, Pick cue", with(Label{Name: "X", Color: "#111111", Hotkey: "C"}), `hotkey "C" of label X is the annotation view's "Pick cue"`},
		{"r, refers to", with(Label{Name: "X", Color: "#111111", Hotkey: "r"}), `hotkey "r" of label X is the annotation view's "Pick the entity it refers to"`},
		{"/, Find", with(Label{Name: "X", Color: "#111111", Hotkey: "/"}), `hotkey "/" of label X is the annotation view's "Find in the text"`},
		{"?, the keys", with(Label{Name: "X", Color: "#111111", Hotkey: "?"}), `hotkey "?" of label X is the annotation view's key for its list of keys`},
		{"], next span", with(Label{Name: "X", Color: "#111111", Hotkey: "]"}), `hotkey "]" of label X is the annotation view's key for the next span`},
		{"[, previous span", with(Label{Name: "X", Color: "#111111", Hotkey: "["}), `hotkey "[" of label X is the annotation view's key for the previous span`},
		{"an RLO hotkey", with(Label{Name: "X", Color: "#111111", Hotkey: "\u202e"}),
			"labels[1].hotkey: hotkey of label X: control character U+202E at character 1; a hotkey is one visible character"},
		{"a control hotkey", with(Label{Name: "X", Color: "#111111", Hotkey: "\x01"}), "hotkey of label X: control character U+0001 at character 1"},
		{"an RLM hotkey", with(Label{Name: "X", Color: "#111111", Hotkey: "\u200f"}), "hotkey of label X: control character U+200F"},
		{"a NUL in a description", with(Label{Name: "X", Color: "#111111", Description: "a\x00b\x1b[31m\u2066x"}),
			"labels[1].description: description of label X: control character U+0000 at character 2; a description is one line of visible text"},
		{"an isolate in a description", with(Label{Name: "X", Color: "#111111", Description: "ab\u2066x"}), "description of label X: control character U+2066 at character 3"},
		{"two labels, one hotkey", with(Label{Name: "ORG", Color: "#0090ff", Hotkey: "1"}), `labels[1].hotkey: hotkey "1" is used by PER and ORG`},
		{"two labels, one hotkey in two cases", []Label{{Name: "B1", Color: "#111111", Hotkey: "x"}, {Name: "B2", Color: "#111111", Hotkey: "X"}}, `hotkey "X" is used by B1 and B2`},
	}
	for _, tc := range cases {
		err := ValidateLabels(tc.labels)
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.says)
		}
	}
	// Digits, the other letters and marks of the text (an RLM does not
	// belong in a hotkey, but may stand in a mixed description) pass.
	fine := []Label{per, {Name: "B", Color: "#111111", Hotkey: "b"}, {Name: "Z", Color: "#111111", Hotkey: "z", Description: "اسم \u200fLatin\u200f"}, {Name: "N", Color: "#111111"}}
	if err := ValidateLabels(fine); err != nil {
		t.Errorf("a fine set: %v", err)
	}
}

// TestImportKeysAreNotTheViews: the keys an import gives new labels are
// never ones the label form refuses.
func TestImportKeysAreNotTheViews(t *testing.T) {
	for _, k := range strings.Split(hotkeyOrder, "") {
		if _, ok := viewKeys[k]; ok {
			t.Errorf("an import would give key %q, which the annotation view keeps", k)
		}
	}
}

// TestStoredViewKeyStillLoads: a project whose labels were saved before
// these checks, with a key the view keeps and a control character in a
// description, still loads and takes an import adding labels; only
// saving its label set again asks for them mended.
func TestStoredViewKeyStillLoads(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if _, err := f.s.w.ExecContext(ctx, "UPDATE labels SET hotkey = 'a', description = ? WHERE project_id = ? AND name = 'DATE'", "x\u202ey", f.proj.ID); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored := p.Labels
	labels := importWithLabels(t, f, "more", "EVENT")
	if !reflect.DeepEqual(labels[:len(stored)], stored) || labels[len(stored)].Name != "EVENT" || labels[len(stored)].Hotkey != "5" {
		t.Errorf("an import adding EVENT to the stored set gave %+v", labels)
	}
	err = f.s.SetLabels(ctx, f.proj.ID, f.user, labels)
	if err == nil || !strings.Contains(err.Error(), `description of label DATE: control character U+202E`) {
		t.Errorf("saving the stored set again: %v", err)
	}
	labels[4].Description = "dates"
	err = f.s.SetLabels(ctx, f.proj.ID, f.user, labels)
	if err == nil || !strings.Contains(err.Error(), `hotkey "a" of label DATE is the annotation view's "Label every occurrence"`) {
		t.Errorf("saving the stored key again: %v", err)
	}
	labels[4].Hotkey = "9"
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, labels); err != nil {
		t.Errorf("saving the mended set: %v", err)
	}
}

// TestViewKeysSorted: the list the label form shows is every key the
// validation refuses, in order.
func TestViewKeysSorted(t *testing.T) {
	keys := ViewKeys()
	if !slices.IsSorted(keys) || len(keys) != len(viewKeys) {
		t.Fatalf("ViewKeys() = %q", keys)
	}
	for _, k := range keys {
		if err := ValidateLabels([]Label{{Name: "X", Color: "#112233", Hotkey: k}}); err == nil {
			t.Errorf("key %q listed but accepted", k)
		}
	}
}
