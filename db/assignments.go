package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// AssignRequest names a user and documents of one project to give them
// (or take from them): by id, by the external id given at import, or all.
type AssignRequest struct {
	User        string // user name
	DocumentIDs []int64
	ExternalIDs []string
	All         bool
}

// docRef is a document of a project, as assignment events name it.
type docRef struct {
	ID         int64
	ExternalID string
}

// AssignsAny says whether any document of the project is assigned: until
// one is, every annotator of the project opens every document.
func (s *Store) AssignsAny(ctx context.Context, projectID int64) (bool, error) {
	var assigns bool
	err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM assignments a JOIN documents d ON d.id = a.document_id WHERE d.project_id = ?)`, projectID).Scan(&assigns)
	if err != nil {
		return false, fmt.Errorf("db: whether project %d assigns documents: %w", projectID, err)
	}
	return assigns, nil
}

// Assign gives documents of a project to a member. It is all-or-nothing:
// an unknown user, a non-member or any document not in the project writes
// nothing and names what is wrong. It returns how many assignments are new
// (documents already assigned to the user are left as they are).
func (s *Store) Assign(ctx context.Context, projectID int64, by User, req AssignRequest) (int, error) {
	var added int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, u, docs, err := resolveAssignment(ctx, tx, projectID, req, true)
		if err != nil {
			return err
		}
		var names []string
		for _, d := range docs {
			n, err := execCount(ctx, tx, fmt.Sprintf("assign document %d to %s", d.ID, u.Name),
				`INSERT INTO assignments (document_id, user_id, assigned_by) VALUES (?, ?, ?)
				ON CONFLICT (document_id, user_id) DO NOTHING`, d.ID, u.ID, nullID(by.ID))
			if err != nil {
				return err
			}
			if n > 0 {
				names = append(names, d.ExternalID)
			}
		}
		added = len(names)
		if added == 0 {
			return nil // nothing changed, so nothing to log
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: p.ID, Action: "assignment.set",
			Detail: map[string]any{"user": u.Name, "documents": names}})
	})
	return added, err
}

// Unassign takes documents of a project away from a user and returns how
// many assignments it removed. When the last assignment of a project goes,
// every annotator sees every document again (see visibleDocument).
func (s *Store) Unassign(ctx context.Context, projectID int64, by User, req AssignRequest) (int, error) {
	var removed int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, u, docs, err := resolveAssignment(ctx, tx, projectID, req, false)
		if err != nil {
			return err
		}
		var names []string
		for _, d := range docs {
			n, err := execCount(ctx, tx, fmt.Sprintf("unassign document %d from %s", d.ID, u.Name),
				"DELETE FROM assignments WHERE document_id = ? AND user_id = ?", d.ID, u.ID)
			if err != nil {
				return err
			}
			if n > 0 {
				names = append(names, d.ExternalID)
			}
		}
		removed = len(names)
		if removed == 0 {
			return nil
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: p.ID, Action: "assignment.remove",
			Detail: map[string]any{"user": u.Name, "documents": names}})
	})
	return removed, err
}

// resolveAssignment checks a request inside the caller's transaction: the
// project exists, the user exists (and is a member, when member is set:
// a former member's assignments may still be removed), and every document
// named belongs to the project.
func resolveAssignment(ctx context.Context, tx *sql.Tx, projectID int64, req AssignRequest, member bool) (Project, User, []docRef, error) {
	p, err := loadProject(ctx, tx, "id = ?", projectID)
	if err != nil {
		return Project{}, User{}, nil, err
	}
	var u User
	err = tx.QueryRowContext(ctx, "SELECT id, name, is_admin FROM users WHERE name = ?", req.User).Scan(&u.ID, &u.Name, &u.IsAdmin)
	if errors.Is(err, sql.ErrNoRows) {
		return p, u, nil, invalid("user", "there is no user %q", req.User)
	}
	if err != nil {
		return p, u, nil, fmt.Errorf("db: find user %q: %w", req.User, err)
	}
	if member {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM memberships WHERE project_id = ? AND user_id = ?", p.ID, u.ID).Scan(&n); err != nil {
			return p, u, nil, fmt.Errorf("db: check membership of %s: %w", u.Name, err)
		}
		if n == 0 && !u.IsAdmin {
			return p, u, nil, invalid("user", "%s is not a member of project %s: add them first", u.Name, p.Name)
		}
	}
	docs, err := selectDocuments(ctx, tx, p, req)
	return p, u, docs, err
}

// selectDocuments resolves a request's documents, naming every id that is
// not a document of the project, so one error reports them all.
func selectDocuments(ctx context.Context, tx *sql.Tx, p Project, req AssignRequest) ([]docRef, error) {
	if req.All {
		docs, err := queryDocRefs(ctx, tx, "SELECT id, external_id FROM documents WHERE project_id = ? ORDER BY id", p.ID)
		if err == nil && len(docs) == 0 {
			return nil, invalid("documents", "project %s has no documents", p.Name)
		}
		return docs, err
	}
	if len(req.DocumentIDs) == 0 && len(req.ExternalIDs) == 0 {
		return nil, invalid("documents", "choose documents (by id or external id) or all of them")
	}
	var docs []docRef
	var missing []string
	lookup := func(column string, value any) error {
		found, err := queryDocRefs(ctx, tx, "SELECT id, external_id FROM documents WHERE project_id = ? AND "+column+" = ?", p.ID, value)
		if len(found) == 0 && err == nil {
			missing = append(missing, fmt.Sprint(value))
		}
		docs = append(docs, found...)
		return err
	}
	for _, id := range req.DocumentIDs {
		if err := lookup("id", id); err != nil {
			return nil, err
		}
	}
	for _, ext := range req.ExternalIDs {
		if err := lookup("external_id", ext); err != nil {
			return nil, err
		}
	}
	if len(missing) > 0 {
		return nil, invalid("documents", "not documents of project %s: %s", p.Name, strings.Join(missing, ", "))
	}
	slices.SortFunc(docs, func(a, b docRef) int { return cmp.Compare(a.ID, b.ID) })
	return slices.CompactFunc(docs, func(a, b docRef) bool { return a.ID == b.ID }), nil
}

func queryDocRefs(ctx context.Context, q querier, query string, args ...any) ([]docRef, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("db: find documents: %w", err)
	}
	defer rows.Close()
	var out []docRef
	for rows.Next() {
		var d docRef
		if err := rows.Scan(&d.ID, &d.ExternalID); err != nil {
			return nil, fmt.Errorf("db: scan document: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// annotatorLoad is an annotator and how many documents of the project they hold.
type annotatorLoad struct {
	User
	load int
}

// AutoAssign gives every document of a project perDoc annotators, for
// overlap that agreement can be measured on. Only members with the role
// annotator are chosen; each document is topped up from the annotators
// with the fewest documents of the project (ties by name, so the result is
// the same every time), never giving one annotator a document twice. Anyone
// already assigned a document, whatever their role, counts towards its
// perDoc. It returns how many assignments it added.
func (s *Store) AutoAssign(ctx context.Context, projectID int64, by User, perDoc int) (int, error) {
	var added int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", projectID)
		if err != nil {
			return err
		}
		annotators, err := annotatorLoads(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		if len(annotators) == 0 {
			return invalid("per_document", "project %s has no annotators: add members with the role annotator first", p.Name)
		}
		if perDoc < 1 || perDoc > len(annotators) {
			return invalid("per_document", "annotators per document must be 1 to %d (the annotators of project %s), not %d", len(annotators), p.Name, perDoc)
		}
		holders, order, err := documentHolders(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		perUser, err := topUp(ctx, tx, by, perDoc, annotators, holders, order)
		for _, n := range perUser {
			added += n
		}
		if err != nil || added == 0 {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: p.ID, Action: "assignment.auto",
			Detail: map[string]any{"per_document": perDoc, "added": added, "by_user": perUser}})
	})
	return added, err
}

// topUp assigns each document in order until it has perDoc holders or no
// annotator is left who lacks it; it counts the new assignments per name.
func topUp(ctx context.Context, tx *sql.Tx, by User, perDoc int, annotators []annotatorLoad, holders map[int64]map[int64]bool, order []int64) (map[string]int, error) {
	perUser := map[string]int{}
	for _, docID := range order {
		for range max(0, perDoc-len(holders[docID])) {
			i := pickAnnotator(annotators, holders[docID])
			if i < 0 {
				break // every annotator already holds this document
			}
			a := &annotators[i]
			if _, err := tx.ExecContext(ctx, "INSERT INTO assignments (document_id, user_id, assigned_by) VALUES (?, ?, ?)",
				docID, a.ID, nullID(by.ID)); err != nil {
				return perUser, fmt.Errorf("db: assign document %d to %s: %w", docID, a.Name, err)
			}
			holders[docID][a.ID] = true
			a.load++
			perUser[a.Name]++
		}
	}
	return perUser, nil
}

// pickAnnotator is the index of the least-loaded annotator (first by name
// on a tie) who does not hold the document yet, or -1.
func pickAnnotator(annotators []annotatorLoad, holders map[int64]bool) int {
	best := -1
	for i, a := range annotators {
		if holders[a.ID] {
			continue
		}
		if best < 0 || a.load < annotators[best].load {
			best = i // annotators are sorted by name, so the first of equals wins
		}
	}
	return best
}

func annotatorLoads(ctx context.Context, tx *sql.Tx, projectID int64) ([]annotatorLoad, error) {
	rows, err := tx.QueryContext(ctx, `SELECT u.id, u.name,
		(SELECT count(*) FROM assignments a JOIN documents d ON d.id = a.document_id WHERE a.user_id = u.id AND d.project_id = m.project_id)
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.project_id = ? AND m.role = 'annotator' ORDER BY u.name, u.id`, projectID)
	if err != nil {
		return nil, fmt.Errorf("db: list annotators of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var out []annotatorLoad
	for rows.Next() {
		var a annotatorLoad
		if err := rows.Scan(&a.ID, &a.Name, &a.load); err != nil {
			return nil, fmt.Errorf("db: scan annotator: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// documentHolders lists a project's documents in import order with the
// users each is assigned to.
func documentHolders(ctx context.Context, tx *sql.Tx, projectID int64) (map[int64]map[int64]bool, []int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, a.user_id FROM documents d
		LEFT JOIN assignments a ON a.document_id = d.id WHERE d.project_id = ? ORDER BY d.id`, projectID)
	if err != nil {
		return nil, nil, fmt.Errorf("db: load assignments of project %d: %w", projectID, err)
	}
	defer rows.Close()
	holders := map[int64]map[int64]bool{}
	var order []int64
	for rows.Next() {
		var doc int64
		var user sql.NullInt64
		if err := rows.Scan(&doc, &user); err != nil {
			return nil, nil, fmt.Errorf("db: scan assignment: %w", err)
		}
		if holders[doc] == nil {
			holders[doc] = map[int64]bool{}
			order = append(order, doc)
		}
		if user.Valid {
			holders[doc][user.Int64] = true
		}
	}
	return holders, order, rows.Err()
}
