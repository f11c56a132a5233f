package codec

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// lsRoundTrip writes docs as a Label Studio export, in a gold layer with
// status new, spans and relations numbered in order.
func lsRoundTrip(t *testing.T, docs []Doc) string {
	t.Helper()
	var out strings.Builder
	w, err := NewWriter(&out, "label-studio")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		ed := ExportDoc{ExternalID: d.ExternalID, Text: d.Text, Meta: d.Meta, Layer: "gold", Status: "new"}
		ids := map[string]int64{}
		for i, sp := range d.Spans {
			ed.Spans = append(ed.Spans, ExportSpan{ID: int64(i + 1), Start: sp.Start, End: sp.End, Label: sp.Label, Attributes: sp.Attributes})
			if sp.Ref != "" {
				ids[sp.Ref] = int64(i + 1)
			}
		}
		for i, r := range d.Relations {
			ed.Relations = append(ed.Relations, ExportRelation{ID: int64(i + 1), Type: r.Type, From: ids[r.From], To: ids[r.To]})
		}
		if err := w.Write(ed); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestLabelStudioKeepsMetaOrder: a document's meta goes out in a Label
// Studio task's data.meta and comes back with its keys in the order they
// had, nested objects too, so the export after a round trip is the
// export before it, byte for byte; a task's own "meta" and data's other
// fields keep the order they had in the file.
func TestLabelStudioKeepsMetaOrder(t *testing.T) {
	meta := `{"source":"wire","date":"2024-01-01","batch":{"z":1,"a":[2,{"y":3,"b":4}]},"\u00e9":"<é>"}`
	docs := []Doc{{ExternalID: "n-1", Text: lsText, Meta: json.RawMessage(meta), Spans: []Span{{Ref: "1", Start: 13, End: 17, Label: "PER", Attributes: json.RawMessage(`{}`)}}}}
	first := lsRoundTrip(t, docs)
	back, rep, err := ParseFile(strings.NewReader(first), "back.json", "label-studio")
	if err != nil || len(rep.Warnings) != 0 || len(back) != 1 {
		t.Fatalf("import of the export: %d docs, %v, warnings %v", len(back), err, rep.Warnings)
	}
	if string(back[0].Meta) != meta {
		t.Errorf("meta came back as\n  %s\nwant\n  %s", back[0].Meta, meta)
	}
	if second := lsRoundTrip(t, back); second != first {
		t.Errorf("the export after a round trip is\n%s\nwant\n%s", second, first)
	}

	task := `[{"id": 1, "meta": {"z": 1, "a": 2}, "data": {"text": "نص", "source": "wire", "author": {"name": "x", "at": 1}}}]`
	docs, _, err = ParseFile(strings.NewReader(task), "task.json", "label-studio")
	if err != nil || len(docs) != 1 {
		t.Fatalf("import of a task: %v", err)
	}
	if got, want := string(docs[0].Meta), `{"z":1,"a":2,"data":{"source":"wire","author":{"name":"x","at":1}}}`; got != want {
		t.Errorf("a task's meta and data came in as\n  %s\nwant\n  %s", got, want)
	}
	// A key data.meta shares with the task's meta takes data.meta's
	// value in the task meta's place, as the fields of a Hashiya export
	// say the document's own meta.
	task = `[{"id": 1, "meta": {"z": 1, "a": 2}, "data": {"text": "نص", "meta": {"b": 3, "z": 4}}}]`
	if docs, _, err = ParseFile(strings.NewReader(task), "task.json", "label-studio"); err != nil || len(docs) != 1 {
		t.Fatalf("import of a task: %v", err)
	}
	if got, want := string(docs[0].Meta), `{"z":4,"a":2,"b":3}`; got != want {
		t.Errorf("meta and data.meta merged as\n  %s\nwant\n  %s", got, want)
	}
}

// TestLabelStudioRoundTripOnCorpora: each shared corpus file that
// imports, exported for Label Studio, imported back and exported again,
// is the same file byte for byte.
func TestLabelStudioRoundTripOnCorpora(t *testing.T) {
	// Pretty-printed, export_relation_extraction.jsonl imports nothing;
	// invalid.conll neither.
	for _, f := range []struct{ dir, file, format string }{
		{"anercorp", "anercorp.jsonl", "auto"},
		{"anercorp", "ANERCorp.conll", "conll"},
		{"doccano", "export_sequence_labeling.jsonl", "doccano"},
		{"doccano", "relation_extraction.jsonl", "doccano-rel"},
		{"doccano", "sequence_labeling.jsonl", "doccano"},
		{"doccano", "sequence_labeling_overlapping.jsonl", "doccano"},
		{"doccano", "example.conll", "conll"},
		{"doccano", "trailing.conll", "conll"},
		{"seed", "ctsi-intelligence-cell.txt", "text-lines"},
	} {
		t.Run(f.dir+"/"+f.file, func(t *testing.T) {
			docs, _, _ := parseCorpus(t, corpusFile(t, f.dir, f.file), f.format)
			if len(docs) == 0 {
				t.Fatal("no document imported: the round trip tests nothing")
			}
			first := lsRoundTrip(t, docs)
			back, rep, err := ParseFile(strings.NewReader(first), "back.json", "label-studio")
			if err != nil {
				t.Fatalf("import of the export: %v", err)
			}
			if len(back) != len(docs) {
				t.Fatalf("%d documents came back of %d (warnings %v)", len(back), len(docs), rep.Warnings)
			}
			if second := lsRoundTrip(t, back); second != first {
				t.Errorf("the export after a round trip differs from the first, from byte %s", firstDiff(first, second))
			}
		})
	}
}

// firstDiff is the index of the first byte where a and b differ.
func firstDiff(a, b string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("%d: %.80q vs %.80q", i, a[i:], b[i:])
		}
	}
	return fmt.Sprintf("%d (one is longer)", min(len(a), len(b)))
}
