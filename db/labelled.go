package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"hashiya/offsets"
)

// Labelled is a text an owner's layers gave a label, how many times, and
// how many times a suggestion of it with that label was rejected there.
type Labelled struct {
	Text     string
	Label    string
	Count    int
	Rejected int
}

// LabelledTexts counts, over owner's layers (0: the gold layers) of every
// document of a project, the text of each span of at most maxLen code
// points under each label, and the suggestions of such texts rejected
// there: what this annotator calls things and what not, from which the
// suggester proposes the same label where the same text stands again.
// Only the owner's own layers are read, so an annotator is never shown
// what another decided. Texts are cut in Go, a document at a time, with
// its offsets index: SQLite's substr walks a text from its start for
// every span, which on a book-length document costs seconds. Both
// queries read one snapshot.
func (s *Store) LabelledTexts(ctx context.Context, projectID, owner int64, maxLen int) ([]Labelled, error) {
	type key struct{ text, label string }
	counts := map[key]*Labelled{}
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		places, err := labelledPlaces(ctx, tx, projectID, owner, maxLen)
		if err != nil || len(places) == 0 {
			return err
		}
		at := func(i int) (int64, int64, int64) { return places[i].doc, places[i].start, places[i].end }
		return cutEach(ctx, tx, len(places), at, func(i int, t string) {
			p := places[i]
			l := counts[key{t, p.label}]
			if l == nil {
				l = &Labelled{Text: t, Label: p.label}
				counts[key{t, p.label}] = l
			}
			if p.rejected {
				l.Rejected++
			} else {
				l.Count++
			}
		}, `SELECT d.id, d.text FROM documents d WHERE d.project_id = ?1
			AND EXISTS (SELECT 1 FROM layers l WHERE l.document_id = d.id AND l.owner_id IS ?2) ORDER BY d.id`, projectID, nullID(owner))
	})
	if err != nil {
		return nil, err
	}
	out := make([]Labelled, 0, len(counts))
	for _, l := range counts {
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b Labelled) int {
		if c := strings.Compare(a.Text, b.Text); c != 0 {
			return c
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out, nil
}

// cutEach gives cut the text of each of n places (at: its document,
// start and end), the places ordered by document. The texts come from
// query (rows of id and text, ordered by id, covering every place's
// document), each read once and indexed once, in one snapshot with the
// places.
func cutEach(ctx context.Context, tx *sql.Tx, n int, at func(i int) (doc, start, end int64), cut func(i int, text string), query string, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("db: texts: %w", err)
	}
	defer rows.Close()
	i := 0
	for rows.Next() && i < n {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return fmt.Errorf("db: scan text: %w", err)
		}
		if doc, _, _ := at(i); doc < id {
			return fmt.Errorf("db: no text read for document %d", doc)
		} else if doc != id {
			continue // a document without places
		}
		idx := offsets.NewIndex(text)
		for ; i < n; i++ {
			doc, start, end := at(i)
			if doc != id {
				break
			}
			t, err := idx.Slice(int(start), int(end))
			if err != nil {
				return fmt.Errorf("db: span %d..%d of document %d: %w", start, end, doc, err)
			}
			cut(i, t)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("db: texts: %w", err)
	}
	if i < n {
		doc, _, _ := at(i)
		return fmt.Errorf("db: no text read for document %d", doc)
	}
	return nil
}

// labelledPlace is one span, or rejected suggestion, of the owner's.
type labelledPlace struct {
	doc, start, end int64
	label           string
	rejected        bool
}

// labelledPlaces lists the owner's spans and rejected suggestions of at
// most maxLen code points in the project, by document.
func labelledPlaces(ctx context.Context, tx *sql.Tx, projectID, owner int64, maxLen int) ([]labelledPlace, error) {
	rows, err := tx.QueryContext(ctx, `SELECT l.document_id, sp.start, sp."end", sp.label, 0 FROM documents d
		  JOIN layers l ON l.document_id = d.id JOIN spans sp ON sp.layer_id = l.id
		  WHERE d.project_id = ?1 AND l.owner_id IS ?2 AND sp."end" - sp.start <= ?3
		UNION ALL
		SELECT l.document_id, r.start, r."end", r.label, 1 FROM documents d
		  JOIN layers l ON l.document_id = d.id JOIN suggestion_rejections r ON r.layer_id = l.id
		  WHERE d.project_id = ?1 AND l.owner_id IS ?2 AND r."end" - r.start <= ?3
		ORDER BY 1`, projectID, nullID(owner), maxLen)
	if err != nil {
		return nil, fmt.Errorf("db: labelled texts of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var places []labelledPlace
	for rows.Next() {
		var p labelledPlace
		if err := rows.Scan(&p.doc, &p.start, &p.end, &p.label, &p.rejected); err != nil {
			return nil, fmt.Errorf("db: scan labelled text: %w", err)
		}
		places = append(places, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: labelled texts of project %d: %w", projectID, err)
	}
	return places, nil
}
