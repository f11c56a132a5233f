package components

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/a-h/templ"

	"hashiya/db"
)

// ActivityView is a project's change log, newest first, a page at a time.
type ActivityView struct {
	Project db.Project
	Rows    []ActivityRow // GroupEvents' rows
	Older   int64         // the before= of the next page; 0 on the last
	Filter  db.EventFilter
}

// olderURL is the next page of the log, under the same filter.
func (v ActivityView) olderURL() templ.SafeURL {
	q := url.Values{"before": {fmt.Sprint(v.Older)}}
	if v.Filter.User != "" {
		q.Set("who", v.Filter.User)
	}
	if v.Filter.Document != "" {
		q.Set("doc", v.Filter.Document)
	}
	return templ.SafeURL(fmt.Sprintf("/projects/%d/activity?%s", v.Project.ID, q.Encode()))
}

// filtered is true when the log shown is narrowed to a user or a
// document.
func (v ActivityView) filtered() bool { return v.Filter != db.EventFilter{} }

// eventDetail is the union of the fields the store puts in an event's
// detail; each action uses a few of them.
type eventDetail struct {
	Label, Text, Type, User, Role, Layer, File, Name string
	Start, End, From, To, Count, Added, Layers       int
	PerDocument                                      int `json:"per_document"`
	Documents, Spans, Relations, Before, After       json.RawMessage
	FromLabel                                        string `json:"from_label"`
	FromText                                         string `json:"from_text"`
	ToLabel                                          string `json:"to_label"`
	ToText                                           string `json:"to_text"`
	Batch                                            string // an accept across the project
}

// actionNames say in words what each logged action did.
var actionNames = map[string]string{
	"span.create": "added a span", "span.update": "changed a span", "span.delete": "deleted a span",
	"relation.create": "linked", "relation.delete": "unlinked",
	"layer.done": "marked done", "layer.reopen": "reopened", "layer.reviewed": "marked reviewed",
	"suggestion.reject": "rejected suggestions", "suggestion.restore": "restored rejected suggestions",
	"review.reject": "rejected for gold", "review.unreject": "took back a rejection for gold",
	"review.accept-agreed": "accepted what the annotators agree on into gold", "review.undo-accept": "took back an accept into gold",
	"import": "imported", "labels.set": "changed the label set", "guidelines.set": "changed the guidelines", "project.create": "created the project",
	"member.set": "set a member", "member.remove": "removed a member",
	"assignment.set": "assigned", "assignment.remove": "took back", "assignment.auto": "assigned automatically",
	"document.delete": "deleted a document", "relation_types.set": "changed the relation rules",
	"note.add": "added a note", "note.resolve": "resolved a note", "note.reopen": "reopened a note", "note.delete": "deleted a note",
}

func actionName(action string) string {
	if n, ok := actionNames[action]; ok {
		return n
	}
	return action
}

// eventSummary is one line saying what an event changed; an unreadable
// detail is shown as it is stored rather than hidden.
func eventSummary(e db.LoggedEvent) string {
	if e.Action == "suggestion.reject" {
		var keys []db.SpanKey
		if err := json.Unmarshal(e.Detail, &keys); err != nil {
			return string(e.Detail)
		}
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %d–%d", k.Label, k.Start, k.End)
		}
		return strings.Join(parts, ", ")
	}
	if strings.HasPrefix(e.Action, "note.") {
		return noteSummary(e)
	}
	var d eventDetail
	if err := json.Unmarshal(e.Detail, &d); err != nil {
		return string(e.Detail)
	}
	switch e.Action {
	case "span.create", "span.delete", "span.update", "relation.create", "relation.delete":
		return annotationSummary(e, d)
	case "layer.done", "layer.reopen", "layer.reviewed":
		return "layer of " + d.Layer
	case "import":
		return fmt.Sprintf("%s: %s, %s, %s", d.File, loggedCount(d.Documents, "document"), loggedCount(d.Spans, "span"), loggedCount(d.Relations, "relation")) + layerPhrase("into", d.Layer)
	case "document.delete":
		return fmt.Sprintf("%s, with %s and %s in %s", d.Name, Plural(rawInt(d.Spans), "span"), Plural(rawInt(d.Relations), "link"), Plural(d.Layers, "layer"))
	case "member.set":
		return d.User + " as " + d.Role
	case "member.remove":
		return d.User
	case "assignment.set", "assignment.remove":
		return fmt.Sprintf("%s: %s", d.User, listOf(d.Documents))
	case "assignment.auto":
		return fmt.Sprintf("%d per document, %d assignments added", d.PerDocument, d.Added)
	case "suggestion.restore":
		return fmt.Sprintf("%d", d.Count)
	case "review.reject", "review.unreject":
		return fmt.Sprintf("%s %d–%d", d.Label, d.Start, d.End)
	case "review.accept-agreed", "review.undo-accept":
		s := loggedItems(d.Spans, "span") + " and " + loggedItems(d.Relations, "link")
		if d.Batch != "" {
			s += ", this document's share of an accept across the project"
		}
		return s
	case "project.create":
		return d.Name
	case "guidelines.set":
		var before, after string
		if json.Unmarshal(d.Before, &before) != nil || json.Unmarshal(d.After, &after) != nil {
			return clip(string(e.Detail))
		}
		return fmt.Sprintf("%s (%d → %d characters)", quoted(clip(firstLine(after))), utf8.RuneCountInString(before), utf8.RuneCountInString(after))
	case "labels.set":
		return labelNames(d.After) + " (was " + labelNames(d.Before) + ")"
	case "relation_types.set":
		return relationRulesText(d.After) + " (was " + relationRulesText(d.Before) + ")"
	}
	return clip(string(e.Detail))
}

