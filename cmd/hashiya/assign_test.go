package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashiya/db"
)

// TestProjectAssign assigns by hand (--docs, --all) and automatically
// (--auto N), and checks what each annotator then sees in the store.
func TestProjectAssign(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "news")
	file := filepath.Join(t.TempDir(), "docs.jsonl")
	os.WriteFile(file, []byte(`{"id": "a", "text": "نص أول"}
{"id": "b", "text": "نص ثان"}
{"id": "c", "text": "نص ثالث"}
`), 0o644)
	c.ok("import", "--project", "news", file)
	for _, name := range []string{"hala", "zaid", "omar"} {
		c.ok("user", "add", name)
	}
	c.ok("project", "add-member", "news", "hala", "--role", "annotator")
	c.ok("project", "add-member", "news", "zaid", "--role", "annotator")

	if out := c.ok("project", "assign", "news", "hala", "--docs", "a,c"); !strings.Contains(out, "2 documents") {
		t.Errorf("assign --docs: %q", out)
	}
	refused := []struct {
		args []string
		says string
	}{
		{[]string{"news", "zaid", "--docs", "b,nope"}, "nope"},       // all or nothing
		{[]string{"news", "omar", "--all"}, "not a member"},          // members only
		{[]string{"news", "zaid"}, "want"},                           // neither --all nor --docs
		{[]string{"news", "zaid", "--all", "--docs", "a"}, "want"},   // both
		{[]string{"news", "zaid", "--auto", "2"}, "project only"},    // --auto takes no user
		{[]string{"news", "--auto", "3"}, "annotators per document"}, // only two annotators
		{[]string{"news", "--auto", "0"}, "must be 1 to 2"},
		{[]string{"news", "--auto", "-1"}, "must be 1 to 2"},
	}
	for _, r := range refused {
		_, _, err := c.run("", append([]string{"project", "assign"}, r.args...)...)
		if err == nil || !strings.Contains(err.Error(), r.says) {
			t.Errorf("project assign %s: err %v, want one saying %q", strings.Join(r.args, " "), err, r.says)
		}
	}
	// --auto 0 is refused like --auto -1, in one line, not with the usage.
	want := "hashiya: --auto: annotators per document must be 1 to 2 (the annotators of project news), not 0\n"
	if got := c.fail("", "project", "assign", "news", "--auto", "0"); got != want {
		t.Errorf("assign --auto 0:\n got %q\nwant %q", got, want)
	}
	if out := c.ok("project", "assign", "news", "--auto", "2"); !strings.Contains(out, "4 new assignments") {
		t.Errorf("assign --auto 2 (a and c lack zaid, b lacks both): %q", out)
	}
	visible := map[string]int{"hala": 3, "zaid": 3, "omar": 0}
	s, err := db.Open(context.Background(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.ProjectByName(context.Background(), "news")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range visible {
		u, err := s.UserByName(context.Background(), name)
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.Documents(context.Background(), p.ID, u, db.DocumentPage{Limit: db.MaxPageLimit})
		if err != nil || len(list.Docs) != want {
			t.Errorf("%s sees %d documents (%v), want %d", name, len(list.Docs), err, want)
		}
	}
	if out := c.ok("help", "project"); !strings.Contains(out, "--auto N") || !strings.Contains(out, "--docs EXTERNAL_ID") {
		t.Errorf("help project does not describe assign: %q", out)
	}
}
