package codec

import (
	"slices"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		name      string
		in, want  string
		wantFlags []string
	}{
		{"plain text unchanged", "نص عادي\nsecond", "نص عادي\nsecond", nil},
		{"CRLF to LF", "a\r\nb\r\n", "a\nb\n", nil},
		{"lone CR to LF", "a\rb\r\rc", "a\nb\n\nc", nil},
		{"CR CR LF is two breaks", "a\r\r\nb", "a\n\nb", nil},
		{"leading BOM removed", "\uFEFFسلام", "سلام", nil},
		{"inner U+FEFF kept", "a\uFEFFb", "a\uFEFFb", nil},
		{"lam-alef ligature to letters", "\uFEF5", "لآ", []string{"presentation forms"}},
		{"isolated alef to letter", "\uFE8D", "ا", []string{"presentation forms"}},
		{"presentation forms inside a word", "\uFEDF\uFEE4\uFEEE", "لمو", []string{"presentation forms"}},
		{"allah ligature (form A)", "\uFDF2", "الله", []string{"presentation forms"}},
		{"RLO and PDF removed", "a\u202Eعربي\u202Cb", "aعربيb", []string{"bidi controls"}},
		{"LRI and PDI removed", "\u2066abc\u2069 نص", "abc نص", []string{"bidi controls"}},
		{"all embedding controls removed", "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069x", "x", []string{"bidi controls"}},
		{"RLM LRM ALM kept", "a\u200Fb\u200Ec\u061Cd", "a\u200Fb\u200Ec\u061Cd", nil},
		{"ZWJ ZWNJ kept", "ب\u200Dب\u200Cب", "ب\u200Dب\u200Cب", nil},
		{"tatweel and diacritics kept", "كـــتَابٌ", "كـــتَابٌ", nil},
		{"NFC composes e acute", "e\u0301", "é", nil},
		{"NFC composes alef with hamza above", "\u0627\u0654", "\u0623", nil},
		{"NFKC not applied outside presentation forms", "x² ｆ ﬁ", "x² ｆ ﬁ", nil},
		{"U+FFFD flagged and kept", "a\uFFFDb", "a\uFFFDb", []string{"U+FFFD"}},
		{"every flag in order", "\uFFFD\uFE8D\u202E", "\uFFFDا", []string{"bidi controls", "presentation forms", "U+FFFD"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, flags := Canonicalize(tc.in)
			if got != tc.want {
				t.Errorf("Canonicalize(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			if !slices.Equal(flags, tc.wantFlags) {
				t.Errorf("Canonicalize(%+q) flags = %q, want %q", tc.in, flags, tc.wantFlags)
			}
		})
	}
}

// Canonical text must stay canonical: running it again changes nothing,
// or a re-import of an export would shift offsets.
func TestCanonicalizeIdempotent(t *testing.T) {
	for _, in := range []string{"a\r\nb\u202E\uFEF5e\u0301", "\uFEFF\uFDF2\rx", "كـــتَابٌ\u200F"} {
		once, _ := Canonicalize(in)
		twice, flags := Canonicalize(once)
		if twice != once {
			t.Errorf("Canonicalize not idempotent on %+q: %+q then %+q", in, once, twice)
		}
		if len(flags) != 0 {
			t.Errorf("canonical text %+q still flagged %q", once, flags)
		}
	}
}
