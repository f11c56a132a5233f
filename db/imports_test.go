package db

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// importDoc is a document of fixtureText with a QUOTE said by a PER.
func importDoc(t *testing.T, line int, id, perLabel string) codec.Doc {
	t.Helper()
	qs, qe := span(t, fixtureText, "«الاقتصاد ينمو»")
	ps, pe := span(t, fixtureText, "أحمد")
	return codec.Doc{Line: line, ExternalID: id, Text: fixtureText, Meta: json.RawMessage(`{"source":"test"}`),
		Spans: []codec.Span{
			{Ref: "q", Start: qs, End: qe, Label: "QUOTE", Attributes: json.RawMessage(`{"confidence":0.5}`)},
			{Ref: "p", Start: ps, End: pe, Label: perLabel},
		},
		Relations: []codec.Relation{{Type: "speaker", From: "q", To: "p"}},
	}
}

func TestImport(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	res, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "a.jsonl", Owner: f.other.ID, By: f.user.ID},
		[]codec.Doc{importDoc(t, 1, "a", "PER"), importDoc(t, 2, "b", "ORG")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 2 || res.Spans != 4 || res.Relations != 2 || len(res.AddedLabels) != 0 {
		t.Errorf("result %+v, want 2 documents, 4 spans, 2 relations", res)
	}
	// omar sees nothing until he is a member, then every document.
	if list, err := f.s.Documents(ctx, f.proj.ID, f.other, DocumentPage{Limit: MaxPageLimit}); err != nil || len(list.Docs) != 0 {
		t.Fatalf("a non-member lists %+v (%v)", list.Docs, err)
	}
	if err := f.s.SetMember(ctx, f.proj.ID, f.user, f.other, RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	list, err := f.s.Documents(ctx, f.proj.ID, f.other, DocumentPage{Limit: MaxPageLimit})
	if err != nil {
		t.Fatal(err)
	}
	docs := list.Docs
	if len(docs) != 3 || docs[1].ExternalID != "a" || docs[2].ExternalID != "b" {
		t.Fatalf("documents %+v, want doc-1, a, b in import order", docs)
	}
	if d := docs[1]; d.Spans != 2 || d.Status != "in_progress" || d.Length != len([]rune(fixtureText)) {
		t.Errorf("summary %+v, want 2 spans, in_progress, length in code points", d)
	}
	doc, err := f.s.Document(ctx, docs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != fixtureText || string(doc.Meta) != `{"source":"test"}` || doc.Hash != textHash(fixtureText) {
		t.Errorf("stored document %+v is not byte-exact", doc)
	}
	l, err := f.s.LayerOf(ctx, doc, f.other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Spans) != 2 || len(l.Relations) != 1 {
		t.Fatalf("layer %+v, want 2 spans and 1 relation in the owner's layer", l)
	}
	for _, sp := range l.Spans {
		if sp.CreatedBy != f.user.ID {
			t.Errorf("imported span created_by %d, want %d", sp.CreatedBy, f.user.ID)
		}
	}
	if q := l.Spans[len(l.Spans)-1]; q.Label != "QUOTE" || string(q.Attributes) != `{"confidence":0.5}` {
		t.Errorf("quote span %+v lost its attributes", q)
	}
	if r := l.Relations[0]; l.Spans[0].ID != r.To {
		t.Errorf("relation %+v does not point at the PER span %d", r, l.Spans[0].ID)
	}
	if n, _ := f.s.EventCount(ctx, "import"); n != 2 { // the fixture's and this one
		t.Errorf("%d import events, want 2", n)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	batch := []codec.Doc{
		importDoc(t, 1, "good-1", "PER"),
		importDoc(t, 2, "bad-label", "PERSON"),
		importDoc(t, 3, "good-2", "PER"),
		importDoc(t, 4, "doc-1", "PER"), // the fixture already has doc-1, with another text
	}
	batch[3].Text += " وانتهى"
	batch[2].Relations = []codec.Relation{{Type: "mentions", From: "q", To: "p"}}
	tables := []string{"documents", "layers", "spans", "relations", "labels", "relation_types", "events"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = count(t, f.s, "SELECT count(*) FROM "+tb)
	}
	_, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "batch.jsonl", Owner: f.user.ID, By: f.user.ID}, batch)
	var lines codec.Errors
	if !errors.As(err, &lines) {
		t.Fatalf("Import = %v, want codec.Errors", err)
	}
	want := []struct {
		line int
		says string
	}{{2, `label "PERSON"`}, {2, `a speaker relation joins QUOTE -> PER/ORG, not QUOTE -> PERSON`}, {3, `relation type "mentions"`}, {4, `"doc-1"`}}
	if len(lines) != len(want) {
		t.Fatalf("errors %v, want two for line 2 and one for each of lines 3 and 4", lines)
	}
	for i, w := range want {
		if lines[i].Line != w.line || lines[i].File != "batch.jsonl" || !strings.Contains(lines[i].Reason, w.says) {
			t.Errorf("error %d = %v, want batch.jsonl:%d mentioning %s", i, lines[i], w.line, w.says)
		}
	}
	for _, tb := range tables {
		if n := count(t, f.s, "SELECT count(*) FROM "+tb); n != before[tb] {
			t.Errorf("refused import changed %s: %d -> %d rows", tb, before[tb], n)
		}
	}
}

func TestImportAddLabels(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	doc := importDoc(t, 1, "new-labels", "PERSON")
	doc.Relations = []codec.Relation{{Type: "mentions", From: "q", To: "p"}}
	res, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "x.jsonl", By: f.user.ID, AddLabels: true}, []codec.Doc{doc})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.AddedLabels) != 1 || res.AddedLabels[0] != "PERSON" {
		t.Errorf("added labels %v, want [PERSON]", res.AddedLabels)
	}
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !p.HasLabel("PERSON") || len(p.Labels) != len(DefaultLabels())+1 || p.Labels[len(p.Labels)-1].Name != "PERSON" {
		t.Errorf("labels after import %+v, want the defaults then PERSON", p.Labels)
	}
	if err := ValidateLabels(p.Labels); err != nil {
		t.Errorf("added label made the set invalid: %v", err)
	}
	if rt := p.RelationTypes; len(rt) != len(DefaultRelationTypes())+1 || rt[len(rt)-1].Name != "mentions" {
		t.Errorf("relation types %+v, want mentions added", rt)
	}
	// Gold (owner 0) received the spans.
	if n := count(t, f.s, "SELECT count(*) FROM spans s JOIN layers l ON l.id = s.layer_id WHERE l.owner_id IS NULL"); n != 2 {
		t.Errorf("gold layer holds %d spans, want the 2 imported", n)
	}
	// The same label again is no longer missing.
	again := importDoc(t, 1, "again", "PERSON")
	again.Relations = doc.Relations
	res, err = f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "y.jsonl", By: f.user.ID}, []codec.Doc{again})
	if err != nil || len(res.AddedLabels) != 0 {
		t.Errorf("second import: %+v, %v", res, err)
	}
}

