package codec

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// CoNLL is token per line, "TOKEN TAG" with BIO tags (B-PER, I-PER, O),
// and a blank line after each sentence. A document starts with the comment
// line "# id = EXTERNAL_ID" (so every document but the first follows a
// blank line); CoNLL has no standard document marker and CoNLL-U's comment
// syntax is the one tools already skip or read.
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

// parseCoNLL reads a CoNLL file. Tokens before any "# id = " line form a
// document named after the file (stem), so a plain CoNLL corpus is one
// document. A tag I-X that does not continue an X span starts one, as
// seqeval's lenient mode reads it.
func parseCoNLL(r io.Reader, name, layer string, limit int) ([]Doc, Report, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	p := &conllParser{name: name, claims: newClaims(layer)}
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, limit)
		if err != nil && err != io.EOF {
			return nil, Report{}, fmt.Errorf("codec: read %s: %w", name, err)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if tooLong {
			p.fail(n, "line is longer than %d MiB", limit>>20)
		} else {
			p.line(n, line)
		}
		if err == io.EOF {
			break
		}
	}
	p.finishDoc()
	// Every document read, its bad lines left out, so its labels can
	// still be checked against the project (each span names its line).
	return finish(name, p.docs, p.rep, p.bad, p.claims)
}

// conllParser collects every bad line before deciding, as JSON import does.
type conllParser struct {
	name   string
	docs   []Doc
	cur    *conllDoc
	claims *claims
	rep    Report
	bad    Errors
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

// token reads "TOKEN TAG": the tag is the last field. A line with leading
// blanks has an empty token: ANERCorp has five, tagged O, and they are
// dropped with a warning since no text holds them; an empty token inside
// an entity is an error. A token holding a space (ANERCorp has one, with
// RLM marks around a number) is kept whole, so no character is lost.
func (p *conllParser) token(n int, s string) {
	cut := strings.LastIndexAny(s, " \t")
	if cut < 0 {
		p.fail(n, `want "TOKEN TAG" separated by a space or TAB, got the single field %q`, s)
		return
	}
	token, tag := strings.Trim(s[:cut], " \t"), s[cut+1:]
	if !isBIOTag(tag) {
		p.fail(n, `want "TOKEN TAG": tag %q is not O, B-LABEL or I-LABEL (the line has %d fields)`, tag, len(strings.FieldsFunc(s, isBlank)))
		return
	}
	if p.cur == nil {
		p.startDoc(n, stem(p.name))
	}
	switch {
	case token == "" && tag != "O":
		p.fail(n, "empty token tagged %s: an entity cannot cover no text", tag)
	case token == "":
		p.warn(n, "empty token (tag O) dropped")
		p.cur.open = -1
	default:
		if r, at, _ := forbiddenControl(token); at >= 0 {
			p.fail(n, "token %q: %s", token, controlReason(r, p.cur.nextStart()+at))
			p.cur.open = -1
			return
		}
		if strings.ContainsFunc(token, isBlank) {
			p.warn(n, "token %q holds a space or TAB; kept whole", token)
		}
		p.cur.add(n, token, tag)
	}
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
	p.docs = append(p.docs, c.Doc)
}

// conllDoc is a document being rebuilt from its tokens.
type conllDoc struct {
	Doc
	layerLine   int // the line of "# layer =", if any
	text        strings.Builder
	n           int // code points in text
	newSentence bool
	open        int // index in Spans of the span the last token is in, or -1
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
