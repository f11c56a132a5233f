package codec

import (
	"errors"
	"strings"
	"testing"
)

// lsTaskWith is a task of lsText, its id id, with these annotations.
func lsTaskWith(id, annotations string) string {
	return `{"id": "` + id + `", "data": {"text": "` + lsText + `"}, "annotations": [` + annotations + `]}`
}

// lsPER is a submitted annotation with one span, and its flags.
func lsPER(flags string) string {
	return `{"id": 1, ` + flags + `"result": [{"id": "a", "type": "labels", "value": {"start": 13, "end": 17, "text": "أحمد", "labels": ["PER"]}}]}`
}

// TestLabelStudioStatus: a task's state in Label Studio becomes the
// status of the layer it fills. A submitted annotation is finished work:
// an annotator's layer is done; in gold, the ground truth is a finished
// review and any other annotation gold in progress. A skipped
// (cancelled) annotation is never imported, and a task with none
// submitted is left new, with a warning saying why.
func TestLabelStudioStatus(t *testing.T) {
	tests := []struct {
		name, into, task string
		status           string // "" is none: a layer in progress with spans, no layer without
		spans            int
		warning          string
	}{
		{"ground truth into gold", "gold", lsTaskWith("t", lsPER(`"ground_truth": true, `)), "reviewed", 1, ""},
		{"an annotation into gold", "gold", lsTaskWith("t", lsPER(`"ground_truth": false, `)), "", 1, ""},
		{"an annotation into a user's layer", "layla", lsTaskWith("t", lsPER("")), "done", 1, ""},
		{"ground truth into a user's layer", "layla", lsTaskWith("t", lsPER(`"ground_truth": true, `)), "done", 1, ""},
		{"submitted with nothing labelled", "layla", lsTaskWith("t", `{"id": 1, "result": []}`), "done", 0, ""},
		{"skipped", "layla", lsTaskWith("t", lsPER(`"was_cancelled": true, `)), "", 0,
			"t.json:1: task 0: was skipped in Label Studio (cancelled annotations: 1, submitted: none): the document comes without annotations"},
		{"skipped, marked ground truth", "gold", lsTaskWith("t", lsPER(`"was_cancelled": true, "ground_truth": true, `)), "", 0, "was skipped in Label Studio"},
		{"skipped by one, submitted by another", "gold",
			lsTaskWith("t", lsPER(`"was_cancelled": true, "ground_truth": true, `)+`, {"id": 2, "result": []}`), "", 0, ""},
		{"drafts only", "layla", `{"id": "t", "data": {"text": "نص"}, "annotations": [], "drafts": [{"result": []}]}`, "", 0,
			"task 0: has 1 drafts and no submitted annotation: drafts are not imported"},
		{"not annotated", "layla", `{"id": "t", "data": {"text": "نص"}}`, "", 0, ""},
		// Hashiya's own export says its layer's status beside the layer:
		// gold in progress stays so though it is marked ground truth.
		{"a Hashiya export of gold in progress", "gold",
			`{"data": {"text": "` + lsText + `", "external_id": "t", "layer": "gold", "status": "in_progress"}, "annotations": [` + lsPER(`"ground_truth": true, `) + `]}`,
			"in_progress", 1, ""},
		{"a Hashiya export of a done layer", "layla",
			`{"data": {"text": "` + lsText + `", "external_id": "t", "layer": "layla", "status": "done"}, "annotations": [` + lsPER("") + `]}`,
			"done", 1, ""},
		{"a task's own status field is its data", "layla",
			`{"id": "t", "data": {"text": "` + lsText + `", "status": "published"}, "annotations": [` + lsPER("") + `]}`, "done", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := ParseFileInto(strings.NewReader("["+tt.task+"]"), "t.json", "label-studio", UnitCodePoint, tt.into, ViaAny)
			if err != nil || len(docs) != 1 {
				t.Fatalf("%d documents, %v", len(docs), err)
			}
			if d := docs[0]; d.Status != tt.status || len(d.Spans) != tt.spans {
				t.Errorf("status %q with %d spans, want %q with %d", d.Status, len(d.Spans), tt.status, tt.spans)
			}
			warnings := Errors(rep.Warnings).Error()
			if tt.warning != "" && !strings.Contains(warnings, tt.warning) {
				t.Errorf("warnings %q lack %q", warnings, tt.warning)
			}
			if tt.warning == "" && strings.Contains(warnings, "skipped") {
				t.Errorf("a task not skipped is said to be: %q", warnings)
			}
		})
	}
	docs, _, err := ParseFileInto(strings.NewReader(`[{"id": "t", "data": {"text": "نص", "status": "published"}}]`), "t.json", "label-studio", UnitCodePoint, "gold", ViaAny)
	if err != nil || len(docs) != 1 || string(docs[0].Meta) != `{"data":{"status":"published"}}` {
		t.Errorf("a task's own status: %v, %v; want it kept in meta", docs, err)
	}
}

// TestLabelStudioStatusRefusals: a status a Hashiya export gives is
// checked as a native line's: one the layer cannot have is a bad task
// naming it, and nothing is read from the file.
func TestLabelStudioStatusRefusals(t *testing.T) {
	task := func(layer, status string) string {
		return `{"data": {"text": "نص", "external_id": "t", "layer": "` + layer + `", "status": ` + status + `}, "annotations": []}`
	}
	tests := []struct{ into, task, want string }{
		{"gold", task("gold", `"done"`), `t.json:1: task 0: "status" "done" is an annotator's: the gold layer is new, in_progress or reviewed`},
		{"layla", task("layla", `"reviewed"`), `t.json:1: task 0: "status" "reviewed" is the gold layer's: layla's layer is new, in_progress or done`},
		{"gold", task("gold", `"finished"`), `t.json:1: task 0: "status" "finished" is not one of new, in_progress, done, reviewed`},
		{"gold", task("gold", `3`), `t.json:1: task 0: "status" 3 is not one of new, in_progress, done, reviewed`},
	}
	for _, tt := range tests {
		docs, _, err := ParseFileInto(strings.NewReader("["+tt.task+"]"), "t.json", "label-studio", UnitCodePoint, tt.into, ViaAny)
		var bad Errors
		if !errors.As(err, &bad) || len(docs) != 0 || !strings.HasPrefix(bad.Error(), tt.want) {
			t.Errorf("%s into %s: %d documents, %v\nwant %s", tt.task, tt.into, len(docs), err, tt.want)
		}
	}
}
