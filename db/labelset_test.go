package db

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestParseLabelSet: a labels file is an array of labels, or an object
// with the labels and the relation rules; the rules are nil when the
// file gives none, and LabelSetOf reads back as it was written.
func TestParseLabelSet(t *testing.T) {
	set, err := ParseLabelSet([]byte(`[{"name":"PERS","color":"#112233","hotkey":"1"}]`))
	if err != nil || len(set.Labels) != 1 || set.RelationTypes != nil {
		t.Fatalf("an array of labels: %+v, %v", set, err)
	}
	p := Project{Labels: DefaultLabels(), RelationTypes: DefaultRelationTypes()}
	p.Labels[0].Description = "a person"
	p.RelationTypes = append(p.RelationTypes, RelationType{Name: "any", From: nil, To: []string{"LOC"}})
	body := mustJSON(t, LabelSetOf(p))
	back, err := ParseLabelSet([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, LabelSetOf(p)) {
		t.Errorf("read back\n%+v\nwant\n%+v", back, LabelSetOf(p))
	}
	for _, tc := range []struct{ body, want string }{
		{"[\n{\"name\": \"X\",\n\"color\": \"#112233\"}}\n]", "line 3: not valid JSON"},
		{`{"labels":[{"name":"X","color":"#112233"}],"rules":[]}`, `unknown key "rules" (want labels, relation_types)`},
		{`{"labels":[{"name":"X","color":"#112233"}],"relation_types":[{"name":"r","from":["X"],"to":["X"],"by":1}]}`, `relation type 1: unknown key "by" (want name, from, to)`},
		{`{"labels":[{"name":"X","color":"#112233","hotkey":"a"}]}`, `is the annotation view's "Label every occurrence"`},
		{`{"relation_types":[]}`, `labels: want an array of labels`},
	} {
		if _, err := ParseLabelSet([]byte(tc.body)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.body, err, tc.want)
		}
	}
	if err := InFile("l.json", &LabelFileError{Line: 3, Reason: "not valid JSON"}); err.Error() != "l.json:3: not valid JSON" {
		t.Errorf("InFile: %q", err)
	}
}

// TestReplaceLabelSet: a manager replaces labels and rules in one go,
// logged; a set leaving out a label spans use, or a rule relations use,
// changes nothing; someone who does not manage the project gets
// ErrNotFound.
func TestReplaceLabelSet(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	quoteStart, quoteEnd := span(t, fixtureText, "«الاقتصاد ينمو»")
	ahmadStart, ahmadEnd := span(t, fixtureText, "أحمد")
	per, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: ahmadStart, End: ahmadEnd, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	quote, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: quoteStart, End: quoteEnd, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	before, _ := f.s.Project(ctx, f.proj.ID)
	labels := []Label{{Name: "PER", Color: "#112233", Hotkey: "1"}, {Name: "QUOTE", Color: "#445566", Hotkey: "2"}, {Name: "WORK", Color: "#778899"}}
	for _, tc := range []struct {
		name string
		set  LabelSet
		want string
	}{
		{"PER left out", LabelSet{Labels: labels[1:]}, "label PER is used by 1 span; it cannot be removed or renamed"},
		{"speaker left out", LabelSet{Labels: labels, RelationTypes: []RelationType{}}, "relation type speaker is used by 1 relation"},
		{"speaker narrowed", LabelSet{Labels: labels, RelationTypes: []RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"WORK"}}}}, "would leave out"},
	} {
		if _, _, err := f.s.CheckLabelSet(ctx, f.proj.ID, f.user, tc.set); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: checked %v, want %q", tc.name, err, tc.want)
		}
		if err := f.s.ReplaceLabelSet(ctx, f.proj.ID, f.user, tc.set, "l.json"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
		if after, _ := f.s.Project(ctx, f.proj.ID); !reflect.DeepEqual(after, before) {
			t.Errorf("%s: refused, yet the project changed to %+v", tc.name, after)
		}
	}
	if err := f.s.ReplaceLabelSet(ctx, f.proj.ID, f.other, LabelSet{Labels: labels}, "l.json"); !errors.Is(err, ErrNotFound) {
		t.Errorf("omar, no manager: %v, want ErrNotFound", err)
	}
	rules := []RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER"}}, {Name: "mentions", From: []string{}, To: []string{"WORK"}}}
	if err := f.s.ReplaceLabelSet(ctx, f.proj.ID, f.user, LabelSet{Labels: labels, RelationTypes: rules}, "l.json"); err != nil {
		t.Fatal(err)
	}
	after, _ := f.s.Project(ctx, f.proj.ID)
	if got := LabelSetOf(after); !reflect.DeepEqual(got, LabelSet{Labels: labels, RelationTypes: rules}) {
		t.Errorf("after the replace: %+v", got)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events WHERE action = 'labels.replace' AND project_id = ?", f.proj.ID); n != 1 {
		t.Errorf("%d labels.replace events, want 1", n)
	}
	// Without rules, the project's are kept, cut to the labels.
	if err := f.s.ReplaceLabelSet(ctx, f.proj.ID, f.user, LabelSet{Labels: labels[:2]}, "l.json"); err != nil {
		t.Fatal(err)
	}
	if after, _ := f.s.Project(ctx, f.proj.ID); !reflect.DeepEqual(after.RelationTypes, rules[:1]) {
		t.Errorf("rules after a file without them: %+v, want speaker alone", after.RelationTypes)
	}
}

// TestCreateProjectLike: a new project copies another's labels and
// rules; a project the admin cannot name (none there) is refused naming
// labels_from, and nothing is created.
func TestCreateProjectLike(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	set := LabelSet{Labels: []Label{{Name: "PERS", Color: "#112233", Hotkey: "1", Description: "a person"}, {Name: "QUOTE", Color: "#445566"}},
		RelationTypes: []RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}}}
	if err := f.s.ReplaceLabelSet(ctx, f.proj.ID, f.user, set, "l.json"); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.CreateProjectLike(ctx, "copy", f.proj.ID, f.user)
	if err != nil {
		t.Fatal(err)
	}
	if loaded, _ := f.s.Project(ctx, p.ID); !reflect.DeepEqual(LabelSetOf(loaded), set) {
		t.Errorf("the copy holds %+v, want %+v", LabelSetOf(loaded), set)
	}
	if _, err := f.s.CreateProjectLike(ctx, "other", 999, f.user); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "labels_from") {
		t.Errorf("from no project: %v", err)
	}
	if _, err := f.s.CreateProjectLike(ctx, "other", f.proj.ID, f.other); !errors.Is(err, ErrNotFound) {
		t.Errorf("from a project omar is not a member of: %v", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM projects WHERE name = 'other'"); n != 0 {
		t.Errorf("a refused copy made %d projects", n)
	}
}
