package agreement

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"
)

// TestWords: runs of word characters, clitics inside their word, emoji
// and punctuation between words, in code points.
func TestWords(t *testing.T) {
	got := Words("وقال 😀 صباح النعمان: «نعم»، 2024.")
	want := [][2]int{{0, 4}, {7, 11}, {12, 19}, {22, 25}, {28, 32}}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %v, want %v", got, want)
	}
}

// TestWordLabels: a word takes the label over most of it (a clitic left
// out of a span does not undo it), the innermost of nested spans, none
// where no span reaches.
func TestWordLabels(t *testing.T) {
	text := "قال وبغداد إن صباح النعمان وصل"
	words := Words(text)
	spans := []Span{
		{Start: 5, End: 10, Label: "LOC"},    // بغداد, without و
		{Start: 11, End: 30, Label: "QUOTE"}, // إن صباح النعمان وصل
		{Start: 14, End: 26, Label: "PER"},   // صباح النعمان, inside the quotation
	}
	got := wordLabels(words, spans)
	want := []string{"", "LOC", "QUOTE", "PER", "PER", "QUOTE"}
	if !slices.Equal(got, want) {
		t.Errorf("wordLabels = %q, want %q", got, want)
	}
}

// TestKappa checks κ against a hand count. Ten words; A labels words 0-3
// PER, B words 0-2 PER and word 9 LOC; the rest none.
// po = 8/10 (words 3 and 9 differ); pe = P(A PER)P(B PER) + P(A none)P(B
// none) + P(A LOC)P(B LOC) = .4·.3 + .6·.6 + 0·.1 = .48; κ = (.8−.48)/(1−.48).
func TestKappa(t *testing.T) {
	text := "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9"
	word := func(i int) Span { return Span{Start: 3 * i, End: 3*i + 2} }
	label := func(i int, l string) Span { s := word(i); s.Label = l; return s }
	a := Layer{Name: "b-layla", Spans: []Span{label(0, "PER"), label(1, "PER"), label(2, "PER"), label(3, "PER")}}
	b := Layer{Name: "a-omar", Spans: []Span{label(0, "PER"), label(1, "PER"), label(2, "PER"), label(9, "LOC")}}
	var tally Tally
	tally.AddWords(text, []Layer{a, b})
	tally.AddWords(text, []Layer{a}) // one layer: nothing
	ks := tally.Kappas()
	if len(ks) != 1 || ks[0].A != "a-omar" || ks[0].B != "b-layla" || ks[0].Words != 10 || ks[0].Agreed != 8 {
		t.Fatalf("kappas %+v", ks)
	}
	got, ok := ks[0].Value()
	want := (0.8 - 0.48) / (1 - 0.48)
	if !ok || math.Abs(got-want) > 1e-9 {
		t.Errorf("κ = %v (%v), want %v", got, ok, want)
	}
	if mean, n := tally.MeanKappa(); n != 1 || math.Abs(mean-want) > 1e-9 {
		t.Errorf("mean κ %v over %d pairs", mean, n)
	}
	// Both sides all none: chance explains everything, no κ.
	var none Tally
	none.AddWords(text, []Layer{{Name: "x"}, {Name: "y"}})
	if _, ok := none.Kappas()[0].Value(); ok {
		t.Error("κ of two empty layers should be undefined")
	}
}

// BenchmarkTallyANERCorp sums agreement over ANERCorp's 200 documents in
// two layers (the corpus, and the corpus with every fifth span left out):
// span F1 (Add) alone, and with κ over words (AddWords) as the agreement
// page does, so the ratio is what κ costs.
func BenchmarkTallyANERCorp(b *testing.B) {
	f, err := os.Open("../../../shared/corpora/anercorp/anercorp.jsonl")
	if err != nil {
		b.Skipf("ANERCorp not available: %v", err)
	}
	defer f.Close()
	type doc struct {
		text   string
		layers []Layer
	}
	var docs []doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var d struct {
			Text  string  `json:"text"`
			Label [][]any `json:"label"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		a, c := Layer{Name: "a"}, Layer{Name: "b"}
		for i, l := range d.Label {
			s := Span{Start: int(l[0].(float64)), End: int(l[1].(float64)), Label: l[2].(string)}
			a.Spans = append(a.Spans, s)
			if i%5 != 4 {
				c.Spans = append(c.Spans, s)
			}
		}
		docs = append(docs, doc{d.Text, []Layer{a, c}})
	}
	for _, words := range []bool{false, true} {
		name := "spans"
		if words {
			name = "spans+words"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var t Tally
				for i, d := range docs {
					t.Add(int64(i), "", d.layers)
					if words {
						t.AddWords(d.text, d.layers)
					}
				}
			}
		})
	}
}
