package components

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

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
}

// eventText says what an event did as the rest of a sentence whose
// subject is the user in the row beside it: "marked gold reviewed",
// "made rana a reviewer". An action it does not know, or a detail it
// cannot read, is shown as stored rather than hidden.
func eventText(e db.LoggedEvent) string {
	asStored := e.Action + " " + clip(string(e.Detail))
	switch {
	case e.Action == "suggestion.reject":
		var keys []db.SpanKey
		if err := json.Unmarshal(e.Detail, &keys); err != nil {
			return asStored
		}
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %d–%d", k.Label, k.Start, k.End)
		}
		if len(keys) == 1 {
			return "rejected the suggestion " + parts[0]
		}
		return "rejected " + Plural(len(keys), "suggestion") + ": " + strings.Join(parts, ", ")
	case strings.HasPrefix(e.Action, "note."):
		if s := noteText(e); s != "" {
			return s
		}
		return asStored
	}
	var d eventDetail
	if err := json.Unmarshal(e.Detail, &d); err != nil {
		return asStored
	}
	if s := annotationText(e.Action, d); s != "" {
		return s
	}
	if s := reviewText(e.Action, d); s != "" {
		return s
	}
	if s := projectText(e.Action, d); s != "" {
		return s
	}
	if s := accountText(e.Action, d); s != "" {
		return s
	}
	return asStored
}

// annotationText is a span or relation event ("added the span PER 13–17
// “أحمد” to gold"), naming the layer it changed; an event logged before
// events kept their layer says nothing of it. "" for another action or an
// unreadable change.
func annotationText(action string, d eventDetail) string {
	switch action {
	case "span.create":
		return "added the span " + spanSummary(d.Label, d.Start, d.End, d.Text) + layerPhrase("to", d.Layer)
	case "span.delete":
		return "deleted the span " + spanSummary(d.Label, d.Start, d.End, d.Text) + layerPhrase("from", d.Layer)
	case "span.update":
		var before, after eventDetail
		if json.Unmarshal(d.Before, &before) != nil || json.Unmarshal(d.After, &after) != nil {
			return ""
		}
		return "changed the span " + spanSummary(before.Label, before.Start, before.End, before.Text) +
			" to " + spanSummary(after.Label, after.Start, after.End, after.Text) + layerPhrase("in", d.Layer)
	case "relation.create":
		return "added the " + linkSummary(d) + layerPhrase("to", d.Layer)
	case "relation.delete":
		return "deleted the " + linkSummary(d) + layerPhrase("from", d.Layer)
	}
	return ""
}

// linkSummary is a relation as "speaker link QUOTE “…” → PER “…”".
func linkSummary(d eventDetail) string {
	if d.FromLabel == "" { // logged before relations kept their ends' texts
		return fmt.Sprintf("%s link span %d → span %d", isolate(d.Type), d.From, d.To)
	}
	return fmt.Sprintf("%s link %s %s → %s %s", isolate(d.Type), d.FromLabel, quoted(d.FromText), d.ToLabel, quoted(d.ToText))
}

