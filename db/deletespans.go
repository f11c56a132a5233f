package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// MaxDeleteSpans is how many spans one DeleteSpans takes.
const MaxDeleteSpans = 10000

// DeleteSpans removes several spans of owner's layer, with their
// relations, in one transaction: all or none (a span not in the layer is
// ErrNotFound and nothing goes). Undoing an accept of many suggestions is
// then one request, not one a span.
func (s *Store) DeleteSpans(ctx context.Context, doc Document, owner, by int64, ids []int64) (int, error) {
	if err := checkDeleteIDs(ids); err != nil {
		return 0, err
	}
	doc = doc.withIndex() // each span's text is read for its event: once through the text, not once a span
	err := s.tx(ctx, func(tx *sql.Tx) error { return deleteSpansTx(ctx, tx, doc, owner, by, ids) })
	if err != nil {
		return 0, err
	}
	return len(ids), nil
}

// DeleteSpansVersioned is DeleteSpans, also answering the layer's
// versions around the write: the spans and every relation from or to
// any of them go.
func (s *Store) DeleteSpansVersioned(ctx context.Context, doc Document, owner, by int64, ids []int64, check LayerCheck) (int, LayerWrite, error) {
	if err := checkDeleteIDs(ids); err != nil {
		return 0, LayerWrite{}, err
	}
	doc = doc.withIndex()
	w, err := s.writeLayer(ctx, doc, owner, check, func(tx *sql.Tx) error { return deleteSpansTx(ctx, tx, doc, owner, by, ids) })
	if err != nil {
		return 0, LayerWrite{}, err
	}
	return len(ids), w, nil
}

// checkDeleteIDs refuses no ids, too many, or one given twice: a
// repeated id would find its span gone the second time and answer 404,
// as if someone else had deleted it.
func checkDeleteIDs(ids []int64) error {
	if len(ids) == 0 {
		return invalid("ids", "no span ids given; give 1 to %d, as {\"ids\": [12, 13]}", MaxDeleteSpans)
	}
	if len(ids) > MaxDeleteSpans {
		return invalid("ids", "give 1 to %d span ids, not %d", MaxDeleteSpans, len(ids))
	}
	first := make(map[int64]int, len(ids))
	for i, id := range ids {
		if j, ok := first[id]; ok {
			return invalid("ids", "span %d is given twice (ids[%d] and ids[%d]); give each span once", id, j, i)
		}
		first[id] = i
	}
	return nil
}

// deleteSpansTx deletes and logs what deleteSpanTx would for each span of
// ids in turn (its relations not yet gone, oldest first, then the span),
// and refuses what it would refuse, but with a few statements over the
// whole batch: one statement a row, compiled anew each time, held the
// write lock every annotator's save waits on for seconds at 10,000 spans.
func deleteSpansTx(ctx context.Context, tx *sql.Tx, doc Document, owner, by int64, ids []int64) error {
	idList, err := json.Marshal(ids)
	if err != nil {
		return fmt.Errorf("db: encode the ids of %d spans: %w", len(ids), err)
	}
	layer, status, err := layerStatus(ctx, tx, doc.ID, owner)
	if err != nil {
		return err
	}
	// The layer is the authorization check, as in ownedSpan; +layer_id
	// keeps SQLite finding each span by its id, not reading the layer.
	spans, err := batchSpans(ctx, tx, doc, spansByIDSQL+" AND +layer_id = ?", idList, layer)
	if err != nil {
		return err
	}
	if err := checkBatch(ids, spans, status); err != nil {
		return err
	}
	rels, err := batchRelations(ctx, tx, idList)
	if err != nil {
		return err
	}
	if err := loadOtherEnds(ctx, tx, doc, spans, rels); err != nil {
		return err
	}
	events, relIDs := batchEvents(doc, by, layer, ids, spans, rels)
	if err := deleteByID(ctx, tx, "relations", relIDs); err != nil {
		return err
	}
	if err := deleteByID(ctx, tx, "spans", ids); err != nil {
		return err
	}
	if err := touchLayer(ctx, tx, layer); err != nil {
		return err
	}
	return logBatch(ctx, tx, events)
}

// layerStatus is the id and status of owner's layer of doc, 0 and "" when
// it has none.
func layerStatus(ctx context.Context, tx *sql.Tx, docID, owner int64) (int64, string, error) {
	var layer int64
	var status string
	err := tx.QueryRowContext(ctx, "SELECT id, status FROM layers WHERE document_id = ? AND owner_id IS ?", docID, nullID(owner)).Scan(&layer, &status)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("db: find layer of document %d: %w", docID, err)
	}
	return layer, status, nil
}

// checkBatch refuses the batch as deleting its spans one by one would: the
// first id whose span is not in the layer is not found, unless the first
// span is there and the layer finished, which touchLayer refuses first.
func checkBatch(ids []int64, spans map[int64]Span, status string) error {
	for i, id := range ids {
		if _, ok := spans[id]; !ok {
			return notFound(fmt.Sprintf("ids[%d]", i), "span %d is not in this layer of the document", id)
		}
		if i == 0 {
			if err := finishedConflict(status); err != nil {
				return err
			}
		}
	}
	return nil
}

// spansByIDSQL loads the spans whose ids are in a JSON array.
const spansByIDSQL = `SELECT id, start, "end", label, attributes, created_by FROM spans WHERE id IN (SELECT value FROM json_each(?))`

