package offsets_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"hashiya/offsets"
)

// textCase is one entry of testdata/offsets.json, the torture texts shared
// with the browser test that checks JavaScript counts code points like Go.
type textCase struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

func loadCases(tb testing.TB) []textCase {
	tb.Helper()
	b, err := os.ReadFile("../testdata/offsets.json")
	if err != nil {
		tb.Fatal(err)
	}
	var cases []textCase
	if err := json.Unmarshal(b, &cases); err != nil {
		tb.Fatalf("testdata/offsets.json: %v", err)
	}
	if len(cases) == 0 {
		tb.Fatal("testdata/offsets.json holds no cases")
	}
	return cases
}

// units16 is the UTF-16 length of s, computed independently of the package.
func units16(s string) int { return len(utf16.Encode([]rune(s))) }

// Lengths as Python reports them: len(text) and len(text.encode("utf-16-le"))//2.
var pythonLens = map[string]struct{ cp, u16 int }{
	"arabic plain": {17, 17},
	"arabic diacritics (damma, fatha, shadda, dammatan)": {17, 17},
	"arabic tatweel":            {7, 7},
	"emoji":                     {10, 11},
	"emoji skin tone":           {7, 9},
	"emoji zwj family":          {19, 23},
	"flag":                      {14, 16},
	"astral math letters":       {8, 12},
	"astral cjk":                {7, 8},
	"bidi marks rlm lrm alm":    {30, 30},
	"crlf line breaks":          {27, 27},
	"lone cr line breaks":       {18, 18},
	"mixed arabic latin digits": {27, 27},
	"combining latin":           {14, 14},
	"arabic-indic digits":       {14, 14},
}

func TestLenMatchesPython(t *testing.T) {
	explicit := []struct {
		name      string
		text      string
		cp, u16   int
		graphemes int
	}{
		{"empty", "", 0, 0, 0},
		{"zwj family", "👨‍👩‍👧‍👦", 7, 11, 1},
		{"flag", "🇮🇶", 2, 4, 1},
		{"emoji", "😀", 1, 2, 1},
		{"skin tone", "👍🏽", 2, 4, 1},
		{"diacritics", "مُحَمَّدٌ", 9, 9, 4},
		{"tatweel", "عـــربي", 7, 7, 7},
		{"combining latin", "e\u0301", 2, 2, 1},
		{"astral cjk", "𠀋", 1, 2, 1},
		{"math letters", "𝔸𝕣𝕒𝕓", 4, 8, 4},
		{"crlf", "\r\n", 2, 2, 1},
		{"arabic-indic digits", "٢٠٢٤", 4, 4, 4},
		{"last bmp code point", "\uffff", 1, 1, 1},
		{"first astral code point", "\U00010000", 1, 2, 1},
	}
	for _, c := range explicit {
		t.Run(c.name, func(t *testing.T) {
			checkLens(t, c.text, c.cp, c.u16)
			if got := uniseg.GraphemeClusterCount(c.text); got != c.graphemes {
				t.Errorf("grapheme clusters = %d, want %d", got, c.graphemes)
			}
		})
	}
	seen := map[string]bool{}
	for _, c := range loadCases(t) {
		want, ok := pythonLens[c.Name]
		if !ok {
			continue
		}
		seen[c.Name] = true
		t.Run(c.Name, func(t *testing.T) { checkLens(t, c.Text, want.cp, want.u16) })
	}
	for name := range pythonLens {
		if !seen[name] {
			t.Errorf("testdata/offsets.json lost the case %q", name)
		}
	}
}

func checkLens(t *testing.T, text string, cp, u16 int) {
	t.Helper()
	if got := offsets.Len(text); got != cp {
		t.Errorf("Len = %d, want %d", got, cp)
	}
	if got := offsets.NewIndex(text).Len(); got != cp {
		t.Errorf("Index.Len = %d, want %d", got, cp)
	}
	if got, err := offsets.ToUTF16(text, cp); err != nil || got != u16 {
		t.Errorf("ToUTF16(end) = %d, %v; want %d", got, err, u16)
	}
	if got, err := offsets.FromUTF16(text, u16); err != nil || got != cp {
		t.Errorf("FromUTF16(end) = %d, %v; want %d", got, err, cp)
	}
}

