package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"hashiya/db/codec"
)

// ExportFilter is what the export form narrows an export to: the layers
// at one status ("" any) and the documents of one part of the default
// split ("" every part), as the export's ?status= and ?part= do.
type ExportFilter struct{ Status, Part string }

// ExportFilters are the filters the export form offers: any status or
// each layer status, with every part or each part of codec.DefaultSplit.
func ExportFilters() []ExportFilter {
	split, err := codec.ParseSplit(codec.DefaultSplit, "")
	if err != nil {
		panic(err) // the default split is a constant that parses
	}
	var out []ExportFilter
	for _, status := range append([]string{""}, LayerStatuses...) {
		for _, part := range append([]string{""}, split.Names...) {
			out = append(out, ExportFilter{status, part})
		}
	}
	return out
}

// LayerCount is what one layer holds across the documents counted: those
// that have it at the filter's status (any status when it has none) and
// their spans, and those that have it at another status, which an export
// of the layer alone leaves out. Layer is "gold" or its owner's name.
type LayerCount struct {
	Layer       string
	Documents   int
	Spans       int
	OtherStatus int
}

// ExportCounts is what an export of a project would hold under one
// filter, as its form says beside each layer: Documents is the documents
// of the filter's part, Bare those of them without any layer, and Layers
// what each layer holds of them (see LayerCount). Every export writes each
// document whose layer passes the filter, one without the layer as "new"
// with no spans (Written); the export of every layer writes each layer
// that passes and, as gold, each bare document when "new" passes (Lines).
type ExportCounts struct {
	Filter    ExportFilter
	Documents int
	Bare      int
	Layers    []LayerCount // gold first, then owners by name; only layers that exist
}

// Layer is the count of the layer named ("gold" or a user's name); a
// layer no document has counts zero.
func (c ExportCounts) Layer(name string) LayerCount {
	for _, l := range c.Layers {
		if l.Layer == name {
			return l
		}
	}
	return LayerCount{Layer: name}
}

// newPasses says whether the filter's status lets through a document
// without the layer, which an export writes as "new".
func (c ExportCounts) newPasses() bool {
	return c.Filter.Status == "" || c.Filter.Status == "new"
}

// Written is how many documents the export of the layer named writes:
// those of the part with the layer at the filter's status, and, when
// "new" passes, those without the layer too.
func (c ExportCounts) Written(name string) int {
	l := c.Layer(name)
	if c.newPasses() {
		return c.Documents - l.OtherStatus
	}
	return l.Documents
}

// Lines is how many lines the export of every layer writes: one per
// layer that passes the filter, and one per document without any when
// "new" passes.
func (c ExportCounts) Lines() int {
	n := 0
	if c.newPasses() {
		n = c.Bare
	}
	for _, l := range c.Layers {
		n += l.Documents
	}
	return n
}

// Spans is the spans of every layer counted.
func (c ExportCounts) Spans() int {
	n := 0
	for _, l := range c.Layers {
		n += l.Spans
	}
	return n
}

// ExportTally is what an export of a project would hold under each of
// ExportFilters.
type ExportTally map[ExportFilter]ExportCounts

// exportCountsQuery reads, in one pass over the project's documents,
// each document with each of its layers (or once, with NULLs, when it
// has none): gold's owner is 0 here, its name NULL, spans counted per
// layer on the spans_layer index. Only what by may see is read
// (visibleDocument), and of the layers only their own unless they see
// every layer (an admin, or a member who is no annotator), so a member
// never learns the size of a layer they may not open. A document's part
// follows from its external id by a hash SQLite lacks, so the rows are
// tallied in Go.
const exportCountsQuery = `WITH everyLayer AS (
  SELECT (SELECT is_admin FROM users WHERE id = :uid) = 1
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = :pid AND m.user_id = :uid AND m.role != 'annotator') AS yes
)
SELECT d.id, d.external_id, l.id IS NOT NULL, u.name, coalesce(l.status, 'new'),
  (SELECT count(*) FROM spans s WHERE s.layer_id = l.id)
FROM documents d
LEFT JOIN layers l ON l.document_id = d.id AND ((SELECT yes FROM everyLayer) OR l.owner_id = :uid)
LEFT JOIN users u ON u.id = l.owner_id
WHERE d.project_id = :pid AND ` + visibleDocument + `
ORDER BY d.id`

