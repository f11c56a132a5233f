package db

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"hashiya/db/codec"
)

// LabelSet is a project's labels with its relation rules: what a labels
// file holds (`hashiya project create --labels`, the project page's
// upload) and what downloading a project's labels gives. RelationTypes
// nil means the file gave no rules: a new project then gets the default
// rules and an upload keeps the project's, each cut to the labels.
type LabelSet struct {
	Labels        []Label        `json:"labels"`
	RelationTypes []RelationType `json:"relation_types"`
}

// LabelSetOf is p's label set as a labels file holds it, every side of
// a rule a list ([] for any label), so the file reads back the same.
func LabelSetOf(p Project) LabelSet {
	set := LabelSet{Labels: slices.Clone(p.Labels), RelationTypes: []RelationType{}}
	if set.Labels == nil {
		set.Labels = []Label{}
	}
	for _, rt := range p.RelationTypes {
		set.RelationTypes = append(set.RelationTypes, RelationType{Name: rt.Name, From: nonNil(rt.From), To: nonNil(rt.To)})
	}
	return set
}

// LabelFileError is what is wrong with a labels file, and on which line
// when that is known (0: the file as a whole).
type LabelFileError struct {
	Line   int
	Reason string
}

func (e *LabelFileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// InFile names the labels file file in an error of ParseLabelSet, as
// FILE:LINE: reason or FILE: reason, a validation error whose text is
// that alone (no field before it: the file's name stands there).
func InFile(file string, err error) error {
	var le *LabelFileError
	if errors.As(err, &le) && le.Line > 0 {
		return &ValidationError{Reason: fmt.Sprintf("%s:%d: %s", file, le.Line, le.Reason)}
	}
	return &ValidationError{Reason: fmt.Sprintf("%s: %v", file, err)}
}

// labelKeys and ruleKeys are the keys of one label and of one relation
// rule in a labels file, in the order messages list them.
var (
	labelKeys = []string{"name", "color", "hotkey", "description"}
	ruleKeys  = []string{"name", "from", "to"}
	setKeys   = []string{"labels", "relation_types"}
)

// ParseLabelSet reads a labels file: a JSON array of labels, or an
// object {"labels": [...], "relation_types": [...]} as LabelSetOf gives.
// It decodes strictly, key by key, because encoding/json would quietly
// drop a misspelt key ("colour") and match keys case-insensitively, and
// checks the set as every other way of setting labels does
// (ValidateLabels, ValidateRelationTypes, and that each rule names
// labels of the set).
func ParseLabelSet(body []byte) (LabelSet, error) {
	var set LabelSet
	// encoding/json would turn bytes that are not UTF-8 into U+FFFD
	// without a word.
	if bad := codec.TextProblem(body); bad != "" {
		return set, &LabelFileError{Reason: bad}
	}
	if err := json.Unmarshal(body, new(json.RawMessage)); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line := 1 + bytes.Count(body[:min(syn.Offset, int64(len(body)))], []byte("\n"))
			return set, &LabelFileError{Line: line, Reason: "not valid JSON: " + err.Error()}
		}
		return set, &LabelFileError{Reason: "not valid JSON: " + err.Error()}
	}
	labels, rules, err := labelSetParts(body)
	if err != nil {
		return set, err
	}
	if set.Labels, err = decodeLabels(labels); err != nil {
		return set, err
	}
	if len(set.Labels) == 0 {
		return set, &LabelFileError{Reason: "no labels: want at least one"}
	}
	if rules != nil {
		if set.RelationTypes, err = decodeRules(rules); err != nil {
			return set, err
		}
	}
	return set, set.validate()
}

