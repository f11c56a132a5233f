package textsearch

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	for _, c := range []struct {
		name, text, query, want string // want: the text matched, "" for none
	}{
		{"exact", "قال الناطق صباح النعمان", "صباح", "صباح"},
		{"hamza alef in the text", "قال أحمد اليوم", "احمد", "أحمد"},
		{"hamza alef in the query", "قال احمد اليوم", "أحمد", "احمد"},
		{"alef below and madda", "إلى آخر", "الي اخر", "إلى آخر"},
		{"alef maksura", "على الطاولة", "علي", "على"},
		{"taa marbuta", "في المدرسه", "مدرسة", "مدرسه"},
		{"hamza seats", "المسئول عن", "مسؤول", "مسئول"},
		{"harakat in the text, kept in the match", "اسمه مُحَمَّدٌ فقط", "محمد", "مُحَمَّدٌ"},
		{"harakat in the query", "اسمه محمد فقط", "مُحَمَّد", "محمد"},
		{"tatweel", "الملك محـــمد", "محمد", "محـــمد"},
		{"bidi marks between letters", "مح\u200fمد", "محمد", "مح\u200fمد"},
		{"Arabic-Indic digits", "عام ٢٠٢٣ م", "2023", "٢٠٢٣"},
		{"Persian digits and yeh", "سال ۱۴۰۲ ایران", "1402 ايران", "۱۴۰۲ ایران"},
		{"Latin case", "said the BBC today", "bbc", "BBC"},
		{"emoji before the match", "👩🏽‍💻 قال أحمد", "احمد", "أحمد"},
		{"first of two", "احمد ثم أحمد", "أحمد", "احمد"},
		{"a partial match before the real one", "ماما مامان", "مامان", "مامان"},
		{"not there", "قال أحمد", "محمود", ""},
		{"query of harakat only, exact", "بِسم", "ِ", "ِ"},
		{"query of harakat only, absent", "بسم", "ِ", ""},
		{"empty query", "بسم", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			start, end := Index(c.text, c.query)
			if c.want == "" {
				if start != -1 || end != -1 {
					t.Fatalf("Index(%q, %q) = %d, %d (%q), want no match", c.text, c.query, start, end, c.text[start:end])
				}
				return
			}
			if start < 0 {
				t.Fatalf("Index(%q, %q): no match, want %q", c.text, c.query, c.want)
			}
			if got := c.text[start:end]; got != c.want {
				t.Fatalf("Index(%q, %q) matched %q, want %q", c.text, c.query, got, c.want)
			}
		})
	}
}

// TestIndexLongText crosses the window's slides: a match far into a long
// text, and one that straddles where the window is cut.
func TestIndexLongText(t *testing.T) {
	text := strings.Repeat("كلمة ", 10000) + "صَباح النعمان"
	start, end := Index(text, "صباح النعمان")
	if got := text[start:end]; got != "صَباح النعمان" {
		t.Fatalf("matched %q", got)
	}
	for pad := range 12 {
		text := strings.Repeat("x", pad) + "abcdefg"
		if s, e := Index(text, "ABCDEFG"); s != pad || e != len(text) {
			t.Errorf("pad %d: got %d, %d", pad, s, e)
		}
	}
}

func TestPreview(t *testing.T) {
	text := strings.Repeat("ا", 100) + "أحمد" + strings.Repeat("ب", 100)
	got := Preview(text, "احمد", 10, 30)
	want := "…" + strings.Repeat("ا", 10) + "أحمد" + strings.Repeat("ب", 16) + "…"
	if got != want {
		t.Errorf("Preview around a match = %q, want %q", got, want)
	}
	if got := Preview("قال أحمد", "احمد", 40, 120); got != "قال أحمد" {
		t.Errorf("Preview of a short text = %q, want it whole without …", got)
	}
	if got := Preview(text, "محمود", 10, 5); got != "ااااا…" {
		t.Errorf("Preview without a match = %q, want the first 5 code points and …", got)
	}
	words := "قال الوزير إن الاجتماع مستمر حتى المساء"
	if got, want := Preview(words, "", 10, 20), "قال الوزير إن…"; got != want {
		t.Errorf("Preview of words = %q, want it cut after the last whole word and …", got)
	}
	if got, want := Preview(words, "الاجتماع", 8, 40), "…إن الاجتماع مستمر حتى المساء"; got != want {
		t.Errorf("Preview around a match = %q, want it to start at a word's start", got)
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"قال الوزير", 10, "قال الوزير"},                 // whole: 10 code points
		{"قال الوزير إن", 10, "قال الوزير…"},             // cut at a space
		{"قال الوزير إن", 12, "قال الوزير…"},             // the space before إن is dropped
		{"قال الوزير إن الاجتماع", 16, "قال الوزير إن…"}, // not inside الاجتماع
		{"الاجتماعالمستمر", 6, "الاجتم…"},                // one long word: cut inside
		{"😀😀😀 ab", 4, "😀😀😀…"},                            // code points, not bytes
	} {
		if got := Shorten(c.s, c.n); got != c.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	if got, want := Fold("أَحْمَد إلى مدرسة ٢٠ ABC"), "احمد الي مدرسه 20 abc"; got != want {
		t.Errorf("Fold = %q, want %q", got, want)
	}
}

func TestAll(t *testing.T) {
	text := "قال أحمد 😀 ثم قال احمد: «أَحمد»، ثم أحمدي"
	rs := []rune(text)
	got, more := All(text, "احمد", 10)
	var words []string
	for _, m := range got {
		words = append(words, string(rs[m[0]:m[1]]))
	}
	if want := []string{"أحمد", "احمد", "أَحمد", "أحمد"}; strings.Join(words, "|") != strings.Join(want, "|") || more {
		t.Errorf("All found %q (more %v), want %q: every spelling, as code points past the emoji, a part of a word too", words, more, want)
	}
	if got, more := All(text, "احمد", 2); len(got) != 2 || !more {
		t.Errorf("All with limit 2: %v, more %v", got, more)
	}
	if got, more := All("ababab", "aba", 10); len(got) != 1 || got[0] != [2]int{0, 3} || more {
		t.Errorf("matches overlap: %v", got)
	}
	if got, _ := All(text, "محمود", 10); got != nil {
		t.Errorf("All found %v for a word not there", got)
	}
}
