package db

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"hashiya/db/codec"
)

// quoteTypes are the values of a QUOTE's "type" attribute.
var quoteTypes = map[string]bool{"direct": true, "indirect": true, "mixed": true}

// mergeAttributes applies patch to the stored attributes and checks the
// ones Hashiya gives meaning to: a QUOTE's "type" and "speaker_in_text".
func mergeAttributes(stored json.RawMessage, patch map[string]any, label string) (string, error) {
	attrs, err := decodeAttributes(stored)
	if err != nil {
		return "", fmt.Errorf("db: stored attributes: %w", err)
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
	if where, n := outOfRange(attrs, "attributes"); where != "" {
		return "", invalid(where, "%s is %s, past the largest number JSON readers hold (about 1.8e308)", where, n)
	}
	if d := depth(attrs); d > maxAttributeDepth {
		return "", invalid("attributes", "attributes nest %d levels deep; at most %d", d, maxAttributeDepth)
	}
	out, err := json.Marshal(attrs)
	if err != nil {
		return "", fmt.Errorf("db: attributes: %w", err)
	}
	if len(out) > MaxAttributeBytes {
		return "", invalid("attributes", "attributes take %d bytes as JSON; at most %d", len(out), MaxAttributeBytes)
	}
	return string(out), nil
}

// decodeAttributes reads stored attributes with their numbers as written
// (json.Number): decoded as float64 and written back, 9007199254740993
// would become ...992 and 1.10 would become 1.1 at the next change of the
// span, a change nobody asked for.
func decodeAttributes(stored json.RawMessage) (map[string]any, error) {
	attrs := map[string]any{}
	if len(stored) == 0 {
		return attrs, nil
	}
	dec := json.NewDecoder(bytes.NewReader(stored))
	dec.UseNumber()
	if err := dec.Decode(&attrs); err != nil {
		return nil, err
	}
	if attrs == nil { // stored as null
		attrs = map[string]any{}
	}
	return attrs, nil
}

// outOfRange finds a number in v that no float64 holds (1e400), which
// Python would read as infinity, and says where it is.
func outOfRange(v any, path string) (string, json.Number) {
	switch v := v.(type) {
	case json.Number:
		if _, err := strconv.ParseFloat(string(v), 64); err != nil {
			return path, v
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if where, n := outOfRange(v[k], path+"."+k); where != "" {
				return where, n
			}
		}
	case []any:
		for i, x := range v {
			if where, n := outOfRange(x, fmt.Sprintf("%s[%d]", path, i)); where != "" {
				return where, n
			}
		}
	}
	return "", ""
}

// MaxAttributeBytes and maxAttributeDepth bound a span's attributes: a
// few facts about one span, not a store for documents. Each change is
// kept again in the event log, so an unbounded value would grow the
// database by its size at every save.
const (
	MaxAttributeBytes = 16 << 10
	maxAttributeDepth = 8
)

// depth is how deeply a decoded JSON value nests objects and arrays.
func depth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			d = max(d, depth(x))
		}
	case []any:
		for _, x := range v {
			d = max(d, depth(x))
		}
	default:
		return 0
	}
	return d + 1
}

// withoutQuoteAttributes is patch, plus the removal of a quotation's own
// attributes (type, speaker_in_text) when a QUOTE takes another label and
// the patch does not set them itself: they describe quotations only, and
// kept they would refuse every later change of the span.
func withoutQuoteAttributes(patch map[string]any, from, to string) map[string]any {
	if from != "QUOTE" || to == "QUOTE" {
		return patch
	}
	out := map[string]any{"type": nil, "speaker_in_text": nil}
	for k, v := range patch {
		out[k] = v
	}
	return out
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
