package codec

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// spansOf lists a document's spans as "LABEL:text" for readable checks.
func spansOf(d Doc) []string {
	runes := []rune(d.Text)
	var out []string
	for _, sp := range d.Spans {
		out = append(out, sp.Label+":"+string(runes[sp.Start:sp.End]))
	}
	return out
}

func lineNumbers(errs []LineError) []int {
	var out []int
	for _, e := range errs {
		out = append(out, e.Line)
	}
	return out
}

func TestCoNLLDoccanoFixtures(t *testing.T) {
	docs, rep, err := parseCorpus(t, corpusFile(t, "doccano", "example.conll"), "auto")
	want := []Doc{{Line: 1, ExternalID: "example", Text: "JAPAN GET\nNadim Ladki", Meta: emptyObject(),
		Spans: []Span{{Start: 0, End: 5, Label: "LOC", Attributes: emptyObject(), Line: 1}, {Start: 10, End: 21, Label: "PER", Attributes: emptyObject(), Line: 4}}}}
	if err != nil || len(rep.Warnings) > 0 || !reflect.DeepEqual(docs, want) {
		t.Errorf("example.conll: got %+v, %v, %v; want %+v", docs, rep.Warnings, err, want)
	}
	// Only the first line of invalid.conll is bad; the other 23 are fine
	// and make the document returned beside the error, to check its labels.
	docs, _, err = parseCorpus(t, corpusFile(t, "doccano", "invalid.conll"), "auto")
	var errs Errors
	if len(docs) != 1 || !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("invalid.conll: got %d docs, err %v; want one bad line and the document without it", len(docs), err)
	}
	if errs[0].Error() != `invalid.conll:1: want "TOKEN TAG": tag "SOCCERO" is not O, B-LABEL or I-LABEL (the line has 3 fields)` {
		t.Errorf("invalid.conll: %v", errs[0])
	}
	docs, _, err = parseCorpus(t, corpusFile(t, "doccano", "trailing.conll"), "auto")
	if err != nil || len(docs) != 1 || !slices.Equal(spansOf(docs[0]), []string{"LOC:JAPAN", "PER:CHINA"}) ||
		strings.HasSuffix(docs[0].Text, "\n") {
		t.Errorf("trailing.conll: got %+v, %v", docs, err)
	}
}

