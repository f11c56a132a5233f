package codec

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// writeCoNLL writes d, already checked, in one call like the JSON formats,
// so a refused document leaves nothing behind. A document without tokens
// still gets its id line; import refuses it, as JSON import refuses an
// empty text.
func (w *Writer) writeCoNLL(d ExportDoc) error {
	if d.ExternalID == "" || strings.ContainsAny(d.ExternalID, "\r\n\u2028\u2029") {
		return fmt.Errorf("codec: document %q: conll needs an id without line breaks for its %q line", d.ExternalID, idPrefix)
	}
	runes := []rune(d.Text)
	toks := tokenize(runes, w.atWhitespace)
	cut := coverTokens(toks, d.Spans)
	w.buf.Reset()
	fmt.Fprintf(&w.buf, "%s %s\n", idPrefix, d.ExternalID)
	if w.Layers {
		fmt.Fprintf(&w.buf, "%s %s\n", layerPrefix, d.Layer)
	}
	unwritten := writeTokens(&w.buf, runes, toks, d.Spans)
	if len(toks) == 0 {
		w.buf.WriteByte('\n') // the blank line before the next document
	}
	if _, err := w.w.Write(w.buf.Bytes()); err != nil {
		return fmt.Errorf("codec: write document %q: %w", d.ExternalID, err)
	}
	if cut > 0 {
		w.warnings = append(w.warnings, fmt.Sprintf("document %s: %d tokens cut by span boundaries", d.ExternalID, cut))
	}
	if unwritten > 0 {
		w.warnings = append(w.warnings, fmt.Sprintf("document %s: %d spans not written (nested in a longer span or outvoted on their tokens)", d.ExternalID, unwritten))
	}
	if moved := movedSpans(runes, toks, d.Spans); len(moved) > 0 {
		named := moved[:min(len(moved), maxNamedSpans)]
		more := ""
		if len(moved) > len(named) {
			more = fmt.Sprintf("; and %d more", len(moved)-len(named))
		}
		w.warnings = append(w.warnings, fmt.Sprintf("document %s: %d spans written with another extent (a span crossing them took some of their tokens, or a token they cut is written whole): %s%s",
			d.ExternalID, len(moved), strings.Join(named, "; "), more))
	}
	return nil
}

// maxNamedSpans caps the spans one warning names: enough to find them,
// not a page per document.
const maxNamedSpans = 5

// movedSpans names each span the CoNLL tags give back with another
// extent: a B- tag and the I- tags after it are the span an import reads,
// so a span's runs of tokens are what comes back of it. A span crossing
// another (PER 0..10 over ORG 5..16) loses the tokens they share to the
// longer; one cutting a token (a clitic و before a name) comes back with
// the whole token. Spans no token carries are counted apart.
func movedSpans(runes []rune, toks []conllToken, spans []ExportSpan) []string {
	runs := make([][][2]int, len(spans)) // span -> its runs, start..end
	for i, t := range toks {
		if t.span < 0 {
			continue
		}
		r := runs[t.span]
		if i > 0 && toks[i-1].span == t.span {
			r[len(r)-1][1] = t.end
		} else {
			runs[t.span] = append(r, [2]int{t.start, t.end})
		}
	}
	var moved []string
	for i, sp := range spans {
		r := runs[i]
		if len(r) == 0 || len(r) == 1 && r[0] == [2]int{sp.Start, sp.End} {
			continue
		}
		as := make([]string, len(r))
		for j, run := range r {
			as[j] = fmt.Sprintf("%d..%d %q", run[0], run[1], string(runes[run[0]:run[1]]))
		}
		moved = append(moved, fmt.Sprintf("span %d %s %d..%d %q as %s", sp.ID, sp.Label, sp.Start, sp.End, string(runes[sp.Start:sp.End]), strings.Join(as, " and ")))
	}
	return moved
}

// Warnings lists what conll export could not say, per document: tokens a
// span boundary falls inside (a clitic such as و before a name), spans
// no token carries, and spans whose tags give back another extent; then,
// for the whole export, the relations and span attributes a format has
// no place for (doccano, doccano-rel and CoNLL; see formatLoss).
func (w *Writer) Warnings() []string {
	return append(w.warnings[:len(w.warnings):len(w.warnings)], w.lost.warnings(w.format)...)
}

// conllToken is a stretch of text in code points.
type conllToken struct {
	start, end int
	lineBreak  bool // the text breaks the line after the token
	terminal   bool // the token ends a run of sentence-final marks
	span       int  // index of the span whose tag it takes, or -1
}

