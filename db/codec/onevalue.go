package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// oneValueCap is the most of a file oneValue gathers: past it, the file
// is refused line by line as before.
const oneValueCap = 16 << 20

// oneValue gathers a JSON lines file that may be one JSON value instead,
// an object written over many lines (doccano's relation example, any
// pretty-printed export) or an array of documents, so the import says
// that once, rather than a "not valid JSON" on every line of it. A file
// whose first line is a whole JSON object is JSON lines, and is not
// gathered.
type oneValue struct {
	buf   bytes.Buffer
	lines int  // the lines gathered, none blank
	first int  // the number of the first of them
	off   bool // the file is JSON lines, or too big to gather
}

// add gathers line n, which is not blank.
func (o *oneValue) add(n int, line []byte) {
	if o.off {
		return
	}
	t := bytes.TrimSpace(line)
	if o.lines == 0 && t[0] == '{' && json.Valid(t) || o.buf.Len()+len(t) > oneValueCap {
		o.off, o.buf = true, bytes.Buffer{}
		return
	}
	if o.lines == 0 {
		o.first = n
	}
	o.lines++
	o.buf.Write(t)
	o.buf.WriteByte('\n')
}

// refusal is the one error of a file that is one JSON value but not
// JSON lines, or nil.
func (o *oneValue) refusal(name string) Errors {
	if o.off || o.lines == 0 || !json.Valid(o.buf.Bytes()) {
		return nil
	}
	b := o.buf.Bytes()
	var reason string
	switch {
	case b[0] == '[':
		var values []json.RawMessage
		if json.Unmarshal(b, &values) != nil {
			return nil
		}
		reason = fmt.Sprintf("the file is one JSON array of %s written over %s, not JSON lines (one document a line): write each of its documents on a line of its own (Python: a json.dumps(doc) per line; jq -c '.[]'); a Label Studio export is read as one from a .json file or as the label-studio format",
			count(len(values), "value"), count(o.lines, "line"))
	case b[0] == '{' && o.lines > 1:
		reason = fmt.Sprintf("the file is one JSON object written over %s, not JSON lines (one document a line): write each document on one line (Python: json.dumps(doc); jq -c .)", count(o.lines, "line"))
	default:
		return nil
	}
	return Errors{{name, o.first, reason}}
}