// labelSetParts splits a labels file into its labels and its rules (nil
// when it gives none: an array of labels alone).
func labelSetParts(body []byte) (labels, rules []json.RawMessage, err error) {
	if json.Unmarshal(body, &labels) == nil {
		return labels, nil, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil || fields == nil {
		return nil, nil, &LabelFileError{Reason: `want a JSON array of labels such as [{"name": "PER", "color": "#e5484d", "hotkey": "1"}], or an object {"labels": [...], "relation_types": [...]}`}
	}
	if dup := codec.DuplicateKey(body); dup != "" {
		return nil, nil, &LabelFileError{Reason: dup + "; give each key once"}
	}
	if err := onlyKeys(fields, setKeys); err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(fields["labels"], &labels); err != nil || labels == nil {
		return nil, nil, &LabelFileError{Reason: `labels: want an array of labels such as [{"name": "PER", "color": "#e5484d", "hotkey": "1"}]`}
	}
	if raw, ok := fields["relation_types"]; ok {
		if err := json.Unmarshal(raw, &rules); err != nil || rules == nil {
			return nil, nil, &LabelFileError{Reason: `relation_types: want an array of rules such as [{"name": "speaker", "from": ["QUOTE"], "to": ["PER", "ORG"]}]`}
		}
	}
	return labels, rules, nil
}

// decodeLabels decodes each {"name", "color", "hotkey", "description"}
// object. Labels are counted from 1 in its messages.
func decodeLabels(items []json.RawMessage) ([]Label, error) {
	labels := make([]Label, len(items))
	for i, raw := range items {
		fields, err := fileObject(raw, "label", i, labelKeys)
		if err != nil {
			return nil, err
		}
		l := &labels[i]
		for j, dst := range []*string{&l.Name, &l.Color, &l.Hotkey, &l.Description} {
			if raw, ok := fields[labelKeys[j]]; ok {
				if err := json.Unmarshal(raw, dst); err != nil {
					return nil, &LabelFileError{Reason: fmt.Sprintf("label %d: %s must be a string, not %s", i+1, labelKeys[j], raw)}
				}
			}
		}
	}
	return labels, nil
}

// decodeRules decodes each {"name", "from", "to"} object, its sides
// arrays of label names. Rules are counted from 1 in its messages.
func decodeRules(items []json.RawMessage) ([]RelationType, error) {
	rules := make([]RelationType, len(items))
	for i, raw := range items {
		fields, err := fileObject(raw, "relation type", i, ruleKeys)
		if err != nil {
			return nil, err
		}
		rt := &rules[i]
		if raw, ok := fields["name"]; ok {
			if err := json.Unmarshal(raw, &rt.Name); err != nil {
				return nil, &LabelFileError{Reason: fmt.Sprintf("relation type %d: name must be a string, not %s", i+1, raw)}
			}
		}
		for j, dst := range []*[]string{&rt.From, &rt.To} {
			side := ruleKeys[j+1]
			if raw, ok := fields[side]; ok {
				if err := json.Unmarshal(raw, dst); err != nil {
					return nil, &LabelFileError{Reason: fmt.Sprintf(`relation type %d: %s must be an array of label names such as ["PER", "ORG"] ([] for any label), not %s`, i+1, side, raw)}
				}
			}
		}
	}
	return rules, nil
}

// fileObject decodes the i-th element of a list of what (a label, a
// relation type) as an object holding only keys, each once.
func fileObject(raw json.RawMessage, what string, i int, keys []string) (map[string]json.RawMessage, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return nil, &LabelFileError{Reason: fmt.Sprintf("%s %d: want an object with the keys %s", what, i+1, joinKeys(keys))}
	}
	if dup := codec.DuplicateKey(raw); dup != "" {
		return nil, &LabelFileError{Reason: fmt.Sprintf("%s %d: %s; give each key once", what, i+1, dup)}
	}
	if err := onlyKeys(fields, keys); err != nil {
		return nil, &LabelFileError{Reason: fmt.Sprintf("%s %d: %v", what, i+1, err)}
	}
	return fields, nil
}

// onlyKeys refuses the first key, in sorted order, that is not one of keys.
func onlyKeys(fields map[string]json.RawMessage, keys []string) error {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if !slices.Contains(keys, k) {
			return &LabelFileError{Reason: fmt.Sprintf("unknown key %q (want %s)", k, joinKeys(keys))}
		}
	}
	return nil
}

func joinKeys(keys []string) string { return strings.Join(keys, ", ") }

// validate checks the set as the store will: the labels, the rules, and
// that each rule names only labels of the set.
func (set LabelSet) validate() error {
	if err := ValidateLabels(set.Labels); err != nil {
		return err
	}
	if err := ValidateRelationTypes(set.RelationTypes); err != nil {
		return err
	}
	return rulesNameLabels(set.Labels, set.RelationTypes)
}

// rulesNameLabels refuses a rule naming a label the set lacks.
func rulesNameLabels(labels []Label, types []RelationType) error {
	set := Project{Labels: labels}
	for i, rt := range types {
		for side, names := range rt.sides() {
			for _, l := range names {
				if !set.HasLabel(l) {
					return invalidCell("relation_types", i, side, "relation type %s names label %s, which the label set does not have", rt.Name, l)
				}
			}
		}
	}
	return nil
}
