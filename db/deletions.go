package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// Deleting documents and projects: all or nothing, what goes said first
// (DocumentLosses, ProjectLosses), a line in the log for each document,
// and no id handed out again (nextDocumentID, nextProjectID).

// DocumentLoss is what deleting a document takes with it.
type DocumentLoss struct {
	ID         int64
	ExternalID string
	Hash       string
	Layers     int  // every layer, gold included
	Gold       bool // one of the layers is gold
	Finished   int  // layers marked done or reviewed, gold included
	Done       int  // annotators' layers marked done (or reviewed)
	GoldDone   bool // gold is marked reviewed (or done)
	Spans      int
	Relations  int
	Notes      int // notes written on it
}

// DocumentLosses says, for each of ids (documents of project projectID),
// what deleting it would take; an id that is not one of the project's
// documents is ErrNotFound.
func (s *Store) DocumentLosses(ctx context.Context, projectID int64, ids []int64) ([]DocumentLoss, error) {
	var out []DocumentLoss
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = documentLosses(ctx, tx, projectID, ids, false)
		return err
	})
	return out, err
}

// documentLosses reads what each of ids holds in one query, in id order;
// all instead reads every document of the project.
func documentLosses(ctx context.Context, q querier, projectID int64, ids []int64, all bool) ([]DocumentLoss, error) {
	wanted := map[int64]bool{}
	for _, id := range ids {
		wanted[id] = true
	}
	list, err := json.Marshal(slices.Sorted(maps.Keys(wanted)))
	if err != nil {
		return nil, fmt.Errorf("db: encode document ids: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.external_id, d.hash, count(l.id),
		count(CASE WHEN l.status IN ('done', 'reviewed') THEN 1 END),
		count(CASE WHEN l.id IS NOT NULL AND l.owner_id IS NULL THEN 1 END) > 0,
		count(CASE WHEN l.owner_id IS NOT NULL AND l.status IN ('done', 'reviewed') THEN 1 END),
		count(CASE WHEN l.id IS NOT NULL AND l.owner_id IS NULL AND l.status IN ('done', 'reviewed') THEN 1 END) > 0,
		coalesce(sum((SELECT count(*) FROM spans s WHERE s.layer_id = l.id)), 0),
		coalesce(sum((SELECT count(*) FROM relations r WHERE r.layer_id = l.id)), 0),
		(SELECT count(*) FROM notes n WHERE n.document_id = d.id)
		FROM documents d LEFT JOIN layers l ON l.document_id = d.id
		WHERE d.project_id = ? AND (? OR d.id IN (SELECT value FROM json_each(?)))
		GROUP BY d.id ORDER BY d.id`, projectID, all, string(list))
	if err != nil {
		return nil, fmt.Errorf("db: what the documents of project %d hold: %w", projectID, err)
	}
	defer rows.Close()
	out := []DocumentLoss{}
	for rows.Next() {
		var l DocumentLoss
		if err := rows.Scan(&l.ID, &l.ExternalID, &l.Hash, &l.Layers, &l.Finished, &l.Gold, &l.Done, &l.GoldDone, &l.Spans, &l.Relations, &l.Notes); err != nil {
			return nil, fmt.Errorf("db: scan what a document holds: %w", err)
		}
		delete(wanted, l.ID)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: what the documents of project %d hold: %w", projectID, err)
	}
	if len(wanted) > 0 && !all {
		return nil, fmt.Errorf("document %d: %w", slices.Min(slices.Collect(maps.Keys(wanted))), ErrNotFound)
	}
	return out, nil
}

// DeleteDocuments deletes documents of a project with every layer, span,
// relation and assignment on them, in one transaction: all of them, or
// none when any id is not one of the project's documents. The event log
// keeps a line for each (its external id, text hash and what it held),
// and no id is ever given to another document: Import numbers documents
// past every id the log names.
func (s *Store) DeleteDocuments(ctx context.Context, projectID int64, ids []int64, by int64) ([]DocumentLoss, error) {
	var gone []DocumentLoss
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if gone, err = documentLosses(ctx, tx, projectID, ids, false); err != nil {
			return err
		}
		for _, l := range gone {
			if _, err := tx.ExecContext(ctx, "DELETE FROM documents WHERE id = ?", l.ID); err != nil {
				return fmt.Errorf("db: delete document %d: %w", l.ID, err)
			}
			if err := logDocumentDelete(ctx, tx, by, projectID, l); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return gone, nil
}

// logDocumentDelete writes the log's line for a deleted document: what it
// was (external id, text hash) and what it held.
func logDocumentDelete(ctx context.Context, tx *sql.Tx, by, projectID int64, l DocumentLoss) error {
	return logEvent(ctx, tx, Event{UserID: by, ProjectID: projectID, DocumentID: l.ID, Action: "document.delete",
		Detail: map[string]any{"name": l.ExternalID, "hash": l.Hash, "layers": l.Layers, "finished": l.Finished,
			"spans": l.Spans, "relations": l.Relations, "notes": l.Notes}})
}

// ProjectLoss is what deleting a project takes with it.
type ProjectLoss struct {
	Documents []DocumentLoss
	Members   int
}

// ProjectLosses says what deleting a project would take.
func (s *Store) ProjectLosses(ctx context.Context, projectID int64) (ProjectLoss, error) {
	var l ProjectLoss
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		var err error
		l, err = projectLosses(ctx, tx, projectID)
		return err
	})
	return l, err
}

func projectLosses(ctx context.Context, q querier, projectID int64) (ProjectLoss, error) {
	var l ProjectLoss
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM memberships WHERE project_id = ?", projectID).Scan(&l.Members); err != nil {
		return l, fmt.Errorf("db: members of project %d: %w", projectID, err)
	}
	var err error
	l.Documents, err = documentLosses(ctx, q, projectID, nil, true)
	return l, err
}

// DeleteProject deletes a project with its label set, members,
// documents and everything annotated on them, in one transaction. The
// log keeps a line for the project and one for each of its documents,
// and neither id is given out again (nextProjectID, nextDocumentID).
func (s *Store) DeleteProject(ctx context.Context, projectID, by int64) (ProjectLoss, error) {
	var l ProjectLoss
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", projectID)
		if err != nil {
			return err
		}
		if l, err = projectLosses(ctx, tx, projectID); err != nil {
			return err
		}
		spans := 0
		for _, d := range l.Documents {
			spans += d.Spans
			if err := logDocumentDelete(ctx, tx, by, projectID, d); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM projects WHERE id = ?", projectID); err != nil {
			return fmt.Errorf("db: delete project %d: %w", projectID, err)
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: projectID, Action: "project.delete",
			Detail: map[string]any{"name": p.Name, "documents": len(l.Documents), "spans": spans, "members": l.Members}})
	})
	return l, err
}
