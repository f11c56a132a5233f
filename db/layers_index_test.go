package db

import (
	"context"
	"strings"
	"testing"
)

// TestExportEveryLayerPlan: the export of every layer finds each
// document's layers by index, not by reading the layers table once per
// document, which made it quadratic in the project's size.
func TestExportEveryLayerPlan(t *testing.T) {
	f := newFixture(t)
	rows, err := f.s.r.QueryContext(context.Background(), `EXPLAIN QUERY PLAN SELECT d.id FROM documents d
		LEFT JOIN layers l ON l.document_id = d.id LEFT JOIN users u ON u.id = l.owner_id
		WHERE d.project_id = ? ORDER BY d.id, l.owner_id IS NOT NULL, u.name`, f.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(plan, "; ")
	if !strings.Contains(joined, "SEARCH l USING") || strings.Contains(joined, "SCAN l") {
		t.Errorf("plan %q: want the layers found by index", joined)
	}
}
