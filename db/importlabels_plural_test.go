package db

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// TestImportMissingLabelsSayThemOrIt: the refusal of a line whose labels
// the project lacks asks to add "it" for one label and "them" for more.
func TestImportMissingLabelsSayThemOrIt(t *testing.T) {
	f := newFixture(t)
	file := `{"id":"p1","text":"مرحبا بكم","label":[[0,5,"PERS"]]}
{"id":"p2","text":"مرحبا بكم","label":[[0,5,"PERS"],[6,9,"MISC"]]}
`
	docs, _, perr := codec.ParseFile(strings.NewReader(file), "aner.jsonl", "auto")
	_, err := f.s.ImportParsed(context.Background(), ImportOptions{ProjectID: f.proj.ID, File: "aner.jsonl", By: f.user.ID}, docs, perr)
	var lines codec.Errors
	if !errors.As(err, &lines) || len(lines) != 2 {
		t.Fatalf("ImportParsed = %v, want two bad lines", err)
	}
	for i, want := range []string{`label "PERS" is not in project أخبار's label set (add it to the label set, or`, `labels "PERS", "MISC" are not in project أخبار's label set (add them to the label set, or`} {
		if !strings.Contains(lines[i].Reason, want) {
			t.Errorf("line %d says %q, want %q", lines[i].Line, lines[i].Reason, want)
		}
	}
}
