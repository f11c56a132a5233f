package codec

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
)

// goodFiles are a good file of each import format, named for it.
var goodFiles = []struct{ name, format, data string }{
	{"a.jsonl", "jsonl", "{\"id\": \"a\", \"text\": \"قال محمد\"}\n{\"id\": \"b\", \"text\": \"ذهب\"}\n"},
	{"a.jsonl", "doccano", "{\"text\": \"قال محمد\", \"label\": [[4, 8, \"PER\"]]}\n"},
	{"a.json", "label-studio", "[{\"id\": 1, \"data\": {\"text\": \"قال محمد\"}}]\n"},
	{"a.txt", "text", "قال محمد\nذهب\n"},
	{"a.txt", "text-lines", "قال محمد\nذهب\n"},
	{"a.conll", "conll", "# id = a\nقال O\nمحمد B-PER\n"},
}

// wide is s encoded as UTF-16 or UTF-32 in the given byte order, after
// its byte-order mark.
func wide(s string, bits int, order binary.AppendByteOrder) []byte {
	var b []byte
	if bits == 16 {
		for _, u := range utf16.Encode([]rune("\uFEFF" + s)) {
			b = order.AppendUint16(b, u)
		}
		return b
	}
	for _, r := range "\uFEFF" + s {
		b = order.AppendUint32(b, uint32(r))
	}
	return b
}

// readAll reads data as an import of the given format through EachDoc,
// from a file that seeks and from a body that does not, and through
// ParseFileIn; it fails unless all three agree, and returns the documents
// EachDoc handed over and the error.
func readAll(t *testing.T, data []byte, name, format string) (int, error) {
	t.Helper()
	var errs []error
	calls := 0
	for _, r := range []io.Reader{bytes.NewReader(data), io.MultiReader(bytes.NewReader(data))} {
		_, err := EachDoc(r, name, format, UnitCodePoint, GoldLayer, ViaAny, func(Doc) error {
			calls++
			return nil
		})
		errs = append(errs, err)
	}
	_, _, err := ParseFileIn(bytes.NewReader(data), name, format, UnitCodePoint)
	errs = append(errs, err)
	for _, err := range errs[1:] {
		if fmt.Sprint(err) != fmt.Sprint(errs[0]) {
			t.Errorf("%s %s: a body, a file and ParseFileIn give the errors %v", name, format, errs)
		}
	}
	return calls / 2, errs[0]
}

// TestWideEncodingRefused: a file of any format in UTF-16 or UTF-32,
// known by its byte-order mark, is refused with one error naming the
// encoding, and none of its documents is handed over.
func TestWideEncodingRefused(t *testing.T) {
	encodings := []struct {
		bits  int
		order binary.AppendByteOrder
		want  string
	}{
		{16, binary.LittleEndian, "the file is UTF-16 (byte-order mark FF FE); save it as UTF-8"},
		{16, binary.BigEndian, "the file is UTF-16 (byte-order mark FE FF); save it as UTF-8"},
		{32, binary.LittleEndian, "the file is UTF-32 (byte-order mark FF FE 00 00); save it as UTF-8"},
		{32, binary.BigEndian, "the file is UTF-32 (byte-order mark 00 00 FE FF); save it as UTF-8"},
	}
	for _, f := range goodFiles {
		if n, err := readAll(t, []byte(f.data), f.name, f.format); err != nil || n == 0 {
			t.Fatalf("%s %s in UTF-8: error %v, %d documents; want it read", f.name, f.format, err, n)
		}
		for _, e := range encodings {
			n, err := readAll(t, wide(f.data, e.bits, e.order), f.name, f.format)
			var bad Errors
			want := f.name + ":1: " + e.want
			if !errors.As(err, &bad) || len(bad) != 1 || err.Error() != want || n != 0 {
				t.Errorf("%s %s in UTF-%d %v: %d documents, error\n%v\nwant none and only %q", f.name, f.format, e.bits, e.order, n, err, want)
			}
		}
	}
}

