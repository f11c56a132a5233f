package agreement_test

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"hashiya/components/agreement"
)

// cells is a confusion table's non-zero cells, "row/col" to count, with
// "-" for None.
func cells(c agreement.Confusion) map[string]int {
	out := map[string]int{}
	names := append(c.Labels(), agreement.None)
	for _, x := range names {
		for _, y := range names {
			if n := c.Count(x, y); n > 0 {
				out[orNone(x)+"/"+orNone(y)] = n
			}
		}
	}
	return out
}

func orNone(label string) string {
	if label == agreement.None {
		return "-"
	}
	return label
}

// confusionLayers: layla and karim agree on a quotation and disagree on
// the label of a name nested in it (PER, ORG: the same words); layla's
// ORG over "the University of Cairo" holds karim's LOC over "Cairo"
// (nested, other extent: no confusion, two misses); they differ on a
// PER's extent only (in no cell); layla alone uses DATE. rana marks the
// nested name LOC, the quotation and karim's LOC.
func confusionLayers() []agreement.Layer {
	span := func(start, end int, label string) agreement.Span {
		return agreement.Span{Start: start, End: end, Label: label}
	}
	return []agreement.Layer{
		{Name: "layla", Spans: []agreement.Span{span(5, 40, "QUOTE"), span(10, 22, "PER"), span(50, 63, "ORG"), span(70, 75, "PER"), span(80, 85, "DATE")}},
		{Name: "karim", Spans: []agreement.Span{span(5, 40, "QUOTE"), span(10, 22, "ORG"), span(56, 63, "LOC"), span(71, 75, "PER")}},
		{Name: "rana", Spans: []agreement.Span{span(5, 40, "QUOTE"), span(10, 22, "LOC"), span(56, 63, "LOC")}},
	}
}

// TestConfusionPair: a pair's table, rows the first's labels, whichever
// order the documents list the two in.
func TestConfusionPair(t *testing.T) {
	layers := confusionLayers()
	var tally agreement.Tally
	tally.Add(1, "d1", layers[:2])
	tally.Add(2, "d2", []agreement.Layer{layers[1], layers[0]}) // karim listed first
	c, ok := tally.Confusion("layla", "karim")
	if !ok || c.Symmetric() {
		t.Fatalf("layla · karim: %v, symmetric %v", ok, c.Symmetric())
	}
	want := map[string]int{"QUOTE/QUOTE": 2, "PER/ORG": 2, "ORG/-": 2, "-/LOC": 2, "DATE/-": 2}
	if got := cells(c); !maps.Equal(got, want) {
		t.Errorf("layla · karim cells %v, want %v", got, want)
	}
	if got := c.Labels(); !slices.Equal(got, []string{"DATE", "LOC", "ORG", "PER", "QUOTE"}) {
		t.Errorf("labels %q", got)
	}
	// Named the other way round, the table turns over.
	r, _ := tally.Confusion("karim", "layla")
	if r.Count("ORG", "PER") != 2 || r.Count("PER", "ORG") != 0 || r.Count(agreement.None, "DATE") != 2 {
		t.Errorf("karim · layla cells %v", cells(r))
	}
	if c.Between("ORG", "PER") != 2 || r.Between("PER", "ORG") != 2 {
		t.Errorf("between PER and ORG: %d and %d, want 2", c.Between("ORG", "PER"), r.Between("PER", "ORG"))
	}
	if _, ok := tally.Confusion("layla", "rana"); ok {
		t.Error("a pair that never shared a document has a table")
	}
}

// TestConfusionOverall: summed over three annotators' pairs the table is
// symmetric, its diagonal is F1's "both", the cells above it "label
// differs" and the None column what was missed, as the pairs count them.
func TestConfusionOverall(t *testing.T) {
	var tally agreement.Tally
	tally.Add(1, "d1", confusionLayers())
	c := tally.ConfusionOverall()
	if !c.Symmetric() {
		t.Fatal("the sum over pairs is not symmetric")
	}
	// layla·karim as above; layla·rana: QUOTE, PER/LOC, ORG/-, -/LOC,
	// PER/-, DATE/-; karim·rana: QUOTE, LOC, ORG/LOC, PER/-.
	want := map[string]int{
		"QUOTE/QUOTE": 3, "LOC/LOC": 1,
		"PER/ORG": 1, "ORG/PER": 1, "PER/LOC": 1, "LOC/PER": 1, "ORG/LOC": 1, "LOC/ORG": 1,
		"ORG/-": 2, "-/ORG": 2, "LOC/-": 2, "-/LOC": 2, "DATE/-": 2, "-/DATE": 2, "PER/-": 2, "-/PER": 2,
	}
	if got := cells(c); !maps.Equal(got, want) {
		t.Errorf("cells %v, want %v", got, want)
	}
	o := tally.Overall()
	diagonal, between, missed := 0, 0, 0
	labels := c.Labels()
	for i, x := range labels {
		diagonal += c.Count(x, x)
		missed += c.Count(x, agreement.None)
		for _, y := range labels[i+1:] {
			between += c.Between(x, y)
		}
	}
	if diagonal != o.Both || between != o.Relabel || missed != o.Missed() {
		t.Errorf("diagonal %d, between labels %d, missed %d; the pairs count %d, %d and %d", diagonal, between, missed, o.Both, o.Relabel, o.Missed())
	}
}

// TestMostConfused: pairs of labels by how often they were confused,
// then by name, never a pair with none.
func TestMostConfused(t *testing.T) {
	span := func(start int, label string) agreement.Span {
		return agreement.Span{Start: start, End: start + 3, Label: label}
	}
	a := agreement.Layer{Name: "a", Spans: []agreement.Span{span(0, "ORG"), span(5, "ORG"), span(10, "PER"), span(15, "GPE"), span(20, "DATE")}}
	b := agreement.Layer{Name: "b", Spans: []agreement.Span{span(0, "LOC"), span(5, "LOC"), span(10, "ORG"), span(15, "LOC")}}
	var tally agreement.Tally
	tally.Add(1, "d", []agreement.Layer{a, b})
	got := tally.ConfusionOverall().MostConfused(2)
	want := []agreement.Confused{{X: "LOC", Y: "ORG", Spans: 2}, {X: "GPE", Y: "LOC", Spans: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("most confused %+v, want %+v", got, want)
	}
	if got := tally.ConfusionOverall().MostConfused(10); len(got) != 3 {
		t.Errorf("all confused pairs: %+v", got)
	}
	if got := (agreement.Confusion{}).MostConfused(3); len(got) != 0 {
		t.Errorf("an empty table's most confused: %+v", got)
	}
}
