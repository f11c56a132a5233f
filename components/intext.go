package components

import (
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

// inTextLinks are the links of rows to their paragraphs in Compare in
// the text, by each row's anchor; all are every row of the review, whose
// disputed ones decide which paragraphs the page draws open. The link
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
	for _, row := range all {
		if !row.Disputed {
			continue
		}
		for i := at(row.Start); i < len(paras) && paras[i].Start < row.End; i++ {
			disputed[i] = true
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