func TestUTF16RoundTrip(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			rs := []rune(c.Text)
			for cp := 0; cp <= len(rs); cp++ {
				want := units16(string(rs[:cp]))
				u16, err := offsets.ToUTF16(c.Text, cp)
				if err != nil || u16 != want {
					t.Fatalf("ToUTF16(%d) = %d, %v; want %d", cp, u16, err, want)
				}
				back, err := offsets.FromUTF16(c.Text, u16)
				if err != nil || back != cp {
					t.Fatalf("FromUTF16(%d) = %d, %v; want %d", u16, back, err, cp)
				}
			}
			// Every UTF-16 offset converts, except those between the halves of a pair.
			units := utf16.Encode(rs)
			for u := 0; u <= len(units); u++ {
				splits := u > 0 && u < len(units) && utf16.IsSurrogate(rune(units[u-1])) && units[u-1] < 0xDC00
				_, err := offsets.FromUTF16(c.Text, u)
				if splits != (err != nil) {
					t.Errorf("FromUTF16(%d): err = %v, splits a pair = %v", u, err, splits)
				}
			}
		})
	}
}

func TestUTF16Errors(t *testing.T) {
	splits := []struct {
		text string
		u16  int
	}{
		{"😀", 1},       // between the halves of U+1F600
		{"a😀b", 2},     // same, after a BMP letter
		{"🇮🇶", 3},      // inside the second regional indicator
		{"👨‍👩‍👧‍👦", 1}, // inside the first person of the family
	}
	for _, c := range splits {
		_, err := offsets.FromUTF16(c.text, c.u16)
		if err == nil || !strings.Contains(err.Error(), "surrogate pair") {
			t.Errorf("FromUTF16(%q, %d): err = %v, want one naming the split surrogate pair", c.text, c.u16, err)
		}
	}
	from := []struct {
		text string
		u16  int
	}{
		{"😀", 3},    // past the end (2 units)
		{"عربي", 5}, // past the end (4 units)
		{"", 1},     // past the end of nothing
		{"abc", -1}, // negative
	}
	for _, c := range from {
		if got, err := offsets.FromUTF16(c.text, c.u16); err == nil {
			t.Errorf("FromUTF16(%q, %d) = %d, want an error", c.text, c.u16, got)
		}
	}
	to := []struct {
		text string
		cp   int
	}{{"😀", 2}, {"عربي", 5}, {"", 1}, {"abc", -1}}
	for _, c := range to {
		if got, err := offsets.ToUTF16(c.text, c.cp); err == nil {
			t.Errorf("ToUTF16(%q, %d) = %d, want an error", c.text, c.cp, got)
		}
	}
}

func TestIndexSliceAndCheck(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			rs := []rune(c.Text)
			x := offsets.NewIndex(c.Text)
			for start := -1; start <= len(rs)+1; start++ {
				for end := -1; end <= len(rs)+1; end++ {
					got, err := x.Slice(start, end)
					valid := 0 <= start && start < end && end <= len(rs)
					if !valid {
						if err == nil || x.Check(start, end) == nil {
							t.Errorf("Slice(%d, %d) = %q, want an error", start, end, got)
						}
						continue
					}
					if err != nil || x.Check(start, end) != nil {
						t.Fatalf("Slice(%d, %d): %v", start, end, err)
					}
					if want := string(rs[start:end]); got != want {
						t.Fatalf("Slice(%d, %d) = %q, want %q", start, end, got, want)
					}
				}
			}
		})
	}
}

