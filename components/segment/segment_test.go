package segment_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"hashiya/components/segment"
)

// run is a Run written compactly for tables: its code point range, text,
// and the IDs of its covering and starting spans.
type run struct {
	start  int
	text   string
	spans  []int64
	starts []int64
}

func ids(spans []segment.Span) []int64 {
	var out []int64
	for _, s := range spans {
		out = append(out, s.ID)
	}
	return out
}

func compact(paras []segment.Paragraph) (starts []int, runs [][]run) {
	for _, p := range paras {
		starts = append(starts, p.Start)
		var rs []run
		for _, r := range p.Runs {
			rs = append(rs, run{r.Start, r.Text, ids(r.Spans), ids(r.Starts)})
		}
		runs = append(runs, rs)
	}
	return starts, runs
}

// cpIndex is the code point offset of the first sub in text.
func cpIndex(t *testing.T, text, sub string) int {
	t.Helper()
	b := strings.Index(text, sub)
	if b < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return utf8.RuneCountInString(text[:b])
}

func TestCut(t *testing.T) {
	const quoteText = "قال الوزير: «أعلنت وزارة الصحة اليوم» ثم غادر"
	q0, q1 := cpIndex(t, quoteText, "«"), cpIndex(t, quoteText, " ثم")
	o0, o1 := cpIndex(t, quoteText, "وزارة"), cpIndex(t, quoteText, " اليوم")
	quote := segment.Span{ID: 1, Start: q0, End: q1, Label: "QUOTE"}
	org := segment.Span{ID: 2, Start: o0, End: o1, Label: "ORG"}
	a := segment.Span{ID: 1, Start: 0, End: 5, Label: "A"}
	b := segment.Span{ID: 2, Start: 3, End: 8, Label: "B"}

	cases := []struct {
		name       string
		text       string
		spans      []segment.Span
		wantStarts []int
		wantRuns   [][]run
	}{
		{"empty text", "", nil, []int{0}, [][]run{nil}},
		{"no spans, one run per paragraph", "سطر\nآخر", nil, []int{0, 4},
			[][]run{{{0, "سطر", nil, nil}}, {{4, "آخر", nil, nil}}}},
		{"lf, crlf and cr", "ab\r\ncd\ref\ngh", nil, []int{0, 4, 7, 10},
			[][]run{{{0, "ab", nil, nil}}, {{4, "cd", nil, nil}}, {{7, "ef", nil, nil}}, {{10, "gh", nil, nil}}}},
		{"empty paragraphs", "أ\n\r\n\rب\n", nil, []int{0, 2, 4, 5, 7},
			[][]run{{{0, "أ", nil, nil}}, nil, nil, {{5, "ب", nil, nil}}, nil}},
		{"org nested in quote", quoteText, []segment.Span{org, quote}, []int{0}, [][]run{{
			{0, "قال الوزير: ", nil, nil},
			{q0, "«أعلنت ", []int64{1}, []int64{1}},
			{o0, "وزارة الصحة", []int64{1, 2}, []int64{2}},
			{o1, " اليوم»", []int64{1}, nil},
			{q1, " ثم غادر", nil, nil},
		}}},
		{"same start: outer first", "abcdefgh", []segment.Span{{ID: 2, Start: 0, End: 3}, {ID: 1, Start: 0, End: 8}},
			[]int{0}, [][]run{{{0, "abc", []int64{1, 2}, []int64{1, 2}}, {3, "defgh", []int64{1}, nil}}}},
		{"overlapping", "abcdefghij", []segment.Span{b, a}, []int{0}, [][]run{{
			{0, "abc", []int64{1}, []int64{1}},
			{3, "de", []int64{1, 2}, []int64{2}},
			{5, "fgh", []int64{2}, nil},
			{8, "ij", nil, nil},
		}}},
		{"span crossing lf", "abc\ndef", []segment.Span{{ID: 7, Start: 1, End: 6}}, []int{0, 4}, [][]run{
			{{0, "a", nil, nil}, {1, "bc", []int64{7}, []int64{7}}},
			{{4, "de", []int64{7}, nil}, {6, "f", nil, nil}},
		}},
		{"span crossing crlf", "ab\r\ncd", []segment.Span{{ID: 7, Start: 1, End: 5}}, []int{0, 4}, [][]run{
			{{0, "a", nil, nil}, {1, "b", []int64{7}, []int64{7}}},
			{{4, "c", []int64{7}, nil}, {5, "d", nil, nil}},
		}},
		// A drag from the end of a line starts on its line break: the span's
		// label chip belongs on the first run it covers.
		{"span starting on lf", "ab\ncd", []segment.Span{{ID: 7, Start: 2, End: 4}}, []int{0, 3}, [][]run{
			{{0, "ab", nil, nil}},
			{{3, "c", []int64{7}, []int64{7}}, {4, "d", nil, nil}},
		}},
		{"span starting inside crlf before an empty line", "ab\r\n\ncd", []segment.Span{{ID: 7, Start: 3, End: 6}}, []int{0, 4, 5}, [][]run{
			{{0, "ab", nil, nil}},
			nil,
			{{5, "c", []int64{7}, []int64{7}}, {6, "d", nil, nil}},
		}},
		{"span over emoji and astral letters", "أ😀👨‍👩‍👧‍👦ب𝔸🇮🇶", []segment.Span{{ID: 1, Start: 1, End: 9}, {ID: 2, Start: 9, End: 13}},
			[]int{0}, [][]run{{
				{0, "أ", nil, nil},
				{1, "😀👨‍👩‍👧‍👦", []int64{1}, []int64{1}},
				{9, "ب𝔸🇮🇶", []int64{2}, []int64{2}},
			}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			paras := segment.Cut(c.text, c.spans)
			starts, runs := compact(paras)
			if !reflect.DeepEqual(starts, c.wantStarts) {
				t.Errorf("paragraph starts = %v, want %v", starts, c.wantStarts)
			}
			if !reflect.DeepEqual(runs, c.wantRuns) {
				t.Errorf("runs =\n%v\nwant\n%v", runs, c.wantRuns)
			}
			checkReassembles(t, c.text, paras)
		})
	}
}

