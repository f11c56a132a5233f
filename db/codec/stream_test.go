package codec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// readWhole reads a file as the codec did before it streamed every
// format: the whole-file readers of wholefile_test.go.
func readWhole(data []byte, name, format, unit, layer string, limit int) ([]Doc, Report, error) {
	if err := wideBOM(name, data); err != nil {
		return nil, Report{}, err
	}
	r := bytes.NewReader(data)
	switch format {
	case "conll":
		return parseCoNLL(r, name, layer, limit)
	case "text-lines":
		return parseTextLines(r, name, limit)
	case "label-studio":
		return parseLabelStudio(r, name, unit, layer, labelStudioLimit*limit)
	}
	var docs []Doc
	rep, err := eachJSONLine(r, name, format, unit, layer, ViaAny, limit, func(d Doc) error {
		docs = append(docs, d)
		return nil
	})
	return docs, rep, err
}

// chunkSeeker is a file that seeks but reads at most n bytes at a time,
// so runes, CRLFs and tasks are cut between reads.
type chunkSeeker struct {
	*bytes.Reader
	n int
}

func (c chunkSeeker) Read(p []byte) (int, error) { return c.Reader.Read(p[:min(len(p), c.n)]) }

// readers are the ways a file reaches eachDoc: a file that seeks, one
// that seeks from where a prefix was read, one read a few bytes at a
// time, and a body that does not seek.
func readers(data []byte) map[string]io.Reader {
	prefixed := bytes.NewReader(append([]byte("PREFIX"), data...))
	prefixed.Seek(6, io.SeekStart) //nolint:errcheck // a bytes.Reader seeks within its bytes
	return map[string]io.Reader{
		"seeker":    bytes.NewReader(data),
		"prefixed":  prefixed,
		"1-byte":    chunkSeeker{bytes.NewReader(data), 1},
		"7-byte":    chunkSeeker{bytes.NewReader(data), 7},
		"no-seeker": io.MultiReader(bytes.NewReader(data)),
	}
}

// sameAsWhole checks that eachDoc hands over the documents the whole-file
// reader returns, in order, with the same Report and error, read in every
// way readers gives.
func sameAsWhole(t *testing.T, data []byte, name, format, unit, layer string, limit int) {
	t.Helper()
	wantDocs, wantRep, wantErr := readWhole(data, name, format, unit, layer, limit)
	for how, r := range readers(data) {
		var docs []Doc
		rep, err := eachDoc(r, name, format, unit, layer, ViaAny, limit, func(d Doc) error {
			docs = append(docs, d)
			return nil
		})
		if !reflect.DeepEqual(docs, wantDocs) {
			t.Errorf("%s %s read as %s: documents differ:\n got  %+v\n want %+v", name, format, how, docs, wantDocs)
		}
		if !reflect.DeepEqual(rep, wantRep) {
			t.Errorf("%s %s read as %s: report differs:\n got  %v\n want %v", name, format, how, rep.Warnings, wantRep.Warnings)
		}
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || fmt.Sprintf("%T", err) != fmt.Sprintf("%T", wantErr) {
			t.Errorf("%s %s read as %s: error differs:\n got  %T %v\n want %T %v", name, format, how, err, err, wantErr, wantErr)
		}
	}
}