// ExportCounts counts what an export of the project would hold under
// each of ExportFilters, of what by may see (exportCountsQuery), in one
// query for every layer and filter.
func (s *Store) ExportCounts(ctx context.Context, projectID int64, by User) (ExportTally, error) {
	rows, err := s.r.QueryContext(ctx, exportCountsQuery, sql.Named("pid", projectID), sql.Named("uid", by.ID))
	if err != nil {
		return nil, fmt.Errorf("db: count export of project %d: %w", projectID, err)
	}
	defer rows.Close()
	t := newExportTally()
	var last int64
	for rows.Next() {
		var r exportCountRow
		var owner sql.NullString // NULL: gold, or no layer
		if err := rows.Scan(&r.doc, &r.externalID, &r.layered, &owner, &r.status, &r.spans); err != nil {
			return nil, fmt.Errorf("db: scan export count of project %d: %w", projectID, err)
		}
		r.layer, r.first = "gold", r.doc != last
		if owner.Valid {
			r.layer = owner.String
		}
		last = r.doc
		t.add(r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: count export of project %d: %w", projectID, err)
	}
	return t.result(), nil
}

// exportCountRow is one row of exportCountsQuery: a document and one of
// its layers (layered), or the document alone; first is true on its first row.
type exportCountRow struct {
	doc            int64
	externalID     string
	layered, first bool
	layer, status  string
	spans          int
}

// exportTally adds up exportCountRows under every filter (counts[i] is
// filters[i]'s), each layer's counts at its index in names until the
// end; part is the part of the document of the last row.
type exportTally struct {
	split   codec.Split
	filters []ExportFilter
	counts  []ExportCounts
	names   map[string]int
	layers  [][]LayerCount // by filter, then by layer index
	part    string
}

func newExportTally() *exportTally {
	split, err := codec.ParseSplit(codec.DefaultSplit, "")
	if err != nil {
		panic(err) // the default split is a constant that parses
	}
	t := &exportTally{split: split, filters: ExportFilters(), names: map[string]int{}}
	for _, f := range t.filters {
		t.counts = append(t.counts, ExportCounts{Filter: f})
	}
	t.layers = make([][]LayerCount, len(t.filters))
	return t
}

// add counts r under each filter whose part holds its document.
func (t *exportTally) add(r exportCountRow) {
	if r.first {
		t.part = t.split.PartOf(r.externalID)
	}
	layer, known := t.names[r.layer]
	if r.layered && !known {
		layer = len(t.names)
		t.names[r.layer] = layer
		for i := range t.layers {
			t.layers[i] = append(t.layers[i], LayerCount{Layer: r.layer})
		}
	}
	for i, f := range t.filters {
		if f.Part != "" && f.Part != t.part {
			continue
		}
		c := &t.counts[i]
		if r.first {
			c.Documents++
			if !r.layered {
				c.Bare++
			}
		}
		if !r.layered {
			continue
		}
		l := &t.layers[i][layer]
		if f.Status == "" || f.Status == r.status {
			l.Documents++
			l.Spans += r.spans
		} else {
			l.OtherStatus++
		}
	}
}

// result is the tally, each filter's layers sorted: those of its
// documents, none that only other parts' documents have.
func (t *exportTally) result() ExportTally {
	out := ExportTally{}
	for i, c := range t.counts {
		for _, l := range t.layers[i] {
			if l.Documents > 0 || l.OtherStatus > 0 {
				c.Layers = append(c.Layers, l)
			}
		}
		sortLayerCounts(c.Layers)
		out[t.filters[i]] = c
	}
	return out
}

// sortLayerCounts puts gold first, then the owners' layers by name (no
// user may be called gold: reservedNames).
func sortLayerCounts(ls []LayerCount) {
	slices.SortFunc(ls, func(a, b LayerCount) int {
		if (a.Layer == "gold") != (b.Layer == "gold") {
			if a.Layer == "gold" {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Layer, b.Layer)
	})
}
