package codec

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxLine is the longest line (and the largest plain-text file) ParseFile
// reads: big enough for a book-length document on one line, small enough
// that one bad file cannot exhaust memory.
const maxLine = 64 << 20

// importFormats are the format names ParseFile accepts.
var importFormats = []string{"auto", "text", "text-lines", "jsonl", "doccano", "doccano-rel", "label-studio", "conll"}

// CheckImportFormat says why format is not one ParseFile reads, nil when it is.
func CheckImportFormat(format string) error {
	_, err := resolveFormat("", format)
	return err
}

// ParseFile reads one import file. format is "auto", "text", "text-lines",
// "jsonl", "doccano", "doccano-rel", "label-studio" or "conll". With "auto", a name
// ending in ".txt" is plain text, one ending in ".conll" is CoNLL (see
// eachCoNLL), one ending in ".json" a Label Studio export (see
// eachLabelStudio), and anything else is JSON lines whose shape is detected line by line from
// its keys ("spans": native, "entities": doccano-rel, else doccano);
// "jsonl" accepts all three JSON shapes too.
//
// It is all-or-nothing: if any line is bad it returns an Errors holding
// every bad line, with the documents it could read (JSON: those of the
// good lines; CoNLL: every document, its bad lines left out), which must
// not be stored but can be checked further (db's ImportParsed reports
// their unknown labels too, so one pass lists every bad line). Blank lines are
// skipped; a file with no documents is an error. Other errors (reading r)
// are returned as they are.
func ParseFile(r io.Reader, name, format string) ([]Doc, Report, error) {
	return parseFile(r, name, format, UnitCodePoint, GoldLayer, ViaAny, maxLine)
}

// ParseFileIn is ParseFile for a file whose doccano-shaped lines count
// offsets in unit (UnitCodePoint or UnitUTF16, doccano's own count); the
// spans it returns count code points. Native lines say their unit
// themselves, and only code points are accepted there.
func ParseFileIn(r io.Reader, name, format, unit string) ([]Doc, Report, error) {
	return ParseFileInto(r, name, format, unit, GoldLayer, ViaAny)
}

// ParseFileInto is ParseFileIn for an import into layer (GoldLayer or a
// user name). A document whose line names another layer (the native
// format's "layer", as an export writes it) is a bad line: an annotator's
// work must not pass for gold, nor gold for an annotator's. A refusal
// names the control of via, the way the import was asked for.
func ParseFileInto(r io.Reader, name, format, unit, layer string, via Via) ([]Doc, Report, error) {
	if err := CheckFileUnit(name, format, unit); err != nil {
		return nil, Report{}, fmt.Errorf("%s: %w", name, err)
	}
	return parseFile(r, name, format, unit, layer, via, maxLine)
}

// parseFile is ParseFileInto with the line limit as a parameter, so tests
// can exercise it without 64 MiB inputs.
func parseFile(r io.Reader, name, format, unit, layer string, via Via, limit int) ([]Doc, Report, error) {
	format, err := resolveFormat(name, format)
	if err != nil {
		return nil, Report{}, err
	}
	if format == "text" {
		return parseText(r, name, limit)
	}
	var docs []Doc
	rep, err := eachDoc(r, name, format, unit, layer, via, limit, func(d Doc) error {
		docs = append(docs, d)
		return nil
	})
	return docs, rep, err
}

// resolveFormat is the format a file of this name is read as: format
// itself, or for "auto" the one its name says (see ParseFile).
func resolveFormat(name, format string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case format == "auto" && ext == ".txt":
		return "text", nil
	case format == "auto" && ext == ".conll":
		return "conll", nil
	case format == "auto" && ext == ".json":
		return "label-studio", nil
	case format == "auto":
		return "jsonl", nil
	}
	for _, f := range importFormats {
		if f == format {
			return format, nil
		}
	}
	return "", fmt.Errorf("unknown import format %q; want one of %s", format, strings.Join(importFormats, ", "))
}

// stem is the file's base name without extension: the id of a plain-text
// document and the prefix of JSON documents that carry no id.
func stem(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if base == "" || base == "." || base == string(filepath.Separator) {
		return "doc"
	}
	return base
}

