package codec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The helpers below read one JSON value that encoding/json has already
// delimited. They work on raw bytes because a struct or interface decode
// would hide what the file actually said: 1.5 and "3" would quietly become
// offsets, and keys would match case-insensitively.

// isNull reports a missing value or an explicit null: both mean "absent".
func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// stringValue decodes a JSON string.
func stringValue(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if s, ok := plainString(raw); ok {
		return s, true
	}
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// plainString decodes a JSON string that holds no escape, the common
// case (a document's text, a label), without a second JSON parse of it:
// its bytes between the quotes are the string. One with a backslash, a
// control character or bytes that are not UTF-8 (which encoding/json
// would turn into U+FFFD) is left to encoding/json.
func plainString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	for _, c := range body {
		if c < 0x20 || c == '"' || c == '\\' {
			return "", false
		}
	}
	if !utf8.Valid(body) {
		return "", false
	}
	return string(body), true
}

// isInteger is true for a JSON number with no fraction or exponent.
func isInteger(raw json.RawMessage) bool {
	raw = bytes.TrimPrefix(raw, []byte("-"))
	if len(raw) == 0 {
		return false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// intValue decodes an offset, which must be a JSON integer.
func intValue(raw json.RawMessage) (int, error) {
	raw = bytes.TrimSpace(raw)
	if isNull(raw) {
		return 0, errors.New("is missing")
	}
	if !isInteger(raw) {
		return 0, fmt.Errorf("must be an integer, got %s", short(raw))
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil {
		return 0, fmt.Errorf("is out of range: %s", short(raw))
	}
	return n, nil
}

// refValue decodes an id: a JSON string as is, an integer in decimal.
// present is false for a missing or null id.
func refValue(raw json.RawMessage) (ref string, present bool, err error) {
	raw = bytes.TrimSpace(raw)
	if isNull(raw) {
		return "", false, nil
	}
	if s, ok := stringValue(raw); ok {
		return s, true, nil
	}
	if isInteger(raw) {
		return string(raw), true, nil
	}
	return "", false, fmt.Errorf("must be a string or an integer, got %s", short(raw))
}

// objectValue returns a JSON object compacted, or "{}" when absent.
func objectValue(raw json.RawMessage) (json.RawMessage, bool) {
	raw = bytes.TrimSpace(raw)
	if isNull(raw) {
		return emptyObject(), true
	}
	if raw[0] != '{' {
		return nil, false
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return nil, false
	}
	return json.RawMessage(b.Bytes()), true
}

func emptyObject() json.RawMessage { return json.RawMessage("{}") }

// arrayValue splits a JSON array into its elements; absent means empty.
func arrayValue(raw json.RawMessage) ([]json.RawMessage, bool) {
	raw = bytes.TrimSpace(raw)
	if isNull(raw) {
		return nil, true
	}
	var items []json.RawMessage
	if raw[0] != '[' || json.Unmarshal(raw, &items) != nil {
		return nil, false
	}
	return items, true
}

// fieldsValue splits a JSON object into its fields.
func fieldsValue(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	raw = bytes.TrimSpace(raw)
	var m map[string]json.RawMessage
	if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &m) != nil {
		return nil, false
	}
	return m, true
}

// short quotes a raw value for an error message, cut so one huge value
// cannot swamp the report.
func short(raw []byte) string {
	const limit = 40
	if len(raw) <= limit {
		return string(raw)
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(raw[cut]) {
		cut--
	}
	return string(raw[:cut]) + "..."
}

// loneSurrogate finds a \uD800-\uDFFF escape that is not half of a valid
// pair. encoding/json turns such an escape into U+FFFD without a word; it
// is not a Unicode character, so like invalid UTF-8 it is refused rather
// than repaired. It returns the escape, or "" if there is none.
func loneSurrogate(b []byte) string {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		if u, ok := escapeAt(b, i); ok {
			switch {
			case u >= 0xD800 && u <= 0xDBFF:
				if low, ok := escapeAt(b, i+6); ok && low >= 0xDC00 && low <= 0xDFFF {
					i += 11 // skip both halves of the pair
					continue
				}
				return string(b[i : i+6])
			case u >= 0xDC00 && u <= 0xDFFF:
				return string(b[i : i+6])
			}
		}
		i++ // skip the escaped character, so "\\u" is not read as an escape
	}
	return ""
}

// escapeAt decodes a \uXXXX escape starting at b[i].
func escapeAt(b []byte, i int) (uint64, bool) {
	if i+6 > len(b) || b[i] != '\\' || b[i+1] != 'u' {
		return 0, false
	}
	u, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
	return u, err == nil
}
