package codec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestParseFileDocs(t *testing.T) {
	tests := []struct {
		name, file, format, input string
		want                      []Doc
		wantWarnings              []string // substrings, one per warning, in order
	}{
		{
			name: "native shape with ids, meta, attributes, relations", file: "n.jsonl", format: "auto",
			input: `{"id": "doc-1", "text": "😀 قال زيد", "meta": {"src": "x"}, "layer": "gold", "status": "reviewed", "offset_unit": "codepoint", "spans": [{"id": 10, "start": 6, "end": 9, "label": "PER", "text": "زيد", "attributes": {"k": 1}}, {"id": "q", "start": 2, "end": 5, "label": "CUE"}], "relations": [{"id": 1, "type": "cue", "from": "q", "to": 10}]}`,
			want: []Doc{{Line: 1, ExternalID: "doc-1", Layer: "gold", Status: "reviewed", Text: "😀 قال زيد", Meta: json.RawMessage(`{"src":"x"}`),
				Spans: []Span{
					{Ref: "10", Start: 6, End: 9, Label: "PER", Attributes: json.RawMessage(`{"k":1}`)},
					{Ref: "q", Start: 2, End: 5, Label: "CUE", Attributes: json.RawMessage(`{}`)},
				},
				Relations: []Relation{{Type: "cue", From: "q", To: "10"}}}},
		},
		{
			name: "doccano with default and integer ids, text stored byte-exact", file: "dir/set.v2.jsonl", format: "doccano",
			input: "\n{\"text\": \"e\u0301\\r\\n\u202E\", \"label\": [[0, 2, \"X\"]]}\n\n{\"id\": 42, \"text\": \"b\"}\r\n",
			want: []Doc{
				{Line: 2, ExternalID: "set.v2-2", Text: "e\u0301\r\n\u202E", Meta: json.RawMessage(`{}`),
					Spans: []Span{{Start: 0, End: 2, Label: "X", Attributes: json.RawMessage(`{}`)}}},
				{Line: 4, ExternalID: "42", Text: "b", Meta: json.RawMessage(`{}`)},
			},
			wantWarnings: []string{"bidi embedding/override/isolate controls (kept as imported)"},
		},
		{
			name: "duplicate spans and relations kept once, ids of the dropped span still resolve", file: "r.jsonl", format: "doccano-rel",
			input: `{"text": "abc def", "entities": [{"id": 1, "start_offset": 0, "end_offset": 3, "label": "A"}, {"id": 2, "start_offset": 0, "end_offset": 3, "label": "A"}, {"id": 3, "start_offset": 0, "end_offset": 3, "label": "B"}], "relations": [{"from_id": 2, "to_id": 3, "type": "r"}, {"from_id": 1, "to_id": 3, "type": "r"}]}`,
			want: []Doc{{Line: 1, ExternalID: "r-1", Text: "abc def", Meta: json.RawMessage(`{}`),
				Spans: []Span{
					{Ref: "1", Start: 0, End: 3, Label: "A", Attributes: json.RawMessage(`{}`)},
					{Ref: "3", Start: 0, End: 3, Label: "B", Attributes: json.RawMessage(`{}`)},
				},
				Relations: []Relation{{Type: "r", From: "1", To: "3"}}}},
			wantWarnings: []string{"span 1 (A) at 0..3 repeats an earlier span; kept once", "relation 1 (r) 1 -> 3 repeats an earlier relation"},
		},
		{
			name: "a repeat with equal attributes or none is kept once, with the attributes given", file: "q.jsonl", format: "jsonl",
			input: `{"text": "abc def", "spans": [{"start": 0, "end": 3, "label": "Q", "attributes": {"a": 1, "b": [2]}}, {"start": 0, "end": 3, "label": "Q", "attributes": {"b": [2], "a": 1}}, {"start": 0, "end": 3, "label": "Q"}, {"id": 7, "start": 4, "end": 7, "label": "Q"}, {"start": 4, "end": 7, "label": "Q", "attributes": {"c": true}}]}`,
			want: []Doc{{Line: 1, ExternalID: "q-1", Text: "abc def", Meta: json.RawMessage(`{}`),
				Spans: []Span{
					{Start: 0, End: 3, Label: "Q", Attributes: json.RawMessage(`{"a":1,"b":[2]}`)},
					{Ref: "7", Start: 4, End: 7, Label: "Q", Attributes: json.RawMessage(`{"c":true}`)},
				}}},
			wantWarnings: []string{"span 1 (Q) at 0..3 repeats an earlier span; kept once", "span 2 (Q) at 0..3 repeats", "span 4 (Q) at 4..7 repeats"},
		},
		{
			name: "BOM before the first JSON line, HTML characters as is", file: "b.jsonl", format: "jsonl",
			input: "\uFEFF{\"text\": \"<a> & \\u003c\"}",
			want:  []Doc{{Line: 1, ExternalID: "b-1", Text: "<a> & <", Meta: json.RawMessage(`{}`)}},
		},
		{
			name: "plain text file is one canonical document", file: "corpus/article.txt", format: "auto",
			input: "\uFEFFسطر\r\nthe \u202Eend\uFEF5\r",
			want:  []Doc{{Line: 1, ExternalID: "article", Text: "سطر\nthe endلآ\n", Meta: json.RawMessage(`{}`)}},
			wantWarnings: []string{"bidi embedding/override/isolate controls; removed",
				"Arabic presentation forms; mapped to letters"},
		},
		{
			name: "format text even without .txt", file: "notes.md", format: "text",
			input: `{"text": "not parsed"}`,
			want:  []Doc{{Line: 1, ExternalID: "notes", Text: `{"text": "not parsed"}`, Meta: json.RawMessage(`{}`)}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, rep, err := ParseFile(strings.NewReader(tc.input), tc.file, tc.format)
			if err != nil {
				t.Fatalf("ParseFile: %v", err)
			}
			if !reflect.DeepEqual(docs, tc.want) {
				t.Errorf("docs:\n got  %+v\n want %+v", docs, tc.want)
			}
			if len(rep.Warnings) != len(tc.wantWarnings) {
				t.Fatalf("warnings = %v, want %d", rep.Warnings, len(tc.wantWarnings))
			}
			for i, w := range rep.Warnings {
				if w.File != tc.file || !strings.Contains(w.Reason, tc.wantWarnings[i]) {
					t.Errorf("warning %d = %v, want file %s and reason containing %q", i, w, tc.file, tc.wantWarnings[i])
				}
			}
		})
	}
}

