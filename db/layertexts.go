package db

import (
	"context"
	"database/sql"
	"fmt"
)

// EachDocumentLayersTextOnDemand is EachDocumentLayers without the
// documents' texts: fn reads a document's text, from the same snapshot,
// by calling text, so a page showing a few documents' words reads only
// theirs.
func (s *Store) EachDocumentLayersTextOnDemand(ctx context.Context, projectID int64, fn func(d DocumentLayers, text func() (string, error)) error) error {
	return s.eachDocumentLayers(ctx, projectID, false, func(d DocumentLayers, tx *sql.Tx) error {
		return fn(d, func() (string, error) {
			var text string
			if err := tx.QueryRowContext(ctx, "SELECT text FROM documents WHERE id = ?", d.ID).Scan(&text); err != nil {
				return "", fmt.Errorf("db: text of document %d: %w", d.ID, err)
			}
			return text, nil
		})
	})
}
