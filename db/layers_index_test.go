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
	plan := strings.Join(planOf(t, f.s, exportColumns+everyLayerJoin, f.proj.ID), "; ")
	if !strings.Contains(plan, "SEARCH l USING") || strings.Contains(plan, "SCAN l") {
		t.Errorf("plan %q: want the layers found by index", plan)
	}
}
