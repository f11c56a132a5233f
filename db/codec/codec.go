// Package codec reads import files (plain text, Hashiya's native JSONL,
// doccano's sequence-labelling and relation JSONL, CoNLL) into documents
// with spans, and writes documents back out in the same formats (and one
// line per quotation, for attribution training). It is pure:
// no SQL, no HTTP, so the CLI, the web API and the tests share one reading
// of every format.
//
// Every offset is a Unicode code point index (Python's str index), start
// inclusive, end exclusive.
package codec

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Doc is one document read from an import file.
type Doc struct {
	Line       int    // 1-based line in the file (1 for a plain-text file)
	ExternalID string // the file's "id" (CoNLL: "# id = ..."); if absent "<file base name without extension>-<line>" (text and CoNLL: the base name)
	Layer      string // the layer the line says it is ("layer"; CoNLL: "# layer = ..."); "" when it names none
	Status     string // the layer's status the line gives ("status": new, in_progress, done or reviewed); "" when none
	Text       string
	Meta       json.RawMessage // a JSON object; "{}" when absent
	Spans      []Span
	Relations  []Relation
}

// Span is one labelled stretch of a Doc's text.
type Span struct {
	Ref        string // the span's id in the file, decimal if an integer; "" when the format has none
	Start, End int    // code points
	Line       int    // the file line it comes from when that is not its document's (CoNLL: its first token's); else 0
	Label      string
	Attributes json.RawMessage // JSON object, "{}" when absent
}

// Relation links two spans of the same Doc by their Refs.
type Relation struct{ Type, From, To string }

// LineError names one bad (or suspicious) line of an import file.
type LineError struct {
	File   string
	Line   int
	Reason string
}

func (e LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// Errors is every bad line of one file. Import is all-or-nothing, so the
// user gets the whole list in one go instead of fixing one line per run.
type Errors []LineError

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, le := range e {
		lines[i] = le.Error()
	}
	return strings.Join(lines, "\n")
}

// Report carries non-fatal findings of a file: texts holding bidi
// controls, presentation forms or U+FFFD, and exact duplicate spans or
// relations that were kept once.
type Report struct {
	Warnings []LineError
}
