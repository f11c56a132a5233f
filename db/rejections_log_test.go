package db

import (
	"context"
	"strings"
	"testing"
)

// TestRejectSuggestionsLogsWhatChanged: a suggestion rejected twice (two
// tabs, a retried request) is stored and logged once; a batch holding an
// old rejection and a new one logs the new one alone.
func TestRejectSuggestionsLogsWhatChanged(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc := f.addDoc(t, "one", "قال أحمد في بغداد")
	per := SpanKey{Label: "PER", Start: 4, End: 8}
	loc := SpanKey{Label: "LOC", Start: 12, End: 17}
	for _, keys := range [][]SpanKey{{per}, {per}, {per, loc}} {
		if err := f.s.RejectSuggestions(ctx, doc, f.user.ID, f.user.ID, keys); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM suggestion_rejections"); n != 2 {
		t.Errorf("%d rejections stored, want 2", n)
	}
	var details []string
	rows, err := f.s.r.Query("SELECT detail FROM events WHERE action = 'suggestion.reject' ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		details = append(details, d)
	}
	if len(details) != 2 || !strings.Contains(details[0], `"PER"`) || !strings.Contains(details[1], `"LOC"`) || strings.Contains(details[1], `"PER"`) {
		t.Errorf("logged %q, want the first rejection of PER, then that of LOC alone", details)
	}
}
