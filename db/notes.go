package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxNoteBody is the longest note, in code points: a remark, not an essay.
const MaxNoteBody = 2000

// MaxNotesPerDocument is how many notes one document holds at most.
const MaxNotesPerDocument = 1000

// ErrNoteNotAllowed is a note the caller sees but may not resolve or
// delete; the web layer answers 403.
var ErrNoteNotAllowed = errors.New("not allowed")

// Note is a member's remark on a document, as one viewer sees it: Mine,
// CanResolve and CanDelete are said for that viewer. Start and End (code
// points, End exclusive) and Text anchor it to a passage; nil when the
// note is on the whole document.
type Note struct {
	ID         int64   `json:"id"`
	Author     string  `json:"author"`
	Body       string  `json:"body"`
	Start      *int    `json:"start"`
	End        *int    `json:"end"`
	Text       *string `json:"text"`
	CreatedAt  string  `json:"created_at"`
	Resolved   bool    `json:"resolved"`
	ResolvedBy *string `json:"resolved_by"`
	Mine       bool    `json:"mine"`
	CanResolve bool    `json:"can_resolve"`
	CanDelete  bool    `json:"can_delete"`
}

// NoteInput is a note to write: its body, and a passage or none.
type NoteInput struct {
	Body       string
	Start, End *int
}

// noteVisible is the rule of who reads note n (of document d): its
// author; reviewers, managers and admins of d's project; and everyone
// when a reviewer, manager or admin wrote it. An annotator never reads
// another annotator's notes. Every query of notes uses it.
const noteVisible = `(n.author_id = :uid OR n.author_role != 'annotator'
  OR (SELECT u.is_admin = 1 OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.project_id = d.project_id
      AND m.role IN ('reviewer', 'manager')) FROM users u WHERE u.id = :uid))`

// noteSelect reads notes of document :did as user :uid sees them. The
// viewer's role comes from the same query (an admin is a manager), and the
// WHERE clause is the rule: the document must be visible to the viewer
// (visibleDocument), and a note is visible to its author, to reviewers,
// managers and admins, and to everyone when it was written by a reviewer,
// manager or admin; an annotator never sees another annotator's notes.
// The author may resolve and delete; reviewers also resolve; managers
// (and admins) also delete.
const noteSelect = `WITH viewer (role) AS (
  SELECT CASE WHEN u.is_admin = 1 THEN 'manager' ELSE m.role END FROM users u
  LEFT JOIN memberships m ON m.user_id = u.id AND m.project_id = (SELECT project_id FROM documents WHERE id = :did)
  WHERE u.id = :uid)
SELECT n.id, a.name, n.body, n.start, n."end", n.created_at, r.name,
  n.author_id = :uid,
  n.author_id = :uid OR v.role IN ('reviewer', 'manager'),
  n.author_id = :uid OR v.role = 'manager'
FROM notes n JOIN documents d ON d.id = n.document_id CROSS JOIN viewer v
JOIN users a ON a.id = n.author_id LEFT JOIN users r ON r.id = n.resolved_by
WHERE n.document_id = :did AND ` + visibleDocument + ` AND ` + noteVisible

// Notes lists the notes of doc that viewer may see, oldest first.
func (s *Store) Notes(ctx context.Context, doc Document, viewer User) ([]Note, error) {
	return queryNotes(ctx, s.r, doc.withIndex(), viewer, noteSelect+" ORDER BY n.id")
}

