package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportMakesAdminOnlyWhenItImports: on a database without an admin,
// import makes "admin" (password printed once) only when a file goes in,
// since the import is recorded as its work; a failed import, whatever
// failed, leaves the database without one.
func TestImportMakesAdminOnlyWhenItImports(t *testing.T) {
	dir := t.TempDir()
	write := writerIn(t, dir)
	good := write("good.jsonl", `{"id": "d1", "text": "قال محمد", "label": [[4, 8, "PER"]]}`+"\n")
	broken := write("broken.jsonl", "not json\n")
	unknownLabel := write("label.jsonl", `{"id": "d2", "text": "قال محمد", "label": [[4, 8, "NOPE"]]}`+"\n")
	missing := filepath.Join(dir, "missing.jsonl")
	const created = `created admin user "admin"; password (shown once): `
	tests := []struct {
		name    string
		files   []string
		ok      bool
		imports int // documents imported
	}{
		{"missing file", []string{missing}, false, 0},
		{"broken line", []string{broken}, false, 0},
		{"label the project lacks", []string{unknownLabel}, false, 0},
		{"all bad", []string{missing, broken, unknownLabel}, false, 0},
		{"good file", []string{good}, true, 1},
		{"bad then good", []string{broken, good}, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			c.ok("project", "create", "p")
			out, errOut, err := c.run("", append([]string{"import", "--project", "p"}, tt.files...)...)
			if (err == nil) != tt.ok {
				t.Fatalf("import: %v\n%s", err, errOut)
			}
			if n := strings.Count(out, created); tt.imports > 0 && n != 1 || tt.imports == 0 && n != 0 {
				t.Errorf("stdout says %d times that it created the admin, want %d:\n%s", n, min(tt.imports, 1), out)
			}
			_, _, err = c.run("", "token", "create", "admin")
			if hasAdmin := err == nil; hasAdmin != (tt.imports > 0) {
				t.Errorf("admin exists: %v, want %v (%v)", hasAdmin, tt.imports > 0, err)
			}
			if lines := strings.Count(c.ok("export", "--project", "p"), "\n"); lines != tt.imports {
				t.Errorf("%d documents stored, want %d", lines, tt.imports)
			}
		})
	}
	// An import into a database that has its admin makes no other.
	c := newCLI(t)
	c.ok("project", "create", "p")
	c.ok("import", "--project", "p", good)
	if out := c.ok("import", "--project", "p", write("more.jsonl", `{"id": "d3", "text": "نص"}`+"\n")); strings.Contains(out, "created admin") {
		t.Errorf("a second import made an admin again: %q", out)
	}
}

// writerIn returns a function that writes a file of dir and gives its path.
func writerIn(t *testing.T, dir string) func(name, body string) string {
	t.Helper()
	return func(name, body string) string {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
}
