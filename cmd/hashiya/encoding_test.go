package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// utf16Bytes is s in UTF-16 in order, without a byte-order mark.
func utf16Bytes(s string, order binary.AppendByteOrder) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

// TestImportBOMlessUTF16: a file saved in UTF-16 without a byte-order
// mark, either byte order, is refused with the one error saying so and
// to save it as UTF-8, before anything else is said of it, and nothing
// of it is stored.
func TestImportBOMlessUTF16(t *testing.T) {
	files := []struct {
		name, format, data string
	}{
		{"a.conll", "conll", "# id = a\nقال O\nمحمد B-PER\n"},
		{"a.jsonl", "jsonl", `{"id": "a", "text": "قال محمد", "spans": [{"start": 4, "end": 8, "label": "PERSON"}]}` + "\n"},
		{"a.txt", "text", "قال محمد\n"},
	}
	for _, f := range files {
		for _, order := range []struct {
			name  string
			order binary.AppendByteOrder
		}{{"little-endian", binary.LittleEndian}, {"big-endian", binary.BigEndian}} {
			c := uploadFixture(t)
			path := filepath.Join(t.TempDir(), f.name)
			if err := os.WriteFile(path, utf16Bytes(f.data, order.order), 0o644); err != nil {
				t.Fatal(err)
			}
			got := c.fail("", "import", "--project", "news", "--format", f.format, path)
			want := path + ":1: the file looks like UTF-16 " + order.name + " without a byte-order mark; save it as UTF-8\n" + path + ": nothing imported\n" +
				"hashiya: 1 of 1 files had errors and were not imported\n"
			if got != want {
				t.Errorf("%s in UTF-16 %s says\n%s\nwant first and alone\n%s", f.name, order.name, got, want)
			}
			if out := c.ok("export", "--project", "news"); out != "" {
				t.Errorf("%s in UTF-16 %s left documents:\n%s", f.name, order.name, out)
			}
		}
	}
}
