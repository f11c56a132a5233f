package components

import (
	"testing"

	"hashiya/db"
)

// TestLayerHolds: what an export of a layer holds, in the words the
// export form and an empty export's page share.
func TestLayerHolds(t *testing.T) {
	c := db.ExportCounts{Documents: 40, Bare: 3, Layers: []db.LayerCount{{Layer: "gold", Documents: 12, Spans: 340}, {Layer: "layla", Documents: 1, Spans: 1}}}
	for _, tc := range []struct {
		counts db.ExportCounts
		layer  string
		want   string
	}{
		{c, "gold", "40 documents, 12 with this layer, 340 spans"},
		{c, "layla", "40 documents, 1 with this layer, 1 span"},
		{c, "karim", "40 documents, none with this layer"},
		{c, db.AllLayers, "16 lines, 341 spans"},
		{db.ExportCounts{}, "gold", "no documents"},
		{db.ExportCounts{}, db.AllLayers, "no documents"},
	} {
		if got := LayerHolds(tc.counts, tc.layer); got != tc.want {
			t.Errorf("%s of %+v: %q, want %q", tc.layer, tc.counts, got, tc.want)
		}
	}
}
