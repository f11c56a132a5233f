package db

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// TestImportChecksAnnotations: an import refuses, line by line, the
// relations and span attributes the API refuses, with the project's rules
// as they stand (adding labels changes no rule), and stores nothing.
// fixtureText is "قال 😀 الوزير أحمد 👍🏽 إن «الاقتصاد ينمو» في الرياض.":
// أحمد is 14..18, «الاقتصاد ينمو» 24..39.
func TestImportChecksAnnotations(t *testing.T) {
	rel := func(id, entities, relations string) string {
		return fmt.Sprintf(`{"id":%q,"text":%q,"entities":[%s],"relations":[%s]}`, id, fixtureText, entities, relations)
	}
	native := func(id, spans, relations string) string {
		return fmt.Sprintf(`{"id":%q,"text":%q,"spans":[%s],"relations":[%s]}`, id, fixtureText, spans, relations)
	}
	const (
		per   = `{"id":1,"start_offset":14,"end_offset":18,"label":"PER"}`
		quote = `{"id":2,"start_offset":24,"end_offset":39,"label":"QUOTE"}`
		segA  = `{"id":"qa","start":25,"end":33,"label":"QUOTE"}`
		segB  = `{"id":"qb","start":34,"end":38,"label":"QUOTE"}`
	)
	tests := []struct {
		name      string
		lines     []string
		addLabels bool
		bad       []string // "LINE: reason"; none: the file goes in
	}{
		{"a speaker from a PER to itself", []string{rel("a", per, `{"id":1,"from_id":1,"to_id":1,"type":"speaker"}`)}, false,
			[]string{`1: relation speaker joins span "1" to itself: a relation joins two different spans`}},
		{"a speaker the wrong way round", []string{rel("a", per+","+quote, `{"id":1,"from_id":1,"to_id":2,"type":"speaker"}`)}, false,
			[]string{`1: relation speaker from span "1" to span "2": a speaker relation joins QUOTE -> PER/ORG, not PER -> QUOTE`}},
		{"a relation type the project lacks", []string{rel("a", per+","+quote, `{"id":1,"from_id":2,"to_id":1,"type":"said_by"}`)}, false,
			[]string{`1: relation type "said_by" is not defined in project أخبار (import with "Add labels the project lacks" ticked (--add-labels on the command line, add_labels=1 in the API), to add it)`}},
		{"adding labels changes no rule", []string{rel("a", `{"id":1,"start_offset":14,"end_offset":18,"label":"PERS"}`+","+quote, `{"id":1,"from_id":2,"to_id":1,"type":"speaker"}`)}, true,
			[]string{`1: relation speaker from span "2" to span "1": a speaker relation joins QUOTE -> PER/ORG, not QUOTE -> PERS`}},
		{"a new relation type joins any labels, never a span to itself", []string{
			rel("a", per+","+quote, `{"id":1,"from_id":1,"to_id":2,"type":"said_by"}`),
			rel("b", per, `{"id":1,"from_id":1,"to_id":1,"type":"said_by"}`)}, true,
			[]string{`2: relation said_by joins span "1" to itself: a relation joins two different spans`}},
		{"a new relation type's name", []string{rel("a", per+","+quote, `{"id":1,"from_id":2,"to_id":1,"type":"said by"}`)}, true,
			[]string{`1: relation type "said by" is not defined in project أخبار and cannot be added: a name is 1-40 letters, digits or _-.: (no spaces)`}},
		{"a quotation with two speakers", []string{rel("a", per+","+quote+`,{"id":3,"start_offset":0,"end_offset":3,"label":"ORG"}`,
			`{"id":1,"from_id":2,"to_id":1,"type":"speaker"},{"id":2,"from_id":2,"to_id":3,"type":"speaker"}`)}, false,
			[]string{`1: span "2" has two speaker relations: a span has one speaker (keep the one you mean)`}},
		// A quotation is its head and every segment joined to it: one
		// speaker and one cue for all of them, whichever segment they hang
		// on and wherever the segment relation stands in the line.
		{"a quotation with a speaker on each segment", []string{native("a", segA+","+segB+`,{"id":"zaid","start":13,"end":17,"label":"PER"},{"id":"huwa","start":6,"end":12,"label":"PER"}`,
			`{"type":"segment","from":"qa","to":"qb"},{"type":"speaker","from":"qb","to":"zaid"},{"type":"speaker","from":"qa","to":"huwa"}`)}, false,
			[]string{`1: quotation "qa" has two speakers, span "zaid" (أحمد) from its segment "qb" and span "huwa" (الوزير) from its segment "qa": a quotation has one speaker (keep the one you mean)`}},
		{"a quotation with a cue on each segment, joined last", []string{native("a", segA+","+segB+`,{"id":"c","start":0,"end":3,"label":"CUE"}`,
			`{"type":"cue","from":"qb","to":"c"},{"type":"cue","from":"qa","to":"c"},{"type":"segment","from":"qb","to":"qa"}`)}, false,
			[]string{`1: quotation "qa" has two cues, span "c" (قال) from its segment "qb" and span "c" (قال) from its segment "qa": a quotation has one cue (keep the one you mean)`}},
		{"a speaker not in the text, linked", []string{native("a", `{"id":"q","start":24,"end":39,"label":"QUOTE","attributes":{"speaker_in_text":false}},{"id":"p","start":13,"end":17,"label":"PER"}`,
			`{"type":"speaker","from":"q","to":"p"}`)}, false,
			[]string{`1: span "q" (QUOTE at 24..39) is marked speaker_in_text false (speaker not in the text), yet its quotation has the speaker span "p" (أحمد): remove the mark or the speaker`}},
		{"a speaker on one segment and the cue on the other", []string{native("a", segA+","+segB+`,{"id":"p","start":13,"end":17,"label":"PER"},{"id":"c","start":0,"end":3,"label":"CUE"}`,
			`{"type":"segment","from":"qa","to":"qb"},{"type":"speaker","from":"qb","to":"p"},{"type":"cue","from":"qa","to":"c"}`)}, false, nil},
		{"a QUOTE's attributes", []string{native("a", `{"id":"q","start":24,"end":39,"label":"QUOTE","attributes":{"type":"bogus","speaker_in_text":"no"}}`, "")}, false,
			[]string{`1: span "q" (QUOTE at 24..39): speaker_in_text is a QUOTE's true or false, not no on QUOTE; span "q" (QUOTE at 24..39): type is a QUOTE's direct, indirect or mixed, not bogus on QUOTE`}},
		{"a quotation type on a PER", []string{native("a", `{"id":"p","start":14,"end":18,"label":"PER","attributes":{"type":"direct"}}`, "")}, false,
			[]string{`1: span "p" (PER at 14..18): type is a QUOTE's direct, indirect or mixed, not direct on PER`}},
		{"attributes nested too deep", []string{native("a", `{"id":"p","start":14,"end":18,"label":"PER","attributes":{"a":[[[[[[[[1]]]]]]]],"b":1}}`, "")}, false,
			[]string{`1: span "p" (PER at 14..18): attributes nest 9 levels deep; at most 8`}},
		{"attributes too large together", []string{native("a", fmt.Sprintf(`{"id":"p","start":14,"end":18,"label":"PER","attributes":{"a":%q,"b":%[1]q}}`, strings.Repeat("x", 9000)), "")}, false,
			[]string{`1: span "p" (PER at 14..18): attributes take 18015 bytes as JSON; at most 16384`}},
		{"a doccano-rel file that holds", []string{
			rel("a", per+","+quote, `{"id":1,"from_id":2,"to_id":1,"type":"speaker"}`),
			native("b", `{"id":"q","start":24,"end":39,"label":"QUOTE","attributes":{"type":"direct","speaker_in_text":false,"confidence":0.5}}`, "")}, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			docs, _, perr := codec.ParseFile(strings.NewReader(strings.Join(tc.lines, "\n")), "in.jsonl", "jsonl")
			if perr != nil {
				t.Fatalf("parse: %v", perr)
			}
			tables := []string{"documents", "spans", "relations", "labels", "relation_types"}
			before := map[string]int{}
			for _, tb := range tables {
				before[tb] = count(t, f.s, "SELECT count(*) FROM "+tb)
			}
			_, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: f.proj.ID, File: "in.jsonl", By: f.user.ID, AddLabels: tc.addLabels}, docs, perr)
			var lines codec.Errors
			if err != nil && !errors.As(err, &lines) {
				t.Fatalf("import: %v", err)
			}
			var bad []string
			for _, l := range lines {
				bad = append(bad, fmt.Sprintf("%d: %s", l.Line, l.Reason))
			}
			if !slices.Equal(bad, tc.bad) {
				t.Fatalf("bad lines\n%s\nwant\n%s", strings.Join(bad, "\n"), strings.Join(tc.bad, "\n"))
			}
			for _, tb := range tables {
				if n := count(t, f.s, "SELECT count(*) FROM "+tb); tc.bad != nil && n != before[tb] {
					t.Errorf("refused import changed %s: %d -> %d rows", tb, before[tb], n)
				}
			}
		})
	}
}

