package components

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

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

// noneText says no change matches the filter, naming it.
func (v ActivityView) noneText(ctx context.Context) string {
	who, doc := isolate(v.Filter.User), isolate(v.Filter.Document)
	switch {
	case v.Filter.User != "" && v.Filter.Document != "":
		return Tf(ctx, "No change in this project by “%s” on document “%s” matches.", who, doc)
	case v.Filter.User != "":
		return Tf(ctx, "No change in this project by “%s” matches.", who)
	}
	return Tf(ctx, "No change in this project on document “%s” matches.", doc)
}

// filtered is true when the log shown is narrowed to a user or a
// document.
func (v ActivityView) filtered() bool { return v.Filter != db.EventFilter{} }

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

// runFormats say what each kind of run did, and its prep names the layer
// after it: "added 3 spans to gold", "deleted 2 links from layla's
// layer".
var runFormats = map[string]struct{ format, prep string }{
	"added":   {Msg("added %s"), "to"},
	"deleted": {Msg("deleted %s"), "from"},
	"changed": {Msg("changed %s"), "in"},
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

// groupSummary is a run as a line: "deleted 38 spans and 12 links from
// layla's layer".
func (r ActivityRow) groupSummary(ctx context.Context) string {
	var spans, links int
	for _, e := range r.Events {
		if strings.HasPrefix(e.Action, "span.") {
			spans++
		} else {
			links++
		}
	}
	k := runKeyOf(r.first())
	run := runFormats[k.kind]
	return Tf(ctx, run.format, changedSpansAndLinks(ctx, spans, links)) + layerIn(ctx, run.prep, k.layer)
}
