package components

import (
	"fmt"
	"strings"

	"hashiya/db"
)

// ImportCounts is what one imported file did: the documents it added,
// the documents the project had that it gave a layer, and the spans and
// relations it wrote into Layer ("gold" or a user's name).
type ImportCounts struct {
	Documents, Annotated, Spans, Relations int
	Layer                                  string
}

// ImportSummary says what an import did, as the command line, the
// import form and the API's "summary" say it: "Imported 200 documents
// (no annotations)", "Imported 2 documents with 5 spans into gold",
// "Imported 1,814 spans into layla's layer of 30 documents the project
// had", and when both came, "Imported 2 documents, and 9 spans into the
// gold layer of them and of 30 documents the project had".
func ImportSummary(c ImportCounts) string {
	var marks string
	switch {
	case c.Spans > 0 && c.Relations > 0:
		marks = countOf(c.Spans, "span") + " and " + countOf(c.Relations, "relation")
	case c.Spans > 0:
		marks = countOf(c.Spans, "span")
	case c.Relations > 0:
		marks = countOf(c.Relations, "relation")
	}
	return "Imported " + importWords(c.Documents, c.Annotated, marks, "", c.Layer)
}

// importWords is what an import did, after its verb: the new documents
// first, with what they hold, then what went onto documents the project
// had, which are no new documents and so never counted as such. marks is
// the spans and relations in words, "" for none; from (" from a.jsonl"
// or "") follows the new documents, or the marks when none came.
func importWords(documents, annotated int, marks, from, layer string) string {
	docs := countOf(documents, "document")
	if annotated <= 0 {
		if marks == "" {
			return docs + " (no annotations)" + from
		}
		return docs + " with " + marks + from + layerPhrase("into", layer)
	}
	if marks == "" {
		marks = "no annotations"
	}
	into := " into the gold layer"
	if layer != "" && layer != "gold" {
		into = " into " + layerName(layer)
	}
	had := countOf(annotated, "document") + " the project had"
	if documents <= 0 {
		return marks + from + into + " of " + had
	}
	return docs + from + ", and " + marks + into + " of them and of " + had
}

// AddedLabelsNote says which labels an import added and, of those, the
// ones no relation rule joins, with the rules there are, since a corpus
// of its own labels (ANERCorp's PERS beside the default PER) otherwise
// leaves a quotation no speaker to link to and nobody told why: "Added
// labels PERS, MISC; no relation rule joins PERS or MISC (speaker joins
// QUOTE to PER/ORG; cue joins QUOTE to CUE): …". "" when none was added.
func AddedLabelsNote(added, unjoined []string, rules []db.RelationType) string {
	if len(added) == 0 {
		return ""
	}
	note := "Added the label " + added[0]
	if len(added) > 1 {
		note = "Added labels " + strings.Join(added, ", ")
	}
	if len(unjoined) == 0 {
		return note
	}
	var joins []string
	for _, rt := range rules {
		joins = append(joins, rt.Name+" joins "+sideWords(rt.From)+" to "+sideWords(rt.To))
	}
	rulesSaid := "there is none"
	if len(joins) > 0 {
		rulesSaid = strings.Join(joins, "; ")
	}
	them, which := unjoined[0], "it"
	if len(unjoined) > 1 {
		them, which = strings.Join(unjoined[:len(unjoined)-1], ", ")+" or "+unjoined[len(unjoined)-1], "them"
	}
	return fmt.Sprintf("%s; no relation rule joins %s (%s): edit Relations on the project page if a link, a quotation's speaker say, should reach %s",
		note, them, rulesSaid, which)
}

// sideWords is one side of a relation rule in words: its labels, or any
// label when it names none.
func sideWords(labels []string) string {
	if len(labels) == 0 {
		return "any label"
	}
	return strings.Join(labels, "/")
}
