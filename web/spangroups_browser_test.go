package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// spanGroupsJS reads the span list as it is grouped: each group's number
// of entries and whether its --entries says so, and the span ids of every
// entry, in the list's order.
const spanGroupsJS = `(() => {
  const groups = [...document.querySelectorAll('#span-list .spans > .span-group')];
  return {
    sizes: groups.map((g) => g.querySelectorAll(':scope > .span-entry[role="listitem"] > .span-item').length),
    stated: groups.map((g) => Number(g.style.getPropertyValue('--entries'))),
    ids: [...document.querySelectorAll('#span-list .span-item')].map((b) => Number(b.dataset.span)),
  };
})()`

type spanGroups struct {
	Sizes  []int   `json:"sizes"`
	Stated []int   `json:"stated"`
	IDs    []int64 `json:"ids"`
}

// TestBrowserSpanListGroups: the span list beside the text comes in
// groups of 32 entries, which a save's redraw keeps between one entry and
// 64 in the store's order, cutting a group grown past 64 and dropping one
// left empty; to assistive technology it stays one list with an item a
// span, and Tab walks on from one group into the next.
func TestBrowserSpanListGroups(t *testing.T) {
	words := strings.Fields("سالم خالد الرياض جدة مكة الوزير أحمد الاقتصاد")
	var text strings.Builder
	for i := range 400 {
		if i > 0 && i%50 == 0 {
			text.WriteString("\n")
		} else if i > 0 {
			text.WriteString(" ")
		}
		text.WriteString(words[i%len(words)])
	}
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "many", Text: text.String(), Meta: json.RawMessage(`{}`)})
	doc := s.docs["many"]
	ctx := context.Background()
	places := wordPlaces(doc.Text, 400)
	mark := func(w int, label string) {
		t.Helper()
		if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: places[w][0], End: places[w][1], Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	for w := 0; w < 300; w += 3 {
		mark(w, "LOC")
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	stored := func() []int64 {
		t.Helper()
		l, err := s.store.LayerOf(ctx, doc, s.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, sp := range l.Spans {
			ids = append(ids, sp.ID)
		}
		return ids
	}
	check := func(when string) spanGroups {
		t.Helper()
		g := eval[spanGroups](b, spanGroupsJS)
		if want := stored(); !slices.Equal(g.IDs, want) {
			t.Errorf("%s: the list shows spans %v, want the store's order %v", when, g.IDs, want)
		}
		for i, n := range g.Sizes {
			if n < 1 || n > 64 || g.Stated[i] != n {
				t.Errorf("%s: group %d holds %d entries and says %d, want 1 to 64, said alike (all: %v, said %v)", when, i, n, g.Stated[i], g.Sizes, g.Stated)
				break
			}
		}
		// Each entry laid out says its place in the whole list: a group the
		// browser skips is left out of the accessibility tree.
		eval[bool](b, `new Promise((done) => {
		  document.querySelectorAll('#span-list .span-item')[40].scrollIntoView({ block: 'center' });
		  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true))));
		})`)
		places := eval[[]string](b, `(() => {
		  const all = [...document.querySelectorAll('#span-list .span-entry')];
		  return all.map((e, i) => !e.checkVisibility({ contentVisibilityAuto: true }) ? (i === 40 ? '41 not laid out' : '')
		    : e.getAttribute('aria-posinset') === String(i + 1) && e.getAttribute('aria-setsize') === String(all.length) ? ''
		    : (i + 1) + ' says ' + e.getAttribute('aria-posinset') + ' of ' + e.getAttribute('aria-setsize')).filter(Boolean);
		})()`)
		if len(places) > 0 {
			t.Errorf("%s: entries laid out do not say their place in the list of %d: %v", when, len(g.IDs), places)
		}
		if items, nested := b.spanListItems(); items == 0 || nested > 0 {
			t.Errorf("%s: the accessibility tree has %d items in the span list and %d in lists inside it, want one list", when, items, nested)
		}
		return g
	}
	g := check("opened")
	if want := []int{32, 32, 32, 4}; !slices.Equal(g.Sizes, want) {
		t.Errorf("opened, the groups hold %v entries, want %v", g.Sizes, want)
	}

	// Tab from a group's last entry reaches the next group's first.
	eval[bool](b, `(() => { document.querySelectorAll('#span-list .span-group')[0].lastElementChild.querySelector('button').focus(); return true; })()`)
	b.run(chromedp.KeyEvent(kb.Tab))
	if got := eval[int](b, `Number(document.activeElement.dataset.span)`); got != int(g.IDs[32]) {
		t.Errorf("Tab from the first group's last entry went to span %d, want the 33rd entry, span %d", got, g.IDs[32])
	}

	// Elsewhere, 64 spans among the first group's 32; then a save here.
	for w := 1; w < 96; w++ {
		if w%3 != 0 {
			mark(w, "ORG")
		}
	}
	b.dragSelect(places[301][0], places[301][1])
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(165)
	grown := check("after 65 spans came in")
	if len(grown.Sizes) <= len(g.Sizes) {
		t.Errorf("after 62 entries joined the first group the groups hold %v: it was not cut", grown.Sizes)
	}

	// Elsewhere, every span of the third group deleted; then an undo here.
	gone := grown.IDs[grown.Sizes[0]+grown.Sizes[1] : grown.Sizes[0]+grown.Sizes[1]+grown.Sizes[2]]
	if _, err := s.store.DeleteSpans(ctx, doc, s.user.ID, s.user.ID, gone); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	b.waitPage(165 - len(gone) - 1)
	shrunk := check("after a group's spans went")
	if len(shrunk.Sizes) != len(grown.Sizes)-1 {
		t.Errorf("after the third group's %d spans went the groups hold %v, were %v: want that group gone", len(gone), shrunk.Sizes, grown.Sizes)
	}
}

// spanListItems is the number of items the span list holds in the
// page's accessibility tree, and how many items below it belong to a list
// inside it (none, if it is one list).
func (b *browser) spanListItems() (items, nested int) {
	b.t.Helper()
	nodes, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSS("#span-list .spans")))
	if err != nil || len(nodes) != 1 {
		b.t.Fatalf("the span list: %d nodes (%v)", len(nodes), err)
	}
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (accessibility.GetFullAXTreeResult, error) {
		return cdp.Call(ctx, t, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	})
	if err != nil {
		b.t.Fatal(err)
	}
	byID := map[accessibility.NodeID]*accessibility.Node{}
	var list *accessibility.Node
	for _, n := range tree.Nodes {
		byID[n.NodeID] = n
		if n.BackendDOMNodeID == nodes[0].BackendNodeID {
			list = n
		}
	}
	if list == nil || axString(list.Role) != "list" {
		b.t.Fatalf("the span list is not a list in the accessibility tree: %+v", list)
	}
	for _, n := range tree.Nodes {
		if n.Ignored || axString(n.Role) != "listitem" {
			continue
		}
		var nearest *accessibility.Node
		for p := byID[n.ParentID]; p != nil; p = byID[p.ParentID] {
			if axString(p.Role) == "list" && nearest == nil {
				nearest = p
			}
			if p == list {
				if nearest == list {
					items++
				} else {
					nested++
				}
				break
			}
		}
	}
	return items, nested
}
