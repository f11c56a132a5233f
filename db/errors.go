package db

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a row asked for does not exist (or is not
// visible to the caller).
var ErrNotFound = errors.New("not found")

// NotFoundError is ErrNotFound naming what a write asked for that is not
// there: a field naming a row gone since the caller read it (a span
// deleted in another tab). errors.Is(err, ErrNotFound) holds, so the web
// layer answers 404, with this text; a bare ErrNotFound says only "not
// found", which tells whoever may not see a thing nothing about it.
type NotFoundError struct {
	Field  string
	Reason string
}

func (e *NotFoundError) Error() string        { return fmt.Sprintf("%s: %s", e.Field, e.Reason) }
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

func notFound(field, format string, args ...any) error {
	return &NotFoundError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// ErrConflict is returned when a write would break a uniqueness rule or
// acts on stale data.
var ErrConflict = errors.New("conflict")

// ValidationError names the field or line that is wrong and why; the web
// layer turns it into 400. Cell, when the error is about one field of one
// row of a list (a label's hotkey), names that row and field as data, so
// a form can mark the input without reading Field's words.
type ValidationError struct {
	Field  string
	Reason string
	Cell   *Cell
}

// Cell is one field of one row of a list a write was given: List as the
// store names it ("labels", "relation_types"), Row its place in that list
// from 0, Field the row's field ("hotkey", "from"). Stored says Row counts
// the list as the project holds it instead: the row is one the write left
// out, as when a label spans still use was removed or renamed, and so the
// list given has no place for it.
type Cell struct {
	List   string
	Row    int
	Field  string
	Stored bool
}

func (e *ValidationError) Error() string {
	if e.Field == "" {
		return e.Reason
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Reason)
}

func invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// invalidCell is invalid for one field of one row of a list; its Field
// reads "list[row].field" as invalid's do.
func invalidCell(list string, row int, field, format string, args ...any) error {
	return &ValidationError{Field: fmt.Sprintf("%s[%d].%s", list, row, field), Reason: fmt.Sprintf(format, args...),
		Cell: &Cell{List: list, Row: row, Field: field}}
}

// invalidRow is invalid about a list as a whole (field), its text as
// invalid's, pointing at the row (cell) a form is best mended at: the
// first label past the most a project may have, the label in use.
func invalidRow(field string, cell Cell, format string, args ...any) error {
	return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...), Cell: &cell}
}

// conflictError is a write refused because of what the store holds. Its
// text is the reason alone; errors.Is(err, ErrConflict) holds, so the web
// layer answers 409 and no caller has to cut the sentinel's word off.
type conflictError struct{ reason string }

func (e *conflictError) Error() string        { return e.reason }
func (e *conflictError) Is(target error) bool { return target == ErrConflict }

func conflict(format string, args ...any) error {
	return &conflictError{reason: fmt.Sprintf(format, args...)}
}

// howMany says how many of thing there are, in the singular for one: "1
// span", "3 spans".
func howMany(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
