package agreement

import (
	"slices"

	"hashiya/offsets"
)

// Kappa is Cohen's κ between two owners' layers over the words of the
// documents both annotated, as NER dataset papers report agreement. Each
// word takes one label in each layer (see wordLabels), "" for none, and
//
//	κ = (po − pe) / (1 − pe)
//
// where po is the share of words given the same label by both, and pe the
// share expected by chance: the sum over labels of the product of each
// side's share of words with that label. Counts are pooled over the
// documents before κ is taken.
type Kappa struct {
	A, B   string
	Words  int // words counted
	Agreed int // words both sides gave the same label (none included)
	// a and b count each side's words by label.
	a, b map[string]int
}

// Value is κ; false when chance alone explains everything (pe = 1: both
// sides gave every word the same one label, or there are no words).
func (k Kappa) Value() (float64, bool) {
	if k.Words == 0 {
		return 0, false
	}
	n := float64(k.Words)
	pe := 0.0
	for label, na := range k.a {
		pe += float64(na) / n * float64(k.b[label]) / n
	}
	if pe >= 1 {
		return 0, false
	}
	po := float64(k.Agreed) / n
	return (po - pe) / (1 - pe), true
}

func (k *Kappa) add(x, y []string) {
	if k.a == nil {
		k.a, k.b = map[string]int{}, map[string]int{}
	}
	for i := range x {
		k.Words++
		if x[i] == y[i] {
			k.Agreed++
		}
		k.a[x[i]]++
		k.b[y[i]]++
	}
}

// AddWords counts one document's layers word by word into each pair's κ.
// text is the document's; nothing is counted with fewer than two layers.
func (t *Tally) AddWords(text string, layers []Layer) {
	if len(layers) < 2 {
		return
	}
	if t.kappas == nil {
		t.kappas = map[[2]string]*Kappa{}
	}
	words := Words(text)
	labels := make([][]string, len(layers))
	for i, l := range layers {
		labels[i] = wordLabels(words, l.Spans)
	}
	for i := range layers {
		for j := i + 1; j < len(layers); j++ {
			a, b, x, y := layers[i].Name, layers[j].Name, labels[i], labels[j]
			if b < a {
				a, b, x, y = b, a, y, x
			}
			k := t.kappas[[2]string{a, b}]
			if k == nil {
				k = &Kappa{A: a, B: b}
				t.kappas[[2]string{a, b}] = k
			}
			k.add(x, y)
		}
	}
}

// Kappas is each pair's κ, by names.
func (t *Tally) Kappas() []Kappa {
	return sortedValues(t.kappas, func(x, y Kappa) int { return byNames(x.A, x.B, y.A, y.B) })
}

// MeanKappa is the mean of the pairs' κ (those with one), and how many.
func (t *Tally) MeanKappa() (float64, int) {
	return meanOf(t.Kappas(), Kappa.Value)
}

// KappaOf is the κ of the pair a, b, whichever order they are named in.
func (t *Tally) KappaOf(a, b string) (Kappa, bool) {
	if b < a {
		a, b = b, a
	}
	k, ok := t.kappas[[2]string{a, b}]
	if !ok {
		return Kappa{}, false
	}
	return *k, true
}

// Words are the stretches κ counts: runs of word characters (letters,
// marks, digits, tatweel, joiners), so a clitic is part of its word, as
// whole-word snapping makes it part of a span, and punctuation counts
// for nothing.
func Words(text string) [][2]int {
	var out [][2]int
	start := -1
	i := 0
	for _, r := range text {
		switch {
		case offsets.IsWordRune(r) && start < 0:
			start = i
		case !offsets.IsWordRune(r) && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
		i++
	}
	if start >= 0 {
		out = append(out, [2]int{start, i})
	}
	return out
}

// wordLabels gives each word the label covering most of its characters,
// a shorter span winning over one it lies in (a name inside a quotation
// is the name's), "" where no span reaches.
func wordLabels(words [][2]int, spans []Span) []string {
	out := make([]string, len(words))
	if len(words) == 0 || len(spans) == 0 {
		return out
	}
	// Paint each character with its span's label (a number: 0 is none),
	// longest spans first, so the innermost has the last word.
	names := []string{""}
	number := map[string]int32{"": 0}
	n := words[len(words)-1][1]
	painted := make([]int32, n)
	byLength := slices.Clone(spans)
	slices.SortStableFunc(byLength, func(a, b Span) int { return (b.End - b.Start) - (a.End - a.Start) })
	for _, s := range byLength {
		l, ok := number[s.Label]
		if !ok {
			l = int32(len(names))
			names, number[s.Label] = append(names, s.Label), l
		}
		for c := max(s.Start, 0); c < min(s.End, n); c++ {
			painted[c] = l
		}
	}
	for i, w := range words {
		out[i] = names[mostOf(painted[w[0]:w[1]])]
	}
	return out
}

// mostOf is the label most characters of a word carry (0, none, counting
// as one), the first in the word of those tied.
func mostOf(chars []int32) int32 {
	best, bestN := int32(0), 0
	for i, l := range chars {
		if i > 0 && chars[i-1] == l {
			continue // counted with its run
		}
		n := 0
		for _, m := range chars {
			if m == l {
				n++
			}
		}
		if n > bestN {
			best, bestN = l, n
		}
	}
	return best
}
