package codec

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestCoNLLTokensAtWhitespace: cut at whitespace alone, a token keeps its
// punctuation and a sentence ends at a line break alone, so a CoNLL file
// imported comes back token for token; a span cutting a token still
// gives it the span covering most of it, with the warning.
func TestCoNLLTokensAtWhitespace(t *testing.T) {
	text := "قال محمد علي، في القاهرة. ثم عاد\nإلى وبغداد."
	d := ExportDoc{ExternalID: "ws", Text: text, Spans: []ExportSpan{
		spanAt(text, "محمد علي", "PER", 1), spanAt(text, "القاهرة", "LOC", 2), spanAt(text, "بغداد", "LOC", 3)}}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "conll")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.TokensAt(TokensWhitespace); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	want := "# id = ws\nقال O\nمحمد B-PER\nعلي، I-PER\nفي O\nالقاهرة. B-LOC\nثم O\nعاد O\n\nإلى O\nوبغداد. B-LOC\n\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if warnings := w.Warnings(); len(warnings) != 2 || !strings.Contains(warnings[0], "3 tokens cut by span boundaries") {
		t.Errorf("warnings %q", warnings)
	}
	// Words, the default, splits the marks off as before.
	out, _ := exportCoNLL(t, d)
	if !strings.Contains(out, "علي I-PER\n، O\n") {
		t.Errorf("words: %s", out)
	}
	for _, c := range []struct{ format, how, says string }{
		{"conll", "spaces", `unknown tokens "spaces"; want words or whitespace`},
		{"jsonl", TokensWhitespace, "tokens are cut for the conll format only, not jsonl"},
	} {
		w, _ := NewWriter(&buf, c.format)
		if err := w.TokensAt(c.how); err == nil || err.Error() != c.says {
			t.Errorf("%s %s: %v, want %q", c.format, c.how, err, c.says)
		}
	}
	if w, _ := NewWriter(&buf, "jsonl"); w.TokensAt(TokensWords) != nil {
		t.Error("words refused for jsonl, where it changes nothing")
	}
}

// TestANERCorpCoNLLComesBackTokenForToken: ANERCorp imported and
// exported with tokens at whitespace gives its token and tag lines back
// as the file has them, but for the five empty tokens import drops and
// the one token holding a space, which export splits there (both
// warned of on import); the default cuts 150,641 tokens.
func TestANERCorpCoNLLComesBackTokenForToken(t *testing.T) {
	path := corpusFile(t, "anercorp", "ANERCorp.conll")
	docs, _, err := parseCorpus(t, path, "auto")
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	spans := make([]ExportSpan, len(d.Spans))
	for i, sp := range d.Spans {
		spans[i] = ExportSpan{ID: int64(i + 1), Start: sp.Start, End: sp.End, Label: sp.Label}
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "conll")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.TokensAt(TokensWhitespace); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(ExportDoc{ExternalID: d.ExternalID, Text: d.Text, Spans: spans}); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var source []string
	for _, l := range strings.Split(string(raw), "\n") {
		if fields := strings.Fields(l); len(fields) >= 2 {
			source = append(source, strings.Join(fields, " "))
		}
	}
	var exported []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if l != "" && !strings.HasPrefix(l, "# ") {
			exported = append(exported, l)
		}
	}
	// The one token holding a space (between RLM marks) comes back as two.
	at := slices.IndexFunc(source, func(l string) bool { return len(strings.Fields(l)) == 3 })
	if at < 0 || len(exported) != len(source)+1 {
		t.Fatalf("%d token lines exported, %d in the file (the token holding a space at %d)", len(exported), len(source), at)
	}
	split := strings.Fields(source[at])
	joined := slices.Concat(exported[:at], []string{split[0] + " " + split[1] + " " + split[2]}, exported[at+2:])
	if !slices.Equal(joined, source) {
		for i := range source {
			if joined[i] != source[i] {
				t.Fatalf("token line %d: %q, the file has %q", i, joined[i], source[i])
			}
		}
	}
	t.Logf("ANERCorp: %d token lines back as the file has them, the token holding a space split in two", len(source))
}