// checkReassembles asserts that the runs, joined by the line breaks between
// paragraphs, are exactly the text, and every run's Start is its code
// point offset.
func checkReassembles(t *testing.T, text string, paras []segment.Paragraph) {
	t.Helper()
	rs := []rune(text)
	var b strings.Builder
	cp := 0
	for i, p := range paras {
		if i > 0 {
			brk := string(rs[cp:min(p.Start, len(rs))])
			if brk != "\n" && brk != "\r\n" && brk != "\r" {
				t.Fatalf("paragraph %d starts at %d: %q between it and the last is no line break", i, p.Start, brk)
			}
			b.WriteString(brk)
			cp = p.Start
		}
		if p.Start != cp {
			t.Fatalf("paragraph %d Start = %d, want %d", i, p.Start, cp)
		}
		for _, r := range p.Runs {
			if r.Start != cp {
				t.Fatalf("run %q Start = %d, want %d", r.Text, r.Start, cp)
			}
			if r.Text == "" || strings.ContainsAny(r.Text, "\r\n") {
				t.Fatalf("run at %d has text %q", r.Start, r.Text)
			}
			b.WriteString(r.Text)
			cp += utf8.RuneCountInString(r.Text)
		}
	}
	if got := b.String(); got != text {
		t.Fatalf("runs reassemble to %q, want %q", got, text)
	}
}

type textCase struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

func loadCases(t *testing.T) []textCase {
	t.Helper()
	b, err := os.ReadFile("../../testdata/offsets.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []textCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("testdata/offsets.json: %v", err)
	}
	return cases
}

// TestCutCoverage cuts random span sets over the torture texts and checks
// every code point: it sits in exactly one run (none if it is a line
// break), and that run's Spans are exactly the spans holding it, outermost
// first, with Starts the ones beginning there or on the line breaks before.
func TestCutCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range loadCases(t) {
		rs := []rune(c.Text)
		n := len(rs)
		for trial := range 50 {
			var spans []segment.Span
			for id := range rng.IntN(6) {
				start := rng.IntN(n)
				spans = append(spans, segment.Span{ID: int64(id + 1), Start: start, End: start + 1 + rng.IntN(n-start)})
			}
			t.Run(fmt.Sprintf("%s/%d", c.Name, trial), func(t *testing.T) {
				paras := segment.Cut(c.Text, spans)
				checkReassembles(t, c.Text, paras)
				checkCoverage(t, rs, spans, paras)
				checkCutOnly(t, c.Text, spans, paras, trial)
			})
		}
	}
}

// checkCutOnly cuts the text again keeping some paragraphs (every one
// whose index has the trial's bit set): exactly those of the whole cut
// come back, the same to the rune.
func checkCutOnly(t *testing.T, text string, spans []segment.Span, all []segment.Paragraph, trial int) {
	t.Helper()
	var want []segment.Paragraph
	index := map[int]int{} // paragraph start → its index
	for i, p := range all {
		index[p.Start] = i
		if trial>>(i%6)&1 == 1 {
			want = append(want, p)
		}
	}
	got := segment.CutOnly(text, spans, func(start, end int) bool {
		i, ok := index[start]
		if !ok {
			t.Fatalf("CutOnly asked about a paragraph at %d, which Cut does not have", start)
		}
		if next := len([]rune(text)); i+1 < len(all) && end != all[i+1].Start-1 || i+1 == len(all) && end != next {
			t.Fatalf("CutOnly gave paragraph %d the end %d", i, end)
		}
		return trial>>(i%6)&1 == 1
	})
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("CutOnly kept\n%+v\nwant\n%+v", got, want)
	}
}

