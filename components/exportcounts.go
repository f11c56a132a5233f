package components

import (
	"encoding/json"
	"fmt"
	"strings"

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

// exportLayerOwners is whose layers the export form offers: every user
// with a layer in the project, as the counts list them (a member, or one
// who was), and the members left out for having no layer yet, whose
// export would be every document bare.
func exportLayerOwners(t db.ExportTally, members []db.Member) (owners, without []string) {
	has := map[string]bool{}
	for _, l := range t[db.ExportFilter{}].Layers {
		if l.Layer != "gold" {
			owners = append(owners, l.Layer)
			has[l.Layer] = true
		}
	}
	for _, m := range members {
		if !has[m.User.Name] {
			without = append(without, m.User.Name)
		}
	}
	return owners, without
}

// notOffered names the members the export form leaves out, each name
// isolated so an Arabic one keeps the commas where they belong.
func notOffered(names []string) string {
	isolated := make([]string, len(names))
	for i, n := range names {
		isolated[i] = isolate(n)
	}
	return "Not offered, having no layer yet: " + strings.Join(isolated, ", ") + "."
}
