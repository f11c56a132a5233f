package codec

import (
	"bytes"
	"strconv"
	"testing"
	"unicode/utf16"
)

// jsonlSeeds are JSON lines of every shape: the repository's fixtures and
// torture texts with spans counted both ways, hand-made edge cases, and
// lines of the shared corpora when they are there.
func jsonlSeeds(f *testing.F) [][]byte {
	seeds := []string{
		`{"id": "doc-1", "text": "😀 قال زيد", "meta": {"src": "x"}, "layer": "gold", "status": "reviewed", "offset_unit": "codepoint", "spans": [{"id": 10, "start": 6, "end": 9, "label": "PER", "text": "زيد", "attributes": {"k": 1}}, {"id": "q", "start": 2, "end": 5, "label": "CUE"}], "relations": [{"id": 1, "type": "cue", "from": "q", "to": 10}]}`,
		"\n{\"text\": \"e\u0301\\r\\n\u202E\", \"label\": [[0, 2, \"X\"]]}\n\n{\"id\": 42, \"text\": \"b\"}\r\n",
		`{"text": "abc def", "entities": [{"id": 1, "start_offset": 0, "end_offset": 3, "label": "A"}, {"id": 2, "start_offset": 0, "end_offset": 3, "label": "A"}, {"id": 3, "start_offset": 0, "end_offset": 3, "label": "B"}], "relations": [{"from_id": 2, "to_id": 3, "type": "r"}, {"from_id": 1, "to_id": 3, "type": "r"}]}`,
		`{"text": "abc def", "spans": [{"start": 0, "end": 3, "label": "Q", "attributes": {"a": 1, "b": [2]}}, {"start": 0, "end": 3, "label": "Q", "attributes": {"b": [2], "a": 1}}, {"start": 0, "end": 3, "label": "Q"}, {"id": 7, "start": 4, "end": 7, "label": "Q"}, {"start": 4, "end": 7, "label": "Q", "attributes": {"c": true}}]}`,
		"\uFEFF{\"text\": \"<a> & \\u003c\"}",
		`{"text": "a\ud800b"}` + "\n" + `{"text": "pair \ud83d\ude00 and \\ud800 is fine"}`,
		`{"text": "one", "text": "two"}` + "\n" + `{"text": "abc", "meta": {"k": 1, "\u006b": 2}}`,
		`{"text": "abcdef", "label": [[1.5, 3, "PER"]]}` + "\n" + `{"text": "abcdef", "label": [["1", 3, "PER"]]}`,
		`{"text": "😀 abc", "label": [[2, 5, "X"]]}` + "\n" + `{"text": "😀 abc", "label": [[-1, 2, "X"]]}`,
		`{"text": "👍🏽 abc", "offset_unit": "utf16", "spans": [{"id": 1, "start": 5, "end": 8, "label": "X"}]}`,
		`{"text": "x", "layer": "layla", "status": "done"}` + "\n" + `{"text": "y", "layer": "gold", "status": "reviewed"}`,
		`{"text": "x", "Label": [[0, 1, "A"]], "labels": []}`,
		`{"id": " a", "text": "x"}` + "\n" + `{"id": "a\u2028b", "text": "x"}` + "\n" + `{"id": "", "text": "x"}`,
		`{"text": "a\u0000b"}` + "\n" + `[1]` + "\n" + `null` + "\n" + `"x"`,
		`{"text": "ab", "spans": [{"id": 1, "start": 0, "end": 1, "label": " "}], "relations": [{"type": "r", "from": 1, "to": 2}]}`,
		`{"text": "ab", "label": [[0, 1, "A"]], "entities": [], "spans": null}`,
		`{"text": "ab", "label": [[0, 99999999999999999999, "A"]]}`,
	}
	var out [][]byte
	for _, s := range seeds {
		out = append(out, []byte(s))
	}
	// Each torture text with a span on its middle, written in code points
	// and in UTF-16 units, as native, doccano and doccano-rel lines.
	for i, text := range tortureTexts(f) {
		rs := []rune(text)
		if len(rs) < 2 {
			continue
		}
		start, end := len(rs)/3, len(rs)-len(rs)/3
		u := func(cp int) int { return len(utf16.Encode(rs[:cp])) }
		id := strconv.Itoa(i)
		out = append(out,
			[]byte(`{"id": "t`+id+`", "text": `+jsonString(text)+`, "spans": [{"id": 1, "start": `+strconv.Itoa(start)+`, "end": `+strconv.Itoa(end)+`, "label": "X", "text": `+jsonString(string(rs[start:end]))+`}], "relations": [{"type": "self", "from": 1, "to": 1}]}`),
			[]byte(`{"id": "t`+id+`", "text": `+jsonString(text)+`, "label": [[`+strconv.Itoa(start)+`, `+strconv.Itoa(end)+`, "X"], [0, 1, "Y"]]}`),
			[]byte(`{"id": "t`+id+`", "text": `+jsonString(text)+`, "label": [[`+strconv.Itoa(u(start))+`, `+strconv.Itoa(u(end))+`, "X"]]}`),
			[]byte(`{"text": `+jsonString(text)+`, "entities": [{"id": 0, "start_offset": `+strconv.Itoa(u(start))+`, "end_offset": `+strconv.Itoa(u(end))+`, "label": "X"}, {"id": 1, "start_offset": 0, "end_offset": 1, "label": "Y"}], "relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": "r"}]}`),
		)
	}
	for _, file := range []string{"sequence_labeling.jsonl", "sequence_labeling_overlapping.jsonl", "relation_extraction.jsonl", "export_sequence_labeling.jsonl"} {
		if b := sharedCorpus("doccano", file); b != nil {
			out = append(out, b)
		}
	}
	// ANERCorp's lines are long; a few keep the fuzzer quick.
	out = append(out, firstLines(sharedCorpus("anercorp", "anercorp.jsonl"), 3)...)
	return out
}

