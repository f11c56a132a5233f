package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// LayerCount is what one layer holds across a project: the documents
// that have it and its spans. Layer is "gold" or its owner's name.
type LayerCount struct {
	Layer     string
	Documents int
	Spans     int
}

// ExportCounts is what an export of a project would hold, as its form
// says beside each layer: every export writes each document (one without
// the layer with no spans), so Documents is the file's documents and
// Layers says how many of them have each layer and with how many spans.
// Bare is the documents with no layer at all (of those counted), which
// the export of every layer writes once, as gold.
type ExportCounts struct {
	Documents int
	Bare      int
	Layers    []LayerCount // gold first, then owners by name; only layers that exist
}

// Layer is the count of the layer named ("gold" or a user's name); a
// layer no document has counts zero.
func (c ExportCounts) Layer(name string) LayerCount {
	for _, l := range c.Layers {
		if l.Layer == name {
			return l
		}
	}
	return LayerCount{Layer: name}
}

// Lines is how many lines the export of every layer writes: one per
// layer, and one per document without any.
func (c ExportCounts) Lines() int {
	n := c.Bare
	for _, l := range c.Layers {
		n += l.Documents
	}
	return n
}

// Spans is the spans of every layer counted.
func (c ExportCounts) Spans() int {
	n := 0
	for _, l := range c.Layers {
		n += l.Spans
	}
	return n
}

// exportCountsQuery counts, in one pass over the project's documents,
// the documents (a first row) and every layer by owner (gold's owner is
// 0 here, its name NULL), spans counted per layer on the spans_layer
// index. Only what by may see is counted (visibleDocument), and of the
// layers only their own unless they see every layer (an admin, or a
// member who is no annotator), so a member never learns the size of a
// layer they may not open.
const exportCountsQuery = `WITH seen AS (
  SELECT d.id FROM documents d WHERE d.project_id = :pid AND ` + visibleDocument + `
), everyLayer AS (
  SELECT (SELECT is_admin FROM users WHERE id = :uid) = 1
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = :pid AND m.user_id = :uid AND m.role != 'annotator') AS yes
), layer AS (
  SELECT coalesce(l.owner_id, 0) AS owner, (SELECT count(*) FROM spans s WHERE s.layer_id = l.id) AS spans
  FROM seen JOIN layers l ON l.document_id = seen.id
  WHERE (SELECT yes FROM everyLayer) OR l.owner_id = :uid
)
SELECT 'documents', NULL, count(*), coalesce(sum(NOT EXISTS (SELECT 1 FROM layers l WHERE l.document_id = seen.id
  AND ((SELECT yes FROM everyLayer) OR l.owner_id = :uid))), 0) FROM seen
UNION ALL
SELECT 'layer', u.name, count(*), sum(layer.spans) FROM layer LEFT JOIN users u ON u.id = layer.owner
GROUP BY layer.owner`

// ExportCounts counts what an export of the project would hold, of what
// by may see (exportCountsQuery), in one query for every layer.
func (s *Store) ExportCounts(ctx context.Context, projectID int64, by User) (ExportCounts, error) {
	rows, err := s.r.QueryContext(ctx, exportCountsQuery, sql.Named("pid", projectID), sql.Named("uid", by.ID))
	if err != nil {
		return ExportCounts{}, fmt.Errorf("db: count export of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var c ExportCounts
	for rows.Next() {
		var kind string
		var owner sql.NullString // NULL: gold
		var docs, n int
		if err := rows.Scan(&kind, &owner, &docs, &n); err != nil {
			return ExportCounts{}, fmt.Errorf("db: scan export count of project %d: %w", projectID, err)
		}
		switch {
		case kind == "documents":
			c.Documents, c.Bare = docs, n
		case owner.Valid:
			c.Layers = append(c.Layers, LayerCount{Layer: owner.String, Documents: docs, Spans: n})
		default:
			c.Layers = append(c.Layers, LayerCount{Layer: "gold", Documents: docs, Spans: n})
		}
	}
	if err := rows.Err(); err != nil {
		return ExportCounts{}, fmt.Errorf("db: count export of project %d: %w", projectID, err)
	}
	sortLayerCounts(c.Layers)
	return c, nil
}

// sortLayerCounts puts gold first, then the owners' layers by name (no
// user may be called gold: reservedNames).
func sortLayerCounts(ls []LayerCount) {
	slices.SortFunc(ls, func(a, b LayerCount) int {
		if (a.Layer == "gold") != (b.Layer == "gold") {
			if a.Layer == "gold" {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Layer, b.Layer)
	})
}
