package db

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"hashiya/db/codec"
)

// TestImportRelationTypeCaps: an import adding relation types adds at
// most MaxImportRelationTypes, and leaves a project at most
// MaxRelationTypes; past either it is refused on the line that first uses
// the first type over the cap, and nothing goes in.
func TestImportRelationTypeCaps(t *testing.T) {
	tests := []struct {
		name  string
		have  int // relation types the project has beyond the defaults
		add   int // relation types the file adds, one a line
		error string
	}{
		{"as many as one import may add", 0, MaxImportRelationTypes, ""},
		{"one more than one import may add", 0, MaxImportRelationTypes + 1,
			`x.jsonl:101: the file uses 101 relation types project أخبار lacks, more than the 100 one import may add; new relation type number 101, "R100", is first used here`},
		{"up to what a project may have", MaxRelationTypes - len(DefaultRelationTypes()) - 50, 50, ""},
		{"past what a project may have", MaxRelationTypes - len(DefaultRelationTypes()) - 50, 51,
			`x.jsonl:51: the file uses 51 relation types project أخبار lacks, and with its 150 relation types that is 201, more than the 200 a project may have; new relation type number 51, "R50", is first used here`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			if tt.have > 0 {
				if err := f.s.SetRelationTypes(ctx, f.proj.ID, f.user, append(DefaultRelationTypes(), manyRelationTypes("H", tt.have)...)); err != nil {
					t.Fatal(err)
				}
			}
			var docs []codec.Doc
			for i := range tt.add {
				d := importDoc(t, i+1, fmt.Sprintf("n%d", i), "PER")
				// The speaker link too, a type the project has: only new
				// types count.
				d.Relations = append(d.Relations, codec.Relation{Type: fmt.Sprintf("R%d", i), From: "q", To: "p"})
				docs = append(docs, d)
			}
			rows := func() int {
				return count(t, f.s, "SELECT count(*) FROM relation_types") + count(t, f.s, "SELECT count(*) FROM documents") +
					count(t, f.s, "SELECT count(*) FROM relations")
			}
			before := rows()
			_, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: f.proj.ID, File: "x.jsonl", By: f.user.ID, AddLabels: true}, docs, nil)
			if tt.error == "" {
				if err != nil {
					t.Fatal(err)
				}
				if want := len(DefaultRelationTypes()) + tt.have + tt.add; count(t, f.s, "SELECT count(*) FROM relation_types") != want {
					t.Errorf("%d relation types after the import, want %d", count(t, f.s, "SELECT count(*) FROM relation_types"), want)
				}
				return
			}
			if err == nil || err.Error() != tt.error {
				t.Errorf("import = %v\nwant %s", err, tt.error)
			}
			if after := rows(); after != before {
				t.Errorf("a refused import changed relation types, documents and relations: %d rows -> %d", before, after)
			}
		})
	}
}

// TestImportRelationTypeCapWithOtherProblems: the cap is one bad line
// among the others of the file, in line order, and counts each new type
// once however many lines use it.
func TestImportRelationTypeCapWithOtherProblems(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var docs []codec.Doc
	for i := range MaxImportRelationTypes + 1 {
		d := importDoc(t, 2*i+1, fmt.Sprintf("n%d", i), "PER")
		d.Relations = []codec.Relation{{Type: fmt.Sprintf("R%d", i), From: "q", To: "p"}}
		again := importDoc(t, 2*i+2, fmt.Sprintf("again%d", i), "PER")
		again.Relations = []codec.Relation{{Type: fmt.Sprintf("R%d", i), From: "q", To: "p"}}
		docs = append(docs, d, again)
	}
	docs[0].Relations = append(docs[0].Relations, codec.Relation{Type: "R0", From: "p", To: "p"})
	_, err := f.s.ImportParsed(ctx, ImportOptions{ProjectID: f.proj.ID, File: "x.jsonl", By: f.user.ID, AddLabels: true}, docs, nil)
	var bad codec.Errors
	if !errors.As(err, &bad) || len(bad) != 2 {
		t.Fatalf("import = %v, want two bad lines", err)
	}
	if bad[0].Line != 1 || bad[1].Line != 2*MaxImportRelationTypes+1 {
		t.Errorf("bad lines %d and %d, want 1 (a span linked to itself) and %d (type number 101)", bad[0].Line, bad[1].Line, 2*MaxImportRelationTypes+1)
	}
	if n := count(t, f.s, "SELECT count(*) FROM relation_types"); n != len(DefaultRelationTypes()) {
		t.Errorf("%d relation types after a refused import, want the %d there were", n, len(DefaultRelationTypes()))
	}
}

// TestSetRelationTypesCap: the settings form, like an import, leaves a
// project at most MaxRelationTypes.
func TestSetRelationTypesCap(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.s.SetRelationTypes(ctx, f.proj.ID, f.user, manyRelationTypes("T", MaxRelationTypes)); err != nil {
		t.Fatalf("%d relation types: %v", MaxRelationTypes, err)
	}
	err := f.s.SetRelationTypes(ctx, f.proj.ID, f.user, manyRelationTypes("U", MaxRelationTypes+1))
	if field := validationField(t, err); field != "relation_types" {
		t.Errorf("%d relation types: %v, want refused naming relation_types", MaxRelationTypes+1, err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM relation_types WHERE name LIKE 'U%'"); n != 0 {
		t.Errorf("a refused change stored %d relation types", n)
	}
}

// manyRelationTypes is n relation types without rules, named prefix0,
// prefix1, ...
func manyRelationTypes(prefix string, n int) []RelationType {
	types := make([]RelationType, n)
	for i := range types {
		types[i] = RelationType{Name: fmt.Sprintf("%s%d", prefix, i)}
	}
	return types
}
