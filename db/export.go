package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hashiya/db/codec"
)

// AllLayers is the export layer that selects every layer of each document.
const AllLayers = "all"

// exportColumns is what an export reads of each document and layer; a
// join follows, choosing the layers.
const exportColumns = `SELECT d.id, d.external_id, d.text, d.meta, l.id, coalesce(l.status, 'new'), coalesce(u.name, 'gold')
		FROM documents d `

// everyLayerJoin chooses every layer of each document, gold first; a
// document nobody has touched still gets its line, as gold.
const everyLayerJoin = "LEFT JOIN layers l ON l.document_id = d.id LEFT JOIN users u ON u.id = l.owner_id WHERE d.project_id = ? ORDER BY d.id, l.owner_id IS NOT NULL, u.name"

// ExportLayers streams a project's documents with the chosen layer ("gold",
// a user name, or "all" for every layer that exists) to fn, one document
// and layer at a time, from one read transaction: a consistent snapshot
// that never holds the write lock. With a single layer, documents without
// it are exported with no spans and status "new"; with all, a document
// without any layer is exported once, so, as gold.
func (s *Store) ExportLayers(ctx context.Context, projectID int64, layer string, fn func(codec.ExportDoc) error) error {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin export: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to undo
	q := exportColumns
	var args []any
	switch layer {
	case AllLayers:
		q += everyLayerJoin
		args = []any{projectID}
	case "gold":
		q += "LEFT JOIN layers l ON l.document_id = d.id AND l.owner_id IS NULL LEFT JOIN users u ON u.id = l.owner_id WHERE d.project_id = ? ORDER BY d.id"
		args = []any{projectID}
	default:
		owner, err := exportedUser(ctx, tx, projectID, layer)
		if err != nil {
			return err
		}
		q += "LEFT JOIN layers l ON l.document_id = d.id AND l.owner_id = ? LEFT JOIN users u ON u.id = l.owner_id WHERE d.project_id = ? ORDER BY d.id"
		args = []any{owner, projectID}
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("db: export project %d: %w", projectID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d codec.ExportDoc
		var docID int64
		var layerID sql.NullInt64
		var meta string
		if err := rows.Scan(&docID, &d.ExternalID, &d.Text, &meta, &layerID, &d.Status, &d.Layer); err != nil {
			return fmt.Errorf("db: scan export row: %w", err)
		}
		if !layerID.Valid && layer != "gold" && layer != AllLayers {
			d.Layer = layer
		}
		d.Meta = json.RawMessage(meta)
		if layerID.Valid {
			if err := exportLayer(ctx, tx, layerID.Int64, &d); err != nil {
				return err
			}
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return rows.Err()
}

// exportedUser is the id of the user whose layer an export names: one
// with work in the project (a member, an admin, or someone who left
// their layers behind). Anyone else's layer would be an export of empty
// layers that looks like a finished one, so is refused, as an unknown
// name is.
func exportedUser(ctx context.Context, tx *sql.Tx, projectID int64, name string) (int64, error) {
	var owner int64
	var belongs bool
	var project string
	err := tx.QueryRowContext(ctx, `SELECT u.id, u.is_admin = 1
		OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = p.id AND m.user_id = u.id)
		OR EXISTS (SELECT 1 FROM layers l JOIN documents d ON d.id = l.document_id WHERE d.project_id = p.id AND l.owner_id = u.id), p.name
		FROM users u JOIN projects p ON p.id = ? WHERE u.name = ?`, projectID, name).Scan(&owner, &belongs, &project)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, invalid("layer", "no user %q: a layer is gold, all, or a user name", name)
	}
	if err != nil {
		return 0, fmt.Errorf("db: find layer %q: %w", name, err)
	}
	if !belongs {
		return 0, invalid("layer", "user %s is not a member of project %s and has no layer in it", name, project)
	}
	return owner, nil
}

func exportLayer(ctx context.Context, tx *sql.Tx, layer int64, d *codec.ExportDoc) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, start, "end", label, attributes FROM spans WHERE layer_id = ? ORDER BY start, "end", id`, layer)
	if err != nil {
		return fmt.Errorf("db: export spans of layer %d: %w", layer, err)
	}
	defer rows.Close()
	for rows.Next() {
		var sp codec.ExportSpan
		var attrs string
		if err := rows.Scan(&sp.ID, &sp.Start, &sp.End, &sp.Label, &attrs); err != nil {
			return fmt.Errorf("db: scan export span: %w", err)
		}
		sp.Attributes = json.RawMessage(attrs)
		d.Spans = append(d.Spans, sp)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("db: export spans of layer %d: %w", layer, err)
	}
	rels, err := layerRelations(ctx, tx, layer)
	if err != nil {
		return err
	}
	for _, r := range rels {
		d.Relations = append(d.Relations, codec.ExportRelation{ID: r.ID, Type: r.Type, From: r.From, To: r.To})
	}
	return nil
}

// WithStatus passes on to fn only the exported layers whose status is
// status (reviewed, to export only what review finished); "" passes them
// all. An unknown status is a validation error, found before anything is
// read.
func WithStatus(status string, fn func(codec.ExportDoc) error) (func(codec.ExportDoc) error, error) {
	if status == "" {
		return fn, nil
	}
	if !validStatus(status) {
		return nil, invalid("status", "%q is not new, in_progress, done or reviewed", status)
	}
	return func(d codec.ExportDoc) error {
		if d.Status != status {
			return nil
		}
		return fn(d)
	}, nil
}
