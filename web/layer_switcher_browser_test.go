package web_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"hashiya/db"
)

// TestBrowserLayerSwitcherMarksTheLayer: the layer switcher marks the
// layer shown with aria-current="page", drawn unlike the other links:
// one's own (under "my layer" and one's name), gold, another's.
func TestBrowserLayerSwitcherMarksTheLayer(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	omar := addSiteMember(t, s, "omar", db.RoleAnnotator)
	a, e := spanAt(t, doc.Text, "صباح النعمان", 0)
	for _, owner := range []int64{s.user.ID, omar.ID} {
		if _, err := s.store.CreateSpan(context.Background(), doc, owner, owner, db.SpanInput{Start: a, End: e, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{"my layer", "annotator"}},
		{"?layer=gold", []string{"gold"}},
		{"?layer=omar", []string{"omar"}},
	} {
		b.open(fmt.Sprintf("%s/documents/%d%s", s.url, doc.ID, tc.query))
		got := eval[[]string](b, `[...document.querySelectorAll('.layers a[aria-current="page"]')].map((a) => a.textContent.trim())`)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: marked %q, want %q", tc.query, got, tc.want)
		}
		// Drawn apart: not the links' blue, bold.
		looks := eval[[]string](b, `[...document.querySelectorAll('.layers a')].map((a) => { const s = getComputedStyle(a); return (a.getAttribute('aria-current') || '-') + ' ' + s.color + ' ' + s.fontWeight; })`)
		var current, other string
		for _, l := range looks {
			if l[0] == '-' {
				other = l[2:]
			} else {
				current = l[5:]
			}
		}
		if current == "" || current == other {
			t.Errorf("%q: the layer shown looks like the others: %q", tc.query, looks)
		}
		if tc.query == "?layer=omar" {
			b.viewShot("layer-switcher")
		}
	}
}
