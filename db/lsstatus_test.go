package db

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// TestLabelStudioImportStatus: a Label Studio task's state reaches the
// layer it fills: an annotator's submitted work is done (read only until
// a manager reopens it), the ground truth imported into gold is reviewed,
// and a skipped task makes no layer.
func TestLabelStudioImportStatus(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ps, pe := span(t, fixtureText, "أحمد")
	region := `"result": [{"id": "a", "type": "labels", "value": {"start": ` + strconv.Itoa(ps) + `, "end": ` + strconv.Itoa(pe) + `, "text": "أحمد", "labels": ["PER"]}}]`
	file := `[
{"id": "done", "data": {"text": "` + fixtureText + `"}, "annotations": [{"id": 1, "ground_truth": true, ` + region + `}]},
{"id": "skipped", "data": {"text": "` + fixtureText + `"}, "annotations": [{"id": 2, "was_cancelled": true, ` + region + `}]}
]`
	for _, tt := range []struct {
		owner int64
		into  string
		want  string
	}{{f.other.ID, f.other.Name, "done"}, {0, codec.GoldLayer, "reviewed"}} {
		docs, _, err := codec.ParseFileInto(strings.NewReader(strings.ReplaceAll(file, `"id": "`, `"id": "`+tt.into+"-")), "ls.json", "label-studio", codec.UnitCodePoint, tt.into, codec.ViaAny)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "ls.json", Owner: tt.owner, By: f.user.ID}, docs); err != nil {
			t.Fatal(err)
		}
		done := f.loadDoc(t, tt.into+"-done")
		l, err := f.s.LayerOf(ctx, done, tt.owner)
		if err != nil || l.Status != tt.want || len(l.Spans) != 1 {
			t.Errorf("%s's layer of the submitted task: %q with %d spans (%v), want %s with 1", tt.into, l.Status, len(l.Spans), err, tt.want)
		}
		if _, err := f.s.CreateSpan(ctx, done, tt.owner, f.user.ID, SpanInput{Start: 0, End: 3, Label: "CUE"}); err == nil {
			t.Errorf("%s's %s layer took a new span", tt.into, tt.want)
		}
		skipped := f.loadDoc(t, tt.into+"-skipped")
		if n := count(t, f.s, "SELECT count(*) FROM layers WHERE document_id = ?", skipped.ID); n != 0 {
			t.Errorf("the skipped task has %d layers, want none", n)
		}
	}
}
