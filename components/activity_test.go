package components

import (
	"encoding/json"
	"strings"
	"testing"

	"hashiya/db"
)

func TestEventSummary(t *testing.T) {
	tests := []struct {
		action, detail, want string
	}{
		{"span.create", `{"id":4,"start":13,"end":17,"label":"PER","text":"أحمد","attributes":{}}`, "PER 13–17 “أحمد”"},
		{"span.update", `{"before":{"start":1,"end":2,"label":"PER","text":"a"},"after":{"start":1,"end":3,"label":"ORG","text":"ab"}}`, "PER 1–2 “a” → ORG 1–3 “ab”"},
		{"relation.create", `{"id":1,"type":"speaker","from":4,"to":5}`, "speaker: span 4 → span 5"},
		{"relation.delete", `{"id":1,"type":"speaker","from":4,"to":5,"from_label":"QUOTE","from_text":"«نعم»","to_label":"PER","to_text":"أحمد"}`,
			"speaker: QUOTE “«نعم»” → PER “أحمد”"},
		// Span and relation events name the layer they changed; older ones
		// logged none and say nothing of it.
		{"span.create", `{"id":4,"start":13,"end":17,"label":"PER","text":"أحمد","layer":"gold"}`, "PER 13–17 “أحمد” in gold"},
		{"span.delete", `{"id":4,"start":13,"end":17,"label":"PER","text":"أحمد","layer":"layla"}`, "PER 13–17 “أحمد” in layla's layer"},
		{"span.update", `{"before":{"start":1,"end":2,"label":"PER","text":"a"},"after":{"start":1,"end":2,"label":"ORG","text":"a"},"layer":"ليلى"}`,
			"PER 1–2 “a” → ORG 1–2 “a” in ليلى's layer"},
		{"relation.create", `{"id":1,"type":"speaker","from":4,"to":5,"layer":"gold"}`, "speaker: span 4 → span 5 in gold"},
		{"relation.delete", `{"id":1,"type":"cue","from":4,"to":6,"from_label":"QUOTE","from_text":"«نعم»","to_label":"CUE","to_text":"قال","layer":"omar"}`,
			"cue: QUOTE “«نعم»” → CUE “قال” in omar's layer"},
		{"layer.reopen", `{"layer":"layla"}`, "layer of layla"},
		{"layer.reviewed", `{"layer":"gold"}`, "layer of gold"},
		{"assignment.set", `{"user":"layla","documents":["d1","d2"]}`, "layla: d1, d2"},
		{"assignment.auto", `{"per_document":2,"added":6,"by_user":{}}`, "2 per document, 6 assignments added"},
		{"member.set", `{"user":"rana","role":"reviewer"}`, "rana as reviewer"},
		{"suggestion.reject", `[{"label":"QUOTE","start":3,"end":9}]`, "QUOTE 3–9"},
		{"import", `{"file":"a.jsonl","documents":2,"spans":5,"relations":0}`, "a.jsonl: 2 documents, 5 spans, 0 relations"},
		{"import", `{"layer":"gold","file":"a.jsonl","documents":2,"spans":5,"relations":0}`, "a.jsonl: 2 documents, 5 spans, 0 relations into gold"},
		{"import", `{"layer":"ليلى","file":"a.jsonl","documents":1,"spans":1,"relations":0}`, "a.jsonl: 1 document, 1 span, 0 relations into ليلى's layer"},
		{"review.accept-agreed", `{"spans":[4,5,9],"relations":[2]}`, "3 spans and 1 link"},
		{"review.undo-accept", `{"accept":81,"spans":3,"relations":0}`, "3 spans and 0 links"},
		{"span.update", `{"before":1}`, `{"before":1}`}, // unreadable: shown as stored
		{"future.action", `{"x":1}`, `{"x":1}`},
		{"guidelines.set", `{"before":"old","after":"علّم كل اقتباس\nsecond line"}`, "“علّم كل اقتباس” (3 → 26 characters)"},
		{"labels.set", `{"before":[{"Name":"PER","Color":"#111111"}],"after":[{"Name":"PER"},{"Name":"EVENT"}]}`, "PER, EVENT (was PER)"},
		{"relation_types.set", `{"before":[{"name":"speaker","from":["QUOTE"],"to":["PER","ORG"]}],"after":[{"name":"speaker","from":["QUOTE"],"to":["PERS"]},{"name":"near","from":[],"to":[]}]}`,
			"speaker QUOTE → PERS; near any → any (was speaker QUOTE → PER/ORG)"},
		{"note.add", `{"id":7,"body":"PER or ORG?\nthe title too","start":13,"end":17,"text":"أحمد"}`, "#7 on 13–17 “أحمد”: “PER or ORG?”"},
		{"note.add", `{"id":8,"body":"اقرأ الإرشادات","start":null,"end":null,"text":null}`, "#8: “اقرأ الإرشادات”"},
		{"note.resolve", `{"id":7,"author":"layla","body":"PER or ORG?"}`, "#7 by layla: “PER or ORG?”"},
		{"note.reopen", `{"id":7,"author":"layla","body":"PER or ORG?"}`, "#7 by layla: “PER or ORG?”"},
		{"note.delete", `{"id":7,"author":"layla","body":"` + strings.Repeat("ب", 100) + `","start":13,"end":17,"text":"أحمد","created_at":"2026-01-02T03:04:05.000Z","resolved_by":null}`,
			"#7 by layla on 13–17 “أحمد”: “" + strings.Repeat("ب", 80) + "…”"},
		{"note.delete", `{"id":"seven"}`, `{"id":"seven"}`}, // unreadable: shown as stored
		{"future.action", `{"x":"` + strings.Repeat("a", 200) + `"}`, `{"x":"` + strings.Repeat("a", 74) + "…"},
	}
	for _, tt := range tests {
		got := eventSummary(db.LoggedEvent{Action: tt.action, Detail: json.RawMessage(tt.detail)})
		if isolates.Replace(got) != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.action, tt.detail, got, tt.want)
		}
	}
	// A layer's owner is isolated too, so an Arabic name keeps "'s layer"
	// after it.
	if got := eventSummary(db.LoggedEvent{Action: "span.create", Detail: json.RawMessage(`{"start":0,"end":1,"label":"PER","text":"a","layer":"ليلى"}`)}); !strings.HasSuffix(got, " in \u2068ليلى\u2069's layer") {
		t.Errorf("span summary %q, want the owner's name isolated", got)
	}
	// Quoted texts are isolated, so Arabic keeps the counts after it in
	// their place.
	if got := eventSummary(db.LoggedEvent{Action: "guidelines.set", Detail: json.RawMessage(`{"before":"","after":"علّم"}`)}); got != "“\u2068علّم\u2069” (0 → 4 characters)" {
		t.Errorf("guidelines summary %q, want the text isolated", got)
	}
}

// isolates drops the bidi isolates quoted() puts around texts.
var isolates = strings.NewReplacer("\u2068", "", "\u2069", "")

// TestNoteActionNames: the activity page says in words what each note
// event did, never the raw action.
func TestNoteActionNames(t *testing.T) {
	for action, want := range map[string]string{"note.add": "added a note", "note.resolve": "resolved a note",
		"note.reopen": "reopened a note", "note.delete": "deleted a note"} {
		if got := actionName(action); got != want {
			t.Errorf("%s is shown as %q, want %q", action, got, want)
		}
	}
}
