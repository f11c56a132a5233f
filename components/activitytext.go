package components

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"hashiya/db"
)

// eventDetail is the union of the fields the store puts in an event's
// detail; each action uses a few of them.
type eventDetail struct {
	Label, Text, Type, User, Role, Layer, File, Name string
	Start, End, From, To, Count, Added, Layers       int
	Annotated                                        int
	PerDocument                                      int `json:"per_document"`
	Admin                                            bool
	Documents, Spans, Relations, Before, After       json.RawMessage
	FromLabel                                        string          `json:"from_label"`
	FromText                                         string          `json:"from_text"`
	ToLabel                                          string          `json:"to_label"`
	ToText                                           string          `json:"to_text"`
	Batch                                            string          // an accept across the project
	LabelsFrom                                       string          `json:"labels_from"`
	RulesBefore                                      json.RawMessage `json:"relation_types_before"`
	RulesAfter                                       json.RawMessage `json:"relation_types_after"`
	InsteadOf                                        []string        `json:"instead_of"` // labels an accept replaced in gold
	// An accept with an annotator's links in place of gold's label: whose
	// links (LinksOf), the links it made (Links) and gold's links they
	// replaced (LinksReplaced), Spans being the other spans they brought.
	LinksOf       string          `json:"links_of"`
	Links         json.RawMessage `json:"links"`
	LinksReplaced json.RawMessage `json:"links_replaced"`
	// A texts-only import's spans and relations, left out of the project.
	LeftOutSpans     int `json:"left_out_spans"`
	LeftOutRelations int `json:"left_out_relations"`
}

// eventText says what an event did as the rest of a sentence whose
// subject is the user in the row beside it: "marked gold reviewed",
// "made rana a reviewer"; in Arabic, a verbal noun ("تعيين rana مراجعًا")
// that needs no subject, so it reads the same whoever made the change.
// An action it does not know, or a detail it cannot read, is shown as
// stored rather than hidden.
func eventText(ctx context.Context, e db.LoggedEvent) string {
	asStored := e.Action + " " + clip(string(e.Detail))
	switch {
	case e.Action == "suggestion.reject":
		if s := rejectedText(ctx, e.Detail); s != "" {
			return s
		}
		return asStored
	case strings.HasPrefix(e.Action, "note."):
		if s := noteText(ctx, e); s != "" {
			return s
		}
		return asStored
	}
	var d eventDetail
	if err := json.Unmarshal(e.Detail, &d); err != nil {
		return asStored
	}
	for _, text := range []func(context.Context, string, eventDetail) string{annotationText, reviewText, projectText, accountText} {
		if s := text(ctx, e.Action, d); s != "" {
			return s
		}
	}
	return asStored
}

// rejectedText is suggestions rejected, each as "QUOTE 3–9"; "" when the
// detail cannot be read.
func rejectedText(ctx context.Context, detail json.RawMessage) string {
	var keys []db.SpanKey
	if err := json.Unmarshal(detail, &keys); err != nil {
		return ""
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d–%d", labelIn(ctx, k.Label), k.Start, k.End)
	}
	if len(keys) == 1 {
		return Tf(ctx, "rejected the suggestion %s", parts[0])
	}
	return Tf(ctx, "rejected %s: %s", Tn(ctx, len(keys), "%d suggestion", "%d suggestions"), commas(ctx, parts))
}

// annotationText is a span or relation event ("added the span PER 13–17
// “أحمد” to gold"), naming the layer it changed; an event logged before
// events kept their layer says nothing of it. "" for another action or an
// unreadable change.
func annotationText(ctx context.Context, action string, d eventDetail) string {
	switch action {
	case "span.create":
		return Tf(ctx, "added the span %s", spanSummary(ctx, d.Label, d.Start, d.End, d.Text)) + layerIn(ctx, "to", d.Layer)
	case "span.delete":
		return Tf(ctx, "deleted the span %s", spanSummary(ctx, d.Label, d.Start, d.End, d.Text)) + layerIn(ctx, "from", d.Layer)
	case "span.update":
		var before, after eventDetail
		if json.Unmarshal(d.Before, &before) != nil || json.Unmarshal(d.After, &after) != nil {
			return ""
		}
		return Tf(ctx, "changed the span %s to %s", spanSummary(ctx, before.Label, before.Start, before.End, before.Text),
			spanSummary(ctx, after.Label, after.Start, after.End, after.Text)) + layerIn(ctx, "in", d.Layer)
	case "relation.create":
		return Tf(ctx, "added the %s", linkSummary(ctx, d)) + layerIn(ctx, "to", d.Layer)
	case "relation.delete":
		return Tf(ctx, "deleted the %s", linkSummary(ctx, d)) + layerIn(ctx, "from", d.Layer)
	}
	return ""
}

// linkSummary is a relation as "speaker link QUOTE “…” → PER “…”", the
// arrow pointing the way the sentence runs.
func linkSummary(ctx context.Context, d eventDetail) string {
	if d.FromLabel == "" { // logged before relations kept their ends' texts
		return Tf(ctx, "%s link span %d → span %d", isolate(d.Type), d.From, d.To)
	}
	return Tf(ctx, "%s link %s %s → %s %s", isolate(d.Type), labelIn(ctx, d.FromLabel), quoted(ctx, d.FromText), labelIn(ctx, d.ToLabel), quoted(ctx, d.ToText))
}

// noteFormats say what was done to a note, by the action: to one's own
// note, and to another's, whose name fills the first %s.
var noteFormats = map[string][2]string{
	"note.add":     {Msg("added note #%d"), Msg("added %s's note #%d")},
	"note.resolve": {Msg("resolved note #%d"), Msg("resolved %s's note #%d")},
	"note.reopen":  {Msg("reopened note #%d"), Msg("reopened %s's note #%d")},
	"note.delete":  {Msg("deleted note #%d"), Msg("deleted %s's note #%d")},
}

// noteText is a note event: the note's number (#7), whose it was (for a
// change to someone's note), its passage, and its first line; "" when
// the detail cannot be read.
func noteText(ctx context.Context, e db.LoggedEvent) string {
	var d struct {
		ID         int64
		Author     string
		Body       string
		Start, End *int
		Text       *string
	}
	if err := json.Unmarshal(e.Detail, &d); err != nil || d.ID == 0 {
		return ""
	}
	formats, ok := noteFormats[e.Action]
	if !ok {
		return ""
	}
	s := Tf(ctx, formats[0], d.ID)
	if e.Action != "note.add" && d.Author != "" {
		s = Tf(ctx, formats[1], isolate(d.Author), d.ID)
	}
	if d.Start != nil && d.End != nil && d.Text != nil {
		s += Tf(ctx, " on %d–%d %s", *d.Start, *d.End, quoted(ctx, clip(*d.Text)))
	}
	return s + ": " + quoted(ctx, clip(firstLine(d.Body)))
}
