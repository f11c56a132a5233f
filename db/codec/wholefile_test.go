package codec

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// The readers below are the ones the codec had before it handed over
// documents one at a time: each read its file whole, then parsed it.
// They are kept, word for word but for where the CoNLL parser now hands
// its documents and how a file that is not UTF-8 is refused, as the
// measure the streaming readers must match (see stream_test.go); nothing
// but tests calls them.

// parseCoNLL reads a CoNLL file. Tokens before any "# id = " line form a
// document named after the file (stem), so a plain CoNLL corpus is one
// document. A tag I-X that does not continue an X span starts one, as
// seqeval's lenient mode reads it. The lines are all read before any is
// parsed: the file's column count is the one most of its token lines have.
func parseCoNLL(r io.Reader, name, layer string, limit int) ([]Doc, Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, Report{}, fmt.Errorf("codec: read %s: %w", name, err)
	}
	// A file not UTF-8 is refused for that alone, as the streaming reader refuses it.
	if bad := firstInvalidByte(data); bad >= 0 {
		return nil, Report{}, Errors{{File: name, Line: 1 + bytes.Count(data[:bad], []byte("\n")), Reason: notUTF8(data[bad], int64(bad))}}
	}
	br := bufio.NewReaderSize(bytes.NewReader(data), 64<<10)
	var docs []Doc
	p := &conllParser{name: name, claims: newClaims(layer, ViaAny), emit: func(d Doc) error {
		docs = append(docs, d)
		return nil
	}}
	var lines [][]byte // nil for a line too long
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, limit)
		if err != nil && err != io.EOF {
			return nil, Report{}, fmt.Errorf("codec: read %s: %w", name, err)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if tooLong {
			line = nil
		} else if line == nil {
			line = []byte{}
		}
		lines = append(lines, line)
		if err == io.EOF {
			break
		}
	}
	p.columns, p.columnsLine = columnCount(lines)
	for i, line := range lines {
		if line == nil {
			p.fail(i+1, "line is longer than %d MiB", limit>>20)
		} else {
			p.line(i+1, line)
		}
	}
	p.finishDoc()
	// Every document read, its bad lines left out, so its labels can
	// still be checked against the project (each span names its line).
	return finish(name, docs, p.rep, p.bad, p.claims)
}

// columnCount is the number of fields most token lines of a CoNLL file
// have (the fewest among equals), and the first line having it: 2 for
// "TOKEN TAG", where a stray line of three is a token holding a space
// (ANERCorp has one), 4 for CoNLL-2003's "EU NNP B-NP B-ORG". Lines that
// cannot be token lines (comments, a bad tag, an empty token) do not count.
func columnCount(lines [][]byte) (columns, line int) {
	votes := map[int]int{}
	first := map[int]int{}
	for i, raw := range lines {
		s := strings.TrimRight(string(raw), " \t\r")
		if s == "" || isBlank(rune(s[0])) || strings.HasPrefix(s, "#") {
			continue
		}
		fields := strings.FieldsFunc(s, isBlank)
		if len(fields) < 2 || fields[0] == docStart || !isBIOTag(fields[len(fields)-1]) {
			continue
		}
		if votes[len(fields)]++; votes[len(fields)] == 1 {
			first[len(fields)] = i + 1
		}
	}
	columns = 2
	for c, v := range votes {
		if v > votes[columns] || v == votes[columns] && c < columns {
			columns = c
		}
	}
	return columns, first[columns]
}

