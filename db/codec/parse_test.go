package codec

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// parseErrors runs ParseFile, requires it to fail with Errors, and returns
// them; the documents it returns beside them must come from other lines.
func parseErrors(t *testing.T, input, name, format string) Errors {
	t.Helper()
	docs, _, err := ParseFile(strings.NewReader(input), name, format)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("ParseFile error = %v (%T), want Errors", err, err)
	}
	for _, d := range docs {
		for _, e := range errs {
			if e.Line == d.Line && format != "conll" { // a CoNLL document keeps its good lines
				t.Errorf("ParseFile returned the document of bad line %d", d.Line)
			}
		}
	}
	return errs
}

func TestParseFileBadLines(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		format string
		want   map[int]string // line -> substring of its reason; every bad line listed
	}{
		{
			name: "three bad lines of different kinds, all reported",
			input: `{"text": "good one", "label": []}
{"text": "abc", "label": [[0, 9, "PER"]]}
not json at all

{"id": "x", "label": []}
{"text": "another good", "label": [[0, 7, "ORG"]]}
`,
			format: "auto",
			want: map[int]string{
				2: `span 0 (PER) has offsets 0..9, want 0 <= start < end <= 3`,
				3: "line is not valid JSON (invalid character 'o' at column 2)",
				5: `missing string "text"`,
			},
		},
		{
			name:   "invalid UTF-8 in the text",
			input:  "{\"text\": \"ok\"}\n{\"text\": \"caf\xe9\"}\n",
			format: "jsonl",
			want:   map[int]string{2: "the file is not valid UTF-8 (byte 0xE9 at byte 28); save it as UTF-8"},
		},
		{
			name:   "invalid UTF-8 in meta",
			input:  "{\"text\": \"ok\", \"meta\": {\"k\": \"\xff\"}}\n",
			format: "jsonl",
			want:   map[int]string{1: "not valid UTF-8"},
		},
		{
			name:   "lone surrogate escape",
			input:  `{"text": "a\ud800b"}` + "\n" + `{"text": "pair \ud83d\ude00 and \\ud800 is fine"}`,
			format: "jsonl",
			want:   map[int]string{1: `unpaired surrogate escape \ud800`},
		},
		{
			name: "a key given twice, at the top, in a span, or spelt with an escape",
			input: `{"text": "one", "text": "two"}` + "\n" +
				`{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "PER"}, {"start": 0, "start": 2, "end": 3, "label": "PER"}]}` + "\n" +
				`{"text": "abc", "meta": {"k": 1, "\u006b": 2}}` + "\n" +
				`{"text": "abc", "meta": {"a": {"k": 1}, "b": {"k": 2}}, "spans": [{"start": 0, "end": 1, "label": "PER", "attributes": {"x\"y": 1, "x": 2}}]}`,
			format: "jsonl",
			want: map[int]string{
				1: `key "text" appears twice (JSON keeps only one of them; keep the one you mean)`,
				2: `key "start" appears twice in spans[1]`,
				3: `key "k" appears twice in meta`,
			},
		},
		{
			name:   "broken JSON says where, in characters, without the parser's terms",
			input:  `{"text": "غزة" x}` + "\n" + `{"text": "abc` + "\nمرحبا\n{\"text\": \"غزة\", \u200f}\n{\"text\": \"غزة\"}\x01",
			format: "jsonl",
			want: map[int]string{
				1: "line is not valid JSON (invalid character 'x' at column 16)",
				2: "line is not valid JSON (it ends after column 13, before the JSON value is complete)",
				3: "line is not valid JSON (invalid character 'م' (U+0645) at column 1)",
				4: `line is not valid JSON (invalid character '\u200f' (U+200F) at column 17)`,
				5: `line is not valid JSON (invalid character '\x01' at column 16)`,
			},
		},
		{
			name: "offsets must be JSON integers",
			input: `{"text": "abcdef", "label": [[1.5, 3, "PER"]]}
{"text": "abcdef", "label": [["1", 3, "PER"]]}
{"text": "abcdef", "entities": [{"id": 1, "start_offset": 0, "end_offset": 2e0, "label": "PER"}]}
{"text": "abcdef", "spans": [{"id": 1, "end": 2, "label": "PER"}]}`,
			format: "auto",
			want: map[int]string{
				1: `span 0 (PER) "start" must be an integer, got 1.5`,
				2: `span 0 (PER) "start" must be an integer, got "1"`,
				3: `span 0 (PER) "end_offset" must be an integer, got 2e0`,
				4: `span 0 (PER) "start" is missing`,
			},
		},
		{
			name: "end past the text counted in code points",
			input: `{"text": "😀 abc", "label": [[2, 5, "X"]]}
{"text": "😀 abc", "label": [[2, 6, "X"]]}
{"text": "😀 abc", "label": [[3, 3, "X"]]}
{"text": "😀 abc", "label": [[-1, 2, "X"]]}`,
			format: "doccano",
			want: map[int]string{
				2: "span 0 (X) has offsets 2..6, want 0 <= start < end <= 5",
				3: "span 0 (X) has offsets 3..3, want 0 <= start < end <= 5",
				4: "span 0 (X) has offsets -1..2, want 0 <= start < end <= 5",
			},
		},
		{
			name: "native span text must equal the slice",
			input: `{"id": "a", "text": "😀 كتاب", "offset_unit": "codepoint", "spans": [{"id": 1, "start": 2, "end": 6, "label": "X", "text": "كتاب"}]}
{"id": "b", "text": "😀 كتاب", "spans": [{"id": 1, "start": 2, "end": 5, "label": "X", "text": "كتاب"}]}
{"id": "c", "text": "😀 كتاب", "spans": [{"id": 1, "start": 0, "end": 1, "label": "X", "text": 5}]}`,
			format: "jsonl",
			want: map[int]string{
				2: `span 0 (X) says text "كتاب" but text[2:5] is "كتا"`,
				3: `span 0 (X) "text" must be a string, got 5`,
			},
		},
		{
			name: "offset_unit other than codepoint or utf16",
			input: `{"text": "abc", "offset_unit": "bytes", "spans": []}
{"text": "abc", "offset_unit": 7, "spans": []}`,
			format: "auto",
			want: map[int]string{
				1: `offset_unit "bytes" is not supported; want "codepoint"`,
				2: `offset_unit 7 is not supported`,
			},
		},
		{
			name: "relations, labels, ids",
			input: `{"text": "abc", "entities": [{"id": 0, "start_offset": 0, "end_offset": 1, "label": "A"}], "relations": [{"from_id": 0, "to_id": 7, "type": "r"}]}
{"text": "abc", "label": [[0, 1, ""]]}
{"id": "dup", "text": "abc"}
{"id": "dup", "text": "abc"}
{"id": 1.5, "text": "abc"}
{"text": "abc", "spans": [{"id": 1, "start": 0, "end": 1, "label": "A"}, {"id": 1, "start": 1, "end": 2, "label": "B"}]}
{"text": "abc", "spans": [{"id": 1, "start": 0, "end": 1, "label": "A"}], "relations": [{"id": 1, "type": "", "from": 1, "to": 1}]}
{"text": "abc", "meta": [1]}
{"text": "abc", "spans": [], "label": []}
[1, 2]
{"text": "abc", "label": [[0, 1]]}
{"text": ""}
{"text": "   \n  ", "label": []}
{"text": " \u00a0 ", "label": [[1, 2, "PER"]]}`,
			format: "auto",
			want: map[int]string{
				1:  `relation 0 (r) refers to unknown span "7"`,
				2:  "span 0 has an empty label",
				4:  `duplicate document id "dup" (first on line 3)`,
				5:  `"id" must be a string or an integer, got 1.5`,
				6:  `duplicate span id "1"`,
				7:  "relation 0 has an empty type",
				8:  `"meta" must be a JSON object`,
				9:  `line has both "spans" and "label"`,
				10: "line is not a JSON object",
				11: `span 0 must be [start, end, "LABEL"], got [0, 1]`,
				12: `"text" is empty`,
				13: `"text" holds only white space`,
				14: `"text" holds only white space`,
			},
		},
		{
			name:   "explicit doccano refuses another shape",
			input:  `{"text": "abc", "entities": [{"id": 0, "start_offset": 0, "end_offset": 1, "label": "A"}]}`,
			format: "doccano",
			want:   map[int]string{1: `line has "entities", which format "doccano" does not read`},
		},
		{
			name:   "several problems on one line are all named",
			input:  `{"text": "abc", "label": [[0, 9, "A"], [5, 1, "B"]]}`,
			format: "auto",
			want:   map[int]string{1: "span 0 (A) has offsets 0..9, want 0 <= start < end <= 3; span 1 (B) has offsets 5..1"},
		},
		{
			name: "a repeated span with other attributes",
			input: `{"text": "قال زيد", "spans": [{"id": 1, "start": 0, "end": 3, "label": "QUOTE", "attributes": {"type": "direct"}}, {"id": 2, "start": 0, "end": 3, "label": "QUOTE", "attributes": {"type": "indirect"}}]}
{"text": "قال زيد", "spans": [{"start": 0, "end": 3, "label": "QUOTE", "attributes": {"type": "direct", "speaker_in_text": false}}, {"start": 0, "end": 3, "label": "QUOTE", "attributes": {"speaker_in_text": false, "type": "direct"}}]}
`,
			format: "jsonl",
			want:   map[int]string{1: `span 1 (QUOTE) at 0..3 repeats span 0 but the attributes differ (span 0 has {"type":"direct"}, span 1 {"type":"indirect"})`},
		},
		{name: "empty file", input: "", format: "auto", want: map[int]string{1: "file holds no documents"}},
		{name: "blank lines only", input: "\n  \n\n", format: "jsonl", want: map[int]string{1: "file holds no documents"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := parseErrors(t, tc.input, "in.jsonl", tc.format)
			if len(errs) != len(tc.want) {
				t.Errorf("got %d bad lines, want %d:\n%v", len(errs), len(tc.want), errs)
			}
			for _, e := range errs {
				want, ok := tc.want[e.Line]
				if !ok {
					t.Errorf("unexpected bad line %v", e)
					continue
				}
				if e.File != "in.jsonl" || !strings.Contains(e.Reason, want) {
					t.Errorf("line %d: got %q, want file in.jsonl and reason containing %q", e.Line, e.Error(), want)
				}
			}
		})
	}
}

