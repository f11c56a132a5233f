package components

import (
	"context"
	"testing"
)

// TestArabicNone: "none", said of a quotation's speaker or cue, a label's
// hotkey or what it covers, is لا يوجد (there is none) in Arabic, which
// fits a person as well as a thing, where لا شيء (nothing) called the
// missing speaker a thing.
func TestArabicNone(t *testing.T) {
	ar := WithLang(context.Background(), Arabic)
	for _, tc := range []struct{ name, got, want string }{
		{"hotkey taken away", Tf(ar, "hotkey %s → %s", keyOrNone(ar, "p"), keyOrNone(ar, "")), "المفتاح \u2068p\u2069 ← \u2068لا يوجد\u2069"},
		{"description added", Tf(ar, "what it covers %s → %s", quotedOrNone(ar, ""), quotedOrNone(ar, "people")), "ما يشمله لا يوجد ← “people”"},
		{"no speaker", T(ar, "Speaker:") + " " + T(ar, "none"), "القائل: لا يوجد"},
		{"English", Tf(context.Background(), "hotkey %s → %s", keyOrNone(context.Background(), "p"), keyOrNone(context.Background(), "")), "hotkey p → none"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
