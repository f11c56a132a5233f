package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Label is one entry of a project's label set.
type Label struct {
	Name   string `json:"name"`
	Color  string `json:"color"`
	Hotkey string `json:"hotkey"`
	// Description says what the label covers, in a line: annotators see
	// it on the label's button. Empty when the manager gave none.
	Description string `json:"description,omitempty"`
}

// RelationType says which labels a relation may join.
type RelationType struct {
	Name string   `json:"name"`
	From []string `json:"from"`
	To   []string `json:"to"`
}

// Project is an annotation project with its label set.
type Project struct {
	ID            int64
	Name          string
	Guidelines    string // the annotation guidelines, plain text, shown to every member
	Labels        []Label
	RelationTypes []RelationType
}

// HasLabel reports whether the label set holds name.
func (p Project) HasLabel(name string) bool {
	for _, l := range p.Labels {
		if l.Name == name {
			return true
		}
	}
	return false
}

// DefaultLabels is the label set of a new project (DESIGN.md).
func DefaultLabels() []Label {
	return []Label{
		{Name: "PER", Color: "#e5484d", Hotkey: "1"}, {Name: "ORG", Color: "#0090ff", Hotkey: "2"}, {Name: "LOC", Color: "#30a46c", Hotkey: "3"},
		{Name: "GPE", Color: "#8e4ec6", Hotkey: "4"}, {Name: "DATE", Color: "#f76b15", Hotkey: "5"}, {Name: "QUOTE", Color: "#ffc53d", Hotkey: "6"},
		{Name: "CUE", Color: "#12a594", Hotkey: "7"},
	}
}

// NamedEntityLabels is CoNLL's set of named entities (PER, LOC, ORG,
// MISC, in CoNLL 2003's order), the set a project for names alone starts
// with: keys 1 to 4, and the default set's colours for the three it
// shares with it, so a team moving between the two sees a person in the
// same red, MISC taking GPE's purple. It has no relation rules: the
// quotation tools have nothing to join.
func NamedEntityLabels() []Label {
	return []Label{
		{Name: "PER", Color: "#e5484d", Hotkey: "1"}, {Name: "LOC", Color: "#30a46c", Hotkey: "2"},
		{Name: "ORG", Color: "#0090ff", Hotkey: "3"}, {Name: "MISC", Color: "#8e4ec6", Hotkey: "4"},
	}
}

