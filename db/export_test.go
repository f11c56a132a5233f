package db

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"hashiya/db/codec"
)

// exportAll collects what ExportLayers streams.
func exportAll(t *testing.T, s *Store, projectID int64, layer string) ([]codec.ExportDoc, error) {
	t.Helper()
	var out []codec.ExportDoc
	err := s.ExportLayers(context.Background(), projectID, layer, func(d codec.ExportDoc) error {
		out = append(out, d)
		return nil
	})
	return out, err
}

func TestExportLayers(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.addDoc(t, "doc-2", "نص بلا تعليقات")
	ps, pe := span(t, fixtureText, "أحمد")
	ls, le := span(t, fixtureText, "الرياض")
	mustSpan := func(owner int64, start, end int, label string) {
		t.Helper()
		if _, err := f.s.CreateSpan(ctx, f.doc, owner, f.user.ID, SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	mustSpan(f.user.ID, ps, pe, "PER")
	mustSpan(f.user.ID, ls, le, "LOC")
	mustSpan(f.other.ID, ls, le, "GPE")
	mustSpan(0, ps, pe, "PER")

	type line struct {
		id, layer, status string
		labels            string
	}
	tests := []struct {
		layer string
		want  []line
	}{
		{"gold", []line{{"doc-1", "gold", "in_progress", "PER"}, {"doc-2", "gold", "new", ""}}},
		{"amina", []line{{"doc-1", "amina", "in_progress", "PER LOC"}, {"doc-2", "amina", "new", ""}}},
		{"omar", []line{{"doc-1", "omar", "in_progress", "GPE"}, {"doc-2", "omar", "new", ""}}},
		{"all", []line{
			{"doc-1", "gold", "in_progress", "PER"},
			{"doc-1", "amina", "in_progress", "PER LOC"},
			{"doc-1", "omar", "in_progress", "GPE"},
			{"doc-2", "gold", "new", ""}, // nobody has touched it: still listed
		}},
	}
	for _, tt := range tests {
		t.Run(tt.layer, func(t *testing.T) {
			docs, err := exportAll(t, f.s, f.proj.ID, tt.layer)
			if err != nil {
				t.Fatal(err)
			}
			var got []line
			for _, d := range docs {
				var labels []string
				for _, sp := range d.Spans {
					labels = append(labels, sp.Label)
					if sp.Start < 0 || sp.End > len([]rune(d.Text)) || sp.Start >= sp.End {
						t.Errorf("%s: span %+v does not fit the text", d.ExternalID, sp)
					}
				}
				got = append(got, line{d.ExternalID, d.Layer, d.Status, strings.Join(labels, " ")})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("exported\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
	called := false
	err := f.s.ExportLayers(ctx, f.proj.ID, "nobody", func(codec.ExportDoc) error { called = true; return nil })
	if field := validationField(t, err); field != "layer" || called {
		t.Errorf("unknown user: error on %q, fn called %v; want a layer error before any document", field, called)
	}
}

// TestExportIsASnapshot writes between two documents of one export: the
// export must not see the write, and must not wait for the writer.
func TestExportIsASnapshot(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	doc2 := f.addDoc(t, "doc-2", "نص ثان")
	if _, err := f.s.CreateSpan(ctx, doc2, 0, f.user.ID, SpanInput{Start: 0, End: 2, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	var seen []int
	err := f.s.ExportLayers(ctx, f.proj.ID, "gold", func(d codec.ExportDoc) error {
		seen = append(seen, len(d.Spans))
		if d.ExternalID == "doc-1" {
			_, err := f.s.CreateSpan(ctx, doc2, 0, f.user.ID, SpanInput{Start: 3, End: 6, Label: "LOC"})
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[0 1]" {
		t.Errorf("span counts seen %v, want [0 1]: the span written mid-export leaked into it", seen)
	}
	after, err := exportAll(t, f.s, f.proj.ID, "gold")
	if err != nil || len(after) != 2 || len(after[1].Spans) != 2 {
		t.Errorf("a later export sees %+v, %v; want both spans of doc-2", after, err)
	}
}

func TestExportWhileWriteTransactionOpen(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tx, err := f.s.w.BeginTx(ctx, nil) // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO layers (document_id, owner_id) VALUES (?, NULL)", f.doc.ID); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	var docs []codec.ExportDoc
	go func() {
		var err error
		docs, err = exportAll(t, f.s, f.proj.ID, "all")
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("export waited for the open write transaction")
	}
	// The document is listed, untouched: no layer, as the snapshot has it.
	if len(docs) != 1 || docs[0].Status != "new" || docs[0].Layer != "gold" {
		t.Errorf("export saw the uncommitted layer: %+v", docs)
	}
}

// TestConcurrentSpanWrites has 8 writers racing on one document while an
// export runs: every span must be saved, none refused as busy.
func TestConcurrentSpanWrites(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	doc := f.addDoc(t, "long", strings.Repeat("كلمة", 100))
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+1)
	stop := make(chan struct{})
	var exports sync.WaitGroup
	exports.Add(1)
	go func() { // a reader racing the writers sees only whole commits
		defer exports.Done()
		last := 0
		for {
			select {
			case <-stop:
				return
			default:
			}
			docs, err := exportAll(t, f.s, f.proj.ID, "amina")
			if err != nil {
				errs <- err
				return
			}
			n := len(docs[1].Spans)
			if n < last {
				errs <- fmt.Errorf("export saw %d spans after %d", n, last)
			}
			last = n
		}
	}()
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				start := w*each + i
				if _, err := f.s.CreateSpan(ctx, doc, f.user.ID, f.user.ID, SpanInput{Start: start, End: start + 1, Label: "PER"}); err != nil {
					errs <- fmt.Errorf("writer %d span %d: %w", w, i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	exports.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	l, err := f.s.LayerOf(ctx, doc, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Spans) != writers*each {
		t.Errorf("%d spans saved, want %d", len(l.Spans), writers*each)
	}
	if n, _ := f.s.EventCount(ctx, "span.create"); n != writers*each {
		t.Errorf("%d span.create events, want %d", n, writers*each)
	}
}