func TestParseTextRejectsInvalidUTF8(t *testing.T) {
	errs := parseErrors(t, "first line\nsecond \xc3( line", "a.txt", "auto")
	want := LineError{File: "a.txt", Line: 2, Reason: "the file is not valid UTF-8 (byte 0xC3 at byte 18); save it as UTF-8"}
	if len(errs) != 1 || errs[0] != want {
		t.Errorf("got %v, want %v", errs, want)
	}
	// Encoded surrogates are invalid UTF-8 too, not a character to keep.
	if errs := parseErrors(t, "a\xed\xa0\x80b", "s.txt", "text"); len(errs) != 1 || !strings.Contains(errs[0].Reason, "(byte 0xED at byte 1)") {
		t.Errorf("surrogate bytes: got %v", errs)
	}
	if errs := parseErrors(t, "\uFEFF \r\n\t", "blank.txt", "text"); len(errs) != 1 || errs[0].Reason != "file holds no text" {
		t.Errorf("blank text: got %v", errs)
	}
}

// TestTextControlCharacters: a text holding a control character other
// than tab, line feed and carriage return (U+0000 above all, which a
// browser drops, shifting every offset after it) is refused in every
// format, naming the line, the character and its code point offset.
func TestTextControlCharacters(t *testing.T) {
	const why = ": a text may hold tab, line feed and carriage return, no other control character; remove it"
	ls := func(text string) string {
		return "[\n" + `{"id": 1, "data": {"text": "ok"}},` + "\n" + `{"id": 2, "data": {"text": "` + text + `"}}` + "\n]"
	}
	tests := []struct {
		name, file, format, input string
		want                      []string // LINE: reason
	}{
		{"NUL in a JSON line", "a.jsonl", "jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"قال \\u0000 أحمد\"}\n",
			[]string{"2: text holds the control character U+0000 at code point 4" + why}},
		{"a doccano line, past an emoji", "a.jsonl", "doccano", "{\"id\":\"a\",\"text\":\"👍🏽 x\\u0007\",\"label\":[[0,2,\"PER\"]]}\n",
			[]string{"1: text holds the control character U+0007 at code point 4" + why}},
		{"a doccano-rel line", "a.jsonl", "doccano-rel", "{\"id\":\"a\",\"text\":\"\\u001b[0m\",\"entities\":[],\"relations\":[]}\n",
			[]string{"1: text holds the control character U+001B at code point 0" + why}},
		{"DEL, raw in a JSON string", "a.jsonl", "jsonl", "{\"id\":\"a\",\"text\":\"ab\x7f\"}\n",
			[]string{"1: text holds the control character U+007F at code point 2" + why}},
		// C1 controls too: a raw U+0085 (next line) in an exported line
		// splits it in two for Python's str.splitlines().
		{"a C1 control in a doccano line", "a.jsonl", "doccano", "{\"id\":\"c1\",\"text\":\"قبل\\u0085بعد و \\u009b هنا\",\"label\":[[0,3,\"PER\"]]}\n",
			[]string{"1: text holds the control character U+0085 at code point 3" + why}},
		{"a C1 control, raw in plain text", "a.txt", "text", "سطر\u0080ثان",
			[]string{"1: text holds the control character U+0080 at code point 3" + why}},
		{"plain text, on its third line", "a.txt", "text", "سطر\r\nسطر\nثالث\x00\n",
			[]string{"3: text holds the control character U+0000 at code point 12" + why}},
		{"plain text, a form feed", "a.txt", "text", "page one\fpage two",
			[]string{"1: text holds the control character U+000C at code point 8" + why}},
		{"text lines, each named", "a.txt", "text-lines", "ok\nbad\x00\nok\n\x01 too\n",
			[]string{"2: text holds the control character U+0000 at code point 3" + why, "4: text holds the control character U+0001 at code point 0" + why}},
		{"a CoNLL token", "a.conll", "conll", "# id = d\nقال O\nأ\x00حمد B-PER\n",
			[]string{`3: token "أ\x00حمد": text holds the control character U+0000 at code point 5` + why}},
		{"a Label Studio task", "a.json", "label-studio", ls(`x\u0000`),
			[]string{"3: task 1: text holds the control character U+0000 at code point 1" + why}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range parseErrors(t, tt.input, tt.file, tt.format) {
				if e.File != tt.file {
					t.Errorf("error names file %q, want %q", e.File, tt.file)
				}
				got = append(got, fmt.Sprintf("%d: %s", e.Line, e.Reason))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	// Tab, line feed and carriage return are text.
	for _, format := range []string{"jsonl", "text"} {
		input := map[string]string{"jsonl": `{"id":"a","text":"a\tb\r\nc"}`, "text": "a\tb\r\nc"}[format]
		if _, _, err := ParseFile(strings.NewReader(input), "ok."+map[string]string{"jsonl": "jsonl", "text": "txt"}[format], format); err != nil {
			t.Errorf("%s: a text with tab and line ends: %v", format, err)
		}
	}
}
