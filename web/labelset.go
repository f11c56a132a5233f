package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// maxLabelFile is the largest labels file the project page takes: 200
// labels with a description each fill about 70 KiB.
const maxLabelFile = 1 << 20

// apiLabels answers a project's labels and relation rules as a labels
// file holds them (db.LabelSetOf), for any member: the project page's
// Download link, scripts, and `hashiya project create --labels`.
func (h *handler) apiLabels(c echo.Context) error {
	p, _, err := h.project(c)
	if err != nil {
		return err
	}
	return c.JSONPretty(http.StatusOK, db.LabelSetOf(p), "  ")
}

// uploadLabels replaces a project's label set with an uploaded labels
// file's, in two steps: the upload is checked and answered with a page
// saying what it would add, remove and change, which posts the file back
// with confirm=yes to replace the set. Every refusal, at either step, is
// shown at the upload form and changes nothing.
func (h *handler) uploadLabels(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	name, body, err := labelFileUpload(c)
	refuse := func(err error) error {
		var ve *db.ValidationError
		var own *spokenError
		switch {
		case !errors.As(err, &ve):
		case components.LangOf(c.Request().Context()) == components.English || errors.As(err, &own):
			// The file's name, which may lead the reason, keeps its case.
			err = spoken(&db.ValidationError{Field: "file", Reason: tr(c, "The label set was not changed: %s", ve.Reason)})
		default:
			// The store's words stay English: another language says its
			// own before them.
			return h.formError(c, p, err, func(m *components.Manage) {
				m.Invalid, m.RefusalFrame = "file", tr(c, "The label set was not changed:")
			})
		}
		return h.formError(c, p, err, func(m *components.Manage) { m.Invalid = "file" })
	}
	if err != nil {
		return refuse(err)
	}
	set, err := db.ParseLabelSet(body)
	if err != nil {
		return refuse(db.InFile(name, err))
	}
	ctx, by := c.Request().Context(), currentUser(c)
	if c.FormValue("confirm") == "yes" {
		if err := h.store.ReplaceLabelSet(ctx, p.ID, by, set, name); err != nil {
			return refuse(err)
		}
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d?done=labels-file#labels-file", p.ID))
	}
	now, stored, err := h.store.CheckLabelSet(ctx, p.ID, by, set)
	if err != nil {
		return refuse(err)
	}
	return render(c, http.StatusOK, components.ReplaceLabelsPage(h.page(c, "Replace labels"), components.ReplaceLabelsView{
		Project: now, File: name, Body: string(body), Changes: components.CompareLabelSets(ctx, db.LabelSetOf(now), stored)}))
}

// labelFileUpload is the labels file a form sent, with its name: the
// upload (file) or, from the confirmation page, the file it carries back
// (file_name, body).
func labelFileUpload(c echo.Context) (name string, body []byte, err error) {
	if c.FormValue("confirm") == "yes" {
		name, body := c.FormValue("file_name"), c.FormValue("body")
		if name == "" || body == "" {
			return "", nil, spoken(&db.ValidationError{Field: "file", Reason: tr(c, "the confirmation lost its file; upload it again")})
		}
		return name, []byte(body), nil
	}
	fh, err := c.FormFile("file")
	if err != nil {
		return "", nil, spoken(&db.ValidationError{Field: "file", Reason: tr(c, "no file was sent: choose a labels file (.json) to upload")})
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, fmt.Errorf("web: open the uploaded labels file: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("web: close the uploaded labels file: %w", cerr)
		}
	}()
	body, err = io.ReadAll(io.LimitReader(f, maxLabelFile+1))
	if err != nil {
		return "", nil, fmt.Errorf("web: read the uploaded labels file: %w", err)
	}
	if len(body) > maxLabelFile {
		return "", nil, spoken(&db.ValidationError{Field: "file", Reason: tr(c, "%s is larger than %d KiB, more than any label set needs", fh.Filename, maxLabelFile>>10)})
	}
	return fh.Filename, body, nil
}

// labelSetAnswer is what PUT /api/v1/projects/:p/labels answers: the set
// as it now stands, as GET gives it, and whether the request changed it,
// each change in a line (components.LabelChanges.Lines).
type labelSetAnswer struct {
	db.LabelSet
	Changed bool     `json:"changed"`
	Changes []string `json:"changes"`
}

// apiReplaceLabels replaces a project's label set with the one the body
// holds, the JSON GET answers, under the labels file upload's rules
// (db.ReplaceLabelSet), for its managers. A body that changes nothing
// writes nothing and says so.
func (h *handler) apiReplaceLabels(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, maxLabelFile+1))
	if err != nil {
		return fmt.Errorf("web: read the label set sent: %w", err)
	}
	if len(body) > maxLabelFile {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge, fmt.Sprintf("body: larger than %d KiB, more than any label set needs", maxLabelFile>>10))
	}
	set, err := db.ParseLabelSet(body)
	if err != nil {
		return &db.ValidationError{Field: "body", Reason: err.Error()}
	}
	ctx, by := c.Request().Context(), currentUser(c)
	now, stored, err := h.store.CheckLabelSet(ctx, p.ID, by, set)
	if err != nil {
		return err
	}
	// The API says what changed in English, whatever the caller's
	// interface language, as the command line does.
	changes := components.CompareLabelSets(context.Background(), db.LabelSetOf(now), stored)
	if !changes.None() {
		if err := h.store.ReplaceLabelSet(ctx, p.ID, by, set, ""); err != nil {
			return err
		}
		if now, err = h.store.Project(ctx, p.ID); err != nil {
			return err
		}
	}
	return c.JSONPretty(http.StatusOK, labelSetAnswer{LabelSet: db.LabelSetOf(now), Changed: !changes.None(), Changes: changes.Lines()}, "  ")
}