// annotationSummary is a span or relation event as a line, with the
// layer it changed ("in gold", "in layla's layer"); an event logged before
// events kept their layer says nothing of it.
func annotationSummary(e db.LoggedEvent, d eventDetail) string {
	var s string
	switch e.Action {
	case "span.create", "span.delete":
		s = spanSummary(d.Label, d.Start, d.End, d.Text)
	case "span.update":
		var before, after eventDetail
		if json.Unmarshal(d.Before, &before) != nil || json.Unmarshal(d.After, &after) != nil {
			return string(e.Detail)
		}
		s = spanSummary(before.Label, before.Start, before.End, before.Text) + " → " + spanSummary(after.Label, after.Start, after.End, after.Text)
	case "relation.create", "relation.delete":
		if d.FromLabel == "" { // logged before relations kept their ends' texts
			s = fmt.Sprintf("%s: span %d → span %d", d.Type, d.From, d.To)
		} else {
			s = fmt.Sprintf("%s: %s %s → %s %s", d.Type, d.FromLabel, quoted(d.FromText), d.ToLabel, quoted(d.ToText))
		}
	}
	return s + layerPhrase("in", d.Layer)
}

// layerPhrase names a layer after prep (" in gold", " into layla's
// layer"); "" for an event that names none.
func layerPhrase(prep, layer string) string {
	switch layer {
	case "":
		return ""
	case "gold":
		return " " + prep + " gold"
	}
	// The name is isolated so an Arabic one keeps "'s layer" after it.
	return " " + prep + " \u2068" + layer + "\u2069's layer"
}

// noteSummary is a note event as a line: the note's number (#7), whose it
// was (for a change to someone's note), its passage, and its first line.
func noteSummary(e db.LoggedEvent) string {
	var d struct {
		ID         int64
		Author     string
		Body       string
		Start, End *int
		Text       *string
	}
	if err := json.Unmarshal(e.Detail, &d); err != nil || d.ID == 0 {
		return clip(string(e.Detail))
	}
	s := fmt.Sprintf("#%d", d.ID)
	if e.Action != "note.add" && d.Author != "" {
		s += " by " + d.Author
	}
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
	var ids []int64
	if json.Unmarshal(raw, &ids) == nil {
		return Plural(len(ids), thing)
	}
	return loggedCount(raw, thing)
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
	return "“\u2068" + text + "\u2069”"
}

// listOf shows a JSON array of names as "a, b, c".
func listOf(raw json.RawMessage) string {
	var names []string
	if json.Unmarshal(raw, &names) != nil {
		return string(raw)
	}
	return strings.Join(names, ", ")
}

// dayOf and clockOf are shortTime's two halves, so a narrow column may
// break between the day and the time but never inside either.
func dayOf(at string) string {
	day, _, _ := strings.Cut(shortTime(at), " ")
	return day
}

func clockOf(at string) string {
	_, clock, _ := strings.Cut(shortTime(at), " ")
	return clock
}

