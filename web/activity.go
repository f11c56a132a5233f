package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// activityPageSize is how many rows the activity page shows at once: a
// change each, or a run of changes one action made.
const activityPageSize = 50

// activityPage shows a project's change log to its managers, a page at a
// time: ?before= is the id the previous page ended at; ?who= keeps one
// user's changes, ?doc= those on one document (its external id).
func (h *handler) activityPage(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	var before int64
	if s := c.QueryParam("before"); s != "" {
		if before, err = strconv.ParseInt(s, 10, 64); err != nil || before <= 0 {
			return badRequest("before: %q is not an event id", s)
		}
	}
	var f db.EventFilter
	for _, q := range []struct {
		name string
		to   *string
	}{{"who", &f.User}, {"doc", &f.Document}} {
		*q.to = strings.TrimSpace(c.QueryParam(q.name))
		if !utf8.ValidString(*q.to) || utf8.RuneCountInString(*q.to) > 200 {
			return badRequest("%s: give a user name or a document id of at most 200 characters", q.name)
		}
	}
	v := components.ActivityView{Project: p, Filter: f}
	if v.Rows, v.Older, err = h.activityRows(c.Request().Context(), p.ID, before, f); err != nil {
		return err
	}
	return render(c, http.StatusOK, components.ActivityPage(h.page(c, tr(c, "%s activity", p.Name)), v))
}

// activityBatch is how many entries activityRows reads at a time.
const activityBatch = 250

// activityRows is a page of the log: activityPageSize rows, a run of
// entries one action made (components.GroupEvents) counting as one row
// and never cut across pages, so a bulk undo takes one line of the page,
// not all of it. Entries are read in batches until the page's rows are
// closed (no older entry can join its last row) and some entry is left
// over; older is the id of the last row's oldest entry, where the next
// page starts (0 on the last page).
func (h *handler) activityRows(ctx context.Context, projectID, before int64, f db.EventFilter) ([]components.ActivityRow, int64, error) {
	var events []db.LoggedEvent
	for {
		batch, err := h.store.ProjectEvents(ctx, projectID, before, activityBatch, f)
		if err != nil {
			return nil, 0, err
		}
		events = append(events, batch...)
		rows, open := components.GroupEvents(events)
		complete := len(batch) < activityBatch
		if complete {
			open = 0
		}
		if len(rows)-open >= activityPageSize && len(rows) > activityPageSize {
			page := rows[:activityPageSize]
			last := page[activityPageSize-1].Events
			return page, last[len(last)-1].ID, nil
		}
		if complete {
			return rows, 0, nil
		}
		before = batch[len(batch)-1].ID
	}
}