// tokenize splits text on whitespace and splits off each punctuation mark
// as a token of its own, except ".", "," and ":" between digits (3.5,
// 1,000, 10:30), which stay in their number as ANERCorp writes them and
// as whole-word snapping keeps them (a date's "/" and "-" are no marks
// here at all), and the first
// hyphen of the word -DOCSTART-. A run such as `؟!»`
// (".", "؟", "?", "!" and the closing marks after them, see
// closesSentence) is terminal.
//
// atWhitespace (TokensAt's TokensWhitespace) splits on whitespace alone
// and ends sentences at line breaks alone, which gives a CoNLL file
// Hashiya imported (tokens joined by a space, sentences by a line break)
// back token for token: ANERCorp's `المقبل،` stays one token, as its
// published scores count it.
func tokenize(runes []rune, atWhitespace bool) []conllToken {
	var toks []conllToken
	start := -1
	flush := func(end int) {
		if start >= 0 {
			// A line "-DOCSTART- TAG" starts a document (CoNLL-2003's
			// marker): the word's first hyphen goes on a line of its own,
			// or the import would cut the document there and drop the word.
			if string(runes[start:end]) == docStart {
				toks = append(toks, conllToken{start: start, end: start + 1, span: -1})
				start++
			}
			toks = append(toks, conllToken{start: start, end: end, span: -1})
			start = -1
		}
	}
	for i, r := range runes {
		switch {
		case unicode.IsSpace(r):
			flush(i)
			if isLineBreak(r) && len(toks) > 0 {
				toks[len(toks)-1].lineBreak = true
			}
		case !atWhitespace && strings.ContainsRune(conllPunct, r) && !inNumber(runes, i):
			flush(i)
			toks = append(toks, conllToken{start: i, end: i + 1, span: -1})
		case start < 0:
			start = i
		}
	}
	flush(len(runes))
	if atWhitespace {
		return toks
	}
	// marksOn[i]: toks[i] and every token after it on its line are marks
	// a run may hold, so a quote there quotes nothing.
	marksOn := make([]bool, len(toks)+1)
	marksOn[len(toks)] = true
	for i := len(toks) - 1; i >= 0; i-- {
		marksOn[i] = isMark(runes, toks[i], runMarks+`"'`) && (toks[i].lineBreak || marksOn[i+1])
	}
	for i := 0; i < len(toks); i++ {
		if isMark(runes, toks[i], ".؟?!") {
			for i+1 < len(toks) && closesSentence(runes, toks[i], toks[i+1], marksOn[i+1]) {
				i++
			}
			toks[i].terminal = true
		}
	}
	return toks
}

// runMarks are the marks a terminal run holds after its first stop,
// ASCII quotes aside (see closesSentence).
const runMarks = ".؟?!»”)]"

// closesSentence reports whether next, after prev in a terminal run, is
// one more mark of the run: another stop, or a closing mark. An ASCII
// quote (" or ') may open as well as close, so it closes only touching
// the mark before it (`"انتهى."`) or followed by marks alone to the end of
// its line or the text (quotesNothing), where it opens nothing; after a
// space, with words after it on its line, it opens the next sentence's
// quotation. Import puts a space between every two tokens, so without the
// second rule an export imported and exported again would move a closing
// quote into a sentence of its own.
func closesSentence(runes []rune, prev, next conllToken, quotesNothing bool) bool {
	if isMark(runes, next, `"'`) {
		return next.start == prev.end || quotesNothing
	}
	return isMark(runes, next, runMarks)
}

const conllPunct = "،؛؟.,;:!?«»“”\"()[]"

func isLineBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

func inNumber(runes []rune, i int) bool {
	return (runes[i] == '.' || runes[i] == ',' || runes[i] == ':') && i > 0 && i+1 < len(runes) &&
		unicode.IsDigit(runes[i-1]) && unicode.IsDigit(runes[i+1])
}

// isMark is true for a one-rune token that is one of marks.
func isMark(runes []rune, t conllToken, marks string) bool {
	return t.end-t.start == 1 && strings.ContainsRune(marks, runes[t.start])
}

// coverTokens gives each token the span covering most of it; among spans
// covering it equally the longest (outermost) wins, then the first. A span
// wholly inside one token still claims it, so it is not lost. It returns
// how many tokens a span boundary cuts. Spans are swept in start order,
// so a document with many spans costs tokens times overlapping spans.
func coverTokens(toks []conllToken, spans []ExportSpan) (cut int) {
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(spans[a].Start, spans[b].Start), cmp.Compare(spans[b].End, spans[a].End))
	})
	var active []int // spans that may overlap this token and later ones
	next := 0
	for i, t := range toks {
		for ; next < len(order) && spans[order[next]].Start < t.end; next++ {
			active = append(active, order[next])
		}
		active = slices.DeleteFunc(active, func(s int) bool { return spans[s].End <= t.start })
		bestOver, bestLen, isCut := 0, 0, false
		for _, s := range active {
			sp := spans[s]
			over := min(t.end, sp.End) - max(t.start, sp.Start)
			if over > bestOver || (over == bestOver && over > 0 && sp.End-sp.Start > bestLen) {
				toks[i].span, bestOver, bestLen = s, over, sp.End-sp.Start
			}
			if over > 0 && (t.start < sp.Start && sp.Start < t.end || t.start < sp.End && sp.End < t.end) {
				isCut = true
			}
		}
		if isCut {
			cut++
		}
	}
	return cut
}

// writeTokens writes "TOKEN TAG" lines, a blank line after each sentence,
// and returns how many spans no token carries. A sentence ends at a line
// break of the text, after a terminal run, and at the end; a full stop or
// a line break inside an entity (سي.أن.أن, a quotation over two lines)
// ends none, or the span would come back in pieces.
func writeTokens(buf *bytes.Buffer, runes []rune, toks []conllToken, spans []ExportSpan) (unwritten int) {
	tagged := make([]bool, len(spans))
	prev := -1
	for i, t := range toks {
		buf.WriteString(string(runes[t.start:t.end]))
		switch {
		case t.span < 0:
			buf.WriteString(" O\n")
		case t.span == prev:
			fmt.Fprintf(buf, " I-%s\n", spans[t.span].Label)
		default:
			fmt.Fprintf(buf, " B-%s\n", spans[t.span].Label)
		}
		if t.span >= 0 {
			tagged[t.span] = true
		}
		prev = t.span
		last := i+1 == len(toks)
		if last || (t.lineBreak || t.terminal) && (t.span < 0 || toks[i+1].span != t.span) {
			buf.WriteByte('\n')
			prev = -1
		}
	}
	for _, ok := range tagged {
		if !ok {
			unwritten++
		}
	}
	return unwritten
}
