package components

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"unicode/utf8"
)

const (
	maxMetaFields = 50  // fields a document's details show
	maxMetaValue  = 300 // code points of one value shown
	maxMetaDepth  = 3   // nested objects opened; deeper ones show as JSON
)

// metaField is one line of a document's details: its key (a nested
// object's keys joined with dots) and its value as text.
type metaField struct{ Key, Value string }

// metaFields lists a document's meta as the annotation page shows it: by
// key, strings as they are, anything else as compact JSON, long values
// cut. Meta that is not a JSON object (which import never stores) shows
// nothing.
func metaFields(ctx context.Context, raw json.RawMessage) []metaField {
	var top map[string]json.RawMessage
	if json.Unmarshal(raw, &top) != nil {
		return nil
	}
	var out []metaField
	var walk func(prefix string, m map[string]json.RawMessage, depth int)
	walk = func(prefix string, m map[string]json.RawMessage, depth int) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			v := bytes.TrimSpace(m[k])
			var inner map[string]json.RawMessage
			if depth < maxMetaDepth && len(v) > 0 && v[0] == '{' && json.Unmarshal(v, &inner) == nil && len(inner) > 0 {
				walk(prefix+k+".", inner, depth+1)
				continue
			}
			out = append(out, metaField{Key: prefix + k, Value: metaValue(v)})
		}
	}
	walk("", top, 1)
	if len(out) > maxMetaFields {
		out = append(out[:maxMetaFields], metaField{Key: "…", Value: Tn(ctx, len(out)-maxMetaFields, "%d more field", "%d more fields")})
	}
	return out
}

// metaValue is a JSON value as text: a string as it is, anything else
// compact, cut at maxMetaValue code points.
func metaValue(v json.RawMessage) string {
	var s string
	if len(v) == 0 || v[0] != '"' || json.Unmarshal(v, &s) != nil {
		var b bytes.Buffer
		if json.Compact(&b, v) == nil {
			s = b.String()
		} else {
			s = string(v)
		}
	}
	if utf8.RuneCountInString(s) > maxMetaValue {
		s = string([]rune(s)[:maxMetaValue]) + "…"
	}
	return s
}
