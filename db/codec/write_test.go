package codec

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sampleDoc mixes an emoji (two UTF-16 units, four bytes) with Arabic
// letters and diacritics, so a slice in the wrong unit shows.
func sampleDoc() ExportDoc {
	return ExportDoc{
		ExternalID: "art-1", Text: "😀 قالَ زيدٌ: «<نعم> & لا»", Meta: json.RawMessage(`{"src":"seed"}`),
		Layer: "gold", Status: "reviewed",
		Spans: []ExportSpan{
			{ID: 7, Start: 7, End: 11, Label: "PER", Attributes: json.RawMessage(`{"note":"x"}`)},
			{ID: 8, Start: 14, End: 24, Label: "QUOTE"},
			{ID: 9, Start: 0, End: 1, Label: "EMOJI"},
		},
		Relations: []ExportRelation{{ID: 3, Type: "speaker", From: 8, To: 7}},
	}
}

func writeOne(t *testing.T, format string, d ExportDoc) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.String()
}

func TestWriterExactOutput(t *testing.T) {
	small := ExportDoc{ExternalID: "d<1>", Text: "a & b", Spans: []ExportSpan{{ID: 1, Start: 4, End: 5, Label: "X"}},
		Relations: []ExportRelation{{ID: 2, Type: "self", From: 1, To: 1}}}
	empty := ExportDoc{ExternalID: "e", Text: "t"}
	tests := []struct {
		format string
		doc    ExportDoc
		want   string
	}{
		{"jsonl", small, `{"id":"d<1>","text":"a & b","meta":{},"layer":"","status":"","offset_unit":"codepoint","spans":[{"id":1,"start":4,"end":5,"label":"X","text":"b","attributes":{}}],"relations":[{"id":2,"type":"self","from":1,"to":1}]}` + "\n"},
		{"jsonl", empty, `{"id":"e","text":"t","meta":{},"layer":"","status":"","offset_unit":"codepoint","spans":[],"relations":[]}` + "\n"},
		{"doccano", small, `{"id":"d<1>","text":"a & b","label":[[4,5,"X"]]}` + "\n"},
		{"doccano", empty, `{"id":"e","text":"t","label":[]}` + "\n"},
		{"doccano-rel", small, `{"id":"d<1>","text":"a & b","entities":[{"id":1,"start_offset":4,"end_offset":5,"label":"X"}],"relations":[{"id":2,"from_id":1,"to_id":1,"type":"self"}]}` + "\n"},
		{"doccano-rel", empty, `{"id":"e","text":"t","entities":[],"relations":[]}` + "\n"},
	}
	for _, tc := range tests {
		if got := writeOne(t, tc.format, tc.doc); got != tc.want {
			t.Errorf("%s of %q:\n got  %s want %s", tc.format, tc.doc.ExternalID, got, tc.want)
		}
	}
}

