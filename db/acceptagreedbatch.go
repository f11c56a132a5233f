package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// NewAcceptBatch names a new accept across a project: random, so that
// one batch's name tells nothing of another's. Each document's share of
// it is logged under that name (AcceptAgreedInBatch).
func NewAcceptBatch() string {
	return rand.Text()
}

// CheckAcceptBatch refuses a batch name NewAcceptBatch could not have
// made. A page offers its accept across the project under a name made
// as it is drawn, so that the same form sent again (the database was
// busy after some documents were accepted) goes on with the same batch,
// which one undo then takes back whole.
func CheckAcceptBatch(name string) error {
	if len(name) != len(NewAcceptBatch()) || strings.Trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") != "" {
		return invalid("batch", "%q is not the name of an accept across a project: reload the page and accept again", name)
	}
	return nil
}

// AcceptAgreedInBatch is AcceptAgreed of one document of an accept across
// its project, its log entry naming batch, so that UndoAgreedBatch takes
// back every document's share at once. Only finished work is accepted
// across a project (DocumentsToAccept): a document one of whose users'
// layers was reopened since it was read copies nothing, its spans
// counted as changed meanwhile.
func (s *Store) AcceptAgreedInBatch(ctx context.Context, doc Document, refs []SpanRef, by int64, batch string) (LinkCopy, error) {
	if batch == "" {
		return LinkCopy{}, invalid("batch", "an accept across a project needs a batch name")
	}
	return s.acceptAgreed(ctx, doc, refs, by, batch)
}

// DocsToAccept are the documents an accept across a project reaches:
// Ready, in import order, those two users or more hold a layer of, every
// one of those layers done, and gold not finished; Waiting counts those
// with gold not finished that two users or more work on but not all have
// marked done. Agreed are the ready documents holding spans to copy.
type DocsToAccept struct {
	Ready   []int64
	Waiting int
	Agreed  []DocAgreed
}

// DocAgreed names, in a layer holding each, the spans every user's layer
// of a document holds, as read, that gold neither holds, rejects nor
// gives another label at the same offsets: what the review lists as
// agreed and undecided, and what AcceptAgreedInBatch copies.
type DocAgreed struct {
	Document int64
	Refs     []SpanRef
}

// DocumentsToAccept lists the documents of the project an accept across
// it reaches, and their spans to copy, from one snapshot, as INCEpTION's
// curation merges only finished annotation documents: a layer still in
// progress may yet lose or change any span.
func (s *Store) DocumentsToAccept(ctx context.Context, projectID int64) (DocsToAccept, error) {
	var out DocsToAccept
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		var err error
		if out.Ready, out.Waiting, err = docsToAccept(ctx, tx, projectID); err != nil {
			return err
		}
		out.Agreed, err = agreedToAccept(ctx, tx, projectID)
		return err
	})
	return out, err
}

// readyDocs is the SQL of the documents of :project an accept across it
// reaches, with how many of their users' layers are not done (open).
const readyDocs = `SELECT d.id, sum(l.status NOT IN ('done', 'reviewed')) AS open FROM documents d
	JOIN layers l ON l.document_id = d.id AND l.owner_id IS NOT NULL
	LEFT JOIN layers g ON g.document_id = d.id AND g.owner_id IS NULL
	WHERE d.project_id = :project AND coalesce(g.status, 'new') NOT IN ('done', 'reviewed')
	GROUP BY d.id HAVING count(*) >= 2`

