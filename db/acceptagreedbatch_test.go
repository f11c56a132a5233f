package db

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// batchFixture is agreedFixture with a second document, doc-2, on which
// amina and omar both mark the same PER, both documents' layers marked
// done: an accept across the project puts four spans and a link into
// doc-1's gold and one span into doc-2's. It returns the fixture of each
// document and their refs.
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
	for _, fx := range []fixture{f, g} {
		fx.markDone(t)
	}
	return f, g, [2][]SpanRef{refs1, refs2}
}

// markDone marks both users' layers of the fixture's document done.
func (f fixture) markDone(t *testing.T) {
	t.Helper()
	for _, u := range []User{f.user, f.other} {
		if _, err := f.s.MarkDone(context.Background(), f.doc, u); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocumentsToAccept: an accept across the project reaches the
// documents two users or more worked on once every one of their layers
// is done and while gold is not finished; one a user still works on is
// counted as waiting, and one reopened after it was read copies nothing.
func TestDocumentsToAccept(t *testing.T) {
	ctx := context.Background()
	f, refs, _ := agreedFixture(t)
	docs, err := f.s.DocumentsToAccept(ctx, f.proj.ID)
	if err != nil || len(docs.Ready) != 0 || docs.Waiting != 1 {
		t.Fatalf("with both layers in progress: %+v, %v; want none ready, 1 waiting", docs, err)
	}
	if _, err := f.s.MarkDone(ctx, f.doc, f.user); err != nil {
		t.Fatal(err)
	}
	if docs, _ := f.s.DocumentsToAccept(ctx, f.proj.ID); len(docs.Ready) != 0 || docs.Waiting != 1 {
		t.Errorf("with one layer of two done: %+v; want none ready, 1 waiting", docs)
	}
	f.markDone(t)
	docs, err = f.s.DocumentsToAccept(ctx, f.proj.ID)
	if err != nil || len(docs.Ready) != 1 || docs.Ready[0] != f.doc.ID || docs.Waiting != 0 {
		t.Errorf("with both layers done: %+v, %v; want doc-1 ready", docs, err)
	}
	// Its spans to copy are the three both marked, named as read, the
	// first holder's; gold's own LOC is none of them.
	inText := slices.SortedFunc(slices.Values(refs), func(a, b SpanRef) int { return a.Seen.Start - b.Seen.Start })
	if len(docs.Agreed) != 1 || docs.Agreed[0].Document != f.doc.ID || !slices.Equal(docs.Agreed[0].Refs, inText) {
		t.Errorf("agreed: %+v; want doc-1's %+v", docs.Agreed, inText)
	}
	// One rejected, one given another label by gold: neither is offered.
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, refs[0].Seen, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: refs[1].Seen.Start, End: refs[1].Seen.End, Label: "ORG"}); err != nil {
		t.Fatal(err)
	}
	if docs, _ := f.s.DocumentsToAccept(ctx, f.proj.ID); len(docs.Agreed) != 1 || !slices.Equal(docs.Agreed[0].Refs, refs[2:]) {
		t.Errorf("agreed with one rejected and one labelled otherwise in gold: %+v; want %+v", docs.Agreed, refs[2:])
	}
	// Reopened between the read and the accept: nothing is copied.
	if err := f.s.Reopen(ctx, f.doc, f.user, f.other.Name); err != nil {
		t.Fatal(err)
	}
	n, err := f.s.AcceptAgreedInBatch(ctx, f.doc, refs, f.user.ID, NewAcceptBatch())
	if spans, _ := goldState(t, f); err != nil || n.Spans != 0 || n.Changed != len(refs) || len(spans) != 2 {
		t.Errorf("accepting a document reopened since: %+v, %v, gold %v; want nothing copied, %d changed", n, err, spans, len(refs))
	}
	f.markDone(t)
	if _, err := f.s.MarkReviewed(ctx, f.doc, f.user); err != nil {
		t.Fatal(err)
	}
	if docs, _ := f.s.DocumentsToAccept(ctx, f.proj.ID); len(docs.Ready)+docs.Waiting != 0 {
		t.Errorf("with gold reviewed: %+v; want none", docs)
	}
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
	if a, b := shares[0].Added, shares[1].Added; a.Spans != 3 || a.Relations != 1 || b.Spans != 1 || b.Relations != 0 {
		t.Errorf("the shares put %+v and %+v into gold; want 3 spans and 1 link, then 1 span", a, b)
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
