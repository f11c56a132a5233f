package db

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestProjectEventsPlan: the activity page's query reads an index in the
// order it lists, whatever the filter: one user's events of the project
// through events_user, every event through events_project; never a scan
// of the log, never a sort of it.
func TestProjectEventsPlan(t *testing.T) {
	s := openStore(t)
	tests := []struct {
		before int64
		f      EventFilter
		want   string
	}{
		{0, EventFilter{}, "SEARCH e USING INDEX events_project (project_id=?)"},
		{40, EventFilter{}, "SEARCH e USING INDEX events_project (project_id=? AND id<?)"},
		{0, EventFilter{User: "layla"}, "SEARCH e USING INDEX events_user (user_id=? AND project_id=?)"},
		{40, EventFilter{User: "layla"}, "SEARCH e USING INDEX events_user (user_id=? AND project_id=? AND id<?)"},
		{0, EventFilter{User: "layla", Document: "doc-1"}, "SEARCH e USING INDEX events_user (user_id=? AND project_id=?)"},
		{0, EventFilter{Document: "doc-1"}, "SEARCH e USING INDEX events_document (document_id=?)"},
		{40, EventFilter{Document: "doc-1"}, "SEARCH e USING INDEX events_document (document_id=? AND id<?)"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("before=%d,who=%s,doc=%s", tt.before, tt.f.User, tt.f.Document), func(t *testing.T) {
			plan := queryPlan(t, s, tt.before, tt.f)
			if !slices.Contains(plan, tt.want) {
				t.Errorf("plan %q reads no %q", plan, tt.want)
			}
			for _, step := range plan {
				if strings.Contains(step, "TEMP B-TREE") || strings.HasPrefix(step, "SCAN e") {
					t.Errorf("plan %q: %s", plan, step)
				}
			}
		})
	}
}

// queryPlan is the detail column of ProjectEvents' EXPLAIN QUERY PLAN.
func queryPlan(t *testing.T, s *Store, before int64, f EventFilter) []string {
	t.Helper()
	q, args := projectEventsQuery(1, before, 50, f)
	return planOf(t, s, q, args...)
}

// planOf is the detail column of a query's EXPLAIN QUERY PLAN.
func planOf(t *testing.T, s *Store, q string, args ...any) []string {
	t.Helper()
	rows, err := s.r.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// TestProjectEventsFilter: the filters keep exactly the events they name,
// newest first, page by page; a name or document matching nothing, or
// one of another project, lists nothing.
func TestProjectEventsFilter(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, err := f.s.CreateProject(ctx, "other", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc2 := f.addDoc(t, "doc-2", fixtureText)
	start, end := span(t, fixtureText, "أحمد")
	// omar and amina take turns on doc-1 and doc-2, three spans each.
	for i := range 3 {
		for _, who := range []User{f.other, f.user} {
			for _, d := range []Document{f.doc, doc2} {
				if _, err := f.s.CreateSpan(ctx, d, who.ID, who.ID, SpanInput{Start: start, End: end - i, Label: "PER"}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// omar's change in another project is not this project's.
	if _, err := f.s.w.ExecContext(ctx, "INSERT INTO events (user_id, project_id, action) VALUES (?, ?, 'span.create')", f.other.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	all, err := f.s.ProjectEvents(ctx, f.proj.ID, 0, 100, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		f     EventFilter
		pages []int // entries on each page of 2
	}{
		{EventFilter{User: "omar"}, []int{2, 2, 2}},
		{EventFilter{User: "omar", Document: "doc-2"}, []int{2, 1}},
		{EventFilter{Document: "doc-1"}, []int{2, 2, 2}},
		{EventFilter{User: "nobody"}, []int{0}},
		{EventFilter{User: "omar", Document: "doc-9"}, []int{0}},
	}
	for _, tt := range tests {
		var want []int64 // the unfiltered log, newest first, kept by hand
		for _, e := range all {
			if (tt.f.User == "" || e.User == tt.f.User) && (tt.f.Document == "" || e.Document == tt.f.Document) {
				want = append(want, e.ID)
			}
		}
		var got []int64
		var before int64
		for i, n := range tt.pages {
			page, err := f.s.ProjectEvents(ctx, f.proj.ID, before, 2, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) != n {
				t.Fatalf("%+v page %d: %d events, want %d", tt.f, i+1, len(page), n)
			}
			for _, e := range page {
				got = append(got, e.ID)
				before = e.ID
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%+v lists events %v, want %v", tt.f, got, want)
		}
	}
}
