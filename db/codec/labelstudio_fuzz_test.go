package codec

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzLabelStudio reads a Label Studio JSON export, into gold or a user's
// layer, and sends what was accepted round through the Label Studio
// writer (everything comes back; meta compared as JSON values, since the
// import gathers it from several places and writes its keys in order)
// and through the native writer.
func FuzzLabelStudio(f *testing.F) {
	task := func(text, results string) string {
		return `{"id": 1, "data": {"text": ` + text + `}, "annotations": [{"id": 1, "result": [` + results + `]}]}`
	}
	seeds := []string{
		lsExport,
		"[\n" + lsTaskWith("t", lsPER(`"ground_truth": true, `)) + ",\n" + lsTaskWith("u", lsPER(`"was_cancelled": true, `)) + "\n]",
		"[" + lsTaskWith("t", `{"id": 1, "result": []}, `+lsPER(`"ground_truth": false, `)) + "]",
		"[" + task(`"`+lsText+`"`, `{"id": "a", "type": "labels", "value": {"start": 14, "end": 18, "text": "أحمد", "labels": ["PER", "X"]}},
			{"id": "b", "type": "labels", "value": {"start": 23, "end": 36, "text": "الاقتصاد ينمو", "labels": ["QUOTE"], "attributes": {"type": "direct"}}},
			{"from_id": "b", "to_id": "a", "type": "relation", "direction": "left", "labels": ["speaker", "cue"]}`) + "]",
		"[" + task(`"x"`, `{"id": "a", "type": "labels", "value": {"start": "/p[1]", "end": "/p[1]", "labels": ["PER"]}}`) + "]",
		"[" + `{"data": {"a": "x", "b": "y"}}, {"data": {"body": "نص"}, "predictions": [{"result": []}], "drafts": [{}]}` + "]",
		"[]", "[] x", "[\n{\"data\": {\"text\": \"a\"}}\n]\n[\n{\"data\": {\"text\": \"b\"}}\n]\n", "{}", "",
		`[{"id": 1, "data": {"text": "a"}}, {"id": 1, "data": {"text": "b"}}]`,
		`[{"data": {"text": "a", "external_id": "e", "layer": "layla", "status": "done", "meta": {"k": [1]}, "extra": "<&>"}}]`,
		`[{"data": {"text": "a", "layer": "gold", "status": ""}, "meta": {"m": 1}}, {"data": {"text": "b", "status": "x"}}]`,
	}
	for _, s := range seeds {
		f.Add([]byte(s), false, false)
	}
	// What the writer makes of the writer tests' documents, in both layers.
	for _, layer := range []string{GoldLayer, "layla"} {
		d := sampleDoc()
		d.Layer, d.Status = layer, "in_progress"
		var buf bytes.Buffer
		w, _ := NewWriter(&buf, "label-studio")
		if err := w.Write(d); err != nil {
			f.Fatal(err)
		}
		w.Close()
		f.Add(buf.Bytes(), false, layer != GoldLayer)
	}
	f.Add([]byte(lsExport), true, true)
	f.Fuzz(func(t *testing.T, data []byte, utf16, user bool) {
		if len(data) > fuzzMaxInput {
			t.Skip("input over the fuzzer's bound")
		}
		layer := fuzzLayer(user)
		docs, rep, err := ParseFileInto(bytes.NewReader(data), "in.json", "label-studio", unitOf(utf16), layer, ViaAny)
		parsed{name: "in.json", layer: layer, input: data, docs: docs, rep: rep, err: err}.check(t)
		if err != nil {
			return
		}
		back, _ := exportAndRead(t, docs, "label-studio", "label-studio", UnitCodePoint, layer)
		valueOfMeta := func(v *fuzzDoc) {
			var m any
			if err := json.Unmarshal([]byte(v.Meta), &m); err != nil {
				t.Fatalf("meta %s: %v", v.Meta, err)
			}
			b, _ := json.Marshal(m)
			v.Meta = string(b)
		}
		sameDocs(t, "label-studio", viewsOf(back, valueOfMeta), viewsOf(docs, valueOfMeta))
		back, _ = exportAndRead(t, docs, "jsonl", "jsonl", UnitCodePoint, layer)
		sameDocs(t, "jsonl", viewsOf(back, nil), viewsOf(docs, nil))
	})
}
