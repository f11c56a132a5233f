package codec

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// EachDoc reads one import file as ParseFileInto does, but hands the
// document of each good line to fn as soon as it is read and keeps none
// of them, so a file of any number of documents is read in the memory of
// its largest document. JSON lines are read once. A CoNLL, plain-text
// lines or Label Studio file is read twice, the first time for what only
// its end decides (see rereadable): r is read again from where it stood
// when it seeks (a file), else it is read whole into memory first, as
// ParseFileInto reads it. A whole plain-text file ("text") is one
// document, so it is read whole, up to the plain-text size limit.
//
// The Report and the error are ParseFileInto's: every bad line, in line
// order, when any line is bad (fn has then been given the documents of
// the good lines, which must not be stored but can be checked further).
// A file refused as a whole (too large, not UTF-8, not a JSON array) has
// given fn no document. An error fn returns stops the reading and is
// returned as it is. A refusal names the control of via, the way the
// import was asked for.
func EachDoc(r io.Reader, name, format, unit, layer string, via Via, fn func(Doc) error) (Report, error) {
	if err := CheckFileUnit(name, format, unit); err != nil {
		return Report{}, fmt.Errorf("%s: %w", name, err)
	}
	format, err := resolveFormat(name, format)
	if err != nil {
		return Report{}, err
	}
	if format == "text" {
		docs, rep, err := parseText(r, name, maxLine)
		for _, d := range docs {
			if fnErr := fn(d); fnErr != nil {
				return Report{}, fnErr
			}
		}
		return rep, err
	}
	return eachDoc(r, name, format, unit, layer, via, maxLine, fn)
}

// eachDoc is EachDoc for a resolved format other than "text", with the
// line limit as a parameter, so tests can exercise it without 64 MiB inputs.
func eachDoc(r io.Reader, name, format, unit, layer string, via Via, limit int, fn func(Doc) error) (Report, error) {
	r, err := refuseWideBOM(r, name)
	if err != nil {
		return Report{}, err
	}
	switch format {
	case "text-lines":
		return eachTextLine(r, name, limit, fn)
	case "conll":
		return eachCoNLL(r, name, layer, via, limit, fn)
	case "label-studio":
		return eachLabelStudio(r, name, unit, layer, via, labelStudioLimit*limit, fn)
	}
	return eachJSONLine(r, name, format, unit, layer, via, limit, fn)
}

// eachJSONLine reads one JSON document per line, handing each good one to
// fn, and collects every bad line before deciding, so the user sees all
// problems at once. A line that is not UTF-8 is left unread: the file's
// one error says so.
func eachJSONLine(r io.Reader, name, format, unit, layer string, via Via, limit int, fn func(Doc) error) (Report, error) {
	check := newTextCheck(r, false)
	br := bufio.NewReaderSize(check, 64<<10)
	var (
		rep    Report
		bad    Errors
		docs   int
		claims = newClaims(layer, via)
		buf    []byte    // one line's storage, reused: a Doc shares no bytes with its line
		notUTF lineCount // the lines left unread for bytes that are not UTF-8
		whole  oneValue  // the file, while it may be one JSON value
	)
	prefix := stem(name)
	for n := 1; ; n++ {
		line, tooLong, err := readLineInto(br, limit, buf)
		if err != nil && err != io.EOF {
			return Report{}, fmt.Errorf("codec: read %s: %w", name, err)
		}
		buf = line
		if n == 1 {
			// A BOM sits outside the JSON value, so dropping it changes no text.
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		switch {
		case tooLong:
			bad = append(bad, LineError{name, n, fmt.Sprintf("line is longer than %d MiB", limit>>20)})
		case !utf8.Valid(line):
			notUTF.add(n)
		case len(bytes.TrimSpace(line)) > 0:
			whole.add(n, line)
			doc, warns, reason := parseLine(line, format, unit, via)
			if reason == "" && claims.foreign(doc.Layer, n, "", `drop its "layer"`) {
				break
			}
			if reason == "" {
				reason = claims.admit(&doc, prefix, n)
			}
			if reason != "" {
				bad = append(bad, LineError{name, n, reason})
				break
			}
			for _, w := range warns {
				rep.Warnings = append(rep.Warnings, LineError{name, n, w})
			}
			docs++
			if err := fn(doc); err != nil {
				return Report{}, err
			}
		}
		if err == io.EOF {
			break
		}
	}
	if one := whole.refusal(name); len(bad) > 0 && one != nil && check.bad < 0 && notUTF.n == 0 {
		return rep, one
	}
	return rep, jsonLinesEnd(name, docs, bad, claims, check, notUTF)
}

// lineCount counts lines, keeping the first one's number.
type lineCount struct{ n, first int }

func (c *lineCount) add(line int) {
	if c.n == 0 {
		c.first = line
	}
	c.n++
}

// jsonLinesEnd is badLines for a JSON lines file, led by the error saying
// the file is not UTF-8 when it is not, which counts the lines left unread
// for it (notUTF) rather than list each.
func jsonLinesEnd(name string, docs int, bad Errors, claims *claims, check *textCheck, notUTF lineCount) error {
	if check.bad < 0 {
		return badLines(name, docs, bad, claims)
	}
	enc := LineError{File: name, Line: check.badAt, Reason: notUTF8(check.badB, check.bad)}
	more := notUTF.n
	if more > 0 && notUTF.first == check.badAt {
		more--
	}
	if more > 0 {
		enc.Reason += fmt.Sprintf("; %d more lines are not UTF-8 either", more)
	}
	// Among the bad lines, it keeps "holds no documents" from being said.
	return encodingFirst(badLines(name, docs, append(bad, enc), claims), enc)
}
