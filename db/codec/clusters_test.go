package codec

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"hashiya/offsets"
)

// TestPlainRunesNeverJoin checks clearCut's premise against the segmenter
// the editor's check uses: any two plain characters side by side are two
// grapheme clusters, whichever they are.
func TestPlainRunesNeverJoin(t *testing.T) {
	var plain []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if plainRune(r) {
			plain = append(plain, r)
		}
	}
	if len(plain) < 1000 {
		t.Fatalf("only %d plain characters: the Arabic table is not what it was", len(plain))
	}
	for _, a := range plain {
		// a beside every plain character, on both sides: a b1 a b2 a ...
		var sb strings.Builder
		for _, b := range plain {
			sb.WriteRune(a)
			sb.WriteRune(b)
		}
		s := sb.String()
		if got, want := uniseg.GraphemeClusterCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("%q beside plain characters makes %d clusters of %d characters", a, got, want)
		}
	}
}

// TestSplitsClustersAsCheckGraphemes compares the fast path with the
// editor's check on every span of texts holding marks, emoji, flags,
// line breaks and invisible marks.
func TestSplitsClustersAsCheckGraphemes(t *testing.T) {
	texts := []string{
		"قالَ الرئيسُ: «نعم» 👍🏽 🇸🇦 ok\r\nسطر\nجديد‏ ‍ب ١٢٣ e\u0301 x",
		"\u0600\u0661 ؀a \u0300b \u200db \U0001F468\u200d\U0001F469 ab cd\n\u064bع",
		"plain ascii text, with punctuation! (and) [brackets] ~ end",
	}
	for _, text := range texts {
		idx := offsets.NewIndex(text)
		for start := 0; start < idx.Len(); start++ {
			for end := start + 1; end <= idx.Len(); end++ {
				_, want := idx.CheckGraphemes(start, end)
				got := splitsClusters(idx, start, end)
				if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
					t.Fatalf("%q %d..%d: got %v, CheckGraphemes says %v", text, start, end, got, want)
				}
			}
		}
	}
}

// TestPlainStringAsJSON checks the shortcut for strings without escapes
// against encoding/json on strings with and without them.
func TestPlainStringAsJSON(t *testing.T) {
	for _, raw := range []string{`""`, `"abc"`, `"قال"`, `"a\"b"`, `"a\\b"`, `"\u0041"`, `"a` + "\t" + `b"`, "\"\xff\"", `"a"b"`, `"`, `abc`, `"👍🏽"`} {
		var want string
		wantErr := json.Unmarshal([]byte(raw), &want)
		got, ok := stringValue(json.RawMessage(raw))
		if ok != (wantErr == nil) || got != want {
			t.Errorf("stringValue(%s) = %q, %v; encoding/json: %q, %v", raw, got, ok, want, wantErr)
		}
	}
}

// TestOutsideBMPAsUTF16Table checks the shortcut against the table it
// spares building.
func TestOutsideBMPAsUTF16Table(t *testing.T) {
	for _, text := range []string{"", "abc", "قال", "👍", "a🇸🇦b", "\uFFFF", "\U00010000", "é\u0301"} {
		want := offsets.NewUTF16Table(text).Len() != offsets.NewIndex(text).Len()
		if got := outsideBMP(text); got != want {
			t.Errorf("outsideBMP(%q) = %v, want %v", text, got, want)
		}
	}
}
