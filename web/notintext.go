package web

import (
	"encoding/json"
	"strconv"

	"hashiya/db"
	"hashiya/web/suggest"
)

// withoutSpeakersOfMarked leaves out the speakers suggested for the
// layer's quotations marked "speaker not in the text": the annotator has
// decided, and the store would refuse the link. A proposed speaker span
// no other suggestion uses goes with its link.
func withoutSpeakersOfMarked(res suggest.Result, l db.Layer) suggest.Result {
	// A mark on any segment marks the whole quotation.
	marked := map[string]bool{}
	for _, s := range l.Spans {
		var attrs struct {
			SpeakerInText *bool `json:"speaker_in_text"`
		}
		if json.Unmarshal(s.Attributes, &attrs) != nil || attrs.SpeakerInText == nil || *attrs.SpeakerInText {
			continue
		}
		for id := range db.QuotationSegments(l.Relations, s.ID) {
			marked[strconv.FormatInt(id, 10)] = true
		}
	}
	if len(marked) == 0 {
		return res
	}
	var kept []suggest.Relation
	used := map[string]bool{}
	dropped := map[string]bool{}
	for _, r := range res.Relations {
		if r.Type == "speaker" && marked[r.From] {
			dropped[r.To] = true
			continue
		}
		kept = append(kept, r)
		used[r.From], used[r.To] = true, true
	}
	var spans []suggest.Span
	for _, s := range res.Spans {
		if s.Existing || !dropped[s.ID] || used[s.ID] {
			spans = append(spans, s)
		}
	}
	return suggest.Result{Spans: spans, Relations: kept}
}
