package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"hashiya/db"
)

// TestImportStreamAsFile: importing a file without holding it parsed
// (stream) says and stores what importing it parsed whole (file) does:
// the same summary, warnings, bad lines and exported documents, the
// admin made only for a file that goes in.
func TestImportStreamAsFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	files := []string{
		write("good.jsonl", `{"id": "d1", "text": "قال محمد", "label": [[4, 8, "PER"], [4, 8, "PER"]]}`+"\n"+`{"id": "d2", "text": "قالَ", "label": [[0, 3, "NEW"]]}`+"\n"),
		write("bad.jsonl", "not json\n"+`{"id": "d3", "text": "قال محمد", "label": [[4, 8, "NOPE"]]}`+"\n"+`{"id": "d3", "text": "نص"}`+"\n"),
		write("sentences.conll", "# id = c1\nقال O\nمحمد B-PER\n"),
		filepath.Join(dir, "missing.jsonl"),
	}
	password := regexp.MustCompile(`\(shown once\): \S+`)
	for _, file := range files {
		for _, addLabels := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s add-labels %v", filepath.Base(file), addLabels), func(t *testing.T) {
				whole := importOnce(t, file, addLabels, (*importer).file)
				streamed := importOnce(t, file, addLabels, (*importer).stream)
				whole, streamed = password.ReplaceAllString(whole, "PASSWORD"), password.ReplaceAllString(streamed, "PASSWORD")
				if whole != streamed {
					t.Errorf("parsed whole:\n%s\nstreamed:\n%s", whole, streamed)
				}
			})
		}
	}
}

// importOnce imports file into a fresh database's project p with how,
// and says what it printed, returned and stored.
func importOnce(t *testing.T, file string, addLabels bool, how func(*importer, context.Context, db.ImportOptions) (db.ImportResult, error)) string {
	t.Helper()
	ctx := context.Background()
	c := newCLI(t)
	c.ok("project", "create", "p")
	s, err := db.Open(ctx, c.db)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.ProjectByName(ctx, "p")
	if err != nil {
		t.Fatal(err)
	}
	var out, warn bytes.Buffer
	im := importer{s: s, format: "auto", unit: "codepoint", layer: "gold", stdout: &out, warn: &warn}
	res, err := how(&im, ctx, db.ImportOptions{ProjectID: p.ID, File: file, AddLabels: addLabels})
	s.Close()
	exported, _, _ := c.run("", "export", "--project", "p", "--format", "jsonl")
	return fmt.Sprintf("stdout %s\nstderr %s\nresult %+v\nerror %v\nexport %s", out.String(), warn.String(), res, err, exported)
}