func TestParseFileTooLongLine(t *testing.T) {
	input := `{"text": "a"}` + "\n" + `{"text": "` + strings.Repeat("x", 100) + `"}` + "\n" + `{"text": 5}` + "\n"
	_, _, err := parseFile(strings.NewReader(input), "big.jsonl", "auto", UnitCodePoint, GoldLayer, ViaAny, 64)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 || errs[0].Line != 2 || errs[1].Line != 3 {
		t.Fatalf("got %v, want lines 2 (too long) and 3 (no text)", err)
	}
	if !strings.Contains(errs[0].Reason, "line is longer than") {
		t.Errorf("line 2 reason = %q", errs[0].Reason)
	}
	// A line right at the limit is fine.
	ok := `{"text": "` + strings.Repeat("x", 64-12) + `"}`
	if docs, _, err := parseFile(strings.NewReader(ok), "ok.jsonl", "auto", UnitCodePoint, GoldLayer, ViaAny, 64); err != nil || len(docs) != 1 {
		t.Errorf("line of exactly the limit: docs %d, err %v", len(docs), err)
	}
}

func TestParseFileFormats(t *testing.T) {
	tests := []struct {
		name, format, wantErr string
	}{
		{"x.txt", "conll", `x.txt:1: want "TOKEN TAG": tag "b" is not O, B-LABEL or I-LABEL (the line has 2 fields)`},
		{"x.conll", "auto", `x.conll:1: want "TOKEN TAG": tag "b" is not O, B-LABEL or I-LABEL (the line has 2 fields)`},
		{"x.jsonl", "csv", `unknown import format "csv"; want one of auto, text, text-lines, jsonl, doccano, doccano-rel, label-studio, conll`},
	}
	for _, tc := range tests {
		_, _, err := ParseFile(strings.NewReader("a b\n"), tc.name, tc.format)
		if err == nil || err.Error() != tc.wantErr {
			t.Errorf("ParseFile(%s, %s) error = %v, want %q", tc.name, tc.format, err, tc.wantErr)
		}
	}
}