// streamCases are files of every streaming format, good and bad; the
// line limit is small so that too long lines and files are cheap.
var streamCases = []struct{ name, format, data string }{
	{"two.conll", "conll", "# id = a\nقال O\nمحمد B-PER\n\n# id = b\nزيد B-PER\nعمرو I-PER\n"},
	{"bom.conll", "conll", "\uFEFF# id = a\r\nقال O\r\n\r\nمحمد B-PER\r\n"},
	{"plain.conll", "conll", "قال O\nمحمد B-PER\n\nذهب O\n"},
	{"bad.conll", "conll", "# id = a\nقال\nمحمد B-PER\n# id = a\nذهب X-PER\n\n# id = c\n\xff O\n" + strings.Repeat("x", 80) + " O\n\n# id = e\n"},
	{"docstart.conll", "conll", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlack NNP I-NP I-PER\nodd O\n"},
	{"layers.conll", "conll", "# id = a\n# layer = layla\nقال B-PER\n\n# id = b\n# layer = gold\nزيد O\n"},
	{"ws.conll", "conll", " O\nقال\u00a0محمد O\n\u00a0 O\n\u200f٣\u00a0٤\u200f B-NUM\n"},
	{"empty.conll", "conll", ""},
	{"lines.txt", "text-lines", "قال محمد\n\nذهب زيد\r\nثم\rعاد\r\n"},
	{"cr-end.txt", "text-lines", "a\rb\r"},
	{"bom.txt", "text-lines", "\uFEFFأول\nثان\u202e\n\ufef7\n"},
	{"control.txt", "text-lines", "good\nbad\x01line\nalso\x02bad\n"},
	{"late-bad-byte.txt", "text-lines", "a\r\nb\rc\n\xe2\x82\n"},
	{"cut-rune.txt", "text-lines", "a\nb\n\xd8"},
	{"blank.txt", "text-lines", "\n \r\n\t\n"},
	{"large.txt", "text-lines", strings.Repeat("سطر\n", 40)},
	{"bad name\n.txt", "text-lines", "نص\n"},
	{"ls.json", "label-studio", `[{"id": 1, "data": {"text": "قال محمد"}, "annotations": [{"id": 7, "result": [{"id": "r1", "type": "labels", "value": {"start": 4, "end": 8, "text": "محمد", "labels": ["PER"]}}]}]},
 {"id": 2, "data": {"text": "نص"}}]`},
	{"bom.json", "label-studio", "\uFEFF[\r\n{\"id\": 1, \"data\": {\"text\": \"نص\"}}\r\n,\r\n{\"id\": 2, \"data\": {\"text\": \"آخر\"}}]\r\n"},
	{"badtasks.json", "label-studio", "[\n{\"id\": 1},\n  3,\n{\"id\": 1, \"data\": {\"text\": \"أ\"}},\n{\"id\": 1, \"data\": {\"text\": \"ب\"}}\n]"},
	{"notjson.json", "label-studio", "[\n{\"id\": 1, \"data\": {\"text\": \"أ\"}},\n{\"id\": 2, \"data\": {\"text\": \"ب\"}\n]\n"},
	{"unended.json", "label-studio", "[\n{\"id\": 1, \"data\": {\"text\": \"أ\"}},\n"},
	{"pasted.json", "label-studio", "[{\"id\": 1, \"data\": {\"text\": \"أ\"}}]\n\n  [{\"id\": 2, \"data\": {\"text\": \"ب\"}}]\r\n"},
	{"object.json", "label-studio", "\n{\"id\": 1}"},
	{"empty.json", "label-studio", "[]"},
	{"badbyte.json", "label-studio", "[\n{\"id\": 1},\n{\"id\": 2, \"data\": {\"text\": \"\xff\"}},\n"},
	{"toolarge.json", "label-studio", "[" + strings.Repeat(`{"id": 1, "data": {"text": "x"}},`, 20) + "]"},
	{"layer.json", "label-studio", `[{"id": "a", "data": {"text": "نص", "layer": "layla"}}, {"id": "b", "data": {"text": "نص", "layer": "gold"}}]`},
	{"mixed.jsonl", "jsonl", "{\"id\": \"a\", \"text\": \"نص\"}\nnot json\n{\"text\": \"آخر\", \"label\": [[0, 3, \"PER\"]]}\n"},
	{"latin1.jsonl", "jsonl", "not json\n{\"text\": \"caf\xe9\"}\n{\"text\": \"ok\"}\n{\"text\": \"na\xefve\"}\n"},
	{"latin1.conll", "conll", "# id = z\ncaf\xe9 O\n\n# id = y\nna\xefve B-PER\n"},
	{"utf16.conll", "conll", "\xff\xfe#\x00 \x00i\x00d\x00"},
	{"utf16.json", "label-studio", "\xfe\xff\x00["},
	{"utf32.txt", "text-lines", "\xff\xfe\x00\x00a\x00\x00\x00"},
	{"utf16.jsonl", "jsonl", "\xff\xfe{\x00"},
}

// TestStreamAsWhole: every streaming reader hands over what the
// whole-file reader it replaced returned, for good files and bad.
func TestStreamAsWhole(t *testing.T) {
	for _, tc := range streamCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, layer := range []string{GoldLayer, "layla"} {
				sameAsWhole(t, []byte(tc.data), tc.name, tc.format, UnitCodePoint, layer, 64)
			}
		})
	}
}

