package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"hashiya/offsets"
)

// exportFormats are the format names NewWriter accepts.
var exportFormats = []string{"jsonl", "doccano", "doccano-rel", "quotes", "conll", "label-studio"}

// ExportDoc is one document and layer as export writes it.
type ExportDoc struct {
	ExternalID string
	Text       string
	Meta       json.RawMessage
	Layer      string
	Status     string
	Spans      []ExportSpan
	Relations  []ExportRelation
}

// ExportSpan is one span of an exported layer; ID is the store's id.
type ExportSpan struct {
	ID         int64
	Start, End int // code points
	Label      string
	Attributes json.RawMessage
}

// ExportRelation links two ExportSpans by their IDs.
type ExportRelation struct {
	ID       int64
	Type     string
	From, To int64
}

// Writer writes ExportDocs in one format: JSON lines "jsonl" (native),
// "doccano", "doccano-rel" (one line per document) or "quotes" (one line
// per quotation), or "conll" (token per line, see conll.go).
type Writer struct {
	w      io.Writer
	format string
	buf    bytes.Buffer
	enc    *json.Encoder
	// Layers, set before the first Write when an export holds several
	// layers of a document, names each line's layer, so those lines stay
	// apart: a "layer" key after the id in doccano, doccano-rel and quotes
	// lines (native lines always carry it), a "# layer = NAME" line after
	// the id line in CoNLL.
	Layers bool
	// utf16 makes doccano and doccano-rel lines count offsets in UTF-16
	// units (see CountIn).
	utf16 bool
	// atWhitespace makes CoNLL tokens whitespace's alone (see TokensAt).
	atWhitespace bool
	// warnings are what a lossy format (conll) could not write; see Warnings.
	warnings []string
	// lost counts what the format has no place for (relations,
	// attributes), said once in Warnings.
	lost formatLoss
	// written counts the documents written, for the Label Studio array's
	// commas and brackets.
	written int
}

// NewWriter returns a Writer of format to w.
func NewWriter(w io.Writer, format string) (*Writer, error) {
	if !slices.Contains(exportFormats, format) {
		return nil, fmt.Errorf("unknown export format %q; want one of %s", format, strings.Join(exportFormats, ", "))
	}
	cw := &Writer{w: w, format: format}
	cw.enc = json.NewEncoder(&cw.buf)
	// Text is data, not HTML: "<" and "&" stay as they are so the file
	// reads the same in any tool.
	cw.enc.SetEscapeHTML(false)
	return cw, nil
}

// Write checks d and writes it as one line. Every span must hold
// (0 <= start < end <= len(text) in code points) and every relation must
// join spans of d; otherwise Write returns an error naming the document,
// the span or relation and the offsets, and writes nothing of d. The line
// is built in a buffer and written in one call for the same reason.
func (w *Writer) Write(d ExportDoc) error {
	texts, err := checkExport(d)
	if err != nil {
		return err
	}
	w.lost.tally(w.format, d)
	var lines []any
	switch w.format {
	case "conll":
		return w.writeCoNLL(d)
	case "jsonl":
		lines = []any{nativeLine(d, texts)}
	case "doccano":
		lines = []any{doccanoLine(w.counted(d), w.layer(d))}
	case "doccano-rel":
		lines = []any{doccanoRelLine(w.counted(d), w.layer(d))}
	case "label-studio":
		if w.Layers {
			return errLabelStudioLayers
		}
		lines = []any{labelStudioTask(d, texts)}
	default:
		lines = quoteLines(d, texts, w.layer(d))
	}
	w.buf.Reset()
	if w.format == "label-studio" && w.written == 0 {
		w.buf.WriteString("[\n")
	} else if w.format == "label-studio" {
		w.buf.WriteString(",")
	}
	for _, line := range lines {
		if err := w.enc.Encode(line); err != nil {
			return fmt.Errorf("codec: encode document %q: %w", d.ExternalID, err)
		}
	}
	if _, err := w.w.Write(w.buf.Bytes()); err != nil {
		return fmt.Errorf("codec: write document %q: %w", d.ExternalID, err)
	}
	w.written++
	return nil
}

