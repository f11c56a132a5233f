package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyExportSaysSo: an export that writes nothing (no layer with
// the status asked for, no quotations) still succeeds with an empty
// file, and stderr says what it held none of, as the project page does,
// rather than leave a silent empty dataset; one with lines says nothing.
func TestEmptyExportSaysSo(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "news")
	file := filepath.Join(t.TempDir(), "news.jsonl")
	if err := os.WriteFile(file, []byte(`{"id":"n1","text":"قال محمد","label":[[4,8,"PER"]]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.ok("import", "--project", "news", file)
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"--status", "reviewed"}, "export: no documents in gold of news, with status reviewed: the file is empty (warning)\n"},
		{[]string{"--format", "quotes"}, "export: no quotations in gold of news: the file is empty (warning)\n"},
		{[]string{"--format", "label-studio", "--status", "done"}, "export: no documents in gold of news, with status done: the file is an empty array (warning)\n"},
		{[]string{"--format", "doccano"}, ""},
	}
	for _, tt := range tests {
		args := append([]string{"export", "--project", "news"}, tt.args...)
		out, errOut, err := c.run("", args...)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if errOut != tt.says {
			t.Errorf("%v: stderr %q, want %q", tt.args, errOut, tt.says)
		}
		if tt.says != "" && strings.Contains(out, "n1") {
			t.Errorf("%v: wrote %q, want nothing", tt.args, out)
		}
	}
}
