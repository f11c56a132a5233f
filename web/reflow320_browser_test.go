package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// widestOverflowJS names the widest element or run of text that reaches
// past either side of the window, so a page that scrolls sideways says
// where (a run of text is named by the element holding it); anything
// inside a box that clips or scrolls sideways itself (a table region)
// does not widen the page and is left out. "" when nothing reaches past.
const widestOverflowJS = `(() => {
  const limit = document.documentElement.clientWidth;
  const clippedAbove = (e) => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const range = document.createRange();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let worst = null, worstRect = null;
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const e = n.nodeType === Node.TEXT_NODE ? n.parentElement : n;
    if (n.nodeType === Node.TEXT_NODE) range.selectNodeContents(n);
    const r = n.nodeType === Node.TEXT_NODE ? range.getBoundingClientRect() : n.getBoundingClientRect();
    const left = r.left + scrollX, right = r.right + scrollX;
    if (r.width === 0 || (right <= limit + 1 && left >= -1) || clippedAbove(n.nodeType === Node.TEXT_NODE ? n : e)) continue;
    if (!worst || r.width > worstRect.width) { worst = e; worstRect = r; }
  }
  if (!worst) return '';
  let name = worst.localName + (worst.id ? '#' + worst.id : '') + [...worst.classList].map((c) => '.' + c).join('');
  for (let a = worst.parentElement; a && a !== document.body && !worst.id; a = a.parentElement) {
    if (a.id) { name = '#' + a.id + ' ' + name; break; }
  }
  const text = (worst.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return name + (text ? ' ("' + text + '")' : '') + ', ' + Math.round(worstRect.width) + 'px wide from ' +
    Math.round(worstRect.left + scrollX) + ' to ' + Math.round(worstRect.right + scrollX) + ' in a window ' + limit + 'px wide';
})()`

// reflowWidths are the windows every page must fit without sideways
// scrolling: a laptop, the same at 200% zoom, and a 1280px screen at 400%
// zoom (WCAG 1.4.10 reflow: 320 CSS px).
var reflowWidths = []struct{ w, h int64 }{{1366, 768}, {683, 384}, {320, 256}}

// checkReflow fails when the page at the current window scrolls sideways,
// naming the widest element that makes it.
func (b *browser) checkReflow(page string, w, h int64) {
	b.t.Helper()
	if eval[bool](b, `document.documentElement.scrollWidth > document.documentElement.clientWidth`) {
		b.t.Errorf("%s at %dx%d scrolls sideways (%d > %d): widest past the edge is %s", page, w, h,
			eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`), eval[string](b, widestOverflowJS))
	}
}

// addLongNames gives s the long unbroken strings that push a page wider
// than a narrow window when they do not wrap: a document id and a source
// URL imported from a file with a long name, a member with the longest
// name allowed, assigned that document, and an API token with a long name.
// It returns the document.
func addLongNames(t *testing.T, s *site) db.Document {
	t.Helper()
	ctx := context.Background()
	id := "chapter-07-" + strings.Repeat("section", 10)
	meta := `{"source":"https://example.org/` + strings.Repeat("archive", 12) + `"}`
	file := "corpus-" + strings.Repeat("export", 12) + ".jsonl"
	doc := codec.Doc{Line: 1, ExternalID: id, Text: "قال الوزير إن الاجتماع مستمر.", Meta: json.RawMessage(meta)}
	if _, err := s.store.Import(ctx, db.ImportOptions{ProjectID: s.proj.ID, File: file, By: s.user.ID}, []codec.Doc{doc}); err != nil {
		t.Fatal(err)
	}
	list, err := s.store.Documents(ctx, s.proj.ID, s.user, db.DocumentPage{Limit: 10, Query: id})
	if err != nil || len(list.Docs) != 1 {
		t.Fatalf("the document %s imported is listed %d times: %v", id, len(list.Docs), err)
	}
	imported, err := s.store.Document(ctx, list.Docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.CreateSpan(ctx, imported, s.user.ID, s.user.ID, db.SpanInput{Start: 4, End: 10, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	member, err := s.store.CreateUser(ctx, "reviewer"+strings.Repeat("x", 56), "", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetMember(ctx, s.proj.ID, s.user, member, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.Assign(ctx, s.proj.ID, s.user, db.AssignRequest{User: member.Name, ExternalIDs: []string{id}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.store.CreateToken(ctx, s.user, "pipeline-"+strings.Repeat("nightly", 13)); err != nil {
		t.Fatal(err)
	}
	return imported
}

// TestBrowserNarrowScreenshots draws the project page, its activity log,
// the settings and users pages, and a document's annotation and review
// pages, with long names in them, at each width the pages must fit, for a
// person to look at (testdata/screenshots/reflow-*.png); each must fit.
func TestBrowserNarrowScreenshots(t *testing.T) {
	s := newSite(t, seedDoc(t))
	long := addLongNames(t, s)
	b := newBrowser(t, s)
	pages := map[string]string{
		"project": fmt.Sprintf("/projects/%d", s.proj.ID), "activity": fmt.Sprintf("/projects/%d/activity", s.proj.ID),
		"settings": "/settings", "users": "/admin/users",
		"document": fmt.Sprintf("/documents/%d", long.ID), "review": fmt.Sprintf("/documents/%d/review", long.ID),
	}
	for name, path := range pages {
		b.run(chromedp.Navigate(s.url + path))
		b.waitLoaded()
		for _, vp := range reflowWidths {
			b.run(chromedp.EmulateViewport(vp.w, vp.h))
			b.checkReflow(path, vp.w, vp.h)
			b.screenshot(fmt.Sprintf("reflow-%s-%d", name, vp.w))
		}
	}
}