// parseText reads a whole plain-text file as one document, canonical.
func parseText(r io.Reader, name string, limit int) ([]Doc, Report, error) {
	raw, err := readPlainText(r, name, limit)
	if err != nil {
		return nil, Report{}, err
	}
	text, flags := Canonicalize(string(raw))
	if strings.TrimSpace(text) == "" {
		return nil, Report{}, Errors{{File: name, Line: 1, Reason: "file holds no text"}}
	}
	if r, at, byteOff := forbiddenControl(text); at >= 0 {
		// Canonical text ends its lines with LF alone, one for each of the file's line ends.
		line := 1 + strings.Count(text[:byteOff], "\n")
		return nil, Report{}, Errors{{File: name, Line: line, Reason: controlReason(r, at)}}
	}
	if err := fileNameID(name, stem(name)); err != nil {
		return nil, Report{}, err
	}
	var rep Report
	for _, f := range flags {
		rep.Warnings = append(rep.Warnings, LineError{File: name, Line: 1, Reason: textFlagReason(f, true)})
	}
	doc := Doc{Line: 1, ExternalID: stem(name), Text: text, Meta: emptyObject()}
	return []Doc{doc}, rep, nil
}

// fileNameID refuses a file whose name makes document ids the exports
// could not write back (a line break or white space at an end): plain
// text names its documents after the file.
func fileNameID(name, id string) error {
	if problem := idProblem(id); problem != "" {
		return Errors{{File: name, Line: 1, Reason: fmt.Sprintf("document id %q, made from the file name, %s: rename the file", id, problem)}}
	}
	return nil
}

// readPlainText reads a whole plain-text file, refusing one over limit,
// in UTF-16 or UTF-32 (see wideEncoding) or holding invalid UTF-8
// (naming the line of the first bad byte).
func readPlainText(r io.Reader, name string, limit int) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("codec: read %s: %w", name, err)
	}
	if len(raw) > limit {
		return nil, Errors{{File: name, Line: 1, Reason: fmt.Sprintf("file is larger than %d MiB", limit>>20)}}
	}
	if err := wideEncoding(name, raw); err != nil {
		return nil, err
	}
	if bad := firstInvalidByte(raw); bad >= 0 {
		return nil, Errors{{File: name, Line: 1 + lineEnds(raw[:bad]), Reason: notUTF8(raw[bad], int64(bad))}}
	}
	return raw, nil
}

// lineEnds counts the line ends of b: CRLF, LF or CR alone, as plain
// text import reads them.
func lineEnds(b []byte) int {
	return bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r")) - bytes.Count(b, []byte("\r\n"))
}

// textFlagReason words a flag for the report; canonical says whether the
// text was changed (plain text) or stored as given (JSON).
func textFlagReason(flag string, canonical bool) string {
	switch {
	case flag == flagBidi && canonical:
		return "text held bidi embedding/override/isolate controls; removed"
	case flag == flagBidi:
		return "text holds bidi embedding/override/isolate controls (kept as imported)"
	case flag == flagPresentation && canonical:
		return "text held Arabic presentation forms; mapped to letters"
	case flag == flagPresentation:
		return "text holds Arabic presentation forms (kept as imported)"
	default:
		return "text holds U+FFFD replacement characters: the source was probably decoded with the wrong encoding"
	}
}

// firstInvalidByte is the byte offset of the first byte that is not part
// of valid UTF-8, or -1.
func firstInvalidByte(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// badLines is the error ending the reading of a file that gave n
// documents: every bad line in line order, those of another layer
// included; nil when there is none.
func badLines(name string, n int, bad Errors, claims *claims) error {
	bad = append(bad, claims.layerErrors(name)...)
	slices.SortStableFunc(bad, func(a, b LineError) int { return a.Line - b.Line })
	if len(bad) == 0 && n == 0 {
		bad = append(bad, LineError{name, 1, "file holds no documents"})
	}
	if len(bad) > 0 {
		return bad
	}
	return nil
}

// readLine returns the next line without its newline. A line longer than
// limit is consumed to its end and reported as tooLong, so the lines
// after it keep their numbers and still get checked.
func readLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	return readLineInto(br, limit, nil)
}

// readLineInto is readLine into buf's storage, so a reader that keeps
// nothing of a line reuses one buffer for the whole file.
func readLineInto(br *bufio.Reader, limit int, buf []byte) (line []byte, tooLong bool, err error) {
	line = buf[:0]
	for {
		frag, err := br.ReadSlice('\n')
		frag = bytes.TrimSuffix(frag, []byte("\n"))
		if !tooLong && len(line)+len(frag) > limit {
			tooLong, line = true, nil
		}
		if !tooLong {
			line = append(line, frag...)
		}
		if err != bufio.ErrBufferFull {
			return line, tooLong, err
		}
	}
}
