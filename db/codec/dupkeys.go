package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TextProblem says what makes a JSON value's text other than what its
// author wrote once decoded: bytes that are not UTF-8, or an escape of
// half a surrogate pair. encoding/json turns both into U+FFFD without a
// word. It returns "" when there is neither.
func TextProblem(data []byte) string {
	if bad := firstInvalidByte(data); bad >= 0 {
		return fmt.Sprintf("not valid UTF-8: byte 0x%02x at byte offset %d", data[bad], bad)
	}
	if esc := loneSurrogate(data); esc != "" {
		return fmt.Sprintf("holds the unpaired surrogate escape %s, which is not a Unicode character", esc)
	}
	return ""
}

// DuplicateKey finds the first object in a valid JSON value that holds the
// same key twice and says where: `key "start" appears twice in
// spans[3]`. encoding/json keeps the last of the two without a word, so a
// line with two "text" keys or a span with two "start"s would import as
// something other than what its author may have meant. It returns "" when
// every key is single. The value should already be valid JSON: on other
// bytes it returns without a panic, but what it says means nothing.
func DuplicateKey(data []byte) string {
	// One frame per open object or array, outermost first, so the frames
	// spell the path to the innermost: an object's latest key, an array's
	// current element. An object's keys are a slice: most hold a handful.
	type frame struct {
		object bool
		keys   []string
		index  int // the array's current element
		atKey  bool
	}
	var stack []frame
	path := func() string {
		var b strings.Builder
		for _, f := range stack[:len(stack)-1] {
			if f.object {
				if len(f.keys) == 0 {
					continue // not JSON: an object nested with no key
				}
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.keys[len(f.keys)-1])
			} else {
				fmt.Fprintf(&b, "[%d]", f.index)
			}
		}
		return b.String()
	}
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '{', '[':
			stack = append(stack, frame{object: c == '{', atKey: c == '{'})
		case '}', ']':
			if len(stack) == 0 {
				return "" // not JSON: what comes after no value belongs to
			}
			stack = stack[:len(stack)-1]
		case ',':
			if len(stack) == 0 {
				continue
			}
			top := &stack[len(stack)-1]
			if top.object {
				top.atKey = true
			} else {
				top.index++
			}
		case '"':
			end := stringEnd(data, i)
			if end < 0 {
				return "" // not JSON: a string never closed
			}
			if top := len(stack) - 1; top >= 0 && stack[top].object && stack[top].atKey {
				f := &stack[top]
				key := unquote(data[i : end+1])
				if slices.Contains(f.keys, key) {
					if where := path(); where != "" {
						return fmt.Sprintf("key %q appears twice in %s", key, where)
					}
					return fmt.Sprintf("key %q appears twice", key)
				}
				f.keys = append(f.keys, key)
				f.atKey = false
			}
			i = end
		}
	}
	return ""
}

// stringEnd is the index of the quote closing the JSON string opening at
// data[i], or -1 when none does.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++ // the escaped character, which may be a quote
		case '"':
			return j
		}
	}
	return -1
}

// unquote decodes a JSON string's bytes, quotes included; only a key with
// an escape needs the decoder, so "a" and "\u0061" are one key.
func unquote(s []byte) string {
	if bytes.IndexByte(s, '\\') < 0 {
		return string(s[1 : len(s)-1])
	}
	var out string
	if json.Unmarshal(s, &out) != nil {
		return strconv.Quote(string(s)) // not reached for valid JSON
	}
	return out
}
