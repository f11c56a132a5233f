package agreement_test

import (
	"testing"

	"hashiya/components/agreement"
)

// TestCellSpansCountAsTheTable: every cell of the summed table and of
// each pair's, named in both orders, lists as many spans as it counts,
// over documents that list the three layers in different orders; each
// span names who said the row's label first.
func TestCellSpansCountAsTheTable(t *testing.T) {
	layers := confusionLayers()
	docs := [][]agreement.Layer{layers, {layers[2], layers[0], layers[1]}, {layers[1], layers[0]}}
	tally := func(cell *agreement.Cell) *agreement.Tally {
		var tl agreement.Tally
		if cell != nil {
			tl.ListCell(*cell)
		}
		for i, d := range docs {
			tl.Add(int64(i+1), "d", d)
		}
		return &tl
	}
	whole := tally(nil)
	tables := map[[2]string]agreement.Confusion{{}: whole.ConfusionOverall()}
	for _, pr := range [][2]string{{"layla", "karim"}, {"karim", "layla"}, {"rana", "layla"}, {"layla", "rana"}, {"karim", "rana"}} {
		c, ok := whole.Confusion(pr[0], pr[1])
		if !ok {
			t.Fatalf("%v has no table", pr)
		}
		tables[pr] = c
	}
	listed := 0
	for pr, c := range tables {
		names := append(c.Labels(), agreement.None)
		for _, x := range names {
			for _, y := range names {
				if x == agreement.None && y == agreement.None {
					continue
				}
				cell := agreement.Cell{A: pr[0], B: pr[1], Row: x, Col: y}
				spans := tally(&cell).CellSpans()
				if len(spans) != c.Count(x, y) {
					t.Errorf("%v %s/%s lists %d spans, counts %d", pr, orNone(x), orNone(y), len(spans), c.Count(x, y))
				}
				listed += len(spans)
				for _, s := range spans {
					if pr != [2]string{} && (s.First != pr[0] || s.Second != pr[1]) || s.First == s.Second {
						t.Errorf("%v %s/%s: a span of %s · %s", pr, orNone(x), orNone(y), s.First, s.Second)
					}
				}
			}
		}
	}
	if listed == 0 {
		t.Fatal("no cell listed a span")
	}

	// Summed, PER against ORG: layla said PER and karim ORG in all three
	// documents; rana said LOC. The side that said PER comes first.
	spans := tally(&agreement.Cell{Row: "PER", Col: "ORG"}).CellSpans()
	if len(spans) != 3 {
		t.Fatalf("PER/ORG: %+v", spans)
	}
	for i, s := range spans {
		if s.Doc != int64(i+1) || s.Start != 10 || s.End != 22 || s.First != "layla" || s.Second != "karim" {
			t.Errorf("PER/ORG span %d: %+v", i, s)
		}
	}
	// karim · layla, none against DATE: layla alone marked DATE.
	spans = tally(&agreement.Cell{A: "karim", B: "layla", Row: agreement.None, Col: "DATE"}).CellSpans()
	if len(spans) != 3 || spans[0].First != "karim" || spans[0].Second != "layla" || spans[0].Start != 80 {
		t.Errorf("karim · layla none/DATE: %+v", spans)
	}
}