func TestIndexCodePoint(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			x := offsets.NewIndex(c.Text)
			for b := -1; b <= len(c.Text)+1; b++ {
				boundary := b == len(c.Text) || (b >= 0 && b < len(c.Text) && utf8.RuneStart(c.Text[b]))
				cp, err := x.CodePoint(b)
				if !boundary {
					if err == nil {
						t.Errorf("CodePoint(%d) = %d, want an error", b, cp)
					}
					continue
				}
				if want := utf8.RuneCountInString(c.Text[:b]); err != nil || cp != want {
					t.Fatalf("CodePoint(%d) = %d, %v; want %d", b, cp, err, want)
				}
				if got := x.ByteOffset(cp); got != b {
					t.Fatalf("ByteOffset(%d) = %d, want %d", cp, got, b)
				}
			}
		})
	}
	// "مُ" is two 2-byte code points: byte 1 and 3 are inside them.
	x := offsets.NewIndex("مُحَمَّدٌ")
	for _, b := range []int{1, 3, 17, 19} {
		if _, err := x.CodePoint(b); err == nil {
			t.Errorf("CodePoint(%d) of a non-boundary succeeded", b)
		}
	}
	if cp, err := x.CodePoint(4); err != nil || cp != 2 {
		t.Errorf("CodePoint(4) = %d, %v; want 2", cp, err)
	}
}

// cpIndex is the code point offset of the first sub in text.
func cpIndex(t *testing.T, text, sub string) int {
	t.Helper()
	for b := range text {
		if len(text[b:]) >= len(sub) && text[b:b+len(sub)] == sub {
			return utf8.RuneCountInString(text[:b])
		}
	}
	t.Fatalf("%q not in %q", sub, text)
	return 0
}

func TestSnapGraphemes(t *testing.T) {
	const (
		muhammad = "مُحَمَّدٌ" // م ُ ح َ م َ ّ د ٌ
		family   = "عائلة 👨‍👩‍👧‍👦 سعيدة"
		flag     = "العراق 🇮🇶 Iraq"
	)
	cases := []struct {
		name       string
		text       string
		start, end int
		wantStart  int
		wantEnd    int
	}{
		{"end between meem and its fatha+shadda", muhammad, 4, 5, 4, 7},
		{"end between meem and fatha, shadda left", muhammad, 0, 6, 0, 7},
		{"end between meem and damma", muhammad, 0, 1, 0, 2},
		{"end between dal and dammatan", muhammad, 7, 8, 7, 9},
		{"start on the shadda", muhammad, 6, 9, 4, 9},
		{"start inside the zwj family", family, 8, 10, 6, 13},
		{"end inside the zwj family", family, 0, 7, 0, 13},
		{"first half of the flag", flag, 7, 8, 7, 9},
		{"second half of the flag", flag, 8, 9, 7, 9},
		{"thumb without its skin tone", "👍🏽 تمام", 0, 1, 0, 2},
		{"e without its acute", "cafe\u0301", 3, 4, 3, 5},
		{"cr without its lf", "ab\r\ncd", 1, 3, 1, 4},
		{"aligned word", muhammad, 0, 9, 0, 9},
		{"aligned family", family, 6, 13, 6, 13},
		{"aligned flag", flag, 7, 9, 7, 9},
		{"aligned tatweel letters", "عـــربي", 1, 3, 1, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := offsets.SnapGraphemes(c.text, c.start, c.end)
			if a != c.wantStart || b != c.wantEnd {
				t.Errorf("SnapGraphemes(%d, %d) = %d..%d, want %d..%d", c.start, c.end, a, b, c.wantStart, c.wantEnd)
			}
		})
	}
}

// wholeSnap snaps start..end to grapheme clusters found by segmenting the
// whole text, the reference the windowed functions are held to.
func wholeSnap(text string, start, end int) (int, int) {
	bounds := []int{0}
	cp, state, rest := 0, -1, text
	for rest != "" {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		cp += utf8.RuneCountInString(cluster)
		bounds = append(bounds, cp)
	}
	a, b := 0, cp
	for _, x := range bounds {
		if x <= start {
			a = x
		}
		if x >= end {
			b = x
			break
		}
	}
	return a, b
}

