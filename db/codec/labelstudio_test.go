package codec

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// lsText has an emoji before its names, so code points and UTF-16 units
// differ: أحمد is 13..17 in code points, 14..18 in UTF-16 units.
const lsText = "قال 😀 الوزير أحمد إن «الاقتصاد ينمو»"

// lsExport is a Label Studio JSON export, pretty-printed as Label Studio
// writes it; each task's first line is noted for the messages.
const lsExport = `[
  {
    "id": 7,
    "data": {"text": "قال 😀 الوزير أحمد إن «الاقتصاد ينمو»", "source": "wire"},
    "meta": {"batch": 2},
    "annotations": [
      {"id": 1, "was_cancelled": true, "result": [
        {"id": "x", "type": "labels", "value": {"start": 0, "end": 3, "text": "قال", "labels": ["CUE"]}}
      ]},
      {"id": 2, "was_cancelled": false, "ground_truth": false, "result": [
        {"id": "per", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 13, "end": 17, "text": "أحمد", "labels": ["PER"]}},
        {"id": "q", "type": "labels", "value": {"start": 22, "end": 35, "text": "الاقتصاد ينمو", "labels": ["QUOTE"]}},
        {"id": "q", "type": "choices", "value": {"choices": ["direct"]}},
        {"from_id": "q", "to_id": "per", "type": "relation", "direction": "right", "labels": ["speaker"]}
      ]}
    ],
    "predictions": []
  },
  {
    "id": 8,
    "data": {"text": "قال 😀 الوزير أحمد إن «الاقتصاد ينمو»"},
    "annotations": [{"id": 3, "result": [
      {"id": "a", "type": "labels", "value": {"start": 14, "end": 18, "text": "أحمد", "labels": ["PER"]}}
    ]}]
  },
  {"id": 9, "data": {"body": "نص بلا تعليق"}, "predictions": [{"result": []}]},
  {
    "id": 10,
    "data": {"text": "قال 😀 الوزير أحمد إن «الاقتصاد ينمو»"},
    "annotations": [
      {"id": 4, "result": [{"id": "a", "type": "labels", "value": {"start": 6, "end": 12, "text": "الوزير", "labels": ["PER"]}}]},
      {"id": 5, "ground_truth": true, "result": [
        {"id": "b", "type": "labels", "value": {"start": 13, "end": 17, "text": "أحمد", "labels": ["PER"]}},
        {"id": "c", "type": "labels", "value": {"start": 22, "end": 35, "text": "الاقتصاد ينمو", "labels": ["QUOTE"]}},
        {"from_id": "b", "to_id": "c", "type": "relation", "direction": "left", "labels": ["speaker"]}
      ]}
    ]
  }
]
`

func TestLabelStudioImport(t *testing.T) {
	docs, rep, err := ParseFile(strings.NewReader(lsExport), "project-3.json", "auto")
	if err != nil {
		t.Fatal(err)
	}
	per := Span{Ref: "per", Start: 13, End: 17, Label: "PER", Attributes: json.RawMessage("{}")}
	quote := Span{Ref: "q", Start: 22, End: 35, Label: "QUOTE", Attributes: json.RawMessage("{}")}
	want := []Doc{
		{Line: 2, ExternalID: "7", Text: lsText, Meta: json.RawMessage(`{"batch":2,"data":{"source":"wire"}}`),
			Spans: []Span{per, quote}, Relations: []Relation{{Type: "speaker", From: "q", To: "per"}}},
		{Line: 20, ExternalID: "8", Text: lsText, Meta: json.RawMessage(`{}`),
			Spans: []Span{{Ref: "a", Start: 13, End: 17, Label: "PER", Attributes: json.RawMessage("{}")}}},
		{Line: 27, ExternalID: "9", Text: "نص بلا تعليق", Meta: json.RawMessage(`{}`)},
		// The ground truth imported into gold: a finished review.
		{Line: 28, ExternalID: "10", Status: "reviewed", Text: lsText, Meta: json.RawMessage(`{}`),
			Spans: []Span{{Ref: "b", Start: 13, End: 17, Label: "PER", Attributes: json.RawMessage("{}")},
				{Ref: "c", Start: 22, End: 35, Label: "QUOTE", Attributes: json.RawMessage("{}")}},
			Relations: []Relation{{Type: "speaker", From: "c", To: "b"}}},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d: %+v", len(docs), len(want), docs)
	}
	for i := range want {
		got := docs[i]
		if string(got.Meta) != string(want[i].Meta) {
			t.Errorf("task %d meta %s, want %s", i, got.Meta, want[i].Meta)
		}
		got.Meta, want[i].Meta = nil, nil
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("task %d:\n%+v\nwant\n%+v", i, got, want[i])
		}
	}
	var warnings []string
	for _, w := range rep.Warnings {
		warnings = append(warnings, w.Error())
	}
	for _, w := range []string{
		`project-3.json:2: task 0: left out 1 results of types "choices"`,
		"project-3.json:20: task 1: its 1 spans' offsets count UTF-16 units",
		"project-3.json:27: task 2: has 1 predictions and no annotation: predictions are not imported",
		"project-3.json:28: task 3: has 2 annotations; imported annotation 5 (the ground truth, else the first)",
	} {
		if !strings.Contains(strings.Join(warnings, "\n"), w) {
			t.Errorf("no warning %q among\n%s", w, strings.Join(warnings, "\n"))
		}
	}
}

