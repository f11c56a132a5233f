package codec

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// corpusFile is a file of the shared corpora, which live beside the
// repository (not in it); tests that need one skip when it is absent.
func corpusFile(t testing.TB, parts ...string) string {
	t.Helper()
	path := filepath.Join(append([]string{"..", "..", "..", "shared", "corpora"}, parts...)...)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared corpus file %s is absent (%v); these tests need ../shared/corpora beside the repository", path, err)
	}
	return path
}

func parseCorpus(t *testing.T, path, format string) ([]Doc, Report, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ParseFile(f, filepath.Base(path), format)
}

func TestDoccanoFixtures(t *testing.T) {
	tests := []struct {
		file  string
		check func(t *testing.T, docs []Doc, rep Report, err error)
	}{
		{"sequence_labeling.jsonl", func(t *testing.T, docs []Doc, rep Report, err error) {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) != 1 || slices.ContainsFunc(docs, func(d Doc) bool { return d.Line == 3 }) {
				t.Fatalf("want exactly one bad line, its document left out, got %d docs, err %v", len(docs), err)
			}
			if errs[0].Line != 3 || errs[0].Reason != `missing string "text"` {
				t.Errorf("bad line = %v, want line 3: missing string \"text\"", errs[0])
			}
		}},
		{"sequence_labeling_overlapping.jsonl", func(t *testing.T, docs []Doc, rep Report, err error) {
			want := []Doc{{Line: 1, ExternalID: "sequence_labeling_overlapping-1", Text: "exampleA",
				Meta: json.RawMessage(`{"wikiPageID":1}`), Spans: []Span{{Start: 0, End: 1, Label: "LOC", Attributes: json.RawMessage(`{}`)}}}}
			if err != nil || !reflect.DeepEqual(docs, want) {
				t.Fatalf("got %+v, %v; want %+v", docs, err, want)
			}
			if len(rep.Warnings) != 1 || rep.Warnings[0].Line != 1 || !strings.Contains(rep.Warnings[0].Reason, "repeats an earlier span") {
				t.Errorf("warnings = %v, want one about the repeated span on line 1", rep.Warnings)
			}
		}},
		{"relation_extraction.jsonl", func(t *testing.T, docs []Doc, rep Report, err error) {
			if err != nil || len(docs) != 1 {
				t.Fatalf("got %d docs, %v; want 1", len(docs), err)
			}
			d := docs[0]
			wantSpans := [][2]int{{0, 6}, {22, 39}, {44, 54}, {59, 70}}
			if len(d.Spans) != 4 || len(d.Relations) != 3 {
				t.Fatalf("got %d spans, %d relations; want 4 and 3", len(d.Spans), len(d.Relations))
			}
			for i, sp := range d.Spans {
				if sp.Ref != strconv.Itoa(i) || [2]int{sp.Start, sp.End} != wantSpans[i] {
					t.Errorf("span %d = %+v, want ref %d at %v", i, sp, i, wantSpans[i])
				}
			}
			wantRel := []Relation{{"foundedAt", "0", "1"}, {"foundedBy", "0", "2"}, {"foundedBy", "0", "3"}}
			if !reflect.DeepEqual(d.Relations, wantRel) {
				t.Errorf("relations = %v, want %v", d.Relations, wantRel)
			}
			if got := []rune(d.Text)[44:54]; string(got) != "Larry Page" {
				t.Errorf("span 2 covers %q", string(got))
			}
		}},
		{"export_sequence_labeling.jsonl", func(t *testing.T, docs []Doc, rep Report, err error) {
			if err != nil || len(docs) != 3 {
				t.Fatalf("got %d docs, %v; want 3", len(docs), err)
			}
			for i, n := range []int{2, 1, 1} {
				if len(docs[i].Spans) != n || docs[i].ExternalID != "export_sequence_labeling-"+strconv.Itoa(i+1) {
					t.Errorf("doc %d: id %q, %d spans; want %d spans", i, docs[i].ExternalID, len(docs[i].Spans), n)
				}
			}
		}},
		{"export_relation_extraction.jsonl", func(t *testing.T, docs []Doc, rep Report, err error) {
			// Pretty-printed, so not JSON lines: one error says the file is
			// one JSON object and how to write a document a line, rather
			// than a "not valid JSON" for each of its 49 lines.
			var errs Errors
			if docs != nil || !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("got %d docs and %d bad lines (%v); want 0 and 1", len(docs), len(errs), err)
			}
			if errs[0].Line != 1 || !strings.HasPrefix(errs[0].Reason, "the file is one JSON object written over 49 lines, not JSON lines") {
				t.Errorf("first bad line = %v", errs[0])
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			docs, rep, err := parseCorpus(t, corpusFile(t, "doccano", tc.file), "auto")
			tc.check(t, docs, rep, err)
		})
	}
}