// TestSnapGraphemesProperties checks every span of every case: the result
// is the smallest span of whole clusters holding the input.
func TestSnapGraphemesProperties(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			isBound := map[int]bool{0: true}
			cp, state, rest := 0, -1, c.Text
			for rest != "" {
				var cluster string
				cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
				cp += utf8.RuneCountInString(cluster)
				isBound[cp] = true
			}
			n := offsets.Len(c.Text)
			for start := 0; start < n; start++ {
				for end := start + 1; end <= n; end++ {
					a, b := offsets.SnapGraphemes(c.Text, start, end)
					if !isBound[a] || !isBound[b] || a > start || b < end {
						t.Fatalf("SnapGraphemes(%d, %d) = %d..%d: not whole clusters around the input", start, end, a, b)
					}
					for i := a + 1; i <= start; i++ {
						if isBound[i] {
							t.Fatalf("SnapGraphemes(%d, %d) = %d..%d: start widened past the cluster bound %d", start, end, a, b, i)
						}
					}
					for i := end; i < b; i++ {
						if isBound[i] {
							t.Fatalf("SnapGraphemes(%d, %d) = %d..%d: end widened past the cluster bound %d", start, end, a, b, i)
						}
					}
				}
			}
		})
	}
}

// TestCheckGraphemes: a span is accepted exactly when snapping would leave
// it as it is, for every span of every torture case.
func TestCheckGraphemes(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			n := offsets.Len(c.Text)
			for start := 0; start < n; start++ {
				for end := start + 1; end <= n; end++ {
					a, b := offsets.SnapGraphemes(c.Text, start, end)
					_, err := offsets.CheckGraphemes(c.Text, start, end)
					if whole := a == start && b == end; whole != (err == nil) {
						t.Fatalf("CheckGraphemes(%d, %d) = %v, but snapping gives %d..%d", start, end, err, a, b)
					}
				}
			}
		})
	}
	if _, err := offsets.CheckGraphemes("مُحَمَّدٌ", 0, 1); err == nil || !strings.Contains(err.Error(), "whole clusters would be 0..2") {
		t.Errorf("meem without its damma: %v", err)
	}
	for _, span := range [][2]int{{-1, 1}, {2, 2}, {0, 99}} {
		if _, err := offsets.CheckGraphemes("abc", span[0], span[1]); err == nil {
			t.Errorf("CheckGraphemes(%d, %d) accepted", span[0], span[1])
		}
	}
}

// TestCheckGraphemesMixedLines checks CheckGraphemes, which segments only
// between the nearest certain boundaries, against segmenting the whole
// text, on random lines mixing spaces with the code points that join
// clusters: marks, ZWJ, emoji modifiers, flags, Hangul jamo, Devanagari
// virama, Thai sara am, Arabic prepended number signs.
func TestCheckGraphemesMixedLines(t *testing.T) {
	pieces := []string{" ", " ", "م", "a", "7", "\u064f", "\u0651", "\u200d", "\u200c", "👍", "\U0001F3FD",
		"🇸", "🇦", "ᄀ", "ᅡ", "ᆨ", "क", "\u094d", "ष", "ำ", "ก", "\u0600", "\r", "\n", "ـ", "\u200f"}
	rng := uint64(1)
	next := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	for range 300 {
		var b strings.Builder
		for range 6 + next(30) {
			b.WriteString(pieces[next(len(pieces))])
		}
		text := b.String()
		n := offsets.Len(text)
		for start := 0; start < n; start++ {
			for end := start + 1; end <= n; end++ {
				a, z := wholeSnap(text, start, end)
				if _, err := offsets.CheckGraphemes(text, start, end); (a == start && z == end) != (err == nil) {
					t.Fatalf("%q: CheckGraphemes(%d, %d) = %v, but snapping the whole text gives %d..%d", text, start, end, err, a, z)
				}
				if sa, sz := offsets.SnapGraphemes(text, start, end); sa != a || sz != z {
					t.Fatalf("%q: SnapGraphemes(%d, %d) = %d..%d, but snapping the whole text gives %d..%d", text, start, end, sa, sz, a, z)
				}
			}
		}
	}
	// A run of flags longer than any first window: which half of a flag a
	// position falls in depends on every indicator before it.
	flags := strings.Repeat("🇸🇦", 150) + " م"
	for start := 0; start < 300; start += 7 {
		for end := start + 1; end <= offsets.Len(flags); end += 5 {
			_, err := offsets.CheckGraphemes(flags, start, end)
			if whole := start%2 == 0 && (end%2 == 0 || end > 300); whole != (err == nil) {
				t.Fatalf("flags: CheckGraphemes(%d, %d) = %v", start, end, err)
			}
		}
	}
	// Long lines, where the window around an end must widen: runs of
	// marks and flags longer than it, few spaces.
	joiners := []string{"م", "a", "\u064f", "\u0651", "\u200d", "👍", "\U0001F3FD", "🇸", "🇦", "🇸", "🇦", "ᄀ", "ᅡ", "ᆨ", "क", "\u094d", "ष", "ำ", "\u0600"}
	for range 40 {
		var b strings.Builder
		for range 300 + next(900) {
			if next(300) == 0 {
				b.WriteString(" م")
			}
			b.WriteString(joiners[next(len(joiners))])
		}
		text := b.String()
		n := offsets.Len(text)
		for range 200 {
			start := next(n)
			end := start + 1 + next(n-start)
			a, z := wholeSnap(text, start, end)
			_, err := offsets.CheckGraphemes(text, start, end)
			if whole := a == start && z == end; whole != (err == nil) || !whole && !strings.Contains(err.Error(), fmt.Sprintf("would be %d..%d", a, z)) {
				t.Fatalf("CheckGraphemes(%d, %d) = %v, but snapping the whole text gives %d..%d", start, end, err, a, z)
			}
			if sa, sz := offsets.SnapGraphemes(text, start, end); sa != a || sz != z {
				t.Fatalf("SnapGraphemes(%d, %d) = %d..%d, but snapping the whole text gives %d..%d", start, end, sa, sz, a, z)
			}
		}
	}
}

