package db

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
)

// Progress is how far a project's work has gone, for its reviewers and
// managers: each person's share and the labels used, read in one snapshot
// so every figure agrees with the others.
type Progress struct {
	Documents int
	Assigns   bool           // the project assigns documents; else every annotator has all of them to do
	Gold      map[string]int // gold layers by status ("new": documents without one)
	GoldSpans int
	People    []PersonProgress // members and anyone with a layer, by name
	Labels    []LabelCount     // the label set's labels in order, then any other label a layer holds
}

// PersonProgress is one person's work in a project.
type PersonProgress struct {
	Name      string
	Role      Role // "" for someone who is no longer a member (or an admin who never was)
	Admin     bool
	ToDo      int // documents in their queue: assigned to them, or all when the project assigns nothing and they annotate
	Done      int // of those, the ones their layer marks done or reviewed
	Started   int // of those, the ones their layer has but not done
	Spans     int // in all their layers of the project
	Relations int
	LastAt    string // when they last changed anything in the project, "" never
	// ActiveSeconds estimates their working time in the project: the time
	// between each two of their changes, when under ActiveGap (a longer
	// gap is a break, and counts nothing).
	ActiveSeconds int
}

// ActiveGap is the longest pause between two changes that still counts
// as working time.
const ActiveGap = 5 * 60 // seconds

// LabelCount is how often one label is used: in gold and in each person's
// layers (by name; absent is none).
type LabelCount struct {
	Label    string
	Gold     int
	ByPerson map[string]int
}

// Progress reads a project's progress. The caller has checked that the
// user may see it (a reviewer or manager of the project).
func (s *Store) Progress(ctx context.Context, p Project) (Progress, error) {
	out := Progress{Gold: map[string]int{}}
	people := map[int64]*PersonProgress{}
	labels := map[string]*LabelCount{}
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		pid := sql.Named("pid", p.ID)
		if err := tx.QueryRowContext(ctx, `SELECT count(*), EXISTS (SELECT 1 FROM assignments a JOIN documents d ON d.id = a.document_id WHERE d.project_id = :pid)
			FROM documents WHERE project_id = :pid`, pid).Scan(&out.Documents, &out.Assigns); err != nil {
			return fmt.Errorf("db: count documents of project %d: %w", p.ID, err)
		}
		person := func(id int64, name string) *PersonProgress {
			if people[id] == nil {
				people[id] = &PersonProgress{Name: name}
			}
			return people[id]
		}
		for _, q := range progressQueries(out.Assigns) {
			if err := eachRow(ctx, tx, q.sql, []any{pid}, func(rows *sql.Rows) error { return q.scan(rows, person, &out, labels) }); err != nil {
				return fmt.Errorf("db: progress of project %d, %s: %w", p.ID, q.what, err)
			}
		}
		// Admins may work in any project without being members of it.
		return eachRow(ctx, tx, `SELECT id FROM users WHERE is_admin = 1`, nil, func(rows *sql.Rows) error {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			if people[id] != nil {
				people[id].Admin = true
			}
			return nil
		})
	})
	if err != nil {
		return Progress{}, err
	}
	// A document without a gold layer is as new as one with an empty one.
	out.Gold["new"] = out.Documents - out.Gold["in_progress"] - out.Gold["done"] - out.Gold["reviewed"]
	for _, pp := range people {
		out.People = append(out.People, *pp)
	}
	slices.SortFunc(out.People, func(a, b PersonProgress) int { return cmp.Compare(a.Name, b.Name) })
	for _, l := range p.Labels {
		if lc := labels[l.Name]; lc != nil {
			out.Labels = append(out.Labels, *lc)
			delete(labels, l.Name)
		} else {
			out.Labels = append(out.Labels, LabelCount{Label: l.Name, ByPerson: map[string]int{}})
		}
	}
	var others []LabelCount
	for _, lc := range labels {
		others = append(others, *lc)
	}
	slices.SortFunc(others, func(a, b LabelCount) int { return cmp.Compare(a.Label, b.Label) })
	out.Labels = append(out.Labels, others...)
	return out, nil
}

// progressQuery is one of the reads Progress sums, with how its rows are
// added up.
type progressQuery struct {
	what string
	sql  string
	scan func(rows *sql.Rows, person func(int64, string) *PersonProgress, out *Progress, labels map[string]*LabelCount) error
}

// queueFrom is each person's queue: their assignments, or, in a project
// that assigns nothing, every document for each annotator member.
func queueFrom(assigns bool) string {
	if assigns {
		return `FROM assignments a JOIN documents d ON d.id = a.document_id AND d.project_id = :pid JOIN users u ON u.id = a.user_id`
	}
	return `FROM memberships a JOIN documents d ON d.project_id = a.project_id AND a.project_id = :pid AND a.role = 'annotator'
		JOIN users u ON u.id = a.user_id`
}