// TestWriterLayers: with Layers set, each line names its layer, so the
// lines of one document's layers stay apart in every format; CoNLL import
// skips the layer line.
func TestWriterLayers(t *testing.T) {
	doc := func(layer string) ExportDoc {
		return ExportDoc{ExternalID: "d1", Text: "قال زيد", Layer: layer, Status: "done",
			Spans:     []ExportSpan{{ID: 1, Start: 0, End: 3, Label: "CUE"}, {ID: 2, Start: 4, End: 7, Label: "QUOTE"}},
			Relations: []ExportRelation{{ID: 5, Type: "cue", From: 2, To: 1}}}
	}
	want := map[string]string{
		"doccano":     `{"id":"d1","layer":"gold","text":"قال زيد","label":[[0,3,"CUE"],[4,7,"QUOTE"]]}` + "\n" + `{"id":"d1","layer":"layla","text":"قال زيد","label":[[0,3,"CUE"],[4,7,"QUOTE"]]}` + "\n",
		"doccano-rel": `{"id":"d1","layer":"gold","text":"قال زيد","entities":[{"id":1,"start_offset":0,"end_offset":3,"label":"CUE"},{"id":2,"start_offset":4,"end_offset":7,"label":"QUOTE"}],"relations":[{"id":5,"from_id":2,"to_id":1,"type":"cue"}]}` + "\n" + `{"id":"d1","layer":"layla","text":"قال زيد","entities":[{"id":1,"start_offset":0,"end_offset":3,"label":"CUE"},{"id":2,"start_offset":4,"end_offset":7,"label":"QUOTE"}],"relations":[{"id":5,"from_id":2,"to_id":1,"type":"cue"}]}` + "\n",
		"quotes":      `{"doc_id":"d1","layer":"gold","quote":{"segments":[{"start":4,"end":7,"text":"زيد"}],"type":null},"speaker":null,"speaker_in_text":true,"cue":{"id":1,"start":0,"end":3,"text":"قال","label":"CUE"}}` + "\n" + `{"doc_id":"d1","layer":"layla","quote":{"segments":[{"start":4,"end":7,"text":"زيد"}],"type":null},"speaker":null,"speaker_in_text":true,"cue":{"id":1,"start":0,"end":3,"text":"قال","label":"CUE"}}` + "\n",
		"conll":       "# id = d1\n# layer = gold\nقال B-CUE\nزيد B-QUOTE\n\n# id = d1\n# layer = layla\nقال B-CUE\nزيد B-QUOTE\n\n",
	}
	for format, want := range want {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, format)
		if err != nil {
			t.Fatal(err)
		}
		w.Layers = true
		for _, layer := range []string{"gold", "layla"} {
			if err := w.Write(doc(layer)); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
		}
		if got := buf.String(); got != want {
			t.Errorf("%s with layers:\n got  %s want %s", format, got, want)
		}
		if !strings.Contains(writeOne(t, format, doc("gold")), "gold") == (format == "jsonl") {
			t.Errorf("%s without Layers names the layer", format)
		}
	}
	docs, _, err := parseCoNLL(strings.NewReader("# id = d1\n# layer = gold\nقال B-CUE\nزيد O\n"), "x.conll", GoldLayer, 1<<20)
	if err != nil || len(docs) != 1 || docs[0].Text != "قال زيد" {
		t.Errorf("conll import of a layer line: %+v, %v", docs, err)
	}
}

func TestWriterNativeSpanText(t *testing.T) {
	d := sampleDoc()
	var line struct {
		Text  string
		Meta  map[string]string
		Spans []struct {
			Start, End int
			Text       string
		}
	}
	if err := json.Unmarshal([]byte(writeOne(t, "jsonl", d)), &line); err != nil {
		t.Fatal(err)
	}
	runes := []rune(d.Text) // Python's str indexing, done independently of offsets
	want := []string{"زيدٌ", "<نعم> & لا", "😀"}
	for i, sp := range line.Spans {
		if sp.Text != string(runes[sp.Start:sp.End]) || sp.Text != want[i] {
			t.Errorf("span %d text %q, want %q (= text[%d:%d])", i, sp.Text, want[i], sp.Start, sp.End)
		}
	}
	if line.Text != d.Text || line.Meta["src"] != "seed" {
		t.Errorf("text or meta changed: %q %v", line.Text, line.Meta)
	}
}

// What Hashiya exports it must import again unchanged.
func TestWriterNativeReimports(t *testing.T) {
	d := sampleDoc()
	docs, _, err := ParseFile(strings.NewReader(writeOne(t, "jsonl", d)), "x.jsonl", "auto")
	if err != nil {
		t.Fatal(err)
	}
	back := toExport(docs[0])
	back.Layer, back.Status = d.Layer, d.Status
	d.Spans[1].Attributes, d.Spans[2].Attributes = json.RawMessage(`{}`), json.RawMessage(`{}`)
	back.Relations[0].ID = d.Relations[0].ID
	if !reflect.DeepEqual(back, d) {
		t.Errorf("re-import differs:\n got  %+v\n want %+v", back, d)
	}
}

