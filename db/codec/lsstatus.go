package codec

import (
	"bytes"
	"encoding/json"
)

// unannotated warns of the work a task without a submitted annotation
// holds that the import leaves out: skipped (cancelled) annotations,
// drafts never submitted, a model's predictions.
func (p *lineParser) unannotated(f map[string]json.RawMessage, cancelled int) {
	if cancelled > 0 {
		p.warn("was skipped in Label Studio (cancelled annotations: %d, submitted: none): the document comes without annotations, as one nobody has started", cancelled)
	}
	if drafts, _ := arrayValue(f["drafts"]); len(drafts) > 0 {
		p.warn("has %d drafts and no submitted annotation: drafts are not imported", len(drafts))
	}
	if preds, _ := arrayValue(f["predictions"]); len(preds) > 0 {
		p.warn("has %d predictions and no annotation: predictions are not imported", len(preds))
	}
}

// lsStatus is the status of the layer a task fills, from Label Studio's
// state, for a task that does not say it (as Hashiya's export does). An
// annotation in an export was submitted (drafts and skips are kept
// apart), so an annotator's layer is done; in gold, the annotation a
// manager marked ground truth is a finished review, and any other is gold
// still in progress (none: no status, so a layer only with spans). A task
// with no submitted annotation is left new: no layer.
func lsStatus(chosen map[string]json.RawMessage, into string) string {
	switch {
	case chosen == nil:
		return ""
	case into != GoldLayer:
		return "done"
	case isTrue(chosen["ground_truth"]):
		return "reviewed"
	}
	return ""
}

// isTrue reports whether raw is the JSON true.
func isTrue(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "true" }
