package web

import (
	"context"
	"errors"
	"fmt"
	"hashiya/components"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/labstack/echo/v4"

	"hashiya/db"
)

// setLabels saves a manager's label set form: one row per label (name,
// colour, hotkey), in order; a row whose name is cleared removes that
// label, which the store refuses while spans use it.
func (h *handler) setLabels(c echo.Context) error {
	p, form, err := h.managedForm(c)
	if err != nil {
		return err
	}
	names, colors, keys, descs := form["name"], form["color"], form["hotkey"], form["description"]
	if len(colors) != len(names) || len(keys) != len(names) || len(descs) != 0 && len(descs) != len(names) {
		return badRequest("form: every label row needs a name, a colour and a hotkey field (and a description field, if any row has one)")
	}
	var labels, typed []db.Label // typed: every row as sent, a cleared name included
	var rows []int               // the form's row of each of labels
	for i, name := range names {
		l := db.Label{Name: strings.TrimSpace(name), Color: strings.TrimSpace(colors[i]), Hotkey: strings.TrimSpace(keys[i])}
		if len(descs) > 0 {
			l.Description = strings.TrimSpace(descs[i])
		}
		if l.Name != "" {
			labels, rows = append(labels, l), append(rows, i)
		}
		if l.Name != "" || i < len(names)-1 { // the form's own empty last row comes back by itself
			typed = append(typed, l)
		}
	}
	cut, err := h.store.SetLabelsCutting(c.Request().Context(), p.ID, currentUser(c), labels)
	if err != nil {
		return h.formError(c, p, err, func(m *components.Manage) { m.LabelsDraft, m.Cell = typed, formCell(err, rows, len(typed)) })
	}
	q := url.Values{"done": {"labels"}, "cut": cut}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d?%s#labels", p.ID, q.Encode()))
}

// labelsNotice is what the label form's save says: saved, and which
// relation rules (cut=, the store's words) went with the labels removed,
// each named only while the project has no rule of that name, so a link
// cannot make the page claim a rule it still has was removed.
func labelsNotice(ctx context.Context, p db.Project, cut []string) string {
	var gone []string
	for _, name := range cut {
		if !slices.ContainsFunc(p.RelationTypes, func(rt db.RelationType) bool { return rt.Name == name }) && !slices.Contains(gone, name) {
			gone = append(gone, name)
		}
	}
	return components.LabelsSavedNotice(ctx, gone)
}

// setRelationTypes saves a manager's relation rules form: one row per
// type (name, the labels it joins from and to, separated by spaces or
// commas); a row whose name is cleared removes that type, which the store
// refuses while relations use it.
func (h *handler) setRelationTypes(c echo.Context) error {
	p, form, err := h.managedForm(c)
	if err != nil {
		return err
	}
	names, froms, tos := form["rel_name"], form["rel_from"], form["rel_to"]
	if len(froms) != len(names) || len(tos) != len(names) {
		return badRequest("form: every relation row needs a name, a from and a to field")
	}
	types, typed := []db.RelationType{}, []db.RelationType{} // typed: as for labels
	var rows []int                                           // the form's row of each of types
	for i, name := range names {
		rt := db.RelationType{Name: strings.TrimSpace(name), From: labelList(froms[i]), To: labelList(tos[i])}
		if rt.Name != "" {
			types, rows = append(types, rt), append(rows, i)
		}
		if rt.Name != "" || i < len(names)-1 {
			typed = append(typed, rt)
		}
	}
	if err := h.store.SetRelationTypes(c.Request().Context(), p.ID, currentUser(c), types); err != nil {
		return h.formError(c, p, err, func(m *components.Manage) { m.RelationTypesDraft, m.Cell = typed, formCell(err, rows, len(typed)) })
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d?done=relation-types#relation-types", p.ID))
}

// formCell is the input of a row form that err is about, when the store
// names one (ValidationError.Cell): the store counts the rows it was
// given, rows is the form's row of each, as a cleared row is not given.
// A row the store counts as the project holds them (Cell.Stored: a label
// in use, cleared or renamed) is the form's row of that place, of the
// typed ones: the form lists the stored rows in order, keeps a cleared
// one in its place and adds new ones after them.
func formCell(err error, rows []int, typed int) *db.Cell {
	var ve *db.ValidationError
	if !errors.As(err, &ve) || ve.Cell == nil || ve.Cell.Row < 0 {
		return nil
	}
	row := ve.Cell.Row
	switch {
	case ve.Cell.Stored && row < typed:
	case !ve.Cell.Stored && row < len(rows):
		row = rows[row]
	default:
		return nil
	}
	return &db.Cell{List: ve.Cell.List, Row: row, Field: ve.Cell.Field}
}

// labelList splits a form field of label names on spaces and commas.
func labelList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '،' || unicode.IsSpace(r) })
}

// setGuidelines saves a manager's guidelines form.
func (h *handler) setGuidelines(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	text := c.FormValue("guidelines")
	if err := h.store.SetGuidelines(c.Request().Context(), p.ID, currentUser(c), text); err != nil {
		// The refused text stays in the form, to be fixed rather than retyped.
		return h.formError(c, p, err, func(m *components.Manage) { m.GuidelinesDraft = &text })
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/projects/%d?done=guidelines#guidelines", p.ID))
}
