package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"hashiya/db/codec"
	"hashiya/db/textsearch"
)

// MaxPageLimit is the most documents one page of a list may hold.
const MaxPageLimit = 1000

// LayerStatuses are the statuses of a layer, in the order work goes: the
// codec's, which checks them on import.
var LayerStatuses = codec.LayerStatuses

// GoldStatuses are those a gold layer has: it is reviewed, never done.
var GoldStatuses = []string{"new", "in_progress", "reviewed"}

// DocumentPage asks for one page of a project's document list: the
// documents after a cursor, in import (id) order, optionally filtered.
type DocumentPage struct {
	After  int64  // list documents with a greater id; 0 starts at the first
	Limit  int    // 1 to MaxPageLimit
	Status string // the status of the caller's own layer ("new" when none); "" for any
	Gold   string // the status of the gold layer ("new" when none); "" for any. Reviewers' filter
	Query  string // part of the external id or of the text, as textsearch matches it; "" for any
	Notes  bool   // only documents with an open note the user may read
}

// DocumentList is one page of a project's documents as a user sees them.
type DocumentList struct {
	Docs   []DocumentSummary
	More   bool  // documents follow the last one listed
	Total  int   // documents of the whole list, every page
	Before int   // documents of the list before this page
	Prev   int64 // the After of the page before this one (0: the first page)
	// InProject counts the project's documents, seen by the user or not,
	// so an empty list can say whether the project has any.
	InProject int
	// OwnLayers reports whether the user has a layer of any document of
	// the project, so has a status of their own to filter by.
	OwnLayers bool
}

// Validate checks a page request, naming the parameter that is wrong.
// MaxSearchQuery is the longest text a search looks for, in code points:
// far past any name or phrase, and short enough that a search cannot
// keep the server busy comparing a page of text against every document.
const MaxSearchQuery = 200

func (p DocumentPage) Validate() error {
	switch {
	case p.Limit < 1 || p.Limit > MaxPageLimit:
		return invalid("limit", "%d is not from 1 to %d", p.Limit, MaxPageLimit)
	case p.After < 0:
		return invalid("after", "%d is not a document id", p.After)
	case p.Status != "" && !validStatus(p.Status):
		return invalid("status", "%q is not new, in_progress, done or reviewed", p.Status)
	case p.Gold != "" && !slices.Contains(GoldStatuses, p.Gold):
		return invalid("gold", "%q is not new, in_progress or reviewed", p.Gold)
	case utf8.RuneCountInString(p.Query) > MaxSearchQuery:
		return invalid("q", "%d characters is longer than the %d a search looks for", utf8.RuneCountInString(p.Query), MaxSearchQuery)
	}
	return nil
}

func validStatus(s string) bool { return slices.Contains(LayerStatuses, s) }

// docListFrom is the list a page is cut from: the project's documents the
// user may see (visibleDocument), with the user's own layer, filtered.
// Filters are always bound, empty when unused, so the SQL never changes.
// A search (:q) compares its folded form (:fq) with the folded id and text
// of document_search; a query that folds to nothing (harakat alone) is
// looked for in the text as typed, as textsearch.Index does.
const docListFrom = `FROM documents d
		LEFT JOIN layers l ON l.document_id = d.id AND l.owner_id = :uid
		WHERE d.project_id = :pid AND ` + visibleDocument + `
		AND (:status = '' OR coalesce(l.status, 'new') = :status)
		AND (:gold = '' OR coalesce((SELECT g.status FROM layers g WHERE g.document_id = d.id AND g.owner_id IS NULL), 'new') = :gold)
		AND (:q = ''
		     OR :fq = '' AND instr(d.text, :q) > 0
		     OR :fq != '' AND EXISTS (SELECT 1 FROM document_search f WHERE f.document_id = d.id
		                              AND (instr(f.external_id, :fq) > 0 OR instr(f.text, :fq) > 0)))
		AND (NOT :notes OR EXISTS (SELECT 1 FROM notes n WHERE n.document_id = d.id AND n.resolved_by IS NULL AND ` + noteVisible + `))`

