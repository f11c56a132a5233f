package codec

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

// FuzzCoNLL reads CoNLL files (two columns or more, -DOCSTART-, "# id ="
// and "# layer =" lines) into gold or a user's layer. CoNLL keeps tokens,
// not spacing, and the export splits off punctuation, so one trip through
// the writer may respace the text; what must hold is that it loses no
// token, no label and no span (unless the writer says it could not write
// one), and that a second trip changes nothing at all.
func FuzzCoNLL(f *testing.F) {
	seeds := []string{
		"# id = a\nقال O\nمحمد B-PER\nعلي I-PER\n\nأمس O\n\n\n# id = b\nفي O\nباريس B-LOC\n",
		"x I-PER\ny I-LOC\nz I-LOC\nw O\nv I-LOC\n",
		"a B-X\nb B-X\n\nc I-X\n",
		"\uFEFFa\tB-X\r\nb\tI-X \r\n\r\n \n",
		"a B-X\n O\nb I-X\n",
		"\u200f,\u200f O\n\u200f B-X\n",
		"ab 12 B-X\nc O\n# O\n",
		"-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\n-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n",
		"EU\tNNP\tB-ORG\nsays\tVBZ\tO\n",
		"-DOCSTART- O\na B-X\n-DOCSTART- O\nb O\n",
		"a O\n-DOCSTART- O\nb O\n\n-DOCSTART- O\n\n",
		"# id = x\n# layer = gold\n-DOCSTART- O\na O\n",
		"# id = x\n# layer = layla\na B-PER\n",
		"solo\na O\n", "a B_X\nb O\nc b-x\nd B-\n", "a O\n I-X\n", "# id = a\nx O\n# id = a\ny O\n",
		"# id = a\n# id = b\nx O\n", "# id =\nx O\n", "a O\n\xff O\n", "\n\n", "a NN B-NP O\nb NN O\nc NN I-NP O\n",
		"سي.أن.أن B-ORG\nقالت O\n«انتهى». O\n(1,000) B-NUM\n",
		"a\u00a0b B-X\n\u3000 B-Y\nc\u2028d O\n",
		"a\x01 O\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s), false)
	}
	f.Add([]byte("# id = x\n# layer = layla\na B-PER\n"), true)
	for _, file := range []string{"example.conll", "invalid.conll", "trailing.conll"} {
		if b := sharedCorpus("doccano", file); b != nil {
			f.Add(b, false)
		}
	}
	// ANERCorp's first sentences; the whole file is one 1.8 MB document.
	if lines := firstLines(sharedCorpus("anercorp", "ANERCorp.conll"), 60); lines != nil {
		f.Add(append(bytes.Join(lines, []byte("\n")), '\n'), false)
	}
	f.Fuzz(fuzzCoNLLBody)
}

// fuzzCoNLLBody is FuzzCoNLL's check of one input.
func fuzzCoNLLBody(t *testing.T, data []byte, user bool) {
	if len(data) > fuzzMaxInput {
		t.Skip("input over the fuzzer's bound")
	}
	layer := fuzzLayer(user)
	docs, rep, err := ParseFileInto(bytes.NewReader(data), "in.conll", "conll", UnitCodePoint, layer, ViaAny)
	parsed{name: "in.conll", layer: layer, input: data, docs: docs, rep: rep, err: err}.check(t)
	if err != nil {
		return
	}
	once, warnings := exportAndRead(t, docs, "conll", "conll", UnitCodePoint, layer)
	if len(warnings) == 0 {
		sameDocs(t, "conll (spacing aside)", tokensOf(once), tokensOf(docs))
	}
	twice, warnings := exportAndRead(t, once, "conll", "conll", UnitCodePoint, layer)
	if len(warnings) > 0 {
		t.Fatalf("writing what a CoNLL export imports as warns %v", warnings)
	}
	sameDocs(t, "conll, a second time", viewsOf(twice, nil), viewsOf(once, nil))
}

// tokensOf is docs with their text and every span's text stripped of
// white space, which a CoNLL round trip may move: what is left are the
// tokens and the labels.
func tokensOf(docs []Doc) []fuzzDoc {
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	var out []fuzzDoc
	for _, d := range docs {
		runes := []rune(d.Text)
		v := fuzzDoc{ID: d.ExternalID, Text: squeeze(d.Text)}
		for _, sp := range d.Spans {
			v.Spans = append(v.Spans, fuzzSpan{Label: sp.Label, Attributes: squeeze(string(runes[sp.Start:sp.End]))})
		}
		out = append(out, v)
	}
	return out
}

// FuzzText reads plain text, as one document or one per line, under any
// file name. An accepted text is canonical (making it canonical again
// changes nothing), and the native export gives it back unchanged.
func FuzzText(f *testing.F) {
	seeds := []string{
		"مرحبا بالعالم", "\uFEFFa\r\nb\rc\n", "\u202Eabc\u202C \uFEF7 \uFFFD", "e\u0301", " \n\t\n", "a\x00b", "a\x7f",
		"x\n\ny\n", "\u200f", "\uFEFF\uFEFFa", "\u202E\uFEFFa", "ﻻ\u0651", "a\u2028b\u0085c",
	}
	for _, s := range seeds {
		f.Add([]byte(s), false, "in.txt")
		f.Add([]byte(s), true, "in.txt")
	}
	for _, text := range tortureTexts(f) {
		f.Add([]byte(text), false, "torture.txt")
		f.Add([]byte(text), true, "torture.txt")
	}
	f.Add([]byte("a"), false, " lead.txt")
	f.Add([]byte("a"), true, "dir/a\nb.txt")
	f.Add([]byte("a"), false, "")
	if b := sharedCorpus("seed", "ctsi-intelligence-cell.txt"); b != nil {
		f.Add(b, false, "ctsi-intelligence-cell.txt")
		f.Add(b, true, "ctsi-intelligence-cell.txt")
	}
	f.Fuzz(func(t *testing.T, data []byte, lines bool, name string) {
		if len(data) > fuzzMaxInput {
			t.Skip("input over the fuzzer's bound")
		}
		format := "text"
		if lines {
			format = "text-lines"
		}
		docs, rep, err := ParseFileInto(bytes.NewReader(data), name, format, UnitCodePoint, GoldLayer, ViaAny)
		parsed{name: name, layer: GoldLayer, input: data, docs: docs, rep: rep, err: err}.check(t)
		if err != nil {
			return
		}
		for _, d := range docs {
			if again, _ := Canonicalize(d.Text); again != d.Text {
				t.Fatalf("document %q: text %q is not canonical: made canonical it is %q", d.ExternalID, d.Text, again)
			}
			if lines && strings.ContainsAny(d.Text, "\r\n") {
				t.Fatalf("document %q of a text-lines file holds a line break: %q", d.ExternalID, d.Text)
			}
		}
		back, _ := exportAndRead(t, docs, "jsonl", "jsonl", UnitCodePoint, GoldLayer)
		sameDocs(t, "jsonl", viewsOf(back, nil), viewsOf(docs, nil))
	})
}