// projectText is a change to a project, its members, assignments or
// documents; "" for another action.
func projectText(action string, d eventDetail) string {
	switch action {
	case "project.create":
		if d.LabelsFrom != "" {
			return "created the project " + isolate(d.Name) + " with the labels of " + isolate(d.LabelsFrom)
		}
		return "created the project " + isolate(d.Name)
	case "project.delete":
		return "deleted the project " + isolate(d.Name) + " with its " + loggedCount(d.Documents, "document")
	case "import":
		docs, spans, links := rawInt(d.Documents), loggedNumber(d.Spans), loggedNumber(d.Relations)
		if docs < 0 || spans < 0 || links < 0 {
			return "imported " + loggedCount(d.Documents, "document") + " with " + loggedSpansAndLinks(d) + " from " + isolate(d.File) + layerPhrase("into", d.Layer)
		}
		marks := ""
		if spans > 0 || links > 0 {
			marks = SpansAndLinks(spans, links)
		}
		// Annotated is 0 (or absent, in events logged before it was) when
		// the file held only new documents.
		return "imported " + importWords(docs, d.Annotated, marks, " from "+isolate(d.File), d.Layer)
	case "document.delete":
		if d.Layers == 0 {
			return "deleted the document " + isolate(d.Name) + ", which nobody had annotated"
		}
		if loggedNumber(d.Spans) == 0 && loggedNumber(d.Relations) == 0 {
			return fmt.Sprintf("deleted the document %s with its %s, which held no spans", isolate(d.Name), Plural(d.Layers, "layer"))
		}
		return fmt.Sprintf("deleted the document %s with its %s in %s", isolate(d.Name), loggedSpansAndLinks(d), Plural(d.Layers, "layer"))
	case "member.set":
		return "made " + isolate(d.User) + " " + withArticle(d.Role)
	case "member.remove":
		return "removed " + isolate(d.User) + " from the members"
	case "assignment.set":
		return "assigned " + listOf(d.Documents) + " to " + isolate(d.User)
	case "assignment.remove":
		return "unassigned " + isolate(d.User) + " from " + listOf(d.Documents)
	case "assignment.auto":
		return fmt.Sprintf("assigned documents automatically, %s each: %s added",
			Plural(d.PerDocument, "annotator"), Plural(d.Added, "assignment"))
	case "labels.set":
		return "changed the label set to " + labelNames(d.After) + " (was " + labelNames(d.Before) + ")"
	case "labels.replace":
		text := "replaced the label set from the file " + isolate(d.File)
		if d.File == "" { // sent to the API, not uploaded
			text = "replaced the label set"
		}
		text += " with " + labelNames(d.After) + " (was " + labelNames(d.Before) + ")"
		if !bytes.Equal(d.RulesBefore, d.RulesAfter) {
			text += " and the relation rules with " + relationRulesText(d.RulesAfter) + " (was " + relationRulesText(d.RulesBefore) + ")"
		}
		return text
	case "relation_types.set":
		return "changed the relation rules to " + relationRulesText(d.After) + " (was " + relationRulesText(d.Before) + ")"
	case "guidelines.set":
		var before, after string
		if json.Unmarshal(d.Before, &before) != nil || json.Unmarshal(d.After, &after) != nil {
			return ""
		}
		return fmt.Sprintf("changed the guidelines, now starting %s (%d → %d characters)",
			quoted(clip(firstLine(after))), utf8.RuneCountInString(before), utf8.RuneCountInString(after))
	}
	return ""
}

// accountText is a user's own account changing (signing in, a token, a
// password); "" for another action.
func accountText(action string, d eventDetail) string {
	switch action {
	case "session.login":
		return "signed in"
	case "session.logout":
		return "signed out"
	case "token.create":
		return "created the API token " + isolate(d.Name)
	case "token.revoke":
		return "revoked an API token"
	case "user.create":
		if d.Admin {
			return "created the admin " + isolate(d.Name)
		}
		return "created the user " + isolate(d.Name)
	case "user.password":
		return "changed their password"
	case "user.language":
		return "changed their interface language"
	case "user.password_reset":
		return "reset the password of " + isolate(d.User)
	case "user.disable":
		return "disabled the account of " + isolate(d.User)
	case "user.enable":
		return "enabled the account of " + isolate(d.User)
	}
	return ""
}

// withArticle is a role with its article: "an annotator", "a reviewer".
func withArticle(role string) string {
	if role != "" && strings.ContainsRune("aeiou", rune(role[0])) {
		return "an " + role
	}
	return "a " + role
}

// layerPhrase names a layer after prep (" to gold", " into layla's
// layer"); "" for an event that names none.
func layerPhrase(prep, layer string) string {
	if layer == "" {
		return ""
	}
	return " " + prep + " " + layerName(layer)
}

// layerName is "gold" or "layla's layer", the name isolated so an Arabic
// one keeps "'s layer" after it.
func layerName(layer string) string {
	if layer == "gold" {
		return "gold"
	}
	return isolate(layer) + "'s layer"
}

