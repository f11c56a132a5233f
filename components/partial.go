package components

import (
	"fmt"
	"strconv"
	"strings"

	"hashiya/components/segment"
	"hashiya/db"
)

// Range is a stretch of a document in code points, start inclusive, end
// exclusive: where a change was made.
type Range struct{ Start, End int }

// MaxRanges is the most ranges one partial redraw asks for; past it the
// page asks for the whole document.
const MaxRanges = 200

// ParseRanges reads "START-END,START-END" (the page's ?only=); "" is no
// range at all. It names the first piece that is not a range.
func ParseRanges(s string) ([]Range, error) {
	out := []Range{}
	if s == "" {
		return out, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) > MaxRanges {
		return nil, fmt.Errorf("%d ranges; at most %d", len(parts), MaxRanges)
	}
	for _, p := range parts {
		a, b, ok := strings.Cut(p, "-")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || start < 0 || end < start {
			return nil, fmt.Errorf("%q is not START-END in code points", p)
		}
		out = append(out, Range{start, end})
	}
	return out, nil
}

// touches reports whether start..end meets one of rs, ends included: a
// span ending where a change starts shares its boundary run.
func touches(rs []Range, start, end int) bool {
	for _, r := range rs {
		if start <= r.End && r.Start <= end {
			return true
		}
	}
	return false
}

// shownParagraphs are the paragraphs a view draws: all of them, or with
// Only set, those a change touches (their runs depend on no other span).
// Only those are cut, so redrawing a line of a book costs about a line.
func (a Annotation) shownParagraphs() []segment.Paragraph {
	if a.Only == nil {
		return a.paragraphs(nil)
	}
	return a.paragraphs(func(start, end int) bool { return touches(a.Only, start, end) })
}

// listedSpans are the spans the side list shows: all, or with Only set,
// those a change touches.
func (a Annotation) listedSpans() []db.Span {
	if a.Only == nil {
		return a.Layer.Spans
	}
	var out []db.Span
	for _, s := range a.Layer.Spans {
		if touches(a.Only, s.Start, s.End) {
			out = append(out, s)
		}
	}
	return out
}