// TestImportParsedListsEveryBadLine: a file with a broken line and a line
// whose label the project lacks is refused naming both, in line order, and
// nothing is stored.
func TestImportParsedListsEveryBadLine(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	file := `{"id":"o4","text":"مرحبا","label":[[0,2,"NOPE"]]}
{"id":"o5","text":"مرحبا","label":[[0,9,"PER"]]}
{"id":"doc-1","text":"نص","label":[]}
{"id":"o6","text":"مرحبا","label":[[0,2,"PER"]]}
`
	docs, _, perr := codec.ParseFile(strings.NewReader(file), "mix.jsonl", "auto")
	before := count(t, f.s, "SELECT count(*) FROM documents")
	_, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: f.proj.ID, File: "mix.jsonl", By: f.user.ID}, docs, perr)
	var lines codec.Errors
	if !errors.As(err, &lines) {
		t.Fatalf("ImportParsed = %v, want codec.Errors", err)
	}
	want := []struct {
		line int
		says string
	}{{1, `label "NOPE" is not in project`}, {2, "offsets 0..9"}, {3, `already has a document with id "doc-1"`}}
	if len(lines) != len(want) {
		t.Fatalf("errors:\n%v\nwant one for each of lines 1, 2 and 3", lines)
	}
	for i, w := range want {
		if lines[i].Line != w.line || !strings.Contains(lines[i].Reason, w.says) {
			t.Errorf("error %d = %v, want mix.jsonl:%d saying %s", i, lines[i], w.line, w.says)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM documents"); n != before {
		t.Errorf("the refused file changed documents: %d -> %d", before, n)
	}
	// A file without bad lines goes in as with Import.
	docs, _, perr = codec.ParseFile(strings.NewReader(`{"id":"o7","text":"مرحبا","label":[[0,2,"PER"]]}`), "ok.jsonl", "auto")
	if res, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: f.proj.ID, File: "ok.jsonl", By: f.user.ID}, docs, perr); err != nil || res.Documents != 1 {
		t.Errorf("a good file: %+v, %v", res, err)
	}
}

// TestImportParsedCoNLLLines: in CoNLL each unknown label is named on the
// line of its token, beside the broken lines, in one refusal.
func TestImportParsedCoNLLLines(t *testing.T) {
	f := newFixture(t)
	file := "# id = c2\nقال O\nمحمد B-PER\nفي O\nبغداد B-GPX\nbroken\nو O\nعمان B-XYZ\nثم O\nدمشق B-GPX\n"
	docs, _, perr := codec.ParseFile(strings.NewReader(file), "lab.conll", "conll")
	_, err := f.s.ImportParsed(context.Background(), ImportOptions{ProjectID: f.proj.ID, File: "lab.conll", By: f.user.ID}, docs, perr)
	var lines codec.Errors
	if !errors.As(err, &lines) {
		t.Fatalf("ImportParsed = %v, want codec.Errors", err)
	}
	var got []string
	for _, l := range lines {
		got = append(got, fmt.Sprintf("%d %s", l.Line, strings.SplitN(l.Reason, " ", 3)[1]))
	}
	if want := []string{`5 "GPX"`, `6 "TOKEN`, `8 "XYZ"`, `10 "GPX"`}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("lines %v, want %v:\n%v", got, want, lines)
	}
}

