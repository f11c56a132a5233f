package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"hashiya/offsets"
)

// Document is one text of a project. Its text never changes once stored.
type Document struct {
	ID         int64
	ProjectID  int64
	ExternalID string
	Text       string
	Meta       json.RawMessage
	Hash       string
	// idx maps the text's code points to bytes, built by withIndex for
	// work that checks many spans of one document (a batch, every
	// occurrence of a name): each check then costs nothing per letter of
	// the text before the span. Nil otherwise.
	idx *offsets.Index
}

// withIndex is doc with its code point index built.
func (d Document) withIndex() Document {
	if d.idx == nil {
		d.idx = offsets.NewIndex(d.Text)
	}
	return d
}

// slice is the text of start..end, or why the offsets do not fit.
func (d Document) slice(start, end int) (string, error) {
	if d.idx != nil {
		return d.idx.Slice(start, end)
	}
	return offsets.Slice(d.Text, start, end)
}

// checkOffsets says why start..end does not fit the text, nil when it does.
func (d Document) checkOffsets(start, end int) error {
	if d.idx != nil {
		return d.idx.Check(start, end)
	}
	return offsets.Check(d.Text, start, end)
}

// checkGraphemes is offsets.CheckGraphemes on the document's text.
func (d Document) checkGraphemes(start, end int) (string, error) {
	if d.idx != nil {
		return d.idx.CheckGraphemes(start, end)
	}
	return offsets.CheckGraphemes(d.Text, start, end)
}

// DocumentSummary is a row of a project's document list.
type DocumentSummary struct {
	ID         int64
	ExternalID string
	Preview    string
	Length     int // code points
	Spans      int // in the viewer's layer
	Status     string
	GoldStatus string // the gold layer's: reviewed once its review is finished
	OpenNotes  int    // notes not resolved, of those the viewer may read
}

func textHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Document loads one document.
func (s *Store) Document(ctx context.Context, id int64) (Document, error) {
	return loadDocument(ctx, s.r, id)
}

func loadDocument(ctx context.Context, q querier, id int64) (Document, error) {
	var d Document
	var meta string
	err := q.QueryRowContext(ctx, "SELECT id, project_id, external_id, text, meta, hash FROM documents WHERE id = ?", id).
		Scan(&d.ID, &d.ProjectID, &d.ExternalID, &d.Text, &meta, &d.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Document{}, fmt.Errorf("db: load document %d: %w", id, err)
	}
	d.Meta = json.RawMessage(meta)
	return d, nil
}

// layerID finds the layer of owner (0 for gold) on a document, creating
// it when create is set. Without create, a missing layer is ErrNotFound.
func layerID(ctx context.Context, tx *sql.Tx, docID, owner int64, create bool) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM layers WHERE document_id = ? AND owner_id IS ?", docID, nullID(owner)).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("db: find layer of document %d: %w", docID, err)
	}
	if !create {
		return 0, fmt.Errorf("layer of document %d: %w", docID, ErrNotFound)
	}
	if err := documentStillThere(ctx, tx, docID); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO layers (document_id, owner_id, status) VALUES (?, ?, 'in_progress')", docID, nullID(owner))
	if err != nil {
		return 0, fmt.Errorf("db: create layer of document %d: %w", docID, err)
	}
	return res.LastInsertId()
}

// documentStillThere is ErrNotFound, naming the document, when it has
// been deleted. A save loads its document (and checks who may write)
// before its transaction begins, so a deletion can come in between; the
// layer's INSERT would then fail on its foreign key, a server error, when
// the save is only stale, as one to a span deleted elsewhere is.
func documentStillThere(ctx context.Context, tx *sql.Tx, docID int64) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM documents WHERE id = ?", docID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("document", "document %d was deleted; nothing was saved", docID)
	}
	if err != nil {
		return fmt.Errorf("db: find document %d: %w", docID, err)
	}
	return nil
}

// Finished reports whether a layer status closes the layer to edits.
func Finished(status string) bool { return status == "done" || status == "reviewed" }

