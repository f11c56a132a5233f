package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// deleteSpansKept is how many spans of the layer a bulk delete leaves,
// some of them linked to spans it takes.
const deleteSpansKept = 500

// seedDeleteSpans stores a document of n+deleteSpansKept words, one span
// a word in the bench user's layer (every other with attributes), a
// relation from every third span to the next and from every fiftieth to
// a kept span, and returns the first n spans' ids: what the bulk delete
// of an accept undone meets. Rows are written in SQL, not through the
// store, so seeding 10,000 spans stays quick.
func seedDeleteSpans(b *testing.B, n int) (*Store, Document, User, []int64) {
	b.Helper()
	ctx := context.Background()
	s, p, u := benchStore(b)
	words := n + deleteSpansKept
	text := strings.TrimSuffix(strings.Repeat("كلمة ", words), " ")
	ext := fmt.Sprintf("bulk-%d", n)
	if _, err := s.Import(ctx, ImportOptions{ProjectID: p.ID, File: "bench", By: u.ID}, []codec.Doc{{Line: 1, ExternalID: ext, Text: text}}); err != nil {
		b.Fatal(err)
	}
	var docID int64
	if err := s.r.QueryRowContext(ctx, "SELECT id FROM documents WHERE external_id = ?", ext).Scan(&docID); err != nil {
		b.Fatal(err)
	}
	doc, err := s.Document(ctx, docID)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, words)
	err = s.tx(ctx, func(tx *sql.Tx) error {
		layer, err := layerID(ctx, tx, doc.ID, u.ID, true)
		if err != nil {
			return err
		}
		for i := range words {
			attrs := "{}"
			if i%2 == 0 {
				attrs = `{"gender":"f"}`
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO spans (layer_id, start, "end", label, attributes, created_by) VALUES (?, ?, ?, 'PER', ?, ?)`,
				layer, 5*i, 5*i+4, attrs, u.ID)
			if err != nil {
				return err
			}
			if ids[i], err = res.LastInsertId(); err != nil {
				return err
			}
		}
		link := func(from, to int64) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO relations (layer_id, type, from_span, to_span, created_by) VALUES (?, 'speaker', ?, ?, ?)`,
				layer, from, to, u.ID)
			return err
		}
		for i := 0; i+1 < n; i += 3 {
			if err := link(ids[i], ids[i+1]); err != nil {
				return err
			}
		}
		for i := 0; i < n; i += 50 {
			if err := link(ids[i], ids[n+i%deleteSpansKept]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s, doc, u, ids[:n]
}

// BenchmarkDeleteSpans deletes 1,000, 4,096 and 10,000 spans of one layer
// in one DeleteSpans, with their relations: the time it holds the one
// write lock every annotator's save waits on.
func BenchmarkDeleteSpans(b *testing.B) {
	for _, n := range []int{1000, 4096, MaxDeleteSpans} {
		b.Run(fmt.Sprintf("spans=%d", n), func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				b.StopTimer()
				s, doc, u, ids := seedDeleteSpans(b, n)
				b.StartTimer()
				got, err := s.DeleteSpans(ctx, doc, u.ID, u.ID, ids)
				if err != nil || got != n {
					b.Fatalf("DeleteSpans of %d spans = %d, %v", n, got, err)
				}
			}
		})
	}
}
