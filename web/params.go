package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// idParam reads a positive integer path parameter; its refusal says which
// way the value is wrong.
func idParam(c echo.Context, name string) (int64, error) {
	what, raw := paramNames[name], c.Param(name)
	id, err := strconv.ParseInt(raw, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, badRequest("%s %q in the address is too large to be a %s", what, raw, what)
	case err != nil:
		return 0, badRequest("%s %q in the address is not a number", what, raw)
	case id <= 0:
		return 0, badRequest("%s %q in the address is not a %s (ids are positive whole numbers)", what, raw, what)
	}
	return id, nil
}

// paramNames say in words what each route's id parameter names.
var paramNames = map[string]string{"p": "project id", "d": "document id", "s": "span id", "r": "relation id", "n": "note id", "id": "token id"}

// target is a document the caller may see and the layer a request acts on.
type target struct {
	doc   db.Document
	role  db.Role
	user  db.User
	owner int64 // owner of the layer: a user id, or 0 for gold
}

// layerLabel names the target's layer as the API reports it.
func (t target) layerLabel(owner db.User) string {
	switch {
	case t.owner == 0:
		return "gold"
	case t.owner == t.user.ID:
		return t.user.Name
	default:
		return owner.Name
	}
}

// document loads the document named by :d if the caller may see it; the
// store query decides, so a document of another project is 404.
func (h *handler) document(c echo.Context) (target, error) {
	id, err := idParam(c, "d")
	if err != nil {
		return target{}, err
	}
	u := currentUser(c)
	doc, role, err := h.store.DocumentFor(c.Request().Context(), id, u)
	return target{doc: doc, role: role, user: u, owner: u.ID}, err
}

var errOwnLayerOnly = forbidden("annotators work only in their own layer",
	components.Msg("Annotators see and change only their own layer. Open the document without choosing a layer to work in yours, or ask a manager of the project for the reviewer role."))

// readTarget resolves ?layer= for reading: empty, "mine" or the caller's
// name is their own layer; gold and other users' layers need a reviewer.
func (h *handler) readTarget(c echo.Context) (target, db.User, error) {
	t, err := h.document(c)
	if err != nil {
		return t, db.User{}, err
	}
	return h.readLayer(c, t, c.QueryParam("layer"))
}

// readLayer points t at the layer name names, as ?layer= does.
func (h *handler) readLayer(c echo.Context, t target, name string) (target, db.User, error) {
	switch name {
	case "", "mine", t.user.Name:
		return t, t.user, nil
	case "gold":
		if !t.role.AtLeast(db.RoleReviewer) {
			return t, db.User{}, errOwnLayerOnly
		}
		t.owner = 0
		return t, db.User{}, nil
	default:
		if !t.role.AtLeast(db.RoleReviewer) {
			return t, db.User{}, errOwnLayerOnly
		}
		owner, err := h.store.UserByName(c.Request().Context(), name)
		if err != nil {
			return t, db.User{}, badRequest("layer: no user %q (use gold, mine or a user name)", name)
		}
		t.owner = owner.ID
		return t, owner, nil
	}
}

// writeTarget resolves ?layer= for writing: the caller's own layer, or
// gold for reviewers and managers. Nobody writes in another user's layer.
func (h *handler) writeTarget(c echo.Context) (target, error) {
	t, err := h.document(c)
	if err != nil {
		return t, err
	}
	switch c.QueryParam("layer") {
	case "", "mine", t.user.Name:
		return t, nil
	case "gold":
		if !t.role.AtLeast(db.RoleReviewer) {
			return t, errOwnLayerOnly
		}
		t.owner = 0
		return t, nil
	default:
		return t, forbidden("you may write only to your own layer or, as a reviewer, to gold",
			"You may change only your own layer or, as a reviewer, gold. Open your own layer (\"my layer\", ?layer=mine) to work in it.")
	}
}

// project loads the project named by :p with the caller's role; a project
// the caller is not a member of is 404.
func (h *handler) project(c echo.Context) (db.Project, db.Role, error) {
	id, err := idParam(c, "p")
	if err != nil {
		return db.Project{}, "", err
	}
	return h.store.ProjectFor(c.Request().Context(), id, currentUser(c))
}

// reviewedProject is project for what only reviewers and managers see.
func (h *handler) reviewedProject(c echo.Context) (db.Project, error) {
	p, role, err := h.project(c)
	if err != nil {
		return p, err
	}
	if !role.AtLeast(db.RoleReviewer) {
		return p, forbidden("only reviewers and managers see this",
			tr(c, "Only reviewers and managers of project %s see this page. Ask a manager of the project for the reviewer role.", components.NameIn(c.Request().Context(), p.Name)))
	}
	return p, nil
}

// managedForm is managedProject for a manager's form post, with the
// form's fields.
func (h *handler) managedForm(c echo.Context) (db.Project, url.Values, error) {
	p, err := h.managedProject(c)
	if err != nil {
		return p, nil, err
	}
	form, err := c.FormParams()
	if err != nil {
		return p, nil, badRequest("form: %v", err)
	}
	return p, form, nil
}

// managedProject is project for actions only a manager may take.
func (h *handler) managedProject(c echo.Context) (db.Project, error) {
	p, role, err := h.project(c)
	if err != nil {
		return p, err
	}
	if !role.AtLeast(db.RoleManager) {
		advice := components.Msg("Only managers of project %s may do this. Ask a manager of the project to do it, or to make you a manager.")
		if c.Request().Method == http.MethodGet {
			advice = components.Msg("Only managers of project %s see this page. Ask a manager of the project if you need what it shows.")
		}
		return p, forbidden("only a project manager may do this", tr(c, advice, components.NameIn(c.Request().Context(), p.Name)))
	}
	return p, nil
}
