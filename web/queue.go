package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// markDone finishes the caller's own layer of a document they may see,
// then opens the next unfinished document of their queue in the same
// project; with none left there, the project's page, which says so and
// names the projects where work remains. Moving on to another project
// unasked would change the label set and guidelines under the annotator.
func (h *handler) markDone(c echo.Context) error {
	t, err := h.doneTarget(c)
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
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d?marked=%d", t.doc.ProjectID, t.doc.ID))
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?done=next&prev=%d", next, t.doc.ID))
}

// apiMarkDone is markDone for scripts: the layer's status as JSON.
func (h *handler) apiMarkDone(c echo.Context) error {
	t, err := h.doneTarget(c)
	if err != nil {
		return err
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

// doneTarget is the layer a Mark done names, the caller's own. ?layer= is
// read as every write reads it, by the form as by the API: naming gold or
// another's layer is refused, not answered with the caller's own layer
// marked done.
func (h *handler) doneTarget(c echo.Context) (target, error) {
	t, err := h.writeTarget(c)
	if err != nil {
		return t, err
	}
	if t.owner == 0 {
		return t, badRequest("layer: gold is not marked done; a reviewer marks it reviewed on the document's review page (POST /documents/%d/review/done)", t.doc.ID)
	}
	return t, nil
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

// next sends the caller to the next unfinished document of their queue.
// Reached from a project (?project=, or a page of one of its documents)
// it stays in that project, and goes to the project's page, which says
// its work is done, when nothing is left there; otherwise it takes the
// first project with work left, or goes home when nothing is.
func (h *handler) next(c echo.Context) error {
	projectID, err := h.projectHint(c)
	if err != nil {
		return err
	}
	next, err := h.nextDocument(c.Request().Context(), currentUser(c), projectID)
	switch {
	case err != nil:
		return err
	case next != 0:
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d", next))
	case projectID != 0:
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d", projectID))
	}
	return c.Redirect(http.StatusSeeOther, "/")
}

// nextDocument is the first unfinished document of user's queue in
// project projectID, or, with projectID 0, in the first project that has
// one left; 0 when there is none.
func (h *handler) nextDocument(ctx context.Context, user db.User, projectID int64) (int64, error) {
	queue, err := h.store.Queue(ctx, user)
	if err != nil {
		return 0, err
	}
	for _, q := range queue {
		if q.Next != 0 && (projectID == 0 || q.ProjectID == projectID) {
			return q.Next, nil
		}
	}
	return 0, nil
}

// projectHint is the project /next stays in: ?project=, else the
// project of the page that linked here (its Referer: a document's page or
// a project's). The Referer is a hint, trusted only as far as the caller
// may see that document; 0 when there is none.
func (h *handler) projectHint(c echo.Context) (int64, error) {
	if v := c.QueryParam("project"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return 0, badRequest("project: %q is not a project id", v)
		}
		return id, nil
	}
	ref, err := url.Parse(c.Request().Referer())
	if err != nil {
		return 0, nil
	}
	if rest, ok := strings.CutPrefix(ref.Path, "/projects/"); ok {
		id, _ := strconv.ParseInt(strings.SplitN(rest, "/", 2)[0], 10, 64)
		return max(id, 0), nil
	}
	rest, ok := strings.CutPrefix(ref.Path, "/documents/")
	id, err := strconv.ParseInt(rest, 10, 64)
	if !ok || err != nil {
		return 0, nil
	}
	doc, _, err := h.store.DocumentFor(c.Request().Context(), id, currentUser(c))
	if errors.Is(err, db.ErrNotFound) {
		return 0, nil
	}
	return doc.ProjectID, err
}

// projectQueue is the top of project p's page for the caller: their
// progress and next document there and, when none is left, the other
// projects where work remains; for reviewers, what is ready for review.
func (h *handler) projectQueue(c echo.Context, p db.Project, role db.Role) (components.ProjectQueue, error) {
	ctx := c.Request().Context()
	user := currentUser(c)
	q := components.ProjectQueue{ProjectName: p.Name, Annotator: role == db.RoleAnnotator, Guidelines: p.Guidelines != ""}
	queue, err := h.store.Queue(ctx, user)
	if err != nil {
		return q, err
	}
	for _, item := range queue {
		switch {
		case item.ProjectID == p.ID:
			q.Mine = &item
		case item.Next != 0:
			q.Others = append(q.Others, item)
		}
	}
	if role.AtLeast(db.RoleReviewer) {
		r, ok, err := h.store.ReviewOf(ctx, user, p.ID)
		if err != nil {
			return q, err
		}
		if ok {
			q.Review = &r
		}
	}
	// ?marked= is where Mark done lands when the project has no more.
	if id := c.QueryParam("marked"); id != "" {
		q.Marked, err = h.documentName(c, id)
	}
	return q, err
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
			components.Msg("Only a manager of the project may reopen a finished layer. Ask a manager of the project to reopen it."))
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
	done := fmt.Sprintf("done=reopen&doc=%d&user=%s", t.doc.ID, url.QueryEscape(owner))
	return c.Redirect(http.StatusSeeOther, backToProject(c, t.doc.ProjectID, done, fmt.Sprintf("doc-%d", t.doc.ID)))
}

// unattributed counts the quotations of owner's layer of doc (0: gold)
// that have no speaker and are not confirmed to have none in the text.
func (h *handler) unattributed(c echo.Context, doc db.Document, owner int64) (int, error) {
	l, err := h.store.LayerOf(c.Request().Context(), doc, owner)
	return db.Unattributed(l), err
}
