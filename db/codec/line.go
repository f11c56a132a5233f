package codec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"hashiya/offsets"
)

// maxProblems caps the reasons given for one line: enough to fix several
// things per run without a 10,000-span line drowning the report.
const maxProblems = 5

// The keys that hold spans, one per JSON shape.
var shapeKeys = []struct{ key, shape string }{
	{"spans", "native"},
	{"entities", "doccano-rel"},
	{"label", "doccano"},
}

// lineParser builds the Doc of one JSON line and collects what is wrong
// with it and what is merely worth a warning.
type lineParser struct {
	doc      Doc
	idx      *offsets.Index
	problems []string
	warnings []string
	byKey    map[spanKey]int // start, end, label -> index in doc.Spans
	spanNum  []int           // the number each of doc.Spans has in the file ("span 3")
	byRef    map[string]int  // span id in the file -> index in doc.Spans
	rels     map[Relation]bool
	// countsUTF16 is set when the line's spans count UTF-16 units; utf16
	// is the text's table between the two units, built when first needed
	// (see utf16Table).
	countsUTF16 bool
	utf16       *offsets.UTF16Table
	// doccanoShape is set for the doccano shapes, which name no offset
	// unit, nativeShape for native lines, which may; declared is the unit
	// a line names itself ("" when none). withText counts the spans whose
	// "text" was checked against the text, so whose unit is certain.
	doccanoShape bool
	nativeShape  bool
	declared     string
	withText     int
	// via is where the import was asked for, so a hint names its control.
	via Via
}

type spanKey struct {
	start, end int
	label      string
}

func (p *lineParser) fail(format string, args ...any) {
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

func (p *lineParser) warn(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf(format, args...))
}

// reason joins the line's problems into one LineError reason.
func (p *lineParser) reason() string {
	if len(p.problems) <= maxProblems {
		return strings.Join(p.problems, "; ")
	}
	more := len(p.problems) - maxProblems
	return fmt.Sprintf("%s; and %d more problems", strings.Join(p.problems[:maxProblems], "; "), more)
}

// parseLine reads one non-blank JSON line in the given format ("jsonl",
// "doccano" or "doccano-rel"), for an import asked for via. It returns
// the document, the warnings, and a non-empty reason if the line is bad.
func parseLine(line []byte, format, unit string, via Via) (Doc, []string, string) {
	// Checked on the raw bytes: encoding/json would silently turn invalid
	// UTF-8 into U+FFFD and the text would no longer be what the user gave.
	if bad := firstInvalidByte(line); bad >= 0 {
		return Doc{}, nil, fmt.Sprintf("line is not valid UTF-8: byte 0x%02x at byte offset %d", line[bad], bad)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return Doc{}, nil, "line is not a JSON object"
		}
		return Doc{}, nil, "line is not valid JSON (" + syntaxProblem(line, err) + ")"
	}
	line = bytes.TrimSpace(line)
	if fields == nil {
		return Doc{}, nil, "line is not a JSON object"
	}
	if esc := loneSurrogate(line); esc != "" {
		return Doc{}, nil, fmt.Sprintf("line holds the unpaired surrogate escape %s, which is not a Unicode character", esc)
	}
	if dup := DuplicateKey(line); dup != "" {
		return Doc{}, nil, dup + " (JSON keeps only one of them; keep the one you mean)"
	}
	p := &lineParser{byKey: map[spanKey]int{}, byRef: map[string]int{}, rels: map[Relation]bool{}, via: via}
	if !p.header(fields) {
		return Doc{}, nil, p.reason()
	}
	shape := p.shape(fields, format)
	p.doccanoShape = shape == "doccano" || shape == "doccano-rel"
	p.nativeShape = shape == "native"
	// The unit a line names wins; a doccano line that names none counts
	// in the unit the import asked for.
	p.countsUTF16 = p.declared == UnitUTF16 || p.declared == "" && p.doccanoShape && unit == UnitUTF16
	switch shape {
	case "native":
		p.native(fields)
	case "doccano":
		p.doccano(fields)
	case "doccano-rel":
		p.doccanoRel(fields)
	}
	if len(p.problems) > 0 {
		return Doc{}, nil, p.reason()
	}
	p.warnIfUTF16()
	p.warnSpans()
	p.warnMisnamed(fields)
	for _, f := range textFlags(p.doc.Text) {
		p.warn("%s", textFlagReason(f, false))
	}
	return p.doc, p.warnings, ""
}

// lineKeys are the keys a JSON line is read by, in any of its shapes.
var lineKeys = []string{"id", "text", "meta", "layer", "status", "offset_unit", "spans", "relations", "label", "entities"}

// warnMisnamed warns of a key that is one of lineKeys but for its case,
// or "labels": such a line imports, but without what the key holds (its
// spans, as often as not), which the importer would otherwise never see.
func (p *lineParser) warnMisnamed(f map[string]json.RawMessage) {
	for _, key := range slices.Sorted(maps.Keys(f)) {
		if slices.Contains(lineKeys, key) {
			continue
		}
		for _, known := range lineKeys {
			if strings.EqualFold(key, known) || key == known+"s" {
				p.warn("key %q is not read (did you mean %q?); the line is imported without it", key, known)
				break
			}
		}
	}
}

