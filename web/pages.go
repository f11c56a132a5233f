package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

func (h *handler) homePage(c echo.Context) error {
	return h.renderHome(c, http.StatusOK, components.HomeView{})
}

// renderHome shows the home page with v's notice or refused form.
func (h *handler) renderHome(c echo.Context, status int, v components.HomeView) error {
	var err error
	ctx := c.Request().Context()
	if v.Projects, err = h.store.ProjectsFor(ctx, currentUser(c)); err != nil {
		return err
	}
	if v.Queue, err = h.store.Queue(ctx, currentUser(c)); err != nil {
		return err
	}
	if v.Review, err = h.store.ReviewQueue(ctx, currentUser(c)); err != nil {
		return err
	}
	if c.QueryParam("done") == "project-deleted" {
		v.Notice = components.T(c.Request().Context(), "Project deleted.")
	}
	return render(c, status, components.Home(h.page(c, "Projects"), v))
}

// createProject is `hashiya project create NAME` for admins in the
// browser: a project with the starting label set the form chose (labels:
// the default set, CoNLL's named entities, none yet, or a copy of the
// labels and relation rules of the project labels_from names), whose
// page it opens. A form without labels copies labels_from when it names
// a project, as the form did before it offered the other sets.
func (h *handler) createProject(c echo.Context) error {
	u := currentUser(c)
	if !u.IsAdmin {
		return forbidden("only a global admin creates projects",
			components.Msg("Only a global admin creates projects. Ask an admin to create one and add you to it."))
	}
	name, from, start := c.FormValue("name"), c.FormValue("labels_from"), c.FormValue("labels")
	if start == "" && from != "" {
		start = components.StartCopy
	}
	var source int64
	refuse := func(status int, msg string) error {
		return h.renderHome(c, status, components.HomeView{NewProject: name, NewProjectError: msg, LabelsFrom: source, StartWith: start})
	}
	ctx := c.Request().Context()
	var p db.Project
	var err error
	switch start {
	case "", components.StartQuotations:
		p, err = h.store.CreateProject(ctx, name, nil, u.ID)
	case components.StartEntities:
		p, err = h.store.CreateProjectFrom(ctx, name, db.LabelSet{Labels: db.NamedEntityLabels(), RelationTypes: []db.RelationType{}}, u.ID, "")
	case components.StartEmpty:
		p, err = h.store.CreateProjectFrom(ctx, name, db.LabelSet{Labels: []db.Label{}, RelationTypes: []db.RelationType{}}, u.ID, "")
	case components.StartCopy:
		if source, err = strconv.ParseInt(from, 10, 64); err != nil || source <= 0 {
			return refuse(http.StatusBadRequest, tr(c, "Labels: %q names no project; choose one in the list, or the default set.", from))
		}
		p, err = h.store.CreateProjectLike(ctx, name, source, u)
	default:
		return refuse(http.StatusBadRequest, tr(c, "Labels to start with: %q is none of the sets offered; choose one.", start))
	}
	var ve *db.ValidationError
	switch {
	case errors.As(err, &ve):
		return refuse(http.StatusBadRequest, plainMessage(ve))
	case errors.Is(err, db.ErrNotFound):
		return refuse(http.StatusNotFound, tr(c, "Labels: the project chosen to copy the labels of is not there any more (deleted?); choose another, or the default set."))
	case errors.Is(err, db.ErrConflict):
		return refuse(http.StatusConflict, tr(c, "A project named %s already exists: choose another name.", components.NameIn(ctx, name)))
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d?done=created", p.ID))
}

func (h *handler) projectPage(c echo.Context) error {
	p, role, err := h.project(c)
	if err != nil {
		return err
	}
	v, err := h.projectView(c, p, role)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, components.ProjectPage(h.page(c, p.Name), v))
}

// projectView loads what a project's page shows the caller: one page of
// the documents they see (?after=, ?status=, ?q=); managers also get the
// members and who works on each document shown.
func (h *handler) projectView(c echo.Context, p db.Project, role db.Role) (components.ProjectView, error) {
	ctx := c.Request().Context()
	v := components.ProjectView{Project: p, Role: role}
	page, err := documentPage(c, projectPageLimit, role)
	if err != nil {
		return v, err
	}
	if v.Queue, err = h.projectQueue(c, p, role); err != nil {
		return v, err
	}
	v.List = components.DocList{After: page.After, Status: page.Status, Gold: page.Gold, Query: page.Query, Notes: page.Notes}
	if v.List.DocumentList, err = h.store.Documents(ctx, p.ID, currentUser(c), page); err != nil || !role.AtLeast(db.RoleManager) {
		return v, err
	}
	done := c.QueryParam("done")
	m := &components.Manage{Notice: notice(ctx, done, c.QueryParam("n")), NoticeAt: noticeAt(done, c.QueryParam("doc")),
		Error: refusedText(ctx, c.QueryParam("refused")), Return: v.List.Return()}
	if done == "labels" {
		m.Notice = labelsNotice(ctx, p, c.QueryParams()["cut"])
	}
	if done == "reopen" {
		if m.Notice, err = h.reopenNotice(c); err != nil {
			return v, err
		}
	}
	if m.Members, err = h.store.Members(ctx, p.ID); err != nil {
		return v, err
	}
	ids := make([]int64, len(v.List.Docs))
	for i, d := range v.List.Docs {
		ids[i] = d.ID
	}
	if m.Assignees, err = h.store.Assignees(ctx, p.ID, ids); err != nil {
		return v, err
	}
	assigns, err := h.store.AssignsAny(ctx, p.ID)
	if err != nil {
		return v, err
	}
	m.AssignsNone = !assigns
	if m.Export, err = h.store.ExportCounts(ctx, p.ID, currentUser(c)); err != nil {
		return v, err
	}
	v.Manage = m
	return v, nil
}

