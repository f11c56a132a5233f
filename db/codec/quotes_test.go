package codec

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestQuotesFormat writes a document with a quotation interrupted by its
// cue (two segments), a speaker that is a pronoun-like source referring to
// a named person, a quotation whose speaker is confirmed not in the text
// (speaker_in_text false), and one nobody has attributed yet (its speaker
// is in the text, not linked: speaker_in_text true).
func TestQuotesFormat(t *testing.T) {
	text := "قال مصدر إن “الوضع مستقر”، وأضاف “لا خطر”. وكان صباح يتحدث. وقيل “شيء آخر”. ثم “سؤال”."
	span := quoteSpanIn(text)
	d := ExportDoc{ExternalID: "q1", Text: text, Spans: []ExportSpan{
		span(1, "قال", "CUE", "{}"),
		span(2, "مصدر", "PER", "{}"),
		span(3, "الوضع مستقر", "QUOTE", `{"type":"direct"}`),
		span(4, "لا خطر", "QUOTE", "{}"),
		span(5, "صباح", "PER", "{}"),
		span(6, "شيء آخر", "QUOTE", `{"speaker_in_text":false}`),
		span(7, "سؤال", "QUOTE", `{"type":"direct"}`),
	}, Relations: []ExportRelation{
		{ID: 1, Type: "segment", From: 4, To: 3}, // either direction joins them
		{ID: 2, Type: "speaker", From: 4, To: 2}, // a relation on any segment counts
		{ID: 3, Type: "cue", From: 3, To: 1},
		{ID: 4, Type: "refers_to", From: 2, To: 5},
	}}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "quotes")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one line per quotation (3), got %d:\n%s", len(lines), buf.String())
	}
	want := []string{
		`{"doc_id":"q1","quote":{"segments":[{"start":13,"end":24,"text":"الوضع مستقر"},{"start":34,"end":40,"text":"لا خطر"}],"type":"direct"},` +
			`"speaker":{"id":2,"start":4,"end":8,"text":"مصدر","label":"PER","refers_to":{"id":5,"start":48,"end":52,"text":"صباح","label":"PER"}},` +
			`"speaker_in_text":true,"cue":{"id":1,"start":0,"end":3,"text":"قال","label":"CUE"}}`,
		`{"doc_id":"q1","quote":{"segments":[{"start":66,"end":73,"text":"شيء آخر"}],"type":null},"speaker":null,"speaker_in_text":false,"cue":null}`,
		`{"doc_id":"q1","quote":{"segments":[{"start":80,"end":84,"text":"سؤال"}],"type":"direct"},"speaker":null,"speaker_in_text":true,"cue":null}`,
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\ngot  %s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

// TestQuoteTypeFromAnySegment: a quotation whose head has no type takes
// the type of its first segment that has one, not null; and a quotation
// with its speaker linked says its speaker is in the text, even marked
// otherwise (an import refuses that mark beside a speaker).
func TestQuoteTypeFromAnySegment(t *testing.T) {
	text := "قال زيد «الأمر» «انتهى» وقال «لا»."
	span := quoteSpanIn(text)
	d := ExportDoc{ExternalID: "qt", Text: text, Spans: []ExportSpan{
		span(1, "زيد", "PER", "{}"),
		span(2, "الأمر", "QUOTE", "{}"),
		span(3, "انتهى", "QUOTE", `{"type":"direct"}`),
		span(4, "لا", "QUOTE", `{"type":"indirect","speaker_in_text":false}`),
	}, Relations: []ExportRelation{
		{ID: 1, Type: "segment", From: 2, To: 3},
		{ID: 2, Type: "speaker", From: 4, To: 1},
	}}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "quotes")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	want := `{"doc_id":"qt","quote":{"segments":[{"start":9,"end":14,"text":"الأمر"},{"start":17,"end":22,"text":"انتهى"}],"type":"direct"},"speaker":null,"speaker_in_text":true,"cue":null}` + "\n" +
		`{"doc_id":"qt","quote":{"segments":[{"start":30,"end":32,"text":"لا"}],"type":"indirect"},"speaker":{"id":1,"start":4,"end":7,"text":"زيد","label":"PER"},"speaker_in_text":true,"cue":null}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// quoteSpanIn makes export spans on the first place of a word in text,
// in code points.
func quoteSpanIn(text string) func(id int64, word, label, attrs string) ExportSpan {
	return func(id int64, word, label, attrs string) ExportSpan {
		i := strings.Index(text, word)
		s := len([]rune(text[:i]))
		return ExportSpan{ID: id, Start: s, End: s + len([]rune(word)), Label: label, Attributes: json.RawMessage(attrs)}
	}
}
