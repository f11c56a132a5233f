package components

import (
	"strings"
	"testing"

	"hashiya/db"
)

// TestInTextParagraphsAreCompares: the paragraphs and pages a review row
// links to are those Compare in the text draws, whatever the line
// breaks (LF, CR LF, CR, blank lines) and however long the lines.
func TestInTextParagraphsAreCompares(t *testing.T) {
	var b strings.Builder
	breaks := []string{"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"}
	for i := range 60 {
		b.WriteString(strings.Repeat("نص 😀 ", 1+i*i*7%2900))
		b.WriteString(breaks[i%len(breaks)])
	}
	text := b.String()
	c := Compare{Review: Review{Doc: db.Document{Text: text}}}
	paras := c.Paragraphs()
	got := textParagraphs(text)
	if len(got) != len(paras) {
		t.Fatalf("%d paragraphs, Compare draws %d", len(got), len(paras))
	}
	sizes := make([]int, len(got))
	for i, p := range got {
		sizes[i] = p.End - p.Start
		if p.Start != paras[i].Start || p.End != paras[i].End {
			t.Errorf("paragraph %d is %d–%d, Compare's %d–%d", i+1, p.Start, p.End, paras[i].Start, paras[i].End)
		}
	}
	pages := pageNumbers(sizes)
	if pages[len(pages)-1] < 3 {
		t.Fatalf("the text takes %d pages; the test wants several", pages[len(pages)-1])
	}
	for i, n := range pages {
		c.Page = n
		pg := c.paged(paras)
		if first, last := pg.Paras[0].Number, pg.Paras[len(pg.Paras)-1].Number; i+1 < first || i+1 > last {
			t.Errorf("paragraph %d is put on page %d, which holds %d–%d", i+1, n, first, last)
		}
	}
}
