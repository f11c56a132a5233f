package components

import (
	"context"
	"fmt"
	"sort"
	"unicode/utf8"

	"hashiya/components/segment"
)

// textParagraph is a paragraph as Compare in the text numbers it: a line
// of the text that holds text, start to end in code points, its line
// break not counted.
type textParagraph struct{ Start, End int }

// textParagraphs are the lines of text holding text, in order: the
// paragraphs Compare.Paragraphs draws, cut as it cuts them, without any
// layer's spans.
func textParagraphs(text string) []textParagraph {
	var out []textParagraph
	for _, p := range segment.Cut(text, nil) {
		if len(p.Runs) == 0 {
			continue
		}
		last := p.Runs[len(p.Runs)-1]
		out = append(out, textParagraph{p.Start, last.Start + utf8.RuneCountInString(last.Text)})
	}
	return out
}

// pageNumbers gives each paragraph of sizes (in code points) the page of
// Compare in the text it falls on, from 1: a page ends before the
// paragraph that would take it past ComparePageRunes, holding one at
// least.
func pageNumbers(sizes []int) []int {
	out := make([]int, len(sizes))
	page, size := 0, 0
	for i, n := range sizes {
		if page == 0 || size > 0 && size+n > ComparePageRunes {
			page++
			size = 0
		}
		out[i] = page
		size += n
	}
	return out
}

// paragraphPage is the part of the paragraphs a page shows.
type paragraphPage struct {
	Paras                []CompareParagraph
	Number, Pages, Total int // Total: the paragraphs of every page
}

// paged cuts paras into pages of about ComparePageRunes code points and
// gives the one c.Page asks for (the last, past the end).
func (c Compare) paged(paras []CompareParagraph) paragraphPage {
	sizes := make([]int, len(paras))
	for i, p := range paras {
		sizes[i] = p.End - p.Start
	}
	var pages [][]CompareParagraph
	for i, n := range pageNumbers(sizes) {
		if n > len(pages) {
			pages = append(pages, nil)
		}
		pages[n-1] = append(pages[n-1], paras[i])
	}
	if len(pages) == 0 {
		return paragraphPage{Number: 1, Pages: 1}
	}
	n := min(max(c.Page, 1), len(pages))
	return paragraphPage{Paras: pages[n-1], Number: n, Pages: len(pages), Total: len(paras)}
}

// rangeText says which paragraphs a page shows: "Paragraphs 41–80 of 230".
func (pg paragraphPage) rangeText(ctx context.Context) string {
	if len(pg.Paras) == 0 {
		return ""
	}
	return Tf(ctx, "Paragraphs %s–%s of %s", thousands(pg.Paras[0].Number), thousands(pg.Paras[len(pg.Paras)-1].Number), thousands(pg.Total))
}

// inTextLinks are the links of rows to their paragraphs in Compare in
// the text, by each row's anchor; all are every row of the review, whose
// disputed ones, with the quotations whose layers name different
// speakers, decide which paragraphs the page draws open. The link
// names the page holding the paragraph, and asks for every paragraph
// when the row's is one where everyone agrees, which the page folds
// away by default.
func (r Review) inTextLinks(all, rows []ReviewRow) map[string]string {
	paras := textParagraphs(r.Doc.Text)
	if len(paras) == 0 {
		return nil
	}
	sizes := make([]int, len(paras))
	for i, p := range paras {
		sizes[i] = p.End - p.Start
	}
	pages := pageNumbers(sizes)
	// at is the paragraph a span starting at start is drawn from: the
	// first that ends after it (a span starting on a line break starts
	// in the next line).
	at := func(start int) int {
		return min(sort.Search(len(paras), func(i int) bool { return paras[i].End > start }), len(paras)-1)
	}
	disputed := make([]bool, len(paras))
	mark := func(start, end int) {
		for i := at(start); i < len(paras) && paras[i].Start < end; i++ {
			disputed[i] = true
		}
	}
	for _, row := range all {
		if row.Disputed {
			mark(row.Start, row.End)
		}
	}
	for place, says := range r.quoteSpeakers() {
		if speakerDisputed(says) {
			mark(place[0], place[1])
		}
	}
	links := make(map[string]string, len(rows))
	cmp := Compare{Review: r}
	for _, row := range rows {
		i := at(row.Start)
		links[row.Anchor()] = fmt.Sprintf("%s#p-%d", cmp.compareURL(!disputed[i], pages[i]), i+1)
	}
	return links
}