// TestLabelStudioRefusals: every bad task is named with its line and
// index, and nothing is read from a file holding one.
func TestLabelStudioRefusals(t *testing.T) {
	task := func(text, results string) string {
		return `{"id": 1, "data": {"text": ` + text + `}, "annotations": [{"result": [` + results + `]}]}`
	}
	for _, c := range []struct {
		name, file, want string
	}{
		{"not an array", `{"data": {}}`, "x.json:1: a Label Studio export is one JSON array of tasks"},
		{"a span whose text is elsewhere either way", "[\n" + task(`"`+lsText+`"`,
			`{"id": "a", "type": "labels", "value": {"start": 6, "end": 10, "text": "أحمد", "labels": ["PER"]}}`) + "\n]",
			`x.json:2: task 0: span 0 (PER) says text "أحمد" but text[6:10] is "الوز"`},
		{"a relation without a label", "[\n" + task(`"`+lsText+`"`,
			`{"id": "a", "type": "labels", "value": {"start": 13, "end": 17, "text": "أحمد", "labels": ["PER"]}},
			 {"id": "b", "type": "labels", "value": {"start": 22, "end": 35, "text": "الاقتصاد ينمو", "labels": ["QUOTE"]}},
			 {"from_id": "b", "to_id": "a", "type": "relation", "labels": []}`) + "\n]",
			`x.json:2: task 0: relation result 2 ("b" -> "a") has no label`},
		{"a relation to an unknown region", "[\n" + task(`"`+lsText+`"`,
			`{"id": "a", "type": "labels", "value": {"start": 13, "end": 17, "text": "أحمد", "labels": ["PER"]}},
			 {"from_id": "zz", "to_id": "a", "type": "relation", "labels": ["speaker"]}`) + "\n]",
			`x.json:2: task 0: relation 1 (speaker) refers to unknown span "zz"`},
		{"no text", "[\n" + `{"data": {"a": "x", "b": "y"}}` + "\n]",
			`x.json:2: task 0: "data" has no string "text" and 2 other string fields (a, b)`},
		{"HTML regions", "[\n" + task(`"`+lsText+`"`,
			`{"id": "a", "type": "labels", "value": {"start": "/p[1]/text()[1]", "end": "/p[1]/text()[1]", "startOffset": 0, "endOffset": 3, "labels": ["PER"]}}`) + "\n]",
			"x.json:2: task 0: result 0 is a region of HTML"},
		{"invalid UTF-8 on line 3", "[\n" + task(`"ok"`, "") + ",\n" + task("\"bad \xff\"", "") + "\n]",
			"x.json:3: the file is not valid UTF-8 (byte 0xFF at byte 102); save it as UTF-8"},
		{"an empty array", "[]", "x.json:1: file holds no tasks"},
		{"a second array after the first", "[\n" + task(`"a"`, "") + "\n]\n[\n" + task(`"b"`, "") + "\n]\n",
			`x.json:4: the file goes on after its array of tasks has ended, with [; a Label Studio export is one array`},
		{"anything after the array", "[" + task(`"a"`, "") + "]  x\n", `x.json:1: the file goes on after its array of tasks has ended, with x;`},
		{"a long tail, cut", "[" + task(`"a"`, "") + "]\n\n\n" + task(`"b"`, ""), `x.json:4: the file goes on after its array of tasks has ended, with {"id": 1, "data": {"text": "b"}, "annota...;`},
		{"two tasks with one id", "[\n" + task(`"a"`, "") + ",\n" + task(`"b"`, "") + "\n]",
			`x.json:3: task 1: duplicate document id "1" (first on line 2)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs, _, err := ParseFile(strings.NewReader(c.file), "x.json", "label-studio")
			var bad Errors
			if !errors.As(err, &bad) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one with %q", err, c.want)
			}
			if c.name == "two tasks with one id" && len(docs) != 1 {
				t.Errorf("kept %d documents to check further, want the good one", len(docs))
			}
		})
	}
}

// TestLabelStudioRoundTrip: a layer exported for Label Studio imports
// back as it was: id, text, meta, status, spans in code points (after an
// emoji) and relations.
func TestLabelStudioRoundTrip(t *testing.T) {
	doc := ExportDoc{ExternalID: "n-1", Text: lsText, Meta: json.RawMessage(`{"source":"wire"}`), Layer: "gold", Status: "reviewed",
		Spans:     []ExportSpan{{ID: 5, Start: 13, End: 17, Label: "PER"}, {ID: 9, Start: 22, End: 35, Label: "QUOTE"}},
		Relations: []ExportRelation{{ID: 2, Type: "speaker", From: 9, To: 5}}}
	var out strings.Builder
	w, err := NewWriter(&out, "label-studio")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []ExportDoc{doc, {ExternalID: "n-2", Text: "نص", Layer: "gold", Status: "new"}} {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var tasks []map[string]any
	if err := json.Unmarshal([]byte(out.String()), &tasks); err != nil || len(tasks) != 2 {
		t.Fatalf("the export is not a JSON array of 2 tasks (%v):\n%s", err, out.String())
	}
	docs, rep, err := ParseFile(strings.NewReader(out.String()), "back.json", "auto")
	if err != nil || len(rep.Warnings) != 0 {
		t.Fatalf("import of the export: %v, warnings %v", err, rep.Warnings)
	}
	got := docs[0]
	if got.ExternalID != "n-1" || got.Text != lsText || string(got.Meta) != `{"source":"wire"}` || len(got.Spans) != 2 ||
		got.Spans[0].Start != 13 || got.Spans[0].End != 17 || got.Spans[1].Label != "QUOTE" ||
		!reflect.DeepEqual(got.Relations, []Relation{{Type: "speaker", From: "s9", To: "s5"}}) || docs[1].ExternalID != "n-2" ||
		got.Status != "reviewed" || docs[1].Status != "new" {
		t.Errorf("imported back: %+v", docs)
	}
	var empty strings.Builder
	w, _ = NewWriter(&empty, "label-studio")
	if err := w.Close(); err != nil || empty.String() != "[]\n" {
		t.Errorf("an empty export is %q (%v), want []", empty.String(), err)
	}
	if err := w.AllLayers(); err == nil {
		t.Error("a Label Studio export took every layer")
	}
}

// TestLabelStudioAttributesRoundTrip: span attributes go out in each
// region's value.attributes and come back, so a native export after the
// round trip is the native export before it.
func TestLabelStudioAttributesRoundTrip(t *testing.T) {
	doc := ExportDoc{ExternalID: "n-1", Text: lsText, Meta: json.RawMessage(`{}`), Layer: "gold", Status: "in_progress",
		Spans: []ExportSpan{{ID: 1, Start: 13, End: 17, Label: "PER", Attributes: json.RawMessage(`{}`)},
			{ID: 2, Start: 22, End: 35, Label: "QUOTE", Attributes: json.RawMessage(`{"type":"direct","speaker_in_text":false}`)}}}
	ls := writeOne(t, "label-studio", doc) + "]"
	if !strings.Contains(ls, `"attributes":{"type":"direct","speaker_in_text":false}`) || strings.Count(ls, `"attributes"`) != 1 {
		t.Errorf("the export carries the attributes of the QUOTE alone, in its value:\n%s", ls)
	}
	docs, rep, err := ParseFile(strings.NewReader(ls), "back.json", "auto")
	if err != nil || len(rep.Warnings) != 0 || len(docs) != 1 {
		t.Fatalf("import of the export: %d docs, %v, warnings %v", len(docs), err, rep.Warnings)
	}
	back := ExportDoc{ExternalID: docs[0].ExternalID, Text: docs[0].Text, Meta: docs[0].Meta, Layer: "gold", Status: "in_progress"}
	for i, sp := range docs[0].Spans {
		back.Spans = append(back.Spans, ExportSpan{ID: int64(i + 1), Start: sp.Start, End: sp.End, Label: sp.Label, Attributes: sp.Attributes})
	}
	if before, after := writeOne(t, "jsonl", doc), writeOne(t, "jsonl", back); before != after {
		t.Errorf("native export after the round trip:\n%s\nwant\n%s", after, before)
	}
}
