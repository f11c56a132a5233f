package agreement_test

import (
	"math"
	"reflect"
	"testing"

	"hashiya/components/agreement"
)

func TestCandidatesAndPairs(t *testing.T) {
	per := agreement.Span{Start: 10, End: 22, Label: "PER"}
	org := agreement.Span{Start: 10, End: 22, Label: "ORG"} // same text, other label
	quote := agreement.Span{Start: 5, End: 40, Label: "QUOTE"}
	loc := agreement.Span{Start: 50, End: 55, Label: "LOC"}
	wide := agreement.Span{Start: 10, End: 23, Label: "PER"} // one code point longer
	layers := []agreement.Layer{
		{Name: "layla", Spans: []agreement.Span{per, quote, loc, per}}, // a duplicate counts once
		{Name: "karim", Spans: []agreement.Span{quote, org, loc}},
		{Name: "rana", Spans: []agreement.Span{wide, quote}},
		{Name: "samir"}, // nothing yet
	}
	got := agreement.Candidates(layers)
	want := []agreement.Candidate{
		{quote, []string{"layla", "karim", "rana"}},
		{wide, []string{"rana"}},
		{org, []string{"karim"}},
		{per, []string{"layla"}},
		{loc, []string{"layla", "karim"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("candidates:\n%+v\nwant\n%+v", got, want)
	}

	pairs := agreement.Pairs(layers)
	wantPairs := []agreement.Pair{
		{A: "layla", B: "karim", Both: 2, OnlyA: 1, OnlyB: 1, Relabel: 1}, // PER and ORG on the same words
		{A: "layla", B: "rana", Both: 1, OnlyA: 2, OnlyB: 1, Boundary: 1}, // PER one code point wider
		{A: "layla", B: "samir", OnlyA: 3},
		{A: "karim", B: "rana", Both: 1, OnlyA: 2, OnlyB: 1}, // ORG and a wider PER: neither
		{A: "karim", B: "samir", OnlyA: 3},
		{A: "rana", B: "samir", OnlyA: 2},
	}
	if !reflect.DeepEqual(pairs, wantPairs) {
		t.Fatalf("pairs:\n%+v\nwant\n%+v", pairs, wantPairs)
	}
	if f, ok := pairs[0].F1(); !ok || math.Abs(f-4.0/6) > 1e-9 {
		t.Errorf("layla·karim F1 = %v, %v; want 2·2/(3+3)", f, ok)
	}
	if f, ok := pairs[2].F1(); !ok || f != 0 {
		t.Errorf("against an empty layer F1 = %v, %v; want 0", f, ok)
	}
	if _, ok := (agreement.Pair{A: "x", B: "y"}).F1(); ok {
		t.Error("two empty layers have an F1")
	}
	mean, n := agreement.Mean(append(pairs, agreement.Pair{A: "x", B: "y"}))
	if n != 6 || math.Abs(mean-(4.0/6+2.0/5+0+2.0/5+0+0)/6) > 1e-9 {
		t.Errorf("mean = %v over %d pairs", mean, n)
	}
}

// TestTally sums three documents: two annotators disagreeing on a label,
// three where one marked nothing, and one with a single layer (no pair).
func TestTally(t *testing.T) {
	a := agreement.Span{Start: 0, End: 4, Label: "PER"}
	b := agreement.Span{Start: 6, End: 9, Label: "LOC"}
	bOrg := agreement.Span{Start: 6, End: 9, Label: "ORG"}
	var tally agreement.Tally
	tally.Add(1, "doc-1", []agreement.Layer{{Name: "layla", Spans: []agreement.Span{a, b}}, {Name: "karim", Spans: []agreement.Span{a, bOrg}}})
	tally.Add(2, "doc-2", []agreement.Layer{{Name: "karim", Spans: []agreement.Span{a}}, {Name: "layla", Spans: []agreement.Span{a}}, {Name: "rana"}})
	tally.Add(3, "doc-3", []agreement.Layer{{Name: "layla", Spans: []agreement.Span{a}}})

	wantPairs := []agreement.Pair{{A: "karim", B: "layla", Both: 2, OnlyA: 1, OnlyB: 1, Relabel: 1}, {A: "karim", B: "rana", OnlyA: 1}, {A: "layla", B: "rana", OnlyA: 1}}
	if got := tally.Pairs(); !reflect.DeepEqual(got, wantPairs) {
		t.Errorf("pairs %+v, want %+v", got, wantPairs)
	}
	labels := map[string]float64{}
	for _, l := range tally.Labels() {
		labels[l.Label], _ = l.F1()
	}
	if len(labels) != 3 || math.Abs(labels["PER"]-4.0/6) > 1e-9 || labels["LOC"] != 0 || labels["ORG"] != 0 {
		t.Errorf("per label F1: %v", labels)
	}
	if f, _ := tally.Overall().F1(); math.Abs(f-0.5) > 1e-9 {
		t.Errorf("overall F1 %v, want 4/8", f)
	}
	worst := tally.Worst(5)
	if len(worst) != 2 || worst[0].Name != "doc-2" || math.Abs(worst[0].Mean-1.0/3) > 1e-9 || worst[1].Name != "doc-1" || worst[1].Mean != 0.5 {
		t.Errorf("worst documents: %+v", worst)
	}
	if got := tally.Worst(1); len(got) != 1 || got[0].Name != "doc-2" {
		t.Errorf("Worst(1) = %+v", got)
	}
}

// TestNearMisses: spans only one side holds are paired with their near
// misses, each span once, boundaries first: the F1 that forgives
// boundaries rises by them, and what is left is counted as missed.
func TestNearMisses(t *testing.T) {
	span := func(start, end int, label string) agreement.Span {
		return agreement.Span{Start: start, End: end, Label: label}
	}
	layla := []agreement.Span{
		span(0, 5, "PER"),    // وأحمد: karim left the و out
		span(10, 20, "ORG"),  // karim: the same words as GPE
		span(30, 40, "LOC"),  // karim: two LOC spans inside it; one pairs with it
		span(50, 55, "DATE"), // karim: nothing
		span(60, 70, "PER"),  // both
	}
	karim := []agreement.Span{
		span(1, 5, "PER"),
		span(10, 20, "GPE"),
		span(30, 34, "LOC"), span(35, 40, "LOC"),
		span(60, 70, "PER"),
		span(80, 90, "ORG"), // layla: nothing
	}
	p := agreement.Pairs([]agreement.Layer{{Name: "layla", Spans: layla}, {Name: "karim", Spans: karim}})[0]
	want := agreement.Pair{A: "layla", B: "karim", Both: 1, OnlyA: 4, OnlyB: 5, Boundary: 2, Relabel: 1}
	if p != want {
		t.Fatalf("pair %+v, want %+v", p, want)
	}
	if p.Missed() != 3 { // layla's DATE, karim's second LOC and his ORG
		t.Errorf("missed %d, want 3", p.Missed())
	}
	exact, _ := p.F1()
	overlap, _ := p.F1Overlap()
	if math.Abs(exact-2.0/11) > 1e-9 || math.Abs(overlap-6.0/11) > 1e-9 {
		t.Errorf("F1 %v and %v forgiving boundaries, want 2/11 and 6/11", exact, overlap)
	}
	var tally agreement.Tally
	tally.Add(1, "d", []agreement.Layer{{Name: "layla", Spans: layla}, {Name: "karim", Spans: karim}})
	byLabel := map[string]agreement.Pair{}
	for _, l := range tally.Labels() {
		byLabel[l.Label] = l.Pair
	}
	if l := byLabel["LOC"]; l.OnlyA != 1 || l.OnlyB != 2 || l.Boundary != 1 {
		t.Errorf("LOC: %+v", l)
	}
	if byLabel["ORG"].Relabel != 1 || byLabel["GPE"].Relabel != 1 {
		t.Errorf("a span relabelled counts under both its labels: ORG %+v, GPE %+v", byLabel["ORG"], byLabel["GPE"])
	}
	if o := tally.Overall(); o.Boundary != 2 || o.Relabel != 1 {
		t.Errorf("overall %+v", o)
	}
}

// TestAgainstGold scores each annotator against reviewed gold, summed
// over the documents: precision over their spans, recall over gold's.
func TestAgainstGold(t *testing.T) {
	span := func(start, end int, label string) agreement.Span {
		return agreement.Span{Start: start, End: end, Label: label}
	}
	var tally agreement.Tally
	gold1 := agreement.Layer{Spans: []agreement.Span{span(0, 4, "PER"), span(6, 9, "LOC"), span(12, 20, "QUOTE")}}
	tally.AddGold(gold1, []agreement.Layer{
		{Name: "layla", Spans: []agreement.Span{span(0, 4, "PER"), span(6, 9, "LOC"), span(12, 20, "QUOTE")}},
		{Name: "karim", Spans: []agreement.Span{span(0, 4, "PER"), span(6, 9, "ORG"), span(13, 20, "QUOTE"), span(30, 33, "DATE")}},
	})
	tally.AddGold(agreement.Layer{Spans: []agreement.Span{span(0, 2, "PER")}}, []agreement.Layer{
		{Name: "karim", Spans: []agreement.Span{span(0, 2, "PER")}},
	})
	tally.AddGold(agreement.Layer{Spans: []agreement.Span{span(0, 2, "PER")}}, nil) // nobody annotated it
	got := tally.AgainstGold()
	if tally.GoldDocs() != 2 || len(got) != 2 || got[0].A != "karim" || got[1].A != "layla" {
		t.Fatalf("against gold over %d documents: %+v", tally.GoldDocs(), got)
	}
	karim, layla := got[0], got[1]
	want := agreement.GoldScore{Pair: agreement.Pair{A: "karim", B: "gold", Both: 2, OnlyA: 3, OnlyB: 2, Boundary: 1, Relabel: 1}, Docs: 2}
	if karim != want {
		t.Errorf("karim %+v, want %+v", karim, want)
	}
	p, _ := karim.Precision()
	r, _ := karim.Recall()
	if math.Abs(p-2.0/5) > 1e-9 || math.Abs(r-2.0/4) > 1e-9 {
		t.Errorf("karim precision %v recall %v, want 2/5 and 2/4", p, r)
	}
	if f, _ := layla.F1(); f != 1 || layla.Docs != 1 {
		t.Errorf("layla %+v", layla)
	}
	if _, ok := (agreement.Pair{}).Precision(); ok {
		t.Error("precision of no spans is defined")
	}
}