// noteText is a note event: the note's number (#7), whose it was (for a
// change to someone's note), its passage, and its first line; "" when
// the detail cannot be read.
func noteText(e db.LoggedEvent) string {
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
	verb := map[string]string{"note.add": "added", "note.resolve": "resolved", "note.reopen": "reopened", "note.delete": "deleted"}[e.Action]
	if verb == "" {
		return ""
	}
	note := fmt.Sprintf("note #%d", d.ID)
	if e.Action != "note.add" && d.Author != "" {
		note = isolate(d.Author) + "'s " + note
	}
	s := verb + " " + note
	if d.Start != nil && d.End != nil && d.Text != nil {
		s += fmt.Sprintf(" on %d–%d %s", *d.Start, *d.End, quoted(clip(*d.Text)))
	}
	return s + ": " + quoted(clip(firstLine(d.Body)))
}

// rawInt reads a logged count; -1 when it is not a whole number.
func rawInt(raw json.RawMessage) int {
	var n int
	if json.Unmarshal(raw, &n) != nil {
		return -1
	}
	return n
}

// loggedCount says a logged count in words ("1 document"), or what was
// logged, as it was, when it is not a whole number.
func loggedCount(raw json.RawMessage, thing string) string {
	if n := rawInt(raw); n >= 0 {
		return Plural(n, thing)
	}
	return fmt.Sprintf("%s %ss", raw, thing)
}

// loggedItems says how many things an event logged, given as a count or
// as the list of their ids.
func loggedItems(raw json.RawMessage, thing string) string {
	if n := loggedNumber(raw); n >= 0 {
		return Plural(n, thing)
	}
	return fmt.Sprintf("%s %ss", raw, thing)
}

// loggedSpansAndLinks says the spans and links an accept or its undo
// logged, leaving out a part that is zero as the page's notice does
// ("3 spans", not "3 spans and 0 links"); a count logged in another form
// is said as it was.
func loggedSpansAndLinks(d eventDetail) string {
	spans, links := loggedNumber(d.Spans), loggedNumber(d.Relations)
	if spans < 0 || links < 0 {
		return loggedItems(d.Spans, "span") + " and " + loggedItems(d.Relations, "link")
	}
	return SpansAndLinks(spans, links)
}

// loggedNumber is how many things an event logged, given as a count or
// as the list of them (their ids, or the things as they were); -1 when
// it is neither.
func loggedNumber(raw json.RawMessage) int {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) == nil {
		return len(items)
	}
	return rawInt(raw)
}

// clipAt is the most of a text a summary quotes.
const clipAt = 80

// clip shortens s to clipAt code points, so one change cannot make a row
// of the log a page long.
func clip(s string) string {
	if rs := []rune(s); len(rs) > clipAt {
		return string(rs[:clipAt]) + "…"
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// labelNames shows a logged label set as its names in order.
func labelNames(raw json.RawMessage) string {
	var labels []struct{ Name string }
	if json.Unmarshal(raw, &labels) != nil {
		return clip(string(raw))
	}
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = l.Name
	}
	return strings.Join(names, ", ")
}

// relationRulesText is logged relation types as "speaker QUOTE → PER/ORG; ...".
func relationRulesText(raw json.RawMessage) string {
	var rules []db.RelationType
	if json.Unmarshal(raw, &rules) != nil {
		return clip(string(raw))
	}
	side := func(labels []string) string {
		if len(labels) == 0 {
			return "any"
		}
		return strings.Join(labels, "/")
	}
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = fmt.Sprintf("%s %s → %s", r.Name, side(r.From), side(r.To))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

func spanSummary(label string, start, end int, text string) string {
	return fmt.Sprintf("%s %d–%d %s", label, start, end, quoted(text))
}

// quoted puts a text from the document or a user in quotation marks,
// isolated (FSI … PDI) so its direction stays its own: Arabic followed by
// "(3 → 26 characters)" would otherwise pull the numbers into its
// right-to-left run and show "(characters 26 ← 3)".
func quoted(text string) string {
	return "“" + isolate(text) + "”"
}

// isolate wraps a name (a user, a document, a file) in FSI … PDI, so an
// Arabic one keeps the English words around it in their order.
func isolate(name string) string {
	return "\u2068" + name + "\u2069"
}

// listOf shows a JSON array of names as "a, b, c", each isolated.
func listOf(raw json.RawMessage) string {
	var names []string
	if json.Unmarshal(raw, &names) != nil {
		return string(raw)
	}
	for i, n := range names {
		names[i] = isolate(n)
	}
	return strings.Join(names, ", ")
}
