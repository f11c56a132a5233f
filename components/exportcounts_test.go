package components

import (
	"testing"

	"hashiya/db"
)

// TestLayerHolds: what an export of a layer holds under a filter, in the
// words the export form and an empty export's page share.
func TestLayerHolds(t *testing.T) {
	c := db.ExportCounts{Documents: 40, Bare: 3, Layers: []db.LayerCount{{Layer: "gold", Documents: 12, Spans: 340}, {Layer: "layla", Documents: 1, Spans: 1}}}
	done := db.ExportCounts{Filter: db.ExportFilter{Status: "done", Part: "test"}, Documents: 40, Bare: 3,
		Layers: []db.LayerCount{{Layer: "gold", Documents: 5, Spans: 90, OtherStatus: 7}, {Layer: "layla", OtherStatus: 1}}}
	fresh := db.ExportCounts{Filter: db.ExportFilter{Status: "new"}, Documents: 40, Bare: 3,
		Layers: []db.LayerCount{{Layer: "gold", Documents: 2, Spans: 4, OtherStatus: 10}, {Layer: "layla", OtherStatus: 1}}}
	for _, tc := range []struct {
		counts db.ExportCounts
		layer  string
		want   string
	}{
		{c, "gold", "40 documents, 12 with this layer, 340 spans"},
		{c, "layla", "40 documents, 1 with this layer, 1 span"},
		{c, "karim", "40 documents, none with this layer"},
		{c, db.AllLayers, "16 lines, 341 spans"},
		// Done in some part: gold's 5 done documents are all written; layla's
		// layer, in progress, none.
		{done, "gold", "5 documents, 5 with this layer, 90 spans"},
		{done, "layla", "no documents"},
		{done, db.AllLayers, "5 lines, 90 spans"},
		{db.ExportCounts{Filter: db.ExportFilter{Status: "reviewed"}, Documents: 40, Bare: 3, Layers: []db.LayerCount{{Layer: "gold", OtherStatus: 12}}}, db.AllLayers, "no lines"},
		// New: the documents without gold too, not the 10 at other statuses.
		{fresh, "gold", "30 documents, 2 with this layer, 4 spans"},
		{fresh, "karim", "40 documents, none with this layer"},
		{fresh, db.AllLayers, "5 lines, 4 spans"},
		{db.ExportCounts{}, "gold", "no documents"},
		{db.ExportCounts{}, db.AllLayers, "no documents"},
	} {
		if got := LayerHolds(tc.counts, tc.layer); got != tc.want {
			t.Errorf("%s of %+v: %q, want %q", tc.layer, tc.counts, got, tc.want)
		}
	}
}