// TestStreamAsWholeFuzzCorpus runs the fuzz corpus's CoNLL and text
// inputs through both readers.
func TestStreamAsWholeFuzzCorpus(t *testing.T) {
	for _, target := range []string{"FuzzCoNLL", "FuzzText"} {
		paths, err := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			data := fuzzBytes(t, path, raw)
			for _, format := range []string{"conll", "text-lines", "label-studio"} {
				sameAsWhole(t, data, filepath.Base(path), format, UnitCodePoint, GoldLayer, 64)
			}
		}
	}
}

// fuzzBytes is the first []byte value of a fuzz corpus file.
func fuzzBytes(t *testing.T, path string, raw []byte) []byte {
	t.Helper()
	for _, line := range strings.Split(string(raw), "\n") {
		if q, ok := strings.CutPrefix(line, "[]byte("); ok {
			s, err := strconv.Unquote(strings.TrimSuffix(q, ")"))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return []byte(s)
		}
	}
	t.Fatalf("%s holds no []byte value", path)
	return nil
}

// TestStreamAsWholeCorpora runs the shared corpora (doccano's fixtures,
// ANERCorp) through both readers at the real line limit, from a file.
func TestStreamAsWholeCorpora(t *testing.T) {
	files := []struct{ dir, file, format string }{
		{"doccano", "example.conll", "conll"},
		{"doccano", "invalid.conll", "conll"},
		{"doccano", "trailing.conll", "conll"},
		{"doccano", "sequence_labeling.jsonl", "doccano"},
		{"doccano", "relation_extraction.jsonl", "doccano-rel"},
		{"doccano", "export_sequence_labeling.jsonl", "doccano"},
		{"doccano", "export_relation_extraction.jsonl", "doccano-rel"},
		{"doccano", "sequence_labeling_overlapping.jsonl", "doccano"},
		{"anercorp", "ANERCorp.conll", "conll"},
		{"anercorp", "anercorp.jsonl", "jsonl"},
		{"seed", "ctsi-intelligence-cell.txt", "text-lines"},
	}
	for _, f := range files {
		t.Run(f.file, func(t *testing.T) {
			path := corpusFile(t, f.dir, f.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			wantDocs, wantRep, wantErr := readWhole(data, f.file, f.format, UnitCodePoint, GoldLayer, maxLine)
			fh, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			n := 0
			rep, err := EachDoc(fh, f.file, f.format, UnitCodePoint, GoldLayer, ViaAny, func(d Doc) error {
				if n >= len(wantDocs) || !reflect.DeepEqual(d, wantDocs[n]) {
					return fmt.Errorf("document %d (line %d) differs from the whole-file reader's", n, d.Line)
				}
				n++
				return nil
			})
			if n != len(wantDocs) || !reflect.DeepEqual(rep, wantRep) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s: streamed %d documents, %d warnings, error %v; whole: %d, %d, %v",
					f.file, n, len(rep.Warnings), err, len(wantDocs), len(wantRep.Warnings), wantErr)
			}
		})
	}
}

// TestStreamStopsAtCallerError: an error fn returns ends the reading of
// every format, returned as it is, after the document that caused it.
func TestStreamStopsAtCallerError(t *testing.T) {
	stop := errors.New("stop")
	files := []struct{ name, format, data string }{
		{"s.conll", "conll", "# id = a\nقال O\n\n# id = b\nزيد O\n\n# id = c\nذهب O\n"},
		{"s.txt", "text-lines", "أ\nب\nج\n"},
		{"s.json", "label-studio", `[{"id": 1, "data": {"text": "أ"}}, {"id": 2, "data": {"text": "ب"}}, {"id": 3, "data": {"text": "ج"}}]`},
	}
	for _, f := range files {
		calls := 0
		_, err := eachDoc(strings.NewReader(f.data), f.name, f.format, UnitCodePoint, GoldLayer, ViaAny, 64, func(Doc) error {
			calls++
			if calls == 2 {
				return stop
			}
			return nil
		})
		if err != stop || calls != 2 {
			t.Errorf("%s: error %v after %d documents; want the caller's error after 2", f.name, err, calls)
		}
	}
}