// batchSpans loads the spans query (spansByIDSQL, perhaps narrowed)
// finds, with their text, by id.
func batchSpans(ctx context.Context, tx *sql.Tx, doc Document, query string, args ...any) (map[int64]Span, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("db: load spans of document %d: %w", doc.ID, err)
	}
	defer rows.Close()
	spans := map[int64]Span{}
	for rows.Next() {
		var sp Span
		var attrs string
		if err := rows.Scan(&sp.ID, &sp.Start, &sp.End, &sp.Label, &attrs, &sp.CreatedBy); err != nil {
			return nil, fmt.Errorf("db: scan span of document %d: %w", doc.ID, err)
		}
		sp.Attributes = json.RawMessage(attrs)
		if sp.Text, err = doc.slice(sp.Start, sp.End); err != nil {
			return nil, err
		}
		spans[sp.ID] = sp
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: load spans of document %d: %w", doc.ID, err)
	}
	return spans, nil
}

// relationsOfSQL finds the relations from or to the spans whose ids are
// in a JSON array, given twice, oldest first: a UNION, as with OR SQLite
// may read the whole table rather than both indexes.
const relationsOfSQL = `SELECT id, type, from_span, to_span FROM relations WHERE from_span IN (SELECT value FROM json_each(?))
	UNION SELECT id, type, from_span, to_span FROM relations WHERE to_span IN (SELECT value FROM json_each(?)) ORDER BY id`

// batchRelations are the relations from or to any span of idList (a JSON
// array), oldest first.
func batchRelations(ctx context.Context, tx *sql.Tx, idList []byte) ([]Relation, error) {
	rows, err := tx.QueryContext(ctx, relationsOfSQL, idList, idList)
	if err != nil {
		return nil, fmt.Errorf("db: find relations of the spans to delete: %w", err)
	}
	defer rows.Close()
	var rels []Relation
	for rows.Next() {
		var r Relation
		if err := rows.Scan(&r.ID, &r.Type, &r.From, &r.To); err != nil {
			return nil, fmt.Errorf("db: scan relation of the spans to delete: %w", err)
		}
		rels = append(rels, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: find relations of the spans to delete: %w", err)
	}
	return rels, nil
}

// loadOtherEnds adds to spans the ends of rels the batch keeps, whose
// labels and texts their relation.delete events name.
func loadOtherEnds(ctx context.Context, tx *sql.Tx, doc Document, spans map[int64]Span, rels []Relation) error {
	var ends []int64
	seen := map[int64]bool{}
	for _, r := range rels {
		for _, id := range []int64{r.From, r.To} {
			if _, ok := spans[id]; !ok && !seen[id] {
				seen[id] = true
				ends = append(ends, id)
			}
		}
	}
	if len(ends) == 0 {
		return nil
	}
	list, err := json.Marshal(ends)
	if err != nil {
		return fmt.Errorf("db: encode the ids of %d related spans: %w", len(ends), err)
	}
	more, err := batchSpans(ctx, tx, doc, spansByIDSQL, list)
	if err != nil {
		return err
	}
	for _, id := range ends {
		sp, ok := more[id]
		if !ok {
			return fmt.Errorf("span %d: %w", id, ErrNotFound)
		}
		spans[id] = sp
	}
	return nil
}

// batchEvents are the events deleting ids one by one logs: each span's
// relations not logged yet, oldest first, then the span. relIDs are the
// relations, in the order logged.
func batchEvents(doc Document, by, layer int64, ids []int64, spans map[int64]Span, rels []Relation) (events []Event, relIDs []int64) {
	of := map[int64][]Relation{}
	for _, r := range rels {
		of[r.From] = append(of[r.From], r)
		if r.To != r.From {
			of[r.To] = append(of[r.To], r)
		}
	}
	logged := map[int64]bool{}
	event := func(action string, detail any) Event {
		return Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: action, Detail: detail, Layer: layer}
	}
	for _, id := range ids {
		for _, r := range of[id] {
			if logged[r.ID] {
				continue
			}
			logged[r.ID] = true
			relIDs = append(relIDs, r.ID)
			from, to := spans[r.From], spans[r.To]
			events = append(events, event("relation.delete",
				relationEvent{Relation: r, FromLabel: from.Label, FromText: from.Text, ToLabel: to.Label, ToText: to.Text}))
		}
		events = append(events, event("span.delete", spans[id]))
	}
	return events, relIDs
}

// deleteByIDSQL deletes the rows of a table whose ids are in a JSON array.
func deleteByIDSQL(table string) string {
	if table == "relations" {
		return "DELETE FROM relations WHERE id IN (SELECT value FROM json_each(?))"
	}
	return "DELETE FROM spans WHERE id IN (SELECT value FROM json_each(?))"
}

// deleteByID deletes the rows of table, spans or relations, with the
// given ids, every one of which must be there.
func deleteByID(ctx context.Context, tx *sql.Tx, table string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return fmt.Errorf("db: encode the ids of %d %s: %w", len(ids), table, err)
	}
	query := deleteByIDSQL(table)
	what := fmt.Sprintf("delete %d %s", len(ids), table)
	n, err := execCount(ctx, tx, what, query, list)
	if err != nil {
		return err
	}
	if n != int64(len(ids)) {
		return fmt.Errorf("db: %s: %d were there", what, n)
	}
	return nil
}
