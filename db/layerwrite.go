package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// LayerWrite is what one write's own transaction read of the layer it
// wrote: the layer's version and its project (whose labels and rules the
// spans API answers with the layer) just before the write and just after
// it. Read inside the write's transaction, no other write comes between
// them: a client holding the layer as it was Before holds it as it is
// After once it applies this write alone.
type LayerWrite struct {
	Before, After               LayerVersion
	ProjectBefore, ProjectAfter Project
}

// LayerCheck judges a layer as a write finds it, in the write's own
// transaction, before anything is written: an error refuses the write
// (a client's If-Match naming a layer that has changed since). Nil
// checks nothing.
type LayerCheck func(before LayerVersion, p Project) error

// writeLayer runs fn, a write to owner's layer of doc, in one
// transaction between the two reads of LayerWrite, once check passes
// the first.
func (s *Store) writeLayer(ctx context.Context, doc Document, owner int64, check LayerCheck, fn func(tx *sql.Tx) error) (LayerWrite, error) {
	var w LayerWrite
	err := s.tx(ctx, func(tx *sql.Tx) (err error) {
		if w.Before, w.ProjectBefore, err = layerState(ctx, tx, doc, owner); err != nil {
			return err
		}
		if check != nil {
			if err := check(w.Before, w.ProjectBefore); err != nil {
				return err
			}
		}
		if err := fn(tx); err != nil {
			return err
		}
		w.After, w.ProjectAfter, err = layerState(ctx, tx, doc, owner)
		return err
	})
	return w, err
}

// layerState reads owner's layer's version on doc and doc's project.
func layerState(ctx context.Context, q querier, doc Document, owner int64) (LayerVersion, Project, error) {
	v, err := layerVersion(ctx, q, doc.ID, owner)
	if err != nil {
		return v, Project{}, err
	}
	p, err := loadProject(ctx, q, "id = ?", doc.ProjectID)
	return v, p, err
}

// layerVersion is the version of owner's layer on document docID; a layer
// not made yet is LayerVersion{}.
func layerVersion(ctx context.Context, q querier, docID, owner int64) (LayerVersion, error) {
	var v LayerVersion
	err := q.QueryRowContext(ctx, "SELECT id, revision FROM layers WHERE document_id = ? AND owner_id IS ?", docID, nullID(owner)).Scan(&v.ID, &v.Revision)
	if errors.Is(err, sql.ErrNoRows) {
		return LayerVersion{}, nil
	}
	if err != nil {
		return LayerVersion{}, fmt.Errorf("db: load the version of a layer of document %d: %w", docID, err)
	}
	return v, nil
}

// CreateSpanVersioned is CreateSpan, also answering the layer's versions
// around the write, once check passes the layer as the write finds it.
func (s *Store) CreateSpanVersioned(ctx context.Context, doc Document, owner, by int64, in SpanInput, check LayerCheck) (Span, LayerWrite, error) {
	var sp Span
	w, err := s.writeLayer(ctx, doc, owner, check, func(tx *sql.Tx) (err error) {
		sp, err = createSpanTx(ctx, tx, doc, owner, by, in)
		return err
	})
	return sp, w, err
}

// UpdateSpanVersioned is UpdateSpan, also answering the layer's versions
// around the write. A span's update changes that span's row alone: a new
// label its relations' rules refuse is refused, not unlinked.
func (s *Store) UpdateSpanVersioned(ctx context.Context, doc Document, owner, by, spanID int64, p SpanPatch, check LayerCheck) (Span, LayerWrite, error) {
	var sp Span
	w, err := s.writeLayer(ctx, doc, owner, check, func(tx *sql.Tx) (err error) {
		sp, err = updateSpanTx(ctx, tx, doc, owner, by, spanID, p)
		return err
	})
	return sp, w, err
}

// DeleteSpanVersioned is DeleteSpan, also answering the layer's versions
// around the write: the span and every relation from or to it go.
func (s *Store) DeleteSpanVersioned(ctx context.Context, doc Document, owner, by, spanID int64, check LayerCheck) (Span, LayerWrite, error) {
	var before Span
	w, err := s.writeLayer(ctx, doc, owner, check, func(tx *sql.Tx) (err error) {
		before, err = deleteSpanTx(ctx, tx, doc, owner, by, spanID)
		return err
	})
	return before, w, err
}

// CreateRelationVersioned is CreateRelation, also answering the layer's
// versions around the write.
func (s *Store) CreateRelationVersioned(ctx context.Context, doc Document, owner, by int64, in RelationInput, check LayerCheck) (Relation, LayerWrite, error) {
	var r Relation
	w, err := s.writeLayer(ctx, doc, owner, check, func(tx *sql.Tx) (err error) {
		r, err = createRelationTx(ctx, tx, doc, owner, by, in)
		return err
	})
	return r, w, err
}

// DeleteRelationVersioned is DeleteRelation, also answering the layer's
// versions around the write.
func (s *Store) DeleteRelationVersioned(ctx context.Context, doc Document, owner, by, relationID int64, check LayerCheck) (LayerWrite, error) {
	return s.writeLayer(ctx, doc, owner, check, func(tx *sql.Tx) error {
		return deleteOwnedRelationTx(ctx, tx, doc, owner, by, relationID)
	})
}
