package db

import (
	"context"
	"reflect"
	"testing"
)

// TestExportCountsWhatEachLayerHolds: the counts of an export are the
// project's documents and, for each layer, the documents that have it and
// its spans, gold first; each caller is told only of what they may see:
// a reviewer of every layer, an annotator of their own layer on the
// documents they open, a non-member of nothing.
func TestExportCountsWhatEachLayerHolds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	users := map[string]User{}
	for name, role := range map[string]Role{"layla": RoleAnnotator, "karim": RoleAnnotator, "rana": RoleReviewer} {
		u, err := f.s.CreateUser(ctx, name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.SetMember(ctx, f.proj.ID, f.user, u, role); err != nil {
			t.Fatal(err)
		}
		users[name] = u
	}
	doc2, _ := f.addDoc(t, "doc-2", fixtureText), f.addDoc(t, "doc-3", fixtureText)
	add := func(doc Document, owner int64, word, label string) {
		t.Helper()
		s, e := span(t, fixtureText, word)
		if _, err := f.s.CreateSpan(ctx, doc, owner, f.user.ID, SpanInput{Start: s, End: e, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	layla, karim := users["layla"].ID, users["karim"].ID
	add(f.doc, 0, "أحمد", "PER")
	add(f.doc, 0, "الرياض", "LOC")
	add(f.doc, layla, "أحمد", "PER")
	add(doc2, layla, "الرياض", "LOC")
	add(doc2, karim, "الرياض", "LOC")
	every := ExportCounts{Documents: 3, Bare: 1, Layers: []LayerCount{{"gold", 1, 2}, {"karim", 1, 1}, {"layla", 2, 2}}}
	cases := []struct {
		who  User
		want ExportCounts
	}{
		{f.user, every},
		{users["rana"], every},
		{users["layla"], ExportCounts{Documents: 3, Bare: 1, Layers: []LayerCount{{"layla", 2, 2}}}},
		{f.other, ExportCounts{}},
	}
	for _, tc := range cases {
		got, err := f.s.ExportCounts(ctx, f.proj.ID, tc.who)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v (%v), want %+v", tc.who.Name, got, err, tc.want)
		}
	}
	if got := every.Lines(); got != 5 {
		t.Errorf("every layer writes %d lines, want 5: four layers and a bare document", got)
	}
	// Once documents are assigned, an annotator is told of those alone.
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "karim", DocumentIDs: []int64{doc2.ID}}); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.ExportCounts(ctx, f.proj.ID, users["karim"]); err != nil ||
		!reflect.DeepEqual(got, ExportCounts{Documents: 1, Layers: []LayerCount{{"karim", 1, 1}}}) {
		t.Errorf("karim, assigned doc-2: %+v (%v)", got, err)
	}
}
