package codec

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// parseInto runs ParseFileInto and returns the ids of the documents read
// and every bad line as "LINE: reason".
func parseInto(t *testing.T, input, name, format, layer string) ([]string, []string) {
	t.Helper()
	docs, _, err := ParseFileInto(strings.NewReader(input), name, format, UnitCodePoint, layer, ViaAny)
	var errs Errors
	if err != nil && !errors.As(err, &errs) {
		t.Fatalf("ParseFileInto: %v", err)
	}
	var ids, bad []string
	if err == nil {
		for _, d := range docs {
			ids = append(ids, d.ExternalID)
		}
	}
	for _, e := range errs {
		if e.File != name {
			t.Errorf("error %q names file %q, want %q", e.Error(), e.File, name)
		}
		bad = append(bad, fmt.Sprintf("%d: %s", e.Line, e.Reason))
	}
	return ids, bad
}

// exportOf writes one document's layers as an export of --layer all
// does (Layers set) or as a single layer's export.
func exportOf(t *testing.T, format string, all bool, layers ...string) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	w.Layers = all
	for _, layer := range layers {
		status := "done" // an annotator's finished layer; gold's is reviewed
		if layer == GoldLayer {
			status = "reviewed"
		}
		d := ExportDoc{ExternalID: "d1", Text: "قال زيد", Layer: layer, Status: status, Meta: emptyObject(),
			Spans: []ExportSpan{{ID: 1, Start: 0, End: 3, Label: "CUE", Attributes: emptyObject()}}}
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestImportLayerOfLine: a line that says which layer it is (as every
// native export line does) goes only into that layer: an annotator's
// export imported without --layer is refused, not stored as gold, and an
// export of several layers says it holds one line per layer.
func TestImportLayerOfLine(t *testing.T) {
	layla := exportOf(t, "jsonl", false, "layla")
	const single = `1: this line is layer "layla"'s, and this import goes to gold: import it with --layer layla (layer=layla in the API), or drop its "layer" to import it into gold`
	const several = `this line is layer "layla"'s, and this import goes to gold: the file holds the lines of 2 layers (gold, layla), one line per document and layer as an export of --layer all writes them, and an import fills one layer: import each layer's lines on their own, with --layer NAME (layer=NAME in the API)`
	tests := []struct {
		name, input, file, format, into string
		ids, bad                        []string
	}{
		{"an annotator's native line into gold", layla, "l.jsonl", "auto", "gold", nil, []string{single}},
		{"an annotator's native line into their layer", layla, "l.jsonl", "auto", "layla", []string{"d1"}, nil},
		{"gold's line into an annotator's layer", exportOf(t, "jsonl", false, "gold"), "g.jsonl", "jsonl", "omar", nil,
			[]string{`1: this line is layer "gold"'s, and this import goes to omar: import it with --layer gold (layer=gold in the API), or drop its "layer" to import it into omar`}},
		{"a line naming no layer goes anywhere", `{"id":"d1","text":"قال زيد","spans":[]}`, "n.jsonl", "jsonl", "omar", []string{"d1"}, nil},
		{"an empty layer is none", `{"id":"d1","text":"قال زيد","layer":"","spans":[]}`, "n.jsonl", "jsonl", "gold", []string{"d1"}, nil},
		{"a layer that is not a string", `{"id":"d1","text":"قال زيد","layer":7,"spans":[]}`, "n.jsonl", "jsonl", "gold", nil,
			[]string{`1: "layer" must be a string naming a layer (gold or a user name), got 7`}},
		{"a native export of all layers into gold", exportOf(t, "jsonl", true, "gold", "layla"), "all.jsonl", "auto", "gold", nil, []string{"2: " + several}},
		{"a doccano export of all layers into gold", exportOf(t, "doccano", true, "gold", "layla"), "all.jsonl", "doccano", "gold", nil, []string{"2: " + several}},
		{"a CoNLL export of all layers into gold", exportOf(t, "conll", true, "gold", "layla"), "all.conll", "auto", "gold", nil, []string{"7: " + several}},
		{"a CoNLL export of one layer into another", exportOf(t, "conll", true, "layla"), "l.conll", "auto", "gold", nil,
			[]string{`2: this line is layer "layla"'s, and this import goes to gold: import it with --layer layla (layer=layla in the API), or drop its "# layer =" line to import it into gold`}},
		{"a Label Studio export of an annotator's layer", exportOf(t, "label-studio", false, "layla"), "l.json", "auto", "gold", nil,
			[]string{`2: task 0: this line is layer "layla"'s, and this import goes to gold: import it with --layer layla (layer=layla in the API), or drop its data.layer to import it into gold`}},
		{"a Label Studio export into its own layer", exportOf(t, "label-studio", false, "layla"), "l.json", "auto", "layla", []string{"d1"}, nil},
		{"gold's reviewed line into gold", exportOf(t, "jsonl", false, "gold"), "g.jsonl", "auto", "gold", []string{"d1"}, nil},
		{"a done line into gold", `{"id":"d1","text":"قال زيد","status":"done","spans":[]}`, "n.jsonl", "jsonl", "gold", nil,
			[]string{`1: "status" "done" is an annotator's: the gold layer is new, in_progress or reviewed (a review finishes it); give one of those`}},
		{"a reviewed line into an annotator's layer", `{"id":"d1","text":"قال زيد","status":"reviewed","spans":[]}`, "n.jsonl", "jsonl", "omar", nil,
			[]string{`1: "status" "reviewed" is the gold layer's: omar's layer is new, in_progress or done; give one of those`}},
		{"an unknown status", `{"id":"d1","text":"قال زيد","status":"bogus","spans":[]}` + "\n" + `{"id":"d2","text":"قال زيد","status":1,"spans":[]}`, "n.jsonl", "jsonl", "gold", nil,
			[]string{`1: "status" "bogus" is not one of new, in_progress, done, reviewed`, `2: "status" 1 is not one of new, in_progress, done, reviewed`}},
		{"a null status is none", `{"id":"d1","text":"قال زيد","status":null,"spans":[]}`, "n.jsonl", "jsonl", "gold", []string{"d1"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ids, bad := parseInto(t, tc.input, tc.file, tc.format, tc.into)
			if !slices.Equal(ids, tc.ids) || !slices.Equal(bad, tc.bad) {
				t.Errorf("into %s:\n%s\ngot documents %q, bad lines\n%s\nwant documents %q, bad lines\n%s",
					tc.into, tc.input, ids, strings.Join(bad, "\n"), tc.ids, strings.Join(tc.bad, "\n"))
			}
		})
	}
}

// TestDocumentIDs: an id the exports could not write back as it came (a
// line break breaks CoNLL's "# id =" line, an end's white space is lost)
// is refused in every format that gives ids, naming its line.
func TestDocumentIDs(t *testing.T) {
	tests := []struct {
		name, input, file, format string
		bad                       []string
	}{
		{"native ids", `{"id":"bad\nid","text":"a","spans":[]}` + "\n" + `{"id":" ","text":"a","spans":[]}` + "\n" +
			`{"id":" pad ","text":"a","spans":[]}` + "\n" + `{"id":"tab\tin","text":"a","spans":[]}` + "\n" +
			`{"id":"sep\u2028arated","text":"a","spans":[]}` + "\n" + `{"id":"\u200f","text":"a","spans":[]}` + "\n" +
			`{"id":"بيان-٣ (2)","text":"a","spans":[]}` + "\n",
			"n.jsonl", "jsonl", []string{
				`1: document id "bad\nid" holds a line break`,
				`2: document id " " is blank: it holds only white space or invisible marks`,
				`3: document id " pad " has white space at its start or end`,
				`4: document id "tab\tin" holds the control character U+0009`,
				`5: document id "sep\u2028arated" holds a line break`,
				`6: document id "\u200f" is blank: it holds only white space or invisible marks`,
			}},
		{"doccano ids", `{"id":"x\r","text":"a","label":[]}` + "\n" + `{"id":"ok","text":"a","label":[]}` + "\n", "d.jsonl", "doccano",
			[]string{`1: document id "x\r" holds a line break`}},
		{"Label Studio ids", `[{"id":1,"data":{"text":"a","external_id":"a\u0085b"}},{"id":2,"data":{"text":"b","external_id":"b "}}]`, "t.json", "auto",
			[]string{`1: task 0: document id "a\u0085b" holds a line break`, `1: task 1: document id "b " has white space at its start or end`}},
		{"CoNLL ids", "# id = a\x01b\nقال O\n\n# id = ok\nقال O\n", "c.conll", "conll",
			[]string{`1: document id "a\x01b" holds the control character U+0001`}},
		{"a text file's name", "نص", " pad.txt", "auto",
			[]string{`1: document id " pad", made from the file name, has white space at its start or end: rename the file`}},
		{"a text-lines file's name", "نص\n", "bad\nname.txt", "text-lines",
			[]string{`1: document id "bad\nname-1", made from the file name, holds a line break: rename the file`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, bad := parseInto(t, tc.input, tc.file, tc.format, GoldLayer)
			if !slices.Equal(bad, tc.bad) {
				t.Errorf("bad lines\n%s\nwant\n%s", strings.Join(bad, "\n"), strings.Join(tc.bad, "\n"))
			}
		})
	}
}
