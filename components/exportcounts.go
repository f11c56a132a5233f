package components

import (
	"fmt"

	"hashiya/db"
)

// LayerHolds says what an export of layer ("gold", db.AllLayers or a
// user's name) would hold at any status and in every part, as the export
// form shows it beside the layer and an empty export's page repeats it:
// "40 documents, 12 with this layer, 340 spans". Every export writes each
// document, one without the layer with no spans; the export of every
// layer writes a line per layer and one per document without any.
func LayerHolds(c db.ExportCounts, layer string) string {
	switch {
	case c.Documents == 0:
		return "no documents"
	case layer == db.AllLayers:
		return fmt.Sprintf("%s, %s", Plural(c.Lines(), "line"), Plural(c.Spans(), "span"))
	}
	l := c.Layer(layer)
	if l.Documents == 0 {
		return fmt.Sprintf("%s, none with this layer", Plural(c.Documents, "document"))
	}
	return fmt.Sprintf("%s, %d with this layer, %s", Plural(c.Documents, "document"), l.Documents, Plural(l.Spans, "span"))
}

// layerOption is an export layer's option: what it is called, then what
// it holds.
func layerOption(c db.ExportCounts, layer, name string) string {
	return name + " — " + LayerHolds(c, layer)
}