// TestImportedSpansStayEditable: what an import stores, the API can
// change afterwards, since the same validator passed it.
func TestImportedSpansStayEditable(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	line := fmt.Sprintf(`{"id":"e","text":%q,"spans":[{"id":"q","start":24,"end":39,"label":"QUOTE","attributes":{"type":"indirect"}}]}`, fixtureText)
	docs, _, perr := codec.ParseFile(strings.NewReader(line), "e.jsonl", "jsonl")
	if _, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: f.proj.ID, File: "e.jsonl", By: f.user.ID}, docs, perr); err != nil {
		t.Fatal(err)
	}
	doc := f.loadDoc(t, "e")
	l, err := f.s.LayerOf(ctx, doc, 0)
	if err != nil || len(l.Spans) != 1 {
		t.Fatalf("gold %+v, %v", l, err)
	}
	if _, err := f.s.UpdateSpan(ctx, doc, 0, f.user.ID, l.Spans[0].ID, SpanPatch{Attributes: map[string]any{"speaker_in_text": false}}); err != nil {
		t.Errorf("a PATCH of an imported span: %v", err)
	}
}

// TestImportLabelNames: with --add-labels, a new label whose name a label
// cannot have is named on each line that carries it, not as one error
// without a line.
func TestImportLabelNames(t *testing.T) {
	f := newFixture(t)
	file := fmt.Sprintf(`{"id":"a","text":%[1]q,"label":[[14,18," PER"]]}
{"id":"b","text":%[1]q,"label":[[14,18,"NEW"]]}
{"id":"c","text":%[1]q,"label":[[14,18,"has space"],[24,39,"<script>"]]}
{"id":"d","text":%[1]q,"label":[[14,18,"has space"]]}
`, fixtureText)
	docs, _, perr := codec.ParseFile(strings.NewReader(file), "names.jsonl", "doccano")
	_, err := f.s.ImportParsed(context.Background(), ImportOptions{ProjectID: f.proj.ID, File: "names.jsonl", By: f.user.ID, AddLabels: true}, docs, perr)
	const rule = ` not in project أخبار's label set and cannot be added: a name is 1-40 letters, digits or _-.: (no spaces)`
	want := "names.jsonl:1: label \" PER\" is" + rule + "\n" +
		"names.jsonl:3: labels \"has space\", \"<script>\" are" + rule + "\n" +
		"names.jsonl:4: label \"has space\" is" + rule
	if err == nil || err.Error() != want {
		t.Errorf("import = %v\nwant\n%s", err, want)
	}
	p, _ := f.s.Project(context.Background(), f.proj.ID)
	if p.HasLabel("NEW") {
		t.Error("a refused import added label NEW")
	}
}
