package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
	"hashiya/db/codec"
)

type projectJSON struct {
	ID     int64      `json:"id"`
	Name   string     `json:"name"`
	Role   string     `json:"role"`
	Labels []db.Label `json:"labels,omitempty"`
}

func (h *handler) listProjects(c echo.Context) error {
	ps, err := h.store.ProjectsFor(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	out := make([]projectJSON, len(ps))
	for i, p := range ps {
		out[i] = projectJSON{ID: p.ID, Name: p.Name, Role: string(p.Role)}
	}
	return c.JSON(http.StatusOK, map[string]any{"projects": out})
}

// listDocuments answers one page of the documents the caller sees:
// ?limit= (default 100, at most 1000), ?after= (the next cursor of the
// page before), ?status= (of the caller's layer) and ?q= (part of the
// external id). "next" is absent on the last page; "total" counts every
// page of the filtered list.
func (h *handler) listDocuments(c echo.Context) error {
	p, role, err := h.project(c)
	if err != nil {
		return err
	}
	limit, err := apiLimit(c)
	if err != nil {
		return err
	}
	page, err := documentPage(c, limit, role)
	if err != nil {
		return err
	}
	list, err := h.store.Documents(c.Request().Context(), p.ID, currentUser(c), page)
	if err != nil {
		return err
	}
	type docJSON struct {
		ID         int64  `json:"id"`
		ExternalID string `json:"external_id"`
		Length     int    `json:"length"`
		Spans      int    `json:"spans"`
		Status     string `json:"status"`
		OpenNotes  int    `json:"open_notes"`
	}
	out := make([]docJSON, len(list.Docs))
	for i, d := range list.Docs {
		out[i] = docJSON{d.ID, d.ExternalID, d.Length, d.Spans, d.Status, d.OpenNotes}
	}
	body := map[string]any{"documents": out, "total": list.Total}
	if list.More {
		body["next"] = strconv.FormatInt(list.Docs[len(list.Docs)-1].ID, 10)
	}
	return c.JSON(http.StatusOK, body)
}

// importFormHeader marks an import sent by the project page's form.
const importFormHeader = "Hashiya-Import-Form"

// importDocuments takes a file as the body, as `hashiya import` does: all
// of it goes in, or nothing and a 400 listing every bad line. ?format=
// (default jsonl; auto decides by ?name=), ?name= (the file name, used in
// line errors and as a text or CoNLL file's document id), ?add_labels=1,
// ?layer= (gold or a member's name) or ?texts_only=1 (the file's spans
// left out, counted in "left_out_spans").
func (h *handler) importDocuments(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	layer, owner, err := h.importLayer(c, p)
	if err != nil {
		return err
	}
	textsOnly, err := flagParam(c, "texts_only")
	if err != nil {
		return err
	}
	if textsOnly && owner != 0 {
		return badRequest("texts_only: a texts-only import writes no layer, so it takes no layer=%s", layer)
	}
	format, name := c.QueryParam("format"), filepath.Base(c.QueryParam("name"))
	if format == "" {
		format = "jsonl"
	}
	if err := codec.CheckImportFormat(format); err != nil {
		return badRequest("format: %v", err)
	}
	if name == "." || name == "/" {
		// A plain text's id is its file name: without one, every text
		// would be "body", and the second refused as a duplicate.
		if format == "text" || format == "text-lines" {
			return badRequest("name: a plain-text import needs ?name=, the file name the documents' ids come from")
		}
		name = "body"
	}
	unit, err := offsetUnit(c, name, format)
	if err != nil {
		return err
	}
	addLabels, err := flagParam(c, "add_labels")
	if err != nil {
		return err
	}
	// As the CLI imports a file, from a file: every line checked as it is
	// read, then all stored in one transaction, so the body is never held
	// whole nor parsed.
	upload, err := spoolUpload(c.Request().Body)
	if upload != nil {
		defer h.dropUpload(upload)
	}
	if err != nil {
		return err
	}
	// The project page's import form says it is the sender, so that a
	// refusal names its fields rather than the API's parameters.
	via := db.ViaAPI
	if c.Request().Header.Get(importFormHeader) == "1" {
		via = db.ViaForm
	}
	opts := db.ImportOptions{ProjectID: p.ID, File: name, Owner: owner, By: currentUser(c).ID, AddLabels: addLabels, TextsOnly: textsOnly, Via: via}
	res, report, err := h.store.ImportFile(c.Request().Context(), opts, upload, db.FileImport{Format: format, Unit: unit, Layer: layer})
	if err != nil {
		return err
	}
	warnings := make([]string, len(report.Warnings))
	for i, w := range report.Warnings {
		warnings[i] = w.Error()
	}
	// The summary is in English, as the command line says it, except to
	// the import form, which shows it in its page's language.
	words := context.Background()
	if via == db.ViaForm {
		words = c.Request().Context()
	}
	summary := components.ImportSummary(words, components.ImportCounts{Documents: res.Documents, Annotated: res.Annotated, Spans: res.Spans, Relations: res.Relations, Layer: layer,
		TextsOnly: textsOnly, LeftOutSpans: res.LeftOutSpans, LeftOutRelations: res.LeftOutRelations})
	body := map[string]any{"documents": res.Documents, "annotated": res.Annotated, "spans": res.Spans, "relations": res.Relations,
		"added_labels": append([]string{}, res.AddedLabels...), "warnings": warnings, "summary": summary, "labels_note": components.AddedLabelsNote(words, res.AddedLabels, res.Unjoined, p.RelationTypes)}
	if textsOnly {
		body["left_out_spans"], body["left_out_relations"] = res.LeftOutSpans, res.LeftOutRelations
	}
	return c.JSON(http.StatusCreated, body)
}

// flagParam reads a query parameter that is 1 or 0 (true or false),
// false when absent.
func flagParam(c echo.Context, name string) (bool, error) {
	switch v := c.QueryParam(name); v {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	default:
		return false, badRequest("%s: %q is not 1 or 0", name, v)
	}
}

func (h *handler) getDocument(c echo.Context) error {
	a, err := h.annotation(c)
	if err != nil {
		return err
	}
	meta := a.Doc.Meta
	if len(meta) == 0 {
		meta = []byte("{}")
	}
	return c.JSON(http.StatusOK, map[string]any{
		"id": a.Doc.ID, "project": a.Doc.ProjectID, "external_id": a.Doc.ExternalID, "text": a.Doc.Text, "meta": meta,
		"offset_unit": "codepoint", "layer": a.LayerName, "status": a.Layer.Status,
		"spans": a.Layer.Spans, "relations": a.Layer.Relations,
	})
}

// offsetUnit reads ?offsets=, what a doccano file's offsets count:
// codepoint (the default) or utf16 (doccano's own); a file of a format
// with no offsets (text, CoNLL) may not ask for utf16.
func offsetUnit(c echo.Context, name, format string) (string, error) {
	unit := c.QueryParam("offsets")
	if unit == "" {
		return codec.UnitCodePoint, nil
	}
	if err := codec.CheckFileUnit(name, format, unit); err != nil {
		return "", badRequest("offsets: %v", err)
	}
	return unit, nil
}

// importLayer is where an import's spans go, by name and owner: gold
// unless ?layer= names a user of the project (the manager importing
// pre-annotations for an annotator). The import form's refusal names its
// own control, in the page's language.
func (h *handler) importLayer(c echo.Context, p db.Project) (string, int64, error) {
	name := c.QueryParam("layer")
	if name == "" {
		name = codec.GoldLayer
	}
	owner, err := h.store.ImportLayer(c.Request().Context(), p, name)
	var invalid *db.ValidationError
	switch {
	case c.Request().Header.Get(importFormHeader) == "1" && (errors.Is(err, db.ErrNotFound) || errors.As(err, &invalid)):
		return "", 0, badRequest("%s", tr(c, "Nothing was imported: %s is not a member of this project. Choose a member under “Into a member's layer” in “Labels in the file”, or add them under Members first.", "\u2068"+name+"\u2069"))
	case errors.Is(err, db.ErrNotFound):
		return "", 0, badRequest("layer: no user %q", name)
	}
	return name, owner, err
}

// deleteDocuments deletes the documents ticked on the project page. The
// first post only shows what goes with them; the page it shows posts
// again with confirm=yes, and that deletes them, all or none.
func (h *handler) deleteDocuments(c echo.Context) error {
	p, form, err := h.managedForm(c)
	if err != nil {
		return err
	}
	ids, err := formDocIDs(form)
	if err != nil {
		return h.formError(c, p, err)
	}
	if len(ids) == 0 {
		// Back to the list (a GET, so reloading it posts nothing), saying why.
		return c.Redirect(http.StatusSeeOther, backToProject(c, p.ID, "refused=none-ticked", "form-error"))
	}
	ctx := c.Request().Context()
	if form.Get("confirm") != "yes" {
		docs, err := h.store.DocumentLosses(ctx, p.ID, ids)
		if err != nil {
			return h.formError(c, p, err)
		}
		return render(c, http.StatusOK, components.DeleteDocumentsPage(h.page(c, "Delete documents"), components.DeleteDocumentsView{
			Project: p, Docs: docs, Action: c.Request().URL.RequestURI(), Back: backToProject(c, p.ID, "", "documents-title")}))
	}
	gone, err := h.store.DeleteDocuments(ctx, p.ID, ids, currentUser(c).ID)
	if err != nil {
		return h.formError(c, p, err)
	}
	return c.Redirect(http.StatusSeeOther, backToProject(c, p.ID, fmt.Sprintf("done=deleted&n=%d", len(gone)), "documents-title"))
}

// apiDeleteDocument deletes one document with everything annotated on
// it; managers of its project only.
func (h *handler) apiDeleteDocument(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	if !t.role.AtLeast(db.RoleManager) {
		return echo.NewHTTPError(http.StatusForbidden, "only a project manager may delete documents")
	}
	if _, err := h.store.DeleteDocuments(c.Request().Context(), t.doc.ProjectID, []int64{t.doc.ID}, t.user.ID); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// deleteProjectPage says what deleting the project takes and asks for
// its name; deleteProject deletes it when the name typed matches, and
// otherwise sends the manager back here with ?refused=name.
func (h *handler) deleteProjectPage(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	v := components.DeleteProjectView{Project: p}
	if v.Loss, err = h.store.ProjectLosses(c.Request().Context(), p.ID); err != nil {
		return err
	}
	if c.QueryParam("refused") == "name" {
		// The name isolated (FSI ... PDI): a right-to-left one would
		// carry the words around it into its own direction.
		v.Error = tr(c, "Nothing was deleted: what you typed is not the project's name. Type %s exactly, capitals included, to delete it.", "\u2068"+p.Name+"\u2069")
	}
	return render(c, http.StatusOK, components.DeleteProjectPage(h.page(c, tr(c, "Delete %s", p.Name)), v))
}

func (h *handler) deleteProject(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	if c.FormValue("name") != p.Name {
		// Back to the page (a GET, so reloading it posts nothing), saying why.
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d/delete?refused=name#delete-name", p.ID))
	}
	if _, err := h.store.DeleteProject(c.Request().Context(), p.ID, currentUser(c).ID); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/?done=project-deleted")
}

// apiDeleteProject deletes a project with everything in it; its managers only.
func (h *handler) apiDeleteProject(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	if _, err := h.store.DeleteProject(c.Request().Context(), p.ID, currentUser(c).ID); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