func docsToAccept(ctx context.Context, tx *sql.Tx, projectID int64) (ready []int64, waiting int, err error) {
	rows, err := tx.QueryContext(ctx, readyDocs+` ORDER BY d.id`, sql.Named("project", projectID))
	if err != nil {
		return nil, 0, fmt.Errorf("db: documents of project %d to accept: %w", projectID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var open int
		if err := rows.Scan(&id, &open); err != nil {
			return nil, 0, fmt.Errorf("db: scan document to accept: %w", err)
		}
		if open > 0 {
			waiting++
			continue
		}
		ready = append(ready, id)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("db: documents of project %d to accept: %w", projectID, err)
	}
	return ready, waiting, nil
}

// agreedToAccept reads the spans to copy of every ready document, the
// first holder's (by user id) of each, in document and text order.
func agreedToAccept(ctx context.Context, tx *sql.Tx, projectID int64) ([]DocAgreed, error) {
	rows, err := tx.QueryContext(ctx, `WITH ready AS (SELECT id FROM (`+readyDocs+`) WHERE open = 0),
		users AS (SELECT l.id, l.document_id, l.owner_id FROM layers l JOIN ready ON ready.id = l.document_id WHERE l.owner_id IS NOT NULL),
		held AS (
		  SELECT u.document_id AS doc, s.start, s."end", s.label, count(DISTINCT u.owner_id) AS holders, min(u.owner_id) AS owner
		  FROM spans s JOIN users u ON u.id = s.layer_id GROUP BY u.document_id, s.start, s."end", s.label)
		SELECT h.doc, h.owner, (SELECT min(s.id) FROM spans s JOIN users u ON u.id = s.layer_id
		    WHERE u.document_id = h.doc AND u.owner_id = h.owner AND s.start = h.start AND s."end" = h."end" AND s.label = h.label),
		  h.start, h."end", h.label
		FROM held h
		WHERE h.holders = (SELECT count(*) FROM users WHERE users.document_id = h.doc)
		  -- neither in gold nor given another label there by gold
		  AND NOT EXISTS (SELECT 1 FROM layers g JOIN spans gs ON gs.layer_id = g.id
		    WHERE g.document_id = h.doc AND g.owner_id IS NULL AND gs.start = h.start AND gs."end" = h."end")
		  AND NOT EXISTS (SELECT 1 FROM layers g JOIN suggestion_rejections r ON r.layer_id = g.id
		    WHERE g.document_id = h.doc AND g.owner_id IS NULL AND r.start = h.start AND r."end" = h."end" AND r.label = h.label)
		ORDER BY h.doc, h.start, h."end" DESC, h.label`, sql.Named("project", projectID))
	if err != nil {
		return nil, fmt.Errorf("db: agreed spans of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var out []DocAgreed
	for rows.Next() {
		var doc int64
		var ref SpanRef
		if err := rows.Scan(&doc, &ref.Owner, &ref.Span, &ref.Seen.Start, &ref.Seen.End, &ref.Seen.Label); err != nil {
			return nil, fmt.Errorf("db: scan agreed span: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Document != doc {
			out = append(out, DocAgreed{Document: doc})
		}
		out[len(out)-1].Refs = append(out[len(out)-1].Refs, ref)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: agreed spans of project %d: %w", projectID, err)
	}
	return out, nil
}

// unfinishedLayers counts the users' layers of doc not marked done.
func unfinishedLayers(ctx context.Context, tx *sql.Tx, doc Document) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM layers WHERE document_id = ? AND owner_id IS NOT NULL
		AND status NOT IN ('done', 'reviewed')`, doc.ID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("db: unfinished layers of document %d: %w", doc.ID, err)
	}
	return n, nil
}

// BatchShare is one document's share of an accept across a project: the
// log entry of its accept, the document's id and name, and how many
// spans and links it put into gold.
type BatchShare struct {
	Event    int64
	Document int64
	Name     string
	Added    LinkCopy
}

// BatchRefusal is a document whose share of a batch was not taken back,
// and why, in the words UndoAgreedAccept refused it with.
type BatchRefusal struct {
	Document int64
	Name     string
	Reason   string
}

// BatchUndo is what taking back a batch did: what left gold, summed, in
// how many documents, and the documents refused.
type BatchUndo struct {
	Removed LinkCopy
	Docs    int
	Refused []BatchRefusal
}

// OpenBatch lists, in document order, the shares of by's accept batch in
// the project not taken back yet; none for a batch that is another
// user's, of another project, or by a user who is no longer a reviewer
// or manager of the project (an admin counts as a manager).
func (s *Store) OpenBatch(ctx context.Context, projectID, by int64, batch string) ([]BatchShare, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, d.id, d.external_id,
		  coalesce(json_array_length(e.detail, '$.spans'), 0), coalesce(json_array_length(e.detail, '$.relations'), 0) FROM events e
		JOIN documents d ON d.id = e.document_id AND d.project_id = e.project_id
		JOIN users u ON u.id = e.user_id
		LEFT JOIN memberships m ON m.project_id = e.project_id AND m.user_id = e.user_id
		WHERE e.project_id = ? AND e.user_id = ? AND e.action = 'review.accept-agreed'
		  AND json_extract(e.detail, '$.batch') = ?
		  AND (u.is_admin = 1 OR m.role IN ('reviewer', 'manager'))
		  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.document_id = e.document_id
		    AND x.action = 'review.undo-accept' AND json_extract(x.detail, '$.accept') = e.id)
		ORDER BY d.id`, projectID, by, batch)
	if err != nil {
		return nil, fmt.Errorf("db: accept batch of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var out []BatchShare
	for rows.Next() {
		var b BatchShare
		if err := rows.Scan(&b.Event, &b.Document, &b.Name, &b.Added.Spans, &b.Added.Relations); err != nil {
			return nil, fmt.Errorf("db: scan accept batch of project %d: %w", projectID, err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// UndoAgreedBatch takes back every document's share of by's accept batch
// in the project, each in its own transaction by UndoAgreedAccept and
// under its rule: a document whose gold changed since in a way the undo
// would lose, or was marked reviewed, is refused and left as it is, and
// named with why in Refused; the others are taken back all the same.
// ErrNotFound when nothing of the batch is left to take back.
func (s *Store) UndoAgreedBatch(ctx context.Context, projectID, by int64, batch string) (BatchUndo, error) {
	var out BatchUndo
	shares, err := s.OpenBatch(ctx, projectID, by, batch)
	if err != nil {
		return out, err
	}
	if len(shares) == 0 {
		return out, notFound("batch", "no accept of yours across project %d is left to take back under that name: it was taken back already, or is not yours", projectID)
	}
	for _, sh := range shares {
		doc, err := s.Document(ctx, sh.Document)
		if errors.Is(err, ErrNotFound) {
			out.Refused = append(out.Refused, BatchRefusal{Document: sh.Document, Name: sh.Name, Reason: "the document was deleted"})
			continue
		}
		if err != nil {
			return out, err
		}
		n, err := s.UndoAgreedAccept(ctx, doc, by, sh.Event)
		if errors.Is(err, ErrConflict) || errors.Is(err, ErrNotFound) {
			out.Refused = append(out.Refused, BatchRefusal{Document: sh.Document, Name: sh.Name, Reason: err.Error()})
			continue
		}
		if err != nil {
			return out, fmt.Errorf("take back the accept in document %s: %w", sh.Name, err)
		}
		out.Removed.Spans += n.Spans
		out.Removed.Relations += n.Relations
		out.Docs++
	}
	return out, nil
}

// LastAcceptBatch is the batch of by's latest accept of agreed spans in
// the project, while some document's share of it is not taken back:
// what the notice after an accept across the project offers to undo.
// ErrNotFound when there is none, or when by's latest accept was one
// document's alone.
func (s *Store) LastAcceptBatch(ctx context.Context, projectID, by int64) (string, error) {
	var batch string
	err := s.r.QueryRowContext(ctx, `SELECT coalesce(json_extract(detail, '$.batch'), '') FROM events
		WHERE project_id = ? AND user_id = ? AND action = 'review.accept-agreed' ORDER BY id DESC LIMIT 1`, projectID, by).Scan(&batch)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && batch == "") {
		return "", fmt.Errorf("no accept across project %d to take back: %w", projectID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("db: last accept in project %d: %w", projectID, err)
	}
	shares, err := s.OpenBatch(ctx, projectID, by, batch)
	if err != nil {
		return "", err
	}
	if len(shares) == 0 {
		return "", fmt.Errorf("the last accept across project %d was taken back: %w", projectID, ErrNotFound)
	}
	return batch, nil
}
