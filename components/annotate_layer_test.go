package components

import (
	"context"
	"strings"
	"testing"

	"hashiya/db"
)

// TestAnnotatePageNamesItsLayer: the annotation page's head names the
// layer shown and its status. English says "Layer:" before every name,
// as it always did; Arabic names gold alone rather than "الطبقة: الطبقة
// الذهبية", the viewer's own layer "طبقتك" and another's "طبقة layla",
// the name in bold and isolated.
func TestAnnotatePageNamesItsLayer(t *testing.T) {
	ar := WithLang(context.Background(), Arabic)
	for _, c := range []struct {
		ctx             context.Context
		param, name     string
		line, bold, bdi string
	}{
		{context.Background(), "", "rana", "Layer: rana (in progress)", "rana", "rana"},
		{context.Background(), "gold", "gold", "Layer: gold (in progress)", "gold", "gold"},
		{context.Background(), "layla", "layla", "Layer: layla (in progress)", "layla", "layla"},
		{ar, "", "rana", "طبقتك (قيد العمل)", "طبقتك", "طبقتك"},
		{ar, "gold", "gold", "الطبقة الذهبية (قيد العمل)", "الطبقة الذهبية", "الطبقة الذهبية"},
		{ar, "layla", "layla", "طبقة layla (قيد العمل)", "layla", "layla"},
	} {
		a := Annotation{
			Project:   db.Project{ID: 1, Name: "Demo", Labels: []db.Label{{Name: "PER", Color: "#e5484d", Hotkey: "1"}}},
			Doc:       db.Document{ID: 7, ProjectID: 1, ExternalID: "seed", Text: "قال الوزير"},
			Layer:     db.Layer{Status: "in_progress"},
			LayerName: c.name, LayerParam: c.param, CanReview: true,
		}
		d := annotatePageIn(t, c.ctx, a)
		info := d.Find(".layer-info").Clone()
		info.Find("nav, #readonly-note").Remove()
		if got := strings.Join(strings.Fields(info.Text()), " "); got != c.line {
			t.Errorf("%s, layer %q: the head says %q, want %q", LangOf(c.ctx), c.param, got, c.line)
		}
		if got := d.Find(".layer-info > strong").Text(); got != c.bold {
			t.Errorf("%s, layer %q: the head sets %q in bold, want %q", LangOf(c.ctx), c.param, got, c.bold)
		}
		if got := d.Find(".layer-info > strong > bdi").Text(); got != c.bdi {
			t.Errorf("%s, layer %q: the head isolates %q, want %q", LangOf(c.ctx), c.param, got, c.bdi)
		}
	}
}
