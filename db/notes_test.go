package db

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// noteTeam is the fixture with a team on its project: two annotators, a
// reviewer and a manager; amina is an admin and member of nothing but by
// creating the project, omar a member of nothing.
type noteTeam struct {
	fixture
	ann1, ann2, rev, mgr User
}

func newNoteTeam(t *testing.T) noteTeam {
	t.Helper()
	ctx := context.Background()
	nt := noteTeam{fixture: newFixture(t)}
	for _, m := range []struct {
		u    *User
		name string
		role Role
	}{{&nt.ann1, "layla", RoleAnnotator}, {&nt.ann2, "karim", RoleAnnotator}, {&nt.rev, "rana", RoleReviewer}, {&nt.mgr, "samir", RoleManager}} {
		u, err := nt.s.CreateUser(ctx, m.name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if err := nt.s.SetMember(ctx, nt.proj.ID, nt.user, u, m.role); err != nil {
			t.Fatal(err)
		}
		*m.u = u
	}
	return nt
}

// add writes a note on the team's document, failing the test on error.
func (nt noteTeam) add(t *testing.T, by User, body string) Note {
	t.Helper()
	n, err := nt.s.AddNote(context.Background(), nt.doc, by, NoteInput{Body: body})
	if err != nil {
		t.Fatalf("%s adds %q: %v", by.Name, body, err)
	}
	return n
}

// bodies lists the bodies of the notes viewer sees on doc, in order.
func (nt noteTeam) bodies(t *testing.T, doc Document, viewer User) []string {
	t.Helper()
	notes, err := nt.s.Notes(context.Background(), doc, viewer)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, n := range notes {
		out = append(out, n.Body)
	}
	return out
}

// TestNoteVisibility: an annotator sees their own notes and those written
// as reviewer, manager or admin, never another annotator's; reviewers,
// managers and admins see every note; a non-member sees none and writes
// none.
func TestNoteVisibility(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	for _, u := range []User{nt.ann1, nt.ann2, nt.rev, nt.mgr, nt.user} {
		nt.add(t, u, "by "+u.Name)
	}
	all := []string{"by layla", "by karim", "by rana", "by samir", "by amina"}
	for _, tt := range []struct {
		viewer User
		want   []string
	}{
		{nt.ann1, []string{"by layla", "by rana", "by samir", "by amina"}},
		{nt.ann2, []string{"by karim", "by rana", "by samir", "by amina"}},
		{nt.rev, all}, {nt.mgr, all}, {nt.user, all},
		{nt.other, []string{}},
	} {
		if got := nt.bodies(t, nt.doc, tt.viewer); !slices.Equal(got, tt.want) {
			t.Errorf("%s sees %q, want %q", tt.viewer.Name, got, tt.want)
		}
	}
	if _, err := nt.s.AddNote(ctx, nt.doc, nt.other, NoteInput{Body: "hello"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a non-member adds a note: %v, want ErrNotFound", err)
	}

	// Another annotator's note is absent for layla: not found, whatever
	// she tries.
	notes, err := nt.s.Notes(ctx, nt.doc, nt.ann2)
	if err != nil {
		t.Fatal(err)
	}
	karims := notes[0]
	if _, err := nt.s.ResolveNote(ctx, nt.doc, nt.ann1, karims.ID, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("layla resolves karim's note: %v, want ErrNotFound", err)
	}
	if err := nt.s.DeleteNote(ctx, nt.doc, nt.ann1, karims.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("layla deletes karim's note: %v, want ErrNotFound", err)
	}
	// A note is found only through its own document.
	second := nt.addDoc(t, "doc-2", "نص ثان")
	if _, err := nt.s.ResolveNote(ctx, second, nt.ann2, karims.ID, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("karim resolves his note through another document: %v, want ErrNotFound", err)
	}
	if err := nt.s.DeleteNote(ctx, second, nt.mgr, karims.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a manager deletes a note through another document: %v, want ErrNotFound", err)
	}
	if got := nt.bodies(t, second, nt.mgr); len(got) != 0 {
		t.Errorf("doc-2 lists %q", got)
	}

	// A note keeps the role its author wrote it in: made reviewer, karim's
	// earlier note stays hidden from layla; what he writes now she sees.
	if err := nt.s.SetMember(ctx, nt.proj.ID, nt.user, nt.ann2, RoleReviewer); err != nil {
		t.Fatal(err)
	}
	nt.add(t, nt.ann2, "karim, now reviewer")
	if got, want := nt.bodies(t, nt.doc, nt.ann1), []string{"by layla", "by rana", "by samir", "by amina", "karim, now reviewer"}; !slices.Equal(got, want) {
		t.Errorf("after karim became reviewer layla sees %q, want %q", got, want)
	}
	// And once an annotator, layla sees every note as a reviewer.
	if err := nt.s.SetMember(ctx, nt.proj.ID, nt.user, nt.ann1, RoleReviewer); err != nil {
		t.Fatal(err)
	}
	if got := nt.bodies(t, nt.doc, nt.ann1); len(got) != 6 {
		t.Errorf("layla as reviewer sees %q, want all 6", got)
	}
}

// TestNoteFields: a note as its author and others see it, anchored or not.
func TestNoteFields(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	start, end := span(t, fixtureText, "أحمد")
	n, err := nt.s.AddNote(ctx, nt.doc, nt.ann1, NoteInput{Body: "  PER or not?\r\nthe title\rtoo\t ", Start: &start, End: &end})
	if err != nil {
		t.Fatal(err)
	}
	if n.ID == 0 || n.Author != "layla" || n.Body != "PER or not?\nthe title\ntoo" || n.Start == nil || *n.Start != start ||
		n.End == nil || *n.End != end || n.Text == nil || *n.Text != "أحمد" || n.Resolved || n.ResolvedBy != nil ||
		!n.Mine || !n.CanResolve || !n.CanDelete {
		t.Errorf("layla's new note %+v", n)
	}
	if !strings.HasSuffix(n.CreatedAt, "Z") || len(n.CreatedAt) < 20 || n.CreatedAt[10] != 'T' {
		t.Errorf("created_at %q is not RFC 3339 UTC", n.CreatedAt)
	}
	whole := nt.add(t, nt.rev, "read the guidelines on titles")
	if whole.Start != nil || whole.End != nil || whole.Text != nil {
		t.Errorf("a note on the whole document has a passage: %+v", whole)
	}
	flags := func(viewer User) [][3]bool {
		t.Helper()
		notes, err := nt.s.Notes(ctx, nt.doc, viewer)
		if err != nil {
			t.Fatal(err)
		}
		var out [][3]bool
		for _, n := range notes {
			out = append(out, [3]bool{n.Mine, n.CanResolve, n.CanDelete})
		}
		return out
	}
	for _, tt := range []struct {
		viewer User
		want   [][3]bool // mine, can_resolve, can_delete of layla's note, then rana's
	}{
		{nt.ann1, [][3]bool{{true, true, true}, {false, false, false}}},
		{nt.rev, [][3]bool{{false, true, false}, {true, true, true}}},
		{nt.mgr, [][3]bool{{false, true, true}, {false, true, true}}},
		{nt.user, [][3]bool{{false, true, true}, {false, true, true}}},
		{nt.ann2, [][3]bool{{false, false, false}}}, // rana's alone
	} {
		if got := flags(tt.viewer); !slices.Equal(got, tt.want) {
			t.Errorf("%s: mine, can_resolve, can_delete %v, want %v", tt.viewer.Name, got, tt.want)
		}
	}
}

// TestNoteValidation: every refused note names its field and writes
// nothing.
func TestNoteValidation(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	p := func(i int) *int { return &i }
	n := len([]rune(fixtureText))
	thumb, _ := span(t, fixtureText, "👍🏽") // two code points: 👍 and its skin tone
	for _, tt := range []struct {
		name       string
		in         NoteInput
		field, say string
	}{
		{"empty", NoteInput{Body: ""}, "body", "needs some text"},
		{"white space only", NoteInput{Body: " \r\n\t "}, "body", "needs some text"},
		{"too long", NoteInput{Body: strings.Repeat("ب", MaxNoteBody+1)}, "body", "2001 characters; at most 2000"},
		{"not UTF-8", NoteInput{Body: "a\xffb"}, "body", "not valid UTF-8"},
		{"NUL", NoteInput{Body: "a\x00b"}, "body", "U+0000"},
		{"escape", NoteInput{Body: "a\x1b[31mb"}, "body", "U+001B"},
		{"DEL", NoteInput{Body: "a\x7fb"}, "body", "U+007F"},
		{"bidi override", NoteInput{Body: "a\u202eb"}, "body", "U+202E"},
		{"start alone", NoteInput{Body: "x", Start: p(1)}, "start/end", "both"},
		{"end alone", NoteInput{Body: "x", End: p(2)}, "start/end", "both"},
		{"negative start", NoteInput{Body: "x", Start: p(-1), End: p(2)}, "start/end", "do not fit"},
		{"empty passage", NoteInput{Body: "x", Start: p(3), End: p(3)}, "start/end", "do not fit"},
		{"backwards", NoteInput{Body: "x", Start: p(4), End: p(3)}, "start/end", "do not fit"},
		{"past the end", NoteInput{Body: "x", Start: p(0), End: p(n + 1)}, "start/end", "do not fit"},
		{"splits a cluster", NoteInput{Body: "x", Start: p(thumb), End: p(thumb + 1)}, "start/end", "splits a grapheme cluster"},
	} {
		_, err := nt.s.AddNote(ctx, nt.doc, nt.ann1, tt.in)
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if f := validationField(t, err); f != tt.field || !strings.Contains(err.Error(), tt.say) {
			t.Errorf("%s: %q (field %q), want field %q saying %q", tt.name, err, f, tt.field, tt.say)
		}
	}
	if c := count(t, nt.s, "SELECT count(*) FROM notes"); c != 0 {
		t.Errorf("refused notes left %d rows", c)
	}
	if c, _ := nt.s.EventCount(ctx, "note.add"); c != 0 {
		t.Errorf("refused notes logged %d events", c)
	}
	// The edges that hold: MaxNoteBody characters, the whole text, a tab.
	for _, in := range []NoteInput{{Body: strings.Repeat("ب", MaxNoteBody)}, {Body: "a\tb", Start: p(0), End: p(n)}, {Body: "whole cluster", Start: p(thumb), End: p(thumb + 2)}} {
		if _, err := nt.s.AddNote(ctx, nt.doc, nt.ann1, in); err != nil {
			t.Errorf("%.20q: %v", in.Body, err)
		}
	}
}

// TestNotePermissions: the author, reviewers, managers and admins resolve
// and reopen; the author, managers and admins delete; everyone else who
// sees the note is refused with ErrNoteNotAllowed and changes nothing.
func TestNotePermissions(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	mine := nt.add(t, nt.ann1, "layla's question")
	revs := nt.add(t, nt.rev, "rana's remark")

	for _, tt := range []struct {
		by      User
		note    Note
		allowed bool
	}{
		{nt.ann1, mine, true}, {nt.rev, mine, true}, {nt.mgr, mine, true}, {nt.user, mine, true},
		{nt.ann1, revs, false}, {nt.ann2, revs, false}, {nt.rev, revs, true},
	} {
		n, err := nt.s.ResolveNote(ctx, nt.doc, tt.by, tt.note.ID, true)
		if !tt.allowed {
			if !errors.Is(err, ErrNoteNotAllowed) {
				t.Errorf("%s resolves %q: %v, want ErrNoteNotAllowed", tt.by.Name, tt.note.Body, err)
			}
			continue
		}
		if err != nil || !n.Resolved || n.ResolvedBy == nil || *n.ResolvedBy != tt.by.Name {
			t.Errorf("%s resolves %q: %+v, %v", tt.by.Name, tt.note.Body, n, err)
		}
		n, err = nt.s.ResolveNote(ctx, nt.doc, tt.by, tt.note.ID, false)
		if err != nil || n.Resolved || n.ResolvedBy != nil {
			t.Errorf("%s reopens %q: %+v, %v", tt.by.Name, tt.note.Body, n, err)
		}
	}
	// Resolving a resolved note leaves it as it was, unlogged.
	if _, err := nt.s.ResolveNote(ctx, nt.doc, nt.rev, mine.ID, true); err != nil {
		t.Fatal(err)
	}
	before, _ := nt.s.EventCount(ctx, "note.resolve")
	n, err := nt.s.ResolveNote(ctx, nt.doc, nt.mgr, mine.ID, true)
	if after, _ := nt.s.EventCount(ctx, "note.resolve"); err != nil || after != before || *n.ResolvedBy != "rana" {
		t.Errorf("resolving again: %+v, %v, %d events (was %d)", n, err, after, before)
	}

	for _, tt := range []struct {
		by   User
		note Note
	}{{nt.rev, mine}, {nt.ann1, revs}, {nt.ann2, revs}} {
		if err := nt.s.DeleteNote(ctx, nt.doc, tt.by, tt.note.ID); !errors.Is(err, ErrNoteNotAllowed) {
			t.Errorf("%s deletes %q: %v, want ErrNoteNotAllowed", tt.by.Name, tt.note.Body, err)
		}
	}
	if c := count(t, nt.s, "SELECT count(*) FROM notes"); c != 2 {
		t.Fatalf("refused deletes left %d notes, want 2", c)
	}
	for _, tt := range []struct {
		by   User
		note Note
	}{{nt.ann1, mine}, {nt.mgr, revs}, {nt.user, nt.add(t, nt.ann2, "karim's")}, {nt.rev, nt.add(t, nt.rev, "again")}} {
		if err := nt.s.DeleteNote(ctx, nt.doc, tt.by, tt.note.ID); err != nil {
			t.Errorf("%s deletes %q: %v", tt.by.Name, tt.note.Body, err)
		}
	}
	if c := count(t, nt.s, "SELECT count(*) FROM notes"); c != 0 {
		t.Errorf("%d notes left after deleting all", c)
	}
	if err := nt.s.DeleteNote(ctx, nt.doc, nt.mgr, mine.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting a deleted note: %v, want ErrNotFound", err)
	}
}

// TestNoteEvents: adding, resolving, reopening and deleting a note are
// each logged with who, the document and the note.
func TestNoteEvents(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	start, end := span(t, fixtureText, "أحمد")
	n, err := nt.s.AddNote(ctx, nt.doc, nt.ann1, NoteInput{Body: "PER?", Start: &start, End: &end})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := nt.s.ResolveNote(ctx, nt.doc, nt.rev, n.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := nt.s.ResolveNote(ctx, nt.doc, nt.ann1, n.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := nt.s.DeleteNote(ctx, nt.doc, nt.mgr, n.ID); err != nil {
		t.Fatal(err)
	}
	events, err := nt.s.ProjectEvents(ctx, nt.proj.ID, 0, 4, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range slices.Backward(events) {
		got = append(got, e.Action+" by "+e.User+" on "+e.Document+": "+string(e.Detail))
	}
	want := []string{
		`note.add by layla on doc-1: {"body":"PER?","end":17,"id":1,"start":13,"text":"أحمد"}`,
		`note.resolve by rana on doc-1: {"author":"layla","body":"PER?","id":1}`,
		`note.reopen by layla on doc-1: {"author":"layla","body":"PER?","id":1}`,
	}
	if len(got) != 4 || !slices.Equal(got[:3], want) || !strings.HasPrefix(got[3], `note.delete by samir on doc-1: {"author":"layla","body":"PER?","created_at":"`) ||
		!strings.HasSuffix(got[3], `"end":17,"id":1,"resolved_by":null,"start":13,"text":"أحمد"}`) {
		t.Errorf("events:\n%s\nwant:\n%s\nand the delete", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A refused change logs nothing.
	other := nt.add(t, nt.rev, "x")
	if _, err := nt.s.ResolveNote(ctx, nt.doc, nt.ann1, other.ID, true); !errors.Is(err, ErrNoteNotAllowed) {
		t.Fatal(err)
	}
	for action, want := range map[string]int{"note.add": 2, "note.resolve": 1, "note.reopen": 1, "note.delete": 1} {
		if c, _ := nt.s.EventCount(ctx, action); c != want {
			t.Errorf("%d %s events, want %d", c, action, want)
		}
	}
}

// TestNotesGoWithTheirDocument: deleting a document, or its project,
// deletes its notes and leaves no dangling key.
func TestNotesGoWithTheirDocument(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	second := nt.addDoc(t, "doc-2", "نص ثان")
	nt.add(t, nt.ann1, "on doc-1")
	if _, err := nt.s.AddNote(ctx, second, nt.rev, NoteInput{Body: "on doc-2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := nt.s.DeleteDocuments(ctx, nt.proj.ID, []int64{nt.doc.ID}, nt.user.ID); err != nil {
		t.Fatal(err)
	}
	if got := count(t, nt.s, "SELECT count(*) FROM notes WHERE document_id = ?", nt.doc.ID); got != 0 {
		t.Errorf("%d notes of the deleted document left", got)
	}
	if got := nt.bodies(t, second, nt.rev); !slices.Equal(got, []string{"on doc-2"}) {
		t.Errorf("the other document's notes: %q", got)
	}
	if _, err := nt.s.DeleteProject(ctx, nt.proj.ID, nt.user.ID); err != nil {
		t.Fatal(err)
	}
	if got := count(t, nt.s, "SELECT count(*) FROM notes"); got != 0 {
		t.Errorf("%d notes left after the project was deleted", got)
	}
	if got := count(t, nt.s, "SELECT count(*) FROM pragma_foreign_key_check"); got != 0 {
		t.Errorf("%d foreign key violations", got)
	}
}

// TestNoteLimit: a document holding MaxNotesPerDocument notes refuses
// another with a conflict, until one is deleted.
func TestNoteLimit(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	if _, err := nt.s.w.ExecContext(ctx, `WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
		INSERT INTO notes (document_id, author_id, author_role, body) SELECT ?, ?, 'annotator', 'note ' || n FROM i`,
		MaxNotesPerDocument-1, nt.doc.ID, nt.ann1.ID); err != nil {
		t.Fatal(err)
	}
	last := nt.add(t, nt.ann2, "the last one")
	_, err := nt.s.AddNote(ctx, nt.doc, nt.rev, NoteInput{Body: "one too many"})
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "1000 notes") {
		t.Fatalf("note %d: %v, want a conflict", MaxNotesPerDocument+1, err)
	}
	if c := count(t, nt.s, "SELECT count(*) FROM notes"); c != MaxNotesPerDocument {
		t.Errorf("%d notes stored, want %d", c, MaxNotesPerDocument)
	}
	if c, _ := nt.s.EventCount(ctx, "note.add"); c != 1 {
		t.Errorf("%d note.add events, want 1", c)
	}
	// Another document is not held back by this one's notes.
	if _, err := nt.s.AddNote(ctx, nt.addDoc(t, "doc-2", "نص"), nt.rev, NoteInput{Body: "fine"}); err != nil {
		t.Errorf("a note on another document: %v", err)
	}
	if err := nt.s.DeleteNote(ctx, nt.doc, nt.ann2, last.ID); err != nil {
		t.Fatal(err)
	}
	nt.add(t, nt.rev, "room again")
}

// TestDocumentListCountsOpenNotes: each listed document counts the open
// notes its viewer may read, by the same rule as the notes themselves.
func TestDocumentListCountsOpenNotes(t *testing.T) {
	ctx := context.Background()
	nt := newNoteTeam(t)
	for _, u := range []User{nt.ann1, nt.ann2, nt.rev} {
		nt.add(t, u, "by "+u.Name)
	}
	done := nt.add(t, nt.mgr, "resolved")
	if _, err := nt.s.ResolveNote(ctx, nt.doc, nt.mgr, done.ID, true); err != nil {
		t.Fatal(err)
	}
	for viewer, want := range map[User]int{nt.ann1: 2, nt.ann2: 2, nt.rev: 3, nt.mgr: 3, nt.user: 3} {
		list, err := nt.s.Documents(ctx, nt.proj.ID, viewer, DocumentPage{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.Docs) != 1 || list.Docs[0].OpenNotes != want {
			t.Errorf("%s's list: %+v, want %d open notes", viewer.Name, list.Docs, want)
		}
	}
}
