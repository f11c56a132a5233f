package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashiya/db"
)

// TestImportLayers: an export of an annotator's layer does not come back
// as gold, an export of several layers says it holds one line per layer
// instead of "duplicate document id", and a layer is someone's in the
// project: a user outside it is refused.
func TestImportLayers(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	c.ok("user", "add", "layla")
	c.ok("user", "add", "stranger")
	c.ok("project", "create", "p1")
	c.ok("project", "add-member", "p1", "layla", "--role", "annotator")
	src := filepath.Join(dir, "src.jsonl")
	os.WriteFile(src, []byte(`{"id":"d1","text":"قال زيد","spans":[{"id":1,"start":4,"end":7,"label":"PER"}]}`+"\n"), 0o644)
	c.ok("import", "--project", "p1", "--layer", "layla", src)

	// A user outside the project has no layer to import into.
	if got := c.fail("", "import", "--project", "p1", "--layer", "stranger", src); got != "hashiya: --layer stranger: user stranger is not a member of project p1: add them to it first, or import into gold or a member's layer\n" {
		t.Errorf("import into a stranger's layer: %q", got)
	}
	if got := c.fail("", "export", "--project", "p1", "--layer", "stranger"); got != "hashiya: user stranger is not a member of project p1 and has no layer in it\n" {
		t.Errorf("export of a stranger's layer: %q", got)
	}

	// layla's layer, exported and imported into another project.
	laylas := filepath.Join(dir, "layla.jsonl")
	c.ok("export", "--project", "p1", "--layer", "layla", "--out", laylas)
	c.ok("project", "create", "p2")
	c.ok("project", "add-member", "p2", "layla", "--role", "annotator")
	want := laylas + `:1: this line is layer "layla"'s, and this import goes to gold: import it with --layer layla, or drop its "layer" to import it into gold`
	if got := c.fail("", "import", "--project", "p2", laylas); !strings.HasPrefix(got, want+"\n") {
		t.Errorf("layla's export imported as gold:\n%s\nwant\n%s", got, want)
	}
	if out := c.ok("export", "--project", "p2"); out != "" {
		t.Errorf("a refused import stored %q", out)
	}
	c.ok("import", "--project", "p2", "--layer", "layla", laylas)
	if out := c.ok("export", "--project", "p2", "--layer", "layla", "--format", "doccano"); out != `{"id":"d1","text":"قال زيد","label":[[4,7,"PER"]]}`+"\n" {
		t.Errorf("layla's layer in p2: %q", out)
	}

	// Gold gets a span too, so the export of every layer holds d1 twice.
	s, err := db.Open(context.Background(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	p1, _ := s.ProjectByName(context.Background(), "p1")
	admin, _ := s.FirstAdmin(context.Background())
	list, err := s.Documents(context.Background(), p1.ID, admin, db.DocumentPage{Limit: 10})
	if err != nil || len(list.Docs) != 1 {
		t.Fatalf("p1 documents %+v, %v", list.Docs, err)
	}
	doc, _ := s.Document(context.Background(), list.Docs[0].ID)
	if _, err := s.CreateSpan(context.Background(), doc, 0, admin.ID, db.SpanInput{Start: 0, End: 3, Label: "CUE"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	all := filepath.Join(dir, "all.jsonl")
	c.ok("export", "--project", "p1", "--layer", "all", "--out", all)
	c.ok("project", "create", "p3")
	got := c.fail("", "import", "--project", "p3", all)
	want = all + `:2: this line is layer "layla"'s, and this import goes to gold: the file holds the lines of 2 layers (gold, layla), one line per document and layer as an export of --layer all writes them, and an import fills one layer: import each layer's lines on their own, with --layer NAME`
	if !strings.HasPrefix(got, want+"\n") || strings.Contains(got, "duplicate") {
		t.Errorf("an export of every layer:\n%s\nwant\n%s", got, want)
	}
}

// TestImportChecksLikeTheAPI: relations, span attributes and new label
// names the API refuses are refused by import too, each bad line named.
func TestImportChecksLikeTheAPI(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "rel.jsonl")
	lines := []string{
		`{"id":"a","text":"قال زيد","entities":[{"id":1,"start_offset":4,"end_offset":7,"label":"PER"}],"relations":[{"id":1,"from_id":1,"to_id":1,"type":"speaker"}]}`,
		`{"id":"b","text":"قال زيد","entities":[{"id":1,"start_offset":4,"end_offset":7,"label":"PER"},{"id":2,"start_offset":0,"end_offset":3,"label":"QUOTE"}],"relations":[{"id":1,"from_id":1,"to_id":2,"type":"speaker"}]}`,
		`{"id":"c","text":"قال زيد","spans":[{"id":"q","start":0,"end":3,"label":"QUOTE","attributes":{"type":"bogus"}}]}`,
		`{"id":"d","text":"قال زيد","label":[[4,7,"has space"]]}`,
		`{"id":"e","text":"قال زيد","label":[[4,7,"PER"]]}`,
	}
	os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	got := c.fail("", "import", "--project", "p", "--add-labels", file)
	for _, want := range []string{
		file + `:1: relation speaker joins span "1" to itself: a relation joins two different spans`,
		file + `:2: relation speaker from span "1" to span "2": a speaker relation joins QUOTE -> PER/ORG, not PER -> QUOTE`,
		file + `:3: span "q" (QUOTE at 0..3): type is a QUOTE's direct, indirect or mixed, not bogus on QUOTE`,
		file + `:4: label "has space" is not in project p's label set and cannot be added: a name is 1-40 letters, digits or _-.: (no spaces)`,
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("stderr lacks\n%s\ngot\n%s", want, got)
		}
	}
	if strings.Contains(got, ":5:") {
		t.Errorf("the good line 5 is named:\n%s", got)
	}
	if out := c.ok("export", "--project", "p"); out != "" {
		t.Errorf("a refused import stored %q", out)
	}
}
