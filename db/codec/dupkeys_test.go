package codec

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// TestDuplicateKey: a key is a duplicate only within its own object; the
// place is named by its path; strings holding braces, commas, quotes or
// escapes do not confuse the scan.
func TestDuplicateKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"a": 1, "b": 2}`, ""},
		{`{"a": {"a": {"a": 1}}}`, ""},
		{`[{"a": 1}, {"a": 2}]`, ""},
		{`{"a": "{\"a\": 1, \"a\": 2}", "b": "}, \"a\": ["}`, ""},
		{`{"a": 1, "a": 2}`, `key "a" appears twice`},
		{`{"a\u0062": 1, "ab": 2}`, `key "ab" appears twice`},
		{`{"x": [[1, {"k": 1}], [2, {"k": 1, "k": 2}]]}`, `key "k" appears twice in x[1][1]`},
		{`[{"a": 1}, {"b": {"c": 1, "c": 2}}]`, `key "c" appears twice in [1].b`},
		{`{"s": [{"a": 1}, {"b": 1, "a": [], "b": 3}]}`, `key "b" appears twice in s[1]`},
		{`{"": 1, "": 2}`, `key "" appears twice`},
	}
	for _, tc := range cases {
		if got := DuplicateKey([]byte(tc.in)); got != tc.want {
			t.Errorf("DuplicateKey(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// BenchmarkDuplicateKeyANERCorp scans every line of ANERCorp's doccano
// file for keys given twice, beside decoding the same lines, the work an
// import does anyway: the scan should cost a fraction of the decode.
func BenchmarkDuplicateKeyANERCorp(b *testing.B) {
	data, err := os.ReadFile(corpusFile(b, "anercorp", "anercorp.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				if DuplicateKey(l) != "" {
					b.Fatal("ANERCorp holds a key twice")
				}
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				var fields map[string]json.RawMessage
				if err := json.Unmarshal(l, &fields); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
