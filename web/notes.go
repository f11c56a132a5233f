package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hashiya/db"
)

// Notes on documents: whoever may open a document lists and writes notes
// on it; which notes each sees, and who may resolve or delete one, the
// store's queries decide (db/notes.go).

func (h *handler) listNotes(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	notes, err := h.store.Notes(c.Request().Context(), t.doc, t.user)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string][]db.Note{"notes": notes})
}

func (h *handler) addNote(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	var in struct {
		Body  *string `json:"body"`
		Start *int    `json:"start"`
		End   *int    `json:"end"`
		Snap  string  `json:"snap"` // "grapheme": widen the passage to whole grapheme clusters
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if in.Body == nil {
		return badRequest("body: a note needs some text")
	}
	switch {
	case in.Snap == "":
	case in.Snap != "grapheme":
		return badRequest("snap: %q is not grapheme", in.Snap)
	case in.Start != nil && in.End != nil:
		start, end, err := snapSpan(t.doc, *in.Start, *in.End, in.Snap)
		if err != nil {
			return err
		}
		in.Start, in.End = &start, &end
	}
	n, err := h.store.AddNote(c.Request().Context(), t.doc, t.user, db.NoteInput{Body: *in.Body, Start: in.Start, End: in.End})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, n)
}

func (h *handler) updateNote(c echo.Context) error {
	t, id, err := h.note(c)
	if err != nil {
		return err
	}
	var in struct {
		Resolved *bool `json:"resolved"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if in.Resolved == nil {
		return badRequest("resolved: required, true or false")
	}
	n, err := h.store.ResolveNote(c.Request().Context(), t.doc, t.user, id, *in.Resolved)
	if errors.Is(err, db.ErrNoteNotAllowed) {
		return forbidden("only the note's author, a reviewer or a manager may resolve or reopen it",
			"Only whoever wrote this note, and the project's reviewers and managers, may resolve or reopen it.")
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, n)
}

func (h *handler) deleteNote(c echo.Context) error {
	t, id, err := h.note(c)
	if err != nil {
		return err
	}
	err = h.store.DeleteNote(c.Request().Context(), t.doc, t.user, id)
	if errors.Is(err, db.ErrNoteNotAllowed) {
		return forbidden("only the note's author or a manager may delete it",
			"Only whoever wrote this note, and the project's managers, may delete it.")
	}
	if err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// note is document for a note's routes, with the note id of :n.
func (h *handler) note(c echo.Context) (target, int64, error) {
	t, err := h.document(c)
	if err != nil {
		return t, 0, err
	}
	id, err := idParam(c, "n")
	return t, id, err
}
