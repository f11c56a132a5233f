package web_test

import (
	"fmt"
	"testing"
	"unicode"

	"hashiya/db/codec"
)

// TestBrowserSpansKeepBidiOrder draws mixed Arabic, Latin and digit
// lines with spans on every word, on every other word with a span across
// the direction changes and one nested in it, and on parts of words, and
// checks that every character sits where it sits with no annotation at
// all: highlighting a word never reorders the text around it. (A
// bidi-isolated run would: a span on "Microsoft" in "شركة Microsoft
// Corporation" would be drawn after "Corporation".)
func TestBrowserSpansKeepBidiOrder(t *testing.T) {
	lines := []string{
		"قالت شركة Microsoft Corporation في بيان صدر يوم 12 آذار 2014 إن الأرباح زادت 3.5% مقارنة بعام 2013.",
		"وأشار الناطق إلى أن “Windows 11” سيصدر في 5/10/2021، حسب موقع www.example.com/ar اليوم.",
		"The spokesman of كتيبة القعقاع said 40 fighters left Mosul on 3 May.",
		"بلغ العدد ١٢٣ ألفاً في عام ٢٠٢٠ (أي 45٪) وفق BBC Arabic وقناة الجزيرة.",
		"اتصل على +966 11 234 5678 أو راسل info@example.org قبل الساعة 10:30 صباحاً.",
	}
	variants := []struct {
		name  string
		spans func(words [][2]int, chars []rune) [][2]int
	}{
		{"every word", func(words [][2]int, _ []rune) [][2]int { return words }},
		{"every other word, one across directions, one nested", func(words [][2]int, _ []rune) [][2]int {
			var out [][2]int
			for i := 1; i < len(words); i += 2 {
				out = append(out, words[i])
			}
			return append(out, [2]int{words[2][0], words[5][1]}, [2]int{words[3][0], words[4][1]})
		}},
		// Inside words, never between a letter and its marks: the server
		// refuses such spans and cuts none.
		{"parts of words", func(words [][2]int, chars []rune) [][2]int {
			var out [][2]int
			for _, w := range words {
				start, end := w[0]+1, w[1]-1
				for start < end && unicode.Is(unicode.Mn, chars[start]) {
					start++
				}
				for end > start && unicode.Is(unicode.Mn, chars[end]) {
					end--
				}
				if end-start >= 2 {
					out = append(out, [2]int{start, end})
				}
			}
			return out
		}},
	}
	var docs []codec.Doc
	for i, text := range lines {
		docs = append(docs, codec.Doc{Line: len(docs) + 1, ExternalID: fmt.Sprint("plain-", i), Text: text, Meta: []byte("{}")})
		for j, v := range variants {
			var spans []codec.Span
			for k, sp := range v.spans(wordsOf(text), []rune(text)) {
				spans = append(spans, codec.Span{Start: sp[0], End: sp[1], Label: []string{"PER", "ORG", "LOC"}[k%3], Attributes: []byte("{}")})
			}
			docs = append(docs, codec.Doc{Line: len(docs) + 1, ExternalID: fmt.Sprint("spans-", i, "-", j), Text: text, Meta: []byte("{}"), Spans: spans})
		}
	}
	s := newSite(t, docs...)
	b := newBrowser(t, s)
	defer b.screenshot("bidi-mixed") // the last line, its words in parts
	for i, text := range lines {
		want := b.charCentres(fmt.Sprintf("%s/documents/%d", s.url, s.docs[fmt.Sprint("plain-", i)].ID))
		for j, v := range variants {
			got := b.charCentres(fmt.Sprintf("%s/documents/%d?layer=gold", s.url, s.docs[fmt.Sprint("spans-", i, "-", j)].ID))
			if len(got) != len(want) {
				t.Fatalf("%q (%s): %d characters drawn, %d without spans", text, v.name, len(got), len(want))
			}
			chars := []rune(text)
			for k := range want {
				if dx, dy := got[k].X-want[k].X, got[k].Y-want[k].Y; dx*dx+dy*dy > 4 {
					t.Errorf("%q (%s): %q (code point %d) is drawn at %v, without spans at %v", text, v.name, chars[k], k, got[k], want[k])
				}
			}
		}
	}
}

// wordsOf is the code point span of every white-space-separated word.
func wordsOf(text string) [][2]int {
	var words [][2]int
	start := -1
	for i, r := range []rune(text) {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			words = append(words, [2]int{start, i})
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		words = append(words, [2]int{start, len([]rune(text))})
	}
	return words
}

// charCentres opens a document and returns the centre of every code
// point of its text as drawn, in order (the second half of a surrogate
// pair has no box of its own).
func (b *browser) charCentres(url string) []point {
	b.open(url)
	return eval[[]point](b, `[...document.querySelectorAll('#doc span[data-start]')].flatMap((run) => {
	  const node = run.firstChild, out = [];
	  for (let u = 0; u < node.data.length; u += node.data.codePointAt(u) > 0xFFFF ? 2 : 1) {
	    const r = document.createRange();
	    r.setStart(node, u);
	    r.setEnd(node, u + (node.data.codePointAt(u) > 0xFFFF ? 2 : 1));
	    const box = r.getBoundingClientRect();
	    out.push({X: box.left + box.width / 2, Y: box.top + box.height / 2});
	  }
	  return out;
	})`)
}
