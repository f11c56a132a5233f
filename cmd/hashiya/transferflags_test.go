package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportTokensAtWhitespace: --tokens whitespace gives a CoNLL file
// imported back token for token, its marks kept on their words; another
// format or an unknown way is refused before anything is written.
func TestExportTokensAtWhitespace(t *testing.T) {
	c := uploadFixture(t)
	path := filepath.Join(t.TempDir(), "news.conll")
	if err := os.WriteFile(path, []byte("# id = n1\nقال O\nمحمد B-PER\nعلي، I-PER\nإنه O\nعاد. O\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.ok("import", "--project", "news", path)
	if got, want := c.ok("export", "--project", "news", "--format", "conll", "--tokens", "whitespace"), "# id = n1\nقال O\nمحمد B-PER\nعلي، I-PER\nإنه O\nعاد. O\n\n"; got != want {
		t.Errorf("--tokens whitespace wrote\n%s\nwant\n%s", got, want)
	}
	if got := c.ok("export", "--project", "news", "--format", "conll"); !strings.Contains(got, "علي I-PER\n، I-PER\n") {
		t.Errorf("the default cuts marks off:\n%s", got)
	}
	for args, says := range map[string]string{
		"--format jsonl --tokens whitespace": "--tokens: tokens are cut for the conll format only, not jsonl",
		"--format conll --tokens spaces":     `--tokens: unknown tokens "spaces"; want words or whitespace`,
	} {
		if got := c.fail("", append([]string{"export", "--project", "news"}, strings.Fields(args)...)...); got != "hashiya: "+says+"\n" {
			t.Errorf("export %s: %q, want %q", args, got, says)
		}
	}
}

// TestImportTextsOnly: --texts-only brings a labelled file's documents in
// without its spans, saying how many were left out, as the import form's
// "Leave them out" does; with --layer it is refused before anything.
func TestImportTextsOnly(t *testing.T) {
	c := uploadFixture(t)
	path := filepath.Join(t.TempDir(), "news.jsonl")
	if err := os.WriteFile(path, []byte(`{"id": "n1", "text": "قال محمد", "spans": [{"start": 4, "end": 8, "label": "PER"}]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := c.fail("", "import", "--project", "news", "--texts-only", "--layer", "admin", path); got != "hashiya: --texts-only writes no layer, so it takes no --layer admin\n" {
		t.Errorf("--texts-only --layer: %q", got)
	}
	if out := c.ok("import", "--project", "news", "--texts-only", path); !strings.Contains(out, "Imported 1 document; 1 span in the file was left out") {
		t.Errorf("--texts-only says %q", out)
	}
	if got := c.ok("export", "--project", "news"); !strings.Contains(got, `"id":"n1"`) || !strings.Contains(got, `"spans":[]`) {
		t.Errorf("after --texts-only the export holds\n%s", got)
	}
}
