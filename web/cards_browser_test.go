package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// phone and zoomed are the audit's windows: a phone, and a 1366×768
// laptop at 200% zoom.
var (
	phone  = axeViewport{390, 844, 1}
	zoomed = axeViewport{683, 384, 2}
)

// outsideJS names the cells of the table #%s that reach past either side
// of the window, or that its box would have to scroll sideways to show;
// "" when every cell is in sight.
const outsideJS = `(() => {
  const table = document.getElementById(%q), w = document.documentElement.clientWidth;
  const box = table.closest('.table-wrap, .table-scroll');
  const boxRect = box ? box.getBoundingClientRect() : {left: 0, right: w};
  return [...table.querySelectorAll('tbody :is(td, th)')].filter((c) => {
    const r = c.getBoundingClientRect();
    return r.width > 0 && (r.left < Math.max(0, boxRect.left) - 1 || r.right > Math.min(w, boxRect.right) + 1);
  }).map((c) => (c.dataset.label || c.localName) + ' "' + c.textContent.trim().replace(/\s+/g, ' ').slice(0, 20) + '"').join(' | ');
})()`

// checkFits fails when the page at vp scrolls sideways or (id not "") a
// cell of the table id is out of the window.
func (b *browser) checkFits(page, id string, vp axeViewport) {
	b.t.Helper()
	at := fmt.Sprintf("%s at %dx%d@%gx", page, vp.w, vp.h, vp.scale)
	if sw, cw := eval[int](b, `document.scrollingElement.scrollWidth`), eval[int](b, `document.scrollingElement.clientWidth`); sw > cw {
		b.t.Errorf("%s scrolls sideways: %d > %d", at, sw, cw)
	}
	if id == "" {
		return
	}
	if out := eval[string](b, fmt.Sprintf(outsideJS, id)); out != "" {
		b.t.Errorf("%s: cells of #%s out of sight: %s", at, id, out)
	}
}

// axRole is the role Chromium's accessibility tree gives the first
// element sel matches.
func (b *browser) axRole(sel string) string {
	b.t.Helper()
	nodes, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSS(sel)))
	if err != nil || len(nodes) == 0 {
		b.t.Fatalf("no %s: %v", sel, err)
	}
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (accessibility.GetPartialAXTreeResult, error) {
		return cdp.Call(ctx, t, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: nodes[0].BackendNodeID})
	})
	if err != nil {
		b.t.Fatal(err)
	}
	for _, n := range tree.Nodes {
		if n.BackendDOMNodeID == nodes[0].BackendNodeID {
			return axString(n.Role)
		}
	}
	return ""
}

// labelOf is what the CSS writes before the first cell sel matches.
func (b *browser) labelOf(sel string) string {
	return eval[string](b, fmt.Sprintf(`getComputedStyle(document.querySelector(%q), '::before').content`, sel))
}

// TestBrowserTablesAsCards: on a phone the progress page's people and an
// annotator's document list show each row as a card, every cell in the
// window and named by its column, and stay tables to a screen reader.
// At 200% zoom neither page scrolls sideways, the document list shows
// every column and the people scroll in their own box, as
// TestBrowserWideTablesScrollByKeyboard has them.
func TestBrowserTablesAsCards(t *testing.T) {
	ctx := context.Background()
	long := strings.Repeat("قال الناطق باسم الجهاز إن العمليات مستمرة في المناطق المحررة ", 4)
	s := newSite(t, seedDoc(t), codec.Doc{Line: 2, ExternalID: "bulletin-2024-03-17-evening", Text: long})
	doc := s.docs["seed"]
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	for _, u := range []db.User{layla, s.user} {
		start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
		if _, err := s.store.CreateSpan(ctx, doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	progress := fmt.Sprintf("%s/projects/%d/progress", s.url, s.proj.ID)
	for _, vp := range []axeViewport{phone, zoomed} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)), chromedp.Navigate(progress))
		b.waitLoaded()
		if vp == phone {
			b.checkFits("progress", "progress-people", vp)
		} else {
			b.checkFits("progress", "", vp)
		}
		b.screenshot(fmt.Sprintf("cards-progress-%d", vp.w))
	}
	b.run(chromedp.EmulateViewport(phone.w, phone.h))
	for sel, want := range map[string]string{
		`#progress-people td[data-label="Done"]`:        `"Done: "`,
		`#progress-people td[data-label="Last change"]`: `"Last change: "`,
	} {
		if got := b.labelOf(sel); got != want {
			t.Errorf("on a phone %s is headed %s, want %s", sel, got, want)
		}
	}
	for sel, want := range map[string]string{
		"#progress-people": "table", "#progress-people tbody tr": "row", "#progress-people tbody th": "rowheader",
		`#progress-people td[data-label="Spans"]`: "cell", "#progress-people thead th": "columnheader",
	} {
		if got := b.axRole(sel); got != want {
			t.Errorf("on a phone %s has the role %q, want %q", sel, got, want)
		}
	}

	b.relogin(s.url, "layla")
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	for _, vp := range []axeViewport{phone, zoomed} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)), chromedp.Navigate(project))
		b.waitLoaded()
		eval[bool](b, `document.querySelector('#documents table').id = 'doc-table'; true`)
		b.checkFits("an annotator's project page", "doc-table", vp)
		b.screenshot(fmt.Sprintf("cards-doclist-%d", vp.w))
	}
	b.run(chromedp.EmulateViewport(phone.w, phone.h))
	if got := b.labelOf(`#doc-table td.own-status`); got != `"Your status: "` {
		t.Errorf("on a phone an annotator's status is headed %s, want \"Your status: \"", got)
	}
	if got := b.axRole("#doc-table td.own-status"); got != "cell" {
		t.Errorf("on a phone an annotator's status cell has the role %q, want cell", got)
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}

