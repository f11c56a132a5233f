package codec

// What every import fuzzer shares: seeds from the repository's fixtures
// (and from the shared corpora when they sit beside the repository), the
// checks every parse result must pass, and the round trip through an
// exporter. Each Fuzz function runs its seeds as a normal test; run one
// for longer with
//
//	go test ./db/codec -run '^$' -fuzz '^FuzzCoNLL$' -fuzztime 3m

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzMaxInput bounds a fuzz input. The parsers are linear, but each
// input is parsed, written and parsed again, and big inputs only slow the
// fuzzer down without reaching new code.
const fuzzMaxInput = 64 << 10

// fuzzLayers are the layers a fuzzed import fills: gold or a user's.
func fuzzLayer(user bool) string {
	if user {
		return "layla"
	}
	return GoldLayer
}

// sharedCorpus is a file of the shared corpora beside the repository, nil
// when they are absent: seeds come from them only where they exist.
func sharedCorpus(parts ...string) []byte {
	b, err := os.ReadFile(filepath.Join(append([]string{"..", "..", "..", "shared", "corpora"}, parts...)...))
	if err != nil {
		return nil
	}
	return b
}

// firstLines is the first n non-blank lines of b.
func firstLines(b []byte, n int) [][]byte {
	var out [][]byte
	for _, line := range bytes.Split(b, []byte("\n")) {
		if len(out) == n {
			break
		}
		if len(bytes.TrimSpace(line)) > 0 {
			out = append(out, line)
		}
	}
	return out
}

// tortureTexts are the texts of the repository's offset torture cases:
// emoji, flags, astral letters, diacritics, bidi marks, CRLF.
func tortureTexts(f *testing.F) []string {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "offsets.json"))
	if err != nil {
		f.Fatal(err)
	}
	var cases []struct{ Text string }
	if err := json.Unmarshal(raw, &cases); err != nil {
		f.Fatal(err)
	}
	var out []string
	for _, c := range cases {
		out = append(out, c.Text)
	}
	return out
}

// jsonString is s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// parsed is one parse of a fuzz input and what came of it.
type parsed struct {
	name, layer string
	input       []byte
	docs        []Doc
	rep         Report
	err         error
}

// check holds every parse to the contract: a refusal is a list of bad
// lines, each naming a line of the file and a reason; an accepted file has
// documents with valid text, ids the exports can write, and spans and
// relations that hold against their text.
func (p parsed) check(t *testing.T) {
	t.Helper()
	lastLine := 1 + lineEnds(p.input)
	lineErrors := func(what string, les []LineError) {
		t.Helper()
		for _, le := range les {
			if le.File != p.name || le.Line < 1 || le.Line > lastLine || strings.TrimSpace(le.Reason) == "" {
				t.Fatalf("%s %q: want file %q, a line in 1..%d and a reason", what, le.Error(), p.name, lastLine)
			}
			if want := fmt.Sprintf("%s:%d: %s", le.File, le.Line, le.Reason); le.Error() != want {
				t.Fatalf("%s reads %q, want %q", what, le.Error(), want)
			}
		}
	}
	lineErrors("warning", p.rep.Warnings)
	if p.err != nil {
		var bad Errors
		if !errors.As(p.err, &bad) || len(bad) == 0 {
			t.Fatalf("refusal %q (%T) names no bad line", p.err, p.err)
		}
		lineErrors("bad line", bad)
	} else if len(p.docs) == 0 {
		t.Fatal("accepted a file without documents")
	}
	// Documents returned beside a refusal are checked further by the
	// store (their labels), so they must hold too.
	first := map[string]int{}
	for _, d := range p.docs {
		checkDoc(t, d, p.layer, lastLine)
		if problem := idProblem(d.ExternalID); problem != "" && p.err == nil {
			t.Fatalf("accepted document id %q (line %d), which %s", d.ExternalID, d.Line, problem)
		}
		if line, ok := first[d.ExternalID]; ok && p.err == nil {
			t.Fatalf("accepted document id %q twice, lines %d and %d", d.ExternalID, line, d.Line)
		}
		first[d.ExternalID] = d.Line
	}
}

// checkDoc holds one document to the contract.
func checkDoc(t *testing.T, d Doc, layer string, lastLine int) {
	t.Helper()
	switch {
	case d.Text == "" || !utf8.ValidString(d.Text):
		t.Fatalf("document %q (line %d): text %q is empty or not valid UTF-8", d.ExternalID, d.Line, d.Text)
	case d.Line < 1 || d.Line > lastLine:
		t.Fatalf("document %q: line %d, not in 1..%d", d.ExternalID, d.Line, lastLine)
	case d.Layer != "" && d.Layer != layer:
		t.Fatalf("document %q of layer %q imported into %s", d.ExternalID, d.Layer, layer)
	case d.Status != "" && !slices.Contains(LayerStatuses, d.Status), newClaims(layer, ViaAny).statusProblem(d.Status) != "":
		t.Fatalf("document %q: status %q in layer %s", d.ExternalID, d.Status, layer)
	case !isJSONObject(d.Meta):
		t.Fatalf("document %q: meta %s is not a JSON object", d.ExternalID, d.Meta)
	}
	if r, at, _ := forbiddenControl(d.Text); at >= 0 {
		t.Fatalf("document %q: text holds U+%04X at %d", d.ExternalID, r, at)
	}
	n := utf8.RuneCountInString(d.Text)
	refs := map[string]bool{}
	for i, sp := range d.Spans {
		switch {
		case sp.Start < 0 || sp.Start >= sp.End || sp.End > n:
			t.Fatalf("document %q: span %d (%s) at %d..%d, want 0 <= start < end <= %d", d.ExternalID, i, sp.Label, sp.Start, sp.End, n)
		case sp.Label == "":
			t.Fatalf("document %q: span %d at %d..%d has no label", d.ExternalID, i, sp.Start, sp.End)
		case sp.Line < 0 || sp.Line > lastLine:
			t.Fatalf("document %q: span %d on line %d, not in 1..%d", d.ExternalID, i, sp.Line, lastLine)
		case !isJSONObject(sp.Attributes):
			t.Fatalf("document %q: span %d attributes %s are not a JSON object", d.ExternalID, i, sp.Attributes)
		case sp.Ref != "" && refs[sp.Ref]:
			t.Fatalf("document %q: span id %q twice", d.ExternalID, sp.Ref)
		}
		if sp.Ref != "" {
			refs[sp.Ref] = true
		}
	}
	for i, r := range d.Relations {
		if strings.TrimSpace(r.Type) == "" || !refs[r.From] || !refs[r.To] {
			t.Fatalf("document %q: relation %d %+v names no span of the document (span ids %v)", d.ExternalID, i, r, refs)
		}
	}
}

