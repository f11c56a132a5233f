package db

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"hashiya/db/codec"
)

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
	problems = append(problems, relationProblems(p, opts.AddLabels, d)...)
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
// types as they stand: a type it lacks is refused (with addLabels it is
// added, with no rule, so its name must be one a type may have), and a
// type it has joins only the labels its rule names. A quotation (a head
// and the segments joined to it) has one speaker and one cue, whichever
// of its segments they are linked from, as the quotes export has room
// for one.
func relationProblems(p Project, addLabels bool, d codec.Doc) []string {
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
			problems = append(problems, fmt.Sprintf("relation type %q is not defined in project %s (%s, to add it)", r.Type, p.Name, addLabelsHint))
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

// addLabelsHint says how an import adds what the project lacks, from the
// command line and from the API alike.
const addLabelsHint = `import with "Add labels the project lacks" ticked (--add-labels on the command line, add_labels=1 in the API)`

// labelNameRule says what a label (or relation type) name may be.
const labelNameRule = "a name is 1-40 letters, digits or _-.: (no spaces)"

// unknownLabels names, line by line, every label of d the project lacks:
// a span's own line when the format gives one (CoNLL), else d's.
func unknownLabels(p Project, file string, d codec.Doc) codec.Errors {
	return labelsByLine(file, d, func(name string) bool { return !p.HasLabel(name) }, func(what string) string {
		return fmt.Sprintf("%s not in project %s's label set (add it to the label set, or %s)", what, p.Name, addLabelsHint)
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
