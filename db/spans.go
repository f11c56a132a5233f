package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"hashiya/offsets"
)

// Span is a labelled stretch of a document's text in one layer; Start and
// End are code points, End exclusive.
type Span struct {
	ID         int64           `json:"id"`
	Start      int             `json:"start"`
	End        int             `json:"end"`
	Label      string          `json:"label"`
	Text       string          `json:"text"`
	Attributes json.RawMessage `json:"attributes"`
	CreatedBy  int64           `json:"created_by"`
}

// Relation joins two spans of one layer.
type Relation struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
	From int64  `json:"from"`
	To   int64  `json:"to"`
}

// Layer is one owner's annotations of a document; Owner 0 is gold.
type Layer struct {
	Owner     int64
	Status    string
	Spans     []Span
	Relations []Relation
	Version   LayerVersion
}

// LayerVersion names what a layer holds: the layer (0 before anyone
// writes to it) and its revision, which every write to it changes
// (migration 014). Two reads with the same version read the same spans,
// relations and status.
type LayerVersion struct {
	ID       int64
	Revision int64
}

// LayerVersion is the version of owner's layer on document docID, read
// without its spans: the cheap question "has it changed?".
func (s *Store) LayerVersion(ctx context.Context, docID, owner int64) (LayerVersion, error) {
	return layerVersion(ctx, s.r, docID, owner)
}

// LayerOf loads the spans and relations of owner's layer on a document,
// from one snapshot, so no relation names a span the list lacks. A layer
// nobody has written to yet is empty, with status "new".
func (s *Store) LayerOf(ctx context.Context, doc Document, owner int64) (Layer, error) {
	var l Layer
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		var err error
		l, err = layerOf(ctx, tx, doc, owner)
		return err
	})
	return l, err
}

func layerOf(ctx context.Context, q querier, doc Document, owner int64) (Layer, error) {
	l := Layer{Owner: owner, Status: "new", Spans: []Span{}, Relations: []Relation{}}
	err := q.QueryRowContext(ctx, "SELECT id, status, revision FROM layers WHERE document_id = ? AND owner_id IS ?", doc.ID, nullID(owner)).Scan(&l.Version.ID, &l.Status, &l.Version.Revision)
	if errors.Is(err, sql.ErrNoRows) {
		return l, nil
	}
	if err != nil {
		return Layer{}, fmt.Errorf("db: load layer of document %d: %w", doc.ID, err)
	}
	if l.Spans, err = layerSpans(ctx, q, doc.Text, l.Version.ID); err != nil {
		return Layer{}, err
	}
	if l.Relations, err = layerRelations(ctx, q, l.Version.ID); err != nil {
		return Layer{}, err
	}
	return l, nil
}

// snapshot runs fn in a read transaction: every query it makes sees the
// database as it was at the first one.
func (s *Store) snapshot(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("db: begin read: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to undo
	return fn(tx)
}

func layerSpans(ctx context.Context, q querier, text string, layer int64) ([]Span, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, start, "end", label, attributes, created_by FROM spans
		WHERE layer_id = ? ORDER BY start, "end" DESC, id`, layer)
	if err != nil {
		return nil, fmt.Errorf("db: load spans of layer %d: %w", layer, err)
	}
	defer rows.Close()
	idx := offsets.NewIndex(text)
	out := []Span{}
	for rows.Next() {
		var sp Span
		var attrs string
		if err := rows.Scan(&sp.ID, &sp.Start, &sp.End, &sp.Label, &attrs, &sp.CreatedBy); err != nil {
			return nil, fmt.Errorf("db: scan span: %w", err)
		}
		sp.Attributes = json.RawMessage(attrs)
		if sp.Text, err = idx.Slice(sp.Start, sp.End); err != nil {
			return nil, fmt.Errorf("db: span %d of layer %d: %w", sp.ID, layer, err)
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

func layerRelations(ctx context.Context, q querier, layer int64) ([]Relation, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, type, from_span, to_span FROM relations WHERE layer_id = ? ORDER BY id", layer)
	if err != nil {
		return nil, fmt.Errorf("db: load relations of layer %d: %w", layer, err)
	}
	defer rows.Close()
	out := []Relation{}
	for rows.Next() {
		var r Relation
		if err := rows.Scan(&r.ID, &r.Type, &r.From, &r.To); err != nil {
			return nil, fmt.Errorf("db: scan relation: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SpanInput is a span to create or the new values of one to change.
type SpanInput struct {
	Start, End int
	Label      string
	Attributes map[string]any // on creation only
}

// checkSpan validates a span against the document's text and its
// project's label set before anything is written. Offsets an annotator
// sets (newOffsets) must also keep whole grapheme clusters; offsets a span
// was imported with are kept as they are.
func checkSpan(ctx context.Context, tx *sql.Tx, doc Document, in SpanInput, newOffsets bool) error {
	check := doc.checkOffsets
	if newOffsets {
		check = doc.checkNewOffsets
	}
	if err := check(in.Start, in.End); err != nil {
		return invalid("start/end", "%v", err)
	}
	p, err := loadProject(ctx, tx, "id = ?", doc.ProjectID)
	if err != nil {
		return err
	}
	if !p.HasLabel(in.Label) {
		return invalid("label", "label %q is not in project %s's label set", in.Label, p.Name)
	}
	return nil
}

// checkNewOffsets says why start..end cannot be a new span of the text:
// it splits a grapheme cluster, or holds nothing anyone annotates.
func (d Document) checkNewOffsets(start, end int) error {
	text, err := d.checkGraphemes(start, end)
	if err == nil && strings.TrimFunc(text, isBlank) == "" {
		err = fmt.Errorf("%d..%d holds only white space or invisible marks", start, end)
	}
	return err
}

// isBlank is true for what no one annotates on its own: white space and
// the invisible format marks (RLM, LRM, ALM, ZWJ, ZWNJ).
func isBlank(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

// refuseDuplicateSpan is ErrConflict when the layer already holds a span
// other than except with the same offsets and label.
func refuseDuplicateSpan(ctx context.Context, tx *sql.Tx, layer, except int64, in SpanInput) error {
	var dup int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM spans WHERE layer_id = ? AND start = ? AND "end" = ? AND label = ? AND id != ?`,
		layer, in.Start, in.End, in.Label, except).Scan(&dup); err != nil {
		return fmt.Errorf("db: check duplicate span: %w", err)
	}
	if dup > 0 {
		return conflict("a %s span at %d..%d already exists in this layer", in.Label, in.Start, in.End)
	}
	return nil
}

