package codec

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// eachLabelStudio reads a Label Studio JSON export: one JSON array of
// tasks, each with its text in "data" and its annotators' work in
// "annotations". Each task is one document, named by the line it starts
// on in messages, with the spans and relations of one annotation:
// the one marked ground truth, else the first not cancelled. The layer it
// fills takes its status from the task's state (see lsStatus).
//
// Label Studio has written span offsets in UTF-16 units (JavaScript
// string indexes) in some versions and in code points in others, and
// every span carries its text. So a task whose spans do not all match
// their text as code points, but all do as UTF-16 units, is read in
// UTF-16 units, with a warning; one that matches neither way is refused.
//
// The array is read twice, a task at a time (see rereadable): first for
// what refuses the whole file (larger than limit, not UTF-8, not one
// well-formed array: one error, no task handed over), then for the tasks.
func eachLabelStudio(r io.Reader, name, unit, layer string, via Via, limit int, fn func(Doc) error) (Report, error) {
	rs, start, err := rereadable(r, name, int64(limit)+1)
	if err != nil {
		return Report{}, err
	}
	if err := lsShape(rs, name, limit); err != nil {
		return Report{}, err
	}
	if err := rewind(rs, start, name); err != nil {
		return Report{}, err
	}
	lt := &lineTracker{r: withoutBOM(rs)}
	dec := json.NewDecoder(lt)
	if _, err := dec.Token(); err != nil {
		return Report{}, lsChanged(name, err)
	}
	var (
		rep    Report
		bad    Errors
		docs   int
		claims = newClaims(layer, via)
	)
	prefix := stem(name)
	for n := 0; dec.More(); n++ {
		from := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return Report{}, lsChanged(name, err)
		}
		// The task starts after the comma and white space before it.
		line := lt.lineAt(lt.skip(from, ", \t\r\n"))
		doc, warns, reason := parseTask(raw, unit, claims.into)
		if reason == "" && claims.foreign(doc.Layer, line, fmt.Sprintf("task %d: ", n), "drop its data.layer") {
			continue
		}
		if reason == "" {
			reason = claims.admit(&doc, prefix, line)
		}
		if reason != "" {
			bad = append(bad, LineError{name, line, fmt.Sprintf("task %d: %s", n, reason)})
			continue
		}
		docs++
		if err := fn(doc); err != nil {
			return Report{}, err
		}
		for _, w := range warns {
			rep.Warnings = append(rep.Warnings, LineError{name, line, fmt.Sprintf("task %d: %s", n, w)})
		}
	}
	if len(bad) == 0 && docs == 0 && len(claims.others) == 0 {
		bad = append(bad, LineError{name, 1, "file holds no tasks"})
	}
	return rep, badLines(name, docs, bad, claims)
}

// lsChanged is the error of a second reading that fails where the first passed.
func lsChanged(name string, err error) error {
	return fmt.Errorf("codec: read %s: the file changed while it was read: %w", name, err)
}

// withoutBOM is r without the byte order mark it may start with: a BOM
// sits outside the JSON value, and offsets count from after it.
func withoutBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\uFEFF")) {
		br.Discard(3) //nolint:errcheck // the 3 bytes are buffered: Peek returned them
	}
	return br
}

// lsShape is the first reading of a Label Studio export: the one error
// that refuses the whole file, nil when it is one array of JSON values.
// A file too large is refused for that first, then one not UTF-8
// (naming the line of its first bad byte), then one not an array.
func lsShape(rs io.Reader, name string, limit int) error {
	check := newTextCheck(io.LimitReader(rs, int64(limit)+1), false)
	lt := &lineTracker{r: withoutBOM(check)}
	shapeErr := lsArray(lt, name)
	if _, err := io.Copy(io.Discard, check); err != nil {
		return fmt.Errorf("codec: read %s: %w", name, err)
	}
	switch {
	case check.readErr != nil:
		return fmt.Errorf("codec: read %s: %w", name, check.readErr)
	case check.n > int64(limit):
		return Errors{{File: name, Line: 1, Reason: fmt.Sprintf("file is larger than %d MiB; export the project in parts", limit>>20)}}
	case check.bad >= 0:
		return Errors{{File: name, Line: check.badAt, Reason: notUTF8(check.badB, check.bad)}}
	}
	return shapeErr
}

// lsArray reads one JSON array of values through lt, and nothing after
// it but white space.
func lsArray(lt *lineTracker, name string) error {
	fail := func(at int64, format string, args ...any) error {
		return Errors{{File: name, Line: lt.lineAt(at), Reason: fmt.Sprintf(format, args...)}}
	}
	dec := json.NewDecoder(lt)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return fail(0, "a Label Studio export is one JSON array of tasks, [{\"data\": {\"text\": ...}, \"annotations\": [...]}, ...]; this file is not (export the project as JSON, not JSON-MIN or CSV)")
	}
	for n := 0; dec.More(); n++ {
		from := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fail(from, "task %d is not JSON: %v", n, err)
		}
		lt.lineAt(dec.InputOffset()) // forget the task's bytes
	}
	if _, err := dec.Token(); err != nil {
		return fail(dec.InputOffset(), "the array of tasks does not end properly: %v", err)
	}
	// A decoder stops at the array's end; what follows would be dropped
	// unseen (two exports pasted one after the other).
	end := dec.InputOffset()
	rest := bufio.NewReader(io.MultiReader(dec.Buffered(), lt))
	skipped := int64(0)
	for {
		c, err := rest.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("codec: read %s: %w", name, err)
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			rest.UnreadByte() //nolint:errcheck // the byte just read
			break
		}
		skipped++
	}
	first, _ := rest.ReadSlice('\n')
	first = bytes.TrimRight(bytes.TrimSuffix(first, []byte("\n")), "\r")
	return fail(end+skipped, "the file goes on after its array of tasks has ended, with %s; a Label Studio export is one array (join the arrays into one, or import each as a file of its own)", short(first))
}
