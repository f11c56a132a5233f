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

// layerName is the name of the layer shown: gold's in the interface's
// language, a user's as it is.
func (a Annotation) layerName(ctx context.Context) string {
	if a.LayerParam == "gold" {
		return T(ctx, "gold")
	}
	return a.LayerName
}

// towards is the arrow from a speaker to the entity it refers to, which
// points the way the interface's sentences run.
func towards(ctx context.Context) string {
	if LangOf(ctx).Dir() == "rtl" {
		return "←"
	}
	return "→"
}
