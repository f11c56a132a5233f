package db

import (
	"context"
	"database/sql"
	"fmt"
)

// Account is a user as the admin's Users page lists them: the account and
// the projects it is a member of, each with its role there, by project id
// as the home page lists projects; none when it belongs to no project.
type Account struct {
	User
	Projects []ProjectAccess
}

// Accounts lists every account by name with its memberships, in one query
// however many accounts there are. Only an active admin (by, as stored,
// not as the caller says) sees them: for anyone else the list is empty.
func (s *Store) Accounts(ctx context.Context, by User) ([]Account, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT u.id, u.name, u.is_admin, u.disabled_at IS NOT NULL, p.id, p.name, m.role
		FROM users viewer JOIN users u
		LEFT JOIN memberships m ON m.user_id = u.id
		LEFT JOIN projects p ON p.id = m.project_id
		WHERE viewer.id = ? AND viewer.is_admin = 1 AND viewer.disabled_at IS NULL
		ORDER BY u.name, u.id, p.id`, by.ID)
	if err != nil {
		return nil, fmt.Errorf("db: list accounts: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var u User
		var projectID sql.NullInt64
		var projectName, role sql.NullString
		if err := rows.Scan(&u.ID, &u.Name, &u.IsAdmin, &u.Disabled, &projectID, &projectName, &role); err != nil {
			return nil, fmt.Errorf("db: scan account: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].ID != u.ID {
			out = append(out, Account{User: u})
		}
		if projectID.Valid {
			a := &out[len(out)-1]
			a.Projects = append(a.Projects, ProjectAccess{Project: Project{ID: projectID.Int64, Name: projectName.String}, Role: Role(role.String)})
		}
	}
	return out, rows.Err()
}