func progressQueries(assigns bool) []progressQuery {
	return []progressQuery{
		{"members", `SELECT u.id, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.project_id = :pid`,
			func(rows *sql.Rows, person func(int64, string) *PersonProgress, _ *Progress, _ map[string]*LabelCount) error {
				var id int64
				var name string
				var role Role
				if err := rows.Scan(&id, &name, &role); err != nil {
					return err
				}
				person(id, name).Role = role
				return nil
			}},
		{"queues", `SELECT u.id, u.name, count(*), coalesce(sum(l.status IN ('done', 'reviewed')), 0), coalesce(sum(l.status IN ('new', 'in_progress')), 0)
			` + queueFrom(assigns) + `
			LEFT JOIN layers l ON l.document_id = d.id AND l.owner_id = u.id GROUP BY u.id`,
			func(rows *sql.Rows, person func(int64, string) *PersonProgress, _ *Progress, _ map[string]*LabelCount) error {
				var id int64
				var name string
				var toDo, done, started int
				if err := rows.Scan(&id, &name, &toDo, &done, &started); err != nil {
					return err
				}
				pp := person(id, name)
				pp.ToDo, pp.Done, pp.Started = toDo, done, started
				return nil
			}},
		{"gold", `SELECT l.status, count(*) FROM layers l JOIN documents d ON d.id = l.document_id
			WHERE d.project_id = :pid AND l.owner_id IS NULL GROUP BY l.status`,
			func(rows *sql.Rows, _ func(int64, string) *PersonProgress, out *Progress, _ map[string]*LabelCount) error {
				var status string
				var n int
				if err := rows.Scan(&status, &n); err != nil {
					return err
				}
				out.Gold[status] = n
				return nil
			}},
		{"spans", `SELECT coalesce(u.id, 0), coalesce(u.name, ''), s.label, count(*) FROM spans s
			JOIN layers l ON l.id = s.layer_id JOIN documents d ON d.id = l.document_id LEFT JOIN users u ON u.id = l.owner_id
			WHERE d.project_id = :pid GROUP BY l.owner_id, s.label`,
			func(rows *sql.Rows, person func(int64, string) *PersonProgress, out *Progress, labels map[string]*LabelCount) error {
				var id int64
				var name, label string
				var n int
				if err := rows.Scan(&id, &name, &label, &n); err != nil {
					return err
				}
				if labels[label] == nil {
					labels[label] = &LabelCount{Label: label, ByPerson: map[string]int{}}
				}
				if id == 0 {
					labels[label].Gold += n
					out.GoldSpans += n
					return nil
				}
				labels[label].ByPerson[name] += n
				person(id, name).Spans += n
				return nil
			}},
		{"relations", `SELECT u.id, u.name, count(*) FROM relations r
			JOIN layers l ON l.id = r.layer_id JOIN documents d ON d.id = l.document_id JOIN users u ON u.id = l.owner_id
			WHERE d.project_id = :pid GROUP BY u.id`,
			func(rows *sql.Rows, person func(int64, string) *PersonProgress, _ *Progress, _ map[string]*LabelCount) error {
				var id int64
				var name string
				var n int
				if err := rows.Scan(&id, &name, &n); err != nil {
					return err
				}
				person(id, name).Relations = n
				return nil
			}},
		{"last changes", `SELECT u.id, u.name, max(g.at), coalesce(sum(CASE WHEN g.gap <= ` + strconv.Itoa(ActiveGap) + ` THEN g.gap END), 0)
			FROM (SELECT e.user_id, e.at, (julianday(e.at) - julianday(lag(e.at) OVER (PARTITION BY e.user_id ORDER BY e.id))) * 86400 AS gap
			      FROM events e WHERE e.project_id = :pid AND e.user_id IS NOT NULL) g
			JOIN users u ON u.id = g.user_id GROUP BY u.id`,
			func(rows *sql.Rows, person func(int64, string) *PersonProgress, _ *Progress, _ map[string]*LabelCount) error {
				var id int64
				var name, at string
				var active float64
				if err := rows.Scan(&id, &name, &at, &active); err != nil {
					return err
				}
				pp := person(id, name)
				pp.LastAt, pp.ActiveSeconds = at, int(active+0.5)
				return nil
			}},
	}
}

// eachRow runs a query and calls fn on each row.
func eachRow(ctx context.Context, tx *sql.Tx, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
