package suggest

import (
	"maps"
	"os"
	"slices"
	"testing"
)

// devSets are the gold sets whose errors may be read to make rules; the
// held-out set is never among them.
var devSets = []string{"quotes-dev.json", "quotes-dev2.json", "quotes-dev3.json", "quotes-dev4.json", "quotes-dev5.json"}

// TestDevQuoteExtents lists, with HASHIYA_DEV_EXTENTS=1, every predicted
// QUOTE that overlaps a gold quotation without equalling it, with the
// words around both ends, so the boundary rules can be read off the dev
// sets' errors. It counts, over the dev sets, how many such pairs start
// or end at the wrong place, which is what the boundary rules lower.
func TestDevQuoteExtents(t *testing.T) {
	show := os.Getenv("HASHIYA_DEV_EXTENTS") != ""
	var wrongStart, wrongEnd int
	for _, name := range devSets {
		g, texts := loadGoldSet(t, name)
		byDoc := map[string][]goldQuote{}
		for _, q := range g.Quotes {
			byDoc[q.Doc] = append(byDoc[q.Doc], q.goldQuote)
		}
		for _, id := range slices.Sorted(maps.Keys(texts)) {
			rs := []rune(texts[id])
			p := predict(Suggest(texts[id], nil, Options{}))
			for _, gq := range byDoc[id] {
				for q := range p.quotes {
					if q == gq.Quote || !q.overlaps(gq.Quote) {
						continue
					}
					if q[0] != gq.Quote[0] {
						wrongStart++
					}
					if q[1] != gq.Quote[1] {
						wrongEnd++
					}
					if show {
						t.Logf("%s %s %s gold %v pred %v\n  start gold [%s] pred [%s]\n  end   gold [%s] pred [%s]",
							name, id, gq.Type, gq.Quote, q, around(rs, gq.Quote[0]), around(rs, q[0]),
							around(rs, gq.Quote[1]), around(rs, q[1]))
					}
				}
			}
		}
	}
	t.Logf("dev sets: %d predicted quotations start and %d end elsewhere than the gold one they overlap", wrongStart, wrongEnd)
}

// around shows the text on both sides of pos, with | at pos.
func around(rs []rune, pos int) string {
	from, to := max(pos-30, 0), min(pos+30, len(rs))
	return string(rs[from:pos]) + "|" + string(rs[pos:to])
}
