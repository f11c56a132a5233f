package db

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestIDsNeverReused opens a database made before migration 007, with
// spans and relations whose newest span was deleted: the migration keeps
// every id and link, and no id is handed out twice afterwards. Migration
// 009 then folds its document for the text search.
func TestIDsNeverReused(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", "file:"+file+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	all, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	mustExec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))) STRICT`)
	for _, m := range all {
		if m.version >= 7 {
			break
		}
		mustExec(m.sql)
		mustExec("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", m.version, m.name)
	}
	mustExec("INSERT INTO users (id, name) VALUES (1, 'amina')")
	mustExec("INSERT INTO projects (id, name) VALUES (1, 'p')")
	mustExec("INSERT INTO labels (project_id, name, color, position) VALUES (1, 'CUE', '#111111', 0), (1, 'PER', '#222222', 1), (1, 'QUOTE', '#333333', 2), (1, 'ORG', '#444444', 3)")
	mustExec(`INSERT INTO relation_types (project_id, name, from_labels, to_labels) VALUES (1, 'cue', '["QUOTE"]', '["CUE"]'), (1, 'speaker', '["QUOTE"]', '["PER","ORG"]')`)
	mustExec("INSERT INTO documents (id, project_id, external_id, text, hash) VALUES (1, 1, 'D-1', 'قالَ زيد إن الجو جميل', 'h')")
	mustExec("INSERT INTO layers (id, document_id, owner_id) VALUES (1, 1, 1)")
	mustExec(`INSERT INTO spans (id, layer_id, start, "end", label, created_by) VALUES (3, 1, 0, 3, 'CUE', 1), (5, 1, 4, 7, 'PER', 1), (8, 1, 11, 20, 'QUOTE', 1), (9, 1, 0, 7, 'ORG', 1)`)
	mustExec("INSERT INTO relations (id, layer_id, type, from_span, to_span, created_by) VALUES (2, 1, 'speaker', 8, 5, 1), (4, 1, 'cue', 8, 3, 1), (6, 1, 'refers_to', 5, 9, 1)")
	mustExec("DELETE FROM spans WHERE id = 9") // the newest span, and relation 6 with it
	mustExec(`INSERT INTO events (action, detail) VALUES ('span.delete', '{"id":9,"start":0,"end":7,"label":"ORG"}'),
		('relation.delete', '{"id":6,"type":"refers_to","from":5,"to":9}')`)
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(ctx, file)
	if err != nil {
		t.Fatalf("Open runs migration 007: %v", err)
	}
	defer s.Close()
	doc, err := s.Document(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.LayerOf(ctx, doc, 1)
	if err != nil {
		t.Fatal(err)
	}
	var spans, rels []int64
	for _, sp := range l.Spans {
		spans = append(spans, sp.ID)
	}
	for _, r := range l.Relations {
		rels = append(rels, r.ID, r.From, r.To)
	}
	if len(spans) != 3 || spans[0] != 3 || spans[1] != 5 || spans[2] != 8 || len(rels) != 6 || rels[0] != 2 || rels[1] != 8 || rels[2] != 5 || rels[3] != 4 || rels[4] != 8 || rels[5] != 3 {
		t.Fatalf("after the migration spans %v, relations (id, from, to) %v; want spans 3 5 8 and relations 2: 8->5, 4: 8->3", spans, rels)
	}
	var problems int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&problems); err != nil || problems != 0 {
		t.Errorf("foreign key check: %d problems (%v)", problems, err)
	}
	// Deleting the newest span, then creating one, gives a new id.
	if _, err := s.DeleteSpan(ctx, doc, 1, 1, 8); err != nil {
		t.Fatal(err)
	}
	sp, err := s.CreateSpan(ctx, doc, 1, 1, SpanInput{Start: 11, End: 20, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	if sp.ID <= 9 {
		t.Errorf("a span created after deleting span 8 (and, before the migration, 9) got id %d; want one never used", sp.ID)
	}
	r, err := s.CreateRelation(ctx, doc, 1, 1, RelationInput{Type: "cue", From: sp.ID, To: 3})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID <= 6 {
		t.Errorf("a new relation got id %d; relations 2, 4 and 6 were used before", r.ID)
	}
	// Migration 009 folded the document made before it for the search.
	var foldedID, folded string
	if err := s.r.QueryRowContext(ctx, "SELECT external_id, text FROM document_search WHERE document_id = 1").Scan(&foldedID, &folded); err != nil {
		t.Fatal(err)
	}
	if foldedID != "d-1" || folded != "قال زيد ان الجو جميل" {
		t.Errorf("document_search after migration 009 holds %q, %q", foldedID, folded)
	}
}
