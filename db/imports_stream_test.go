package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// importedRows is every row an import writes, timestamps aside, one
// string per row, so two stores' imports compare as wholes.
func importedRows(t *testing.T, s *Store) string {
	t.Helper()
	queries := []string{
		"SELECT id, project_id, external_id, text, meta, hash FROM documents ORDER BY id",
		"SELECT document_id, external_id, text FROM document_search ORDER BY document_id",
		"SELECT id, document_id, owner_id, status FROM layers ORDER BY id",
		`SELECT id, layer_id, start, "end", label, attributes, created_by FROM spans ORDER BY id`,
		"SELECT id, layer_id, type, from_span, to_span, created_by FROM relations ORDER BY id",
		"SELECT id, project_id, name, color, hotkey, position, description FROM labels ORDER BY id",
		"SELECT id, project_id, name, from_labels, to_labels FROM relation_types ORDER BY id",
		"SELECT id, user_id, project_id, document_id, action, detail FROM events ORDER BY id",
	}
	var b strings.Builder
	for _, q := range queries {
		rows, err := s.r.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if raw, ok := v.([]byte); ok {
					vals[i] = string(raw)
				}
			}
			fmt.Fprintf(&b, "%v %#v\n", cols, vals)
		}
		rows.Close()
	}
	return b.String()
}

// importBoth imports one file into a fresh fixture with ParseFileInto and
// ImportParsed (as the API does), and into another with ImportFile, and
// returns each store's rows and what each said.
func importBoth(t *testing.T, name, content string, opts ImportOptions, format string) (old, streamed string) {
	t.Helper()
	ctx := context.Background()
	describe := func(f fixture, res ImportResult, rep codec.Report, err error) string {
		return fmt.Sprintf("%s\nresult %+v\nwarnings %v\nerror %v\n", importedRows(t, f.s), res, rep.Warnings, err)
	}
	a := newFixture(t)
	opts.ProjectID, opts.File, opts.By = a.proj.ID, name, a.user.ID
	docs, rep, err := codec.ParseFileInto(strings.NewReader(content), name, format, codec.UnitCodePoint, codec.GoldLayer, codec.ViaAny)
	res, err := a.s.ImportParsed(ctx, opts, docs, err)
	old = describe(a, res, rep, err)

	b := newFixture(t)
	opts.ProjectID, opts.By = b.proj.ID, 0
	by := func(context.Context) (int64, error) { return b.user.ID, nil }
	res, rep, err = b.s.ImportFile(ctx, opts, strings.NewReader(content), FileImport{Format: format, Unit: codec.UnitCodePoint, Layer: codec.GoldLayer, By: by})
	return old, describe(b, res, rep, err)
}

// TestImportFileAsImport: reading a file twice stores the very rows, and
// says the very warnings and bad lines, that parsing it whole does, in
// every format, good files and bad, with new labels and onto documents
// the project has.
func TestImportFileAsImport(t *testing.T) {
	tests := []struct {
		name, format, content string
		addLabels             bool
	}{
		{"native.jsonl", "auto", `{"id":"n1","text":"قال أحمد «الاقتصاد ينمو»","status":"reviewed","spans":[{"id":"q","start":9,"end":24,"label":"QUOTE","attributes":{"type":"direct"}},{"id":"p","start":4,"end":8,"label":"PER"}],"relations":[{"type":"speaker","from":"q","to":"p"}]}` + "\n" +
			`{"id":"n2","text":"ذهب الطالبُ","spans":[{"start":4,"end":9,"label":"PER"}]}` + "\n", false},
		{"done.jsonl", "auto", `{"id":"n1","text":"قال أحمد","status":"done","spans":[{"start":4,"end":8,"label":"PER"}]}` + "\n", false},
		{"rel.jsonl", "doccano-rel", `{"id":7,"text":"قال عمر في بغداد","entities":[{"id":1,"start_offset":4,"end_offset":7,"label":"PERS"},{"id":2,"start_offset":11,"end_offset":16,"label":"LOC"}],"relations":[{"id":1,"from_id":1,"to_id":2,"type":"lives_in"}]}` + "\n", true},
		{"doc.jsonl", "doccano", `{"id":"doc-1","text":"` + fixtureText + `","label":[[0,3,"PER"]]}` + "\n" + `{"id":"d2","text":"نص 👍 هنا","label":[[3,5,"ORG"],[3,5,"ORG"]]}` + "\n", false},
		{"bad.jsonl", "auto", `{"id":"o4","text":"مرحبا","label":[[0,2,"NOPE"]]}` + "\n" + `{"id":"o5","text":"مرحبا","label":[[0,9,"PER"]]}` + "\n" + `{"id":"doc-1","text":"نص","label":[]}` + "\nnot json\n", false},
		{"c.conll", "conll", "# id = c2\nقال O\nمحمد B-PER\nفي O\nبغداد B-GPX\nو O\nعمان B-LOC\n", true},
		{"c.conll", "conll", "# id = c2\nقال O\nمحمد B-PER\nبغداد B-GPX\nbroken\n", false},
		{"t.txt", "auto", "نص عادي\r\nسطر ثان\n", false},
		{"empty.jsonl", "auto", "\n\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, streamed := importBoth(t, tt.name, tt.content, ImportOptions{AddLabels: tt.addLabels}, tt.format)
			if old != streamed {
				t.Errorf("parsed whole:\n%s\nread twice:\n%s", old, streamed)
			}
		})
	}
	// Into a user's layer (omar's, the same id in both fixtures).
	line := `{"id":"doc-1","text":"` + fixtureText + `","label":[[0,3,"PER"]]}` + "\n"
	if old, streamed := importBoth(t, "omar.jsonl", line, ImportOptions{Owner: 2}, "auto"); old != streamed {
		t.Errorf("into omar's layer, parsed whole:\n%s\nread twice:\n%s", old, streamed)
	}
}