// TestNotUTF8First: a file in Latin-1 (no byte-order mark) is refused
// first for that, naming the line and the file's byte offset of its first
// bad byte, and not again for what its bad bytes make of its lines.
func TestNotUTF8First(t *testing.T) {
	tests := []struct {
		name, format, data string
		want               []string // every error, in order
	}{
		{"z.conll", "conll", "# id = z\ncaf\xe9 O\nna\xefve B-PER\n\n# id = y\nabc O\n",
			[]string{"z.conll:2: the file is not valid UTF-8 (byte 0xE9 at byte 12); save it as UTF-8"}},
		{"z.jsonl", "jsonl", "{\"text\": \"caf\xe9\"}\n{\"text\": \"na\xefve\"}\n\n{\"text\": \"\xe0 bient\xf4t\"}\n",
			[]string{"z.jsonl:1: the file is not valid UTF-8 (byte 0xE9 at byte 13); save it as UTF-8; 2 more lines are not UTF-8 either"}},
		{"z.jsonl", "jsonl", "{oops\n{\"text\": \"ok\"}\n{\"text\": \"caf\xe9\"}\n",
			[]string{"z.jsonl:3: the file is not valid UTF-8 (byte 0xE9 at byte 34); save it as UTF-8", "z.jsonl:1: line is not valid JSON"}},
		{"z.txt", "text-lines", "ok\ncaf\xe9\nna\xefve\n",
			[]string{"z.txt:2: the file is not valid UTF-8 (byte 0xE9 at byte 6); save it as UTF-8"}},
		{"z.txt", "text", "ok\ncaf\xe9\n",
			[]string{"z.txt:2: the file is not valid UTF-8 (byte 0xE9 at byte 6); save it as UTF-8"}},
		{"z.json", "label-studio", "[{\"id\": 1, \"data\": {\"text\": \"ok\"}},\n{\"id\": 2, \"data\": {\"text\": \"caf\xe9\"}}]\n",
			[]string{"z.json:2: the file is not valid UTF-8 (byte 0xE9 at byte 67); save it as UTF-8"}},
	}
	for _, tt := range tests {
		_, err := readAll(t, []byte(tt.data), tt.name, tt.format)
		var bad Errors
		if !errors.As(err, &bad) || len(bad) != len(tt.want) {
			t.Errorf("%s %s: error\n%v\nwant\n%s", tt.name, tt.format, err, strings.Join(tt.want, "\n"))
			continue
		}
		for i, w := range tt.want {
			if !strings.HasPrefix(bad[i].Error(), w) {
				t.Errorf("%s %s: error %d is %q, want %q", tt.name, tt.format, i+1, bad[i].Error(), w)
			}
		}
	}
}

// TestBOMlessWideRefused: a file of any format in UTF-16 or UTF-32
// without a byte-order mark, Arabic or ASCII, is refused with one error
// saying what it looks like, and none of its documents is handed over;
// a UTF-8 file holding a NUL or two is still refused for each as a
// control character, not taken for UTF-16.
func TestBOMlessWideRefused(t *testing.T) {
	encodings := []struct {
		bits  int
		order binary.AppendByteOrder
		name  string
	}{
		{16, binary.LittleEndian, "UTF-16 little-endian"},
		{16, binary.BigEndian, "UTF-16 big-endian"},
		{32, binary.LittleEndian, "UTF-32 little-endian"},
		{32, binary.BigEndian, "UTF-32 big-endian"},
	}
	files := append(goodFiles[:len(goodFiles):len(goodFiles)],
		struct{ name, format, data string }{"b.txt", "text-lines", "محمد"},
		struct{ name, format, data string }{"b.txt", "text-lines", "hi\n"},
		struct{ name, format, data string }{"long.txt", "text", strings.Repeat("قال محمد إن الاتفاق مهم\n", 400)},
	)
	for _, f := range files {
		for _, e := range encodings {
			data := wide(f.data, e.bits, e.order)[e.bits/8:] // the mark cut off
			n, err := readAll(t, data, f.name, f.format)
			var bad Errors
			want := f.name + ":1: the file looks like " + e.name + " without a byte-order mark; save it as UTF-8"
			if !errors.As(err, &bad) || len(bad) != 1 || err.Error() != want || n != 0 {
				t.Errorf("%s %s in %s without a mark: %d documents, error\n%v\nwant none and only %q", f.name, f.format, e.name, n, err, want)
			}
		}
	}
	for _, data := range []string{"قال\x00محمد\n", "قال محمد\x00\x00\n", "abc\x00def\x00ghi\n", "\x00"} {
		_, err := readAll(t, []byte(data), "n.txt", "text-lines")
		if err == nil || !strings.Contains(err.Error(), "control character U+0000") {
			t.Errorf("%q: error %v, want the NUL named as a control character", data, err)
		}
	}
}
