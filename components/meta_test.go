package components

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"hashiya/db"
)

func TestMetaFields(t *testing.T) {
	long := strings.Repeat("ن", 400)
	raw := json.RawMessage(`{"source": "وكالة", "date": "2024-05-01", "n": 3, "tags": ["a", "b"], "ok": true, "none": null,
		"data": {"url": "javascript:alert(1)", "deep": {"er": {"est": {"x": 1}}}}, "long": "` + long + `", "empty": {}}`)
	got := metaFields(context.Background(), raw)
	want := []metaField{
		{"data.deep.er", `{"est":{"x":1}}`},
		{"data.url", "javascript:alert(1)"},
		{"date", "2024-05-01"},
		{"empty", "{}"},
		{"long", strings.Repeat("ن", 300) + "…"},
		{"n", "3"},
		{"none", "null"},
		{"ok", "true"},
		{"source", "وكالة"},
		{"tags", `["a","b"]`},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metaFields:\n%q\nwant\n%q", got, want)
	}
	if got := metaFields(context.Background(), json.RawMessage(`{}`)); len(got) != 0 {
		t.Errorf("empty meta shows %q", got)
	}
	var many strings.Builder
	many.WriteString("{")
	for i := range 60 {
		if i > 0 {
			many.WriteString(",")
		}
		fmt.Fprintf(&many, `"k%02d": %d`, i, i)
	}
	many.WriteString("}")
	if got := metaFields(context.Background(), json.RawMessage(many.String())); len(got) != 51 || got[50] != (metaField{"…", "10 more fields"}) {
		t.Errorf("60 fields show as %d, the last %q", len(got), got[len(got)-1])
	}
}

// TestAnnotatePageShowsMeta: the document's details are listed, escaped
// as any text, and left out when there are none.
func TestAnnotatePageShowsMeta(t *testing.T) {
	a := Annotation{Project: db.Project{Name: "p"}, Doc: db.Document{Text: "نص", Meta: json.RawMessage(`{"note": "<script>alert(1)</script>"}`)}}
	d := renderDoc(t, a)
	if got := d.Find("#doc-meta dd").Text(); got != "<script>alert(1)</script>" || d.Find("#doc-meta script").Length() != 0 {
		t.Errorf("details show %q", got)
	}
	if d := renderDoc(t, Annotation{Project: db.Project{Name: "p"}, Doc: db.Document{Text: "نص", Meta: json.RawMessage(`{}`)}}); d.Find("#doc-meta").Length() != 0 {
		t.Error("a document without meta has a details box")
	}
}

func TestActiveText(t *testing.T) {
	if got := activeText(context.Background(), db.PersonProgress{}); got != "—" {
		t.Errorf("no change ever: %q", got)
	}
	for s, want := range map[int]string{0: "< 1 min", 42: "< 1 min", 60: "1 min", 3599: "59 min", 3600: "1 h 00 min", 7500: "2 h 05 min"} {
		if got := activeText(context.Background(), db.PersonProgress{ActiveSeconds: s, LastAt: "2026-12-02T00:00:00Z"}); got != want {
			t.Errorf("activeText(%d s) = %q, want %q", s, got, want)
		}
	}
}
