package main

import (
	"io"
	"reflect"
	"strings"
	"testing"
)

// TestFlagsParse: flags stand before or after the positional arguments,
// and everything after -- is positional, even what looks like a flag.
func TestFlagsParse(t *testing.T) {
	tests := []struct {
		args    []string
		pos     []string
		name    string
		verbose bool
		wantErr string
	}{
		{args: []string{"a", "--name", "x", "b"}, pos: []string{"a", "b"}, name: "x"},
		{args: []string{"--verbose", "a", "--name=x"}, pos: []string{"a"}, name: "x", verbose: true},
		{args: []string{"--name", "x", "--", "a", "-b.jsonl"}, pos: []string{"a", "-b.jsonl"}, name: "x"},
		{args: []string{"a", "--", "--name", "y"}, pos: []string{"a", "--name", "y"}, name: "def"},
		{args: []string{"--", "--"}, pos: []string{"--"}, name: "def"},
		{args: []string{"--name", "--", "a"}, pos: []string{"a"}, name: "--"},
		{args: []string{"-", "--verbose"}, pos: []string{"-"}, name: "def", verbose: true},
		{args: []string{"a", "-b.jsonl"}, wantErr: "flag provided but not defined: -b.jsonl"},
		{args: []string{"a", "--name"}, wantErr: "flag needs an argument: -name"},
	}
	for _, tt := range tests {
		e := env{getenv: func(string) string { return "" }, stdout: io.Discard, stderr: io.Discard}
		f := newFlags(e, "test", "test", "")
		name := f.String("name", "def", "")
		verbose := f.Bool("verbose", false, "")
		pos, err := f.parse(tt.args)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parse %q: err %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(pos, tt.pos) || *name != tt.name || *verbose != tt.verbose {
			t.Errorf("parse %q = %q, name %q, verbose %v, err %v; want %q, %q, %v", tt.args, pos, *name, *verbose, err, tt.pos, tt.name, tt.verbose)
		}
	}
}

// TestDoubleDashEndsFlags: a file whose name starts with a dash is
// imported after --, not read as a flag.
func TestDoubleDashEndsFlags(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	got := c.fail("", "import", "--project", "p", "--", "missing-a.jsonl", "-b.jsonl")
	for _, want := range []string{"missing-a.jsonl: no such file or directory", "-b.jsonl: no such file or directory", "hashiya: 2 of 2 files had errors"} {
		if !strings.Contains(got, want) {
			t.Errorf("import -- a -b: stderr lacks %q:\n%s", want, got)
		}
	}
}
