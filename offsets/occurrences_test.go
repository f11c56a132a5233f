package offsets

import (
	"slices"
	"testing"
)

// occurrenceCases are Occurrences' cases; OccurrencesOfAll answers them
// alike.
var occurrenceCases = []struct {
	name, text, phrase string
	want               [][2]int
}{
	{"whole words only", "قال علي إن عليه أن يزور علي، ووعلي.", "علي", [][2]int{{4, 7}, {24, 27}}},
	{"after an emoji, in code points", "😀 داعش 👍🏽 داعش", "داعش", [][2]int{{2, 6}, {10, 14}}},
	{"a phrase of two words", "صباح النعمان قال. ثم صباح النعمان", "صباح النعمان", [][2]int{{0, 12}, {21, 33}}},
	{"harakat written on one side only", "محمد مُحمد محمدٌ", "محمد", [][2]int{{0, 4}, {5, 10}, {11, 16}}},
	{"a vowelled phrase finds the bare word", "قال محمد ومُحَمَّد", "مُحَمَّد", [][2]int{{4, 8}}},
	{"harakat that disagree", "عَلِمَ ثم عَلَم", "عَلَم", [][2]int{{10, 15}}},
	{"fewer harakat agree, other ones do not", "مُحَمَّد مُحِمَّد", "محَمد", [][2]int{{0, 8}}},
	{"tatweel and invisible marks skipped", "محـــمد مح\u200fمد", "محمد", [][2]int{{0, 7}, {8, 13}}},
	{"letters as stored: على is not علي", "على علي", "علي", [][2]int{{4, 7}}},
	{"at the very ends", "ORG and ORG", "ORG", [][2]int{{0, 3}, {8, 11}}},
	{"punctuation at the phrase's edge needs no boundary", "x«نص»y «نص»", "«نص»", [][2]int{{1, 5}, {7, 11}}},
	{"digits are word characters", "2014 12014 2014x 2014", "2014", [][2]int{{0, 4}, {17, 21}}},
	{"overlapping occurrences", "a-a-a", "a-a", [][2]int{{0, 3}, {2, 5}}},
	{"none", "نص بلا تكرار", "كلمة", nil},
	{"empty phrase", "نص", "", nil},
	{"an RLM ends a word", "محمد\u200fعلي", "محمد", [][2]int{{0, 4}}},
	{"a number is not found inside a longer one", "12.5% و12 و 12، 5/10/2021 و ١٢٫٥ و12%", "12", [][2]int{{12, 14}}},
	{"nor a date's part", "في 5/10/2021 و 10:30 ثم 10.", "10", [][2]int{{24, 26}}},
	{"a whole number is found", "بلغ 12.5% ثم 12.5% .", "12.5%", [][2]int{{4, 9}, {13, 18}}},
}

func TestOccurrences(t *testing.T) {
	for _, tt := range occurrenceCases {
		t.Run(tt.name, func(t *testing.T) {
			got := Occurrences(tt.text, tt.phrase)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Occurrences(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
			}
			for _, o := range got {
				if s, err := Slice(tt.text, o[0], o[1]); err != nil || lettersText(s) != lettersText(tt.phrase) {
					t.Errorf("occurrence %v holds %q (%v), not the phrase's letters", o, s, err)
				}
			}
		})
	}
}

// lettersText is a string's letters without marks or skipped characters.
func lettersText(s string) string {
	var out []rune
	for _, l := range lettersOf([]rune(s)).ls {
		out = append(out, l.r)
	}
	return string(out)
}
