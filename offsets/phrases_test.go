package offsets

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestOccurrencesOfAll: the one-pass search finds exactly what
// Occurrences finds for each phrase on its own, on the cases of
// TestOccurrences and on many phrases at once.
func TestOccurrencesOfAll(t *testing.T) {
	text := "قال صباح النعمان إن محمد مُحَمَّد ومحمد، محـمد مح\u200fمد «نص» 2014 12014 على علي عليه. صباح"
	phrases := []string{"صباح النعمان", "صباح", "محمد", "مُحَمَّد", "«نص»", "2014", "علي", "على", "النعمان", "", "كلمة", "مح"}
	got := OccurrencesOfAll(text, phrases)
	var want []Found
	for p, phrase := range phrases {
		for _, o := range Occurrences(text, phrase) {
			want = append(want, Found{Phrase: p, Start: o[0], End: o[1]})
		}
	}
	order := func(a, b Found) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.Phrase - b.Phrase
	}
	slices.SortFunc(want, order)
	slices.SortFunc(got, order)
	if !slices.Equal(got, want) {
		t.Fatalf("OccurrencesOfAll = %v\nwant (Occurrences one by one) %v", got, want)
	}
	if len(got) < 12 {
		t.Errorf("only %d occurrences found: %v", len(got), got)
	}
}

func TestOccurrencesOfAllEach(t *testing.T) {
	for _, tt := range occurrenceCases {
		got := OccurrencesOfAll(tt.text, []string{tt.phrase})
		var spans [][2]int
		for _, f := range got {
			spans = append(spans, [2]int{f.Start, f.End})
		}
		if !slices.Equal(spans, tt.want) {
			t.Errorf("%s: OccurrencesOfAll(%q, [%q]) = %v, want %v", tt.name, tt.text, tt.phrase, spans, tt.want)
		}
	}
}

// TestOccurrencesOfAllRandom compares the two on random texts drawn from
// the characters the rules treat specially, with phrases cut from them.
func TestOccurrencesOfAllRandom(t *testing.T) {
	alphabet := []rune("محد عل.\u200f\u200cـَُ«a")
	r := rand.New(rand.NewPCG(1, 2))
	randomText := func(n int) string {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(rs)
	}
	for range 2000 {
		text := []rune(randomText(5 + r.IntN(40)))
		var phrases []string
		for range 1 + r.IntN(5) {
			a := r.IntN(len(text))
			b := a + 1 + r.IntN(min(6, len(text)-a))
			phrases = append(phrases, string(text[a:b]))
		}
		got := OccurrencesOfAll(string(text), phrases)
		var want []Found
		for _, l := range lettersOf(text).ls {
			for p, phrase := range phrases {
				for _, o := range Occurrences(string(text), phrase) {
					if o[0] == l.start {
						want = append(want, Found{Phrase: p, Start: o[0], End: o[1]})
					}
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("text %q phrases %q:\nOccurrencesOfAll %v\nOccurrences      %v", string(text), phrases, got, want)
		}
	}
}
