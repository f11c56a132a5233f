package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// CreateProjectLike adds a project with the labels and relation rules of
// project source as they stand, which by must be able to see (a member,
// or an admin): any other is ErrNotFound, naming the field labels_from.
func (s *Store) CreateProjectLike(ctx context.Context, name string, source int64, by User) (Project, error) {
	if _, err := s.roleIn(ctx, source, by); errors.Is(err, ErrNotFound) {
		return Project{}, notFound("labels_from", "no project %d that you can see to copy the labels of", source)
	} else if err != nil {
		return Project{}, err
	}
	src, err := s.Project(ctx, source)
	if err != nil {
		return Project{}, err
	}
	return s.CreateProjectFrom(ctx, name, LabelSetOf(src), by.ID, src.Name)
}

// CheckLabelSet says whether ReplaceLabelSet would take set, changing
// nothing: it answers the project as it stands and the set as it would
// be stored (its rules, when it gives none, the project's cut to its
// labels), so a page can show what replacing would change before anyone
// confirms it. The checks are ReplaceLabelSet's, run again there.
func (s *Store) CheckLabelSet(ctx context.Context, projectID int64, by User, set LabelSet) (Project, LabelSet, error) {
	p, err := managedProject(ctx, s.r, projectID, by)
	if err != nil {
		return p, set, err
	}
	set, err = checkLabelSet(ctx, s.r, p, set)
	return p, set, err
}

// ReplaceLabelSet replaces project projectID's labels, and its relation
// rules when set gives them, with set's, all or nothing, for a manager of
// the project (by; anyone else gets ErrNotFound). It refuses what the
// label and relation forms refuse: a label spans use left out (removed or
// renamed), a rule naming a label the set lacks, a relation type in use
// left out or narrowed past the labels its relations join. file is the
// name of the file the set came from, for the event log.
func (s *Store) ReplaceLabelSet(ctx context.Context, projectID int64, by User, set LabelSet, file string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		p, err := managedProject(ctx, tx, projectID, by)
		if err != nil {
			return err
		}
		if set, err = checkLabelSet(ctx, tx, p, set); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM labels WHERE project_id = ?", projectID); err != nil {
			return fmt.Errorf("db: clear labels: %w", err)
		}
		if err := insertLabels(ctx, tx, projectID, 0, set.Labels); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM relation_types WHERE project_id = ?", projectID); err != nil {
			return fmt.Errorf("db: clear relation types: %w", err)
		}
		if err := insertRelationTypes(ctx, tx, projectID, set.RelationTypes); err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: projectID, Action: "labels.replace", Detail: map[string]any{
			"file": file, "before": p.Labels, "after": set.Labels,
			"relation_types_before": nonNilRules(p.RelationTypes), "relation_types_after": set.RelationTypes}})
	})
}

// checkLabelSet checks set against project p as it stands and returns
// it with its rules filled in.
func checkLabelSet(ctx context.Context, q querier, p Project, set LabelSet) (LabelSet, error) {
	if len(set.Labels) == 0 {
		return set, invalid("labels", "a project needs at least one label")
	}
	if set.RelationTypes == nil {
		set.RelationTypes = cutRelationTypes(p.RelationTypes, set.Labels)
	}
	if err := set.validate(); err != nil {
		return set, err
	}
	if err := labelsStillFree(ctx, q, p, set.Labels); err != nil {
		return set, err
	}
	return set, relationsStillFit(ctx, q, p, set.RelationTypes)
}

// managedProject loads a project by manages (an admin manages every
// project); any other is ErrNotFound.
func managedProject(ctx context.Context, q querier, projectID int64, by User) (Project, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM projects p JOIN users u ON u.id = ?
		LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = u.id
		WHERE p.id = ? AND (u.is_admin = 1 OR m.role = 'manager')`, by.ID, projectID).Scan(&n); err != nil {
		return Project{}, fmt.Errorf("db: role of %s in project %d: %w", by.Name, projectID, err)
	}
	if n == 0 {
		return Project{}, fmt.Errorf("project %d: %w", projectID, ErrNotFound)
	}
	return loadProject(ctx, q, "id = ?", projectID)
}

func nonNilRules(rules []RelationType) []RelationType {
	if rules == nil {
		return []RelationType{}
	}
	return rules
}