// Documents lists one page of the documents of a project that user may
// see, in import order, with the span count and status of the user's own
// layer; the total and the position of the page come from the same read
// transaction, so they agree with the page.
func (s *Store) Documents(ctx context.Context, projectID int64, user User, page DocumentPage) (DocumentList, error) {
	if err := page.Validate(); err != nil {
		return DocumentList{}, err
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return DocumentList{}, fmt.Errorf("db: begin document list: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to undo
	args := []any{sql.Named("uid", user.ID), sql.Named("pid", projectID), sql.Named("after", page.After),
		sql.Named("limit", page.Limit), sql.Named("status", page.Status), sql.Named("gold", page.Gold), sql.Named("q", page.Query),
		sql.Named("fq", textsearch.Fold(page.Query)), sql.Named("notes", page.Notes)}
	var list DocumentList
	if list.Docs, err = documentRows(ctx, tx, args); err != nil {
		return DocumentList{}, fmt.Errorf("db: list documents of project %d: %w", projectID, err)
	}
	if len(list.Docs) > page.Limit {
		list.Docs, list.More = list.Docs[:page.Limit], true
	}
	err = tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(d.id <= :after), 0) `+docListFrom, args...).Scan(&list.Total, &list.Before)
	if err != nil {
		return DocumentList{}, fmt.Errorf("db: count documents of project %d: %w", projectID, err)
	}
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE project_id = ?`, projectID).Scan(&list.InProject)
	if err != nil {
		return DocumentList{}, fmt.Errorf("db: count every document of project %d: %w", projectID, err)
	}
	err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM documents d JOIN layers l ON l.document_id = d.id AND l.owner_id = ?
		WHERE d.project_id = ?)`, user.ID, projectID).Scan(&list.OwnLayers)
	if err != nil {
		return DocumentList{}, fmt.Errorf("db: find %s's layers in project %d: %w", user.Name, projectID, err)
	}
	if list.Before > page.Limit {
		// The page before starts after the (limit+1)th document back.
		err = tx.QueryRowContext(ctx, `SELECT d.id `+docListFrom+` AND d.id <= :after ORDER BY d.id DESC LIMIT 1 OFFSET :limit`, args...).Scan(&list.Prev)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return DocumentList{}, fmt.Errorf("db: find the page before document %d: %w", page.After, err)
		}
	}
	return list, nil
}

// documentRows reads up to limit+1 summaries, the extra one telling
// whether more follow. Without a search the preview is made from the
// text's first 121 code points, one past text_preview's 120, which is
// enough to tell whether the text goes on (and so ends in "…") without
// handing the whole text to Go.
func documentRows(ctx context.Context, tx *sql.Tx, args []any) ([]DocumentSummary, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT d.id, d.external_id,
		       CASE WHEN :q = '' THEN text_preview(substr(d.text, 1, 121), '') ELSE text_preview(d.text, :q) END,
		       length(d.text),
		       coalesce(l.status, 'new'),
		       (SELECT count(*) FROM spans s WHERE s.layer_id = l.id),
		       coalesce((SELECT g.status FROM layers g WHERE g.document_id = d.id AND g.owner_id IS NULL), 'new'),
		       (SELECT count(*) FROM notes n WHERE n.document_id = d.id AND n.resolved_by IS NULL AND `+noteVisible+`)
		`+docListFrom+` AND d.id > :after
		ORDER BY d.id LIMIT :limit + 1`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DocumentSummary
	for rows.Next() {
		var d DocumentSummary
		if err := rows.Scan(&d.ID, &d.ExternalID, &d.Preview, &d.Length, &d.Status, &d.Spans, &d.GoldStatus, &d.OpenNotes); err != nil {
			return nil, fmt.Errorf("scan document: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
