package db

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
)

// BenchmarkLogLayerEvent logs one span event naming its layer, in a
// transaction left open: the cost of the event's statements alone, without
// the commit's fsync, which dwarfs them in BenchmarkCreateSpan.
func BenchmarkLogLayerEvent(b *testing.B) {
	s, p, u := benchStore(b)
	doc := benchDoc(b, s, p, u, 5)
	ctx := context.Background()
	r, err := s.w.ExecContext(ctx, "INSERT INTO layers (document_id, owner_id) VALUES (?, ?)", doc.ID, u.ID)
	if err != nil {
		b.Fatal(err)
	}
	layer, _ := r.LastInsertId()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // nothing of it is kept
	sp := Span{ID: 1, Start: 13, End: 17, Label: "PER", Text: "أحمد"}
	for b.Loop() {
		e := Event{UserID: u.ID, ProjectID: p.ID, DocumentID: doc.ID, Action: "span.create", Detail: sp, Layer: layer}
		if err := logEvent(ctx, tx, e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProjectEventsByUser reads the first page of the activity page
// filtered by who, in a project whose log holds 200,000 events of 20
// users, beside another project as busy: for a user who made one change in
// twenty and for one who made a single change, long ago, where reading the
// project's log newest first finds it only at the end.
func BenchmarkProjectEventsByUser(b *testing.B) {
	s, p, u := benchStore(b)
	ctx := context.Background()
	other, err := s.CreateProject(ctx, "other", nil, u.ID)
	if err != nil {
		b.Fatal(err)
	}
	var users []int64
	for i := range 20 {
		v, err := s.CreateUser(ctx, fmt.Sprintf("user%d", i), "", false)
		if err != nil {
			b.Fatal(err)
		}
		users = append(users, v.ID)
	}
	rare, err := s.CreateUser(ctx, "rare", "", false)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, "INSERT INTO events (user_id, project_id, action) VALUES (?, ?, 'span.create')", rare.ID, p.ID); err != nil {
		b.Fatal(err)
	}
	// Both projects' logs interleaved, as two teams working at once write them.
	_, err = s.w.ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 399999)
		INSERT INTO events (user_id, project_id, action, detail)
		SELECT :first + i / 2 % 20, CASE i % 2 WHEN 0 THEN :p ELSE :other END, 'span.create', '{"layer":"user","label":"PER"}' FROM n`,
		sql.Named("first", users[0]), sql.Named("p", p.ID), sql.Named("other", other.ID))
	if err != nil {
		b.Fatal(err)
	}
	for _, who := range []struct {
		name, user string
		want       int
	}{{"one-in-twenty", "user7", 50}, {"single-change", "rare", 1}} {
		b.Run(who.name, func(b *testing.B) {
			for b.Loop() {
				got, err := s.ProjectEvents(ctx, p.ID, 0, 50, EventFilter{User: who.user})
				if err != nil || len(got) != who.want {
					b.Fatalf("%d events (%v), want %d", len(got), err, who.want)
				}
			}
		})
	}
}
