package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxGuidelines is the longest guidelines text a project keeps, in code
// points: a few pages, not a manual.
const MaxGuidelines = 20000

// SetGuidelines replaces a project's annotation guidelines, plain text
// shown to every member beside the documents. Line ends become "\n"; text
// that is not UTF-8, holds control characters other than tab and line
// feed or bidi embedding, override and isolate controls (which would
// reorder the text around them wherever it is shown), or runs past
// MaxGuidelines is refused, changing nothing.
func (s *Store) SetGuidelines(ctx context.Context, projectID int64, by User, text string) error {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	if !utf8.ValidString(text) {
		return invalid("guidelines", "the text is not valid UTF-8")
	}
	if n := utf8.RuneCountInString(text); n > MaxGuidelines {
		return invalid("guidelines", "%d characters; at most %d are allowed", n, MaxGuidelines)
	}
	if bad := badCharacter(text, "\t\n", false); bad != "" {
		return invalid("guidelines", "%s", bad)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var before string
		if err := tx.QueryRowContext(ctx, "SELECT guidelines FROM projects WHERE id = ?", projectID).Scan(&before); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("project %d: %w", projectID, ErrNotFound)
			}
			return fmt.Errorf("db: load guidelines of project %d: %w", projectID, err)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE projects SET guidelines = ? WHERE id = ?", text, projectID); err != nil {
			return fmt.Errorf("db: set guidelines of project %d: %w", projectID, err)
		}
		return logEvent(ctx, tx, Event{UserID: by.ID, ProjectID: projectID, Action: "guidelines.set",
			Detail: map[string]any{"before": before, "after": text}})
	})
}
