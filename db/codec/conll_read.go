package codec

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"hashiya/offsets"
)

// CoNLL is token per line, "TOKEN TAG" with BIO tags (B-PER, I-PER, O),
// and a blank line after each sentence. A document starts with the comment
// line "# id = EXTERNAL_ID" (so every document but the first follows a
// blank line); CoNLL has no standard document marker and CoNLL-U's comment
// syntax is the one tools already skip or read. CoNLL-2003's own marker,
// a "-DOCSTART-" line, starts a document too, and its four columns
// ("EU NNP B-NP B-ORG") are read as its tools read them: token first,
// tag last.
//
// The format keeps tokens, not spacing: import joins tokens with one space
// and sentences with "\n", and export loses the text's own spacing, nested
// spans (the outermost one wins) and span ends inside a token.

// idPrefix starts a document's comment line, and layerPrefix the line
// after it naming the layer in an export of several layers, which must be
// the layer imported into. Only these comments are special: "# O" is the
// token "#" and must stay one.
const (
	idPrefix    = "# id ="
	layerPrefix = "# layer ="
)

// eachCoNLL reads a CoNLL file, handing each document to fn as soon as
// its last line is read. Tokens before any "# id = " line form a
// document named after the file (stem), so a plain CoNLL corpus is one
// document. A tag I-X that does not continue an X span starts one, as
// seqeval's lenient mode reads it. The file is read twice (see
// rereadable): its column count is the one most of its token lines have,
// known only at its end, and a document's lines are read by it. A file
// that is not UTF-8 is refused with one error, before any document.
func eachCoNLL(r io.Reader, name, layer string, via Via, limit int, fn func(Doc) error) (Report, error) {
	rs, start, err := rereadable(r, name, -1)
	if err != nil {
		return Report{}, err
	}
	var votes columnVotes
	check := newTextCheck(rs, false)
	if err := eachCoNLLLine(check, name, limit, votes.add); err != nil {
		return Report{}, err
	}
	// A file not UTF-8 is refused for that alone: read on, its tokens
	// would be bad lines and its documents empty for want of them.
	if check.bad >= 0 {
		return Report{}, Errors{{File: name, Line: check.badAt, Reason: notUTF8(check.badB, check.bad)}}
	}
	if err := rewind(rs, start, name); err != nil {
		return Report{}, err
	}
	p := &conllParser{name: name, claims: newClaims(layer, via), emit: fn}
	p.columns, p.columnsLine = votes.count()
	err = eachCoNLLLine(rs, name, limit, func(n int, line []byte) error {
		if line == nil {
			p.fail(n, "line is longer than %d MiB", limit>>20)
		} else {
			p.line(n, line)
		}
		return p.err
	})
	if err == nil {
		p.finishDoc()
		err = p.err
	}
	if err != nil {
		return Report{}, err
	}
	// Every document read, its bad lines left out, so its labels can
	// still be checked against the project (each span names its line).
	return p.rep, badLines(name, p.docs, p.bad, p.claims)
}

