package offsets

import (
	"slices"
	"testing"
)

func TestOccurrences(t *testing.T) {
	tests := []struct {
		name, text, phrase string
		want               [][2]int
	}{
		{"whole words only", "قال علي إن عليه أن يزور علي، ووعلي.", "علي", [][2]int{{4, 7}, {24, 27}}},
		{"after an emoji, in code points", "😀 داعش 👍🏽 داعش", "داعش", [][2]int{{2, 6}, {10, 14}}},
		{"a phrase of two words", "صباح النعمان قال. ثم صباح النعمان", "صباح النعمان", [][2]int{{0, 12}, {21, 33}}},
		{"diacritics are part of the word", "محمد مُحمد محمدٌ", "محمد", [][2]int{{0, 4}}},
		{"at the very ends", "ORG and ORG", "ORG", [][2]int{{0, 3}, {8, 11}}},
		{"punctuation at the phrase's edge needs no boundary", "x«نص»y «نص»", "«نص»", [][2]int{{1, 5}, {7, 11}}},
		{"digits are word characters", "2014 12014 2014x 2014", "2014", [][2]int{{0, 4}, {17, 21}}},
		{"overlapping occurrences", "a-a-a", "a-a", [][2]int{{0, 3}, {2, 5}}},
		{"none", "نص بلا تكرار", "كلمة", nil},
		{"empty phrase", "نص", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Occurrences(tt.text, tt.phrase)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Occurrences(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
			}
			for _, o := range got {
				if s, err := Slice(tt.text, o[0], o[1]); err != nil || s != tt.phrase {
					t.Errorf("occurrence %v holds %q (%v), not the phrase", o, s, err)
				}
			}
		})
	}
}
