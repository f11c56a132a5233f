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
		{"layla", "karim", 2, 1, 1},
		{"layla", "rana", 1, 2, 1},
		{"layla", "samir", 0, 3, 0},
		{"karim", "rana", 1, 2, 1},
		{"karim", "samir", 0, 3, 0},
		{"rana", "samir", 0, 2, 0},
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

	wantPairs := []agreement.Pair{{"karim", "layla", 2, 1, 1}, {"karim", "rana", 0, 1, 0}, {"layla", "rana", 0, 1, 0}}
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