// TestStreamRefusedFileHandsNothing: a file refused as a whole for what
// only its end shows hands over none of the good documents before it.
func TestStreamRefusedFileHandsNothing(t *testing.T) {
	files := []struct{ name, format, data, want string }{
		{"late.txt", "text-lines", "أ\nب\n\xff\n", "late.txt:3: the file is not valid UTF-8 (byte 0xFF at byte 6); save it as UTF-8"},
		{"late.json", "label-studio", "[{\"id\": 1, \"data\": {\"text\": \"أ\"}},\n{\"id\": 2, \"data\": {\"text\": \"ب\"}}\n] x", "late.json:3: the file goes on after its array of tasks has ended, with x;"},
		{"big.json", "label-studio", "[" + strings.Repeat(`{"id": 1, "data": {"text": "x"}},`, 20) + "]", "big.json:1: file is larger than 0 MiB"},
	}
	for _, f := range files {
		calls := 0
		_, err := eachDoc(bytes.NewReader([]byte(f.data)), f.name, f.format, UnitCodePoint, GoldLayer, ViaAny, 64, func(Doc) error {
			calls++
			return nil
		})
		if err == nil || !strings.HasPrefix(err.Error(), f.want) || calls != 0 {
			t.Errorf("%s: %d documents handed over, error %v; want none, and %q", f.name, calls, err, f.want)
		}
	}
}

// lsBenchFile is a Label Studio export of n tasks of Arabic text, each
// with three labelled spans.
func lsBenchFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString("[\n")
	text := strings.Repeat("قال الوزير أحمد إن الاقتصاد ينمو في الرياض. ", 20)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": %d, "data": {"text": %q}, "annotations": [{"id": %d, "result": [`, i, text, i)
		for j, at := range []int{4, 11, 16} {
			if j > 0 {
				b.WriteString(", ")
			}
			end := at + 5
			fmt.Fprintf(&b, `{"id": "r%d", "type": "labels", "value": {"start": %d, "end": %d, "text": %q, "labels": ["PER"]}}`, j, at, end, string([]rune(text)[at:end]))
		}
		b.WriteString("]}]}")
	}
	b.WriteString("\n]\n")
	return b.Bytes()
}

// BenchmarkLabelStudioRead reads a 2,000-task export whole (the reader
// streaming replaced) and streamed, in the same run.
func BenchmarkLabelStudioRead(b *testing.B) {
	data := lsBenchFile(2000)
	b.Run("whole", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, _, err := parseLabelStudio(bytes.NewReader(data), "b.json", UnitCodePoint, GoldLayer, labelStudioLimit*maxLine); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("stream", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := EachDoc(bytes.NewReader(data), "b.json", "label-studio", UnitCodePoint, GoldLayer, ViaAny, func(Doc) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCoNLLRead reads ANERCorp cut into 200 documents whole (the
// reader streaming replaced) and streamed, in the same run.
func BenchmarkCoNLLRead(b *testing.B) {
	raw, err := os.ReadFile(corpusFile(b, "anercorp", "ANERCorp.conll"))
	if err != nil {
		b.Fatal(err)
	}
	var data []byte
	for i, line := range bytes.Split(raw, []byte("\n")) {
		if i%750 == 0 {
			data = append(data, "\n-DOCSTART- O\n\n"...)
		}
		data = append(append(data, line...), '\n')
	}
	b.Run("whole", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, _, err := parseCoNLL(bytes.NewReader(data), "b.conll", GoldLayer, maxLine); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("stream", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := EachDoc(bytes.NewReader(data), "b.conll", "conll", UnitCodePoint, GoldLayer, ViaAny, func(Doc) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzStreamAsWhole: for any bytes, each streaming reader hands over
// what the whole-file reader it replaced returned.
func FuzzStreamAsWhole(f *testing.F) {
	formats := []string{"conll", "text-lines", "label-studio"}
	for _, tc := range streamCases {
		for i, format := range formats {
			if format == tc.format {
				f.Add([]byte(tc.data), uint8(i))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		sameAsWhole(t, data, "f.in", formats[int(format)%len(formats)], UnitCodePoint, GoldLayer, 64)
	})
}
