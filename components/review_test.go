package components

import "testing"

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