func TestLineErrorFormat(t *testing.T) {
	errs := Errors{{File: "a.jsonl", Line: 2, Reason: "bad"}, {File: "a.jsonl", Line: 7, Reason: "worse"}}
	if got, want := errs.Error(), "a.jsonl:2: bad\na.jsonl:7: worse"; got != want {
		t.Errorf("Errors.Error() = %q, want %q", got, want)
	}
}

// TestTextLines: one document per line, each canonical and named after
// its line; blank lines skipped; a bad byte names its line.
func TestTextLines(t *testing.T) {
	input := "\uFEFFأول تغريدة 😀\r\n\n  \nثانية \u202eمقلوبة\u202c\nﻻ\n"
	docs, rep, err := ParseFile(strings.NewReader(input), "tweets.txt", "text-lines")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%d %s %q", d.Line, d.ExternalID, d.Text))
	}
	want := []string{`1 tweets-1 "أول تغريدة 😀"`, `4 tweets-4 "ثانية مقلوبة"`, `5 tweets-5 "لا"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rep.Warnings) != 2 || rep.Warnings[0].Line != 4 || rep.Warnings[1].Line != 5 {
		t.Errorf("warnings %v, want line 4 (bidi controls) and 5 (presentation form)", rep.Warnings)
	}
	// CR alone ends a line too, as everywhere in plain text.
	docs, _, err = ParseFile(strings.NewReader("أول\rثانٍ\r\rثالث\r\nرابع\r"), "mac.txt", "text-lines")
	got = got[:0]
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%d %s %q", d.Line, d.ExternalID, d.Text))
	}
	if want := []string{`1 mac-1 "أول"`, `2 mac-2 "ثانٍ"`, `4 mac-4 "ثالث"`, `5 mac-5 "رابع"`}; err != nil || !slices.Equal(got, want) {
		t.Errorf("CR line ends: %v\n%s\nwant\n%s", err, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, _, err := ParseFile(strings.NewReader("سطر\rسطر\r\nسطر \xff\n"), "t.txt", "text-lines"); err == nil || !strings.Contains(err.Error(), "t.txt:3: the file is not valid UTF-8 (byte 0xFF at byte 22)") {
		t.Errorf("bad byte after CR line ends: %v", err)
	}
	_, _, err = ParseFile(strings.NewReader("سطر\nسطر \xff\n"), "t.txt", "text-lines")
	if err == nil || !strings.Contains(err.Error(), "t.txt:2: the file is not valid UTF-8 (byte 0xFF at byte 14)") {
		t.Errorf("bad byte: %v", err)
	}
	if _, _, err := ParseFile(strings.NewReader("\n \n"), "t.txt", "text-lines"); err == nil || !strings.Contains(err.Error(), "holds no text") {
		t.Errorf("blank file: %v", err)
	}
}

// TestMisnamedKeyWarned: a line whose spans sit under "Label" or
// "labels" imports (as doccano's extra keys do) but with a warning naming
// the key, not silently without its spans.
func TestMisnamedKeyWarned(t *testing.T) {
	input := `{"text":"قال أحمد","Label":[[4,8,"PER"]]}` + "\n" + `{"text":"قال علي","labels":[[4,7,"PER"]],"Comments":[]}` + "\n" + `{"text":"نص","label":[]}` + "\n"
	docs, rep, err := ParseFile(strings.NewReader(input), "d.jsonl", "doccano")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("%d documents", len(docs))
	}
	var got []string
	for _, w := range rep.Warnings {
		got = append(got, fmt.Sprintf("%d: %s", w.Line, w.Reason))
	}
	want := []string{
		`1: key "Label" is not read (did you mean "label"?); the line is imported without it`,
		`2: key "labels" is not read (did you mean "label"?); the line is imported without it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestImportedSpanWarnings: offsets that came with an import are kept as
// imported, but a span the editor would refuse as new offsets is named
// in a warning on its line: one of white space or invisible marks alone.
func TestImportedSpanWarnings(t *testing.T) {
	tests := []struct {
		name, input, file, format string
		want                      []string // LINE: reason
	}{
		{"a span on two spaces", `{"id":"ws","text":"نص  نص","label":[[2,4,"PER"],[0,2,"PER"]]}`, "a.jsonl", "jsonl",
			[]string{`1: span 0 (PER) at 2..4 holds only white space or invisible marks ("  "); kept as imported`}},
		{"a span on an RLM", `{"id":"m","text":"a\u200fb","spans":[{"id":"x","start":1,"end":2,"label":"PER"}]}`, "a.jsonl", "jsonl",
			[]string{`1: span 0 (PER) at 1..2 holds only white space or invisible marks ("\u200f"); kept as imported`}},
		// The API refuses new offsets that split a grapheme cluster;
		// imported ones are kept, and named.
		{"a letter cut from its haraka", `{"id":"g1","text":"عَلَم 🇪🇬 هنا 👍🏽","label":[[0,1,"PER"]]}`, "a.jsonl", "doccano",
			[]string{`1: span 0 (PER) at 0..1 ("ع"): 0..1 splits a grapheme cluster (a letter from its marks, or an emoji sequence); whole clusters would be 0..2; kept as imported`}},
		{"half a flag, an emoji without its skin tone", `{"id":"g2","text":"علم 🇪🇬 هنا 👍🏽","spans":[{"start":4,"end":5,"label":"LOC"},{"start":11,"end":12,"label":"MISC"}]}`, "a.jsonl", "jsonl",
			[]string{`1: span 0 (LOC) at 4..5 ("🇪"): 4..5 splits a grapheme cluster (a letter from its marks, or an emoji sequence); whole clusters would be 4..6; kept as imported` + "\n" +
				`1: span 1 (MISC) at 11..12 ("👍"): 11..12 splits a grapheme cluster (a letter from its marks, or an emoji sequence); whole clusters would be 11..13; kept as imported`}},
		{"a CoNLL token starting with a haraka", "a O\n\u064eb B-X\n", "a.conll", "conll",
			[]string{`2: span X at 2..4 ("َb"): 2..4 splits a grapheme cluster (a letter from its marks, or an emoji sequence); whole clusters would be 1..4; kept as imported`}},
		{"a Label Studio region on a space", `[{"id":1,"data":{"text":"نص نص"},"annotations":[{"result":[{"id":"r","type":"labels","from_name":"label","to_name":"text","value":{"start":2,"end":3,"text":" ","labels":["PER"]}}]}]}]`, "a.json", "label-studio",
			[]string{`1: task 0: span 0 (PER) at 2..3 holds only white space or invisible marks (" "); kept as imported`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := ParseFile(strings.NewReader(tt.input), tt.file, tt.format)
			if err != nil || len(docs) != 1 {
				t.Fatalf("ParseFile: %d documents, %v", len(docs), err)
			}
			var got []string
			for _, w := range rep.Warnings {
				got = append(got, fmt.Sprintf("%d: %s", w.Line, w.Reason))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
