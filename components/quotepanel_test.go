package components

import (
	"encoding/json"
	"testing"

	"hashiya/db"
)

// TestQuotePanelTellsChipsWhoSaid: each quotation of the panel carries
// its segments' starts and ids, and who said it for the chips in the
// text: the name a pronoun refers to (with both spans' ids), the mark
// "not in the text", or nothing yet.
func TestQuotePanelTellsChipsWhoSaid(t *testing.T) {
	text := "قال الوزير «نعم» ثم أضاف هو «لا» وقيل «ربما»"
	span := func(id int64, word, label string, attrs string) db.Span {
		r := []rune(text)
		for i := range r {
			if string(r[i:min(len(r), i+len([]rune(word)))]) == word {
				return db.Span{ID: id, Start: i, End: i + len([]rune(word)), Label: label, Text: word, Attributes: json.RawMessage(attrs)}
			}
		}
		t.Fatalf("%q is not in the text", word)
		return db.Span{}
	}
	spans := []db.Span{
		span(1, "الوزير", "PER", "{}"), span(2, "نعم", "QUOTE", "{}"), span(3, "هو", "PER", "{}"),
		span(4, "لا", "QUOTE", "{}"), span(5, "ربما", "QUOTE", `{"speaker_in_text":false}`),
	}
	a := Annotation{
		Project: db.Project{ID: 1, Name: "p", Labels: []db.Label{{Name: "QUOTE", Color: "#ffc53d", Hotkey: "6"}, {Name: "PER", Color: "#e5484d", Hotkey: "1"}}},
		Doc:     db.Document{ID: 7, ProjectID: 1, ExternalID: "d", Text: text},
		Layer: db.Layer{Status: "in_progress", Spans: spans, Relations: []db.Relation{
			{ID: 1, Type: "segment", From: 2, To: 4}, {ID: 2, Type: "speaker", From: 4, To: 3}, {ID: 3, Type: "refers_to", From: 3, To: 1},
		}},
	}
	items := rendered(t, QuotePanel(a)).Find("li")
	if items.Length() != 2 {
		t.Fatalf("%d quotations in the panel, want 2", items.Length())
	}
	joined, marked := items.Eq(0), items.Eq(1)
	for attr, want := range map[string]string{"data-starts": "12 29", "data-segments": "2 4", "data-said": "الوزير", "data-speaker-spans": "3 1"} {
		if got := joined.AttrOr(attr, "(none)"); got != want {
			t.Errorf("the joined quotation's %s is %q, want %q", attr, got, want)
		}
	}
	if _, ok := joined.Attr("data-not-in-text"); ok {
		t.Error("the joined quotation, said by a pronoun, is marked not in the text")
	}
	if _, ok := marked.Attr("data-not-in-text"); !ok || marked.AttrOr("data-said", "") != "" || marked.AttrOr("data-starts", "") != "39" {
		t.Errorf("the quotation marked not in the text: %v", marked.Nodes[0].Attr)
	}
}