func TestSnapWords(t *testing.T) {
	const (
		phrase  = "مُحَمَّدٌ رَسُولُ"
		tatweel = "عـــربي"
		comma   = "نعم، لماذا؟"
		mixed   = "قال 3 رجال from CNN في 2024"
	)
	cases := []struct {
		name       string
		text       string
		start, end int
		want       string // text[start:end] after snapping
	}{
		{"inside a word with diacritics", phrase, 2, 4, "مُحَمَّدٌ"},
		{"on a diacritic of the second word", phrase, 11, 12, "رَسُولُ"},
		{"on a tatweel", tatweel, 1, 2, tatweel},
		{"after the tatweels", tatweel, 4, 5, tatweel},
		{"word then arabic comma and space", comma, 1, 5, "نعم"},
		{"arabic comma, word, question mark", comma, 3, 11, "لماذا"},
		{"spaces around a digit", mixed, 3, 6, "3"},
		{"inside a latin word", mixed, 12, 14, "from"},
		{"across two words", mixed, 1, 7, "قال 3 رجال"},
		{"inside arabic-indic digits", "عام ٢٠٢٤ و", 5, 6, "٢٠٢٤"},
		{"zwnj stays inside the word", "می\u200cخواهم", 4, 5, "می\u200cخواهم"},
		{"rlm after the number trimmed", "السعر \u200f100\u200e USD", 6, 11, "100"},
		{"a closing bracket the drag caught is kept with its opener", "قالت رويترز (Reuters) اليوم", 5, 21, "رويترز (Reuters)"},
		{"an opening bracket just before is taken for a closer inside", "(Reuters) said", 2, 14, "(Reuters) said"},
		{"brackets round the whole span are trimmed", "قال «الشرق الأوسط» أمس", 4, 18, "الشرق الأوسط"},
		{"an opener with no closer after is trimmed", "قال (في بيان", 4, 12, "في بيان"},
		{"only the innermost open bracket is closed", "a (b [c]) d", 3, 7, "b [c]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := offsets.SnapWords(c.text, c.start, c.end)
			got := string([]rune(c.text)[a:b])
			if got != c.want {
				t.Errorf("SnapWords(%d, %d) = %d..%d %q, want %q", c.start, c.end, a, b, got, c.want)
			}
			if want := cpIndex(t, c.text, c.want); a != want {
				t.Errorf("SnapWords start = %d, want %d", a, want)
			}
		})
	}

	unchanged := []struct {
		name       string
		text       string
		start, end int
	}{
		{"only the arabic comma and space", comma, 3, 5},
		{"only spaces", mixed, 3, 4},
		{"only an emoji", "مرحبا 😀 hi", 6, 7},
		{"only rlm and lrm", "a\u200f\u200eb", 1, 3},
		{"empty", comma, 2, 2},
		{"reversed", comma, 4, 1},
		{"past the end", comma, 0, 99},
		{"negative", comma, -1, 2},
	}
	for _, c := range unchanged {
		t.Run(c.name, func(t *testing.T) {
			if a, b := offsets.SnapWords(c.text, c.start, c.end); a != c.start || b != c.end {
				t.Errorf("SnapWords(%d, %d) = %d..%d, want it unchanged", c.start, c.end, a, b)
			}
		})
	}
}

