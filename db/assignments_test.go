package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// teamFixture is newFixture with five documents (doc-1..doc-5) and three
// annotators created out of name order (zaid, hala, badr), a reviewer
// (rana) and omar, who is no member.
type teamFixture struct {
	fixture
	docs                   []Document
	zaid, hala, badr, rana User
}

func newTeamFixture(t *testing.T) teamFixture {
	t.Helper()
	ctx := context.Background()
	f := teamFixture{fixture: newFixture(t)}
	f.docs = []Document{f.doc}
	for i := 2; i <= 5; i++ {
		f.docs = append(f.docs, f.addDoc(t, fmt.Sprintf("doc-%d", i), fmt.Sprintf("نص %d", i)))
	}
	for _, m := range []struct {
		u    *User
		name string
		role Role
	}{{&f.zaid, "zaid", RoleAnnotator}, {&f.hala, "hala", RoleAnnotator}, {&f.badr, "badr", RoleAnnotator}, {&f.rana, "rana", RoleReviewer}} {
		u, err := f.s.CreateUser(ctx, m.name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.SetMember(ctx, f.proj.ID, f.user, u, m.role); err != nil {
			t.Fatal(err)
		}
		*m.u = u
	}
	return f
}

// holders is "external id: names" for every document, from the table.
func (f teamFixture) holders(t *testing.T) []string {
	t.Helper()
	rows, err := f.s.r.Query(`SELECT d.external_id, coalesce(group_concat(u.name, ','), '') FROM documents d
		LEFT JOIN (SELECT a.document_id, u.name FROM assignments a JOIN users u ON u.id = a.user_id ORDER BY u.name) u ON u.document_id = d.id
		GROUP BY d.id ORDER BY d.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var ext, names string
		if err := rows.Scan(&ext, &names); err != nil {
			t.Fatal(err)
		}
		out = append(out, ext+": "+names)
	}
	return out
}

func TestAssignRefusesBadRequests(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	other, err := f.s.CreateProject(ctx, "other", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	outside := f.addDocTo(t, other, "elsewhere")
	tests := []struct {
		name  string
		req   AssignRequest
		field string
		says  string
	}{
		{"unknown user", AssignRequest{User: "nobody", All: true}, "user", `no user "nobody"`},
		{"not a member", AssignRequest{User: "omar", All: true}, "user", "not a member"},
		{"no documents named", AssignRequest{User: "hala"}, "documents", "choose documents"},
		{"unknown external ids, with good ones", AssignRequest{User: "hala", ExternalIDs: []string{"doc-1", "nope", "doc-2", "gone"}}, "documents", "nope, gone"},
		{"document of another project", AssignRequest{User: "hala", DocumentIDs: []int64{f.docs[0].ID, outside.ID}}, "documents", fmt.Sprint(outside.ID)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := f.s.Assign(ctx, f.proj.ID, f.user, tt.req)
			if got := validationField(t, err); got != tt.field || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q (field %q), want field %q saying %q", err, got, tt.field, tt.says)
			}
			if n != 0 || count(t, f.s, "SELECT count(*) FROM assignments") != 0 {
				t.Errorf("a refused request wrote assignments (n=%d)", n)
			}
		})
	}
	if _, err := f.s.Assign(ctx, 9999, f.user, AssignRequest{User: "hala", All: true}); !errors.Is(err, ErrNotFound) {
		t.Errorf("assign in a missing project: %v, want ErrNotFound", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events WHERE action LIKE 'assignment.%'"); n != 0 {
		t.Errorf("%d assignment events after refused requests", n)
	}
}

// addDocTo imports one document into project p.
func (f teamFixture) addDocTo(t *testing.T, p Project, externalID string) Document {
	t.Helper()
	g := f.fixture
	g.proj = p
	return g.addDoc(t, externalID, "نص آخر")
}

func TestAssignAndUnassign(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	steps := []struct {
		name    string
		do      func() (int, error)
		n       int
		holders []string
	}{
		{"by external id", func() (int, error) {
			return f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", ExternalIDs: []string{"doc-2", "doc-4"}})
		}, 2, []string{"doc-1: ", "doc-2: hala", "doc-3: ", "doc-4: hala", "doc-5: "}},
		{"by id, one already held", func() (int, error) {
			return f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", DocumentIDs: []int64{f.docs[1].ID, f.docs[2].ID}})
		}, 1, []string{"doc-1: ", "doc-2: hala", "doc-3: hala", "doc-4: hala", "doc-5: "}},
		{"all, to a reviewer", func() (int, error) {
			return f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "rana", All: true})
		}, 5, []string{"doc-1: rana", "doc-2: hala,rana", "doc-3: hala,rana", "doc-4: hala,rana", "doc-5: rana"}},
		{"unassign", func() (int, error) {
			return f.s.Unassign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", ExternalIDs: []string{"doc-2", "doc-5"}})
		}, 1, []string{"doc-1: rana", "doc-2: rana", "doc-3: hala,rana", "doc-4: hala,rana", "doc-5: rana"}},
		{"unassign all", func() (int, error) {
			return f.s.Unassign(ctx, f.proj.ID, f.user, AssignRequest{User: "rana", All: true})
		}, 5, []string{"doc-1: ", "doc-2: ", "doc-3: hala", "doc-4: hala", "doc-5: "}},
	}
	for _, st := range steps {
		n, err := st.do()
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if n != st.n {
			t.Errorf("%s: changed %d assignments, want %d", st.name, n, st.n)
		}
		if got := f.holders(t); !reflect.DeepEqual(got, st.holders) {
			t.Errorf("%s: assignments %q, want %q", st.name, got, st.holders)
		}
	}
	for action, want := range map[string]int{"assignment.set": 3, "assignment.remove": 2} {
		if got, _ := f.s.EventCount(ctx, action); got != want {
			t.Errorf("%d %s events, want %d", got, action, want)
		}
	}
	var detail string
	if err := f.s.r.QueryRow("SELECT detail FROM events WHERE action = 'assignment.set' ORDER BY id LIMIT 1").Scan(&detail); err != nil {
		t.Fatal(err)
	}
	if detail != `{"documents":["doc-2","doc-4"],"user":"hala"}` {
		t.Errorf("assignment.set detail %s", detail)
	}
}

func TestAutoAssignBalancesWithOverlap(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	// Five documents, three annotators, two per document: ten assignments,
	// the least loaded first and ties by name (badr, hala, zaid), so badr
	// gets four and the others three. rana, a reviewer, gets none.
	n, err := f.s.AutoAssign(ctx, f.proj.ID, f.user, 2)
	if err != nil || n != 10 {
		t.Fatalf("AutoAssign(2) = %d, %v; want 10 assignments", n, err)
	}
	want := []string{"doc-1: badr,hala", "doc-2: badr,zaid", "doc-3: hala,zaid", "doc-4: badr,hala", "doc-5: badr,zaid"}
	if got := f.holders(t); !reflect.DeepEqual(got, want) {
		t.Errorf("assignments %q, want %q", got, want)
	}
	if n, err := f.s.AutoAssign(ctx, f.proj.ID, f.user, 2); err != nil || n != 0 {
		t.Errorf("AutoAssign(2) again = %d, %v; want nothing added", n, err)
	}
	// Taking doc-3 from hala leaves it one short: a top-up refills it from
	// the least loaded annotator who does not hold it (hala, 2, over badr, 4).
	if _, err := f.s.Unassign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", ExternalIDs: []string{"doc-3"}}); err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.AutoAssign(ctx, f.proj.ID, f.user, 2); err != nil || n != 1 {
		t.Errorf("top-up = %d, %v; want 1", n, err)
	}
	if got := f.holders(t)[2]; got != "doc-3: hala,zaid" {
		t.Errorf("after top-up %s, want doc-3: hala,zaid", got)
	}
	// Three per document: every annotator on every document, no one twice.
	if n, err := f.s.AutoAssign(ctx, f.proj.ID, f.user, 3); err != nil || n != 5 {
		t.Errorf("AutoAssign(3) = %d, %v; want 5", n, err)
	}
	for _, h := range f.holders(t) {
		if !strings.HasSuffix(h, ": badr,hala,zaid") {
			t.Errorf("with 3 per document: %s", h)
		}
	}
	for _, bad := range []int{0, 4} {
		_, err := f.s.AutoAssign(ctx, f.proj.ID, f.user, bad)
		if field := validationField(t, err); field != "per_document" {
			t.Errorf("AutoAssign(%d): field %q, want per_document", bad, field)
		}
	}
	if got, _ := f.s.EventCount(ctx, "assignment.auto"); got != 3 {
		t.Errorf("%d assignment.auto events, want 3 (one per call that added)", got)
	}
}

func TestVisibilityFollowsAssignments(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	visible := func(u User) int {
		t.Helper()
		list, err := f.s.Documents(ctx, f.proj.ID, u, DocumentPage{Limit: MaxPageLimit})
		if err != nil {
			t.Fatal(err)
		}
		return len(list.Docs)
	}
	if visible(f.hala) != 5 || visible(f.zaid) != 5 {
		t.Fatal("before any assignment every annotator should see every document")
	}
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", ExternalIDs: []string{"doc-2", "doc-3"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		u    User
		want int
	}{{f.hala, 2}, {f.zaid, 0}, {f.rana, 5}, {f.user, 5}, {f.other, 0}} {
		if got := visible(c.u); got != c.want {
			t.Errorf("%s sees %d documents, want %d", c.u.Name, got, c.want)
		}
	}
	if _, _, err := f.s.DocumentFor(ctx, f.docs[0].ID, f.hala); !errors.Is(err, ErrNotFound) {
		t.Errorf("hala opening doc-1, not hers: %v, want ErrNotFound", err)
	}
	if _, _, err := f.s.DocumentFor(ctx, f.docs[1].ID, f.hala); err != nil {
		t.Errorf("hala opening doc-2, hers: %v", err)
	}
}

func TestQueueProgressAndNext(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	queue := func(u User) []QueueItem {
		t.Helper()
		q, err := f.s.Queue(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	// Before any assignment an annotator's queue is the whole project; a
	// reviewer, who annotates nothing unless assigned, has no queue.
	if q := queue(f.hala); len(q) != 1 || q[0].Total != 5 || q[0].Next != f.docs[0].ID {
		t.Errorf("hala's queue before assignment: %+v", q)
	}
	if q := queue(f.rana); len(q) != 0 {
		t.Errorf("rana's queue: %+v, want none", q)
	}
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", ExternalIDs: []string{"doc-4", "doc-2"}}); err != nil {
		t.Fatal(err)
	}
	want := []QueueItem{{f.proj.ID, f.proj.Name, 2, 0, f.docs[1].ID}}
	for i, doc := range []Document{f.docs[1], f.docs[3], f.docs[3]} {
		if got := queue(f.hala); !reflect.DeepEqual(got, want) {
			t.Errorf("step %d: queue %+v, want %+v", i, got, want)
		}
		if _, err := f.s.MarkDone(ctx, doc, f.hala); err != nil {
			t.Fatal(err)
		}
		want[0].Done, want[0].Next = min(i+1, 2), 0
		if i == 0 {
			want[0].Next = f.docs[3].ID
		}
	}
	if q := queue(f.zaid); len(q) != 0 {
		t.Errorf("zaid has nothing assigned in a project that assigns: queue %+v", q)
	}
	// An admin needs no membership; a former member keeps no queue, though
	// the assignment rows outlive the membership.
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "amina", ExternalIDs: []string{"doc-5"}}); err != nil {
		t.Fatal(err)
	}
	if q := queue(f.user); len(q) != 1 || q[0].Total != 1 || q[0].Next != f.docs[4].ID {
		t.Errorf("amina's queue: %+v", q)
	}
	if _, err := f.s.w.Exec("DELETE FROM memberships WHERE user_id = ?", f.hala.ID); err != nil {
		t.Fatal(err)
	}
	if q := queue(f.hala); len(q) != 0 {
		t.Errorf("hala, no longer a member, still has a queue: %+v", q)
	}
}

func TestMarkDoneAndReopen(t *testing.T) {
	f := newTeamFixture(t)
	ctx := context.Background()
	doc := f.docs[1]
	status := func() string { t.Helper(); return f.layerStatus(t, doc, f.hala) }
	if got, err := f.s.MarkDone(ctx, doc, f.hala); err != nil || got != "done" || status() != "done" {
		t.Fatalf("MarkDone on a document never touched = %q, %v; stored %q", got, err, status())
	}
	if got, err := f.s.MarkDone(ctx, doc, f.hala); err != nil || got != "done" {
		t.Errorf("MarkDone again = %q, %v", got, err)
	}
	if n, _ := f.s.EventCount(ctx, "layer.done"); n != 1 {
		t.Errorf("%d layer.done events, want 1 (the second call changed nothing)", n)
	}
	if err := f.s.Reopen(ctx, doc, f.user, "hala"); err != nil || status() != "in_progress" {
		t.Fatalf("Reopen: %v, status %q", err, status())
	}
	if err := f.s.Reopen(ctx, doc, f.user, "hala"); !errors.Is(err, ErrConflict) {
		t.Errorf("reopening an open layer: %v, want ErrConflict", err)
	}
	for _, who := range []string{"zaid", "nobody"} {
		if field := validationField(t, f.s.Reopen(ctx, doc, f.user, who)); field != "user" {
			t.Errorf("reopen %s: field %q", who, field)
		}
	}
	if n, _ := f.s.EventCount(ctx, "layer.reopen"); n != 1 {
		t.Errorf("%d layer.reopen events, want 1", n)
	}
	if _, err := f.s.MarkDone(ctx, doc, f.hala); err != nil || status() != "done" {
		t.Errorf("MarkDone after reopen: %v, %q", err, status())
	}
	// A reviewed layer stays reviewed: marking done never undoes a review.
	if _, err := f.s.w.Exec("UPDATE layers SET status = 'reviewed'"); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.MarkDone(ctx, doc, f.hala); err != nil || got != "reviewed" {
		t.Errorf("MarkDone on a reviewed layer = %q, %v", got, err)
	}
	as, err := f.s.Assignees(ctx, f.proj.ID, docIDs(f.docs))
	if err != nil {
		t.Fatal(err)
	}
	if want := []Assignee{{f.hala.ID, "hala", "reviewed", false}}; !reflect.DeepEqual(as[doc.ID], want) || len(as) != 1 {
		t.Errorf("assignees %+v, want only %+v on doc-2", as, want)
	}
}

func (f teamFixture) layerStatus(t *testing.T, doc Document, u User) string {
	t.Helper()
	l, err := f.s.LayerOf(context.Background(), doc, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return l.Status
}

func TestRemoveMember(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if err := f.s.SetMember(ctx, f.proj.ID, f.user, f.other, RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: f.other.Name, All: true}); err != nil {
		t.Fatal(err)
	}
	s, e := span(t, fixtureText, "أحمد")
	if _, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: s, End: e, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RemoveMember(ctx, f.proj.ID, f.user, f.other); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.s.Documents(ctx, f.proj.ID, f.other, DocumentPage{Limit: MaxPageLimit}); len(list.Docs) != 0 {
		t.Errorf("a removed member still lists %d documents", len(list.Docs))
	}
	if n := count(t, f.s, "SELECT count(*) FROM assignments WHERE user_id = ?", f.other.ID); n != 0 {
		t.Errorf("%d assignments kept for a removed member", n)
	}
	if n := count(t, f.s, "SELECT count(*) FROM spans WHERE created_by = ?", f.other.ID); n != 1 {
		t.Errorf("removing a member removed their work: %d spans left", n)
	}
	if field := validationField(t, f.s.RemoveMember(ctx, f.proj.ID, f.user, f.other)); field != "user" {
		t.Errorf("removing a non-member: error on %q, want user", field)
	}
}

// TestLastManagerStays: a project's only manager may not remove themselves
// or step down, which would leave nobody to manage it; with a second
// manager they may, and an admin always may.
func TestLastManagerStays(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mk := func(name string) User {
		u, err := f.s.CreateUser(ctx, name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.SetMember(ctx, f.proj.ID, f.user, u, RoleManager); err != nil {
			t.Fatal(err)
		}
		return u
	}
	samir := mk("samir")
	for what, err := range map[string]error{
		"removing themselves": f.s.RemoveMember(ctx, f.proj.ID, samir, samir),
		"stepping down":       f.s.SetMember(ctx, f.proj.ID, samir, samir, RoleReviewer),
	} {
		if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "last manager") {
			t.Errorf("the last manager %s: %v, want a conflict naming the last manager", what, err)
		}
	}
	if _, role, err := f.s.ProjectFor(ctx, f.proj.ID, samir); err != nil || role != RoleManager {
		t.Errorf("after the refusals samir is %q (%v), want still manager", role, err)
	}
	hind := mk("hind")
	if err := f.s.SetMember(ctx, f.proj.ID, samir, samir, RoleReviewer); err != nil {
		t.Errorf("stepping down beside another manager: %v", err)
	}
	if err := f.s.RemoveMember(ctx, f.proj.ID, f.user, hind); err != nil {
		t.Errorf("an admin removing the last manager: %v", err)
	}
}
