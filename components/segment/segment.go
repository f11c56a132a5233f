// Package segment cuts a document's text into paragraphs and
// non-overlapping runs, so overlapping and nested spans render without
// interleaved elements: each run knows every span that covers it.
package segment

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Span is what the renderer needs of a span; offsets are code points.
type Span struct {
	ID         int64
	Start, End int
	Label      string
}

// Run is a stretch of text covered by the same spans. Start is its code
// point offset in the document: the anchor the browser maps selections by.
type Run struct {
	Start  int
	Text   string
	Spans  []Span // covering spans, outermost (longest) first
	Starts []Span // spans that begin at this run (or on the line breaks just before it), outermost first
}

// Paragraph is one line of the text without its line break.
type Paragraph struct {
	Start int
	Runs  []Run
}

// Cut splits text at line breaks (LF, CR LF, CR) and at every span
// boundary. Spans may overlap, nest or cross paragraphs.
func Cut(text string, spans []Span) []Paragraph {
	return CutOnly(text, spans, nil)
}

// CutOnly is Cut for the paragraphs keep accepts, given each paragraph's
// first code point and the last of its line break (the text's length for
// the last paragraph); the others are skipped, not cut. A nil keep keeps
// every paragraph.
func CutOnly(text string, spans []Span, keep func(start, end int) bool) []Paragraph {
	rs := []rune(text)
	sorted := append([]Span(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End > sorted[j].End
	})
	cuts := map[int]bool{}
	for _, s := range sorted {
		cuts[s.Start], cuts[s.End] = true, true
	}
	c := &cover{rs: rs, spans: sorted}
	var paras []Paragraph
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && rs[i] != '\n' && rs[i] != '\r' {
			continue
		}
		end := i
		if i+1 < len(rs) && rs[i] == '\r' && rs[i+1] == '\n' {
			i++
		}
		if keep == nil || keep(start, i) {
			paras = append(paras, c.paragraph(start, end, cuts))
		}
		start = i + 1
	}
	return paras
}

// cover walks the runs of a text in order, keeping the spans that have
// begun and not ended, so each run looks at the spans around it rather
// than at every span before it.
type cover struct {
	rs    []rune
	spans []Span // by start, longest first
	next  int    // the first span not yet begun
	open  []Span // begun and not ended, in the order of spans
}

func (c *cover) paragraph(start, end int, cuts map[int]bool) Paragraph {
	p := Paragraph{Start: start}
	runStart := start
	for i := start + 1; i <= end; i++ {
		if i < end && !cuts[i] {
			continue
		}
		if i > runStart {
			p.Runs = append(p.Runs, c.run(runStart, i))
		}
		runStart = i
	}
	return p
}

// run is the stretch start..end, which no span boundary cuts; runs come
// in the order of the text.
func (c *cover) run(start, end int) Run {
	for c.next < len(c.spans) && c.spans[c.next].Start <= start {
		c.open = append(c.open, c.spans[c.next])
		c.next++
	}
	open := c.open[:0]
	for _, s := range c.open {
		if s.End > start {
			open = append(open, s)
		}
	}
	c.open = open
	r := Run{Start: start, Text: string(c.rs[start:end])}
	for _, s := range c.open {
		if s.End >= end {
			r.Spans = append(r.Spans, s)
			if s.Start == start || s.Start >= 0 && onlyBreaks(c.rs[s.Start:start]) {
				r.Starts = append(r.Starts, s)
			}
		}
	}
	// Outermost first: by length, longest first, stable on start order.
	sort.SliceStable(r.Spans, func(i, j int) bool { return r.Spans[i].End-r.Spans[i].Start > r.Spans[j].End-r.Spans[j].Start })
	sort.SliceStable(r.Starts, func(i, j int) bool { return r.Starts[i].End-r.Starts[i].Start > r.Starts[j].End-r.Starts[j].Start })
	return r
}

// onlyBreaks is true when rs is nothing but line breaks: a span starting on
// them (a drag from the end of a line) gets its label at the next run,
// since line breaks are in no run.
func onlyBreaks(rs []rune) bool {
	for _, r := range rs {
		if r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Style draws a run's spans with colour only, which keeps Arabic letters
// joined across run boundaries: the innermost span is a translucent
// background, each enclosing span an underline of its colour, stacked
// downwards, so an ORG inside a QUOTE shows both. The tint is a quarter of
// the label's colour over the white page, so whatever colour a manager
// picks, black included, the ink stays readable on it (8.9:1 at worst).
func Style(r Run, colors map[string]string) string {
	if len(r.Spans) == 0 {
		return ""
	}
	color := func(s Span) string { return SafeColor(colors[s.Label]) }
	inner := r.Spans[len(r.Spans)-1]
	var imgs, sizes, pos []string
	for i := range r.Spans {
		c := color(r.Spans[i])
		imgs = append(imgs, fmt.Sprintf("linear-gradient(%s,%s)", c, c))
		sizes = append(sizes, "100% 2px")
		pos = append(pos, fmt.Sprintf("0 calc(100%% - %dpx)", 3*(len(r.Spans)-1-i)))
	}
	return fmt.Sprintf("background-color:%s40;background-image:%s;background-size:%s;background-position:%s;background-repeat:no-repeat",
		color(inner), strings.Join(imgs, ","), strings.Join(sizes, ","), strings.Join(pos, ","))
}

// SafeColor passes a validated #rrggbb colour into a style attribute and
// replaces anything else with grey, so a label's colour never carries CSS.
func SafeColor(c string) string {
	if hexColor.MatchString(c) {
		return c
	}
	return "#888888"
}