// TestImportLabelCaps: an import adds at most MaxImportLabels labels, and
// leaves a project at most MaxLabels; past either it is refused on the
// line where the first label over the cap is used, and nothing goes in.
func TestImportLabelCaps(t *testing.T) {
	tests := []struct {
		name  string
		have  int // labels the project has beyond the defaults
		add   int // labels the file adds, one a line
		error string
	}{
		{"as many as one import may add", 0, MaxImportLabels, ""},
		{"one more than one import may add", 0, MaxImportLabels + 1,
			`x.jsonl:101: the file uses 101 labels project أخبار lacks, more than the 100 one import may add; new label number 101, "N100", is first used here`},
		{"up to what a project may have", MaxLabels - 7 - 50, 50, ""},
		{"past what a project may have", MaxLabels - 7 - 50, 51,
			`x.jsonl:51: the file uses 51 labels project أخبار lacks, and with its 150 labels that is 201, more than the 200 a project may have; new label number 51, "N50", is first used here`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			if tt.have > 0 {
				if err := f.s.SetLabels(ctx, f.proj.ID, f.user, append(DefaultLabels(), manyLabels("H", tt.have)...)); err != nil {
					t.Fatal(err)
				}
			}
			ps, pe := span(t, fixtureText, "أحمد")
			var docs []codec.Doc
			for i := range tt.add {
				docs = append(docs, codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("n%d", i), Text: fixtureText,
					Spans: []codec.Span{{Start: ps, End: pe, Label: "PER"}, {Start: ps, End: pe, Label: fmt.Sprintf("N%d", i)}}})
			}
			before := count(t, f.s, "SELECT count(*) FROM labels") + count(t, f.s, "SELECT count(*) FROM documents")
			res, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: f.proj.ID, File: "x.jsonl", By: f.user.ID, AddLabels: true}, docs, nil)
			if tt.error == "" {
				if err != nil || len(res.AddedLabels) != tt.add {
					t.Fatalf("import = %d labels added, %v; want %d", len(res.AddedLabels), err, tt.add)
				}
				return
			}
			if err == nil || err.Error() != tt.error {
				t.Errorf("import = %v\nwant %s", err, tt.error)
			}
			if after := count(t, f.s, "SELECT count(*) FROM labels") + count(t, f.s, "SELECT count(*) FROM documents"); after != before {
				t.Errorf("a refused import changed labels and documents: %d rows -> %d", before, after)
			}
		})
	}
}

// TestImportOntoExistingDocuments: a line naming a document the project
// has, with its very text, puts its annotations in a layer the document
// lacks (a model's proposals, another layer of an export); into a layer it
// has, onto another text, or with nothing to add, the line is refused.
func TestImportOntoExistingDocuments(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	opts := func(owner int64) ImportOptions {
		return ImportOptions{ProjectID: f.proj.ID, File: "more.jsonl", Owner: owner, By: f.user.ID}
	}
	line := importDoc(t, 1, "doc-1", "PER") // the fixture's doc-1, its text, a PER and a QUOTE linked
	res, err := f.s.Import(ctx, opts(f.other.ID), []codec.Doc{line})
	if err != nil || res.Documents != 0 || res.Annotated != 1 || res.Spans != 2 || res.Relations != 1 {
		t.Fatalf("onto doc-1 in omar's layer: %+v, %v", res, err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM documents"); n != 1 {
		t.Errorf("%d documents after annotating the one there is", n)
	}
	l, err := f.s.LayerOf(ctx, f.doc, f.other.ID)
	if err != nil || len(l.Spans) != 2 || len(l.Relations) != 1 || l.Status != "in_progress" {
		t.Errorf("omar's layer of doc-1: %+v, %v", l, err)
	}

	other := line
	other.Text += " وانتهى"
	bare := line
	bare.Spans, bare.Relations = nil, nil
	for _, tc := range []struct {
		name  string
		owner int64
		d     codec.Doc
		says  string
	}{
		{"into the layer it has now", f.other.ID, line, "has that layer already"},
		{"onto another text", 0, other, "with another text"},
		{"with nothing to add", 0, bare, "brings no annotations"},
	} {
		before := count(t, f.s, "SELECT count(*) FROM spans")
		_, err := f.s.Import(ctx, opts(tc.owner), []codec.Doc{tc.d})
		var lines codec.Errors
		if !errors.As(err, &lines) || len(lines) != 1 || !strings.Contains(lines[0].Reason, tc.says) {
			t.Errorf("%s: %v, want a bad line saying %q", tc.name, err, tc.says)
		}
		if after := count(t, f.s, "SELECT count(*) FROM spans"); after != before {
			t.Errorf("%s: a refused line stored %d spans", tc.name, after-before)
		}
	}
}
