package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestImportStreamAsFile: importing a file without holding it parsed
// (stream) says and stores what importing it parsed whole (file) does:
// the same summary, warnings, bad lines and exported documents, the
// admin made only for a file that goes in.
func TestImportStreamAsFile(t *testing.T) {
	dir := t.TempDir()
	write := writerIn(t, dir)
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

// file imports one file the way import did before stream: parsed whole,
// then stored. The tests keep it as the measure stream must match.
func (im *importer) file(ctx context.Context, opts db.ImportOptions) (db.ImportResult, error) {
	fh, err := os.Open(opts.File)
	if err != nil {
		return db.ImportResult{}, fmt.Errorf("%s: %w", opts.File, fileReason(err))
	}
	defer fh.Close()
	docs, report, err := codec.ParseFileInto(fh, opts.File, im.format, im.unit, im.layer, opts.Via)
	for _, w := range report.Warnings {
		fmt.Fprintf(im.warn, "%s (warning)\n", w.Error())
	}
	if err != nil {
		// A file with bad lines is checked further, never stored.
		return im.s.ImportParsed(ctx, opts, docs, err)
	}
	if opts.By, err = im.by(ctx, opts, docs); err != nil {
		return db.ImportResult{}, err
	}
	return im.s.Import(ctx, opts, docs)
}

// by is the user an import of docs is recorded by: the first admin. A
// database without one gets "admin", as serve would make it (its password
// printed once), but only once a file has passed every check, so a failed
// import leaves the database as it was.
func (im *importer) by(ctx context.Context, opts db.ImportOptions, docs []codec.Doc) (int64, error) {
	if im.admin.ID != 0 {
		return im.admin.ID, nil
	}
	// ImportParsed checks the good lines of a file with bad lines against
	// the project and stores nothing; given no bad lines, it checks them all.
	_, err := im.s.ImportParsed(ctx, opts, docs, codec.Errors{})
	if bad := (codec.Errors{}); err != nil && !(errors.As(err, &bad) && len(bad) == 0) {
		return 0, err
	}
	im.admin, err = ensureAdmin(ctx, im.s, im.stdout)
	return im.admin.ID, err
}
