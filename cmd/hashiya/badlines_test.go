package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportCountsBadLines: a file refused for several bad lines ends its
// list with how many lines were bad, each line counted once however many
// reasons it has; nothing is imported.
func TestImportCountsBadLines(t *testing.T) {
	c := uploadFixture(t)
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	data := strings.Join([]string{
		`{"id": "a", "text": "قال محمد", "spans": [{"start": 4, "end": 8, "label": "PER"}]}`,
		`{oops`,
		`{"id": "c", "text": "قال محمد", "spans": [{"start": 4, "end": 8, "label": "NOPE"}, {"start": 0, "end": 3, "label": "ALSO"}]}`,
		`{"id": "d", "text": "ذهب"`,
	}, "\n") + "\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	got := c.fail("", "import", "--project", "news", path)
	if want := path + ": 3 bad lines, nothing imported\nhashiya: 1 of 1 files had errors and were not imported\n"; !strings.HasSuffix(got, want) {
		t.Errorf("import says\n%s\nwant it to end\n%s", got, want)
	}
	if out := c.ok("export", "--project", "news"); out != "" {
		t.Errorf("the refused file left documents:\n%s", out)
	}
}
