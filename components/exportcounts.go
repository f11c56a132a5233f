package components

import (
	"encoding/json"
	"fmt"

	"hashiya/db"
)

// LayerHolds says what an export of layer ("gold", db.AllLayers or a
// user's name) would hold under the counts' filter (a status, a part), as
// the export form shows it beside the layer and an empty export's page
// repeats it: "40 documents, 12 with this layer, 340 spans". Every
// export writes each document whose layer passes the filter, one without
// the layer as new with no spans; the export of every layer writes a
// line per layer that passes and one per document without any.
func LayerHolds(c db.ExportCounts, layer string) string {
	switch {
	case c.Documents == 0:
		return "no documents"
	case layer == db.AllLayers && c.Lines() == 0:
		return "no lines"
	case layer == db.AllLayers:
		return fmt.Sprintf("%s, %s", Plural(c.Lines(), "line"), Plural(c.Spans(), "span"))
	}
	l, written := c.Layer(layer), c.Written(layer)
	switch {
	case written == 0:
		return "no documents"
	case l.Documents == 0:
		return fmt.Sprintf("%s, none with this layer", Plural(written, "document"))
	}
	return fmt.Sprintf("%s, %d with this layer, %s", Plural(written, "document"), l.Documents, Plural(l.Spans, "span"))
}

// layerOption is an export layer's option: what it is called, then what
// it holds at any status and in every part.
func layerOption(t db.ExportTally, layer, name string) string {
	return name + " — " + LayerHolds(t[db.ExportFilter{}], layer)
}

// exportFilterKey is a filter as the export form's script looks it up:
// the status and the part chosen, "/" between.
func exportFilterKey(f db.ExportFilter) string {
	return f.Status + "/" + f.Part
}

// layerHoldsByFilter is what an export of layer holds under each filter
// of the export form, keyed by exportFilterKey, as JSON for the layer's
// option: the form's script shows the one its status and part choose, so
// the figures are always those of what Download would write.
func layerHoldsByFilter(t db.ExportTally, layer string) string {
	holds := map[string]string{}
	for _, f := range db.ExportFilters() {
		holds[exportFilterKey(f)] = LayerHolds(t[f], layer)
	}
	b, err := json.Marshal(holds)
	if err != nil {
		panic(err) // a map of strings always marshals
	}
	return string(b)
}
