package components

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"hashiya/db"
)

// logged builds a newest-first log entry for the grouping tests: who did
// action on document doc in layer, ms milliseconds before a fixed moment.
func logged(id int64, who, action string, doc int64, layer string, ms int) db.LoggedEvent {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).Add(-time.Duration(ms) * time.Millisecond)
	detail := fmt.Sprintf(`{"layer":%q,"id":%d,"start":0,"end":2,"label":"PER","text":"قا","type":"speaker","from":1,"to":2}`, layer, id)
	return db.LoggedEvent{ID: id, At: at.Format("2006-01-02T15:04:05.000Z"), User: who, DocumentID: doc, Document: "doc-1", Action: action, Detail: []byte(detail)}
}

// TestGroupEvents: consecutive span and link changes of one kind, by one
// user, on one document and layer, each within a few seconds of the one
// before, make one row; any difference, a pause, another kind of action,
// or a run too short or too long, cuts it.
func TestGroupEvents(t *testing.T) {
	var undo []db.LoggedEvent // an undo of "Accept all": 38 spans, 12 links
	for i := range 50 {
		action := "span.delete"
		if i%4 == 0 && i < 48 {
			action = "relation.delete"
		}
		undo = append(undo, logged(int64(100-i), "layla", action, 1, "layla", i*40))
	}
	tests := []struct {
		name   string
		events []db.LoggedEvent
		sizes  []int // entries per row, newest row first
		open   int
	}{
		{"one undo", undo, []int{50}, 1},
		{"another user", []db.LoggedEvent{logged(5, "layla", "span.delete", 1, "layla", 0), logged(4, "layla", "span.delete", 1, "layla", 10), logged(3, "layla", "span.delete", 1, "layla", 20), logged(2, "karim", "span.delete", 1, "layla", 30)}, []int{3, 1}, 1},
		{"another layer", []db.LoggedEvent{logged(5, "rana", "span.create", 1, "gold", 0), logged(4, "rana", "span.create", 1, "gold", 10), logged(3, "rana", "span.create", 1, "gold", 20), logged(2, "rana", "span.create", 1, "layla", 30)}, []int{3, 1}, 1},
		{"another document", []db.LoggedEvent{logged(5, "rana", "span.create", 1, "gold", 0), logged(4, "rana", "span.create", 2, "gold", 10), logged(3, "rana", "span.create", 2, "gold", 20), logged(2, "rana", "span.create", 2, "gold", 30)}, []int{1, 3}, 1},
		{"a link and spans added, then a deletion", []db.LoggedEvent{logged(4, "rana", "span.delete", 1, "gold", 0), logged(3, "rana", "relation.create", 1, "gold", 10), logged(2, "rana", "span.create", 1, "gold", 20), logged(1, "rana", "span.create", 1, "gold", 30)}, []int{1, 3}, 1},
		{"a pause", []db.LoggedEvent{logged(4, "rana", "span.update", 1, "gold", 0), logged(3, "rana", "span.update", 1, "gold", 4000), logged(2, "rana", "span.update", 1, "gold", 8000), logged(1, "rana", "span.update", 1, "gold", 14000)}, []int{3, 1}, 1},
		{"not a span or link", []db.LoggedEvent{logged(3, "rana", "layer.done", 1, "gold", 0), logged(2, "rana", "layer.done", 1, "gold", 10), logged(1, "rana", "layer.done", 1, "gold", 20)}, []int{1, 1, 1}, 1},
	}
	long := make([]db.LoggedEvent, maxGroup+1)
	for i := range long {
		long[i] = logged(int64(1000-i), "layla", "span.create", 1, "layla", i)
	}
	tests = append(tests, struct {
		name   string
		events []db.LoggedEvent
		sizes  []int
		open   int
	}{"longer than a row holds", long, []int{maxGroup, 1}, 1})
	for _, tt := range tests {
		rows, open := GroupEvents(tt.events)
		var sizes []int
		for _, r := range rows {
			sizes = append(sizes, len(r.Events))
		}
		if fmt.Sprint(sizes) != fmt.Sprint(tt.sizes) || open != tt.open {
			t.Errorf("%s: rows of %v entries, %d open; want %v, %d open", tt.name, sizes, open, tt.sizes, tt.open)
		}
	}
}

// TestActivityGroupRow: a run is one row saying what it did in all, in
// whose layer, that opens to each entry with its time; a single entry
// reads as before.
func TestActivityGroupRow(t *testing.T) {
	var events []db.LoggedEvent
	for i := range 50 {
		action := "span.delete"
		if i%4 == 0 && i < 48 {
			action = "relation.delete"
		}
		events = append(events, logged(int64(100-i), "layla", action, 1, "layla", i*40))
	}
	events = append(events, logged(40, "layla", "span.create", 1, "gold", 60000))
	rows, _ := GroupEvents(events)
	d := rendered(t, ActivityPage(Page{Title: "a"}, ActivityView{Project: db.Project{ID: 1, Name: "news"}, Rows: rows}))
	trs := d.Find("table.activity tbody tr")
	if trs.Length() != 2 {
		t.Fatalf("%d rows, want the run and the single entry", trs.Length())
	}
	group := trs.First()
	summary := strings.ReplaceAll(strings.ReplaceAll(group.Find("details summary").Text(), "\u2068", ""), "\u2069", "")
	if summary != "deleted 38 spans and 12 links from layla's layer" {
		t.Errorf("the run reads %q", summary)
	}
	entries := group.Find("details li")
	if entries.Length() != 50 {
		t.Errorf("the run opens to %d entries, want 50", entries.Length())
	}
	first := strings.Join(strings.Fields(isolates.Replace(entries.First().Text())), " ")
	if !strings.HasPrefix(first, "12:00:00 deleted the speaker link") {
		t.Errorf("its first entry reads %q", first)
	}
	if got := group.Find("td").Eq(2).Find("a").Text(); got != "doc-1" {
		t.Errorf("the run's document is %q", got)
	}
	single := trs.Last()
	if single.Find("details").Length() != 0 || !strings.Contains(single.Text(), "added the span PER") {
		t.Errorf("a single entry reads %q", strings.Join(strings.Fields(single.Text()), " "))
	}
}
