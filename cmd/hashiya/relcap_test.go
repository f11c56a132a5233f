package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRelationTypeCap: import --add-labels adds at most 100
// relation types in one file; past that the file is refused on the line
// using the first type over the cap, and nothing goes in.
func TestImportRelationTypeCap(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "rel.jsonl")
	var lines []string
	for i := range 101 {
		lines = append(lines, fmt.Sprintf(`{"id":"d%d","text":"قال زيد","entities":[{"id":1,"start_offset":4,"end_offset":7,"label":"PER"},`+
			`{"id":2,"start_offset":0,"end_offset":3,"label":"CUE"}],"relations":[{"id":1,"from_id":2,"to_id":1,"type":"r%d"}]}`, i, i))
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := c.fail("", "import", "--project", "p", "--add-labels", file)
	want := file + `:101: the file uses 101 relation types project p lacks, more than the 100 one import may add; new relation type number 101, "r100", is first used here`
	if !strings.Contains(got, want+"\n") {
		t.Errorf("stderr lacks\n%s\ngot\n%s", want, got)
	}
	if out := c.ok("export", "--project", "p"); out != "" {
		t.Errorf("a refused import stored %q", out)
	}
	// One line fewer goes in, types and all.
	if err := os.WriteFile(file, []byte(strings.Join(lines[:100], "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := c.ok("import", "--project", "p", "--add-labels", file); !strings.Contains(out, "100 relations") {
		t.Errorf("import of 100 new relation types said %q", out)
	}
}
