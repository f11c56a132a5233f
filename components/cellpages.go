package components

import (
	"context"
	"fmt"
	"sort"

	"hashiya/components/agreement"
	"hashiya/db"
)

// CellPageSpans is how many spans a page of a cell's list shows: as many
// rows as a review page (ReviewPageRows), each drawn with the words
// around it, so a page is as quick to load and lay out as the review's,
// and a reviewer meets one page size on both.
const CellPageSpans = ReviewPageRows

// Pages is how many pages the list takes: 1 at least, an empty cell's
// page saying it is empty.
func (v ConfusionSpansView) Pages() int {
	return max(1, (len(v.Spans)+CellPageSpans-1)/CellPageSpans)
}

// pageFirst is the index of the page's first span in Spans.
func (v ConfusionSpansView) pageFirst() int {
	return min((max(v.Page, 1)-1)*CellPageSpans, len(v.Spans))
}

// pageSpans are the spans the page shows.
func (v ConfusionSpansView) pageSpans() []agreement.CellSpan {
	first := v.pageFirst()
	return v.Spans[first:min(first+CellPageSpans, len(v.Spans))]
}

// paged is true when the list is longer than a page.
func (v ConfusionSpansView) paged() bool { return len(v.Spans) > CellPageSpans }

// rangeText says which spans the page shows: "Spans 201–400 of 1,234".
func (v ConfusionSpansView) rangeText(ctx context.Context) string {
	first := v.pageFirst()
	return Tf(ctx, "Spans %s–%s of %s", thousands(first+1), thousands(first+len(v.pageSpans())), thousands(len(v.Spans)))
}

// pageURL is page n of the cell's list, landing on its pager.
func (v ConfusionSpansView) pageURL(n int) string {
	u := cellURL(v.Project.ID, v.Cell)
	if n > 1 {
		u += fmt.Sprintf("&page=%d", n)
	}
	return u + "#cell-pages"
}

// cellRow is a span of a cell as the page draws it: the words around
// it, its line's direction, as the review draws its rows, and Compare in
// the text at its paragraph.
type cellRow struct {
	agreement.CellSpan
	Before, Text, After, Dir string
	Compare                  string
}

// rows are the page's spans as it draws them.
func (v ConfusionSpansView) rows() []cellRow {
	texts := map[int64]*textAround{}
	places := map[int64]*textPlaces{}
	spans := v.pageSpans()
	out := make([]cellRow, 0, len(spans))
	for _, s := range spans {
		t := texts[s.Doc]
		if t == nil {
			t, places[s.Doc] = newTextAround(v.Texts[s.Doc]), newTextPlaces(v.Texts[s.Doc])
			texts[s.Doc] = t
		}
		row := cellRow{CellSpan: s, Dir: "auto"}
		if s.End <= len(t.text) && s.Start < s.End {
			row.Before, row.Text, row.After = contextBefore(t.text, s.Start), string(t.text[s.Start:s.End]), contextAfter(t.text, s.End)
			row.Dir = t.lineDir(s.Start)
			row.Compare = places[s.Doc].compareURL(s.Doc, s.Start, v.Cell.Row == v.Cell.Col)
		}
		out = append(out, row)
	}
	return out
}

// textPlaces are a text's paragraphs as Compare in the text numbers
// them, and the page each is on.
type textPlaces struct {
	paras []textParagraph
	pages []int
}

func newTextPlaces(text string) *textPlaces {
	p := &textPlaces{paras: textParagraphs(text)}
	sizes := make([]int, len(p.paras))
	for i, para := range p.paras {
		sizes[i] = para.End - para.Start
	}
	p.pages = pageNumbers(sizes)
	return p
}

// compareURL opens Compare in the text of document doc at the paragraph
// a span starting at start is drawn in (the first ending after it, as
// the review's "in the text" finds it), on its page. all draws every
// paragraph open: a span both sides labelled alike (a cell on the
// diagonal) may be on a paragraph everyone agrees on, which the page
// folds away otherwise; a span the sides labelled differently is
// disputed, so its paragraph is drawn open anyway.
func (p *textPlaces) compareURL(doc int64, start int, all bool) string {
	if len(p.paras) == 0 {
		return ""
	}
	i := min(sort.Search(len(p.paras), func(i int) bool { return p.paras[i].End > start }), len(p.paras)-1)
	return fmt.Sprintf("%s#p-%d", Compare{Review: Review{Doc: db.Document{ID: doc}}}.compareURL(all, p.pages[i]), i+1)
}
