package components

import (
	"fmt"
	"slices"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestSpanListGroups: the span list is one ARIA list of an item a span,
// in the store's order, its items in groups of SpanGroup (the last one
// shorter), each group saying how many it holds; the list says the size
// the page's redraw keeps groups near.
func TestSpanListGroups(t *testing.T) {
	for _, n := range []int{1, SpanGroup, 2*SpanGroup + 6} {
		a := Annotation{Project: db.Project{Labels: []db.Label{{Name: "PER", Color: "#e5484d"}}}}
		for i := range n {
			a.Layer.Spans = append(a.Layer.Spans, db.Span{ID: int64(100 + i), Start: 2 * i, End: 2*i + 1, Label: "PER", Text: "س"})
		}
		d := rendered(t, SpanList(a))
		list := d.Find(`div.spans[role="list"]`)
		if list.Length() != 1 || list.AttrOr("data-group", "") != fmt.Sprint(SpanGroup) {
			t.Fatalf("%d spans: want one list saying its group size %d, got %d lists", n, SpanGroup, list.Length())
		}
		var sizes, stated []string
		list.Children().Each(func(_ int, g *goquery.Selection) {
			sizes = append(sizes, fmt.Sprint(g.Children().Filter(`.span-entry[role="listitem"]`).Length()))
			stated = append(stated, g.AttrOr("style", ""))
		})
		var want, wantStated []string
		for left := n; left > 0; left -= SpanGroup {
			want = append(want, fmt.Sprint(min(left, SpanGroup)))
			wantStated = append(wantStated, fmt.Sprintf("--entries:%d;", min(left, SpanGroup)))
		}
		if !slices.Equal(sizes, want) || !slices.Equal(stated, wantStated) {
			t.Errorf("%d spans: groups of %v styled %q, want %v styled %q", n, sizes, stated, want, wantStated)
		}
		var ids []string
		d.Find(`.span-entry > .span-item`).Each(func(_ int, b *goquery.Selection) { ids = append(ids, b.AttrOr("data-span", "")) })
		if len(ids) != n || ids[0] != "100" || ids[n-1] != fmt.Sprint(100+n-1) {
			t.Errorf("%d spans: the list shows %v, want 100 to %d in order", n, ids, 100+n-1)
		}
	}
	if d := rendered(t, SpanList(Annotation{})); d.Find(".spans").Length() != 0 || d.Find("p.empty").Length() != 1 {
		t.Error("a layer without spans is not said to have none")
	}
}
