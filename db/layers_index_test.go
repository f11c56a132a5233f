package db

import (
	"strings"
	"testing"
)

// TestExportEveryLayerPlan: the export of every layer finds each
// document's layers by index, not by reading the layers table once per
// document, which made it quadratic in the project's size.
func TestExportEveryLayerPlan(t *testing.T) {
	f := newFixture(t)
	plan := strings.Join(planOf(t, f.s, `SELECT d.id FROM documents d
		LEFT JOIN layers l ON l.document_id = d.id LEFT JOIN users u ON u.id = l.owner_id
		WHERE d.project_id = ? ORDER BY d.id, l.owner_id IS NOT NULL, u.name`, f.proj.ID), "; ")
	if !strings.Contains(plan, "SEARCH l USING") || strings.Contains(plan, "SCAN l") {
		t.Errorf("plan %q: want the layers found by index", plan)
	}
}