func TestWriterRefusesBadDocs(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(d *ExportDoc)
		errHas     []string
		nativeOnly bool // only the native format writes meta
	}{
		{"end past text", func(d *ExportDoc) { d.Spans[1].End = 26 }, []string{`"art-1"`, "span 8", "offsets 14..26", "<= 25"}, false},
		{"empty span", func(d *ExportDoc) { d.Spans[0].Start = 11 }, []string{`"art-1"`, "span 7", "offsets 11..11"}, false},
		{"negative start", func(d *ExportDoc) { d.Spans[2].Start = -1 }, []string{"span 9", "offsets -1..1"}, false},
		{"relation to missing span", func(d *ExportDoc) { d.Relations[0].To = 99 }, []string{"relation 3", "8 -> 99"}, false},
		{"repeated span id", func(d *ExportDoc) { d.Spans[1].ID = 7 }, []string{"span id 7 repeated"}, false},
		{"invalid UTF-8 text", func(d *ExportDoc) { d.Text = "ab\xff" + d.Text }, []string{"not valid UTF-8"}, false},
		{"meta not JSON", func(d *ExportDoc) { d.Meta = json.RawMessage(`{oops`) }, []string{`"art-1"`}, true},
	}
	for _, format := range exportFormats {
		for _, tc := range tests {
			if tc.nativeOnly && format != "jsonl" {
				continue
			}
			var buf bytes.Buffer
			w, _ := NewWriter(&buf, format)
			good := ExportDoc{ExternalID: "ok", Text: "fine"}
			if err := w.Write(good); err != nil {
				t.Fatal(err)
			}
			before := buf.String()
			bad := sampleDoc()
			tc.edit(&bad)
			err := w.Write(bad)
			if err == nil {
				t.Errorf("%s/%s: Write succeeded", format, tc.name)
				continue
			}
			for _, s := range tc.errHas {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%s/%s: error %q lacks %q", format, tc.name, err, s)
				}
			}
			if buf.String() != before {
				t.Errorf("%s/%s: wrote part of the bad doc: %q", format, tc.name, strings.TrimPrefix(buf.String(), before))
			}
			again := before // what writing the good doc again adds
			if format == "label-studio" {
				again = "," + strings.TrimPrefix(before, "[\n") // the array's next element
			}
			if err := w.Write(good); err != nil || buf.String() != before+again {
				t.Errorf("%s/%s: writer unusable after a refused doc: %v", format, tc.name, err)
			}
		}
	}
}

func TestNewWriterUnknownFormat(t *testing.T) {
	for _, f := range []string{"csv", "CoNLL", ""} {
		_, err := NewWriter(&bytes.Buffer{}, f)
		if err == nil || !strings.Contains(err.Error(), "want one of jsonl, doccano, doccano-rel") {
			t.Errorf("NewWriter(%q) error = %v", f, err)
		}
	}
}

// check-export.py reads the files as a Python consumer will; it must
// accept what the writers produce and reject a corrupted span.
func TestCheckExportScript(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH; skipping check-export.py")
	}
	script := filepath.Join("..", "..", "..", "shared", "tools", "check-export.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("%s is absent; skipping", script)
	}
	docs := []ExportDoc{sampleDoc(), {ExternalID: "empty", Text: "لا شيء"}}
	for _, format := range []string{"jsonl", "doccano-rel"} {
		var out string
		for _, d := range docs {
			out += writeOne(t, format, d)
		}
		path := filepath.Join(t.TempDir(), format+".jsonl")
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(python, script, path).CombinedOutput(); err != nil {
			t.Errorf("check-export.py %s: %v\n%s", format, err, msg)
		}
	}
	// A control: the script does fail on a span text that is a UTF-16 slice.
	bad := strings.Replace(writeOne(t, "jsonl", sampleDoc()), `"text":"😀"`, `"text":"😀 "`, 1)
	path := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(python, script, path).Run(); err == nil {
		t.Error("check-export.py accepted a wrong span text; the check above proves nothing")
	}
}
