package db

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"hashiya/db/codec"
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
	every := ExportCounts{Documents: 3, Bare: 1, Layers: []LayerCount{{"gold", 1, 2, 0}, {"karim", 1, 1, 0}, {"layla", 2, 2, 0}}}
	cases := []struct {
		who  User
		want ExportCounts
	}{
		{f.user, every},
		{users["rana"], every},
		{users["layla"], ExportCounts{Documents: 3, Bare: 1, Layers: []LayerCount{{"layla", 2, 2, 0}}}},
		{f.other, ExportCounts{}},
	}
	for _, tc := range cases {
		tally, err := f.s.ExportCounts(ctx, f.proj.ID, tc.who)
		if got := tally[ExportFilter{}]; err != nil || !reflect.DeepEqual(got, tc.want) {
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
	if tally, err := f.s.ExportCounts(ctx, f.proj.ID, users["karim"]); err != nil ||
		!reflect.DeepEqual(tally[ExportFilter{}], ExportCounts{Documents: 1, Layers: []LayerCount{{"karim", 1, 1, 0}}}) {
		t.Errorf("karim, assigned doc-2: %+v (%v)", tally[ExportFilter{}], err)
	}
}

// TestExportCountsAreWhatTheExportWrites: under every filter of the
// export form, each layer's figures are those of the export run with
// that status and part, as the export route runs it: the documents it
// writes, those of them with the layer, and their spans; the export of
// every layer its lines and spans.
func TestExportCountsAreWhatTheExportWrites(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	layla, err := f.s.CreateUser(ctx, "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []User{layla, f.other} { // omar: a member without a layer
		if err := f.s.SetMember(ctx, f.proj.ID, f.user, u, RoleAnnotator); err != nil {
			t.Fatal(err)
		}
	}
	as, ae := span(t, fixtureText, "أحمد")
	rs, re := span(t, fixtureText, "الرياض")
	spans := []codec.Span{{Ref: "1", Start: as, End: ae, Label: "PER"}, {Ref: "2", Start: rs, End: re, Label: "LOC"}}
	// 40 documents; gold on two in three, at new, in progress or reviewed,
	// with one or two spans; layla's on every other, at new, in progress or
	// done, with one; some documents have neither.
	var bare, gold, laylas []codec.Doc
	hasLayer := map[string]map[string]bool{"gold": {}, "layla": {}}
	for i := range 40 {
		d := codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("d-%02d", i), Text: fixtureText}
		bare = append(bare, d)
		if i%3 != 0 {
			g := d
			g.Status, g.Spans = []string{"new", "in_progress", "reviewed"}[i%3], spans[:1+i%2]
			gold = append(gold, g)
			hasLayer["gold"][d.ExternalID] = true
		}
		if i%2 == 0 {
			l := d
			l.Status, l.Spans = []string{"new", "in_progress", "done"}[i%3], spans[1:]
			laylas = append(laylas, l)
			hasLayer["layla"][d.ExternalID] = true
		}
	}
	for _, imp := range []struct {
		owner int64
		docs  []codec.Doc
	}{{0, bare}, {0, gold}, {layla.ID, laylas}} {
		if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "fixture", Owner: imp.owner, By: f.user.ID}, imp.docs); err != nil {
			t.Fatal(err)
		}
	}
	tally, err := f.s.ExportCounts(ctx, f.proj.ID, f.user)
	if err != nil {
		t.Fatal(err)
	}
	if len(tally) != 20 {
		t.Errorf("%d filters counted, want 20: any status and four, every part and three", len(tally))
	}
	for _, filter := range ExportFilters() {
		c := tally[filter]
		for _, layer := range []string{"gold", "layla", "omar", AllLayers} {
			lines, with, spans := exportRun(t, f, layer, filter, hasLayer[layer])
			want := [3]int{c.Written(layer), c.Layer(layer).Documents, c.Layer(layer).Spans}
			if layer == AllLayers {
				want = [3]int{c.Lines(), 0, c.Spans()}
			}
			if got := [3]int{lines, with, spans}; got != want {
				t.Errorf("%+v, layer %s: the export writes %d documents, %d with the layer, %d spans; the counts say %v", filter, layer, lines, with, spans, want)
			}
		}
	}
	// The figures differ between filters, or the test proves little.
	if all, done := tally[ExportFilter{}], tally[ExportFilter{Status: "done", Part: "train"}]; all.Written("layla") == done.Written("layla") || done.Written("layla") == 0 {
		t.Errorf("layla's layer writes %d documents at any status, %d done in train", all.Written("layla"), done.Written("layla"))
	}
}

// exportRun exports f's project as the export route does, jsonl with the
// filter's status and part, and counts the lines it writes, those of
// documents in has (the layer's), and the spans.
func exportRun(t *testing.T, f fixture, layer string, filter ExportFilter, has map[string]bool) (lines, with, spans int) {
	t.Helper()
	var out bytes.Buffer
	w, err := codec.NewWriter(&out, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if layer == AllLayers {
		if err := w.AllLayers(); err != nil {
			t.Fatal(err)
		}
	}
	write, err := WithStatus(filter.Status, w.Write)
	if err != nil {
		t.Fatal(err)
	}
	if write, err = codec.PartFilter("", filter.Part, "", write); err != nil {
		t.Fatal(err)
	}
	if err := f.s.ExportLayers(context.Background(), f.proj.ID, layer, write); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(out.String()) {
		var d struct {
			ID    string
			Spans []json.RawMessage
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		lines++
		spans += len(d.Spans)
		if has[d.ID] {
			with++
		}
	}
	return lines, with, spans
}