func TestCoNLLImport(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string][]string // document id -> text, then its spans
		warnings []int
	}{
		{"documents and sentences", "# id = a\nقال O\nمحمد B-PER\nعلي I-PER\n\nأمس O\n\n\n# id = b\nفي O\nباريس B-LOC\n",
			map[string][]string{"a": {"قال محمد علي\nأمس", "PER:محمد علي"}, "b": {"في باريس", "LOC:باريس"}}, nil},
		{"no id line: the file's stem", "a B-X\n", map[string][]string{"f": {"a", "X:a"}}, nil},
		{"I- starts a span after O or another type", "x I-PER\ny I-LOC\nz I-LOC\nw O\nv I-LOC\n",
			map[string][]string{"f": {"x y z w v", "PER:x", "LOC:y z", "LOC:v"}}, nil},
		{"B- after B- of one type", "a B-X\nb B-X\n", map[string][]string{"f": {"a b", "X:a", "X:b"}}, nil},
		{"a blank line ends the span", "a B-X\n\nb I-X\n", map[string][]string{"f": {"a\nb", "X:a", "X:b"}}, nil},
		{"tabs, CRLF, BOM, trailing blanks", "\uFEFFa\tB-X\r\nb\tI-X \r\n\r\n \n", map[string][]string{"f": {"a b", "X:a b"}}, nil},
		{"empty token dropped, ending the span", "a B-X\n O\nb I-X\n", map[string][]string{"f": {"a b", "X:a", "X:b"}}, []int{2}},
		{"RLM tokens kept", "\u200f,\u200f O\n\u200f B-X\n", map[string][]string{"f": {"\u200f,\u200f \u200f", "X:\u200f"}}, nil},
		{"a token holding a space is kept whole", "ab 12 B-X\nc O\n", map[string][]string{"f": {"ab 12 c", "X:ab 12"}}, []int{1}},
		{"so is one holding other white space, warned alike", "دفع O\n12\u00a0000 B-MISC\nدولار I-MISC\nو O\na\u2009b B-PER\n.\tO\n",
			map[string][]string{"f": {"دفع 12\u00a0000 دولار و a\u2009b .", "MISC:12\u00a0000 دولار", "PER:a\u2009b"}}, []int{2, 5}},
		{"# alone is a token", "# O\n", map[string][]string{"f": {"#"}}, nil},
		// CoNLL-2003: token first, tag last, POS and chunk tags left out
		// (one warning for the file); -DOCSTART- starts a document.
		{"four columns and -DOCSTART-", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\n" +
			"-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n",
			map[string][]string{"f-1": {"EU rejects German", "ORG:EU", "MISC:German"}, "f-7": {"Peter Blackburn", "PER:Peter Blackburn"}}, []int{3}},
		{"three columns, tabs", "EU\tNNP\tB-ORG\nsays\tVBZ\tO\n", map[string][]string{"f": {"EU says", "ORG:EU"}}, []int{1}},
		{"-DOCSTART- in two columns", "-DOCSTART- O\na B-X\n-DOCSTART- O\nb O\n", map[string][]string{"f-1": {"a", "X:a"}, "f-3": {"b"}}, nil},
		{"tokens before -DOCSTART-, an empty one after", "a O\n-DOCSTART- O\nb O\n\n-DOCSTART- O\n\n",
			map[string][]string{"f": {"a"}, "f-2": {"b"}}, nil},
		{"-DOCSTART- after # id = names no other document", "# id = x\n-DOCSTART- O\na O\n", map[string][]string{"x": {"a"}}, nil},
	}
	for _, tc := range tests {
		docs, rep, err := ParseFile(strings.NewReader(tc.in), "dir/f.conll", "auto")
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		got := map[string][]string{}
		for _, d := range docs {
			got[d.ExternalID] = append([]string{d.Text}, spansOf(d)...)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
		if lines := lineNumbers(rep.Warnings); !slices.Equal(lines, tc.warnings) {
			t.Errorf("%s: warnings %v, want on lines %v", tc.name, rep.Warnings, tc.warnings)
		}
	}
}

func TestCoNLLImportErrors(t *testing.T) {
	tests := []struct {
		in    string
		lines []int
		has   string // in the first reason
	}{
		{"solo\na O\n", []int{1}, `got the single field "solo"`},
		{"a B_X\nb O\nc b-x\nd B-\n", []int{1, 3, 4}, `tag "B_X" is not O, B-LABEL or I-LABEL`},
		{"a O\n I-X\n", []int{2}, "empty token tagged I-X"},
		{"# id = a\nx O\n# id = a\ny O\n", []int{3}, `duplicate document id "a" (first on line 1)`},
		{"# id = a\n# id = b\nx O\n", []int{1}, `document "a" holds no tokens`},
		{"# id =\nx O\n", []int{1}, `document id "" is empty`},
		{"a O\n\xff O\n", []int{2}, "not valid UTF-8"},
		{"\n\n", []int{1}, "file holds no documents"},
		{"a NN B-NP O\nb NN O\nc NN I-NP O\n", []int{2}, "want 4 columns, token first and tag last, as line 1 has; got 3"},
	}
	for _, tc := range tests {
		errs := parseErrors(t, tc.in, "f.conll", "conll")
		if !slices.Equal(lineNumbers(errs), tc.lines) || !strings.Contains(errs[0].Reason, tc.has) {
			t.Errorf("%q: got %v; want lines %v, the first saying %q", tc.in, errs, tc.lines, tc.has)
		}
	}
}

