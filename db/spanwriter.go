package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// spanWriter inserts many new spans of one label into one layer inside a
// transaction, each logged as span.create like createSpanTx's, with what
// createSpanTx asks once per span (the layer, whether it is finished, the
// project's labels) asked once, and its two statements compiled once:
// SQLite compiling them anew for each of 8,000 spans took most of the
// time of labelling a common word throughout a long document.
type spanWriter struct {
	doc         Document
	by, layer   int64
	label       string
	attrs       string
	insert, log *sql.Stmt
}

// newSpanWriter readies owner's layer of doc (made if need be) for spans
// labelled label, refused as createSpanTx refuses them: the layer is
// finished, or the label not in the project's set. Close it when done.
func newSpanWriter(ctx context.Context, tx *sql.Tx, doc Document, owner, by int64, label string) (*spanWriter, error) {
	if err := refuseFinished(ctx, tx, doc.ID, owner); err != nil {
		return nil, err
	}
	p, err := loadProject(ctx, tx, "id = ?", doc.ProjectID)
	if err != nil {
		return nil, err
	}
	if !p.HasLabel(label) {
		return nil, invalid("label", "label %q is not in project %s's label set", label, p.Name)
	}
	attrs, err := mergeAttributes(nil, nil, label)
	if err != nil {
		return nil, err
	}
	layer, err := layerID(ctx, tx, doc.ID, owner, true)
	if err != nil {
		return nil, err
	}
	if err := touchLayer(ctx, tx, layer); err != nil {
		return nil, err
	}
	w := &spanWriter{doc: doc.withIndex(), by: by, layer: layer, label: label, attrs: attrs}
	if w.insert, err = tx.PrepareContext(ctx, `INSERT INTO spans (layer_id, start, "end", label, attributes, created_by) VALUES (?, ?, ?, ?, ?, ?)`); err != nil {
		return nil, fmt.Errorf("db: prepare span insert: %w", err)
	}
	if w.log, err = tx.PrepareContext(ctx, layerEventSQL); err != nil {
		return nil, errors.Join(fmt.Errorf("db: prepare event log: %w", err), w.Close())
	}
	return w, nil
}

// add inserts a span at start..end, whose offsets must be whole grapheme
// clusters holding something; the caller has made sure the layer holds
// no span of the same extent and label.
func (w *spanWriter) add(ctx context.Context, start, end int) (Span, error) {
	if err := w.doc.checkNewOffsets(start, end); err != nil {
		return Span{}, invalid("start/end", "%v", err)
	}
	text, err := w.doc.slice(start, end)
	if err != nil {
		return Span{}, invalid("start/end", "%v", err)
	}
	res, err := w.insert.ExecContext(ctx, w.layer, start, end, w.label, w.attrs, w.by)
	if err != nil {
		return Span{}, fmt.Errorf("db: insert span: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Span{}, fmt.Errorf("db: insert span: %w", err)
	}
	sp := Span{ID: id, Start: start, End: end, Label: w.label, Text: text, Attributes: json.RawMessage(w.attrs), CreatedBy: w.by}
	e := Event{UserID: w.by, ProjectID: w.doc.ProjectID, DocumentID: w.doc.ID, Action: "span.create", Detail: sp, Layer: w.layer}
	detail, err := json.Marshal(sp)
	if err != nil {
		return Span{}, fmt.Errorf("db: encode event %s: %w", e.Action, err)
	}
	args, err := layerEventArgs(e, detail)
	if err != nil {
		return Span{}, err
	}
	r, err := w.log.ExecContext(ctx, args...)
	return sp, layerEventLogged(e, r, err)
}

// Close releases the compiled statements.
func (w *spanWriter) Close() error {
	var errs []error
	for _, st := range []*sql.Stmt{w.insert, w.log} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}
