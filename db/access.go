package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Role is what a member may do in a project.
type Role string

// Roles, each allowed what the one before it is, and more.
const (
	RoleAnnotator Role = "annotator" // their own layer of documents assigned to them
	RoleReviewer  Role = "reviewer"  // every layer of the project; edits gold
	RoleManager   Role = "manager"   // settings, label set, members, import, export, assignment
)

var roleRank = map[Role]int{RoleAnnotator: 1, RoleReviewer: 2, RoleManager: 3}

// ParseRole checks a role name.
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if roleRank[r] == 0 {
		return "", invalid("role", "role %q is not annotator, reviewer or manager", s)
	}
	return r, nil
}

// AtLeast reports whether r allows everything o allows.
func (r Role) AtLeast(o Role) bool { return roleRank[r] >= roleRank[o] }

// visibleDocument is the SQL condition under which user ?1 sees document
// d: an admin, any non-annotator member, or an annotator when the project
// assigns nothing yet or assigns d to them. Work done before the project
// assigned anything is not theirs to open once d is assigned to others:
// an annotator sees only what is assigned to them (the authorization
// matrix holds this). Every document query a user
// makes goes through it, so authorization lives in the query itself. The
// "assigns nothing yet" test is a NOT IN over a subquery SQLite runs once,
// not a correlated NOT EXISTS that would rescan the project per document.
const visibleDocument = `(
  (SELECT is_admin FROM users WHERE id = :uid) = 1
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = d.project_id AND m.user_id = :uid AND (
    m.role != 'annotator'
    OR EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.user_id = :uid)
    OR d.project_id NOT IN (SELECT d2.project_id FROM assignments a JOIN documents d2 ON d2.id = a.document_id))))`

// ProjectFor loads a project for user with their role in it (an admin is
// a manager everywhere). A project user is not a member of is ErrNotFound,
// exactly like one that does not exist.
func (s *Store) ProjectFor(ctx context.Context, projectID int64, user User) (Project, Role, error) {
	role, err := s.roleIn(ctx, projectID, user)
	if err != nil {
		return Project{}, "", err
	}
	p, err := s.Project(ctx, projectID)
	return p, role, err
}

func (s *Store) roleIn(ctx context.Context, projectID int64, user User) (Role, error) {
	var role string
	err := s.r.QueryRowContext(ctx, `SELECT CASE WHEN u.is_admin = 1 THEN 'manager' ELSE m.role END
		FROM projects p JOIN users u ON u.id = ?
		LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = u.id
		WHERE p.id = ? AND (u.is_admin = 1 OR m.role IS NOT NULL)`, user.ID, projectID).Scan(&role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("project %d: %w", projectID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("db: role in project %d: %w", projectID, err)
	}
	return Role(role), nil
}

// DocumentFor loads a document the user may see, with their role in its
// project; any other document is ErrNotFound.
func (s *Store) DocumentFor(ctx context.Context, docID int64, user User) (Document, Role, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, "SELECT d.id FROM documents d WHERE d.id = :did AND "+visibleDocument,
		sql.Named("did", docID), sql.Named("uid", user.ID)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, "", fmt.Errorf("document %d: %w", docID, ErrNotFound)
	}
	if err != nil {
		return Document{}, "", fmt.Errorf("db: find document %d: %w", docID, err)
	}
	doc, err := s.Document(ctx, id)
	if err != nil {
		return Document{}, "", err
	}
	role, err := s.roleIn(ctx, doc.ProjectID, user)
	return doc, role, err
}

// ProjectAccess is a project in a user's list, with their role.
type ProjectAccess struct {
	Project
	Role Role
}

// ProjectsFor lists the projects user belongs to (every project for an admin).
func (s *Store) ProjectsFor(ctx context.Context, user User) ([]ProjectAccess, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT p.id, p.name, CASE WHEN u.is_admin = 1 THEN 'manager' ELSE m.role END
		FROM projects p JOIN users u ON u.id = ?
		LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = u.id
		WHERE u.is_admin = 1 OR m.role IS NOT NULL ORDER BY p.id`, user.ID)
	if err != nil {
		return nil, fmt.Errorf("db: list projects of %s: %w", user.Name, err)
	}
	defer rows.Close()
	var out []ProjectAccess
	for rows.Next() {
		var p ProjectAccess
		if err := rows.Scan(&p.ID, &p.Name, &p.Role); err != nil {
			return nil, fmt.Errorf("db: scan project: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Member is a user's membership of a project.
type Member struct {
	User User
	Role Role
}

// SetMember adds user to a project with role, or changes their role.
func (s *Store) SetMember(ctx context.Context, projectID int64, by, user User, role Role) error {
	if _, err := ParseRole(string(role)); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := loadProject(ctx, tx, "id = ?", projectID); err != nil {
			return err
		}
		if role != RoleManager {
			if err := keepAManager(ctx, tx, projectID, by, user); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO memberships (project_id, user_id, role) VALUES (?, ?, ?)
			ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role`, projectID, user.ID, string(role))
		if err != nil {
			return fmt.Errorf("db: set member %s: %w", user.Name, err)
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: projectID, Action: "member.set", Detail: map[string]any{"user": user.Name, "role": role}})
	})
}

// RemoveMember takes user out of a project, with their assignments in it;
// their layers stay (the work is kept, and shows again if they return).
func (s *Store) RemoveMember(ctx context.Context, projectID int64, by, user User) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := keepAManager(ctx, tx, projectID, by, user); err != nil {
			return err
		}
		n, err := execCount(ctx, tx, "remove member "+user.Name, "DELETE FROM memberships WHERE project_id = ? AND user_id = ?", projectID, user.ID)
		if err != nil {
			return err
		}
		if n == 0 {
			return invalid("user", "%s is not a member of this project", user.Name)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM assignments WHERE user_id = ?
			AND document_id IN (SELECT id FROM documents WHERE project_id = ?)`, user.ID, projectID); err != nil {
			return fmt.Errorf("db: remove assignments of %s: %w", user.Name, err)
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: projectID, Action: "member.remove", Detail: map[string]any{"user": user.Name}})
	})
}

// keepAManager refuses to let the project's last manager remove
// themselves or give up the role, which would lock them out of managing
// it with no one left to let them back; an admin may still do it.
func keepAManager(ctx context.Context, tx *sql.Tx, projectID int64, by, user User) error {
	if by.IsAdmin || by.ID != user.ID {
		return nil
	}
	var mine, others int // managers: user, and everyone else
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(user_id = ?), 0), coalesce(sum(user_id != ?), 0)
		FROM memberships WHERE project_id = ? AND role = ?`, user.ID, user.ID, projectID, string(RoleManager)).Scan(&mine, &others); err != nil {
		return fmt.Errorf("db: count managers of project %d: %w", projectID, err)
	}
	if mine > 0 && others == 0 {
		return conflict("you are the last manager of this project: make another member manager first")
	}
	return nil
}

// Members lists a project's members by name.
func (s *Store) Members(ctx context.Context, projectID int64) ([]Member, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT u.id, u.name, u.is_admin, m.role FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.project_id = ? ORDER BY u.name`, projectID)
	if err != nil {
		return nil, fmt.Errorf("db: list members of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.User.ID, &m.User.Name, &m.User.IsAdmin, &m.Role); err != nil {
			return nil, fmt.Errorf("db: scan member: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
