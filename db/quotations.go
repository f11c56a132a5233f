package db

import (
	"encoding/json"
	"fmt"

	"hashiya/db/codec"
)

// quoteTypes are the values of a QUOTE's "type" attribute.
var quoteTypes = map[string]bool{"direct": true, "indirect": true, "mixed": true}

// mergeAttributes applies patch to the stored attributes and checks the
// ones Hashiya gives meaning to: a QUOTE's "type" and "speaker_in_text".
func mergeAttributes(stored json.RawMessage, patch map[string]any, label string) (string, error) {
	attrs := map[string]any{}
	if len(stored) > 0 {
		if err := json.Unmarshal(stored, &attrs); err != nil {
			return "", fmt.Errorf("db: stored attributes: %w", err)
		}
	}
	for k, v := range patch {
		if v == nil {
			delete(attrs, k)
		} else {
			attrs[k] = v
		}
	}
	if t, ok := attrs["type"]; ok {
		if s, isStr := t.(string); label != "QUOTE" || !isStr || !quoteTypes[s] {
			return "", invalid("attributes.type", "type is a QUOTE's direct, indirect or mixed, not %v on %s", t, label)
		}
	}
	if v, ok := attrs["speaker_in_text"]; ok {
		if _, isBool := v.(bool); label != "QUOTE" || !isBool {
			return "", invalid("attributes.speaker_in_text", "speaker_in_text is a QUOTE's true or false, not %v on %s", v, label)
		}
	}
	out, err := json.Marshal(attrs)
	return string(out), err
}

// Quotations groups a layer's QUOTE spans into quotations (see
// codec.Quotations); span indexes point into l.Spans.
func Quotations(l Layer) []codec.Quotation {
	d := codec.ExportDoc{}
	for _, s := range l.Spans {
		d.Spans = append(d.Spans, codec.ExportSpan{ID: s.ID, Start: s.Start, End: s.End, Label: s.Label, Attributes: s.Attributes})
	}
	for _, r := range l.Relations {
		d.Relations = append(d.Relations, codec.ExportRelation{ID: r.ID, Type: r.Type, From: r.From, To: r.To})
	}
	return codec.Quotations(d)
}

// Unattributed counts l's quotations that have no speaker and are not
// confirmed to have none in the text: what Mark done and Mark gold
// reviewed ask about first.
func Unattributed(l Layer) int {
	n := 0
	for _, q := range Quotations(l) {
		if q.Unattributed() {
			n++
		}
	}
	return n
}
