package db

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// SetLabels replaces a project's label set with labels, in their order:
// new names are added, colours and hotkeys change, and a label left out is
// removed, unless spans of the project still use it (renaming a used
// label would change data without anyone looking at it, so it is not done
// here).
func (s *Store) SetLabels(ctx context.Context, projectID int64, by User, labels []Label) error {
	_, err := s.SetLabelsCutting(ctx, projectID, by, labels)
	return err
}

// SetLabelsCutting is SetLabels, saying which relation rules went with
// the labels removed (the names of those left with no label on a side
// that named some), in the project's order, so the manager is told.
func (s *Store) SetLabelsCutting(ctx context.Context, projectID int64, by User, labels []Label) (rulesRemoved []string, err error) {
	if len(labels) == 0 {
		// Every row was left out: the first is where to name one again.
		return nil, invalidRow("labels", Cell{List: "labels", Row: 0, Field: "name", Stored: true}, "a project needs at least one label")
	}
	if err := ValidateLabels(labels); err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", projectID)
		if err != nil {
			return err
		}
		if err := labelsStillFree(ctx, tx, p, labels); err != nil {
			return err
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
			rulesRemoved = removedRules(p.RelationTypes, rules)
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: projectID, Action: "labels.set", Detail: detail})
	})
	if err != nil {
		return nil, err
	}
	return rulesRemoved, nil
}

// removedRules names the rules of before that after lacks, in order.
func removedRules(before, after []RelationType) []string {
	var out []string
	for _, rt := range before {
		if !slices.ContainsFunc(after, func(a RelationType) bool { return a.Name == rt.Name }) {
			out = append(out, rt.Name)
		}
	}
	return out
}

// labelsStillFree refuses a label set that leaves out (removes or
// renames) labels of p that spans of the project use, naming each label
// and how many spans use it, the form's cell at the first: renaming a
// used label would change data without anyone looking at it.
func labelsStillFree(ctx context.Context, q querier, p Project, labels []Label) error {
	keep := map[string]bool{}
	for _, l := range labels {
		keep[l.Name] = true
	}
	first := -1
	var used []string // "label PER is used by 3 spans", then "label LOC by 1 span"
	for j, old := range p.Labels {
		if keep[old.Name] {
			continue
		}
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM spans s JOIN layers l ON l.id = s.layer_id
			JOIN documents d ON d.id = l.document_id WHERE d.project_id = ? AND s.label = ?`, p.ID, old.Name).Scan(&n); err != nil {
			return fmt.Errorf("db: count spans of label %s: %w", old.Name, err)
		}
		switch {
		case n == 0:
		case first < 0:
			first, used = j, append(used, fmt.Sprintf("label %s is used by %s", old.Name, howMany(n, "span")))
		default:
			used = append(used, fmt.Sprintf("label %s by %s", old.Name, howMany(n, "span")))
		}
	}
	switch len(used) {
	case 0:
		return nil
	case 1:
		return invalidRow("labels", Cell{List: "labels", Row: first, Field: "name", Stored: true}, "%s; it cannot be removed or renamed", used[0])
	}
	return invalidRow("labels", Cell{List: "labels", Row: first, Field: "name", Stored: true},
		"%s and %s; they cannot be removed or renamed", strings.Join(used[:len(used)-1], ", "), used[len(used)-1])
}

// hotkeyOrder is the order in which labels an import adds get keys: on
// along the digit row, as the default set takes 1 to 7 (8, 9, then 0),
// then the letters the annotation view leaves free. A, with a span open,
// labels every occurrence; S, C and R link a quote to its speaker or cue
// and an entity to the one it refers to: a label on one of those keys
// would take it over, since a label's key is looked up first.
const hotkeyOrder = "1234567890bdefghijklmnopqtuvwxyz"

// nextHotkey is the first key of hotkeyOrder that no label of labels has,
// in either case (the annotation view reads keys in lower case), nor has
// as the letter an Arabic keyboard types there (keyOf: with "ض", Q is
// taken), or "" once every one is taken.
func nextHotkey(labels []Label) string {
	taken := map[string]bool{}
	for _, l := range labels {
		taken[keyOf(l.Hotkey)] = true
	}
	for _, k := range strings.Split(hotkeyOrder, "") {
		if !taken[k] {
			return k
		}
	}
	return ""
}

// NextColor is the colour for a label added to labels, what an import
// gives the labels it adds and the label form's empty row proposes: of the spare
// colours (extraColors) the ones the set uses least, none until the
// palette runs out, and of those the one farthest from every colour the
// set has, so a new label stands apart from the ones beside it in the
// label bar and the text whatever colours a manager chose. Ties go to
// the palette's order. Distance is Euclidean in Oklab, where equal
// distances look about equally different.
func NextColor(labels []Label) string {
	uses := map[string]int{}
	var have [][3]float64
	for _, l := range labels {
		if c, ok := oklab(l.Color); ok {
			uses[strings.ToLower(l.Color)]++
			have = append(have, c)
		}
	}
	best, bestUses, bestDist := "", 0, 0.0
	for _, spare := range extraColors {
		c, _ := oklab(spare)
		d := math.Inf(1)
		for _, h := range have {
			d = min(d, colorDistance(c, h))
		}
		if n := uses[spare]; best == "" || n < bestUses || n == bestUses && d > bestDist {
			best, bestUses, bestDist = spare, n, d
		}
	}
	return best
}

// oklab converts a #rrggbb colour to Oklab (L, a, b), as CSS Color 4
// defines it; ok is false for anything else.
func oklab(hex string) (lab [3]float64, ok bool) {
	if !labelColor.MatchString(hex) {
		return lab, false
	}
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	var rgb [3]float64
	for i, shift := range []uint{16, 8, 0} {
		c := float64(v>>shift&0xff) / 255
		if c <= 0.04045 { // sRGB's transfer curve, undone
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	r, g, b := rgb[0], rgb[1], rgb[2]
	l := math.Cbrt(0.4122214708*r + 0.5363325363*g + 0.0514459929*b)
	m := math.Cbrt(0.2119034982*r + 0.6806995451*g + 0.1073969566*b)
	s := math.Cbrt(0.0883024619*r + 0.2817188376*g + 0.6299787005*b)
	return [3]float64{
		0.2104542553*l + 0.7936177850*m - 0.0040720468*s,
		1.9779984951*l - 2.4285922050*m + 0.4505937099*s,
		0.0259040371*l + 0.7827717662*m - 0.8086757660*s,
	}, true
}

func colorDistance(x, y [3]float64) float64 {
	return math.Sqrt((x[0]-y[0])*(x[0]-y[0]) + (x[1]-y[1])*(x[1]-y[1]) + (x[2]-y[2])*(x[2]-y[2]))
}