func isJSONObject(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '{' && json.Valid(raw)
}

// fuzzExport is d as the store hands it to a writer: spans numbered from
// 1 in file order, relations joining them, the layer imported into, and
// status new when the file gave none.
func fuzzExport(d Doc, layer string) ExportDoc {
	out := ExportDoc{ExternalID: d.ExternalID, Text: d.Text, Meta: d.Meta, Layer: layer, Status: cmpOr(d.Status, "new")}
	ids := map[string]int64{}
	for i, sp := range d.Spans {
		id := int64(i + 1)
		if sp.Ref != "" {
			ids[sp.Ref] = id
		}
		out.Spans = append(out.Spans, ExportSpan{ID: id, Start: sp.Start, End: sp.End, Label: sp.Label, Attributes: sp.Attributes})
	}
	for i, r := range d.Relations {
		out.Relations = append(out.Relations, ExportRelation{ID: int64(i + 1), Type: r.Type, From: ids[r.From], To: ids[r.To]})
	}
	return out
}

func cmpOr(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// exportAndRead writes docs with format's writer (counting unit) and
// reads the file back as readFormat into layer. What an import accepted
// must export, and the export must import whole. It returns the documents
// read back and the writer's warnings.
func exportAndRead(t *testing.T, docs []Doc, format, readFormat, unit, layer string) ([]Doc, []string) {
	t.Helper()
	var buf bytes.Buffer
	w := unitWriter(t, &buf, format, unit)
	for _, d := range docs {
		if err := w.Write(fuzzExport(d, layer)); err != nil {
			t.Fatalf("%s export refuses a document the import accepted: %v", format, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_, ext := MediaType(format)
	back, rep, err := ParseFileInto(bytes.NewReader(buf.Bytes()), "again."+ext, readFormat, unit, layer, ViaAny)
	parsed{name: "again." + ext, layer: layer, input: buf.Bytes(), docs: back, rep: rep, err: err}.check(t)
	if err != nil {
		t.Fatalf("the %s export of what the import accepted does not import back: %v\nexport:\n%s", format, err, buf.Bytes())
	}
	return back, w.Warnings()
}

// fuzzDoc is a document as a round trip must keep it: spans by place,
// label and attributes, relations by the spans they join (span ids are
// the store's, so they change), meta and attributes as compact JSON.
type fuzzDoc struct {
	ID, Text, Meta, Status string
	Spans                  []fuzzSpan
	Relations              []fuzzRelation
}

type fuzzSpan struct {
	Start, End        int
	Label, Attributes string
}

type fuzzRelation struct {
	Type     string
	From, To fuzzSpan
}

// viewOf is d as a round trip must keep it; status "" reads as new, as
// fuzzExport writes it.
func viewOf(d Doc) fuzzDoc {
	out := fuzzDoc{ID: d.ExternalID, Text: d.Text, Meta: string(d.Meta), Status: cmpOr(d.Status, "new")}
	byRef := map[string]fuzzSpan{}
	for _, sp := range d.Spans {
		fs := fuzzSpan{sp.Start, sp.End, sp.Label, string(sp.Attributes)}
		out.Spans = append(out.Spans, fs)
		if sp.Ref != "" {
			byRef[sp.Ref] = fs
		}
	}
	for _, r := range d.Relations {
		out.Relations = append(out.Relations, fuzzRelation{r.Type, byRef[r.From], byRef[r.To]})
	}
	return out
}

// viewsOf is viewOf of every document, changed by keep to what the
// format carries.
func viewsOf(docs []Doc, keep func(*fuzzDoc)) []fuzzDoc {
	var out []fuzzDoc
	for _, d := range docs {
		v := viewOf(d)
		if keep != nil {
			keep(&v)
		}
		out = append(out, v)
	}
	return out
}

// sameDocs fails t when a round trip through format changed the documents.
func sameDocs(t *testing.T, format string, got, want []fuzzDoc) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if len(got) != len(want) {
		t.Fatalf("%s round trip: %d documents, want %d\n got  %+v\n want %+v", format, len(got), len(want), got, want)
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s round trip changed document %d:\n got  %+v\n want %+v", format, i, got[i], want[i])
		}
	}
}
