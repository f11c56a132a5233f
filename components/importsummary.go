package components

import (
	"context"
	"fmt"
	"strings"

	"hashiya/db"
)

// ImportCounts is what one imported file did: the documents it added,
// the documents the project had that it gave a layer, and the spans and
// relations it wrote into Layer ("gold" or a user's name).
// A texts-only import left the file's LeftOutSpans and LeftOutRelations
// out.
type ImportCounts struct {
	Documents, Annotated, Spans, Relations int
	Layer                                  string
	TextsOnly                              bool
	LeftOutSpans, LeftOutRelations         int
}

// ImportSummary says what an import did, as the command line, the
// import form and the API's "summary" say it: "Imported 200 documents
// (no annotations)", "Imported 2 documents with 5 spans into gold",
// "Imported 1,814 spans into layla's layer of 30 documents the project
// had", and when both came, "Imported 2 documents, and 9 spans into the
// gold layer of them and of 30 documents the project had". It is English
// unless ctx asks for another language (the import form's answer).
func ImportSummary(ctx context.Context, c ImportCounts) string {
	if c.TextsOnly && (c.LeftOutSpans > 0 || c.LeftOutRelations > 0) {
		return leftOutSummary(ctx, c)
	}
	if LangOf(ctx) != English {
		return importSummaryIn(ctx, c)
	}
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

// importSummaryIn is ImportSummary in ctx's language, sentence by
// sentence: the English is shared with the activity log's (importWords),
// whose pieces another language cannot put in its own order.
func importSummaryIn(ctx context.Context, c ImportCounts) string {
	docs := Tn(ctx, c.Documents, "1 document", "%d documents")
	spans, relations := Tn(ctx, c.Spans, "1 span", "%d spans"), Tn(ctx, c.Relations, "1 relation", "%d relations")
	marks := ""
	switch {
	case c.Spans > 0 && c.Relations > 0:
		marks = Tf(ctx, "%s and %s", spans, relations)
	case c.Spans > 0:
		marks = spans
	case c.Relations > 0:
		marks = relations
	}
	into := T(ctx, "into the gold layer")
	if c.Layer != "" && c.Layer != "gold" {
		into = Tf(ctx, "into %s's layer", isolate(c.Layer))
	}
	switch {
	case c.Annotated <= 0 && marks == "":
		return Tf(ctx, "Imported %s (no annotations)", docs)
	case c.Annotated <= 0:
		return Tf(ctx, "Imported %s with %s %s", docs, marks, into)
	case marks == "":
		marks = T(ctx, "no annotations")
	}
	had := Tn(ctx, c.Annotated, "1 document the project had", "%d documents the project had")
	if c.Documents <= 0 {
		return Tf(ctx, "Imported %s %s of %s", marks, into, had)
	}
	return Tf(ctx, "Imported %s, and %s %s of them and of %s", docs, marks, into, had)
}

// AddedLabelsNote says which labels an import added and, of those, the
// ones no relation rule joins, with the rules there are, since a corpus
// of its own labels (ANERCorp's PERS beside the default PER) otherwise
// leaves a quotation no speaker to link to and nobody told why: "Added
// labels PERS, MISC; no relation rule joins PERS or MISC (speaker joins
// QUOTE to PER/ORG; cue joins QUOTE to CUE): …". "" when none was added.
// It is English unless ctx asks for another language.
func AddedLabelsNote(ctx context.Context, added, unjoined []string, rules []db.RelationType) string {
	if len(added) == 0 {
		return ""
	}
	if LangOf(ctx) != English {
		return addedLabelsNoteIn(ctx, added, unjoined, rules)
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

// addedLabelsNoteIn is AddedLabelsNote in ctx's language, the label
// names isolated so Latin ones keep the sentence in its order.
func addedLabelsNoteIn(ctx context.Context, added, unjoined []string, rules []db.RelationType) string {
	note := Tf(ctx, "Added the label %s", isolate(added[0]))
	if len(added) > 1 {
		note = Tf(ctx, "Added labels %s", isolate(strings.Join(added, ", ")))
	}
	if len(unjoined) == 0 {
		return note
	}
	side := func(labels []string) string {
		if len(labels) == 0 {
			return T(ctx, "any label")
		}
		return isolate(strings.Join(labels, "/"))
	}
	var joins []string
	for _, rt := range rules {
		joins = append(joins, Tf(ctx, "%s joins %s to %s", isolate(rt.Name), side(rt.From), side(rt.To)))
	}
	rulesSaid := T(ctx, "there is none")
	if len(joins) > 0 {
		rulesSaid = strings.Join(joins, T(ctx, "; "))
	}
	them, which := isolate(unjoined[0]), T(ctx, "it")
	if len(unjoined) > 1 {
		them, which = Tf(ctx, "%s or %s", isolate(strings.Join(unjoined[:len(unjoined)-1], ", ")), isolate(unjoined[len(unjoined)-1])), T(ctx, "them")
	}
	return Tf(ctx, "%s; no relation rule joins %s (%s): edit Relations on the project page if a link, a quotation's speaker say, should reach %s",
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

// leftOutSummary says what a texts-only import brought and what it left
// out: "Imported 200 documents; their 11,187 spans were left out".
func leftOutSummary(ctx context.Context, c ImportCounts) string {
	docs := Tn(ctx, c.Documents, "1 document", "%d documents")
	spans, relations := Tn(ctx, c.LeftOutSpans, "1 span", "%d spans"), Tn(ctx, c.LeftOutRelations, "1 relation", "%d relations")
	if LangOf(ctx) == English {
		docs, spans, relations = countOf(c.Documents, "document"), countOf(c.LeftOutSpans, "span"), countOf(c.LeftOutRelations, "relation")
	}
	marks := spans
	switch {
	case c.LeftOutSpans > 0 && c.LeftOutRelations > 0:
		marks = Tf(ctx, "%s and %s", spans, relations)
	case c.LeftOutSpans == 0:
		marks = relations
	}
	if c.LeftOutSpans+c.LeftOutRelations == 1 {
		return Tf(ctx, "Imported %s; %s in the file was left out", docs, marks)
	}
	return Tf(ctx, "Imported %s; their %s were left out", docs, marks)
}
