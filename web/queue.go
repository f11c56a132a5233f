package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"hashiya/db"
)

// markDone finishes the caller's own layer of a document they may see,
// then opens the next unfinished document of their queue; with none left
// it shows the same document again, now marked done.
func (h *handler) markDone(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if c.FormValue("force") != "1" {
		missing, err := h.unattributed(c, t.doc, t.user.ID)
		if err != nil {
			return err
		}
		if missing > 0 {
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?warn=quotes#quote-warning", t.doc.ID))
		}
	}
	if _, err := h.store.MarkDone(ctx, t.doc, t.user); err != nil {
		return err
	}
	next, err := h.nextDocument(ctx, t.user, t.doc.ProjectID)
	if err != nil {
		return err
	}
	if next == 0 {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?done=last", t.doc.ID))
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?done=next&prev=%d", next, t.doc.ID))
}

// apiMarkDone is markDone for scripts: the layer's status as JSON.
func (h *handler) apiMarkDone(c echo.Context) error {
	// ?layer= is read as every write reads it: an annotator naming gold or
	// another's layer is refused, not given their own layer marked done.
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	if t.owner == 0 {
		return badRequest("layer: gold is not marked done; a reviewer marks it reviewed on the document's review page (POST /documents/%d/review/done)", t.doc.ID)
	}
	force, err := forced(c.QueryParam("force"))
	if err != nil {
		return err
	}
	if !force {
		missing, err := h.unattributed(c, t.doc, t.user.ID)
		if err != nil {
			return err
		}
		if missing > 0 {
			return echo.NewHTTPError(http.StatusConflict, fmt.Sprintf("%d quotations have no speaker: link them, mark them speaker_in_text=false, or send ?force=1", missing))
		}
	}
	status, err := h.store.MarkDone(c.Request().Context(), t.doc, t.user)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"id": t.doc.ID, "layer": t.user.Name, "status": status})
}

// forced reads ?force=: 1 or true marks a layer done past quotations
// without a speaker, 0, false or nothing does not. Any other value is
// refused: read as "not forced", a typo would come back as a warning
// about quotations, not about the typo.
func forced(v string) (bool, error) {
	switch v {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	}
	return false, badRequest("force: %q is not 1 or 0 (true or false)", v)
}

// next sends the caller to the next unfinished document of their queue,
// or home when nothing is left.
func (h *handler) next(c echo.Context) error {
	next, err := h.nextDocument(c.Request().Context(), currentUser(c), 0)
	if err != nil {
		return err
	}
	if next == 0 {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d", next))
}

// nextDocument is the first unfinished document of user's queue: in
// project projectID when it has one left, else in the first project that
// does; 0 when the queue is finished.
func (h *handler) nextDocument(ctx context.Context, user db.User, projectID int64) (int64, error) {
	queue, err := h.store.Queue(ctx, user)
	if err != nil {
		return 0, err
	}
	var first int64
	for _, q := range queue {
		if q.Next != 0 && q.ProjectID == projectID {
			return q.Next, nil
		}
		if first == 0 {
			first = q.Next
		}
	}
	return first, nil
}

// reopen sets a user's finished layer back to in progress. Only a manager
// of the document's project may; anyone else who sees it gets 403.
func (h *handler) reopen(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	if !t.role.AtLeast(db.RoleManager) {
		return forbidden("only a project manager may reopen a layer",
			"Only a manager of the project may reopen a finished layer. Ask a manager of the project to reopen it.")
	}
	ctx := c.Request().Context()
	owner := c.FormValue("user")
	if err := h.store.Reopen(ctx, t.doc, t.user, owner); err != nil {
		p, perr := h.store.Project(ctx, t.doc.ProjectID)
		if perr != nil {
			return perr
		}
		return h.formError(c, p, err)
	}
	return c.Redirect(http.StatusSeeOther, backToProject(c, t.doc.ProjectID, fmt.Sprintf("done=reopen&doc=%d", t.doc.ID), fmt.Sprintf("doc-%d", t.doc.ID)))
}

// unattributed counts the quotations of owner's layer of doc (0: gold)
// that have no speaker and are not confirmed to have none in the text.
func (h *handler) unattributed(c echo.Context, doc db.Document, owner int64) (int, error) {
	l, err := h.store.LayerOf(c.Request().Context(), doc, owner)
	return db.Unattributed(l), err
}
