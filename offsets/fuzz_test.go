package offsets_test

import (
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
