package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// RelationInput is a relation to create.
type RelationInput struct {
	Type     string
	From, To int64
}

// CreateRelation joins two spans of owner's layer, refusing a relation
// type the project lacks or labels its rule does not allow.
func (s *Store) CreateRelation(ctx context.Context, doc Document, owner, by int64, in RelationInput) (Relation, error) {
	r := Relation{Type: in.Type, From: in.From, To: in.To}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", doc.ProjectID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(p.RelationTypes, func(rt RelationType) bool { return rt.Name == in.Type })
		if i < 0 {
			return invalid("type", "relation type %q is not defined in project %s", in.Type, p.Name)
		}
		rule := p.RelationTypes[i]
		from, layer, err := ownedSpan(ctx, tx, doc, owner, in.From)
		if errors.Is(err, ErrNotFound) {
			return invalid("from", "span %d is not in this layer of the document", in.From)
		} else if err != nil {
			return err
		}
		to, _, err := ownedSpan(ctx, tx, doc, owner, in.To)
		if errors.Is(err, ErrNotFound) {
			return invalid("to", "span %d is not in this layer of the document", in.To)
		} else if err != nil {
			return err
		}
		if len(rule.From) > 0 && !slices.Contains(rule.From, from.Label) || len(rule.To) > 0 && !slices.Contains(rule.To, to.Label) {
			return invalid("type", "a %s relation joins %v -> %v, not %s -> %s", rule.Name, rule.From, rule.To, from.Label, to.Label)
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO relations (layer_id, type, from_span, to_span, created_by) VALUES (?, ?, ?, ?, ?)",
			layer, in.Type, in.From, in.To, by)
		if err != nil {
			return fmt.Errorf("db: insert relation: %w", err)
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("db: insert relation: %w", err)
		}
		if err := touchLayer(ctx, tx, layer); err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "relation.create", Detail: r})
	})
	return r, err
}

// DeleteRelation removes a relation of owner's layer.
func (s *Store) DeleteRelation(ctx context.Context, doc Document, owner, by, relationID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var r Relation
		var layer int64
		err := tx.QueryRowContext(ctx, `SELECT r.id, r.type, r.from_span, r.to_span, l.id FROM relations r JOIN layers l ON l.id = r.layer_id
			WHERE r.id = ? AND l.document_id = ? AND l.owner_id IS ?`, relationID, doc.ID, nullID(owner)).
			Scan(&r.ID, &r.Type, &r.From, &r.To, &layer)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("relation %d: %w", relationID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("db: find relation %d: %w", relationID, err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM relations WHERE id = ?", relationID); err != nil {
			return fmt.Errorf("db: delete relation %d: %w", relationID, err)
		}
		if err := touchLayer(ctx, tx, layer); err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "relation.delete", Detail: r})
	})
}