// DefaultRelationTypes are the relations of a new project.
func DefaultRelationTypes() []RelationType {
	return []RelationType{
		{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER", "ORG"}},
		{Name: "cue", From: []string{"QUOTE"}, To: []string{"CUE"}},
		{Name: "segment", From: []string{"QUOTE"}, To: []string{"QUOTE"}},
		{Name: "refers_to", From: []string{"PER", "ORG"}, To: []string{"PER", "ORG"}},
	}
}

var (
	labelName  = regexp.MustCompile(`^[\p{L}\p{N}_\-.:]{1,40}$`)
	labelColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	// extraColors are the spare colours for labels an import adds
	// (NextColor), each one as far in Oklab from the default set's colours
	// and from the others as the default set's two closest (LOC's green
	// and CUE's teal) are from each other, and with 3:1 contrast against
	// white at least, so its underline and the edge of its button show.
	// Listed in the order NextColor gives them to a default project: each
	// the farthest from all before it, so neighbours stay apart.
	extraColors = []string{
		"#4f5a1f", "#00749e", "#a18072", "#c2298a", "#3358d4", "#a35829", "#2a7e3b",
		"#60646c", "#00a2c7", "#e93d82", "#cc4e00", "#6550b9", "#008573", "#0d74ce",
		"#ce2c31", "#cb1d63", "#9e6c00", "#953ea3", "#d6409f", "#ab4aba",
	}
)

// MaxLabelDescription is the longest description a label may have, in
// code points: a line on a button, not guidelines.
const MaxLabelDescription = 200

// MaxLabels is the most labels a project may have. Every label is a
// button in the annotation view's label bar, a row of the label form and
// a column of the progress page, and an annotator has to tell them apart:
// beyond the seven default colours, import gives new labels one of twenty
// spare colours, and a keyboard has about forty hotkeys. Two
// hundred leaves room for fine-grained schemes (WojoodFine's 51 types,
// FIGER's 112) while keeping the checks each write makes over the set
// small.
const MaxLabels = 200

// MaxImportLabels is the most labels one import may add to a project: a
// file naming more labels the project lacks has more likely a word column
// read as its tags than a label set.
const MaxImportLabels = 100

// ValidateLabels checks names, colours, hotkeys and descriptions, that
// names and hotkeys are unique, and that there are at most MaxLabels.
func ValidateLabels(labels []Label) error { return validateLabels(labels, 0) }

// validateLabels is ValidateLabels for a set whose first stored labels
// are the project's as it holds them. Those are spared the checks of
// hotkeys and descriptions added since they could be saved (a key the
// annotation view uses, a control character): an import adding labels
// leaves them as they are, so it is not refused for them, while the
// label form, which saves every label again, asks for them mended.
func validateLabels(labels []Label, stored int) error {
	if len(labels) > MaxLabels {
		return invalidRow("labels", Cell{List: "labels", Row: MaxLabels, Field: "name"}, "%d labels, more than the %d a project may have", len(labels), MaxLabels)
	}
	names, keys := map[string]bool{}, map[string]int{} // keys: the row of each hotkey's key (keyOf)
	for i, l := range labels {
		if err := checkLabel(l, i, i >= stored); err != nil {
			return err
		}
		if names[l.Name] {
			return invalidCell("labels", i, "name", "label %s appears twice", l.Name)
		}
		key := keyOf(l.Hotkey)
		if other, taken := keys[key]; taken && key != "" {
			if err := sharedKey(labels[other], l, i, i >= stored); err != nil {
				return err
			}
		}
		names[l.Name] = true
		keys[key] = i
	}
	return nil
}

// checkLabel checks one label of a set on its own, the set's row-th.
// Only a fresh label's hotkey and description are checked for what the
// set could once hold (validateLabels).
func checkLabel(l Label, row int, fresh bool) error {
	if !labelName.MatchString(l.Name) {
		return invalidCell("labels", row, "name", "label name %q must be 1-40 letters, digits or _-.:", l.Name)
	}
	if !labelColor.MatchString(l.Color) {
		return invalidCell("labels", row, "color", "colour %q of label %s must look like #1a2b3c", l.Color, l.Name)
	}
	if utf8.RuneCountInString(l.Hotkey) > 1 || strings.TrimSpace(l.Hotkey) != l.Hotkey {
		return invalidCell("labels", row, "hotkey", "hotkey %q of label %s must be one character or empty", l.Hotkey, l.Name)
	}
	if n := utf8.RuneCountInString(l.Description); n > MaxLabelDescription {
		return invalidCell("labels", row, "description", "description of label %s has %d characters, more than %d", l.Name, n, MaxLabelDescription)
	}
	if strings.ContainsAny(l.Description, "\r\n") {
		return invalidCell("labels", row, "description", "description of label %s must be one line", l.Name)
	}
	if !fresh {
		return nil
	}
	// Both are drawn on every annotator's label bar, where a bidi control
	// reorders the button's text and another control hides or mangles it.
	if bad := badCharacter(l.Hotkey, "", true); bad != "" {
		return invalidCell("labels", row, "hotkey", "hotkey of label %s: %s; a hotkey is one visible character", l.Name, bad)
	}
	if bad := badCharacter(l.Description, "", false); bad != "" {
		return invalidCell("labels", row, "description", "description of label %s: %s; a description is one line of visible text", l.Name, bad)
	}
	if does, ok := viewKeys[strings.ToLower(l.Hotkey)]; ok {
		return invalidCell("labels", row, "hotkey", "hotkey %q of label %s is the annotation view's %s; choose another", l.Hotkey, l.Name, does)
	}
	// On an Arabic keyboard the letter is typed on a key of the view's,
	// and the label, looked up by the character typed first, takes it.
	if does, ok := viewKeys[keyOf(l.Hotkey)]; ok {
		return invalidCell("labels", row, "hotkey", "hotkey %q of label %s is on %s of an Arabic keyboard, the annotation view's %s; choose another", l.Hotkey, l.Name, arabicKeyWords(l.Hotkey), does)
	}
	return nil
}

// viewKeys are the keys the annotation view takes without a modifier,
// with what each does there, in its own words. A label's key is looked
// up first, so a label on one of them would take it over and leave the
// view's action without its key; nextHotkey skips them too. Escape,
// Enter, Delete, Backspace and the arrows are keys no one character
// names, and a space is refused as a hotkey anyway.
var viewKeys = map[string]string{
	"a": `"Label every occurrence"`,
	"s": `"Pick speaker" (of a quotation)`,
	"c": `"Pick cue" (of a quotation)`,
	"r": `"Pick the entity it refers to"`,
	"/": `"Find in the text"`,
	"?": "key for its list of keys",
	"]": "key for the next span",
	"[": "key for the previous span",
}

// ViewKeys lists the keys no label may take (viewKeys), sorted.
func ViewKeys() []string { return slices.Sorted(maps.Keys(viewKeys)) }

// CreateProject adds a project with the given label set (DefaultLabels
// when nil) and the default relation types, cut to that label set
// (cutRelationTypes).
func (s *Store) CreateProject(ctx context.Context, name string, labels []Label, by int64) (Project, error) {
	return s.CreateProjectFrom(ctx, name, LabelSet{Labels: labels}, by, "")
}

// CreateProjectFrom adds a project with the label set set: its labels
// (DefaultLabels when nil) and its relation rules, or when it gives none
// (nil) the default ones cut to its labels. from, when not "", is the
// project the set was copied from, for the event log.
func (s *Store) CreateProjectFrom(ctx context.Context, name string, set LabelSet, by int64, from string) (Project, error) {
	if bad := badName(name); bad != "" {
		return Project{}, invalid("name", "project name %q: %s; a name is one line of visible characters", name, bad)
	}
	if strings.TrimSpace(name) == "" || strings.TrimSpace(name) != name || utf8.RuneCountInString(name) > 100 {
		return Project{}, invalid("name", "project name %q must be 1-100 characters without leading or trailing space", name)
	}
	if set.Labels == nil {
		set.Labels = DefaultLabels()
	}
	if set.RelationTypes == nil {
		set.RelationTypes = cutRelationTypes(DefaultRelationTypes(), set.Labels)
	}
	if err := set.validate(); err != nil {
		return Project{}, err
	}
	p := Project{Name: name, Labels: set.Labels, RelationTypes: set.RelationTypes}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM projects WHERE name = ?", name).Scan(&n); err != nil {
			return fmt.Errorf("db: check project %q: %w", name, err)
		}
		if n > 0 {
			return conflict("project %q already exists", name)
		}
		var err error
		if p.ID, err = nextProjectID(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO projects (id, name) VALUES (?, ?)", p.ID, name); err != nil {
			return fmt.Errorf("db: insert project %q: %w", name, err)
		}
		if err := insertLabels(ctx, tx, p.ID, 0, p.Labels); err != nil {
			return err
		}
		if err := insertRelationTypes(ctx, tx, p.ID, p.RelationTypes); err != nil {
			return err
		}
		detail := map[string]any{"name": name}
		if from != "" {
			detail["labels_from"] = from
		}
		return logEvent(ctx, tx, Event{UserID: by, ProjectID: p.ID, Action: "project.create", Detail: detail})
	})
	return p, err
}

func insertLabels(ctx context.Context, tx *sql.Tx, projectID int64, firstPosition int, labels []Label) error {
	for i, l := range labels {
		if _, err := tx.ExecContext(ctx, "INSERT INTO labels (project_id, name, color, hotkey, description, position) VALUES (?, ?, ?, ?, ?, ?)",
			projectID, l.Name, l.Color, l.Hotkey, l.Description, firstPosition+i); err != nil {
			return fmt.Errorf("db: insert label %s: %w", l.Name, err)
		}
	}
	return nil
}

// addMissingLabels adds each name not yet in the project's label set,
// inside the caller's transaction, with the next free hotkey (nextHotkey)
// and a colour apart from the set's (NextColor). The whole set is checked
// once (its stored labels as they were saved: validateLabels), after the
// names are gathered: checking it for each name made an
// import adding thousands of labels hold the write lock for minutes
// (checkImport refuses that many before this runs).
func addMissingLabels(ctx context.Context, tx *sql.Tx, p Project, names []string) ([]Label, error) {
	names = newLabels(p, names)
	if len(names) == 0 {
		return nil, nil
	}
	if len(names) > MaxImportLabels {
		return nil, invalid("labels", "the import adds %d labels, more than the %d one import may add", len(names), MaxImportLabels)
	}
	labels := slices.Clone(p.Labels)
	for _, name := range names {
		labels = append(labels, Label{Name: name, Color: NextColor(labels), Hotkey: nextHotkey(labels)})
	}
	if err := validateLabels(labels, len(p.Labels)); err != nil {
		return nil, err
	}
	added := labels[len(p.Labels):]
	return added, insertLabels(ctx, tx, p.ID, len(p.Labels), added)
}

// newLabels is names without those the project has and without repeats,
// in their order.
func newLabels(p Project, names []string) []string {
	seen := map[string]bool{}
	for _, l := range p.Labels {
		seen[l.Name] = true
	}
	var out []string
	for _, name := range names {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// Projects lists every project, oldest first.
func (s *Store) Projects(ctx context.Context) ([]Project, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, name FROM projects ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("db: list projects: %w", err)
	}
	defer rows.Close()
	var out []Project
	for rows.Next() {
		var p Project
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, fmt.Errorf("db: scan project: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Project loads a project with its labels and relation types.
func (s *Store) Project(ctx context.Context, id int64) (Project, error) {
	return loadProject(ctx, s.r, "id = ?", id)
}

// ProjectByName loads a project by its unique name.
func (s *Store) ProjectByName(ctx context.Context, name string) (Project, error) {
	return loadProject(ctx, s.r, "name = ?", name)
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func loadProject(ctx context.Context, q querier, where string, arg any) (Project, error) {
	var p Project
	err := q.QueryRowContext(ctx, "SELECT id, name, guidelines FROM projects WHERE "+where, arg).Scan(&p.ID, &p.Name, &p.Guidelines)
	if errors.Is(err, sql.ErrNoRows) {
		return Project{}, fmt.Errorf("project %v: %w", arg, ErrNotFound)
	}
	if err != nil {
		return Project{}, fmt.Errorf("db: load project %v: %w", arg, err)
	}
	rows, err := q.QueryContext(ctx, "SELECT name, color, hotkey, description FROM labels WHERE project_id = ? ORDER BY position, id", p.ID)
	if err != nil {
		return Project{}, fmt.Errorf("db: load labels of project %d: %w", p.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var l Label
		if err := rows.Scan(&l.Name, &l.Color, &l.Hotkey, &l.Description); err != nil {
			return Project{}, fmt.Errorf("db: scan label: %w", err)
		}
		p.Labels = append(p.Labels, l)
	}
	if err := rows.Err(); err != nil {
		return Project{}, fmt.Errorf("db: load labels of project %d: %w", p.ID, err)
	}
	rt, err := q.QueryContext(ctx, "SELECT name, from_labels, to_labels FROM relation_types WHERE project_id = ? ORDER BY id", p.ID)
	if err != nil {
		return Project{}, fmt.Errorf("db: load relation types of project %d: %w", p.ID, err)
	}
	defer rt.Close()
	for rt.Next() {
		var r RelationType
		var from, to string
		if err := rt.Scan(&r.Name, &from, &to); err != nil {
			return Project{}, fmt.Errorf("db: scan relation type: %w", err)
		}
		if err := errors.Join(json.Unmarshal([]byte(from), &r.From), json.Unmarshal([]byte(to), &r.To)); err != nil {
			return Project{}, fmt.Errorf("db: decode relation type %s: %w", r.Name, err)
		}
		p.RelationTypes = append(p.RelationTypes, r)
	}
	return p, rt.Err()
}

// nextProjectID is the id the next project gets: past every project
// there is and every one the log names, so no id comes to mean another.
func nextProjectID(ctx context.Context, tx *sql.Tx) (int64, error) {
	var last int64
	err := tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(id) FROM projects), 0),
		coalesce((SELECT max(project_id) FROM events), 0))`).Scan(&last)
	if err != nil {
		return 0, fmt.Errorf("db: next project id: %w", err)
	}
	return last + 1, nil
}
