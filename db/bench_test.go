package db

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
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
	labels := append(DefaultLabels(), Label{Name: "PERS", Color: "#112233", Hotkey: ""}, Label{Name: "MISC", Color: "#445566", Hotkey: ""})
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

// anercorpTwoLayers is a store holding ANERCorp's 200 documents in two
// users' layers (22,374 spans): layla's, imported, and karim's, a copy.
func anercorpTwoLayers(b *testing.B) (*Store, Project) {
	b.Helper()
	docs := anercorpDocs(b)
	s, p, u := benchStore(b)
	ctx := context.Background()
	layla, err := s.CreateUser(ctx, "layla", "", false)
	if err != nil {
		b.Fatal(err)
	}
	karim, err := s.CreateUser(ctx, "karim", "", false)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(ctx, ImportOptions{ProjectID: p.ID, File: "aner", By: u.ID, Owner: layla.ID}, docs); err != nil {
		b.Fatal(err)
	}
	// karim's layers: a copy of layla's (an import makes documents anew).
	for _, q := range []string{
		`INSERT INTO layers (document_id, owner_id) SELECT document_id, :karim FROM layers WHERE owner_id = :layla`,
		`INSERT INTO spans (layer_id, start, "end", label, created_by)
			SELECT k.id, s.start, s."end", s.label, :karim FROM spans s JOIN layers l ON l.id = s.layer_id
			JOIN layers k ON k.document_id = l.document_id AND k.owner_id = :karim WHERE l.owner_id = :layla`,
	} {
		if _, err := s.w.ExecContext(ctx, q, sql.Named("karim", karim.ID), sql.Named("layla", layla.ID)); err != nil {
			b.Fatal(err)
		}
	}
	return s, p
}