// toExport turns a parsed Doc into what the store would hand the writer:
// integer span ids (the file's own when it has integer ones), spans in file order.
func toExport(d Doc) ExportDoc {
	out := ExportDoc{ExternalID: d.ExternalID, Text: d.Text, Meta: d.Meta, Layer: "gold", Status: "done"}
	ids := map[string]int64{}
	for i, sp := range d.Spans {
		id, err := strconv.ParseInt(sp.Ref, 10, 64)
		if err != nil {
			id = int64(i + 1)
		}
		ids[sp.Ref] = id
		out.Spans = append(out.Spans, ExportSpan{ID: id, Start: sp.Start, End: sp.End, Label: sp.Label, Attributes: sp.Attributes})
	}
	for i, r := range d.Relations {
		out.Relations = append(out.Relations, ExportRelation{ID: int64(i), Type: r.Type, From: ids[r.From], To: ids[r.To]})
	}
	return out
}

func jsonValue(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, b)
	}
	return v
}

func TestANERCorpRoundTrip(t *testing.T) {
	path := corpusFile(t, "anercorp", "anercorp.jsonl")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(raw, []byte("\n"))
	docs, rep, err := parseCorpus(t, path, "auto")
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	if len(docs) != 200 {
		t.Fatalf("got %d docs, want 200", len(docs))
	}
	// Document 33 really holds lam-alef ligatures (U+FEF7, U+FEF9); JSON
	// text is stored as given, so they are only reported.
	if len(rep.Warnings) != 1 || rep.Warnings[0].Line != 33 || !strings.Contains(rep.Warnings[0].Reason, "presentation forms") {
		t.Errorf("warnings = %v, want one: presentation forms on line 33", rep.Warnings)
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "doccano")
	if err != nil {
		t.Fatal(err)
	}
	spans := 0
	for _, d := range docs {
		spans += len(d.Spans)
		buf.Reset()
		if err := w.Write(toExport(d)); err != nil {
			t.Fatalf("line %d: %v", d.Line, err)
		}
		out := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if bytes.Contains(out, []byte("\n")) {
			t.Fatalf("line %d: output is not one line", d.Line)
		}
		if !reflect.DeepEqual(jsonValue(t, out), jsonValue(t, lines[d.Line-1])) {
			t.Fatalf("line %d: output differs from input\n got  %.300s\n want %.300s", d.Line, out, lines[d.Line-1])
		}
	}
	if spans != 11187 {
		t.Errorf("got %d spans, want 11187", spans)
	}
}

// The doccano-rel writer must produce doccano's own export example
// (plus the "id" doccano leaves out) from the matching import fixture.
func TestDoccanoRelMatchesDoccanoExport(t *testing.T) {
	docs, _, err := parseCorpus(t, corpusFile(t, "doccano", "relation_extraction.jsonl"), "auto")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(corpusFile(t, "doccano", "export_relation_extraction.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, "doccano-rel")
	if err := w.Write(toExport(docs[0])); err != nil {
		t.Fatal(err)
	}
	got := jsonValue(t, buf.Bytes()).(map[string]any)
	if got["id"] != "relation_extraction-1" {
		t.Errorf("id = %v, want relation_extraction-1", got["id"])
	}
	delete(got, "id")
	if want := jsonValue(t, example); !reflect.DeepEqual(got, want) {
		t.Errorf("doccano-rel output differs from doccano's example\n got  %v\n want %v", got, want)
	}
}
