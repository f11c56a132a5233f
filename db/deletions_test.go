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
	if _, err := f.s.MarkReviewed(ctx, f.doc, f.user); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: f.other.Name, DocumentIDs: []int64{f.doc.ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddNote(ctx, f.doc, f.other, NoteInput{Body: "PER?"}); err != nil {
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
	want := DocumentLoss{ID: f.doc.ID, ExternalID: "doc-1", Hash: f.doc.Hash, Layers: 2, Gold: true, Finished: 2, Done: 1, GoldDone: true, Spans: 4, Relations: 2, Notes: 1}
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
	for table, n := range map[string]int{"documents": 1, "document_search": 1, "layers": 0, "spans": 0, "relations": 0, "assignments": 0, "notes": 0} {
		if got := count(t, f.s, "SELECT count(*) FROM "+table); got != n {
			t.Errorf("%s: %d rows left, want %d", table, got, n)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM pragma_foreign_key_check"); n != 0 {
		t.Errorf("%d foreign key violations", n)
	}
	if n := count(t, f.s, `SELECT count(*) FROM events WHERE action = 'document.delete' AND document_id = ?
		AND detail ->> '$.name' = 'doc-1' AND detail ->> '$.spans' = 4 AND detail ->> '$.finished' = 2 AND detail ->> '$.notes' = 1`, f.doc.ID); n != 1 {
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

// TestDeleteProject: deleting a project takes its documents, layers,
// labels and members, leaves other projects be, logs the project and each
// document, and hands out neither a project id nor a document id again,
// not even that of a document nobody touched.
func TestDeleteProject(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if err := f.s.SetMember(ctx, f.proj.ID, f.user, f.other, RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, fixtureText, "أحمد")
	if _, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: ps, End: pe, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	untouched := f.addDoc(t, "doc-2", "نص لم يمسه أحد")
	kept, err := f.s.CreateProject(ctx, "باقية", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]int{}
	for _, table := range []string{"labels", "relation_types"} {
		before[table] = count(t, f.s, "SELECT count(*) FROM "+table+" WHERE project_id = ?", kept.ID)
	}

	loss, err := f.s.ProjectLosses(ctx, f.proj.ID)
	if err != nil || len(loss.Documents) != 2 || loss.Members != 1 || loss.Documents[0].Spans != 1 {
		t.Fatalf("losses %+v, %v; want 2 documents, 1 member, 1 span on the first", loss, err)
	}
	if _, err := f.s.DeleteProject(ctx, f.proj.ID, f.user.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DeleteProject(ctx, f.proj.ID, f.user.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
	for table, n := range map[string]int{"projects": 1, "documents": 0, "document_search": 0, "layers": 0, "spans": 0, "memberships": 0} {
		if got := count(t, f.s, "SELECT count(*) FROM "+table); got != n {
			t.Errorf("%s: %d rows left, want %d", table, got, n)
		}
	}
	for table, n := range before {
		if got := count(t, f.s, "SELECT count(*) FROM "+table+" WHERE project_id = ?", kept.ID); got != n {
			t.Errorf("the other project's %s: %d, want %d", table, got, n)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM pragma_foreign_key_check"); n != 0 {
		t.Errorf("%d foreign key violations", n)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events WHERE action = 'document.delete' AND project_id = ?", f.proj.ID); n != 2 {
		t.Errorf("%d document.delete events, want 2", n)
	}
	if n := count(t, f.s, `SELECT count(*) FROM events WHERE action = 'project.delete' AND detail ->> '$.name' = ? AND detail ->> '$.documents' = 2`, f.proj.Name); n != 1 {
		t.Errorf("%d project.delete events naming the project, want 1", n)
	}
	again, err := f.s.CreateProject(ctx, f.proj.Name, nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID <= kept.ID || again.ID == f.proj.ID {
		t.Errorf("the project made again got id %d (deleted %d, kept %d)", again.ID, f.proj.ID, kept.ID)
	}
	f.proj = again
	if d := f.addDoc(t, "doc-3", "نص جديد"); d.ID <= untouched.ID {
		t.Errorf("a new document got id %d; %d was an untouched deleted document's", d.ID, untouched.ID)
	}
	// The newest project deleted, the next one still gets a new id.
	if _, err := f.s.DeleteProject(ctx, again.ID, f.user.ID); err != nil {
		t.Fatal(err)
	}
	if last, err := f.s.CreateProject(ctx, "أخيرة", nil, f.user.ID); err != nil || last.ID <= again.ID {
		t.Errorf("after deleting the newest project (%d) a new one got id %d (%v)", again.ID, last.ID, err)
	}
}