// ANERCorp.conll is the real corpus: no blank lines and no id lines, so
// it is one document. anercorp.jsonl is the same tokens cut into 200
// documents, so their texts joined by a space and their spans, shifted,
// must be exactly ours.
func TestANERCorpCoNLL(t *testing.T) {
	path := corpusFile(t, "anercorp", "ANERCorp.conll")
	docs, rep, err := parseCorpus(t, path, "auto")
	if err != nil || len(docs) != 1 || docs[0].ExternalID != "ANERCorp" {
		t.Fatalf("ParseFile: %d docs, %v", len(docs), err)
	}
	if got := lineNumbers(rep.Warnings); !slices.Equal(got, []int{77227, 77230, 77234, 77237, 77240, 113157, 1}) {
		t.Errorf("warnings %v: want five empty tokens, a token holding a space, presentation forms", rep.Warnings)
	}
	d := docs[0]
	perLabel := map[string]int{}
	for _, sp := range d.Spans {
		perLabel[sp.Label]++
	}
	raw, _ := os.ReadFile(path)
	lines := bytes.Count(raw, []byte("\n")) + 1
	t.Logf("ANERCorp.conll: %d lines, %d tokens (empty ones dropped), %d code points, %d spans: %v",
		lines, lines-5, utf8.RuneCountInString(d.Text), len(d.Spans), perLabel)
	if want := map[string]int{"PERS": 3606, "LOC": 4435, "ORG": 2028, "MISC": 1118}; !maps.Equal(perLabel, want) {
		t.Errorf("spans per label %v, want %v", perLabel, want)
	}
	jdocs, _, err := parseCorpus(t, corpusFile(t, "anercorp", "anercorp.jsonl"), "auto")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var spans []Span
	offset := 0
	for _, jd := range jdocs {
		texts = append(texts, jd.Text)
		for _, sp := range jd.Spans {
			spans = append(spans, Span{Start: sp.Start + offset, End: sp.End + offset, Label: sp.Label, Attributes: sp.Attributes})
		}
		offset += utf8.RuneCountInString(jd.Text) + 1
	}
	if strings.Join(texts, " ") != d.Text {
		t.Error("the text differs from anercorp.jsonl's texts joined by a space")
	}
	for i := range d.Spans {
		d.Spans[i].Line = 0 // the JSON lines have no token lines to compare
	}
	if !reflect.DeepEqual(spans, d.Spans) {
		t.Errorf("%d spans differ from anercorp.jsonl's %d", len(d.Spans), len(spans))
	}
}

func exportCoNLL(t *testing.T, docs ...ExportDoc) (string, []string) {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "conll")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatalf("Write %s: %v", d.ExternalID, err)
		}
	}
	return buf.String(), w.Warnings()
}

func TestCoNLLExportExact(t *testing.T) {
	d1 := ExportDoc{ExternalID: "d1", Text: "قال محمد علي، في القاهرة.", Spans: []ExportSpan{
		{ID: 1, Start: 4, End: 12, Label: "PER"}, {ID: 2, Start: 17, End: 24, Label: "LOC"}, {ID: 3, Start: 4, End: 8, Label: "PER"}}}
	// "زيد" inside "وزيد😀": the token takes the span that covers most of it.
	d2 := ExportDoc{ExternalID: "d2", Text: "جاء وزيد😀 أمس.\nثم", Spans: []ExportSpan{{ID: 4, Start: 5, End: 8, Label: "PER"}}}
	out, warnings := exportCoNLL(t, d1, d2)
	want := "# id = d1\nقال O\nمحمد B-PER\nعلي I-PER\n، O\nفي O\nالقاهرة B-LOC\n. O\n\n" +
		"# id = d2\nجاء O\nوزيد😀 B-PER\nأمس O\n. O\n\nثم O\n\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	wantWarn := []string{"document d1: 1 spans not written (nested in a longer span or outvoted on their tokens)",
		"document d2: 1 tokens cut by span boundaries",
		`document d2: 1 spans written with another extent (a span crossing them took some of their tokens, or a token they cut is written whole): span 4 PER 5..8 "زيد" as 4..9 "وزيد😀"`}
	if !slices.Equal(warnings, wantWarn) {
		t.Errorf("warnings %q, want %q", warnings, wantWarn)
	}
	docs, _, err := ParseFile(strings.NewReader(out), "x.conll", "auto")
	if err != nil || len(docs) != 2 {
		t.Fatalf("re-import: %v", err)
	}
	got := [][]Span{docs[0].Spans, docs[1].Spans}
	// Each span names the line of its first token.
	want2 := [][]Span{{{Start: 4, End: 12, Label: "PER", Attributes: emptyObject(), Line: 3}, {Start: 18, End: 25, Label: "LOC", Attributes: emptyObject(), Line: 7}},
		{{Start: 4, End: 9, Label: "PER", Attributes: emptyObject(), Line: 12}}}
	if docs[0].Text != "قال محمد علي ، في القاهرة ." || docs[1].Text != "جاء وزيد😀 أمس .\nثم" || !reflect.DeepEqual(got, want2) {
		t.Errorf("re-import: %q %q %+v", docs[0].Text, docs[1].Text, got)
	}
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, "conll")
	if err := w.Write(ExportDoc{ExternalID: "a\nb", Text: "x"}); err == nil || buf.Len() > 0 {
		t.Errorf("an id with a line break: err %v, wrote %q", err, buf.String())
	}
}