// TestSnapWordsNumbers: a number with marks inside (decimals, thousands,
// dates, times; Latin and Arabic-Indic digits) and the percent sign after
// it are one word, whichever part of it a drag catches; a mark that is not
// between two digits still breaks words.
func TestSnapWordsNumbers(t *testing.T) {
	const text = "ارتفعت الأسعار 12.5% إلى 1,000,000 دينار في 5/10/2021 أو 2021-10-05 الساعة 10:30، " +
		"و ١٢٫٥٪ في ٥/١٠/٢٠٢١ و ١٬٠٠٠ و 50%فقط و 12 % و 1, 2 و %7 ali@example.com Al-Jazeera 1..2 عام 2021."
	cases := []struct {
		name     string
		in       string // a stretch of text, once in it
		from, to int    // the selection, in code points of in
		want     string // what it snaps to, once in in
	}{
		{"a decimal point and a digit", "12.5%", 1, 3, "12.5%"},
		{"the whole percentage", "12.5%", 0, 5, "12.5%"},
		{"the percent sign alone", "12.5%", 4, 5, "12.5%"},
		{"starting on the decimal point", "12.5%", 2, 5, "12.5%"},
		{"ending on the decimal point", "12.5%", 0, 2, "12.5%"},
		{"the decimal point alone", "12.5%", 2, 3, "12.5%"},
		{"inside thousands", "1,000,000", 3, 5, "1,000,000"},
		{"a slash and a digit of a date", "5/10/2021", 1, 3, "5/10/2021"},
		{"a date with the spaces round it", " 5/10/2021 ", 0, 11, "5/10/2021"},
		{"the month of an ISO date", "2021-10-05", 5, 7, "2021-10-05"},
		{"the minutes of a time", "10:30،", 3, 6, "10:30"},
		{"an arabic decimal and percent", "١٢٫٥٪", 3, 4, "١٢٫٥٪"},
		{"an arabic date", "٥/١٠/٢٠٢١", 2, 4, "٥/١٠/٢٠٢١"},
		{"arabic thousands", "١٬٠٠٠", 3, 4, "١٬٠٠٠"},
		{"a word written straight after a percent", "50%فقط", 3, 5, "فقط"},
		{"the percent before such a word", "50%فقط", 2, 3, "50%"},
		{"a percent after a space stays out", "12 %", 0, 4, "12"},
		{"a comma and space between numbers", "1, 2", 0, 2, "1"},
		{"a list of numbers", "1, 2", 0, 4, "1, 2"},
		{"a percent before digits stays out", "%7", 0, 2, "7"},
		{"an email keeps its dots and at sign as breaks", "ali@example.com", 5, 8, "example"},
		{"a hyphen between letters", "Al-Jazeera", 0, 3, "Al"},
		{"two marks between digits", "1..2", 0, 2, "1"},
		{"a sentence's full stop after a year", "2021.", 2, 5, "2021"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := cpIndex(t, text, c.in)
			a, b := offsets.SnapWords(text, at+c.from, at+c.to)
			want := at + cpIndex(t, c.in, c.want)
			if got := string([]rune(text)[a:b]); got != c.want || a != want {
				t.Errorf("%q %d..%d snaps to %d..%d %q, want %d %q", c.in, c.from, c.to, a, b, got, want, c.want)
			}
		})
	}
	at := cpIndex(t, text, "2021.") + 4
	if a, b := offsets.SnapWords(text, at, at+1); a != at || b != at+1 {
		t.Errorf("the full stop alone snaps to %d..%d, want it unchanged", a, b)
	}
}

