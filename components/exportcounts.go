package components

import (
	"context"
	"encoding/json"
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
	return LayerHoldsIn(context.Background(), c, layer)
}

// LayerHoldsIn is LayerHolds in ctx's language.
func LayerHoldsIn(ctx context.Context, c db.ExportCounts, layer string) string {
	switch {
	case c.Documents == 0:
		return T(ctx, "no documents")
	case layer == db.AllLayers && c.Lines() == 0:
		return T(ctx, "no lines")
	case layer == db.AllLayers:
		return Tf(ctx, "%s, %s", Tn(ctx, c.Lines(), "1 line", "%d lines"), Tn(ctx, c.Spans(), "1 span", "%d spans"))
	}
	l, written := c.Layer(layer), c.Written(layer)
	switch {
	case written == 0:
		return T(ctx, "no documents")
	case l.Documents == 0:
		return Tf(ctx, "%s, none with this layer", Tn(ctx, written, "1 document", "%d documents"))
	}
	return Tf(ctx, "%s, %d with this layer, %s", Tn(ctx, written, "1 document", "%d documents"), l.Documents, Tn(ctx, l.Spans, "1 span", "%d spans"))
}

// layerOption is an export layer's option: what it is called, then what
// it holds at any status and in every part.
func layerOption(ctx context.Context, t db.ExportTally, layer, name string) string {
	return name + " — " + LayerHoldsIn(ctx, t[db.ExportFilter{}], layer)
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
func layerHoldsByFilter(ctx context.Context, t db.ExportTally, layer string) string {
	holds := map[string]string{}
	for _, f := range db.ExportFilters() {
		holds[exportFilterKey(f)] = LayerHoldsIn(ctx, t[f], layer)
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
func notOffered(ctx context.Context, names []string) string {
	isolated := make([]string, len(names))
	for i, n := range names {
		isolated[i] = isolate(n)
	}
	return Tf(ctx, "Not offered, having no layer yet: %s.", strings.Join(isolated, T(ctx, ", ")))
}