func checkCoverage(t *testing.T, rs []rune, spans []segment.Span, paras []segment.Paragraph) {
	t.Helper()
	runOf := make([]*segment.Run, len(rs))
	for pi := range paras {
		for ri := range paras[pi].Runs {
			r := &paras[pi].Runs[ri]
			for cp := r.Start; cp < r.Start+utf8.RuneCountInString(r.Text); cp++ {
				if runOf[cp] != nil {
					t.Fatalf("code point %d is in two runs", cp)
				}
				runOf[cp] = r
			}
		}
	}
	for cp, r := range runOf {
		if r == nil {
			if rs[cp] != '\n' && rs[cp] != '\r' {
				t.Fatalf("code point %d (%q) is in no run", cp, rs[cp])
			}
			continue
		}
		want := map[int64]bool{}
		for _, s := range spans {
			if s.Start <= cp && cp < s.End {
				want[s.ID] = true
			}
		}
		got := map[int64]bool{}
		for i, s := range r.Spans {
			got[s.ID] = true
			if i > 0 && s.End-s.Start > r.Spans[i-1].End-r.Spans[i-1].Start {
				t.Fatalf("run at %d: span %d is longer than span %d before it", r.Start, s.ID, r.Spans[i-1].ID)
			}
		}
		if !reflect.DeepEqual(got, want) || len(r.Spans) != len(want) {
			t.Fatalf("code point %d: run at %d has spans %v, want %v", cp, r.Start, ids(r.Spans), want)
		}
		var starting []int64
		for _, s := range r.Spans {
			if strings.Trim(string(rs[s.Start:r.Start]), "\r\n") == "" {
				starting = append(starting, s.ID)
			}
		}
		if !reflect.DeepEqual(ids(r.Starts), starting) {
			t.Fatalf("run at %d: Starts %v, want %v", r.Start, ids(r.Starts), starting)
		}
	}
}

func TestStyle(t *testing.T) {
	colors := map[string]string{"QUOTE": "#1f77b4", "ORG": "#D62728", "BAD": "red;position:fixed", "SHORT": "#123"}
	quote := segment.Span{ID: 1, Start: 0, End: 10, Label: "QUOTE"}
	org := segment.Span{ID: 2, Start: 2, End: 5, Label: "ORG"}

	if got := segment.Style(segment.Run{Text: "نص"}, colors); got != "" {
		t.Errorf("no spans: Style = %q, want empty", got)
	}
	one := segment.Style(segment.Run{Spans: []segment.Span{quote}}, colors)
	if !strings.Contains(one, "background-color:#1f77b440") {
		t.Errorf("one span: Style = %q, want its colour as a translucent background", one)
	}
	nested := segment.Style(segment.Run{Spans: []segment.Span{quote, org}}, colors)
	if !strings.Contains(nested, "background-color:#D6272840") || !strings.Contains(nested, "#1f77b4") {
		t.Errorf("nested: Style = %q, want the inner ORG as background and the QUOTE colour too", nested)
	}
	for _, s := range []string{one, nested} {
		for _, bad := range []string{"padding", "border", "font", "margin"} {
			if strings.Contains(s, bad) {
				t.Errorf("Style %q sets %s: highlights may change colour only", s, bad)
			}
		}
	}
	for _, label := range []string{"BAD", "SHORT", "MISSING"} {
		got := segment.Style(segment.Run{Spans: []segment.Span{quote, {ID: 3, Label: label}}}, colors)
		if bad := colors[label]; bad != "" && strings.Contains(got, bad) || strings.Contains(got, "position:fixed") {
			t.Errorf("%s: Style = %q carries the invalid colour", label, got)
		}
		if !strings.Contains(got, "background-color:#88888840") {
			t.Errorf("%s: Style = %q, want the grey fallback", label, got)
		}
	}
}

func TestSafeColor(t *testing.T) {
	cases := map[string]string{
		"#1f77b4":            "#1f77b4",
		"#ABCDEF":            "#ABCDEF",
		"":                   "#888888",
		"red":                "#888888",
		"#12345":             "#888888",
		"#1234567":           "#888888",
		"#12345g":            "#888888",
		"red;position:fixed": "#888888",
		"#123456;x:y":        "#888888",
		"#123456\n":          "#888888",
	}
	for in, want := range cases {
		if got := segment.SafeColor(in); got != want {
			t.Errorf("SafeColor(%q) = %q, want %q", in, got, want)
		}
	}
}