// header reads the fields every shape shares: text, id, layer, meta and
// offset_unit. It returns false when there is no text to check spans on.
func (p *lineParser) header(f map[string]json.RawMessage) bool {
	text, ok := stringValue(f["text"])
	if !ok {
		p.fail(`missing string "text"`)
		return false
	}
	if text == "" {
		p.fail(`"text" is empty`)
		return false
	}
	// A text of white space alone is as empty to a reader: nothing in it
	// to annotate, and blank-looking rows in every export.
	if strings.TrimSpace(text) == "" {
		p.fail(`"text" holds only white space`)
		return false
	}
	p.doc.Text = text
	if r, at, _ := forbiddenControl(text); at >= 0 {
		p.fail("%s", controlReason(r, at))
	}
	p.idx = offsets.NewIndex(text)
	id, present, err := refValue(f["id"])
	switch {
	case err != nil:
		p.fail(`"id" %v`, err)
	case present && id == "":
		p.fail(`"id" is empty`)
	}
	p.doc.ExternalID = id
	// The layer a line says it is, as exports write it: the import
	// refuses it unless it is the layer imported into (see claims).
	if raw := f["layer"]; !isNull(raw) {
		layer, ok := stringValue(raw)
		if !ok {
			p.fail(`"layer" must be a string naming a layer (gold or a user name), got %s`, short(raw))
		}
		p.doc.Layer = layer
	}
	// The status of the layer the line fills, as an export writes it: a
	// reviewed gold layer imported back is still reviewed.
	if raw := f["status"]; !isNull(raw) {
		status, ok := stringValue(raw)
		if !ok || !slices.Contains(LayerStatuses, status) {
			p.fail(`"status" %s is not one of %s`, short(raw), strings.Join(LayerStatuses, ", "))
		}
		p.doc.Status = status
	}
	meta, ok := objectValue(f["meta"])
	if !ok {
		p.fail(`"meta" must be a JSON object, got %s`, short(f["meta"]))
	}
	p.doc.Meta = meta
	// A line may name the unit its offsets count: code points, or UTF-16
	// units as JavaScript tools count. Bytes, or anything else, would put
	// spans on the wrong letters of Arabic or emoji text, so are refused.
	if raw, ok := f["offset_unit"]; ok {
		unit, _ := stringValue(raw)
		if CheckUnit(unit) != nil {
			p.fail(`offset_unit %s is not supported; want "codepoint" (Unicode code points, as Python str indexes) or "utf16" (UTF-16 units, as JavaScript string indexes)`, short(raw))
		}
		p.declared = unit
	}
	return true
}

// shape decides which JSON shape the line has. Two span keys on one line
// are refused: silently reading one and dropping the other would lose
// annotations. An explicit doccano format refuses lines of another shape
// for the same reason.
func (p *lineParser) shape(f map[string]json.RawMessage, format string) string {
	detected, key := "", ""
	for _, sk := range shapeKeys {
		if isNull(f[sk.key]) {
			continue
		}
		if detected != "" {
			p.fail("line has both %q and %q; a document holds its spans in one of them", key, sk.key)
			return ""
		}
		detected, key = sk.shape, sk.key
	}
	switch {
	case format == "jsonl" && detected == "":
		return "doccano" // text only, no spans
	case format == "jsonl":
		return detected
	case detected != "" && detected != format:
		p.fail("line has %q, which format %q does not read; use format \"jsonl\" or \"auto\"", key, format)
		return ""
	}
	return format
}

// syntaxProblem says briefly where and why a line is not JSON: the
// character the parser stopped at and its column (counted in characters
// from 1), without the parser's own terms ("in literal null").
func syntaxProblem(line []byte, err error) string {
	var se *json.SyntaxError
	if !errors.As(err, &se) || se.Offset <= 0 || int(se.Offset) > len(line) {
		return err.Error()
	}
	col := utf8.RuneCount(line[:se.Offset])
	if msg := se.Error(); strings.HasPrefix(msg, "invalid character ") {
		// The parser stopped on the byte before Offset and quotes that
		// byte alone, as if it were Latin-1 ('Ù' for the first byte of
		// م): name the whole character that starts there instead.
		at := int(se.Offset) - 1
		r, _ := utf8.DecodeRune(line[at:])
		what := strconv.QuoteRune(r)
		if r >= utf8.RuneSelf {
			what += fmt.Sprintf(" (U+%04X)", r)
		}
		return fmt.Sprintf("invalid character %s at column %d", what, utf8.RuneCount(line[:at])+1)
	}
	return fmt.Sprintf("it ends after column %d, before the JSON value is complete", col)
}

// warnSpans warns of each span the editor would refuse as new offsets:
// one holding only white space or invisible marks, or one splitting a
// grapheme cluster (a letter from its haraka, half a flag). Offsets that
// came with an import are kept as imported, so the span stays; the
// warning names it, for someone to look at before annotators build on it.
func (p *lineParser) warnSpans() {
	for i, sp := range p.doc.Spans {
		if why := unfitSpan(p.idx, sp, true); why != "" {
			p.warn("span %d (%s) at %d..%d %s; kept as imported", p.spanNum[i], sp.Label, sp.Start, sp.End, why)
		}
	}
}

// unfitSpan says why the editor would refuse sp's offsets as new ones,
// with the check the API runs (offsets.Index.CheckGraphemes, asked only
// where an end is not a clear cut: see splitsClusters), or "";
// blank too refuses a span of white space or invisible marks alone.
func unfitSpan(idx *offsets.Index, sp Span, blank bool) string {
	text, err := idx.Slice(sp.Start, sp.End)
	switch {
	case err != nil:
		return "" // the caller refuses offsets off the text
	case blank && strings.TrimFunc(text, isUnmarkable) == "":
		return fmt.Sprintf("holds only white space or invisible marks (%q)", text)
	}
	if err := splitsClusters(idx, sp.Start, sp.End); err != nil {
		return fmt.Sprintf("(%q): %v", text, err)
	}
	return ""
}

// isUnmarkable is true for what no one annotates on its own, as the editor
// reads it: white space and the invisible format marks (RLM, LRM, ALM,
// ZWJ, ZWNJ).
func isUnmarkable(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }
