package db

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"hashiya/db/codec"
)

// importCheck finds every line of an import that cannot go in, one line
// at a time: an id the project already has, a label or relation type it
// lacks (or, with AddLabels, one whose name it could not take), a
// relation its rules refuse, or span attributes the API would refuse.
// The rules are the project's as they stand: an import may add labels
// and relation types, never change a rule. Of each line it keeps only
// the first use of each label and relation type, for the file-wide caps
// and the names to add, so a file is checked in the memory of one line.
type importCheck struct {
	p             Project
	opts          ImportOptions
	bad           codec.Errors
	labels, types nameTally
}

func newImportCheck(p Project, opts ImportOptions) *importCheck {
	return &importCheck{p: p, opts: opts}
}

// doc checks line d, and returns the id of the document the project has
// already whose layer d adds, 0 when it has none (or d is bad).
func (c *importCheck) doc(ctx context.Context, tx *sql.Tx, d codec.Doc) (int64, error) {
	id, reason, err := existingDocument(ctx, tx, c.p, c.opts, d)
	if err != nil {
		return 0, err
	}
	if reason != "" {
		c.bad = append(c.bad, codec.LineError{File: c.opts.File, Line: d.Line, Reason: reason})
		id = 0
	}
	if c.opts.AddLabels {
		c.bad = append(c.bad, unfitLabelNames(c.p, c.opts.File, d)...)
	} else {
		c.bad = append(c.bad, unknownLabels(c.p, c.opts, d)...)
	}
	c.bad = append(c.bad, badAnnotations(c.p, c.opts, d)...)
	for _, sp := range d.Spans {
		c.labels.use(sp.Label, cmp.Or(sp.Line, d.Line))
	}
	for _, r := range d.Relations {
		c.types.use(r.Type, d.Line)
	}
	return id, nil
}

// errors is every bad line found so far and the file-wide caps, in line
// order; nil when there is none.
func (c *importCheck) errors() error {
	bad := append(slices.Clone(c.bad), c.capErrors()...)
	if len(bad) == 0 {
		return nil
	}
	slices.SortStableFunc(bad, func(a, b codec.LineError) int { return a.Line - b.Line })
	return bad
}

// checkImport checks every line of docs (see importCheck), and returns
// the ids of the documents the project has already whose lines annotate
// them, by external id.
func checkImport(ctx context.Context, tx *sql.Tx, p Project, opts ImportOptions, docs []codec.Doc) (map[string]int64, *importCheck, error) {
	c := newImportCheck(p, opts)
	existing := map[string]int64{}
	for _, d := range docs {
		id, err := c.doc(ctx, tx, d)
		if err != nil {
			return nil, nil, err
		}
		if id != 0 {
			existing[d.ExternalID] = id
		}
	}
	return existing, c, c.errors()
}

// existingDocument says why line d cannot go in when the project has a
// document with its id already, "" when it can: its annotations then go
// onto that document, in a layer the document lacks, provided the text is
// the document's to the character (offsets mean nothing on another text)
// and the line brings a layer at all. It returns that document's id too,
// 0 when the project has none of that id.
func existingDocument(ctx context.Context, tx *sql.Tx, p Project, opts ImportOptions, d codec.Doc) (int64, string, error) {
	id, text, err := documentByExternalID(ctx, tx, p.ID, d.ExternalID)
	if err != nil || id == 0 {
		return 0, "", err
	}
	var layers int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM layers WHERE document_id = ? AND owner_id IS ?", id, nullID(opts.Owner)).Scan(&layers); err != nil {
		return 0, "", fmt.Errorf("db: check the layers of document %q: %w", d.ExternalID, err)
	}
	switch {
	case text != d.Text:
		return id, fmt.Sprintf("project %s already has a document with id %q, with another text: annotations go onto a document only with its text, character for character", p.Name, d.ExternalID), nil
	// The two reasons a file imported twice gives on every line name the
	// line's document by the line, not by its id, so that the import
	// form says each once for all its lines (badlines.js) rather than a
	// line per document.
	case importStatus(d) == "":
		return id, fmt.Sprintf("project %s already has this line's document (the line brings no annotations for it)", p.Name), nil
	case layers > 0:
		return id, fmt.Sprintf("this line's document of project %s has that layer already: an import adds a layer a document lacks, never into one it has", p.Name), nil
	}
	return id, "", nil
}

// documentByExternalID is the id and text of the project's document of
// that external id; id 0 when there is none.
func documentByExternalID(ctx context.Context, tx *sql.Tx, projectID int64, externalID string) (int64, string, error) {
	var id int64
	var text string
	err := tx.QueryRowContext(ctx, "SELECT id, text FROM documents WHERE project_id = ? AND external_id = ?", projectID, externalID).Scan(&id, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("db: find document %q: %w", externalID, err)
	}
	return id, text, nil
}

// maxLineProblems caps the relation and attribute problems given for one
// line, as the codec caps a line's own: enough to fix several per run.
const maxLineProblems = 5

// badAnnotations checks what an import line annotates as the API checks
// what an annotator does, so nothing gets in by import that the editor
// would refuse (and then refuse every later change of): span attributes
// by the API's validator, relations by the project's relation types and
// their rules, and never from a span to itself. Both ends of a relation
// are spans of the same line, and so of the same document and layer (the
// codec refuses a relation naming any other).
func badAnnotations(p Project, opts ImportOptions, d codec.Doc) codec.Errors {
	problems := spanAttributeProblems(d)
	problems = append(problems, relationProblems(p, opts, d)...)
	if len(problems) == 0 {
		return nil
	}
	reason := strings.Join(problems, "; ")
	if len(problems) > maxLineProblems {
		reason = fmt.Sprintf("%s; and %d more problems", strings.Join(problems[:maxLineProblems], "; "), len(problems)-maxLineProblems)
	}
	return codec.Errors{{File: opts.File, Line: d.Line, Reason: reason}}
}

// spanAttributeProblems checks each span's attributes with
// mergeAttributes, the validator of the API's span edits: each attribute
// on its own first, so a span with two wrong ones gets both named, then
// all of them together (their size and depth).
func spanAttributeProblems(d codec.Doc) []string {
	var problems []string
	for _, sp := range d.Spans {
		var attrs map[string]json.RawMessage
		if json.Unmarshal(sp.Attributes, &attrs) != nil || len(attrs) == 0 {
			continue // the codec passes only JSON objects; an empty one holds nothing wrong
		}
		n := len(problems)
		for _, key := range slices.Sorted(maps.Keys(attrs)) {
			one, err := json.Marshal(map[string]json.RawMessage{key: attrs[key]})
			if err == nil {
				_, err = mergeAttributes(one, nil, sp.Label)
			}
			if err != nil {
				problems = append(problems, attributeProblem(sp, err))
			}
		}
		if len(problems) == n {
			if _, err := mergeAttributes(sp.Attributes, nil, sp.Label); err != nil {
				problems = append(problems, attributeProblem(sp, err))
			}
		}
	}
	return problems
}

// attributeProblem words what mergeAttributes refused in sp's attributes.
func attributeProblem(sp codec.Span, err error) string {
	var ve *ValidationError
	if errors.As(err, &ve) {
		err = errors.New(ve.Reason)
	}
	return fmt.Sprintf("%s: %v", spanName(sp), err)
}

// relationProblems checks d's relations against the project's relation
// types as they stand: a type it lacks is refused (with opts.AddLabels it is
// added, with no rule, so its name must be one a type may have), and a
// type it has joins only the labels its rule names. A quotation (a head
// and the segments joined to it) has one speaker and one cue, whichever
// of its segments they are linked from, as the quotes export has room
// for one.
func relationProblems(p Project, opts ImportOptions, d codec.Doc) []string {
	addLabels := opts.AddLabels
	spans := map[string]codec.Span{}
	for _, sp := range d.Spans {
		if sp.Ref != "" {
			spans[sp.Ref] = sp
		}
	}
	quotation := quotationHeads(d, spans)
	var problems []string
	said := map[string]bool{}                // relation types already named as missing
	single := map[[2]string]codec.Relation{} // quotation (or span) and single link type -> its link
	for _, r := range d.Relations {
		i := slices.IndexFunc(p.RelationTypes, func(rt RelationType) bool { return rt.Name == r.Type })
		once := [2]string{quotation(r.From), r.Type}
		first, twice := single[once]
		switch {
		case singleLinks[r.Type] && twice && first.From == r.From:
			problems = append(problems, fmt.Sprintf("span %q has two %s relations: a span has one %s (keep the one you mean)", r.From, r.Type, r.Type))
		case singleLinks[r.Type] && twice:
			problems = append(problems, fmt.Sprintf("quotation %q has two %ss, %s from its segment %q and %s from its segment %q: a quotation has one %s (keep the one you mean)",
				once[0], r.Type, quotedSpan(d, spans, first.To), first.From, quotedSpan(d, spans, r.To), r.From, r.Type))
		case r.From == r.To:
			problems = append(problems, fmt.Sprintf("relation %s joins span %q to itself: a relation joins two different spans", r.Type, r.From))
		case i >= 0 && !p.RelationTypes[i].Joins(spans[r.From].Label, spans[r.To].Label):
			rule := p.RelationTypes[i]
			problems = append(problems, fmt.Sprintf("relation %s from span %q to span %q: a %s relation joins %s -> %s, not %s -> %s",
				r.Type, r.From, r.To, rule.Name, labelsOrAny(rule.From), labelsOrAny(rule.To), spans[r.From].Label, spans[r.To].Label))
		case i < 0 && said[r.Type]:
		case i < 0 && !addLabels:
			said[r.Type] = true
			problems = append(problems, fmt.Sprintf("relation type %q is not defined in project %s (%s, to add it)", r.Type, p.Name, addLabelsHint(opts.Via)))
		case i < 0 && !labelName.MatchString(r.Type):
			said[r.Type] = true
			problems = append(problems, fmt.Sprintf("relation type %q is not defined in project %s and cannot be added: %s", r.Type, p.Name, labelNameRule))
		}
		if !twice {
			single[once] = r
		}
	}
	return append(problems, speakerNotInTextProblems(d, spans, quotation, single)...)
}

// quotationHeads gives, for a span id of d, the id of its quotation's
// head (its first segment in the text) when it is a QUOTE joined to
// others by segment relations, else the id itself, as codec.Quotations
// groups a layer's quotations for the export.
func quotationHeads(d codec.Doc, spans map[string]codec.Span) func(string) string {
	parent := map[string]string{}
	var find func(string) string
	find = func(ref string) string {
		if up, ok := parent[ref]; ok && up != ref {
			parent[ref] = find(up)
			return parent[ref]
		}
		return ref
	}
	for _, r := range d.Relations {
		if r.Type != "segment" || spans[r.From].Label != "QUOTE" || spans[r.To].Label != "QUOTE" {
			continue
		}
		a, b := find(r.From), find(r.To)
		if spans[b].Start < spans[a].Start || spans[b].Start == spans[a].Start && b < a {
			a, b = b, a
		}
		if a != b {
			parent[b] = a
		}
	}
	return find
}

// speakerNotInTextProblems refuses a quotation marked "Speaker not in the
// text" (speaker_in_text false on any of its segments) that has a speaker
// linked all the same: the two say opposite things, and the quotes
// export could write only one of them.
func speakerNotInTextProblems(d codec.Doc, spans map[string]codec.Span, quotation func(string) string, single map[[2]string]codec.Relation) []string {
	var problems []string
	for _, sp := range d.Spans {
		if sp.Label != "QUOTE" || sp.Ref == "" {
			continue
		}
		var a struct {
			SpeakerInText *bool `json:"speaker_in_text"`
		}
		if json.Unmarshal(sp.Attributes, &a) != nil || a.SpeakerInText == nil || *a.SpeakerInText {
			continue
		}
		if r, ok := single[[2]string{quotation(sp.Ref), "speaker"}]; ok {
			problems = append(problems, fmt.Sprintf("%s is marked speaker_in_text false (speaker not in the text), yet its quotation has the speaker %s: remove the mark or the speaker",
				spanName(sp), quotedSpan(d, spans, r.To)))
		}
	}
	return problems
}

// quotedSpan names a span of d by its id and its text.
func quotedSpan(d codec.Doc, spans map[string]codec.Span, ref string) string {
	sp, ok := spans[ref]
	runes := []rune(d.Text)
	if !ok || sp.Start < 0 || sp.End > len(runes) || sp.Start > sp.End {
		return fmt.Sprintf("span %q", ref)
	}
	return fmt.Sprintf("span %q (%s)", ref, string(runes[sp.Start:sp.End]))
}

// spanName names an imported span in a message: its id in the file when
// it has one, its label and offsets.
func spanName(sp codec.Span) string {
	if sp.Ref != "" {
		return fmt.Sprintf("span %q (%s at %d..%d)", sp.Ref, sp.Label, sp.Start, sp.End)
	}
	return fmt.Sprintf("span %s at %d..%d", sp.Label, sp.Start, sp.End)
}

// ImportVia is where an import was asked for, so that a refusal names
// the control to use there: the codec's own, which words the refusals of
// reading the file (offsets to read as UTF-16 units, a line of another
// layer) as the store words those of checking it against the project.
type ImportVia = codec.Via

const (
	ViaAny         = codec.ViaAny         // not said: a refusal names every way
	ViaCommandLine = codec.ViaCommandLine // hashiya import
	ViaAPI         = codec.ViaAPI         // a script with an API token
	ViaForm        = codec.ViaForm        // the project page's import form
)

// addLabelsHint says how an import adds what the project lacks, where it
// was asked for.
func addLabelsHint(v ImportVia) string {
	switch v {
	case ViaCommandLine:
		return "import with --add-labels"
	case ViaAPI:
		return "import with add_labels=1"
	case ViaForm:
		return `import with "Add labels the project lacks" ticked on the import form`
	}
	return `import with "Add labels the project lacks" ticked (--add-labels on the command line, add_labels=1 in the API)`
}

// labelNameRule says what a label (or relation type) name may be.
const labelNameRule = "a name is 1-40 letters, digits or _-.: (no spaces)"

// unknownLabels names, line by line, every label of d the project lacks:
// a span's own line when the format gives one (CoNLL), else d's.
func unknownLabels(p Project, opts ImportOptions, d codec.Doc) codec.Errors {
	return labelsByLine(opts.File, d, func(name string) bool { return !p.HasLabel(name) }, func(what string) string {
		them := "it"
		if strings.HasPrefix(what, "labels ") {
			them = "them"
		}
		return fmt.Sprintf("%s not in project %s's label set (add %s to the label set, or %s)", what, p.Name, them, addLabelsHint(opts.Via))
	})
}

// unfitLabelNames names, line by line, every label of d that the project
// lacks and could not take as it is, when the import adds labels.
func unfitLabelNames(p Project, file string, d codec.Doc) codec.Errors {
	return labelsByLine(file, d, func(name string) bool { return !p.HasLabel(name) && !labelName.MatchString(name) }, func(what string) string {
		return fmt.Sprintf("%s not in project %s's label set and cannot be added: %s", what, p.Name, labelNameRule)
	})
}

// capErrors refuses, when the import adds labels, a file that adds more
// labels (relation types) than one import may add or would take the
// project past what a project may have, on the line where the first
// name over the cap is first used.
func (c *importCheck) capErrors() codec.Errors {
	if !c.opts.AddLabels {
		return nil
	}
	var labels, types []string
	for _, l := range c.p.Labels {
		labels = append(labels, l.Name)
	}
	for _, rt := range c.p.RelationTypes {
		types = append(types, rt.Name)
	}
	bad := overCap(c.p, c.opts.File, nameCap{"label", MaxImportLabels, MaxLabels}, labels, c.labels.first)
	return append(bad, overCap(c.p, c.opts.File, nameCap{"relation type", MaxImportRelationTypes, MaxRelationTypes}, types, c.types.first)...)
}

// nameTally keeps the first use of each name a file uses, in the order
// they come: all the caps and the labels to add need of a file.
type nameTally struct {
	seen  map[string]bool
	first []nameUse
}

func (t *nameTally) use(name string, line int) {
	if t.seen == nil {
		t.seen = map[string]bool{}
	}
	if !t.seen[name] {
		t.seen[name] = true
		t.first = append(t.first, nameUse{name, line})
	}
}

// names lists the names used, in first-use order.
func (t *nameTally) names() []string {
	names := make([]string, len(t.first))
	for i, u := range t.first {
		names[i] = u.name
	}
	return names
}

// nameUse is a label or relation type as a file uses it, on a line.
type nameUse struct {
	name string
	line int
}

// nameCap is how many names of a kind one import may add and a project
// may have.
type nameCap struct {
	kind                  string // "label", "relation type"
	perImport, perProject int
}

// overCap is one error, on the line first using the first new name over
// the cap, when the names used that the project lacks (have) are more
// than one import may add or would take it past what a project may have.
func overCap(p Project, file string, c nameCap, have []string, used []nameUse) codec.Errors {
	seen := map[string]bool{}
	for _, name := range have {
		seen[name] = true
	}
	var added []nameUse
	for _, u := range used {
		if !seen[u.name] {
			seen[u.name] = true
			added = append(added, u)
		}
	}
	room := max(c.perProject-len(have), 0)
	var cut int
	var reason string
	switch {
	case len(added) > c.perImport && c.perImport <= room:
		cut = c.perImport
		reason = fmt.Sprintf("the file uses %d %ss project %s lacks, more than the %d one import may add", len(added), c.kind, p.Name, c.perImport)
	case len(added) > room:
		cut = room
		reason = fmt.Sprintf("the file uses %d %ss project %s lacks, and with its %d %ss that is %d, more than the %d a project may have",
			len(added), c.kind, p.Name, len(have), c.kind, len(have)+len(added), c.perProject)
	default:
		return nil
	}
	first := added[cut]
	return codec.Errors{{File: file, Line: first.line, Reason: fmt.Sprintf("%s; new %s number %d, %q, is first used here", reason, c.kind, cut+1, first.name)}}
}

// labelsByLine gives one error per line holding labels of d that refused
// says are wrong, each named once; reason words it from `label "X" is`
// or `labels "X", "Y" are`.
func labelsByLine(file string, d codec.Doc, refused func(string) bool, reason func(what string) string) codec.Errors {
	byLine := map[int][]string{}
	for _, sp := range d.Spans {
		line := cmp.Or(sp.Line, d.Line)
		if refused(sp.Label) && !slices.Contains(byLine[line], sp.Label) {
			byLine[line] = append(byLine[line], sp.Label)
		}
	}
	var bad codec.Errors
	for _, line := range slices.Sorted(maps.Keys(byLine)) {
		names := byLine[line]
		quoted := make([]string, len(names))
		for i, n := range names {
			quoted[i] = strconv.Quote(n)
		}
		what := "label " + quoted[0] + " is"
		if len(names) > 1 {
			what = "labels " + strings.Join(quoted, ", ") + " are"
		}
		bad = append(bad, codec.LineError{File: file, Line: line, Reason: reason(what)})
	}
	return bad
}