// fuzzJSONLines parses data as format, checks the result, and sends what
// was accepted round through the native writer, which keeps everything,
// and through the format's own writer, which keeps what the format holds.
func fuzzJSONLines(t *testing.T, data []byte, format, unit, layer string) {
	if len(data) > fuzzMaxInput {
		t.Skip("input over the fuzzer's bound")
	}
	docs, rep, err := ParseFileInto(bytes.NewReader(data), "in.jsonl", format, unit, layer, ViaAny)
	parsed{name: "in.jsonl", layer: layer, input: data, docs: docs, rep: rep, err: err}.check(t)
	if err != nil {
		return
	}
	back, _ := exportAndRead(t, docs, "jsonl", "jsonl", UnitCodePoint, layer)
	sameDocs(t, "jsonl", viewsOf(back, nil), viewsOf(docs, nil))
	if format == "jsonl" {
		return
	}
	// The doccano shapes hold no meta, status or attributes; the
	// sequence-labelling one no relations either.
	keep := func(v *fuzzDoc) {
		v.Meta, v.Status = "", ""
		for i := range v.Spans {
			v.Spans[i].Attributes = ""
		}
		for i := range v.Relations {
			v.Relations[i].From.Attributes, v.Relations[i].To.Attributes = "", ""
		}
		if format == "doccano" {
			v.Relations = nil
		}
	}
	back, _ = exportAndRead(t, docs, format, format, unit, layer)
	sameDocs(t, format, viewsOf(back, keep), viewsOf(docs, keep))
}

func unitOf(utf16 bool) string {
	if utf16 {
		return UnitUTF16
	}
	return UnitCodePoint
}

// FuzzNativeJSONL reads JSON lines as format "jsonl" (every shape, each
// line's detected from its keys), into gold or a user's layer.
func FuzzNativeJSONL(f *testing.F) {
	for _, s := range jsonlSeeds(f) {
		f.Add(s, false)
	}
	f.Add([]byte(`{"text": "x", "layer": "layla", "status": "done"}`), true)
	f.Fuzz(func(t *testing.T, data []byte, user bool) {
		fuzzJSONLines(t, data, "jsonl", UnitCodePoint, fuzzLayer(user))
	})
}

// FuzzDoccano reads doccano's sequence-labelling lines, counting code
// points or UTF-16 units.
func FuzzDoccano(f *testing.F) {
	for _, s := range jsonlSeeds(f) {
		f.Add(s, false, false)
		f.Add(s, true, false)
	}
	f.Fuzz(func(t *testing.T, data []byte, utf16, user bool) {
		fuzzJSONLines(t, data, "doccano", unitOf(utf16), fuzzLayer(user))
	})
}

// FuzzDoccanoRel reads doccano's relation lines, counting code points or
// UTF-16 units.
func FuzzDoccanoRel(f *testing.F) {
	for _, s := range jsonlSeeds(f) {
		f.Add(s, false, false)
		f.Add(s, true, false)
	}
	f.Fuzz(func(t *testing.T, data []byte, utf16, user bool) {
		fuzzJSONLines(t, data, "doccano-rel", unitOf(utf16), fuzzLayer(user))
	})
}
