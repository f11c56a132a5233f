package components

import "context"

// layerStatus is a layer's status as the annotation page says it.
func layerStatus(ctx context.Context, status string) string {
	switch status {
	case "new":
		return T(ctx, "new")
	case "in_progress":
		return T(ctx, "in progress")
	case "done":
		return T(ctx, "done")
	case "reviewed":
		return T(ctx, "reviewed")
	}
	return status
}

// doneNote says, in place of Mark done, that the viewer's own layer is
// finished and who may open it again.
func doneNote(ctx context.Context, status string) string {
	if status == "reviewed" {
		return T(ctx, "Marked reviewed. A manager can reopen it.")
	}
	return T(ctx, "Marked done. A manager can reopen it.")
}

// layerTitle is how the annotation page's head names the layer shown:
// a sentence and the name it holds at %s, set in bold. English says
// "Layer: gold", "Layer: layla". Arabic's "الطبقة: الطبقة الذهبية"
// would say layer twice, so an Arabic page names gold alone, the
// viewer's own layer "طبقتك" (your layer) and another's "طبقة layla".
func (a Annotation) layerTitle(ctx context.Context) (sentence, name string) {
	switch {
	case LangOf(ctx) == English:
		return "Layer: %s", a.LayerName
	case a.LayerParam == "gold":
		return "%s", T(ctx, "gold")
	case a.LayerParam == "":
		return "%s", T(ctx, "Your layer")
	}
	return T(ctx, "%s's layer"), a.LayerName
}

// towards is the arrow from a speaker to the entity it refers to, which
// points the way the interface's sentences run.
func towards(ctx context.Context) string {
	if LangOf(ctx).Dir() == "rtl" {
		return "←"
	}
	return "→"
}
