package components

import (
	"testing"

	"hashiya/db"
)

// TestUnattributedWarningOnThePage: on the annotator's own open layer the
// warning is on the page from the start, hidden, for Mark done to show in
// place; ?warn=quotes (the server's answer without the script) shows it;
// a finished layer, which has no Mark done, has none.
func TestUnattributedWarningOnThePage(t *testing.T) {
	base := Annotation{
		Project: db.Project{ID: 1, Name: "p", Labels: []db.Label{{Name: "QUOTE", Color: "#ffc53d", Hotkey: "6"}}},
		Doc:     db.Document{ID: 7, ProjectID: 1, ExternalID: "d", Text: "قال إن الوضع مستقر"},
		Layer:   db.Layer{Status: "in_progress", Spans: []db.Span{{ID: 1, Start: 7, End: 18, Label: "QUOTE", Text: "الوضع مستقر"}}},
	}
	for _, tc := range []struct {
		name         string
		warn         bool
		status       string
		want, hidden bool
	}{
		{"own open layer", false, "in_progress", true, true},
		{"after Mark done without the script", true, "in_progress", true, false},
		{"finished layer", false, "done", false, false},
	} {
		a := base
		a.WarnQuotes = tc.warn
		a.Layer.Status = tc.status
		d := renderDoc(t, a)
		w := d.Find("#quote-warning")
		if got := w.Length() == 1; got != tc.want {
			t.Errorf("%s: warning on the page %v, want %v", tc.name, got, tc.want)
			continue
		}
		if !tc.want {
			continue
		}
		if _, hidden := w.Attr("hidden"); hidden != tc.hidden {
			t.Errorf("%s: warning hidden %v, want %v", tc.name, hidden, tc.hidden)
		}
		if w.Find("#warn-list li").Length() != 1 || w.AttrOr("data-clear-title", "") != warnClearTitle {
			t.Errorf("%s: warning lists %d quotations, clear title %q", tc.name, w.Find("#warn-list li").Length(), w.AttrOr("data-clear-title", ""))
		}
	}
}
