package db

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// batchFixture is agreedFixture with a second document, doc-2, on which
// amina and omar both mark the same PER: an accept across the project
// puts four spans and a link into doc-1's gold and one span into
// doc-2's. It returns the fixture of each document and their refs.
func batchFixture(t *testing.T) (fixture, fixture, [2][]SpanRef) {
	f, refs1, _ := agreedFixture(t)
	g := f
	g.doc = f.addDoc(t, "doc-2", fixtureText)
	var refs2 []SpanRef
	for _, owner := range []int64{f.user.ID, f.other.ID} {
		p := g.mark(t, owner, "أحمد", "PER")
		if owner == f.user.ID {
			refs2 = append(refs2, seenRef(owner, p))
		}
	}
	return f, g, [2][]SpanRef{refs1, refs2}
}

// acceptBatch accepts the agreed spans of both documents under one batch.
func acceptBatch(t *testing.T, f, g fixture, refs [2][]SpanRef) string {
	t.Helper()
	batch := NewAcceptBatch()
	for i, fx := range []fixture{f, g} {
		if _, err := fx.s.AcceptAgreedInBatch(context.Background(), fx.doc, refs[i], f.user.ID, batch); err != nil {
			t.Fatalf("accept %s: %v", fx.doc.ExternalID, err)
		}
	}
	return batch
}

// TestUndoAgreedBatch: an accept across the project is taken back as
// one, document by document, leaving each gold as it was before; only
// by who made it, and only once.
func TestUndoAgreedBatch(t *testing.T) {
	ctx := context.Background()
	f, g, refs := batchFixture(t)
	batch := acceptBatch(t, f, g, refs)
	if spans, links := goldState(t, f); len(spans) != 4 || links != 1 {
		t.Fatalf("doc-1's gold after the accept: %v, %d links; want LOC and three accepted spans, one link", spans, links)
	}
	shares, err := f.s.OpenBatch(ctx, f.proj.ID, f.user.ID, batch)
	if err != nil || len(shares) != 2 || shares[0].Name != "doc-1" || shares[1].Name != "doc-2" {
		t.Fatalf("open batch: %+v, %v; want doc-1 and doc-2", shares, err)
	}
	if last, err := f.s.LastAcceptBatch(ctx, f.proj.ID, f.user.ID); err != nil || last != batch {
		t.Errorf("last batch: %q, %v; want %q", last, err, batch)
	}
	if _, err := f.s.UndoAgreedBatch(ctx, f.proj.ID, f.other.ID, batch); !errors.Is(err, ErrNotFound) {
		t.Errorf("omar taking back amina's batch: %v, want not found", err)
	}
	if _, err := f.s.UndoAgreedBatch(ctx, f.proj.ID+1, f.user.ID, batch); !errors.Is(err, ErrNotFound) {
		t.Errorf("the batch under another project: %v, want not found", err)
	}
	u, err := f.s.UndoAgreedBatch(ctx, f.proj.ID, f.user.ID, batch)
	if err != nil || u.Docs != 2 || u.Removed != (LinkCopy{Spans: 4, Relations: 1}) || len(u.Refused) != 0 {
		t.Fatalf("undo: %+v, %v; want 4 spans and 1 link out of 2 documents", u, err)
	}
	if spans, links := goldState(t, f); strings.Join(spans, " ") != "LOC" || links != 0 {
		t.Errorf("doc-1's gold after the undo: %v, %d links; want its own LOC alone", spans, links)
	}
	if spans, links := goldState(t, g); len(spans) != 0 || links != 0 {
		t.Errorf("doc-2's gold after the undo: %v, %d links; want it empty", spans, links)
	}
	if _, err := f.s.UndoAgreedBatch(ctx, f.proj.ID, f.user.ID, batch); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "taken back already") {
		t.Errorf("undoing twice: %v, want not found, taken back already", err)
	}
	if last, err := f.s.LastAcceptBatch(ctx, f.proj.ID, f.user.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("last batch after its undo: %q, %v; want none", last, err)
	}
}

// TestUndoAgreedBatchRefusesStale: one document's gold edited since the
// accept keeps it, named with why; the other document's share is taken
// back all the same.
func TestUndoAgreedBatchRefusesStale(t *testing.T) {
	ctx := context.Background()
	f, g, refs := batchFixture(t)
	batch := acceptBatch(t, f, g, refs)
	shares, err := f.s.OpenBatch(ctx, f.proj.ID, f.user.ID, batch)
	if err != nil || len(shares) != 2 {
		t.Fatalf("open batch: %+v, %v", shares, err)
	}
	gold, err := f.s.LayerOf(ctx, g.doc, 0)
	if err != nil || len(gold.Spans) != 1 {
		t.Fatalf("doc-2's gold: %+v, %v", gold.Spans, err)
	}
	label := "ORG"
	if _, err := f.s.UpdateSpan(ctx, g.doc, 0, f.user.ID, gold.Spans[0].ID, SpanPatch{Label: &label}); err != nil {
		t.Fatal(err)
	}
	u, err := f.s.UndoAgreedBatch(ctx, f.proj.ID, f.user.ID, batch)
	if err != nil || u.Docs != 1 || u.Removed != (LinkCopy{Spans: 3, Relations: 1}) {
		t.Fatalf("undo: %+v, %v; want doc-1's 3 spans and link taken back", u, err)
	}
	if len(u.Refused) != 1 || u.Refused[0].Name != "doc-2" || !strings.Contains(u.Refused[0].Reason, "gold changed since") {
		t.Errorf("refused: %+v, want doc-2 named, gold changed since", u.Refused)
	}
	if spans, _ := goldState(t, f); strings.Join(spans, " ") != "LOC" {
		t.Errorf("doc-1's gold after the undo: %v, want its own LOC alone", spans)
	}
	if spans, _ := goldState(t, g); strings.Join(spans, " ") != "ORG" {
		t.Errorf("doc-2's gold after the refused undo: %v, want the edited ORG kept", spans)
	}
	if left, err := f.s.OpenBatch(ctx, f.proj.ID, f.user.ID, batch); err != nil || len(left) != 1 || left[0].Name != "doc-2" {
		t.Errorf("open batch after: %+v, %v; want doc-2 alone", left, err)
	}
}
