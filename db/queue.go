package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// QueueItem is a user's work in one project: the documents they are to
// annotate, how many of those their layer marks done, and the first one
// (in import order) that is not done yet, 0 when none is left.
type QueueItem struct {
	ProjectID   int64
	ProjectName string
	Total       int
	Done        int
	Next        int64
}

// queuedDocument is the SQL condition under which document d is in user
// :uid's queue: assigned to them while they may see it (an admin, or a
// member of its project), or, in a project that assigns nothing yet, theirs
// as an annotator of it. Every queued document passes visibleDocument; the
// condition is spelled out rather than ANDed with it because the
// "assigns nothing" test there is correlated per row, which makes a
// queue over a large project quadratic; here it is one uncorrelated
// subquery SQLite evaluates once.
const queuedDocument = `(
  (EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.user_id = :uid)
   AND ((SELECT is_admin FROM users WHERE id = :uid) = 1
        OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = d.project_id AND m.user_id = :uid)))
  OR (EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = d.project_id AND m.user_id = :uid AND m.role = 'annotator')
      AND d.project_id NOT IN (SELECT d2.project_id FROM assignments a JOIN documents d2 ON d2.id = a.document_id)))`

// Queue lists, per project, the documents user is to annotate, in project
// order. A layer counts as finished when it is done or reviewed.
func (s *Store) Queue(ctx context.Context, user User) ([]QueueItem, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT p.id, p.name, count(*),
		       coalesce(sum(l.status IN ('done', 'reviewed')), 0),
		       coalesce(min(CASE WHEN coalesce(l.status, 'new') NOT IN ('done', 'reviewed') THEN d.id END), 0)
		FROM documents d
		JOIN projects p ON p.id = d.project_id
		LEFT JOIN layers l ON l.document_id = d.id AND l.owner_id = :uid
		WHERE `+queuedDocument+`
		GROUP BY p.id ORDER BY p.id`, sql.Named("uid", user.ID))
	if err != nil {
		return nil, fmt.Errorf("db: queue of %s: %w", user.Name, err)
	}
	defer rows.Close()
	var out []QueueItem
	for rows.Next() {
		var q QueueItem
		if err := rows.Scan(&q.ProjectID, &q.ProjectName, &q.Total, &q.Done, &q.Next); err != nil {
			return nil, fmt.Errorf("db: scan queue: %w", err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// MarkDone sets user's own layer of doc to done, creating the layer when
// they have not written to it yet, and returns the layer's status. A layer
// already done or reviewed is left as it is: marking done never undoes a
// review. The caller has checked user may see doc (DocumentFor).
func (s *Store) MarkDone(ctx context.Context, doc Document, user User) (string, error) {
	if user.ID == 0 {
		return "", invalid("user", "only a user's own layer can be marked done")
	}
	var status string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		layer, err := layerID(ctx, tx, doc.ID, user.ID, true)
		if err != nil {
			return err
		}
		n, err := execCount(ctx, tx, fmt.Sprintf("mark layer %d done", layer),
			`UPDATE layers SET status = 'done', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
			WHERE id = ? AND status IN ('new', 'in_progress')`, layer)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT status FROM layers WHERE id = ?", layer).Scan(&status); err != nil {
			return fmt.Errorf("db: load layer %d: %w", layer, err)
		}
		if n == 0 {
			return nil
		}
		return logEvent(ctx, tx, Event{UserID: user.ID, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "layer.done",
			Detail: map[string]any{"layer": user.Name}})
	})
	return status, err
}

// MarkReviewed finishes the review of doc: its gold layer (made now if
// nobody wrote to it) becomes reviewed, read only until a manager reopens
// it, and the status is returned. A reviewed gold layer is left as it is.
// The caller has checked by reviews doc's project.
func (s *Store) MarkReviewed(ctx context.Context, doc Document, by User) (string, error) {
	var status string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		layer, err := layerID(ctx, tx, doc.ID, 0, true)
		if err != nil {
			return err
		}
		n, err := execCount(ctx, tx, fmt.Sprintf("mark layer %d reviewed", layer),
			`UPDATE layers SET status = 'reviewed', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
			WHERE id = ? AND status != 'reviewed'`, layer)
		if err != nil {
			return err
		}
		status = "reviewed"
		if n == 0 {
			return nil
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "layer.reviewed",
			Detail: map[string]any{"layer": "gold"}})
	})
	return status, err
}

// Reopen sets the layer of the user named owner on doc ("gold" for the
// gold layer) back to in progress, so its annotator, or its reviewers,
// work on it again. Only a finished layer can be reopened (ErrConflict
// otherwise). The caller has checked that by manages doc's project.
func (s *Store) Reopen(ctx context.Context, doc Document, by User, owner string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var ownerID int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM users WHERE name = ?", owner).Scan(&ownerID)
		switch {
		case owner == "gold":
			ownerID = 0
		case errors.Is(err, sql.ErrNoRows):
			return invalid("user", "there is no user %q", owner)
		case err != nil:
			return fmt.Errorf("db: find user %q: %w", owner, err)
		}
		layer, err := layerID(ctx, tx, doc.ID, ownerID, false)
		if errors.Is(err, ErrNotFound) {
			return invalid("user", "%s has no layer on document %s", owner, doc.ExternalID)
		}
		if err != nil {
			return err
		}
		n, err := execCount(ctx, tx, fmt.Sprintf("reopen layer %d", layer),
			`UPDATE layers SET status = 'in_progress', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
			WHERE id = ? AND status IN ('done', 'reviewed')`, layer)
		if err != nil {
			return err
		}
		if n == 0 {
			return conflict("the layer of %s on document %s is not finished", owner, doc.ExternalID)
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "layer.reopen",
			Detail: map[string]any{"layer": owner}})
	})
}

// Assignee is a user working on a document: assigned to it, or holding a
// layer of it (in a project that assigns nothing, anyone may), with the
// status of their layer.
type Assignee struct {
	UserID   int64
	Name     string
	Status   string // of their layer; "new" when they have none
	Assigned bool
}

// Assignees lists who works on each of the given documents of a project
// (the page a manager is shown), by name; documents of other projects
// are left out. It is for the project's managers; the caller has checked
// the role.
func (s *Store) Assignees(ctx context.Context, projectID int64, docIDs []int64) (map[int64][]Assignee, error) {
	out := map[int64][]Assignee{}
	if len(docIDs) == 0 {
		return out, nil
	}
	ids, err := json.Marshal(docIDs)
	if err != nil {
		return nil, fmt.Errorf("db: assignees of project %d: %w", projectID, err)
	}
	rows, err := s.r.QueryContext(ctx, `
		WITH page AS (SELECT d.id FROM documents d
		              WHERE d.project_id = :pid AND d.id IN (SELECT value FROM json_each(:ids)))
		SELECT w.document_id, u.id, u.name, coalesce(l.status, 'new'),
		       EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = w.document_id AND a.user_id = u.id)
		FROM (SELECT a.document_id, a.user_id FROM assignments a WHERE a.document_id IN page
		      UNION SELECT l.document_id, l.owner_id FROM layers l
		      WHERE l.document_id IN page AND l.owner_id IS NOT NULL) w
		JOIN users u ON u.id = w.user_id
		LEFT JOIN layers l ON l.document_id = w.document_id AND l.owner_id = u.id
		ORDER BY w.document_id, u.name`, sql.Named("pid", projectID), sql.Named("ids", string(ids)))
	if err != nil {
		return nil, fmt.Errorf("db: assignees of project %d: %w", projectID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		var a Assignee
		if err := rows.Scan(&doc, &a.UserID, &a.Name, &a.Status, &a.Assigned); err != nil {
			return nil, fmt.Errorf("db: scan assignee: %w", err)
		}
		out[doc] = append(out[doc], a)
	}
	return out, rows.Err()
}

// ReviewItem is a reviewer's work in one project: of the documents
// someone annotated (a user's layer exists), those ready for review
// (every user's layer finished, gold not reviewed yet) and those whose
// gold is reviewed, with the first ready one in import order (0: none).
type ReviewItem struct {
	ProjectID   int64
	ProjectName string
	Documents   int // every document of the project, the count Reviewed is out of
	Annotated   int // documents someone other than gold annotated
	Ready       int
	Reviewed    int // documents whose gold is reviewed
	Next        int64
	OpenNotes   int // notes not yet resolved, on any document of the project
}

// ReviewQueue lists, per project user reviews or manages (every project
// for an admin), what is ready for review, in project order.
func (s *Store) ReviewQueue(ctx context.Context, user User) ([]ReviewItem, error) {
	return s.reviewQueue(ctx, user, 0)
}

// NextToReview is the first document of the project ready for user's
// review (ReviewQueue), 0 when there is none.
func (s *Store) NextToReview(ctx context.Context, user User, projectID int64) (int64, error) {
	r, ok, err := s.ReviewOf(ctx, user, projectID)
	if err != nil || !ok {
		return 0, err
	}
	return r.Next, nil
}

// ReviewOf is ReviewQueue's item for one project, and false when user
// neither reviews nor manages it.
func (s *Store) ReviewOf(ctx context.Context, user User, projectID int64) (ReviewItem, bool, error) {
	items, err := s.reviewQueue(ctx, user, projectID)
	if err != nil || len(items) == 0 {
		return ReviewItem{}, false, err
	}
	return items[0], true, nil
}

// reviewQueue is ReviewQueue for one project, or every one (projectID 0).
func (s *Store) reviewQueue(ctx context.Context, user User, projectID int64) ([]ReviewItem, error) {
	rows, err := s.r.QueryContext(ctx, `
		WITH mine AS (
		  SELECT p.id, p.name FROM projects p
		  WHERE (:pid = 0 OR p.id = :pid)
		    AND ((SELECT is_admin FROM users WHERE id = :uid) = 1
		         OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = p.id AND m.user_id = :uid AND m.role IN ('reviewer', 'manager')))
		), docs AS (
		  SELECT d.id, d.project_id,
		         sum(l.owner_id IS NOT NULL) AS layers,
		         sum(l.owner_id IS NOT NULL AND l.status NOT IN ('done', 'reviewed')) AS open,
		         coalesce(max(CASE WHEN l.owner_id IS NULL THEN l.status END), 'new') AS gold
		  FROM documents d JOIN layers l ON l.document_id = d.id
		  WHERE d.project_id IN (SELECT id FROM mine)
		  GROUP BY d.id
		), ready AS (
		  SELECT id, project_id, layers > 0 AS annotated, layers > 0 AND open = 0 AND gold != 'reviewed' AS ready, gold = 'reviewed' AS reviewed FROM docs
		)
		SELECT m.id, m.name, (SELECT count(*) FROM documents d WHERE d.project_id = m.id),
		       coalesce(sum(r.annotated), 0), coalesce(sum(r.ready), 0), coalesce(sum(r.reviewed), 0),
		       coalesce(min(CASE WHEN r.ready THEN r.id END), 0),
		       (SELECT count(*) FROM notes n JOIN documents nd ON nd.id = n.document_id
		        WHERE nd.project_id = m.id AND n.resolved_by IS NULL)
		FROM mine m LEFT JOIN ready r ON r.project_id = m.id
		GROUP BY m.id ORDER BY m.id`, sql.Named("uid", user.ID), sql.Named("pid", projectID))
	if err != nil {
		return nil, fmt.Errorf("db: review queue of %s: %w", user.Name, err)
	}
	defer rows.Close()
	var out []ReviewItem
	for rows.Next() {
		var r ReviewItem
		if err := rows.Scan(&r.ProjectID, &r.ProjectName, &r.Documents, &r.Annotated, &r.Ready, &r.Reviewed, &r.Next, &r.OpenNotes); err != nil {
			return nil, fmt.Errorf("db: scan review queue: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
