package db

import (
	"context"
	"errors"
	"testing"
)

// TestDeleteDocuments: deleting documents takes every layer, span,
// relation and assignment on them, all or nothing, logs what each held,
// and never hands a deleted document's id to a new one.
func TestDeleteDocuments(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if err := f.s.SetMember(ctx, f.proj.ID, f.user, f.other, RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	qs, qe := span(t, fixtureText, "«الاقتصاد ينمو»")
	ps, pe := span(t, fixtureText, "أحمد")
	for _, owner := range []int64{f.other.ID, 0} {
		quote, err := f.s.CreateSpan(ctx, f.doc, owner, f.user.ID, SpanInput{Start: qs, End: qe, Label: "QUOTE"})
		if err != nil {
			t.Fatal(err)
		}
		per, err := f.s.CreateSpan(ctx, f.doc, owner, f.user.ID, SpanInput{Start: ps, End: pe, Label: "PER"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.CreateRelation(ctx, f.doc, owner, f.user.ID, RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.MarkDone(ctx, f.doc, f.other); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: f.other.Name, DocumentIDs: []int64{f.doc.ID}}); err != nil {
		t.Fatal(err)
	}
	second := f.addDoc(t, "doc-2", "نص ثان")
	elsewhere, err := f.s.CreateProject(ctx, "أخرى", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}

	losses, err := f.s.DocumentLosses(ctx, f.proj.ID, []int64{f.doc.ID, f.doc.ID})
	if err != nil {
		t.Fatal(err)
	}
	want := DocumentLoss{ID: f.doc.ID, ExternalID: "doc-1", Hash: f.doc.Hash, Layers: 2, Finished: 1, Spans: 4, Relations: 2}
	if len(losses) != 1 || losses[0] != want {
		t.Fatalf("losses %+v, want one: %+v", losses, want)
	}

	// Any id that is not the project's refuses the whole request.
	for _, ids := range [][]int64{{f.doc.ID, 999999}, {f.doc.ID}} {
		project := f.proj.ID
		if len(ids) == 1 {
			project = elsewhere.ID
		}
		if _, err := f.s.DeleteDocuments(ctx, project, ids, f.user.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete %v from project %d: %v, want ErrNotFound", ids, project, err)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM documents"); n != 2 {
		t.Fatalf("a refused delete left %d documents, want 2", n)
	}

	gone, err := f.s.DeleteDocuments(ctx, f.proj.ID, []int64{f.doc.ID}, f.user.ID)
	if err != nil || len(gone) != 1 || gone[0] != want {
		t.Fatalf("deleted %+v, %v", gone, err)
	}
	for table, n := range map[string]int{"documents": 1, "layers": 0, "spans": 0, "relations": 0, "assignments": 0} {
		if got := count(t, f.s, "SELECT count(*) FROM "+table); got != n {
			t.Errorf("%s: %d rows left, want %d", table, got, n)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM pragma_foreign_key_check"); n != 0 {
		t.Errorf("%d foreign key violations", n)
	}
	if n := count(t, f.s, `SELECT count(*) FROM events WHERE action = 'document.delete' AND document_id = ?
		AND detail ->> '$.name' = 'doc-1' AND detail ->> '$.spans' = 4 AND detail ->> '$.finished' = 1`, f.doc.ID); n != 1 {
		t.Errorf("%d delete events naming doc-1 and what it held, want 1", n)
	}

	// The newest document deleted, the next import gets a new id.
	if _, err := f.s.DeleteDocuments(ctx, f.proj.ID, []int64{second.ID}, f.user.ID); err != nil {
		t.Fatal(err)
	}
	third := f.addDoc(t, "doc-3", "نص ثالث")
	if third.ID <= second.ID {
		t.Errorf("a new document got id %d; %d was a deleted document's", third.ID, second.ID)
	}
	// A deleted document's external id may come back, corrected, as a new document.
	again := f.addDoc(t, "doc-1", "نص مصحح")
	if again.ID <= third.ID || again.Text != "نص مصحح" {
		t.Errorf("doc-1 imported again: %+v", again)
	}
}
