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
		// The texts of the owner's documents, in the places' order: one
		// query, each text read once.
		rows, err := tx.QueryContext(ctx, `SELECT d.id, d.text FROM documents d WHERE d.project_id = ?1
			AND EXISTS (SELECT 1 FROM layers l WHERE l.document_id = d.id AND l.owner_id IS ?2) ORDER BY d.id`, projectID, nullID(owner))
		if err != nil {
			return fmt.Errorf("db: texts of project %d: %w", projectID, err)
		}
		defer rows.Close()
		i := 0
		for rows.Next() && i < len(places) {
			var doc int64
			var text string
			if err := rows.Scan(&doc, &text); err != nil {
				return fmt.Errorf("db: scan text: %w", err)
			}
			if places[i].doc < doc {
				return fmt.Errorf("db: no text read for document %d", places[i].doc)
			}
			if places[i].doc != doc {
				continue // a layer of the owner's without spans
			}
			idx := offsets.NewIndex(text)
			for ; i < len(places) && places[i].doc == doc; i++ {
				p := places[i]
				t, err := idx.Slice(int(p.start), int(p.end))
				if err != nil {
					return fmt.Errorf("db: span %d..%d of document %d: %w", p.start, p.end, p.doc, err)
				}
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
			}
		}
		return rows.Err()
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