// TestCoNLLExportCrossingSpans: two spans crossing each other share
// tokens, and a token takes one tag, so one of them comes back shorter;
// the export says which, naming the document and the span, as it says
// when a nested span is not written at all.
func TestCoNLLExportCrossingSpans(t *testing.T) {
	text := "واحد اثنان ثلاثة أربعة"
	out, warnings := exportCoNLL(t, ExportDoc{ExternalID: "crossing", Text: text, Spans: []ExportSpan{
		spanAt(text, "واحد اثنان", "PER", 1), spanAt(text, "اثنان ثلاثة", "ORG", 2)}})
	if want := "# id = crossing\nواحد B-PER\nاثنان B-ORG\nثلاثة I-ORG\nأربعة O\n\n"; out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	want := []string{`document crossing: 1 spans written with another extent (a span crossing them took some of their tokens, or a token they cut is written whole): span 1 PER 0..10 "واحد اثنان" as 0..4 "واحد"`}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings %q, want %q", warnings, want)
	}
	// Many such spans: five are named, the rest counted.
	var spans []ExportSpan
	words := strings.Fields(strings.Repeat("أ ب ", 8))
	for i := 0; i+1 < len(words); i++ {
		spans = append(spans, ExportSpan{ID: int64(i + 1), Start: 2 * i, End: 2*i + 3, Label: "PER"})
	}
	_, warnings = exportCoNLL(t, ExportDoc{ExternalID: "many", Text: strings.Join(words, " "), Spans: spans})
	if len(warnings) != 1 || !strings.Contains(warnings[0], "document many: 14 spans written with another extent") || !strings.HasSuffix(warnings[0], "; and 9 more") {
		t.Errorf("warnings %q", warnings)
	}
}

// spanAt is the span over the first sub in text, in code points.
func spanAt(text, sub, label string, id int64) ExportSpan {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in %q", sub, text))
	}
	start := utf8.RuneCountInString(text[:i])
	return ExportSpan{ID: id, Start: start, End: start + utf8.RuneCountInString(sub), Label: label}
}

