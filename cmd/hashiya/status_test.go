package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashiya/db"
)

// TestExportReviewedOnly exports only the documents whose gold review is
// finished (--status reviewed); an unknown status is refused before
// anything is written.
func TestExportReviewedOnly(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "news")
	file := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(file, []byte("{\"id\": \"a\", \"text\": \"نص أول\"}\n{\"id\": \"b\", \"text\": \"نص ثان\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.ok("import", "--project", "news", file)
	s, err := db.Open(context.Background(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.ProjectByName(context.Background(), "news")
	if err != nil {
		t.Fatal(err)
	}
	admin, err := s.CreateUser(context.Background(), "reviewer1", "", true)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Documents(context.Background(), p.ID, admin, db.DocumentPage{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list.Docs {
		if d.ExternalID != "b" {
			continue
		}
		doc, err := s.Document(context.Background(), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MarkReviewed(context.Background(), doc, admin); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	out := c.ok("export", "--project", "news", "--status", "reviewed")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || !strings.Contains(lines[0], `"id":"b"`) || !strings.Contains(lines[0], `"status":"reviewed"`) {
		t.Errorf("export --status reviewed:\n%s", out)
	}
	if out := c.ok("export", "--project", "news", "--status", "new", "--format", "doccano"); strings.Count(out, "\n") != 1 || !strings.Contains(out, `"id":"a"`) {
		t.Errorf("export --status new:\n%s", out)
	}
	dest := filepath.Join(t.TempDir(), "out.jsonl")
	want := "hashiya: --status: \"finished\" is not new, in_progress, done or reviewed\n"
	if got := c.fail("", "export", "--project", "news", "--status", "finished", "--out", dest); got != want {
		t.Errorf("export --status finished:\n got %q\nwant %q", got, want)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("a refused export left %s: %v", dest, err)
	}
}

// TestExportLayerMine: "mine" is the caller's layer in the web API; the
// command line, with no signed-in caller, says so rather than looking
// for a user called mine, and writes nothing.
func TestExportLayerMine(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "news")
	out := filepath.Join(t.TempDir(), "out.jsonl")
	if got := c.fail("", "export", "--project", "news", "--layer", "mine", "--out", out); !strings.Contains(got, "--layer mine: the command line has no signed-in user") {
		t.Errorf("--layer mine says %q", got)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--layer mine left %s behind (%v)", out, err)
	}
}