// TestBrowserAgreementFiguresFirst: the Agreement page opens on its
// figures, F1 and κ in the first screen of a phone and of a laptop at
// 200% zoom, what they count folded under "How these figures are
// counted" until opened; the page never scrolls sideways.
func TestBrowserAgreementFiguresFirst(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for name, words := range map[string][]string{"karim": {"صباح النعمان", "العراقية"}, "layla": {"صباح النعمان"}} {
		u := addSiteMember(t, s, name, db.RoleAnnotator)
		for _, w := range words {
			start, end := spanAt(t, doc.Text, w, 0)
			if _, err := s.store.CreateSpan(context.Background(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := newBrowser(t, s)
	for _, vp := range []axeViewport{phone, zoomed} {
		at := fmt.Sprintf("at %dx%d@%gx", vp.w, vp.h, vp.scale)
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)),
			chromedp.Navigate(fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)))
		b.waitLoaded()
		b.screenshot(fmt.Sprintf("agreement-first-%d", vp.w))
		b.checkFits("agreement", "", vp)
		figures := eval[[]string](b, `[...document.querySelectorAll('#agreement-overall strong')].map((e) => {
		  const r = e.getBoundingClientRect();
		  return r.bottom <= innerHeight && r.top >= 0 && r.right <= innerWidth ? '' : e.textContent; })`)
		if len(figures) != 2 {
			t.Errorf("%s the headline shows %d figures, want F1 and κ", at, len(figures))
		}
		for _, f := range figures {
			if f != "" {
				t.Errorf("%s the figure %s is below the first screen", at, f)
			}
		}
		if eval[bool](b, `document.getElementById('agreement-how').open`) || eval[bool](b, `document.querySelector('#agreement-how p').checkVisibility()`) {
			t.Errorf("%s how the figures are counted shows before it is asked for", at)
		}
		if got := eval[string](b, `document.querySelector('#agreement-how summary').textContent.trim()`); got != "How these figures are counted" {
			t.Errorf("%s the definitions are folded under %q", at, got)
		}
	}
	b.run(chromedp.Click(chromedp.CSS("#agreement-how summary")))
	b.waitFor(`document.querySelector('#agreement-how p').checkVisibility()`)
	if got := eval[string](b, `document.querySelector('#agreement-how p').textContent`); !strings.Contains(got, "F1 is 2·both over the two sides' spans") {
		t.Errorf("opened, how the figures are counted reads %q", got)
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}

// TestBrowserHomeBarsLineUp: on the home page the progress bars of an
// annotator's projects start at the same place and are as wide, whatever
// the length of each project's name, on a laptop and at 200% zoom.
func TestBrowserHomeBarsLineUp(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "a", Text: "قال الوزير إن الاقتصاد ينمو."})
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	news, err := s.store.CreateProject(ctx, "Evening news bulletins of the spring season", nil, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.Import(ctx, db.ImportOptions{ProjectID: news.ID, File: "news", By: s.user.ID}, []codec.Doc{{Line: 1, ExternalID: "n1", Text: "وصل الوفد إلى الرياض."}}); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetMember(ctx, news.ID, s.user, layla, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.relogin(s.url, "layla")
	for _, vp := range []axeViewport{{1366, 768, 1}, zoomed} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)), chromedp.Navigate(s.url+"/"))
		b.waitLoaded()
		bars := eval[[][2]float64](b, `[...document.querySelectorAll('.queue-item progress')].map((p) => {
		  const r = p.getBoundingClientRect(); return [r.left, r.width]; })`)
		if len(bars) != 2 {
			t.Fatalf("at %d px the home page shows %d bars, want 2", vp.w, len(bars))
		}
		if bars[0][0] != bars[1][0] || bars[0][1] != bars[1][1] {
			t.Errorf("at %d px the bars start at %.0f and %.0f, %.0f and %.0f wide: they do not line up", vp.w, bars[0][0], bars[1][0], bars[0][1], bars[1][1])
		}
		b.checkFits("home", "", vp)
		b.screenshot(fmt.Sprintf("home-bars-%d", vp.w))
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
