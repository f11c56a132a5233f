package db

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// TestImportKeepsLayerStatus: a native line's status is the status of the
// layer it fills, so a reviewed gold layer exported and imported into
// another project is still reviewed, and an annotator's done layer still
// done, with spans or without.
func TestImportKeepsLayerStatus(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "a.jsonl", By: f.user.ID},
		[]codec.Doc{importDoc(t, 1, "a", "PER")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MarkReviewed(ctx, f.loadDoc(t, "a"), f.user); err != nil {
		t.Fatal(err)
	}
	var export bytes.Buffer
	w, err := codec.NewWriter(&export, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.ExportLayers(ctx, f.proj.ID, "gold", w.Write); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(export.String(), `"id":"a","text"`) || !strings.Contains(export.String(), `"status":"reviewed"`) {
		t.Fatalf("the export does not say a's gold is reviewed:\n%s", export.String())
	}
	const qText = `"text":"قال زيد"`
	omarsLines := `{"id":"done","status":"done",` + qText + `,"spans":[{"start":0,"end":3,"label":"CUE"}]}
{"id":"done-empty","status":"done",` + qText + `}
{"id":"new",` + qText + `,"status":"new"}
{"id":"started","status":"in_progress",` + qText + `}
{"id":"unsaid",` + qText + `,"spans":[{"start":0,"end":3,"label":"CUE"}]}
`
	p2, err := f.s.CreateProject(ctx, "نسخة", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetMember(ctx, p2.ID, f.user, f.other, RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	for _, file := range []struct {
		name, text string
		owner      int64
	}{{"gold.jsonl", export.String(), 0}, {"omar.jsonl", omarsLines, f.other.ID}} {
		layer := codec.GoldLayer
		if file.owner != 0 {
			layer = f.other.Name
		}
		docs, _, err := codec.ParseFileInto(strings.NewReader(file.text), file.name, "auto", codec.UnitCodePoint, layer, codec.ViaAny)
		if _, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: p2.ID, File: file.name, Owner: file.owner, By: f.user.ID}, docs, err); err != nil {
			t.Fatalf("import %s: %v", file.name, err)
		}
	}
	for _, tc := range []struct {
		id     string
		owner  int64
		status string
		layers int // layer rows of the document: none for a new one without spans
	}{
		{"a", 0, "reviewed", 1}, {"doc-1", 0, "new", 0},
		{"done", f.other.ID, "done", 1}, {"done-empty", f.other.ID, "done", 1}, {"new", f.other.ID, "new", 0},
		{"started", f.other.ID, "in_progress", 1}, {"unsaid", f.other.ID, "in_progress", 1},
	} {
		var id int64
		if err := f.s.r.QueryRowContext(ctx, "SELECT id FROM documents WHERE project_id = ? AND external_id = ?", p2.ID, tc.id).Scan(&id); err != nil {
			t.Fatalf("document %s: %v", tc.id, err)
		}
		doc, err := f.s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		l, err := f.s.LayerOf(ctx, doc, tc.owner)
		var layers int
		f.s.r.QueryRowContext(ctx, "SELECT count(*) FROM layers WHERE document_id = ?", id).Scan(&layers) //nolint:errcheck // checked by the comparison
		if err != nil || l.Status != tc.status || layers != tc.layers {
			t.Errorf("%s: status %q and %d layers (%v), want %q and %d", tc.id, l.Status, layers, err, tc.status, tc.layers)
		}
	}
}