// refuseFinished is ErrConflict when owner's layer of doc is finished, so
// a write to it is refused for that reason before its input is checked.
func refuseFinished(ctx context.Context, tx *sql.Tx, docID, owner int64) error {
	var status string
	err := tx.QueryRowContext(ctx, "SELECT status FROM layers WHERE document_id = ? AND owner_id IS ?", docID, nullID(owner)).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("db: load layer of document %d: %w", docID, err)
	}
	return finishedConflict(status)
}

func finishedConflict(status string) error {
	if Finished(status) {
		return conflict("this layer is marked %s; a manager must reopen it before it changes", status)
	}
	return nil
}

// touchLayer marks a layer as worked on. Every write to a layer's spans or
// relations passes here inside its transaction, so a finished layer
// refuses them all (ErrConflict) until a manager reopens it.
func touchLayer(ctx context.Context, tx *sql.Tx, layer int64) error {
	var status string
	if err := tx.QueryRowContext(ctx, "SELECT status FROM layers WHERE id = ?", layer).Scan(&status); err != nil {
		return fmt.Errorf("db: load layer %d: %w", layer, err)
	}
	if err := finishedConflict(status); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE layers SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
		status = CASE status WHEN 'new' THEN 'in_progress' ELSE status END WHERE id = ?`, layer)
	if err != nil {
		return fmt.Errorf("db: touch layer %d: %w", layer, err)
	}
	return nil
}

// Neighbours finds the documents before and after doc, in import order,
// among those user may see (0 when there is none).
func (s *Store) Neighbours(ctx context.Context, doc Document, user User) (prev, next int64, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT
		coalesce((SELECT max(d.id) FROM documents d WHERE d.project_id = :pid AND d.id < :did AND `+visibleDocument+`), 0),
		coalesce((SELECT min(d.id) FROM documents d WHERE d.project_id = :pid AND d.id > :did AND `+visibleDocument+`), 0)`,
		sql.Named("pid", doc.ProjectID), sql.Named("did", doc.ID), sql.Named("uid", user.ID)).Scan(&prev, &next)
	if err != nil {
		return 0, 0, fmt.Errorf("db: neighbours of document %d: %w", doc.ID, err)
	}
	return prev, next, nil
}

// WorksOn is true when user has doc to annotate: it is assigned to them,
// or they have a layer on it (a span written, or the layer marked done).
// A reviewer's document page opens on their own layer then, on gold
// otherwise.
func (s *Store) WorksOn(ctx context.Context, doc Document, user User) (bool, error) {
	var works bool
	err := s.r.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM assignments WHERE document_id = :did AND user_id = :uid)
		OR EXISTS (SELECT 1 FROM layers WHERE document_id = :did AND owner_id = :uid)`,
		sql.Named("did", doc.ID), sql.Named("uid", user.ID)).Scan(&works)
	if err != nil {
		return false, fmt.Errorf("db: does %s work on document %d: %w", user.Name, doc.ID, err)
	}
	return works, nil
}

// LayerOwners names the users who have a layer on a document, by name;
// reviewers open each from the annotation page.
func (s *Store) LayerOwners(ctx context.Context, doc Document) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT u.name FROM layers l JOIN users u ON u.id = l.owner_id
		WHERE l.document_id = ? ORDER BY u.name`, doc.ID)
	if err != nil {
		return nil, fmt.Errorf("db: layer owners of document %d: %w", doc.ID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("db: scan layer owner: %w", err)
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// nextDocumentID is the id the next imported document gets: past every
// document there is and every one the log names, deleted ones included,
// so a link, a bookmark or an event never comes to mean another document.
func nextDocumentID(ctx context.Context, tx *sql.Tx) (int64, error) {
	var last int64
	err := tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(id) FROM documents), 0),
		coalesce((SELECT max(document_id) FROM events), 0))`).Scan(&last)
	if err != nil {
		return 0, fmt.Errorf("db: next document id: %w", err)
	}
	return last + 1, nil
}