// CreateSpan adds a span to owner's layer (0 is gold), made by user by.
func (s *Store) CreateSpan(ctx context.Context, doc Document, owner, by int64, in SpanInput) (Span, error) {
	var sp Span
	err := s.tx(ctx, func(tx *sql.Tx) (err error) {
		sp, err = createSpanTx(ctx, tx, doc, owner, by, in)
		return err
	})
	return sp, err
}

// createSpanTx validates and inserts one span inside the caller's
// transaction, and logs it.
func createSpanTx(ctx context.Context, tx *sql.Tx, doc Document, owner, by int64, in SpanInput) (Span, error) {
	return insertSpanTx(ctx, tx, doc, owner, by, in, true)
}

// insertSpanTx is createSpanTx for offsets that are new (an annotator's:
// whole grapheme clusters only) or kept from another span (a copy).
func insertSpanTx(ctx context.Context, tx *sql.Tx, doc Document, owner, by int64, in SpanInput, newOffsets bool) (Span, error) {
	if err := refuseFinished(ctx, tx, doc.ID, owner); err != nil {
		return Span{}, err
	}
	if err := checkSpan(ctx, tx, doc, in, newOffsets); err != nil {
		return Span{}, err
	}
	attrs, err := mergeAttributes(nil, in.Attributes, in.Label)
	if err != nil {
		return Span{}, err
	}
	layer, err := layerID(ctx, tx, doc.ID, owner, true)
	if err != nil {
		return Span{}, err
	}
	if err := refuseDuplicateSpan(ctx, tx, layer, 0, in); err != nil {
		return Span{}, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO spans (layer_id, start, "end", label, attributes, created_by) VALUES (?, ?, ?, ?, ?, ?)`,
		layer, in.Start, in.End, in.Label, attrs, by)
	if err != nil {
		return Span{}, fmt.Errorf("db: insert span: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Span{}, fmt.Errorf("db: insert span: %w", err)
	}
	if err := touchLayer(ctx, tx, layer); err != nil {
		return Span{}, err
	}
	sp, err := spanByID(ctx, tx, doc, id)
	if err != nil {
		return Span{}, err
	}
	return sp, logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "span.create", Detail: sp, Layer: layer})
}

// SpanPatch is a change to a span: nil fields stay as they are; in
// Attributes a null value removes the key.
type SpanPatch struct {
	Start, End *int
	Label      *string
	Attributes map[string]any
}

// UpdateSpan applies a patch to a span of owner's layer of doc; a span in
// any other layer is not found. The patch is merged with the stored span
// inside the transaction, so two concurrent edits of different fields
// (one the label, one the offsets) both hold.
func (s *Store) UpdateSpan(ctx context.Context, doc Document, owner, by, spanID int64, p SpanPatch) (Span, error) {
	var sp Span
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		sp, err = updateSpanTx(ctx, tx, doc, owner, by, spanID, p)
		return err
	})
	return sp, err
}

// updateSpanTx is UpdateSpan inside tx.
func updateSpanTx(ctx context.Context, tx *sql.Tx, doc Document, owner, by, spanID int64, p SpanPatch) (Span, error) {
	before, layer, err := ownedSpan(ctx, tx, doc, owner, spanID)
	if err != nil {
		return Span{}, err
	}
	// A done layer says so first, whatever else is wrong with the edit.
	if err := refuseFinished(ctx, tx, doc.ID, owner); err != nil {
		return Span{}, err
	}
	in := SpanInput{Start: before.Start, End: before.End, Label: before.Label}
	if p.Start != nil && p.End != nil {
		in.Start, in.End = *p.Start, *p.End
	}
	if p.Label != nil {
		in.Label = *p.Label
	}
	attrs, err := mergeAttributes(before.Attributes, withoutQuoteAttributes(p.Attributes, before.Label, in.Label), in.Label)
	if err != nil {
		return Span{}, err
	}
	if err := refuseNotInTextWithSpeaker(ctx, tx, layer, spanID, p.Attributes); err != nil {
		return Span{}, err
	}
	if err := checkSpan(ctx, tx, doc, in, p.Start != nil); err != nil {
		return Span{}, err
	}
	if err := refuseDuplicateSpan(ctx, tx, layer, spanID, in); err != nil {
		return Span{}, err
	}
	if in.Label != before.Label {
		if err := checkRelabel(ctx, tx, doc, spanID, in.Label); err != nil {
			return Span{}, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE spans SET start = ?, "end" = ?, label = ?, attributes = ?,
		updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`, in.Start, in.End, in.Label, attrs, spanID); err != nil {
		return Span{}, fmt.Errorf("db: update span %d: %w", spanID, err)
	}
	if err := touchLayer(ctx, tx, layer); err != nil {
		return Span{}, err
	}
	sp, err := spanByID(ctx, tx, doc, spanID)
	if err != nil {
		return Span{}, err
	}
	return sp, logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "span.update",
		Detail: map[string]any{"before": before, "after": sp}, Layer: layer})
}

