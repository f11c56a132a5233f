package db

import (
	"context"
	"reflect"
	"testing"
)

// TestProgress follows a team from the first span to a reviewed document:
// queues before and after the project assigns, layers started and done,
// spans by label in gold and in each person's layers, relations, someone
// who left, and the admin who imported.
func TestProgress(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	span := func(doc Document, owner User, start, end int, label string) Span {
		t.Helper()
		sp, err := f.s.CreateSpan(ctx, doc, owner.ID, owner.ID, SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	progress := func() Progress {
		t.Helper()
		p, err := f.s.Progress(ctx, f.proj)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	person := func(p Progress, name string) PersonProgress {
		t.Helper()
		for _, pp := range p.People {
			if pp.Name == name {
				return pp
			}
		}
		t.Fatalf("%s not among %+v", name, p.People)
		return PersonProgress{}
	}

	// Nothing assigned: each annotator has every document to do.
	p := progress()
	if p.Documents != 5 || p.Assigns || p.Gold["new"] != 5 || len(p.Labels) != 7 || p.Labels[0].Label != "PER" {
		t.Fatalf("fresh project: %+v", p)
	}
	if z := person(p, "zaid"); z.ToDo != 5 || z.Done != 0 || z.Role != RoleAnnotator || z.LastAt != "" {
		t.Errorf("zaid before any work: %+v", z)
	}
	if r := person(p, "rana"); r.ToDo != 0 || r.Role != RoleReviewer {
		t.Errorf("the reviewer has no queue: %+v", r)
	}
	if a := person(p, "amina"); !a.Admin || a.Role != "" || a.LastAt == "" {
		t.Errorf("the admin who imported: %+v", a)
	}

	// zaid marks a quotation with its speaker and finishes doc-1; hala starts doc-2.
	per := span(f.docs[0], f.zaid, 13, 17, "PER")
	quote := span(f.docs[0], f.zaid, 25, 38, "QUOTE")
	if _, err := f.s.CreateRelation(ctx, f.docs[0], f.zaid.ID, f.zaid.ID, RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MarkDone(ctx, f.docs[0], f.zaid); err != nil {
		t.Fatal(err)
	}
	span(f.docs[1], f.hala, 0, 2, "LOC")
	// The reviewer puts the PER into gold and marks doc-1 reviewed; gold starts doc-2.
	span(f.docs[0], f.rana, 13, 17, "PER") // rana's own layer
	gold := User{}
	if _, err := f.s.CreateSpan(ctx, f.docs[0], gold.ID, f.rana.ID, SpanInput{Start: 13, End: 17, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MarkReviewed(ctx, f.docs[0], f.rana); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateSpan(ctx, f.docs[1], gold.ID, f.rana.ID, SpanInput{Start: 0, End: 2, Label: "EVENT"}); err == nil {
		t.Fatal("a label the project lacks went into gold")
	}
	if _, err := f.s.CreateSpan(ctx, f.docs[1], gold.ID, f.rana.ID, SpanInput{Start: 0, End: 2, Label: "LOC"}); err != nil {
		t.Fatal(err)
	}
	// Then the project assigns: doc-1 and doc-2 to zaid, doc-3 to hala.
	for user, docs := range map[string][]string{"zaid": {"doc-1", "doc-2"}, "hala": {"doc-3"}} {
		if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: user, ExternalIDs: docs}); err != nil {
			t.Fatal(err)
		}
	}
	// badr leaves after working on doc-4.
	span(f.docs[3], f.badr, 0, 2, "ORG")
	if err := f.s.RemoveMember(ctx, f.proj.ID, f.user, f.badr); err != nil {
		t.Fatal(err)
	}

	p = progress()
	if !p.Assigns || p.GoldSpans != 2 || !reflect.DeepEqual(p.Gold, map[string]int{"new": 3, "in_progress": 1, "reviewed": 1}) {
		t.Errorf("gold: assigns %v, %d spans, statuses %v", p.Assigns, p.GoldSpans, p.Gold)
	}
	for _, c := range []struct {
		name                                  string
		role                                  Role
		toDo, done, started, spans, relations int
	}{
		{"zaid", RoleAnnotator, 2, 1, 0, 2, 1},
		{"hala", RoleAnnotator, 1, 0, 0, 1, 0}, // her doc-2 layer is not in her queue any more
		{"badr", "", 0, 0, 0, 1, 0},
		{"rana", RoleReviewer, 0, 0, 0, 1, 0},
	} {
		pp := person(p, c.name)
		got := []int{pp.ToDo, pp.Done, pp.Started, pp.Spans, pp.Relations}
		if want := []int{c.toDo, c.done, c.started, c.spans, c.relations}; !reflect.DeepEqual(got, want) || pp.Role != c.role || pp.LastAt == "" && c.spans > 0 {
			t.Errorf("%s: role %q, to do/done/started/spans/relations %v, last %q; want %q, %v", c.name, pp.Role, got, pp.LastAt, c.role, want)
		}
	}
	var names []string
	for _, pp := range p.People {
		names = append(names, pp.Name)
	}
	if want := []string{"amina", "badr", "hala", "rana", "zaid"}; !reflect.DeepEqual(names, want) {
		t.Errorf("people %v, want %v (by name; omar, who never joined, left out)", names, want)
	}
	byLabel := map[string]LabelCount{}
	for _, l := range p.Labels {
		byLabel[l.Label] = l
	}
	for label, want := range map[string]LabelCount{
		"PER":   {Label: "PER", Gold: 1, ByPerson: map[string]int{"zaid": 1, "rana": 1}},
		"LOC":   {Label: "LOC", Gold: 1, ByPerson: map[string]int{"hala": 1}},
		"QUOTE": {Label: "QUOTE", ByPerson: map[string]int{"zaid": 1}},
		"ORG":   {Label: "ORG", ByPerson: map[string]int{"badr": 1}},
		"DATE":  {Label: "DATE", ByPerson: map[string]int{}},
	} {
		if got := byLabel[label]; !reflect.DeepEqual(got, want) {
			t.Errorf("label %s: %+v, want %+v", label, got, want)
		}
	}
}

// TestProgressActiveTime sums the pauses between one person's changes
// that are under ActiveGap: a longer pause is a break.
func TestProgressActiveTime(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	for _, e := range []struct {
		user User
		at   string
	}{
		{f.zaid, "2026-12-01T10:00:00.000Z"},
		{f.hala, "2026-12-01T10:00:30.000Z"}, // hala's changes do not cut zaid's time
		{f.zaid, "2026-12-01T10:01:00.000Z"},
		{f.zaid, "2026-12-01T10:02:00.500Z"},
		{f.hala, "2026-12-01T10:20:00.000Z"},
		{f.zaid, "2026-12-01T10:30:00.000Z"}, // after a break
		{f.zaid, "2026-12-01T10:30:29.500Z"},
	} {
		if _, err := f.s.w.ExecContext(ctx, `INSERT INTO events (at, user_id, project_id, action) VALUES (?, ?, ?, 'span.create')`, e.at, e.user.ID, f.proj.ID); err != nil {
			t.Fatal(err)
		}
	}
	p, err := f.s.Progress(ctx, f.proj)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, pp := range p.People {
		got[pp.Name] = pp.ActiveSeconds
	}
	if got["zaid"] != 60+60+30 || got["hala"] != 0 || got["badr"] != 0 {
		t.Errorf("active seconds %v, want zaid 150 (60 + 60.5 + 29.5, the 28-minute break left out), hala 0", got)
	}
}