// BenchmarkAgreementANERCorp reads what the project agreement page
// compares: ANERCorp's 200 documents in two users' layers (22,374 spans),
// a document at a time. Its baseline is BenchmarkExportANERCorp, which
// streams the same documents' gold once, text included.
func BenchmarkAgreementANERCorp(b *testing.B) {
	s, p := anercorpTwoLayers(b)
	ctx := context.Background()
	for b.Loop() {
		spans := 0
		err := s.EachDocumentLayers(ctx, p.ID, func(d DocumentLayers) error {
			for _, l := range d.Layers {
				spans += len(l.Spans)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if spans != 2*11187 {
			b.Fatalf("read %d spans, want %d", spans, 2*11187)
		}
	}
}

// BenchmarkProgressANERCorp reads the progress page's figures over the
// same two layers: counts only, no text.
func BenchmarkProgressANERCorp(b *testing.B) {
	s, p := anercorpTwoLayers(b)
	ctx := context.Background()
	for b.Loop() {
		pr, err := s.Progress(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		spans := 0
		for _, pp := range pr.People {
			spans += pp.Spans
		}
		if pr.Documents != 200 || spans != 2*11187 {
			b.Fatalf("%d documents, %d spans", pr.Documents, spans)
		}
	}
}

// BenchmarkCreateSpan is one annotator save: validate, insert, log the
// event, commit with synchronous=FULL. Its baseline, BenchmarkBareInsert,
// is a single INSERT committed on the same connection.
func BenchmarkCreateSpan(b *testing.B) {
	for _, size := range []struct {
		name      string
		doublings int
	}{{"article", 5}, {"book", 14}} {
		b.Run(size.name, func(b *testing.B) { benchCreateSpan(b, size.doublings) })
	}
}

// benchCreateSpan creates spans one by one, as annotators do, in a
// document of the given size (benchDoc).
func benchCreateSpan(b *testing.B, doublings int) {
	s, p, u := benchStore(b)
	doc := benchDoc(b, s, p, u, doublings)
	rs := []rune(doc.Text)
	i, room := 0, len(rs)-50
	for b.Loop() {
		// Every (start, length) pair is new, so no insert is a duplicate. A
		// span may not start on a space (a lone space is refused): it
		// starts on the next letter instead, under another label.
		// Spans go from the end of the text backwards: the far end of a
		// book is where finding offsets costs most.
		start, length, label := room-1-i%room, 1+i/room%40, "PER"
		if rs[start] == ' ' {
			start, label = start+1, "ORG"
		}
		if _, err := s.CreateSpan(context.Background(), doc, u.ID, u.ID, SpanInput{Start: start, End: start + length, Label: label}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkBareInsert(b *testing.B) {
	s, p, u := benchStore(b)
	benchDoc(b, s, p, u, 5)
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

// benchDoc imports a document of an 80-code-point sentence doubled
// doublings times (5: 2,600 code points, a news article; 14: 1.3 million,
// a book).
func benchDoc(b *testing.B, s *Store, p Project, u User, doublings int) Document {
	b.Helper()
	text := "وقال الناطق باسم الجهاز صباح النعمان للقناة الرسمية إن الجهاز مستمر في عملياته"
	for range doublings {
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

// BenchmarkDocumentPage lists pages of 50 documents of a project of 5,000,
// beside another project of 5,000 whose documents were imported in
// between: for the admin (who sees everything), and for an annotator
// assigned every tenth document, first page and a page deep in the list,
// plain and filtered by status; and searched by id, by words every text
// holds (spelt differently: للتجربه for للتجربة) and by words none holds,
// which reads all 5,000 texts.
func BenchmarkDocumentPage(b *testing.B) {
	s, p, admin := benchStore(b)
	ctx := context.Background()
	other, err := s.CreateProject(ctx, "other", nil, admin.ID)
	if err != nil {
		b.Fatal(err)
	}
	for batch := range 10 {
		for _, pr := range []Project{p, other} {
			var docs []codec.Doc
			for i := range 500 {
				docs = append(docs, codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("%s-%d-%d", pr.Name, batch, i), Text: "نص قصير للتجربة"})
			}
			if _, err := s.Import(ctx, ImportOptions{ProjectID: pr.ID, File: "bench", By: admin.ID}, docs); err != nil {
				b.Fatal(err)
			}
		}
	}
	annotator, err := s.CreateUser(ctx, "annotator", "", false)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.SetMember(ctx, p.ID, admin, annotator, RoleAnnotator); err != nil {
		b.Fatal(err)
	}
	var tenth []string
	for batch := range 10 {
		for i := 0; i < 500; i += 10 {
			tenth = append(tenth, fmt.Sprintf("bench-%d-%d", batch, i))
		}
	}
	if _, err := s.Assign(ctx, p.ID, admin, AssignRequest{User: "annotator", ExternalIDs: tenth}); err != nil {
		b.Fatal(err)
	}
	deep, err := s.Documents(ctx, p.ID, admin, DocumentPage{Limit: 1, After: 7000})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		user User
		page DocumentPage
	}{
		{"admin/first", admin, DocumentPage{Limit: 50}},
		{"admin/deep", admin, DocumentPage{Limit: 50, After: deep.Docs[0].ID}},
		{"admin/status", admin, DocumentPage{Limit: 50, Status: "done"}},
		{"admin/search", admin, DocumentPage{Limit: 50, Query: "-7-"}},
		{"admin/search-text", admin, DocumentPage{Limit: 50, Query: "للتجربه"}},
		{"admin/search-absent", admin, DocumentPage{Limit: 50, Query: "غائب"}},
		{"annotator/first", annotator, DocumentPage{Limit: 50}},
		{"annotator/deep", annotator, DocumentPage{Limit: 50, After: deep.Docs[0].ID}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Documents(ctx, p.ID, c.user, c.page); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLabelOccurrences labels every "صباح النعمان" of a document
// alike from one span: 32 in an article-sized text (5 doublings of
// benchDoc), 1,024 in one of 82,000 code points (10). Each round labels
// a fresh copy of the document.
func BenchmarkLabelOccurrences(b *testing.B) {
	for _, size := range []struct {
		name      string
		doublings int
	}{{"article", 5}, {"long", 10}} {
		b.Run(size.name, func(b *testing.B) {
			s, p, u := benchStore(b)
			ctx := context.Background()
			doc := benchDoc(b, s, p, u, size.doublings)
			start, end := span(b, doc.Text, "صباح النعمان")
			want := 1 << size.doublings
			for b.Loop() {
				b.StopTimer()
				sp, err := s.CreateSpan(ctx, doc, u.ID, u.ID, SpanInput{Start: start, End: end, Label: "PER"})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				made, err := s.LabelOccurrences(ctx, doc, u.ID, u.ID, sp.ID)
				if err != nil || len(made) != want-1 {
					b.Fatalf("made %d spans (%v), want %d", len(made), err, want-1)
				}
				b.StopTimer()
				if _, err := s.w.ExecContext(ctx, "DELETE FROM spans"); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkLabelledTextsANERCorp reads what a layer owner has labelled
// across 200 documents (11,187 spans), as each suggestion request does
// for the names it proposes again. Its baseline is BenchmarkExportANERCorp,
// which reads the same spans and texts.
func BenchmarkLabelledTextsANERCorp(b *testing.B) {
	docs := anercorpDocs(b)
	s, p, u := benchStore(b)
	if _, err := s.Import(context.Background(), ImportOptions{ProjectID: p.ID, File: "aner", By: u.ID}, docs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := s.LabelledTexts(context.Background(), p.ID, 0, 80)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) < 1000 {
			b.Fatalf("%d labelled texts", len(got))
		}
	}
}

// BenchmarkLabelConflictsANERCorp reads every layer of 200 documents
// (11,187 spans in gold) for the texts given more than one label, as the
// consistency page does. Its baseline is BenchmarkLabelledTextsANERCorp,
// which reads the same spans and texts.
func BenchmarkLabelConflictsANERCorp(b *testing.B) {
	docs := anercorpDocs(b)
	s, p, u := benchStore(b)
	if _, err := s.Import(context.Background(), ImportOptions{ProjectID: p.ID, File: "aner", By: u.ID}, docs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := s.LabelConflicts(context.Background(), p.ID, ConflictLayers{Every: true}, 80)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) == 0 {
			b.Fatal("no text of ANERCorp given two labels")
		}
	}
}

// BenchmarkParseANERCorp reads ANERCorp's 200 doccano lines as the CLI
// import reads a file before storing it, warnings included: the part of
// an import that holds no lock.
func BenchmarkParseANERCorp(b *testing.B) {
	path := filepath.Join("..", "..", "shared", "corpora", "anercorp", "anercorp.jsonl")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("ANERCorp not available (%v): skipping", err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := codec.ParseFileInto(bytes.NewReader(raw), path, "doccano", codec.UnitCodePoint, codec.GoldLayer, codec.ViaAny); err != nil {
			b.Fatal(err)
		}
	}
}