// DeleteSpan removes a span and, in the same transaction, its relations,
// and returns the span as it was.
func (s *Store) DeleteSpan(ctx context.Context, doc Document, owner, by, spanID int64) (Span, error) {
	var before Span
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		before, err = deleteSpanTx(ctx, tx, doc, owner, by, spanID)
		return err
	})
	return before, err
}

// deleteSpanTx removes one span of owner's layer and its relations, and
// logs it.
func deleteSpanTx(ctx context.Context, tx *sql.Tx, doc Document, owner, by, spanID int64) (Span, error) {
	before, layer, err := ownedSpan(ctx, tx, doc, owner, spanID)
	if err != nil {
		return Span{}, err
	}
	if err := deleteSpanRelationsTx(ctx, tx, doc, by, layer, spanID); err != nil {
		return Span{}, err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM spans WHERE id = ?", spanID); err != nil {
		return Span{}, fmt.Errorf("db: delete span %d: %w", spanID, err)
	}
	if err := touchLayer(ctx, tx, layer); err != nil {
		return Span{}, err
	}
	return before, logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "span.delete", Detail: before, Layer: layer})
}

// deleteSpanRelationsTx removes the relations of a span about to go,
// each logged as if deleted on its own (relation.delete, with its ends'
// labels and texts, read while the span is still there): the activity
// page then says what was unlinked, and nothing leaves the log silently.
func deleteSpanRelationsTx(ctx context.Context, tx *sql.Tx, doc Document, by, layer, spanID int64) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, type, from_span, to_span FROM relations WHERE from_span = ? OR to_span = ? ORDER BY id", spanID, spanID)
	if err != nil {
		return fmt.Errorf("db: find relations of span %d: %w", spanID, err)
	}
	var rels []Relation
	for rows.Next() {
		var r Relation
		if err := rows.Scan(&r.ID, &r.Type, &r.From, &r.To); err != nil {
			rows.Close()
			return fmt.Errorf("db: scan relation of span %d: %w", spanID, err)
		}
		rels = append(rels, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("db: find relations of span %d: %w", spanID, err)
	}
	// A relation joins two spans of one layer, so the span's layer is
	// each relation's.
	for _, r := range rels {
		if err := deleteRelationTx(ctx, tx, doc, by, layer, r); err != nil {
			return err
		}
	}
	return nil
}

// ownedSpan loads a span only if it lies in owner's layer of doc: the
// query itself is the authorization check.
func ownedSpan(ctx context.Context, tx *sql.Tx, doc Document, owner, spanID int64) (Span, int64, error) {
	var layer int64
	err := tx.QueryRowContext(ctx, `SELECT l.id FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE s.id = ? AND l.document_id = ? AND l.owner_id IS ?`, spanID, doc.ID, nullID(owner)).Scan(&layer)
	if errors.Is(err, sql.ErrNoRows) {
		return Span{}, 0, fmt.Errorf("span %d: %w", spanID, ErrNotFound)
	}
	if err != nil {
		return Span{}, 0, fmt.Errorf("db: find span %d: %w", spanID, err)
	}
	sp, err := spanByID(ctx, tx, doc, spanID)
	return sp, layer, err
}

func spanByID(ctx context.Context, q querier, doc Document, id int64) (Span, error) {
	var sp Span
	var attrs string
	err := q.QueryRowContext(ctx, `SELECT id, start, "end", label, attributes, created_by FROM spans WHERE id = ?`, id).
		Scan(&sp.ID, &sp.Start, &sp.End, &sp.Label, &attrs, &sp.CreatedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return Span{}, fmt.Errorf("span %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Span{}, fmt.Errorf("db: load span %d: %w", id, err)
	}
	sp.Attributes = json.RawMessage(attrs)
	sp.Text, err = doc.slice(sp.Start, sp.End)
	return sp, err
}