// shortTime shows a stored UTC time to the second: 2026-11-29 01:24:35.
func shortTime(at string) string {
	if len(at) < 19 {
		return at
	}
	return at[:10] + " " + at[11:19]
}

// ActivityRow is one row of the log: a single entry, or a run of entries
// that read as one action (an undo of "Accept all suggestions" deleting
// fifty spans and their links), shown as one line that opens to them.
type ActivityRow struct {
	Events []db.LoggedEvent // newest first; one for a single entry
}

// groupGap is the longest pause between two entries of one run: a bulk
// action logs its entries within a save or a few saves a moment apart;
// hand edits that fall within it lose nothing by reading as one run, each
// entry being a click away.
const groupGap = 5 * time.Second

// maxGroup is the most entries one row holds, so a row of a
// five-thousand-span undo opens to a list a browser shows at once.
const maxGroup = 200

// minGroup is the fewest entries shown as one row: two changes read as
// well on two lines, and a row that opens to two hides more than it saves.
const minGroup = 3

// GroupEvents cuts a newest-first log into rows: consecutive entries by
// the same user, of the same kind of change to spans and links (adding,
// deleting, changing), on the same document and layer, each within
// groupGap of the one before, make a run, up to maxGroup entries; a run
// of minGroup or more is one row, a shorter one a row per entry. Runs are
// cut from the newest entry down, pair by pair, so cutting a page's
// entries from its first entry gives the rows the whole log would. Open
// is how many of the last rows hold the run the last entry is in, which
// older entries, not read yet, could still join.
func GroupEvents(events []db.LoggedEvent) (rows []ActivityRow, open int) {
	var run []db.LoggedEvent
	var last runKey
	flush := func() {
		open = len(rows)
		if len(run) >= minGroup {
			rows = append(rows, ActivityRow{Events: run})
		} else {
			for _, e := range run {
				rows = append(rows, ActivityRow{Events: []db.LoggedEvent{e}})
			}
		}
		run = nil
	}
	for _, e := range events {
		k := runKeyOf(e)
		if len(run) == 0 || k.kind == "" || !k.sameRun(last) || len(run) == maxGroup {
			flush()
		}
		run = append(run, e)
		last = k
	}
	flush()
	return rows, len(rows) - open
}

// runKey is what GroupEvents compares of an entry; kind is "" for one
// that never joins a run.
type runKey struct {
	user, kind, layer string
	doc               int64
	at                time.Time
}

// sameRun is true when k, just older than prev, continues prev's run.
func (k runKey) sameRun(prev runKey) bool {
	if k.user != prev.user || k.kind != prev.kind || k.doc != prev.doc || k.layer != prev.layer {
		return false
	}
	gap := prev.at.Sub(k.at)
	return !k.at.IsZero() && !prev.at.IsZero() && gap >= 0 && gap <= groupGap
}

// runKinds are the changes that join runs, by the kind they share.
var runKinds = map[string]string{
	"span.create": "added", "relation.create": "added",
	"span.delete": "deleted", "relation.delete": "deleted",
	"span.update": "changed",
}

func runKeyOf(e db.LoggedEvent) runKey {
	k := runKey{user: e.User, kind: runKinds[e.Action], doc: e.DocumentID}
	if k.kind == "" || e.DocumentID == 0 {
		return runKey{}
	}
	var d struct{ Layer string }
	if json.Unmarshal(e.Detail, &d) != nil {
		return runKey{}
	}
	k.layer = d.Layer
	k.at, _ = time.Parse(time.RFC3339Nano, e.At)
	return k
}

// grouped is true for a row of several entries.
func (r ActivityRow) grouped() bool { return len(r.Events) > 1 }

// first is the row's newest entry: the one whose time, user and document
// the row shows.
func (r ActivityRow) first() db.LoggedEvent { return r.Events[0] }

// groupSummary is a run as a line: "deleted 38 spans and 12 links in
// layla's layer".
func (r ActivityRow) groupSummary() string {
	var spans, links int
	for _, e := range r.Events {
		if strings.HasPrefix(e.Action, "span.") {
			spans++
		} else {
			links++
		}
	}
	var parts []string
	if spans > 0 {
		parts = append(parts, Plural(spans, "span"))
	}
	if links > 0 {
		parts = append(parts, Plural(links, "link"))
	}
	k := runKeyOf(r.first())
	return k.kind + " " + strings.Join(parts, " and ") + layerPhrase("in", k.layer)
}