// TestImportFileANERCorp compares the two ways on a real corpus.
func TestImportFileANERCorp(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpora", "anercorp", "anercorp.jsonl")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("ANERCorp not available (%v): skipping", err)
	}
	old, streamed := importBoth(t, "anercorp.jsonl", string(raw), ImportOptions{AddLabels: true}, "doccano")
	if old != streamed {
		t.Errorf("ANERCorp parsed whole and read twice store different rows (%d and %d bytes of them)", len(old), len(streamed))
	}
	if !strings.Contains(old, "result {Documents:200 Spans:11187") {
		t.Errorf("ANERCorp did not go in: %.300s", old)
	}
}

// TestImportFileChecksAgainWhenStoring: the project may change between
// the reading and the storing (here, while the recorder is asked): the
// storing checks every document again, and refuses the file as Import
// would, nothing of it stored. A file with bad lines never asks who
// imports it. Neither leaves a spool file beside the database.
func TestImportFileChecksAgainWhenStoring(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	opts := ImportOptions{ProjectID: f.proj.ID, File: "late.jsonl"}
	file := `{"id":"fresh","text":"مرحبا","label":[[0,2,"PER"]]}` + "\n" + `{"id":"late","text":"نص","label":[[0,2,"PER"]]}` + "\n"
	var before string
	by := func(context.Context) (int64, error) {
		// Someone imports "late" meanwhile.
		if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "other", By: f.user.ID}, []codec.Doc{{Line: 1, ExternalID: "late", Text: "نص آخر"}}); err != nil {
			t.Fatal(err)
		}
		before = importedRows(t, f.s)
		return f.user.ID, nil
	}
	_, _, err := f.s.ImportFile(ctx, opts, strings.NewReader(file), FileImport{Format: "auto", Unit: codec.UnitCodePoint, By: by})
	if err == nil || !strings.Contains(err.Error(), `late.jsonl:2: project أخبار already has a document with id "late", with another text`) {
		t.Errorf("a document made meanwhile: %v, want line 2 refused", err)
	}
	if after := importedRows(t, f.s); after != before {
		t.Errorf("the refused file changed the store:\n%s\nthen\n%s", before, after)
	}
	asked := false
	by = func(context.Context) (int64, error) { asked = true; return f.user.ID, nil }
	bad := `{"id":"x","text":"مرحبا","label":[[0,2,"NOPE"]]}`
	if _, _, err := f.s.ImportFile(ctx, opts, strings.NewReader(bad), FileImport{Format: "auto", Unit: codec.UnitCodePoint, By: by}); err == nil || asked {
		t.Errorf("a bad file: error %v, recorder asked %v; want an error and no asking", err, asked)
	}
	if spools, _ := filepath.Glob(filepath.Join(filepath.Dir(f.s.path), ".hashiya-import-*")); len(spools) > 0 {
		t.Errorf("spool files left beside the database: %v", spools)
	}
}
