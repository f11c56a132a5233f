//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExportOutKeepsWhatItWritesTo: --out replaces a regular file (or
// makes a new one) by renaming beside it, writes through a symbolic link
// to the file it names, leaving the link a link, and writes into a FIFO
// as it stands, so the reader gets the export.
func TestExportOutKeepsWhatItWritesTo(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	src := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(src, []byte(`{"id": "d1", "text": "قال محمد", "label": [[4, 8, "PER"]]}`+"\n"), 0o644)
	c.ok("import", "--project", "p", src)
	want := c.ok("export", "--project", "p")

	tests := []struct {
		name string
		// setup makes what --out names; it returns --out and the file the
		// export must end up in.
		setup func(t *testing.T, dir string) (out, file string)
	}{
		{"new file", func(t *testing.T, dir string) (string, string) {
			return filepath.Join(dir, "new.jsonl"), filepath.Join(dir, "new.jsonl")
		}},
		{"regular file", func(t *testing.T, dir string) (string, string) {
			out := filepath.Join(dir, "old.jsonl")
			os.WriteFile(out, []byte("old\n"), 0o600)
			return out, out
		}},
		{"symbolic link", func(t *testing.T, dir string) (string, string) {
			os.Mkdir(filepath.Join(dir, "data"), 0o755)
			target := filepath.Join(dir, "data", "gold.jsonl")
			os.WriteFile(target, []byte("old\n"), 0o644)
			link := filepath.Join(dir, "latest.jsonl")
			if err := os.Symlink(filepath.Join("data", "gold.jsonl"), link); err != nil {
				t.Fatal(err)
			}
			return link, target
		}},
		{"link to a link to a file not made yet", func(t *testing.T, dir string) (string, string) {
			os.Mkdir(filepath.Join(dir, "data"), 0o755)
			if err := os.Symlink(filepath.Join("data", "gold.jsonl"), filepath.Join(dir, "mid.jsonl")); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, "latest.jsonl")
			if err := os.Symlink("mid.jsonl", link); err != nil {
				t.Fatal(err)
			}
			return link, filepath.Join(dir, "data", "gold.jsonl")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out, file := tt.setup(t, dir)
			before, _ := os.Lstat(out)
			c.ok("export", "--project", "p", "--out", out)
			if got, err := os.ReadFile(file); err != nil || string(got) != want {
				t.Errorf("%s holds %q, %v; want %q", file, got, err, want)
			}
			after, err := os.Lstat(out)
			if err != nil {
				t.Fatal(err)
			}
			if before != nil && after.Mode().Type() != before.Mode().Type() {
				t.Errorf("--out %s was a %v, is a %v", out, before.Mode().Type(), after.Mode().Type())
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".hashiya-export-*")); len(left) > 0 {
				t.Errorf("files left beside %s: %v", file, left)
			}
		})
	}

	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		read := make(chan string, 1)
		go func() {
			got, err := os.ReadFile(fifo)
			if err != nil {
				got = []byte(err.Error())
			}
			read <- string(got)
		}()
		c.ok("export", "--project", "p", "--out", fifo)
		select {
		case got := <-read:
			if got != want {
				t.Errorf("the FIFO's reader got %q, want %q", got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the FIFO's reader got nothing: the export did not write into it")
		}
		if info, err := os.Lstat(fifo); err != nil || info.Mode().Type() != os.ModeNamedPipe {
			t.Errorf("--out %s is no longer a FIFO: %v, %v", fifo, info.Mode(), err)
		}
	})
	if !strings.Contains(want, "محمد") {
		t.Fatalf("the export lacks its span: %q", want)
	}
}
