package offsets_test

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"hashiya/offsets"
)

// FuzzUTF16RoundTrip checks that a code point offset survives the trip to
// the browser's UTF-16 units and back, for any valid text and offset. As a
// normal test it runs the seeds only: every case at its start, middle and end.
func FuzzUTF16RoundTrip(f *testing.F) {
	for _, c := range loadCases(f) {
		n := offsets.Len(c.Text)
		for _, cp := range []int{0, 1, n / 2, n - 1, n} {
			f.Add(c.Text, cp)
		}
	}
	f.Add("👨‍👩‍👧‍👦🇮🇶", 3)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, text string, cp int) {
		if !utf8.ValidString(text) {
			t.Skip("offsets are defined for valid UTF-8 only")
		}
		rs := []rune(text)
		if cp < 0 {
			cp = -(cp + 1)
		}
		cp %= len(rs) + 1
		u16, err := offsets.ToUTF16(text, cp)
		if err != nil {
			t.Fatalf("ToUTF16(%d): %v", cp, err)
		}
		if want := len(utf16.Encode(rs[:cp])); u16 != want {
			t.Fatalf("ToUTF16(%d) = %d, want %d", cp, u16, want)
		}
		back, err := offsets.FromUTF16(text, u16)
		if err != nil || back != cp {
			t.Fatalf("FromUTF16(ToUTF16(%d) = %d) = %d, %v", cp, u16, back, err)
		}
	})
}

// FuzzSnapWords holds SnapWords to referenceSnapWords on any text without
// brackets (whose pairing the reference leaves out), and checks that on
// any text a snapped span snaps to itself. As a normal test it runs the
// seeds only: numbers, dates and percentages in Arabic and Latin digits,
// and every torture case from its second code point to its middle.
func FuzzSnapWords(f *testing.F) {
	for _, s := range []string{"في 5/10/2021.", "ارتفعت 12.5% إلى", "١٢٫٥٪ و١٬٠٠٠", "10:30، 2021-10-05", "50%فقط 1..2", "(12.5%) قال"} {
		f.Add(s, 2, 7)
	}
	for _, c := range loadCases(f) {
		f.Add(c.Text, 1, offsets.Len(c.Text)/2)
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if !utf8.ValidString(text) || text == "" {
			t.Skip("offsets are defined for valid UTF-8 only")
		}
		rs := []rune(text)
		start, end = fold(start, len(rs)), fold(end, len(rs))
		if start >= end {
			start, end = end, start+1
		}
		a, b := offsets.SnapWords(text, start, end)
		if !strings.ContainsAny(text, "()[]{}«»‹›“”") {
			if wa, wb := referenceSnapWords(rs, start, end); a != wa || b != wb {
				t.Fatalf("%q: SnapWords(%d, %d) = %d..%d, want %d..%d", text, start, end, a, b, wa, wb)
			}
		}
		if a2, b2 := offsets.SnapWords(text, a, b); a2 != a || b2 != b {
			t.Fatalf("%q: %d..%d snapped to %d..%d, which snaps on to %d..%d", text, start, end, a, b, a2, b2)
		}
	})
}

// fold maps any int into 0..n-1.
func fold(i, n int) int {
	if i < 0 {
		i = -(i + 1)
	}
	return i % n
}