// TestSnapWordsMixedLines holds SnapWords, which reads only around the
// span, to the plain definition over the whole text's code points, on
// random lines of letters, marks, digits, joiners, emoji, punctuation and
// the marks and percent signs that numbers hold.
func TestSnapWordsMixedLines(t *testing.T) {
	pieces := []string{" ", " ", "م", "a", "7", "٣", "\u064f", "ـ", "\u200c", "\u200d", "😀", "\U0001F3FD", "،", ".", "\u200f", "\n", "/", "٫", "-", "%", "٪"}
	reference := referenceSnapWords
	rng := uint64(7)
	next := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	for range 200 {
		var b strings.Builder
		for range 4 + next(24) {
			b.WriteString(pieces[next(len(pieces))])
		}
		text := b.String()
		rs := []rune(text)
		for start := 0; start < len(rs); start++ {
			for end := start + 1; end <= len(rs); end++ {
				wa, wz := reference(rs, start, end)
				if a, z := offsets.SnapWords(text, start, end); a != wa || z != wz {
					t.Fatalf("%q: SnapWords(%d, %d) = %d..%d, want %d..%d", text, start, end, a, z, wa, wz)
				}
				// Snap with words is SnapWords, then SnapGraphemes.
				ga, gz := offsets.SnapGraphemes(text, wa, wz)
				if a, z, err := offsets.Snap(text, start, end, true); err != nil || a != ga || z != gz {
					t.Fatalf("%q: Snap(%d, %d, words) = %d..%d, %v; want %d..%d", text, start, end, a, z, err, ga, gz)
				}
			}
		}
	}
}

// referenceSnapWords is SnapWords (brackets aside) over the whole text's
// code points: a word is a run of letters, marks, digits, tatweel and
// joiners, with a number's inner marks (between two digits) and its
// closing percent sign (after a digit), after which a new word starts.
func referenceSnapWords(rs []rune, start, end int) (int, int) {
	isWord := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 'ـ' || r == '\u200c' || r == '\u200d'
	}
	digit := func(i int) bool { return i >= 0 && i < len(rs) && unicode.IsDigit(rs[i]) }
	percent := func(i int) bool { return i >= 0 && strings.ContainsRune("%٪‰؉", rs[i]) }
	inWord := func(i int) bool {
		return isWord(rs[i]) || strings.ContainsRune(".,/-:٫٬", rs[i]) && digit(i-1) && digit(i+1) || percent(i) && digit(i-1)
	}
	a, b := start, end
	for a < b && !inWord(a) {
		a++
	}
	for b > a && !inWord(b-1) {
		b--
	}
	if a == b {
		return start, end
	}
	for a > 0 && inWord(a-1) && !percent(a-1) {
		a--
	}
	for b < len(rs) && inWord(b) && !percent(b-1) {
		b++
	}
	return a, b
}

// TestSliceWithoutIndex: Check and Slice, for one span of a long text,
// agree with the Index on every span of every torture case.
func TestSliceWithoutIndex(t *testing.T) {
	for _, c := range loadCases(t) {
		x := offsets.NewIndex(c.Text)
		for start := -1; start <= x.Len(); start++ {
			for end := start; end <= x.Len()+1; end++ {
				want, werr := x.Slice(start, end)
				got, err := offsets.Slice(c.Text, start, end)
				if got != want || (err == nil) != (werr == nil) || (offsets.Check(c.Text, start, end) == nil) != (werr == nil) {
					t.Fatalf("%s: Slice(%d, %d) = %q, %v; the Index says %q, %v", c.Name, start, end, got, err, want, werr)
				}
			}
		}
	}
}

// TestIsWordRuneFastPaths: the ASCII and Arabic shortcuts answer as the
// Unicode tables do, for every code point they cover.
func TestIsWordRuneFastPaths(t *testing.T) {
	for r := rune(0); r < 0x0700; r++ {
		want := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 'ـ'
		if got := offsets.IsWordRune(r); got != want {
			t.Errorf("IsWordRune(%U) = %v, the tables say %v", r, got, want)
		}
	}
}
