package fromstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"hashiya/components/agreement"
	"hashiya/components/agreement/fromstore"
	"hashiya/db"
	"hashiya/db/codec"
)

// TestCellSpansReadsThePagesTexts: four documents, layla PER and karim
// LOC on two words of each but the third (which only layla annotated):
// the cell PER · LOC lists six spans in document order, and a page of
// two from the third span reads the texts of the documents those two are
// in, the second's and the fourth's, and no other.
func TestCellSpansReadsThePagesTexts(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	admin, err := s.CreateUser(ctx, "admin", "", true)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.CreateProject(ctx, "P", nil, admin.ID)
	if err != nil {
		t.Fatal(err)
	}
	var in []codec.Doc
	for i := range 4 {
		in = append(in, codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("d%d", i+1), Text: "زيد وعمرو", Meta: json.RawMessage(`{}`)})
	}
	if _, err := s.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "t", By: admin.ID}, in); err != nil {
		t.Fatal(err)
	}
	list, err := s.Documents(ctx, p.ID, admin, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, d := range list.Docs {
		doc, err := s.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids[d.ExternalID] = d.ID
		for _, who := range []struct{ name, label string }{{"layla", "PER"}, {"karim", "LOC"}} {
			if who.name == "karim" && d.ExternalID == "d3" {
				continue
			}
			u, err := s.UserByName(ctx, who.name)
			if err != nil {
				if u, err = s.CreateUser(ctx, who.name, "", false); err != nil {
					t.Fatal(err)
				}
			}
			for _, at := range [][2]int{{0, 3}, {4, 9}} {
				if _, err := s.CreateSpan(ctx, doc, u.ID, u.ID, db.SpanInput{Start: at[0], End: at[1], Label: who.label}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	cell := agreement.Cell{Row: "PER", Col: "LOC"}
	for _, c := range []struct {
		first, n int
		want     []string
	}{
		{0, 2, []string{"d1"}},
		{2, 2, []string{"d2"}},
		{3, 2, []string{"d2", "d4"}},
		{4, 200, []string{"d4"}},
		{6, 200, nil},
		{0, 1 << 62, []string{"d1", "d2", "d4"}},
	} {
		tally, texts, err := fromstore.CellSpans(ctx, s, p.ID, cell, c.first, c.n)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(tally.CellSpans()); n != 6 {
			t.Errorf("the cell lists %d spans, want 6", n)
		}
		var want []int64
		for _, name := range c.want {
			want = append(want, ids[name])
		}
		got := slices.Sorted(maps.Keys(texts))
		if !slices.Equal(got, want) || len(got) > 0 && texts[got[0]] != "زيد وعمرو" {
			t.Errorf("spans %d to %d: texts of %v, want %v (%s)", c.first, c.first+c.n, got, want, c.want)
		}
	}
}
