package web

import (
	"slices"

	"hashiya/db"
	"hashiya/web/suggest"
)

// vocabulary maps the quote suggester's labels (QUOTE, CUE, PER, ORG) to
// a project's: each is itself when the project has it; PER and ORG, when
// the project lacks them, stand for the labels its speaker rule reaches
// (a corpus whose people are PERS). A suggester label with no stand-in
// maps to "", and what carries it is not proposed.
type vocabulary struct {
	project   db.Project
	toProject map[string]string // suggester label -> project label
}

func vocabularyOf(p db.Project) vocabulary {
	v := vocabulary{project: p, toProject: map[string]string{}}
	var speakers []string // the speaker rule's labels the suggester has no name for
	if i := slices.IndexFunc(p.RelationTypes, func(rt db.RelationType) bool { return rt.Name == "speaker" }); i >= 0 {
		for _, l := range p.RelationTypes[i].To {
			if l != "PER" && l != "ORG" && l != "QUOTE" && l != "CUE" {
				speakers = append(speakers, l)
			}
		}
	}
	for _, l := range []string{"QUOTE", "CUE", "PER", "ORG"} {
		switch {
		case p.HasLabel(l):
			v.toProject[l] = l
		case (l == "PER" || l == "ORG") && len(speakers) > 0:
			v.toProject[l], speakers = speakers[0], speakers[1:]
		}
	}
	return v
}

// toSuggester is the suggester's name for a project label: PERS is PER
// when PERS stands in for it; any other label is itself.
func (v vocabulary) toSuggester(label string) string {
	for from, to := range v.toProject {
		if to == label {
			return from
		}
	}
	return label
}

// fromSuggester is the project's label for a suggester label of an
// existing span: its stand-in, or the label itself.
func (v vocabulary) fromSuggester(label string) string {
	if l := v.toProject[label]; l != "" {
		return l
	}
	return label
}

// fit turns a suggestion into the project's labels and keeps only what
// the project would store: spans of labels it has, relations of types it
// has whose rule joins their labels.
func (v vocabulary) fit(res suggest.Result) suggest.Result {
	labels := map[string]string{}
	for i, s := range res.Spans {
		if s.Existing {
			res.Spans[i].Label = v.fromSuggester(s.Label)
		} else {
			res.Spans[i].Label = v.toProject[s.Label]
		}
		labels[s.ID] = res.Spans[i].Label
	}
	return prune(res, func(s suggest.Span) bool { return !v.project.HasLabel(s.Label) }, func(r suggest.Relation) bool {
		i := slices.IndexFunc(v.project.RelationTypes, func(rt db.RelationType) bool { return rt.Name == r.Type })
		return i >= 0 && v.project.RelationTypes[i].Joins(labels[r.From], labels[r.To])
	})
}
