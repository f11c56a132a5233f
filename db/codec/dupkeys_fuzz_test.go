package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDuplicateKey checks the duplicate-key scanner against a reference
// built on encoding/json's token stream, which tracks every object's keys:
// on any valid JSON value the two must find the same first duplicate, in
// the same place, or both none. The scanner's callers hand it valid
// UTF-8 JSON only (they refuse anything else first); on other inputs it
// need only return.
func FuzzDuplicateKey(f *testing.F) {
	seeds := []string{
		`{"a": 1, "b": 2}`, `{"a": {"a": {"a": 1}}}`, `[{"a": 1}, {"a": 2}]`,
		`{"a": "{\"a\": 1, \"a\": 2}", "b": "}, \"a\": ["}`, `{"a": 1, "a": 2}`, `{"a\u0062": 1, "ab": 2}`,
		`{"x": [[1, {"k": 1}], [2, {"k": 1, "k": 2}]]}`, `[{"a": 1}, {"b": {"c": 1, "c": 2}}]`,
		`{"s": [{"a": 1}, {"b": 1, "a": [], "b": 3}]}`, `{"": 1, "": 2}`, `{"": {"a": 1, "a": 2}}`,
		`{"\ud800": 1, "\udc00": 2}`, `{"\\": 1, "\\\\": 2, "\"": 3}`, `"a"`, `[]`, `{}`, ` {"a" : [ ] , "b":{}} `,
		lsExport,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, line := range firstLines(sharedCorpus("anercorp", "anercorp.jsonl"), 2) {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzMaxInput {
			t.Skip("longer than the fuzzers read")
		}
		if !utf8.Valid(data) || !json.Valid(data) {
			DuplicateKey(data) // meaningless here, but it must not panic
			return
		}
		if got, want := DuplicateKey(data), referenceDuplicateKey(t, data); got != want {
			t.Fatalf("DuplicateKey(%s) = %q, want %q", data, got, want)
		}
	})
}

// referenceDuplicateKey is DuplicateKey worked out from encoding/json's
// tokens: one frame per open object (its keys so far, the latest) or
// array (its current element).
func referenceDuplicateKey(t *testing.T, data []byte) string {
	type frame struct {
		object    bool
		keys      map[string]bool
		latest    string
		expectKey bool
		index     int
	}
	var stack []*frame
	valueDone := func() {
		if len(stack) == 0 {
			return
		}
		if top := stack[len(stack)-1]; top.object {
			top.expectKey = true
		} else {
			top.index++
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			t.Fatalf("valid JSON %s gave the decoder %v", data, err)
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				stack = append(stack, &frame{object: v == '{', keys: map[string]bool{}, expectKey: v == '{'})
				continue
			}
			stack = stack[:len(stack)-1]
			valueDone()
		case string:
			top := len(stack) - 1
			if top < 0 || !stack[top].object || !stack[top].expectKey {
				valueDone()
				continue
			}
			if f := stack[top]; f.keys[v] {
				var path strings.Builder
				for _, outer := range stack[:top] {
					switch {
					case !outer.object:
						fmt.Fprintf(&path, "[%d]", outer.index)
					case path.Len() > 0:
						path.WriteString("." + outer.latest)
					default:
						path.WriteString(outer.latest)
					}
				}
				if path.Len() == 0 {
					return fmt.Sprintf("key %q appears twice", v)
				}
				return fmt.Sprintf("key %q appears twice in %s", v, path.String())
			}
			f := stack[top]
			f.keys[v], f.latest, f.expectKey = true, v, false
		default:
			valueDone()
		}
	}
}
