package db

import (
	"context"
	"errors"
	"testing"
)

// TestWritesToADeletedDocument: a save loads its document before its
// transaction begins, so the document may be deleted in between. The
// first write to a layer then makes the layer, and that is refused as a
// stale save (ErrNotFound, naming the document) rather than failing on
// the foreign key, and nothing is written.
func TestWritesToADeletedDocument(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	doc := f.addDoc(t, "doc-2", fixtureText)
	if _, err := f.s.DeleteDocuments(ctx, f.proj.ID, []int64{doc.ID}, f.user.ID); err != nil {
		t.Fatal(err)
	}
	start, end := span(t, doc.Text, "أحمد")
	key := SpanKey{Label: "PER", Start: start, End: end}
	tables := []string{"layers", "spans", "relations", "suggestion_rejections", "events"}
	before := map[string]int{}
	for _, table := range tables {
		before[table] = count(t, f.s, "SELECT count(*) FROM "+table)
	}
	for _, tc := range []struct {
		name  string
		write func() error
	}{
		{"CreateSpan in the user's layer", func() error {
			_, err := f.s.CreateSpan(ctx, doc, f.user.ID, f.user.ID, SpanInput{Start: start, End: end, Label: "PER"})
			return err
		}},
		{"CreateSpan in gold", func() error {
			_, err := f.s.CreateSpan(ctx, doc, 0, f.user.ID, SpanInput{Start: start, End: end, Label: "PER"})
			return err
		}},
		{"MarkDone", func() error {
			_, err := f.s.MarkDone(ctx, doc, f.user)
			return err
		}},
		{"RejectSuggestions", func() error { return f.s.RejectSuggestions(ctx, doc, f.user.ID, f.user.ID, []SpanKey{key}) }},
		{"ApplyBatch (an accept of suggestions)", func() error {
			_, err := f.s.ApplyBatch(ctx, doc, f.user.ID, f.user.ID, []BatchSpan{{Ref: "PER@1-2", SpanInput: SpanInput{Start: start, End: end, Label: "PER"}}}, nil)
			return err
		}},
		{"RejectForGold", func() error { return f.s.RejectForGold(ctx, doc, f.user.ID, key, true) }},
	} {
		err := tc.write()
		var nf *NotFoundError
		if !errors.As(err, &nf) || nf.Field != "document" {
			t.Errorf("%s on a deleted document: %v, want ErrNotFound naming the document", tc.name, err)
		}
	}
	for _, table := range tables {
		if n := count(t, f.s, "SELECT count(*) FROM "+table); n != before[table] {
			t.Errorf("%s: %d rows after the refused writes, %d before", table, n, before[table])
		}
	}
}