// eachCoNLLLine hands fn each line of a CoNLL file with its number: nil
// for a line longer than limit, its bytes valid only until the next.
func eachCoNLLLine(r io.Reader, name string, limit int, fn func(n int, line []byte) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	for n := 1; ; n++ {
		line, tooLong, err := readLineInto(br, limit, buf)
		if err != nil && err != io.EOF {
			return fmt.Errorf("codec: read %s: %w", name, err)
		}
		buf = line
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if tooLong {
			line = nil
		} else if line == nil {
			line = []byte{}
		}
		if fnErr := fn(n, line); fnErr != nil {
			return fnErr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// conllParser collects every bad line before deciding, as JSON import does.
type conllParser struct {
	name   string
	emit   func(Doc) error // given each document once read
	err    error           // the first error emit returned
	docs   int             // documents given to emit
	cur    *conllDoc
	claims *claims
	rep    Report
	bad    Errors
	// columns is the file's column count (see columnCount), first
	// seen on columnsLine.
	columns, columnsLine int
}

func (p *conllParser) fail(n int, format string, args ...any) {
	p.bad = append(p.bad, LineError{p.name, n, fmt.Sprintf(format, args...)})
}

func (p *conllParser) warn(n int, format string, args ...any) {
	p.rep.Warnings = append(p.rep.Warnings, LineError{p.name, n, fmt.Sprintf(format, args...)})
}

func (p *conllParser) line(n int, raw []byte) {
	if bad := firstInvalidByte(raw); bad >= 0 {
		p.fail(n, "line is not valid UTF-8: byte 0x%02x at byte offset %d", raw[bad], bad)
		return
	}
	s := strings.TrimRight(string(raw), " \t\r")
	switch {
	case s == "":
		if p.cur != nil {
			p.cur.endSentence()
		}
	case strings.HasPrefix(s, idPrefix):
		p.startDoc(n, strings.TrimSpace(s[len(idPrefix):]))
	case strings.HasPrefix(s, layerPrefix):
		if p.cur != nil {
			p.cur.Layer, p.cur.layerLine = strings.TrimSpace(s[len(layerPrefix):]), n
		}
	default:
		p.token(n, s)
	}
}

// docStart is CoNLL-2003's document marker, "-DOCSTART- -X- -X- O".
const docStart = "-DOCSTART-"

// token reads a token line. A file of two columns is "TOKEN TAG": the tag
// is the last field and the token all before it. A line with leading
// blanks has an empty token: ANERCorp has five, tagged O, and they are
// dropped with a warning since no text holds them; an empty token inside
// an entity is an error. A token holding white space (ANERCorp has one,
// a space with RLM marks around a number; U+00A0 in 12 000) is kept
// whole, so no character is lost, with a warning.
//
// A file of more columns (CoNLL-2003's "EU NNP B-NP B-ORG") is read as
// CoNLL tools read it: the token is the first column, the tag the last,
// the columns between are left out; its first token line fixes the count.
func (p *conllParser) token(n int, s string) {
	fields := strings.FieldsFunc(s, isBlank)
	if fields[0] == docStart && !isBlank(rune(s[0])) {
		p.newDocument(n)
		return
	}
	cut := strings.LastIndexAny(s, " \t")
	if cut < 0 {
		p.fail(n, `want "TOKEN TAG" separated by a space or TAB, got the single field %q`, s)
		return
	}
	token, tag := strings.Trim(s[:cut], " \t"), s[cut+1:]
	if !isBIOTag(tag) {
		p.fail(n, `want "TOKEN TAG": tag %q is not O, B-LABEL or I-LABEL (the line has %d fields)`, tag, len(fields))
		return
	}
	if p.columns > 2 && n == p.columnsLine {
		p.warn(n, "the file has %d columns: the token is the first and the tag the last; the %d between are not imported", p.columns, p.columns-2)
	}
	if p.columns > 2 {
		if len(fields) != p.columns || isBlank(rune(s[0])) {
			p.fail(n, "want %d columns, token first and tag last, as line %d has; got %d", p.columns, p.columnsLine, len(fields))
			return
		}
		token = fields[0]
	}
	if p.cur == nil {
		p.startDoc(n, stem(p.name))
	}
	// A token of white space alone (U+00A0, U+2000) is as empty: no
	// export could write it back, as tokens end at white space.
	blank := strings.TrimFunc(token, unicode.IsSpace) == ""
	switch {
	case token == "" && tag != "O":
		p.fail(n, "empty token tagged %s: an entity cannot cover no text", tag)
	case blank && tag != "O":
		p.fail(n, "token %q is white space alone, tagged %s: an entity cannot cover no text", token, tag)
	case token == "":
		p.warn(n, "empty token (tag O) dropped")
		p.cur.open = -1
	case blank:
		p.warn(n, "token %q is white space alone (tag O); dropped", token)
		p.cur.open = -1
	default:
		if r, at, _ := forbiddenControl(token); at >= 0 {
			p.fail(n, "token %q: %s", token, controlReason(r, p.cur.nextStart()+at))
			p.cur.open = -1
			return
		}
		// Any white space, not only ASCII's: an export splits tokens at
		// U+00A0 and U+2009 as at a space, so the token would not come back.
		if at := strings.IndexFunc(token, unicode.IsSpace); at >= 0 {
			r, _ := utf8.DecodeRuneInString(token[at:])
			p.warn(n, "token %q holds white space (U+%04X); kept whole, though an export splits it there", token, r)
		}
		p.cur.add(n, token, tag)
	}
}

// newDocument starts the document a "-DOCSTART-" line on line n marks,
// named FILE_STEM-n. A document that has no token yet (just named by
// "# id =", or an earlier "-DOCSTART-") is the one it marks.
func (p *conllParser) newDocument(n int) {
	if p.cur != nil && p.cur.n == 0 {
		return
	}
	p.startDoc(n, fmt.Sprintf("%s-%d", stem(p.name), n))
	p.cur.marked = true
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' }

func isBIOTag(tag string) bool {
	return tag == "O" || (len(tag) > 2 && (strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-")))
}

func (p *conllParser) startDoc(n int, id string) {
	p.finishDoc()
	p.cur = &conllDoc{Doc: Doc{Line: n, ExternalID: id, Meta: emptyObject()}, open: -1}
}

func (p *conllParser) finishDoc() {
	c := p.cur
	if c == nil {
		return
	}
	p.cur = nil
	if c.n == 0 && c.marked {
		return // "-DOCSTART-" with nothing after it: nothing to keep
	}
	if c.n == 0 {
		p.fail(c.Line, "document %q holds no tokens", c.ExternalID)
		return
	}
	// Its id is taken once its layer is known: the lines of another
	// layer's copy of a document are refused for that, not as a duplicate.
	if p.claims.foreign(c.Layer, c.layerLine, "", `drop its "# layer =" line`) {
		return
	}
	if reason := p.claims.claim(c.ExternalID, c.Line); reason != "" {
		p.fail(c.Line, "%s", reason)
	}
	c.Text = c.text.String()
	// Tokens are stored as given, like JSON text: they carry tags, and
	// the user may compare them with the source file.
	for _, f := range textFlags(c.Text) {
		p.warn(c.Line, "%s", textFlagReason(f, false))
	}
	// A token starting with a mark joins it to the space before it: a
	// span from there splits a grapheme cluster, as JSON offsets may. A
	// token of marks alone (RLM) is the source's, and kept unwarned.
	idx := offsets.NewIndex(c.Text)
	for _, sp := range c.Spans {
		if why := unfitSpan(idx, sp, false); why != "" {
			p.warn(cmp.Or(sp.Line, c.Line), "span %s at %d..%d %s; kept as imported", sp.Label, sp.Start, sp.End, why)
		}
	}
	p.docs++
	if p.err == nil {
		p.err = p.emit(c.Doc)
	}
}

// conllDoc is a document being rebuilt from its tokens.
type conllDoc struct {
	Doc
	layerLine   int // the line of "# layer =", if any
	text        strings.Builder
	n           int // code points in text
	newSentence bool
	marked      bool // started by a "-DOCSTART-" line
	open        int  // index in Spans of the span the last token is in, or -1
}

// nextStart is the code point offset the next token will start at.
func (c *conllDoc) nextStart() int {
	if c.n > 0 {
		return c.n + 1 // after the space or line break before it
	}
	return 0
}

// add appends a token read on line n with its tag.
func (c *conllDoc) add(n int, token, tag string) {
	if c.n > 0 { // tokens are never empty: the text is empty only before the first
		sep := byte(' ')
		if c.newSentence {
			sep = '\n'
		}
		c.text.WriteByte(sep)
		c.n++
	}
	start := c.n
	c.text.WriteString(token)
	c.n += utf8.RuneCountInString(token)
	c.newSentence = false
	if tag == "O" {
		c.open = -1
		return
	}
	label := tag[2:]
	if tag[0] == 'I' && c.open >= 0 && c.Spans[c.open].Label == label {
		c.Spans[c.open].End = c.n
		return
	}
	c.Spans = append(c.Spans, Span{Start: start, End: c.n, Label: label, Attributes: emptyObject(), Line: n})
	c.open = len(c.Spans) - 1
}

// endSentence closes the open span: an entity never runs across sentences.
func (c *conllDoc) endSentence() {
	c.newSentence, c.open = true, -1
}
