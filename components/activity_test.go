package components

import (
	"encoding/json"
	"strings"
	"testing"

	"hashiya/db"
)

func TestEventText(t *testing.T) {
	tests := []struct {
		action, detail, want string
	}{
		{"span.create", `{"id":4,"start":13,"end":17,"label":"PER","text":"أحمد","attributes":{}}`, "added the span PER 13–17 “أحمد”"},
		{"span.update", `{"before":{"start":1,"end":2,"label":"PER","text":"a"},"after":{"start":1,"end":3,"label":"ORG","text":"ab"}}`, "changed the span PER 1–2 “a” to ORG 1–3 “ab”"},
		{"relation.create", `{"id":1,"type":"speaker","from":4,"to":5}`, "added the speaker link span 4 → span 5"},
		{"relation.delete", `{"id":1,"type":"speaker","from":4,"to":5,"from_label":"QUOTE","from_text":"«نعم»","to_label":"PER","to_text":"أحمد"}`,
			"deleted the speaker link QUOTE “«نعم»” → PER “أحمد”"},
		// Span and relation events name the layer they changed; older ones
		// logged none and say nothing of it.
		{"span.create", `{"id":4,"start":13,"end":17,"label":"PER","text":"أحمد","layer":"gold"}`, "added the span PER 13–17 “أحمد” to gold"},
		{"span.delete", `{"id":4,"start":13,"end":17,"label":"PER","text":"أحمد","layer":"layla"}`, "deleted the span PER 13–17 “أحمد” from layla's layer"},
		{"span.update", `{"before":{"start":1,"end":2,"label":"PER","text":"a"},"after":{"start":1,"end":2,"label":"ORG","text":"a"},"layer":"ليلى"}`,
			"changed the span PER 1–2 “a” to ORG 1–2 “a” in ليلى's layer"},
		{"relation.create", `{"id":1,"type":"speaker","from":4,"to":5,"layer":"gold"}`, "added the speaker link span 4 → span 5 to gold"},
		{"relation.delete", `{"id":1,"type":"cue","from":4,"to":6,"from_label":"QUOTE","from_text":"«نعم»","to_label":"CUE","to_text":"قال","layer":"omar"}`,
			"deleted the cue link QUOTE “«نعم»” → CUE “قال” from omar's layer"},
		{"layer.done", `{"layer":"layla"}`, "marked layla's layer done"},
		{"layer.reopen", `{"layer":"layla"}`, "reopened layla's layer"},
		{"layer.reopen", `{"layer":"gold"}`, "reopened gold"},
		{"layer.reviewed", `{"layer":"gold"}`, "marked gold reviewed"},
		{"assignment.set", `{"user":"layla","documents":["d1","d2"]}`, "assigned d1, d2 to layla"},
		{"assignment.remove", `{"user":"layla","documents":["d1"]}`, "unassigned layla from d1"},
		{"assignment.auto", `{"per_document":2,"added":6,"by_user":{}}`, "assigned documents automatically, 2 annotators each: 6 assignments added"},
		{"member.set", `{"user":"rana","role":"reviewer"}`, "made rana a reviewer"},
		{"member.set", `{"user":"omar","role":"annotator"}`, "made omar an annotator"},
		{"member.remove", `{"user":"rana"}`, "removed rana from the members"},
		{"suggestion.reject", `[{"label":"QUOTE","start":3,"end":9}]`, "rejected the suggestion QUOTE 3–9"},
		{"suggestion.reject", `[{"label":"QUOTE","start":3,"end":9},{"label":"PER","start":0,"end":2}]`, "rejected 2 suggestions: QUOTE 3–9, PER 0–2"},
		{"suggestion.restore", `{"count":3}`, "restored 3 rejected suggestions"},
		{"review.reject", `{"label":"PER","start":3,"end":5}`, "rejected PER 3–5 for gold"},
		{"review.unreject", `{"label":"PER","start":3,"end":5}`, "took back the rejection of PER 3–5 for gold"},
		{"import", `{"file":"a.jsonl","documents":2,"spans":5,"relations":0}`, "imported 2 documents with 5 spans from a.jsonl"},
		{"import", `{"layer":"gold","file":"a.jsonl","documents":2,"spans":5,"relations":0}`, "imported 2 documents with 5 spans from a.jsonl into gold"},
		{"import", `{"layer":"ليلى","file":"a.jsonl","documents":1,"spans":1,"relations":0}`, "imported 1 document with 1 span from a.jsonl into ليلى's layer"},
		{"document.delete", `{"name":"aner-3","hash":"x","layers":2,"finished":1,"spans":4,"relations":1,"notes":0}`, "deleted the document aner-3 with its 4 spans and 1 link in 2 layers"},
		{"import", `{"file":"t.txt","documents":3,"spans":0,"relations":0}`, "imported 3 documents (no annotations) from t.txt"},
		{"document.delete", `{"name":"aner-5","hash":"x","layers":1,"finished":0,"spans":0,"relations":0,"notes":0}`, "deleted the document aner-5 with its 1 layer, which held no spans"},
		{"document.delete", `{"name":"aner-6","hash":"x","layers":1,"finished":0,"spans":2,"relations":0,"notes":0}`, "deleted the document aner-6 with its 2 spans in 1 layer"},
		{"document.delete", `{"name":"aner-4","hash":"x","layers":0,"finished":0,"spans":0,"relations":0,"notes":0}`, "deleted the document aner-4, which nobody had annotated"},
		{"review.accept-agreed", `{"spans":[4,5,9],"relations":[2]}`, "accepted 3 spans and 1 link the annotators agree on into gold"},
		{"review.replace", `{"span":7,"label":"LOC","start":74,"end":81,"instead_of":["GPE"]}`, "accepted LOC 74–81 into gold in place of GPE"},
		{"review.undo-replace", `{"replace":12,"label":"LOC","start":74,"end":81,"instead_of":["GPE","ORG"]}`, "took back accepting LOC 74–81 in place of GPE and ORG, which gold holds again"},
		{"review.undo-accept", `{"accept":81,"spans":3,"relations":0}`, "took back an accept into gold, removing 3 spans"},
		// An accept with an annotator's links says what they brought, as
		// the page's notice does, leaving out a part that is zero; so does
		// its undo.
		{"review.replace", `{"span":7,"label":"LOC","start":74,"end":81,"instead_of":["PER"],"replaced":[],"relations":[],"spans":[9],"links":[4],"links_of":"layla"}`,
			"accepted LOC 74–81 into gold in place of PER, with layla's links: 1 span and 1 link"},
		{"review.replace", `{"span":7,"label":"QUOTE","start":24,"end":39,"instead_of":["CUE"],"relations":[],"links":[4,5],"links_replaced":[{"id":2,"type":"speaker","from":7,"to":3}],"links_of":"ليلى"}`,
			"accepted QUOTE 24–39 into gold in place of CUE, with ليلى's links: 2 links, in place of 1 link of gold's own"},
		{"review.replace", `{"span":7,"label":"LOC","start":74,"end":81,"instead_of":["PER"],"relations":[],"links_of":"layla"}`,
			"accepted LOC 74–81 into gold in place of PER, with layla's links, which brought nothing more"},
		{"review.replace", `{"span":7,"label":"LOC","start":74,"end":81,"instead_of":["PER"],"relations":[],"spans":[9,10],"links":[4,6]}`,
			"accepted LOC 74–81 into gold in place of PER, with the annotator's links: 2 spans and 2 links"},
		{"review.undo-replace", `{"replace":12,"label":"LOC","start":74,"end":81,"instead_of":["PER"],"relations":1,"lost":0,"links_of":"layla","spans":1,"links":1}`,
			"took back accepting LOC 74–81 in place of PER, which gold holds again, taking out what layla's links brought: 1 span and 1 link"},
		{"review.undo-replace", `{"replace":12,"label":"LOC","start":74,"end":81,"instead_of":["PER"],"relations":0,"lost":0,"links_of":"layla","spans":0,"links":2}`,
			"took back accepting LOC 74–81 in place of PER, which gold holds again, taking out what layla's links brought: 2 links"},
		{"review.undo-replace", `{"replace":12,"label":"LOC","start":74,"end":81,"instead_of":["PER"],"relations":0,"lost":0,"links_of":"","spans":0,"links":0}`,
			"took back accepting LOC 74–81 in place of PER, which gold holds again"},
		{"project.create", `{"name":"أخبار"}`, "created the project أخبار"},
		{"project.create", `{"name":"تقارير","labels_from":"أخبار"}`, "created the project تقارير with the labels of أخبار"},
		{"labels.replace", `{"file":"l.json","before":[{"name":"PER"}],"after":[{"name":"PERS"},{"name":"WORK"}],"relation_types_before":[],"relation_types_after":[{"name":"speaker","from":["QUOTE"],"to":["PERS"]}]}`,
			"replaced the label set from the file l.json with PERS, WORK (was PER) and the relation rules with speaker QUOTE → PERS (was none)"},
		{"labels.replace", `{"file":"l.json","before":[{"name":"PER"}],"after":[{"name":"PERS"}],"relation_types_before":[],"relation_types_after":[]}`,
			"replaced the label set from the file l.json with PERS (was PER)"},
		{"project.delete", `{"name":"أخبار","documents":3,"spans":0,"members":1}`, "deleted the project أخبار with its 3 documents"},
		{"span.update", `{"before":1}`, `span.update {"before":1}`}, // unreadable: shown as stored
		{"future.action", `{"x":1}`, `future.action {"x":1}`},
		{"guidelines.set", `{"before":"old","after":"علّم كل اقتباس\nsecond line"}`, "changed the guidelines, now starting “علّم كل اقتباس” (3 → 26 characters)"},
		{"labels.set", `{"before":[{"Name":"PER","Color":"#111111"}],"after":[{"Name":"PER"},{"Name":"EVENT"}]}`, "changed the label set to PER, EVENT (was PER)"},
		{"relation_types.set", `{"before":[{"name":"speaker","from":["QUOTE"],"to":["PER","ORG"]}],"after":[{"name":"speaker","from":["QUOTE"],"to":["PERS"]},{"name":"near","from":[],"to":[]}]}`,
			"changed the relation rules to speaker QUOTE → PERS; near any → any (was speaker QUOTE → PER/ORG)"},
		{"note.add", `{"id":7,"body":"PER or ORG?\nthe title too","start":13,"end":17,"text":"أحمد"}`, "added note #7 on 13–17 “أحمد”: “PER or ORG?”"},
		{"note.add", `{"id":8,"body":"اقرأ الإرشادات","start":null,"end":null,"text":null}`, "added note #8: “اقرأ الإرشادات”"},
		{"note.resolve", `{"id":7,"author":"layla","body":"PER or ORG?"}`, "resolved layla's note #7: “PER or ORG?”"},
		{"note.reopen", `{"id":7,"author":"layla","body":"PER or ORG?"}`, "reopened layla's note #7: “PER or ORG?”"},
		{"note.delete", `{"id":7,"author":"layla","body":"` + strings.Repeat("ب", 100) + `","start":13,"end":17,"text":"أحمد","created_at":"2026-01-02T03:04:05.000Z","resolved_by":null}`,
			"deleted layla's note #7 on 13–17 “أحمد”: “" + strings.Repeat("ب", 80) + "…”"},
		{"note.delete", `{"id":"seven"}`, `note.delete {"id":"seven"}`}, // unreadable: shown as stored
		{"future.action", `{"x":"` + strings.Repeat("a", 200) + `"}`, `future.action {"x":"` + strings.Repeat("a", 74) + "…"},
		{"session.login", `{}`, "signed in"},
		{"session.logout", `{}`, "signed out"},
		{"token.create", `{"id":3,"name":"script"}`, "created the API token script"},
		{"token.revoke", `{"id":3}`, "revoked an API token"},
		{"user.create", `{"name":"rana","admin":false}`, "created the user rana"},
		{"user.create", `{"name":"root","admin":true}`, "created the admin root"},
		{"user.password", `{}`, "changed their password"},
		{"user.password_reset", `{"user":"rana","sessions_ended":1}`, "reset the password of rana"},
		{"user.disable", `{"user":"rana"}`, "disabled the account of rana"},
		{"user.enable", `{"user":"rana"}`, "enabled the account of rana"},
	}
	for _, tt := range tests {
		got := eventText(t.Context(), db.LoggedEvent{Action: tt.action, Detail: json.RawMessage(tt.detail)})
		if isolates.Replace(got) != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.action, tt.detail, got, tt.want)
		}
	}
	// A layer's owner is isolated too, so an Arabic name keeps "'s layer"
	// after it.
	if got := eventText(t.Context(), db.LoggedEvent{Action: "span.create", Detail: json.RawMessage(`{"start":0,"end":1,"label":"PER","text":"a","layer":"ليلى"}`)}); !strings.HasSuffix(got, " to \u2068ليلى\u2069's layer") {
		t.Errorf("span summary %q, want the owner's name isolated", got)
	}
	// Quoted texts are isolated, so Arabic keeps the counts after it in
	// their place.
	if got := eventText(t.Context(), db.LoggedEvent{Action: "guidelines.set", Detail: json.RawMessage(`{"before":"","after":"علّم"}`)}); got != "changed the guidelines, now starting “\u2068علّم\u2069” (0 → 4 characters)" {
		t.Errorf("guidelines summary %q, want the text isolated", got)
	}
}

// isolates drops the bidi isolates quoted() puts around texts.
var isolates = strings.NewReplacer("\u2068", "", "\u2069", "")
