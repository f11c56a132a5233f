package codec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// A Label Studio export is one JSON array of tasks, the one shape
// eachLabelStudio reads: each task's text in data.text (the document's id
// and meta beside it), its layer as one annotation whose results are the
// spans ("labels", from a <Labels name="label"> on a <Text name="text">,
// their attributes in value.attributes) and relations ("relation", labelled with the type). Offsets count code
// points, as Label Studio reads them; each region carries its text.

// Label Studio's names of the tags a project's labelling config must have.
const (
	labelStudioLabels = "label"
	labelStudioText   = "text"
)

type lsTask struct {
	Data        lsData         `json:"data"`
	Annotations []lsAnnotation `json:"annotations"`
}

type lsData struct {
	Text       string          `json:"text"`
	ExternalID string          `json:"external_id"`
	Meta       json.RawMessage `json:"meta"`
	Layer      string          `json:"layer"`
	Status     string          `json:"status"`
}

type lsAnnotation struct {
	Result      []any `json:"result"`
	GroundTruth bool  `json:"ground_truth"`
}

type lsRegion struct {
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	FromName string        `json:"from_name"`
	ToName   string        `json:"to_name"`
	Value    lsRegionValue `json:"value"`
}

// lsRegionValue is a region's value. Label Studio keeps keys of a value it
// does not know as they are, so a span's attributes (a QUOTE's type and
// speaker_in_text) travel there and come back on import; absent when none.
type lsRegionValue struct {
	Start      int             `json:"start"`
	End        int             `json:"end"`
	Text       string          `json:"text"`
	Labels     []string        `json:"labels"`
	Attributes json.RawMessage `json:"attributes,omitempty"`
}

type lsRelation struct {
	FromID    string   `json:"from_id"`
	ToID      string   `json:"to_id"`
	Type      string   `json:"type"`
	Direction string   `json:"direction"`
	Labels    []string `json:"labels"`
}

// labelStudioTask is one document's layer as a Label Studio task; gold is
// marked ground truth.
func labelStudioTask(d ExportDoc, texts []string) lsTask {
	ref := func(id int64) string { return "s" + strconv.FormatInt(id, 10) }
	result := make([]any, 0, len(d.Spans)+len(d.Relations))
	for i, sp := range d.Spans {
		result = append(result, lsRegion{ID: ref(sp.ID), Type: "labels", FromName: labelStudioLabels, ToName: labelStudioText,
			Value: lsRegionValue{Start: sp.Start, End: sp.End, Text: texts[i], Labels: []string{sp.Label}, Attributes: regionAttributes(sp.Attributes)}})
	}
	for _, r := range d.Relations {
		result = append(result, lsRelation{FromID: ref(r.From), ToID: ref(r.To), Type: "relation", Direction: "right", Labels: []string{r.Type}})
	}
	return lsTask{
		Data:        lsData{Text: d.Text, ExternalID: d.ExternalID, Meta: orEmpty(d.Meta), Layer: d.Layer, Status: d.Status},
		Annotations: []lsAnnotation{{Result: result, GroundTruth: d.Layer == "gold"}},
	}
}

// regionAttributes is a span's attributes as a region carries them: nil,
// so left out, when there are none.
func regionAttributes(attrs json.RawMessage) json.RawMessage {
	if isEmptyObject(bytes.TrimSpace(attrs)) || isNull(attrs) {
		return nil
	}
	return attrs
}

// errLabelStudioLayers refuses several layers in one Label Studio export:
// a task holds one annotation per layer only if they are written together,
// which a streamed export by layer does not do.
var errLabelStudioLayers = errors.New("a label-studio export takes one layer (gold or a user's), not all")

// AllLayers makes the export name each line's layer, as an export of
// every layer must; the Label Studio format takes one layer only.
func (w *Writer) AllLayers() error {
	if w.format == "label-studio" {
		return errLabelStudioLayers
	}
	w.Layers = true
	return nil
}

// Close ends the export: the closing bracket of a Label Studio array
// (the whole "[]" when nothing was written). Other formats need nothing.
func (w *Writer) Close() error {
	if w.format != "label-studio" {
		return nil
	}
	end := "]\n"
	if w.written == 0 {
		end = "[]\n"
	}
	if _, err := w.w.Write([]byte(end)); err != nil {
		return fmt.Errorf("codec: end the export: %w", err)
	}
	return nil
}
