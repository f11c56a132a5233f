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

// addMember adds a user to the project with a role, or changes their role.
func (h *handler) addMember(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	role, err := db.ParseRole(c.FormValue("role"))
	if err != nil {
		return h.formError(c, p, err)
	}
	name := strings.TrimSpace(c.FormValue("user"))
	u, err := h.store.UserByName(ctx, name)
	if errors.Is(err, db.ErrNotFound) {
		return h.noSuchMember(c, p, name)
	}
	if err != nil {
		return err
	}
	if err := h.store.SetMember(ctx, p.ID, currentUser(c), u, role); err != nil {
		return h.formError(c, p, err)
	}
	return c.Redirect(http.StatusSeeOther, backToProject(c, p.ID, "done=member", "members"))
}

// noSuchMember refuses a member form naming a user who does not exist:
// accounts are made on the Users page, which an admin is linked to; a
// manager who is not one is told to ask an admin.
func (h *handler) noSuchMember(c echo.Context, p db.Project, name string) error {
	quoted := strconv.Quote(name)
	if !currentUser(c).IsAdmin {
		return h.formError(c, p, spoken(&db.ValidationError{Field: "user",
			Reason: tr(c, "there is no user %s: ask an admin to create the account, then add it here", quoted)}))
	}
	err := spoken(&db.ValidationError{Field: "user",
		Reason: tr(c, "there is no user %s: create the account on the Users page first, then add it here", quoted)})
	return h.formError(c, p, err, func(m *components.Manage) {
		m.RefusalLink = &components.PageLink{Text: tr(c, "Open the Users page"), Href: "/admin/users"}
	})
}

// formUser is the user a manager's form names in its "user" field.
func (h *handler) formUser(c echo.Context) (db.User, error) {
	return h.formUserIn(c, "user")
}

// formUserIn is the user a form names in field; an unknown name is a
// validation error the form shows.
func (h *handler) formUserIn(c echo.Context, field string) (db.User, error) {
	name := strings.TrimSpace(c.FormValue(field))
	u, err := h.store.UserByName(c.Request().Context(), name)
	if errors.Is(err, db.ErrNotFound) {
		return u, &db.ValidationError{Field: field, Reason: fmt.Sprintf("there is no user %q", name)}
	}
	return u, err
}

// removeMember takes a user out of the project (their layers stay).
func (h *handler) removeMember(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := h.formUser(c)
	if err != nil {
		return h.formError(c, p, err)
	}
	if err := h.store.RemoveMember(ctx, p.ID, currentUser(c), u); err != nil {
		return h.formError(c, p, err)
	}
	return c.Redirect(http.StatusSeeOther, backToProject(c, p.ID, "done=member-removed", "members"))
}

// assign gives the documents a form names to a member; unassign (the same
// form's other button, or an assignee's own button) takes them back.
func (h *handler) assign(c echo.Context) error {
	return h.changeAssignments(c, "assign", h.store.Assign)
}

func (h *handler) unassign(c echo.Context) error {
	return h.changeAssignments(c, "unassign", h.store.Unassign)
}

type assignFunc func(ctx context.Context, projectID int64, by db.User, req db.AssignRequest) (int, error)

func (h *handler) changeAssignments(c echo.Context, done string, change assignFunc) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	req, err := assignRequest(c)
	if err != nil {
		return h.formError(c, p, err)
	}
	if c.FormValue("from") == "list" && len(req.DocumentIDs) == 0 {
		// As the bar's Delete: back to the list (a GET, so reloading it
		// posts nothing), saying what the bar's own buttons need.
		return c.Redirect(http.StatusSeeOther, backToProject(c, p.ID, "refused=none-ticked-"+done, "form-error"))
	}
	n, err := change(c.Request().Context(), p.ID, currentUser(c), req)
	if err != nil {
		return h.formError(c, p, err)
	}
	// From the bar under the document list, the page comes back to the
	// bar, the notice in it, not to the Assignment section far below.
	anchor := "assignments"
	if c.FormValue("from") == "list" {
		done, anchor = done+"-list", "assign-form"
	}
	return c.Redirect(http.StatusSeeOther, backToProject(c, p.ID, fmt.Sprintf("done=%s&n=%d", done, n), anchor))
}

