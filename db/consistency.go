package db

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"hashiya/db/textsearch"
)

// Conflict is a text the layers read gave different labels: a name
// labelled ORG in one place and LOC in another, which a dataset should
// not hold without a reason. Texts are compared as the document list's
// search compares them (textsearch.Fold: spelling variants, harakat and
// tatweel aside), so أحمد and احمد are one text.
type Conflict struct {
	Key       string        // the folded text
	Spellings []string      // the texts as written, most frequent first
	Labels    []LabelPlaces // by count, most frequent first
	Total     int           // spans in all
}

// LabelPlaces is one label of a conflict: how often it was given and
// where (the first MaxConflictPlaces places).
type LabelPlaces struct {
	Label  string
	Count  int
	Places []Place
}

// Place is one span of a conflict: its document, layer and extent.
type Place struct {
	Doc        int64
	ExternalID string
	Layer      string // the layer's owner, or "gold"
	Start, End int
}

// MaxConflictPlaces is how many places of each label a conflict lists.
const MaxConflictPlaces = 20

// ConflictLayers chooses the layers a consistency report reads: every
// layer (the users' and gold), gold alone, or one user's.
type ConflictLayers struct {
	Every bool
	Owner int64 // with Every false: 0 for gold, else this user's layers
}

// LabelConflicts lists the texts of at most maxLen code points that the
// chosen layers of a project's documents gave more than one label, those
// with the most spans first. One snapshot; texts are cut in Go, a
// document at a time, as LabelledTexts does.
func (s *Store) LabelConflicts(ctx context.Context, projectID int64, layers ConflictLayers, maxLen int) ([]Conflict, error) {
	groups := map[string]*conflictGroup{}
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		places, err := conflictPlaces(ctx, tx, projectID, layers, maxLen)
		if err != nil || len(places) == 0 {
			return err
		}
		at := func(i int) (int64, int64, int64) {
			return places[i].Doc, int64(places[i].Start), int64(places[i].End)
		}
		return cutEach(ctx, tx, len(places), at, func(i int, text string) {
			key := textsearch.Fold(text)
			g := groups[key]
			if g == nil {
				g = &conflictGroup{spellings: map[string]int{}, labels: map[string]*LabelPlaces{}}
				groups[key] = g
			}
			g.add(text, places[i].label, places[i].Place)
		}, `SELECT d.id, d.text FROM documents d WHERE d.project_id = ? ORDER BY d.id`, projectID)
	})
	if err != nil {
		return nil, err
	}
	var out []Conflict
	for key, g := range groups {
		if len(g.labels) > 1 {
			out = append(out, g.conflict(key))
		}
	}
	slices.SortFunc(out, func(a, b Conflict) int {
		return cmp.Or(b.Total-a.Total, cmp.Compare(a.Key, b.Key))
	})
	return out, nil
}

// conflictGroup gathers the spans of one folded text.
type conflictGroup struct {
	spellings map[string]int
	labels    map[string]*LabelPlaces
	total     int
}

func (g *conflictGroup) add(text, label string, p Place) {
	g.total++
	g.spellings[text]++
	l := g.labels[label]
	if l == nil {
		l = &LabelPlaces{Label: label}
		g.labels[label] = l
	}
	l.Count++
	if len(l.Places) < MaxConflictPlaces {
		l.Places = append(l.Places, p)
	}
}

func (g *conflictGroup) conflict(key string) Conflict {
	c := Conflict{Key: key, Total: g.total}
	for text := range g.spellings {
		c.Spellings = append(c.Spellings, text)
	}
	slices.SortFunc(c.Spellings, func(a, b string) int {
		return cmp.Or(g.spellings[b]-g.spellings[a], cmp.Compare(a, b))
	})
	for _, l := range g.labels {
		c.Labels = append(c.Labels, *l)
	}
	slices.SortFunc(c.Labels, func(a, b LabelPlaces) int {
		return cmp.Or(b.Count-a.Count, cmp.Compare(a.Label, b.Label))
	})
	return c
}

// conflictPlace is a span a consistency report reads, with its label.
type conflictPlace struct {
	Place
	label string
}

// conflictPlaces lists the chosen layers' spans of at most maxLen code
// points in the project, by document.
func conflictPlaces(ctx context.Context, tx *sql.Tx, projectID int64, layers ConflictLayers, maxLen int) ([]conflictPlace, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, d.external_id, COALESCE(u.name, 'gold'), sp.start, sp."end", sp.label
		FROM documents d JOIN layers l ON l.document_id = d.id JOIN spans sp ON sp.layer_id = l.id
		LEFT JOIN users u ON u.id = l.owner_id
		WHERE d.project_id = ?1 AND (?2 OR l.owner_id IS ?3) AND sp."end" - sp.start <= ?4
		ORDER BY d.id, sp.start, sp."end", l.id`, projectID, layers.Every, nullID(layers.Owner), maxLen)
	if err != nil {
		return nil, fmt.Errorf("db: spans of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var places []conflictPlace
	for rows.Next() {
		var p conflictPlace
		if err := rows.Scan(&p.Doc, &p.ExternalID, &p.Layer, &p.Start, &p.End, &p.label); err != nil {
			return nil, fmt.Errorf("db: scan span: %w", err)
		}
		places = append(places, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: spans of project %d: %w", projectID, err)
	}
	return places, nil
}

// LayerOwnerNames lists, by name, the users who have a layer in the
// project's documents: the consistency report's filter offers these, not
// the members, since a member without a layer (a manager, a reviewer who
// only edits gold) has nothing to compare, and someone who left keeps
// the layers they made.
func (s *Store) LayerOwnerNames(ctx context.Context, projectID int64) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT u.name FROM users u WHERE EXISTS (SELECT 1
		FROM layers l JOIN documents d ON d.id = l.document_id WHERE l.owner_id = u.id AND d.project_id = ?)
		ORDER BY u.name`, projectID)
	if err != nil {
		return nil, fmt.Errorf("db: layer owners of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("db: scan layer owner: %w", err)
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: layer owners of project %d: %w", projectID, err)
	}
	return names, nil
}
