package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// activityPageSize is how many changes the activity page shows at once.
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
	events, err := h.store.ProjectEvents(c.Request().Context(), p.ID, before, activityPageSize+1, f)
	if err != nil {
		return err
	}
	v := components.ActivityView{Project: p, Events: events, Filter: f}
	if len(events) > activityPageSize {
		v.Events = events[:activityPageSize]
		v.Older = v.Events[activityPageSize-1].ID
	}
	return render(c, http.StatusOK, components.ActivityPage(h.page(c, p.Name+" activity"), v))
}