// autoAssign gives every document of the project N annotators.
func (h *handler) autoAssign(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	perDoc, err := strconv.Atoi(strings.TrimSpace(c.FormValue("per_document")))
	if err != nil {
		return h.formError(c, p, spoken(&db.ValidationError{Field: "per_document", Reason: tr(c, "give a whole number of annotators per document")}))
	}
	n, err := h.store.AutoAssign(c.Request().Context(), p.ID, currentUser(c), perDoc)
	if err != nil {
		return h.formError(c, p, err)
	}
	return c.Redirect(http.StatusSeeOther, backToProject(c, p.ID, fmt.Sprintf("done=auto&n=%d", n), "assignments"))
}

// assignRequest reads the assignment form: a user name, ticked document
// ids (doc), external ids separated by commas or spaces, or all.
func assignRequest(c echo.Context) (db.AssignRequest, error) {
	form, err := c.FormParams()
	if err != nil {
		return db.AssignRequest{}, badRequest("form: %v", err)
	}
	req := db.AssignRequest{User: strings.TrimSpace(form.Get("user")), All: form.Get("all") != ""}
	if req.DocumentIDs, err = formDocIDs(form); err != nil {
		return req, err
	}
	req.ExternalIDs = strings.FieldsFunc(form.Get("external_ids"), func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' })
	return req, nil
}

// formDocIDs reads the documents ticked in the project page's list (doc,
// repeated).
func formDocIDs(form url.Values) ([]int64, error) {
	var ids []int64
	for _, v := range form["doc"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, &db.ValidationError{Field: "doc", Reason: fmt.Sprintf("%q is not a document id", v)}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// formError shows a refused manager's form on the project page, saying
// why beside that form, instead of a bare error page; other errors go to
// the error handler. The page is the POST's answer, not a redirect: it
// holds the form as it was typed (keep), which only the request carries.
func (h *handler) formError(c echo.Context, p db.Project, err error, keep ...func(*components.Manage)) error {
	// Something a manager's form names that is gone gets the error page.
	status, refused := refusal(err)
	if !refused || status == http.StatusNotFound {
		return err
	}
	v, verr := h.projectView(c, p, db.RoleManager)
	if verr != nil {
		return verr
	}
	v.Manage.Refusal = plainMessage(err)
	// The store's words stay English (the command line and the API share
	// them); a page in another language frames them. A refusal the web
	// worded itself is in the page's language already.
	var own *spokenError
	if components.LangOf(c.Request().Context()) != components.English && !errors.As(err, &own) {
		v.Manage.RefusalFrame = tr(c, "Refused:")
	}
	v.Manage.RefusedAt = refusedAt(c, v.List.Docs)
	var ve *db.ValidationError
	if errors.As(err, &ve) {
		v.Manage.Invalid = ve.Field
	}
	for _, k := range keep {
		k(v.Manage)
	}
	return render(c, status, components.ProjectPage(h.page(c, p.Name), v))
}

// formPlaces are the places on the project page (as noticeAt's) of the
// form each route takes, where its refusal is shown.
var formPlaces = map[string]string{
	"/projects/:p/labels":             "labels",
	"/projects/:p/relation-types":     "relation-types",
	"/projects/:p/labels/file":        "labels-file",
	"/projects/:p/guidelines":         "guidelines",
	"/projects/:p/members":            "members",
	"/projects/:p/members/remove":     "members",
	"/projects/:p/assignments":        "assignments",
	"/projects/:p/assignments/auto":   "assignments",
	"/projects/:p/assignments/remove": "assignments",
	"/projects/:p/documents/delete":   "assign-form",
}

// refusedAt is the place of the form a refused request came from: the
// bar under the list for its buttons, a document's row for its Reopen or
// Unassign, else the route's section. A place the page shown does not
// have (the row of a document not listed) falls back to the documents'
// heading, so a refusal is never left unseen.
func refusedAt(c echo.Context, docs []db.DocumentSummary) string {
	place := formPlaces[c.Path()]
	doc := c.FormValue("doc")
	if c.Path() == "/documents/:d/reopen" {
		doc = c.Param("d")
	}
	id, err := strconv.ParseInt(doc, 10, 64)
	if c.FormValue("from") == "list" {
		place = "assign-form"
	} else if err == nil && (c.Path() == "/documents/:d/reopen" || c.Path() == "/projects/:p/assignments/remove") {
		place = fmt.Sprintf("doc-%d", id)
	}
	if (place == "assign-form" || strings.HasPrefix(place, "doc-")) && !shows(docs, place) {
		return "documents-title"
	}
	return place
}

// shows reports whether a page listing docs has place: the bar under the
// list, when there is a list, or a document's row.
func shows(docs []db.DocumentSummary, place string) bool {
	for _, d := range docs {
		if place == "assign-form" || place == fmt.Sprintf("doc-%d", d.ID) {
			return true
		}
	}
	return false
}

// refusedText says why the form sent before this page was refused, for
// the refusals that send the manager back to the page (so a reload does
// not post again); like notice's, its words are fixed here.
func refusedText(ctx context.Context, refused string) string {
	switch refused {
	case "none-ticked":
		return components.T(ctx, "Nothing was deleted: no document was ticked. Tick the documents to delete in the list, then press “Delete ticked documents…”.")
	case "none-ticked-assign":
		return components.T(ctx, "Nothing was assigned: no document was ticked. Tick the documents to assign in the list, pick the member, then press “Assign”.")
	case "none-ticked-unassign":
		return components.T(ctx, "Nothing was unassigned: no document was ticked. Tick the documents to take back in the list, pick the member, then press “Unassign”.")
	}
	return ""
}

// notice says what the form sent before this page did. Its words are
// fixed here, never taken from the URL, so a link cannot put text on it.
// noticeAt is the id of the place on the project page holding the form
// that made the notice of done, where its redirect lands (see backToProject
// and the redirects of labels.go); doc is the document a layer of which
// was reopened.
func noticeAt(done, doc string) string {
	switch done {
	case "member", "member-removed":
		return "members"
	case "assign", "unassign", "auto":
		return "assignments"
	case "assign-list", "unassign-list":
		return "assign-form"
	case "reopen":
		if id, err := strconv.ParseInt(doc, 10, 64); err == nil {
			return fmt.Sprintf("doc-%d", id)
		}
	case "deleted", "imported":
		return "documents-title"
	case "labels", "relation-types", "guidelines", "labels-file":
		return done
	}
	return ""
}

// reopenNotice names whose layer of which document a manager just
// reopened (?user= and ?doc=, the document's id), each name isolated so
// an Arabic one keeps the sentence in order.
func (h *handler) reopenNotice(c echo.Context) (string, error) {
	doc, err := h.documentName(c, c.QueryParam("doc"))
	if err != nil {
		return "", err
	}
	switch owner := c.QueryParam("user"); owner {
	case "":
		return tr(c, "Reopened the layer of %s: it is in progress again, no longer read only.", isolateName(doc)), nil
	case "gold":
		return tr(c, "Reopened gold of %s: it is in progress again, no longer read only.", isolateName(doc)), nil
	default:
		return tr(c, "Reopened %s's layer of %s: it is in progress again, no longer read only.", isolateName(owner), isolateName(doc)), nil
	}
}

func notice(ctx context.Context, done, count string) string {
	n, _ := strconv.Atoi(count)
	switch done {
	case "member":
		return components.T(ctx, "Member saved.")
	case "member-removed":
		return components.T(ctx, "Member removed; their layers are kept.")
	case "assign", "assign-list":
		return components.Tn(ctx, n, "1 new assignment.", "%d new assignments.")
	case "unassign", "unassign-list":
		return components.Tn(ctx, n, "1 assignment removed.", "%d assignments removed.")
	case "auto":
		if n == 0 {
			return components.T(ctx, "Every document already has that many annotators: automatic assignment added none.")
		}
		return components.Tn(ctx, n, "Automatic assignment added 1 assignment.", "Automatic assignment added %d assignments.")
	case "deleted":
		return components.Tn(ctx, n, "1 document deleted.", "%d documents deleted.")
	case "labels":
		return components.T(ctx, "Label set saved.")
	case "relation-types":
		return components.T(ctx, "Relation rules saved.")
	case "labels-file":
		return components.T(ctx, "Label set replaced with the uploaded file's.")
	case "guidelines":
		return components.T(ctx, "Guidelines saved.")
	case "created":
		return components.T(ctx, "Project created. Import its documents, check its labels and add its members below.")
	case "imported":
		return components.Tn(ctx, n, "1 document imported; they come last in the list, in import order.", "%d documents imported; they come last in the list, in import order.")
	}
	return ""
}