// parseTextLines reads a plain-text file with one document on each line
// (sentences, posts), each made canonical as a plain-text document is and
// named FILE-LINE after its line; blank lines are skipped. The whole file
// is read first: invalid UTF-8 anywhere refuses it, naming the line.
func parseTextLines(r io.Reader, name string, limit int) ([]Doc, Report, error) {
	raw, err := readPlainText(r, name, limit)
	if err != nil {
		return nil, Report{}, err
	}
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
	var (
		docs []Doc
		rep  Report
		bad  Errors
	)
	prefix := stem(name)
	if err := fileNameID(name, prefix+"-1"); err != nil {
		return nil, Report{}, err
	}
	// Line ends made LF first, as Canonicalize makes them: a file ending
	// its lines with CR alone (old Mac editors) is as many lines.
	lines := strings.ReplaceAll(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\r", "\n")
	for i, line := range strings.Split(lines, "\n") {
		text, flags := Canonicalize(line)
		if strings.TrimSpace(text) == "" {
			continue
		}
		if r, at, _ := forbiddenControl(text); at >= 0 {
			bad = append(bad, LineError{File: name, Line: i + 1, Reason: controlReason(r, at)})
			continue
		}
		for _, f := range flags {
			rep.Warnings = append(rep.Warnings, LineError{File: name, Line: i + 1, Reason: textFlagReason(f, true)})
		}
		docs = append(docs, Doc{Line: i + 1, ExternalID: fmt.Sprintf("%s-%d", prefix, i+1), Text: text, Meta: emptyObject()})
	}
	if len(bad) > 0 {
		return docs, rep, bad
	}
	if len(docs) == 0 {
		return nil, Report{}, Errors{{File: name, Line: 1, Reason: "file holds no text"}}
	}
	return docs, rep, nil
}

// parseLabelStudio reads a Label Studio JSON export: one JSON array of
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
func parseLabelStudio(r io.Reader, name, unit, layer string, limit int) ([]Doc, Report, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, Report{}, fmt.Errorf("codec: read %s: %w", name, err)
	}
	fail := func(at int, format string, args ...any) ([]Doc, Report, error) {
		return nil, Report{}, Errors{{File: name, Line: 1 + bytes.Count(data[:at], []byte("\n")), Reason: fmt.Sprintf(format, args...)}}
	}
	if len(data) > limit {
		return fail(0, "file is larger than %d MiB; export the project in parts", limit>>20)
	}
	if bad := firstInvalidByte(data); bad >= 0 {
		return fail(bad, "%s", notUTF8(data[bad], int64(bad)))
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return fail(0, "a Label Studio export is one JSON array of tasks, [{\"data\": {\"text\": ...}, \"annotations\": [...]}, ...]; this file is not (export the project as JSON, not JSON-MIN or CSV)")
	}
	var (
		docs    []Doc
		rep     Report
		bad     Errors
		claims  = newClaims(layer, ViaAny)
		line    = 1 // the line of byte offset counted
		counted = 0
	)
	prefix := stem(name)
	for n := 0; dec.More(); n++ {
		from := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fail(from, "task %d is not JSON: %v", n, err)
		}
		// The task starts after the comma and white space before it.
		at := from + len(data[from:]) - len(bytes.TrimLeft(data[from:], ", \t\r\n"))
		line += bytes.Count(data[counted:at], []byte("\n"))
		counted = at
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
		docs = append(docs, doc)
		for _, w := range warns {
			rep.Warnings = append(rep.Warnings, LineError{name, line, fmt.Sprintf("task %d: %s", n, w)})
		}
	}
	if _, err := dec.Token(); err != nil {
		return fail(int(dec.InputOffset()), "the array of tasks does not end properly: %v", err)
	}
	// A decoder stops at the array's end; what follows would be dropped
	// unseen (two exports pasted one after the other).
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		first, _, _ := bytes.Cut(rest, []byte("\n"))
		return fail(len(data)-len(rest), "the file goes on after its array of tasks has ended, with %s; a Label Studio export is one array (join the arrays into one, or import each as a file of its own)", short(bytes.TrimRight(first, "\r")))
	}
	if len(bad) == 0 && len(docs) == 0 && len(claims.others) == 0 {
		bad = append(bad, LineError{name, 1, "file holds no tasks"})
	}
	return finish(name, docs, rep, bad, claims)
}

// finish ends the reading of a file of several documents: every bad line
// in line order, those of another layer included, and the documents read.
func finish(name string, docs []Doc, rep Report, bad Errors, claims *claims) ([]Doc, Report, error) {
	return docs, rep, badLines(name, len(docs), bad, claims)
}
