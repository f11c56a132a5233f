package components

import (
	"strings"
	"testing"

	"hashiya/components/agreement"
)

// TestReviewContext: the words around a span stop at its line, begin at
// a word when cut (marked "…"), and reach the text's ends without a mark.
func TestReviewContext(t *testing.T) {
	long := "كلمة كلمة كلمة كلمة كلمة كلمة كلمة كلمة كلمة"
	cases := []struct {
		text          string
		start, end    int
		before, after string
	}{
		{"قال أحمد إن", 4, 8, "قال ", " إن"},
		{"سطر أول\nقال أحمد\nسطر ثالث", 12, 16, "قال ", ""},
		{long + " أحمد " + long, 45, 49, "…كلمة كلمة كلمة كلمة كلمة كلمة ", " كلمة كلمة كلمة كلمة كلمة كلمة…"},
	}
	for _, c := range cases {
		text := []rune(c.text)
		if got := string(text[c.start:c.end]); got != "أحمد" {
			t.Fatalf("the case's span is %q", got)
		}
		if got := contextBefore(text, c.start); got != c.before {
			t.Errorf("%q: before %q, want %q", c.text, got, c.before)
		}
		if got := contextAfter(text, c.end); got != c.after {
			t.Errorf("%q: after %q, want %q", c.text, got, c.after)
		}
	}
}

// TestReviewLineDir: a review row takes its direction from the span's
// line, as the document view does, not from the excerpt, which may begin
// with a Latin word inside an Arabic line.
func TestReviewLineDir(t *testing.T) {
	cases := []struct {
		text string
		at   int
		want string
	}{
		{"قالت شركة Microsoft Corporation في بيان", 32, "rtl"}, // في: its context begins "Microsoft …"
		{"قالت شركة Microsoft Corporation في بيان", 10, "rtl"},
		{"The word كتاب means book", 9, "ltr"},
		{"سطر عربي\nThe second line, كتاب\nسطر ثالث", 26, "ltr"},
		{"سطر عربي\nThe second line, كتاب\nسطر ثالث", 35, "rtl"},
		{"2014 - 2015\nنص", 5, "auto"},
		{"«١٢٣» قال", 1, "rtl"},
	}
	for _, c := range cases {
		if got := lineDir([]rune(c.text), c.at); got != c.want {
			t.Errorf("%q at %d: %s, want %s", c.text, c.at, got, c.want)
		}
	}
}

// TestAttributionTextWithoutPairs: when no quotation of one side
// overlaps one of the other, the summary says no speakers were compared
// rather than count over "0 pairs", in English and in Arabic; with a
// pair it counts the speakers named alike.
func TestAttributionTextWithoutPairs(t *testing.T) {
	none := agreement.Attribution{Quotes: agreement.Pair{OnlyA: 2, OnlyB: 1}}
	if got, want := attributionText(t.Context(), none), "Quotation F1 0.00: 0 quotations marked alike by both sides, 0 pairs differing in extent only. No quotation of one side overlaps one of the other, so no speakers were compared."; got != want {
		t.Errorf("no pairs:\n got %q\nwant %q", got, want)
	}
	ar := attributionText(WithLang(t.Context(), Arabic), none)
	if !strings.Contains(ar, "فلم يُقارَن أي قائل") || strings.Contains(ar, "الأزواج المقرونة") {
		t.Errorf("no pairs in Arabic: %q", ar)
	}
	one := agreement.Attribution{Quotes: agreement.Pair{Both: 1}, Matched: 1, Speaker: agreement.Count{Same: 1, Of: 1}}
	if got, want := attributionText(t.Context(), one), "Quotation F1 1.00: 1 quotation marked alike by both sides, 0 pairs differing in extent only. Over the 1 pair paired by overlap, both named the same speaker in 1 of 1 (1.00)."; got != want {
		t.Errorf("one pair:\n got %q\nwant %q", got, want)
	}
}
