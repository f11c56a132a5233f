package db

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"

	"hashiya/db/codec"
)

// anercorpDocs parses ANERCorp once per benchmark, or skips when the
// shared corpora are not beside the project.
func anercorpDocs(b *testing.B) []codec.Doc {
	b.Helper()
	path := filepath.Join("..", "..", "shared", "corpora", "anercorp", "anercorp.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("ANERCorp not available (%v): skipping", err)
	}
	defer f.Close()
	docs, _, err := codec.ParseFile(f, path, "doccano")
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

func benchStore(b *testing.B) (*Store, Project, User) {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	u, err := s.CreateUser(ctx, "bench", "", true)
	if err != nil {
		b.Fatal(err)
	}
	labels := append(DefaultLabels(), Label{"PERS", "#112233", ""}, Label{"MISC", "#445566", ""})
	p, err := s.CreateProject(ctx, "bench", labels, u.ID)
	if err != nil {
		b.Fatal(err)
	}
	return s, p, u
}

// BenchmarkImportANERCorp stores 200 documents and 11,187 spans in one
// transaction (the CLI import minus file parsing).
func BenchmarkImportANERCorp(b *testing.B) {
	docs := anercorpDocs(b)
	for b.Loop() {
		b.StopTimer()
		s, p, u := benchStore(b)
		b.StartTimer()
		if _, err := s.Import(context.Background(), ImportOptions{ProjectID: p.ID, File: "aner", By: u.ID}, docs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportANERCorp streams the 200 documents as doccano JSONL.
func BenchmarkExportANERCorp(b *testing.B) {
	docs := anercorpDocs(b)
	s, p, u := benchStore(b)
	if _, err := s.Import(context.Background(), ImportOptions{ProjectID: p.ID, File: "aner", By: u.ID}, docs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		w, err := codec.NewWriter(io.Discard, "doccano")
		if err != nil {
			b.Fatal(err)
		}
		if err := s.ExportLayers(context.Background(), p.ID, "gold", w.Write); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateSpan is one annotator save: validate, insert, log the
// event, commit with synchronous=FULL. Its baseline, BenchmarkBareInsert,
// is a single INSERT committed on the same connection.
func BenchmarkCreateSpan(b *testing.B) {
	s, p, u := benchStore(b)
	doc := benchDoc(b, s, p, u)
	i, room := 0, len([]rune(doc.Text))-50
	for b.Loop() {
		// Every (start, length) pair is new, so no insert is a duplicate.
		start, length := i%room, 1+i/room%40
		if _, err := s.CreateSpan(context.Background(), doc, u.ID, u.ID, SpanInput{Start: start, End: start + length, Label: "PER"}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkBareInsert(b *testing.B) {
	s, p, u := benchStore(b)
	benchDoc(b, s, p, u)
	ctx := context.Background()
	for b.Loop() {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO events (action) VALUES ('bench')")
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func benchDoc(b *testing.B, s *Store, p Project, u User) Document {
	b.Helper()
	text := "وقال الناطق باسم الجهاز صباح النعمان للقناة الرسمية إن الجهاز مستمر في عملياته"
	for range 5 {
		text += " " + text
	}
	ctx := context.Background()
	if _, err := s.Import(ctx, ImportOptions{ProjectID: p.ID, File: "b", By: u.ID}, []codec.Doc{{Line: 1, ExternalID: "d", Text: text}}); err != nil {
		b.Fatal(err)
	}
	var id int64
	if err := s.r.QueryRowContext(ctx, "SELECT id FROM documents WHERE external_id = 'd'").Scan(&id); err != nil {
		b.Fatal(err)
	}
	doc, err := s.Document(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}
