package components

import (
	"encoding/json"

	"hashiya/db"
)

// relationRule is one relation type as the annotation page's script reads
// it: the labels its relations may join (an empty side: any label).
type relationRule struct {
	From []string `json:"from"`
	To   []string `json:"to"`
}

// relationRules is the project's relation types as JSON for #doc's
// data-relations, so the quotation tools offer what the store accepts.
func relationRules(p db.Project) string {
	rules := make(map[string]relationRule, len(p.RelationTypes))
	for _, rt := range p.RelationTypes {
		rules[rt.Name] = relationRule{From: nonNilLabels(rt.From), To: nonNilLabels(rt.To)}
	}
	b, err := json.Marshal(rules)
	if err != nil {
		// A map of strings always encodes; an empty rule set hides the tools.
		return "{}"
	}
	return string(b)
}

func nonNilLabels(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
