package agreement_test

import (
	"math"
	"reflect"
	"testing"

	"hashiya/components/agreement"
)

func ext(start, end int) *agreement.Extent { return &agreement.Extent{Start: start, End: end} }

func quote(typ string, speaker, cue *agreement.Extent, segs ...int) agreement.Quote {
	q := agreement.Quote{Type: typ, Speaker: speaker, Cue: cue}
	for i := 0; i+1 < len(segs); i += 2 {
		q.Segments = append(q.Segments, agreement.Extent{Start: segs[i], End: segs[i+1]})
	}
	return q
}

// TestCompareQuotes: quotations are counted by exact extent, and their
// attribution compared on every pair of quotations that overlap.
func TestCompareQuotes(t *testing.T) {
	nuaman, spokesman := ext(10, 22), ext(0, 22) // a name, and the name with its title
	qal, adaf := ext(30, 34), ext(80, 85)
	layla := []agreement.Quote{
		quote("direct", nuaman, qal, 40, 70),             // karim: same quotation, same speaker and cue
		quote("direct", nuaman, adaf, 90, 100, 110, 130), // karim: one segment only; other speaker extent
		quote("indirect", nil, nil, 200, 240),            // karim: speaker not in the text; layla gave none
		quote("indirect", nuaman, nil, 300, 320),         // only layla
	}
	karim := []agreement.Quote{
		quote("direct", nuaman, qal, 40, 70),
		quote("mixed", spokesman, adaf, 110, 130),
		quote("indirect", nil, nil, 200, 240),
		quote("direct", nil, nil, 500, 520), // only karim, no attribution at all
	}
	karim[2].NotInText = true
	got := agreement.CompareQuotes("layla", "karim", layla, karim)
	want := agreement.Attribution{
		A: "layla", B: "karim",
		Quotes:  agreement.Pair{A: "layla", B: "karim", Both: 2, OnlyA: 2, OnlyB: 2, Boundary: 1},
		Matched: 3,
		Speaker: agreement.Count{Same: 1, Of: 3}, // the same name; name against title and name; none against not in the text
		Cue:     agreement.Count{Same: 2, Of: 2}, // the third pair has no cue on either side: not compared
		Type:    agreement.Count{Same: 2, Of: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%+v\nwant\n%+v", got, want)
	}
	if f, ok := got.Quotes.F1(); !ok || math.Abs(f-4.0/8) > 1e-9 {
		t.Errorf("quotation F1 = %v, %v; want 2·2/(4+4)", f, ok)
	}
	if s, ok := got.Speaker.Share(); !ok || math.Abs(s-1.0/3) > 1e-9 {
		t.Errorf("speaker share = %v, %v", s, ok)
	}
	if _, ok := (agreement.Count{}).Share(); ok {
		t.Error("nothing compared has a share")
	}
}

// TestMatchQuotesOneToOne: a quotation pairs with one of the other side
// at most, its exact twin before a merely overlapping one.
func TestMatchQuotesOneToOne(t *testing.T) {
	a := []agreement.Quote{quote("", nil, nil, 0, 50), quote("", nil, nil, 10, 20)}
	b := []agreement.Quote{quote("", nil, nil, 10, 20)}
	got := agreement.CompareQuotes("a", "b", a, b)
	if got.Quotes.Both != 1 || got.Quotes.OnlyA != 1 || got.Quotes.OnlyB != 0 || got.Matched != 1 || got.Quotes.Boundary != 0 {
		t.Errorf("got %+v", got)
	}
}

// TestTallyAttributions sums attribution per pair of names, whichever
// order a document lists them in, and leaves out pairs with no quotation.
func TestTallyAttributions(t *testing.T) {
	q := quote("direct", ext(0, 5), nil, 10, 20)
	other := quote("direct", ext(6, 9), nil, 10, 20)
	var tally agreement.Tally
	tally.Add(1, "d1", []agreement.Layer{{Name: "layla", Quotes: []agreement.Quote{q}}, {Name: "karim", Quotes: []agreement.Quote{q}}, {Name: "rana"}})
	tally.Add(2, "d2", []agreement.Layer{{Name: "karim", Quotes: []agreement.Quote{q}}, {Name: "layla", Quotes: []agreement.Quote{other}}})
	tally.Add(3, "d3", []agreement.Layer{{Name: "rana"}, {Name: "samir"}})
	got := tally.Attributions()
	if len(got) != 3 {
		t.Fatalf("pairs %+v", got)
	}
	kl := got[0]
	if kl.A != "karim" || kl.B != "layla" || kl.Quotes.Both != 2 || kl.Matched != 2 || kl.Speaker != (agreement.Count{Same: 1, Of: 2}) {
		t.Errorf("karim·layla %+v", kl)
	}
	if got[1].A != "karim" || got[1].B != "rana" || got[1].Quotes.OnlyA != 1 || got[1].Matched != 0 {
		t.Errorf("karim·rana %+v", got[1])
	}
	all := tally.AttributionOverall()
	if all.Quotes.Both != 2 || all.Quotes.OnlyA+all.Quotes.OnlyB != 2 || all.Speaker != (agreement.Count{Same: 1, Of: 2}) {
		t.Errorf("overall %+v", all)
	}
}

// TestAttributionsAgainstGold scores each annotator's quotations against
// reviewed gold: exact quotations for precision and recall, and gold's
// speaker on the quotations paired by overlap.
func TestAttributionsAgainstGold(t *testing.T) {
	spk := ext(0, 5)
	gold := agreement.Layer{Quotes: []agreement.Quote{quote("direct", spk, nil, 10, 20), quote("indirect", spk, nil, 30, 40)}}
	var tally agreement.Tally
	tally.AddGold(gold, []agreement.Layer{
		{Name: "layla", Quotes: []agreement.Quote{quote("direct", spk, nil, 10, 20), quote("indirect", ext(6, 8), nil, 30, 38)}},
		{Name: "karim"}, // marked nothing
	})
	tally.AddGold(agreement.Layer{Name: "", Spans: []agreement.Span{{Start: 0, End: 2, Label: "PER"}}}, []agreement.Layer{{Name: "rana"}}) // no quotation on either side
	got := tally.AttributionsAgainstGold()
	if len(got) != 2 || got[0].A != "karim" || got[1].A != "layla" {
		t.Fatalf("got %+v", got)
	}
	karim, layla := got[0], got[1]
	if r, ok := karim.Quotes.Recall(); !ok || r != 0 || karim.Quotes.OnlyB != 2 || karim.Matched != 0 {
		t.Errorf("karim %+v", karim)
	}
	// Gold with no speaker on a quotation is no reference for it.
	var bare agreement.Tally
	bare.AddGold(agreement.Layer{Quotes: []agreement.Quote{quote("", nil, nil, 10, 20)}},
		[]agreement.Layer{{Name: "layla", Quotes: []agreement.Quote{quote("direct", spk, nil, 10, 20)}}})
	if g := bare.AttributionsAgainstGold(); len(g) != 1 || g[0].Matched != 1 || g[0].Speaker != (agreement.Count{}) || g[0].Type != (agreement.Count{}) {
		t.Errorf("against gold without attribution: %+v", g)
	}
	if p, _ := layla.Quotes.Precision(); p != 0.5 || layla.Quotes.Boundary != 1 || layla.Matched != 2 ||
		layla.Speaker != (agreement.Count{Same: 1, Of: 2}) || layla.Type != (agreement.Count{Same: 2, Of: 2}) || layla.B != "gold" {
		t.Errorf("layla %+v", layla)
	}
}