func (h *handler) annotatePage(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	layer, err := h.openingLayer(c, t)
	if err != nil {
		return err
	}
	a, err := h.annotationOf(c, t, layer)
	if err != nil {
		return err
	}
	if a.Prev, a.Next, err = h.store.Neighbours(c.Request().Context(), a.Doc, currentUser(c)); err != nil {
		return err
	}
	if a.CanReview {
		if a.Owners, err = h.store.LayerOwners(c.Request().Context(), a.Doc); err != nil {
			return err
		}
	}
	a.WarnQuotes = c.QueryParam("warn") == "quotes" && db.Unattributed(a.Layer) > 0
	// Marking the previous document done lands here (markDone); the
	// words are fixed here, the address only chooses them.
	switch c.QueryParam("done") {
	case "next":
		name, err := h.documentName(c, c.QueryParam("prev"))
		if err != nil {
			return err
		}
		a.Notice = tr(c, "Marked %s done. This is the next unfinished document of your queue.", name)
	}
	return render(c, http.StatusOK, components.AnnotatePage(h.page(c, a.Doc.ExternalID), a))
}

// docView is the fragment the annotation page swaps in after each change.
func (h *handler) docView(c echo.Context) error {
	a, err := h.annotation(c)
	if err != nil {
		return err
	}
	// ?only= asks for a partial redraw: what the changes there touch.
	if only, ok := c.QueryParams()["only"]; ok {
		if a.Only, err = components.ParseRanges(only[0]); err != nil {
			return badRequest("only: %v", err)
		}
	}
	// ?warn=quotes: the page shows the quotations still lacking a speaker.
	a.WarnQuotes = c.QueryParam("warn") == "quotes"
	c.Response().Header().Set("Cache-Control", "no-store")
	return render(c, http.StatusOK, components.DocView(a))
}

// openingLayer is the layer a document's page shows: the one ?layer=
// names; else the caller's own where they work on the document (assigned
// it, or have a layer on it) and always for an annotator; else gold, what
// a reviewer, manager or admin comes to a document for.
func (h *handler) openingLayer(c echo.Context, t target) (string, error) {
	if name := c.QueryParam("layer"); name != "" || !t.role.AtLeast(db.RoleReviewer) {
		return name, nil
	}
	works, err := h.store.WorksOn(c.Request().Context(), t.doc, t.user)
	if err != nil || works {
		return "", err
	}
	return "gold", nil
}

// annotation loads a document, its project and the layer ?layer= names
// (the caller's own when none), as far as the caller may see them.
func (h *handler) annotation(c echo.Context) (components.Annotation, error) {
	t, err := h.document(c)
	if err != nil {
		return components.Annotation{}, err
	}
	return h.annotationOf(c, t, c.QueryParam("layer"))
}

// annotationOf is annotation for the layer name names in document t.
func (h *handler) annotationOf(c echo.Context, t target, name string) (components.Annotation, error) {
	var a components.Annotation
	t, owner, err := h.readLayer(c, t, name)
	if err != nil {
		return a, err
	}
	ctx := c.Request().Context()
	if a.Project, err = h.store.Project(ctx, t.doc.ProjectID); err != nil {
		return a, err
	}
	if a.Layer, err = h.store.LayerOf(ctx, t.doc, t.owner); err != nil {
		return a, err
	}
	a.Doc, a.Role = t.doc, t.role
	a.LayerName = t.layerLabel(owner)
	switch {
	case t.owner == 0:
		a.LayerParam = "gold"
	case t.owner != t.user.ID:
		a.LayerParam = owner.Name
		a.ReadOnly = true // nobody writes in another user's layer
	}
	if db.Finished(a.Layer.Status) {
		a.ReadOnly = true // the store refuses edits until a manager reopens it
	}
	a.CanReview = t.role.AtLeast(db.RoleReviewer)
	return a, nil
}

// documentName is the external id of the document id names, as the
// caller may see it, for a notice; "the document" when it names none the
// caller sees (the address is only a hint, never trusted).
func (h *handler) documentName(c echo.Context, id string) (string, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return tr(c, "the document"), nil
	}
	doc, _, err := h.store.DocumentFor(c.Request().Context(), n, currentUser(c))
	if errors.Is(err, db.ErrNotFound) {
		return tr(c, "the document"), nil
	}
	return doc.ExternalID, err
}

// isolateName is a name (a user's, a project's, a document's) set in
// first-strong isolates, so that inside a sentence of the other
// direction it neither takes the sentence's order nor scrambles it.
func isolateName(name string) string {
	return "\u2068" + name + "\u2069"
}
