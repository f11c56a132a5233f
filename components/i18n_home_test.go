package components

import (
	"context"
	"testing"

	"hashiya/db"
)

// TestHomeWordsInArabic: the words the home, list, progress and export
// pages build in Go read in Arabic for an Arabic interface and as they
// always did in English; names are isolated only inside Arabic.
func TestHomeWordsInArabic(t *testing.T) {
	en, ar := context.Background(), WithLang(context.Background(), Arabic)
	holds := db.ExportCounts{Documents: 40, Bare: 3, Layers: []db.LayerCount{{Layer: "gold", Documents: 12, Spans: 340}}}
	list := DocList{DocumentList: db.DocumentList{Docs: make([]db.DocumentSummary, 50), Total: 5000, Before: 50}}
	for _, c := range []struct{ got, want string }{
		{statusIn(ar, "in_progress"), "قيد العمل"},
		{statusIn(en, "in_progress"), "in progress"},
		{statusIn(ar, "reviewed"), "روجع"},
		{roleText(ar, db.PersonProgress{Role: db.RoleReviewer, Admin: true}), "مراجع (مشرف)"},
		{roleText(en, db.PersonProgress{Role: db.RoleReviewer, Admin: true}), "reviewer (admin)"},
		{roleText(ar, db.PersonProgress{}), "لم يعد عضوًا"},
		{activeText(ar, db.PersonProgress{ActiveSeconds: 3900, LastAt: "2026-12-02T00:00:00Z"}), "1 س 05 د"},
		{activeText(en, db.PersonProgress{ActiveSeconds: 3900, LastAt: "2026-12-02T00:00:00Z"}), "1 h 05 min"},
		{list.Showing(ar), "عرض 51–100 من 5,000"},
		{list.Showing(en), "Showing 51–100 of 5,000"},
		{LayerHoldsIn(ar, holds, "gold"), "40 مستندًا، 12 منها في هذه الطبقة، 340 مقطعًا"},
		{LayerHoldsIn(ar, holds, db.AllLayers), "15 سطرًا، 340 مقطعًا"},
		{LayerHoldsIn(en, holds, "gold"), "40 documents, 12 with this layer, 340 spans"},
		{notOffered(ar, []string{"layla", "samir"}), "لا يُعرض من ليست له طبقة بعد: \u2068layla\u2069، \u2068samir\u2069."},
		{NameIn(ar, "layla"), "\u2068layla\u2069"},
		{NameIn(en, "layla"), "layla"},
		{viewerRole(ar, Page{Admin: true}, db.RoleAnnotator), "مشرف (يعمل بصفة مدير)"},
		{viewerRole(ar, Page{}, db.RoleAnnotator), "موسِّم"},
		{viewerRole(en, Page{}, db.RoleAnnotator), "annotator"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