// CountIn sets, before the first Write, the unit the doccano formats
// count offsets in: UnitCodePoint (the default, Python's str indexes) or
// UnitUTF16, as doccano itself reads them. The other formats count code
// points only and refuse UnitUTF16.
func (w *Writer) CountIn(unit string) error {
	if err := CheckUnit(unit); err != nil {
		return err
	}
	if unit == UnitUTF16 && w.format != "doccano" && w.format != "doccano-rel" {
		return fmt.Errorf("offsets in %s units are for the doccano formats; %s counts code points", UnitUTF16, w.format)
	}
	w.utf16 = unit == UnitUTF16
	return nil
}

// How CoNLL export cuts the text into tokens (TokensAt).
const (
	TokensWords      = "words"      // at whitespace and punctuation, sentences at stops too
	TokensWhitespace = "whitespace" // at whitespace alone, sentences at line breaks alone
)

// TokensAt says how a conll export cuts tokens: TokensWords, the
// default, splits punctuation off words and ends sentences after stops;
// TokensWhitespace splits at whitespace alone and ends sentences at line
// breaks alone, so a CoNLL file imported comes back token for token and
// its token-level scores stay comparable with published ones.
func (w *Writer) TokensAt(how string) error {
	switch {
	case how != TokensWords && how != TokensWhitespace:
		return fmt.Errorf("unknown tokens %q; want %s or %s", how, TokensWords, TokensWhitespace)
	case how == TokensWhitespace && w.format != "conll":
		return fmt.Errorf("tokens are cut for the conll format only, not %s", w.format)
	}
	w.atWhitespace = how == TokensWhitespace
	return nil
}

// counted is d with its spans' offsets in the unit the doccano lines
// count: d itself, or a copy in UTF-16 units.
func (w *Writer) counted(d ExportDoc) ExportDoc {
	if !w.utf16 {
		return d
	}
	table := offsets.NewUTF16Table(d.Text)
	spans := make([]ExportSpan, len(d.Spans))
	for i, sp := range d.Spans {
		sp.Start, sp.End = table.Units(sp.Start), table.Units(sp.End)
		spans[i] = sp
	}
	d.Spans = spans
	return d
}

// layer is the layer name a line of d carries: d's with Layers set, none
// otherwise (the key is left out).
func (w *Writer) layer(d ExportDoc) string {
	if w.Layers {
		return d.Layer
	}
	return ""
}

// checkExport verifies d before anything of it is written and returns
// each span's text, text[start:end] in code points.
func checkExport(d ExportDoc) ([]string, error) {
	// encoding/json would write invalid UTF-8 as U+FFFD: a different text.
	if !utf8.ValidString(d.Text) {
		return nil, fmt.Errorf("codec: document %q: text is not valid UTF-8", d.ExternalID)
	}
	idx := offsets.NewIndex(d.Text)
	texts := make([]string, len(d.Spans))
	ids := make(map[int64]bool, len(d.Spans))
	for i, sp := range d.Spans {
		t, err := idx.Slice(sp.Start, sp.End)
		if err != nil {
			return nil, fmt.Errorf("codec: document %q: span %d (%s): %w", d.ExternalID, sp.ID, sp.Label, err)
		}
		if ids[sp.ID] {
			return nil, fmt.Errorf("codec: document %q: span id %d repeated", d.ExternalID, sp.ID)
		}
		texts[i], ids[sp.ID] = t, true
	}
	for _, r := range d.Relations {
		if !ids[r.From] || !ids[r.To] {
			return nil, fmt.Errorf("codec: document %q: relation %d (%s) joins spans %d -> %d, not both in the document",
				d.ExternalID, r.ID, r.Type, r.From, r.To)
		}
	}
	return texts, nil
}

// orEmpty is "{}" for a missing JSON object, so consumers always find one.
func orEmpty(raw json.RawMessage) json.RawMessage {
	if len(bytes.TrimSpace(raw)) == 0 {
		return emptyObject()
	}
	return raw
}

