package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// field is one key of a JSON object with its value, as the file wrote
// them: objects built from fields keep the file's order of keys, and its
// spelling of each key, where a Go map would sort them and escape them
// anew.
type field struct {
	key   string          // the key decoded, to compare
	raw   json.RawMessage // the key as written, quotes and escapes included
	value json.RawMessage
}

// orderedFields reads a JSON object's fields in the order written; false
// when raw is not one.
func orderedFields(raw json.RawMessage) ([]field, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []field
	for dec.More() {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, _ := tok.(string)
		// From before the comma that separates it to the key's closing quote.
		written := bytes.TrimLeft(raw[start:dec.InputOffset()], " \t\r\n,")
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		out = append(out, field{key: key, raw: json.RawMessage(written), value: value})
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, false
	}
	return out, true
}

// setField gives fields f's value: in the place of the field of the same
// key, else after the others.
func setField(fields []field, f field) []field {
	for i := range fields {
		if fields[i].key == f.key {
			fields[i].value = f.value
			return fields
		}
	}
	return append(fields, f)
}

// objectText writes fields as one compact JSON object, in their order.
func objectText(fields []field) (json.RawMessage, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(f.raw)
		b.WriteByte(':')
		if err := json.Compact(&b, f.value); err != nil {
			return nil, fmt.Errorf("field %s: %w", f.raw, err)
		}
	}
	b.WriteByte('}')
	return json.RawMessage(b.Bytes()), nil
}
