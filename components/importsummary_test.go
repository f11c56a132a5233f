package components

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"hashiya/db"
)

// TestImportSummary: an import onto documents the project had says it
// imported spans into a layer of those documents, never "0 documents";
// one bringing new documents too says both.
func TestImportSummary(t *testing.T) {
	for _, tt := range []struct {
		c    ImportCounts
		want string
	}{
		{ImportCounts{Documents: 200, Layer: "gold"}, "Imported 200 documents (no annotations)"},
		{ImportCounts{Documents: 2, Spans: 5, Layer: "gold"}, "Imported 2 documents with 5 spans into gold"},
		{ImportCounts{Documents: 1, Spans: 11187, Relations: 1, Layer: "layla"}, "Imported 1 document with 11,187 spans and 1 relation into \u2068layla\u2069's layer"},
		{ImportCounts{Annotated: 30, Spans: 1814, Layer: "layla"}, "Imported 1,814 spans into \u2068layla\u2069's layer of 30 documents the project had"},
		{ImportCounts{Annotated: 1, Spans: 2, Relations: 1, Layer: "gold"}, "Imported 2 spans and 1 relation into the gold layer of 1 document the project had"},
		{ImportCounts{Documents: 2, Annotated: 30, Spans: 9, Layer: "gold"}, "Imported 2 documents, and 9 spans into the gold layer of them and of 30 documents the project had"},
	} {
		if got := ImportSummary(context.Background(), tt.c); got != tt.want {
			t.Errorf("ImportSummary(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

// TestImportEventText: the activity log words an import as its summary
// does, naming the file.
func TestImportEventText(t *testing.T) {
	for _, tt := range []struct{ detail, want string }{
		{`{"layer":"layla","file":"m.jsonl","documents":0,"annotated":30,"spans":1342,"relations":0}`, "imported 1,342 spans from m.jsonl into layla's layer of 30 documents the project had"},
		{`{"layer":"gold","file":"m.jsonl","documents":2,"annotated":3,"spans":7,"relations":2}`, "imported 2 documents from m.jsonl, and 7 spans and 2 links into the gold layer of them and of 3 documents the project had"},
		// Logged before imports counted the documents they annotated.
		{`{"layer":"gold","file":"a.jsonl","documents":2,"spans":5,"relations":0}`, "imported 2 documents with 5 spans from a.jsonl into gold"},
	} {
		got := strings.NewReplacer("\u2068", "", "\u2069", "").Replace(eventText(t.Context(), db.LoggedEvent{Action: "import", Detail: json.RawMessage(tt.detail)}))
		if got != tt.want {
			t.Errorf("import %s: %q, want %q", tt.detail, got, tt.want)
		}
	}
}

// TestAddedLabelsNote: labels an import added that no relation rule
// joins are named with the rules there are, so a manager learns why a
// quotation cannot be linked to a PERS speaker.
func TestAddedLabelsNote(t *testing.T) {
	rules := db.DefaultRelationTypes()
	for _, tt := range []struct {
		added, unjoined []string
		rules           []db.RelationType
		want            string
	}{
		{nil, nil, rules, ""},
		{[]string{"PERS"}, nil, []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}}, "Added the label PERS"},
		{[]string{"PERS", "MISC"}, []string{"PERS", "MISC"}, rules,
			"Added labels PERS, MISC; no relation rule joins PERS or MISC (speaker joins QUOTE to PER/ORG; cue joins QUOTE to CUE; segment joins QUOTE to QUOTE; refers_to joins PER/ORG to PER/ORG): edit Relations on the project page if a link, a quotation's speaker say, should reach them"},
		{[]string{"PERS", "MISC"}, []string{"MISC"}, []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}},
			"Added labels PERS, MISC; no relation rule joins MISC (speaker joins QUOTE to PERS): edit Relations on the project page if a link, a quotation's speaker say, should reach it"},
		{[]string{"X"}, []string{"X"}, nil, "Added the label X; no relation rule joins X (there is none): edit Relations on the project page if a link, a quotation's speaker say, should reach it"},
	} {
		if got := AddedLabelsNote(context.Background(), tt.added, tt.unjoined, tt.rules); got != tt.want {
			t.Errorf("AddedLabelsNote(%v, %v) =\n%q, want\n%q", tt.added, tt.unjoined, got, tt.want)
		}
	}
}
