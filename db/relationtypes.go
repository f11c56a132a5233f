package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
)

// MaxRelationTypes is the most relation types a project may have, as
// MaxLabels is for labels, and the same number: each type is a row of the
// settings form, loaded with the project on every write. Two hundred holds
// the larger relation schemes (DocRED's 96 types, FewRel's 100) with room
// to spare.
const MaxRelationTypes = 200

// MaxImportRelationTypes is the most relation types one import may add,
// as MaxImportLabels is for labels: a file naming more types the project
// lacks has more likely a column read as its types than a scheme.
const MaxImportRelationTypes = 100

// ValidateRelationTypes checks names (as label names), that they are
// unique, that no side names a label twice, and that there are at most
// MaxRelationTypes.
func ValidateRelationTypes(types []RelationType) error {
	if len(types) > MaxRelationTypes {
		return invalidRow("relation_types", Cell{List: "relation_types", Row: MaxRelationTypes, Field: "name"},
			"%d relation types, more than the %d a project may have", len(types), MaxRelationTypes)
	}
	names := map[string]bool{}
	for i, rt := range types {
		if !labelName.MatchString(rt.Name) {
			return invalidCell("relation_types", i, "name", "relation type name %q must be 1-40 letters, digits or _-.:", rt.Name)
		}
		if names[rt.Name] {
			return invalidCell("relation_types", i, "name", "relation type %s appears twice", rt.Name)
		}
		names[rt.Name] = true
		for side, labels := range rt.sides() {
			for j, l := range labels {
				if slices.Contains(labels[:j], l) {
					return invalidCell("relation_types", i, side, "relation type %s names label %s twice on its %s side", rt.Name, l, side)
				}
			}
		}
	}
	return nil
}

// SetRelationTypes replaces a project's relation types, each with the
// labels its relations may join (an empty side: any label). It refuses a
// label the project lacks, and a change that would leave a stored
// relation outside every rule: a type still in use cannot go, nor a rule
// narrow past the labels its relations join.
func (s *Store) SetRelationTypes(ctx context.Context, projectID int64, by User, types []RelationType) error {
	if err := ValidateRelationTypes(types); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", projectID)
		if err != nil {
			return err
		}
		for i, rt := range types {
			for side, labels := range rt.sides() {
				for _, l := range labels {
					if !p.HasLabel(l) {
						return invalidCell("relation_types", i, side, "relation type %s names label %s, which project %s does not have", rt.Name, l, p.Name)
					}
				}
			}
		}
		if err := relationsStillFit(ctx, tx, p, types); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM relation_types WHERE project_id = ?", projectID); err != nil {
			return fmt.Errorf("db: clear relation types: %w", err)
		}
		if err := insertRelationTypes(ctx, tx, projectID, types); err != nil {
			return err
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: projectID, Action: "relation_types.set",
			Detail: map[string]any{"before": p.RelationTypes, "after": types}})
	})
}

// relationsStillFit checks every kind of stored relation of project p
// (type, from label, to label) against the new rules.
func relationsStillFit(ctx context.Context, tx querier, p Project, types []RelationType) error {
	projectID := p.ID
	rows, err := tx.QueryContext(ctx, `SELECT r.type, f.label, t.label, count(*) FROM relations r
		JOIN layers l ON l.id = r.layer_id JOIN documents d ON d.id = l.document_id
		JOIN spans f ON f.id = r.from_span JOIN spans t ON t.id = r.to_span
		WHERE d.project_id = ? GROUP BY r.type, f.label, t.label ORDER BY r.type, f.label, t.label`, projectID)
	if err != nil {
		return fmt.Errorf("db: relations of project %d: %w", projectID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, from, to string
		var n int
		if err := rows.Scan(&typ, &from, &to, &n); err != nil {
			return fmt.Errorf("db: scan relation kind: %w", err)
		}
		i := slices.IndexFunc(types, func(rt RelationType) bool { return rt.Name == typ })
		if i < 0 {
			// The row to mend is the one the type had: cleared or renamed.
			j := slices.IndexFunc(p.RelationTypes, func(rt RelationType) bool { return rt.Name == typ })
			return invalidRow("relation_types", Cell{List: "relation_types", Row: j, Field: "name", Stored: true},
				"relation type %s is used by %s (%s -> %s); it cannot be removed or renamed", typ, howMany(n, "relation"), from, to)
		}
		if rt := types[i]; !rt.Joins(from, to) {
			side := "to"
			if !allows(rt.From, from) {
				side = "from"
			}
			return invalidCell("relation_types", i, side, "%d %s relations join %s -> %s, which the rule %s -> %s would leave out", n, typ, from, to, labelsOrAny(rt.From), labelsOrAny(rt.To))
		}
	}
	return rows.Err()
}

// sides yields the rule's from side, then its to side, with their names,
// so the first bad label found is the same each time.
func (rt RelationType) sides() iter.Seq2[string, []string] {
	return func(yield func(string, []string) bool) {
		_ = yield("from", rt.From) && yield("to", rt.To)
	}
}

// Joins reports whether the rule lets a relation join a span labelled
// from to one labelled to: an empty side allows any label.
func (rt RelationType) Joins(from, to string) bool { return allows(rt.From, from) && allows(rt.To, to) }

func allows(side []string, label string) bool { return len(side) == 0 || slices.Contains(side, label) }

func insertRelationTypes(ctx context.Context, tx *sql.Tx, projectID int64, types []RelationType) error {
	for _, rt := range types {
		from, err := json.Marshal(nonNil(rt.From))
		if err != nil {
			return fmt.Errorf("db: encode relation type %s: %w", rt.Name, err)
		}
		to, err := json.Marshal(nonNil(rt.To))
		if err != nil {
			return fmt.Errorf("db: encode relation type %s: %w", rt.Name, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO relation_types (project_id, name, from_labels, to_labels) VALUES (?, ?, ?, ?)",
			projectID, rt.Name, string(from), string(to)); err != nil {
			return fmt.Errorf("db: insert relation type %s: %w", rt.Name, err)
		}
	}
	return nil
}

// nonNil is s, or an empty slice for nil, so it is stored as [] not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// cutRelationTypes cuts rules to a label set: a side loses the labels the
// set lacks, and a rule left with a side that named labels but holds none
// goes (an empty side would mean any label).
func cutRelationTypes(rules []RelationType, labels []Label) []RelationType {
	set := Project{Labels: labels}
	lacks := func(name string) bool { return !set.HasLabel(name) }
	out := []RelationType{}
	for _, rt := range rules {
		from := slices.DeleteFunc(slices.Clone(rt.From), lacks)
		to := slices.DeleteFunc(slices.Clone(rt.To), lacks)
		if (len(rt.From) == 0 || len(from) > 0) && (len(rt.To) == 0 || len(to) > 0) {
			out = append(out, RelationType{Name: rt.Name, From: from, To: to})
		}
	}
	return out
}
