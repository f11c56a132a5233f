package db

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackup(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s, e := span(t, fixtureText, "أحمد")
	if _, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: s, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := f.s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	copyStore, err := Open(ctx, dest)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer copyStore.Close()
	doc, err := copyStore.Document(ctx, f.doc.ID)
	if err != nil || doc.Text != fixtureText {
		t.Fatalf("backup document %q (%v)", doc.Text, err)
	}
	l, err := copyStore.LayerOf(ctx, doc, f.user.ID)
	if err != nil || len(l.Spans) != 1 || l.Spans[0].Text != "أحمد" {
		t.Errorf("backup layer %+v (%v)", l, err)
	}
	// The original still takes writes, and a second backup to the same
	// file is refused rather than overwriting it.
	if _, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: 0, End: 3, Label: "CUE"}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Backup(ctx, dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file: %v", err)
	}
}
