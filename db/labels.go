package db

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
)

// SetLabels replaces a project's label set with labels, in their order:
// new names are added, colours and hotkeys change, and a label left out is
// removed, unless spans of the project still use it (renaming a used
// label would change data without anyone looking at it, so it is not done
// here).
func (s *Store) SetLabels(ctx context.Context, projectID int64, by User, labels []Label) error {
	if len(labels) == 0 {
		return invalid("labels", "a project needs at least one label")
	}
	if err := ValidateLabels(labels); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", projectID)
		if err != nil {
			return err
		}
		keep := map[string]bool{}
		for _, l := range labels {
			keep[l.Name] = true
		}
		for _, old := range p.Labels {
			if keep[old.Name] {
				continue
			}

			var used int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM spans s JOIN layers l ON l.id = s.layer_id
				JOIN documents d ON d.id = l.document_id WHERE d.project_id = ? AND s.label = ?`, projectID, old.Name).Scan(&used); err != nil {
				return fmt.Errorf("db: count spans of label %s: %w", old.Name, err)
			}
			if used > 0 {
				return invalid("labels", "label %s is used by %s; it cannot be removed", old.Name, howMany(used, "span"))
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM labels WHERE project_id = ?", projectID); err != nil {
			return fmt.Errorf("db: clear labels: %w", err)
		}
		if err := insertLabels(ctx, tx, projectID, 0, labels); err != nil {
			return err
		}
		// A removed label leaves the relation rules that named it: no span
		// has it, so no stored relation can need it.
		detail := map[string]any{"before": p.Labels, "after": labels}
		if rules := cutRelationTypes(p.RelationTypes, labels); !reflect.DeepEqual(rules, p.RelationTypes) {
			if _, err := tx.ExecContext(ctx, "DELETE FROM relation_types WHERE project_id = ?", projectID); err != nil {
				return fmt.Errorf("db: clear relation types: %w", err)
			}
			if err := insertRelationTypes(ctx, tx, projectID, rules); err != nil {
				return err
			}
			detail["relation_types_before"], detail["relation_types_after"] = p.RelationTypes, rules
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: projectID, Action: "labels.set", Detail: detail})
	})
}
