package db

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a row asked for does not exist (or is not
// visible to the caller).
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write would break a uniqueness rule or
// acts on stale data.
var ErrConflict = errors.New("conflict")

// ValidationError names the field or line that is wrong and why; the web
// layer turns it into 400.
type ValidationError struct {
	Field  string
	Reason string
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