// queryNotes runs noteSelect (with more conditions) and reads the notes.
func queryNotes(ctx context.Context, q querier, doc Document, viewer User, query string, args ...any) ([]Note, error) {
	args = append(args, sql.Named("did", doc.ID), sql.Named("uid", viewer.ID))
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("db: notes of document %d: %w", doc.ID, err)
	}
	defer rows.Close()
	out := []Note{}
	for rows.Next() {
		var n Note
		var start, end sql.NullInt64
		var resolvedBy sql.NullString
		if err := rows.Scan(&n.ID, &n.Author, &n.Body, &start, &end, &n.CreatedAt, &resolvedBy, &n.Mine, &n.CanResolve, &n.CanDelete); err != nil {
			return nil, fmt.Errorf("db: scan note: %w", err)
		}
		if start.Valid && end.Valid {
			s, e := int(start.Int64), int(end.Int64)
			text, err := doc.slice(s, e)
			if err != nil {
				return nil, fmt.Errorf("db: note %d does not fit document %d: %w", n.ID, doc.ID, err)
			}
			n.Start, n.End, n.Text = &s, &e, &text
		}
		if resolvedBy.Valid {
			n.Resolved, n.ResolvedBy = true, &resolvedBy.String
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// noteFor loads one note of doc as viewer sees it; a note of another
// document, or one viewer may not see, is ErrNotFound.
func noteFor(ctx context.Context, q querier, doc Document, viewer User, noteID int64) (Note, error) {
	notes, err := queryNotes(ctx, q, doc, viewer, noteSelect+" AND n.id = :nid", sql.Named("nid", noteID))
	if err != nil {
		return Note{}, err
	}
	if len(notes) == 0 {
		return Note{}, fmt.Errorf("note %d: %w", noteID, ErrNotFound)
	}
	return notes[0], nil
}

// cleanNoteBody is a note's body as stored: line ends made "\n" and white
// space trimmed from both ends. It refuses text that is not UTF-8, is
// empty, runs past MaxNoteBody, or holds control characters other than tab
// and line feed or the bidi embedding, override and isolate controls,
// which would reorder the text around the note wherever it is shown.
func cleanNoteBody(body string) (string, error) {
	if !utf8.ValidString(body) {
		return "", invalid("body", "the text is not valid UTF-8")
	}
	body = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n"))
	if body == "" {
		return "", invalid("body", "a note needs some text")
	}
	if n := utf8.RuneCountInString(body); n > MaxNoteBody {
		return "", invalid("body", "%d characters; at most %d are allowed", n, MaxNoteBody)
	}
	if bad := badCharacter(body, "\t\n", false); bad != "" {
		return "", invalid("body", "%s", bad)
	}
	return body, nil
}

// checkNoteInput validates a note before anything is written: its body,
// and its passage, which must fit the text and keep whole grapheme
// clusters, as a new span must.
func checkNoteInput(doc Document, in NoteInput) (NoteInput, error) {
	body, err := cleanNoteBody(in.Body)
	if err != nil {
		return in, err
	}
	in.Body = body
	switch {
	case (in.Start == nil) != (in.End == nil):
		return in, invalid("start/end", "give both start and end, or neither for a note on the whole document")
	case in.Start != nil:
		if _, err := doc.checkGraphemes(*in.Start, *in.End); err != nil {
			return in, invalid("start/end", "%v", err)
		}
	}
	return in, nil
}

// AddNote writes a note by author on doc, checked first. The author's role
// is stored with it, read in the same statement that finds the document
// visible to them: a document they may not open is ErrNotFound. A
// document holding MaxNotesPerDocument notes refuses more (ErrConflict).
func (s *Store) AddNote(ctx context.Context, doc Document, author User, in NoteInput) (Note, error) {
	in, err := checkNoteInput(doc, in)
	if err != nil {
		return Note{}, err
	}
	var n Note
	err = s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO notes (document_id, author_id, author_role, body, start, "end")
			SELECT d.id, :uid, CASE WHEN u.is_admin = 1 THEN 'manager' ELSE m.role END, :body, :start, :end
			FROM documents d JOIN users u ON u.id = :uid
			LEFT JOIN memberships m ON m.project_id = d.project_id AND m.user_id = u.id
			WHERE d.id = :did AND `+visibleDocument,
			sql.Named("did", doc.ID), sql.Named("uid", author.ID), sql.Named("body", in.Body),
			sql.Named("start", in.Start), sql.Named("end", in.End))
		if err != nil {
			return fmt.Errorf("db: insert note: %w", err)
		}
		if added, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("db: insert note: %w", err)
		} else if added == 0 {
			return fmt.Errorf("document %d: %w", doc.ID, ErrNotFound)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("db: insert note: %w", err)
		}
		// Counted after the insert, which found the document visible to
		// the author, so a document they may not open is 404, never 409.
		var held int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM notes WHERE document_id = ?", doc.ID).Scan(&held); err != nil {
			return fmt.Errorf("db: count notes of document %d: %w", doc.ID, err)
		}
		if held > MaxNotesPerDocument {
			return conflict("document %s holds %d notes, the most a document may hold: delete some first", doc.ExternalID, MaxNotesPerDocument)
		}
		if n, err = noteFor(ctx, tx, doc, author, id); err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: author.ID, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "note.add",
			Detail: map[string]any{"id": n.ID, "body": n.Body, "start": n.Start, "end": n.End, "text": n.Text}})
	})
	return n, err
}

// ResolveNote marks a note resolved by by (resolved) or open again. Its
// author, reviewers, managers and admins may; anyone else who sees it gets
// ErrNoteNotAllowed, and a note they do not see is ErrNotFound. A note
// already in the state asked for is left as it is, unlogged.
func (s *Store) ResolveNote(ctx context.Context, doc Document, by User, noteID int64, resolved bool) (Note, error) {
	var n Note
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if n, err = noteFor(ctx, tx, doc, by, noteID); err != nil {
			return err
		}
		if !n.CanResolve {
			return fmt.Errorf("note %d: %w", noteID, ErrNoteNotAllowed)
		}
		if n.Resolved == resolved {
			return nil
		}
		action, query, args := "note.reopen", "UPDATE notes SET resolved_by = NULL, resolved_at = NULL WHERE id = ?", []any{noteID}
		if resolved {
			action, query, args = "note.resolve", "UPDATE notes SET resolved_by = ?, resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", []any{by.ID, noteID}
		}
		if _, err := tx.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("db: %s %d: %w", action, noteID, err)
		}
		if err := logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: action,
			Detail: map[string]any{"id": n.ID, "author": n.Author, "body": n.Body}}); err != nil {
			return err
		}
		n, err = noteFor(ctx, tx, doc, by, noteID)
		return err
	})
	return n, err
}

// DeleteNote deletes a note. Its author, managers and admins may; anyone
// else who sees it gets ErrNoteNotAllowed, and a note they do not see is
// ErrNotFound. The log keeps what the note said.
func (s *Store) DeleteNote(ctx context.Context, doc Document, by User, noteID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		n, err := noteFor(ctx, tx, doc, by, noteID)
		if err != nil {
			return err
		}
		if !n.CanDelete {
			return fmt.Errorf("note %d: %w", noteID, ErrNoteNotAllowed)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM notes WHERE id = ?", noteID); err != nil {
			return fmt.Errorf("db: delete note %d: %w", noteID, err)
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "note.delete",
			Detail: map[string]any{"id": n.ID, "author": n.Author, "body": n.Body, "start": n.Start, "end": n.End, "text": n.Text,
				"created_at": n.CreatedAt, "resolved_by": n.ResolvedBy}})
	})
}
