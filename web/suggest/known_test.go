package suggest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKnown: texts labelled before are proposed where they stand as whole
// words, with their most frequent label, the longest where they overlap,
// never where the layer has decided already, nor when the evidence is
// thin (a tie, one word once) or the annotator rejected them as often.
func TestKnown(t *testing.T) {
	text := "قال صباح النعمان إن الجهاز في بغداد. وأضاف النعمان أن مُحَمَّد وصل إلى بغدادي ثم إلى بغداد والأردن؛ الأردن."
	existing := []Span{
		{ID: "1", Start: 21, End: 27, Label: "ORG"}, // الجهاز: already marked
	}
	at := func(s string, n int) (int, int) {
		rs, ws := []rune(text), []rune(s)
		for i := 0; i+len(ws) <= len(rs); i++ {
			if string(rs[i:i+len(ws)]) == s {
				if n == 0 {
					return i, i + len(ws)
				}
				n--
			}
		}
		t.Fatalf("%q not in the text", s)
		return 0, 0
	}
	a, b := at("بغداد", 2)                                                     // the third: the second is inside بغدادي
	existing = append(existing, Span{ID: "2", Start: a, End: b, Label: "LOC"}) // decided
	labelled := []Labelled{
		{Text: "صباح النعمان", Label: "PER", Count: 2},
		{Text: "النعمان", Label: "PER", Count: 2},
		{Text: "بغداد", Label: "LOC", Count: 3},
		{Text: "بغداد", Label: "GPE", Count: 1},
		{Text: "الجهاز", Label: "ORG", Count: 4},
		{Text: "محمد", Label: "PER", Count: 2},
		{Text: "الأردن", Label: "GPE", Count: 2},
		{Text: "الأردن", Label: "LOC", Count: 2},                                         // a tie: not proposed
		{Text: "وأضاف", Label: "PER", Count: 1},                                          // one word, once: not proposed
		{Text: "إلى", Label: "LOC", Count: 3, Rejected: 3},                               // rejected as often: not proposed
		{Text: "إن الجهاز في بغداد وأضاف النعمان أن محمد وصل", Label: "QUOTE", Count: 1}, // too long
	}
	var got []string
	for _, s := range Known(text, labelled, existing) {
		got = append(got, fmt.Sprintf("%s %s %s ×%d", s.ID, s.Label, string([]rune(text)[s.Start:s.End]), s.Seen))
	}
	want := []string{
		"k1 PER صباح النعمان ×2", // not النعمان inside it
		"k2 LOC بغداد ×3",        // its most frequent label
		"k3 PER النعمان ×2",
		"k4 PER مُحَمَّد ×2", // vowelled in the text
	}
	if !slices.Equal(got, want) {
		t.Errorf("Known proposed\n%q\nwant\n%q", got, want)
	}
}

// TestKnownNothingToGo: no labelled texts, or only ties, propose nothing.
func TestKnownNothingToGo(t *testing.T) {
	if got := Known("نص", nil, nil); len(got) != 0 {
		t.Errorf("Known with no lexicon: %v", got)
	}
	tie := []Labelled{{Text: "نص", Label: "A", Count: 2}, {Text: "نص", Label: "B", Count: 2}}
	if got := Known("نص نص", tie, nil); len(got) != 0 {
		t.Errorf("Known with a tie: %v", got)
	}
}

// TestKnownANERCorp measures what Known saves on real news text. An
// annotator has labelled the first half of ANERCorp (100 documents, its
// gold) and goes through the second half in order, on empty layers.
// Static: Known proposes from the first half alone. Online: as in use,
// each document's proposals are accepted when gold holds them and
// rejected when not, and the annotator labels what is left, so the
// lexicon grows and learns from rejections as they go. Exact spans
// (start, end, label) against the corpus's gold.
func TestKnownANERCorp(t *testing.T) {
	docs := loadANERCorp(t)
	train, test := docs[:len(docs)/2], docs[len(docs)/2:]
	type entry struct{ text, label string }
	counts, rejected := map[entry]int{}, map[entry]int{}
	textOf := func(d anerDoc, s Span) string { return string([]rune(d.Text)[s.Start:s.End]) }
	for _, d := range train {
		for _, s := range d.spans() {
			counts[entry{textOf(d, s), s.Label}]++
		}
	}
	lexicon := func() []Labelled {
		var out []Labelled
		for k, n := range counts {
			out = append(out, Labelled{Text: k.text, Label: k.label, Count: n, Rejected: rejected[k]})
		}
		return out
	}
	static := lexicon()
	for _, online := range []bool{false, true} {
		var proposed, right, gold int
		for _, d := range test {
			type key struct {
				start, end int
				label      string
			}
			want := map[key]bool{}
			for _, s := range d.spans() {
				want[key{s.Start, s.End, s.Label}] = true
			}
			gold += len(want)
			labelled := static
			if online {
				labelled = lexicon()
			}
			taken := map[key]bool{}
			for _, s := range Known(d.Text, labelled, nil) {
				proposed++
				k := key{s.Start, s.End, s.Label}
				if want[k] {
					right++
					taken[k] = true
				} else if online {
					rejected[entry{textOf(d, s), s.Label}]++
				}
			}
			if online {
				for _, s := range d.spans() {
					counts[entry{textOf(d, s), s.Label}]++ // accepted, or labelled by hand
				}
			}
		}
		p, r := float64(right)/float64(proposed), float64(right)/float64(gold)
		t.Logf("ANERCorp second half, online %v: %d proposed, %d right, %d spans in gold: precision %.3f, recall %.3f",
			online, proposed, right, gold, p, r)
		if p < 0.7 || r < 0.3 {
			t.Errorf("precision %.3f, recall %.3f: Known proposes mostly noise or nearly nothing", p, r)
		}
	}
}

func BenchmarkKnownANERCorp(b *testing.B) {
	docs := loadANERCorp(b)
	counts := map[[2]string]int{}
	for _, d := range docs {
		for _, s := range d.spans() {
			counts[[2]string{string([]rune(d.Text)[s.Start:s.End]), s.Label}]++
		}
	}
	var labelled []Labelled
	for k, n := range counts {
		labelled = append(labelled, Labelled{Text: k[0], Label: k[1], Count: n})
	}
	for b.Loop() {
		for _, d := range docs {
			Known(d.Text, labelled, nil)
		}
	}
}

// TestDecisionsMatchAScan: the indexed lookup answers as a scan of every
// span would, on random layers with long and short spans.
func TestDecisionsMatchAScan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	labels := []string{"PER", "ORG", "QUOTE"}
	for range 300 {
		var spans []Span
		for range r.IntN(30) {
			s := r.IntN(200)
			spans = append(spans, Span{Start: s, End: s + 1 + r.IntN(1+r.IntN(80)), Label: labels[r.IntN(3)]})
		}
		d := newDecisions(spans)
		for range 50 {
			start := r.IntN(220)
			end := start + 1 + r.IntN(10)
			label := labels[r.IntN(3)]
			want := slices.ContainsFunc(spans, func(s Span) bool {
				return s.Start == start && s.End == end || s.Label == label && s.Start < end && start < s.End
			})
			if got := d.decided(start, end, label); got != want {
				t.Fatalf("decided(%d, %d, %s) = %v, a scan says %v; spans %v", start, end, label, got, want, spans)
			}
		}
	}
}