// The line types below fix each format's key order.

type nativeDoc struct {
	ID         string           `json:"id"`
	Text       string           `json:"text"`
	Meta       json.RawMessage  `json:"meta"`
	Layer      string           `json:"layer"`
	Status     string           `json:"status"`
	OffsetUnit string           `json:"offset_unit"`
	Spans      []nativeSpan     `json:"spans"`
	Relations  []nativeRelation `json:"relations"`
}

type nativeSpan struct {
	ID         int64           `json:"id"`
	Start      int             `json:"start"`
	End        int             `json:"end"`
	Label      string          `json:"label"`
	Text       string          `json:"text"`
	Attributes json.RawMessage `json:"attributes"`
}

type nativeRelation struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
	From int64  `json:"from"`
	To   int64  `json:"to"`
}

func nativeLine(d ExportDoc, texts []string) nativeDoc {
	out := nativeDoc{ID: d.ExternalID, Text: d.Text, Meta: orEmpty(d.Meta), Layer: d.Layer, Status: d.Status,
		OffsetUnit: "codepoint", Spans: make([]nativeSpan, 0, len(d.Spans)), Relations: make([]nativeRelation, 0, len(d.Relations))}
	for i, sp := range d.Spans {
		out.Spans = append(out.Spans, nativeSpan{ID: sp.ID, Start: sp.Start, End: sp.End, Label: sp.Label,
			Text: texts[i], Attributes: orEmpty(sp.Attributes)})
	}
	for _, r := range d.Relations {
		out.Relations = append(out.Relations, nativeRelation(r))
	}
	return out
}

type doccanoDoc struct {
	ID    string   `json:"id"`
	Layer string   `json:"layer,omitempty"`
	Text  string   `json:"text"`
	Label [][3]any `json:"label"`
}

func doccanoLine(d ExportDoc, layer string) doccanoDoc {
	out := doccanoDoc{ID: d.ExternalID, Layer: layer, Text: d.Text, Label: make([][3]any, 0, len(d.Spans))}
	for _, sp := range d.Spans {
		out.Label = append(out.Label, [3]any{sp.Start, sp.End, sp.Label})
	}
	return out
}

type relDoc struct {
	ID        string        `json:"id"`
	Layer     string        `json:"layer,omitempty"`
	Text      string        `json:"text"`
	Entities  []relEntity   `json:"entities"`
	Relations []relRelation `json:"relations"`
}

type relEntity struct {
	ID          int64  `json:"id"`
	StartOffset int    `json:"start_offset"`
	EndOffset   int    `json:"end_offset"`
	Label       string `json:"label"`
}

type relRelation struct {
	ID     int64  `json:"id"`
	FromID int64  `json:"from_id"`
	ToID   int64  `json:"to_id"`
	Type   string `json:"type"`
}

func doccanoRelLine(d ExportDoc, layer string) relDoc {
	out := relDoc{ID: d.ExternalID, Layer: layer, Text: d.Text, Entities: make([]relEntity, 0, len(d.Spans)),
		Relations: make([]relRelation, 0, len(d.Relations))}
	for _, sp := range d.Spans {
		out.Entities = append(out.Entities, relEntity{ID: sp.ID, StartOffset: sp.Start, EndOffset: sp.End, Label: sp.Label})
	}
	for _, r := range d.Relations {
		out.Relations = append(out.Relations, relRelation{ID: r.ID, FromID: r.From, ToID: r.To, Type: r.Type})
	}
	return out
}

// MediaType is the content type and file extension an export in format is
// served under: CoNLL is plain text, every other format JSON lines.
func MediaType(format string) (contentType, ext string) {
	switch format {
	case "conll":
		return "text/plain; charset=utf-8", "conll"
	case "label-studio":
		return "application/json; charset=utf-8", "json"
	}
	return "application/x-ndjson; charset=utf-8", "jsonl"
}