func TestCoNLLRoundTrip(t *testing.T) {
	text := "قال الرئيس محمد علي: «جامعة القاهرة تفتح أبوابها؟!» 👨‍👩‍👧 ارتفع 3.5٪ (تقريباً)؛ انتهى.\nسي.أن.أن تقول"
	d := ExportDoc{ExternalID: "rt", Text: text, Spans: []ExportSpan{
		spanAt(text, "القاهرة", "LOC", 1), spanAt(text, "محمد علي", "PER", 2),
		spanAt(text, "جامعة القاهرة", "ORG", 3), spanAt(text, "جامعة القاهرة تفتح أبوابها؟!", "QUOTE", 4),
		spanAt(text, "سي.أن.أن", "ORG", 5)}}
	out, warnings := exportCoNLL(t, d)
	// Outermost wins: QUOTE hides ORG and LOC. The full stops of سي.أن.أن
	// sit inside a span, so they end no sentence.
	want := []string{"# id = rt", "قال O", "الرئيس O", "محمد B-PER", "علي I-PER", ": O", "« O",
		"جامعة B-QUOTE", "القاهرة I-QUOTE", "تفتح I-QUOTE", "أبوابها I-QUOTE", "؟ I-QUOTE", "! I-QUOTE", "» O", "",
		"👨‍👩‍👧 O", "ارتفع O", "3.5٪ O", "( O", "تقريباً O", ") O", "؛ O", "انتهى O", ". O", "",
		"سي B-ORG", ". I-ORG", "أن I-ORG", ". I-ORG", "أن I-ORG", "تقول O", "", ""}
	if got := strings.Split(out, "\n"); !slices.Equal(got, want) {
		t.Errorf("got lines\n%q\nwant\n%q", got, want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "2 spans not written") {
		t.Errorf("warnings %q", warnings)
	}
	docs, rep, err := ParseFile(strings.NewReader(out), "rt.conll", "conll")
	if err != nil || len(rep.Warnings) > 0 || len(docs) != 1 {
		t.Fatalf("re-import: %d docs, %v, %v", len(docs), rep.Warnings, err)
	}
	wantText := "قال الرئيس محمد علي : « جامعة القاهرة تفتح أبوابها ؟ ! »\n👨‍👩‍👧 ارتفع 3.5٪ ( تقريباً ) ؛ انتهى .\nسي . أن . أن تقول"
	wantSpans := []string{"PER:محمد علي", "QUOTE:جامعة القاهرة تفتح أبوابها ؟ !", "ORG:سي . أن . أن"}
	if docs[0].ExternalID != "rt" || docs[0].Text != wantText || !slices.Equal(spansOf(docs[0]), wantSpans) {
		t.Errorf("re-import: %q\n%q", docs[0].Text, spansOf(docs[0]))
	}
}

// TestCoNLLEntityOverLineBreak: a quotation running over a line break
// stays in one sentence, so it comes back as one span, not two.
func TestCoNLLEntityOverLineBreak(t *testing.T) {
	text := "قال: «الاقتصاد\nينمو» ثم\nانتهى"
	out, _ := exportCoNLL(t, ExportDoc{ExternalID: "q", Text: text, Spans: []ExportSpan{spanAt(text, "الاقتصاد\nينمو", "QUOTE", 1)}})
	want := "# id = q\nقال O\n: O\n« O\nالاقتصاد B-QUOTE\nينمو I-QUOTE\n» O\nثم O\n\nانتهى O\n\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	docs, _, err := ParseFile(strings.NewReader(out), "q.conll", "conll")
	if err != nil || len(docs) != 1 || !slices.Equal(spansOf(docs[0]), []string{"QUOTE:الاقتصاد ينمو"}) {
		t.Errorf("re-import: %v, %+v", err, docs)
	}
}

// TestCoNLLClosingASCIIQuote: an ASCII quote touching a full stop closes
// the sentence with it; one after a space opens the next quotation.
func TestCoNLLClosingASCIIQuote(t *testing.T) {
	text := `وقال "انتهى." ثم 'غادر.' ثم. "بدأ" الآن`
	out, _ := exportCoNLL(t, ExportDoc{ExternalID: "q", Text: text})
	want := "# id = q\nوقال O\n\" O\nانتهى O\n. O\n\" O\n\nثم O\n'غادر O\n. O\n' O\n\nثم O\n. O\n\n\" O\nبدأ O\n\" O\nالآن O\n\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestCoNLLNumbersStayWhole: a number keeps the marks between its digits
// as one token, a time's colon too, as whole-word snapping keeps it, so a
// DATE span snapped in the page is written whole; a colon after a word
// is still a token of its own.
func TestCoNLLNumbersStayWhole(t *testing.T) {
	d := ExportDoc{ExternalID: "n", Text: "الساعة 10:30 في 5/10/2021: بلغ 3.5", Spans: []ExportSpan{
		{ID: 1, Start: 7, End: 12, Label: "DATE"}, {ID: 2, Start: 16, End: 25, Label: "DATE"}}}
	out, warnings := exportCoNLL(t, d)
	want := "# id = n\nالساعة O\n10:30 B-DATE\nفي O\n5/10/2021 B-DATE\n: O\nبلغ O\n3.5 O\n\n"
	if out != want || len(warnings) != 0 {
		t.Errorf("got\n%s\nwant\n%s\nwarnings %q", out, want, warnings)
	}
}
