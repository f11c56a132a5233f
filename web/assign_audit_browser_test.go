package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserAssignTicked: a manager ticks documents in the list and the
// bar under it says how many; "All on this page" ticks and clears them
// all; choosing a member there and pressing Assign assigns the ticked
// documents, and only those. At 200% zoom each row of the list fits the
// window, its gold status and assignees in sight.
func TestBrowserAssignTicked(t *testing.T) {
	doc := func(line int, id, text string) codec.Doc {
		return codec.Doc{Line: line, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)}
	}
	var docs []codec.Doc
	for i := 1; i <= 12; i++ {
		docs = append(docs, doc(i, fmt.Sprintf("news-%02d", i), "قال الوزير إن الاقتصاد ينمو وإن الوفد وصل إلى الرياض صباح اليوم."))
	}
	s := newSite(t, docs...)
	addSiteMember(t, s, "layla", db.RoleAnnotator)
	b := newBrowser(t, s)
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	b.run(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(project))
	b.waitLoaded()

	count := `document.getElementById('ticked-count').textContent`
	if got := eval[string](b, count); got != "0 documents selected" {
		t.Errorf("before ticking the bar reads %q", got)
	}
	// The manager has no layer of their own: no "Your spans" column.
	if got := eval[string](b, `[...document.querySelectorAll('table.docs thead th')].map((th) => th.textContent.trim()).join('|')`); got != "Select|Document|Text|Length|Gold|Assignees" {
		t.Errorf("the manager's list has the columns %q", got)
	}
	tick := func(id string) {
		b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#doc-%d input[name="doc"]`, s.docs[id].ID))))
	}
	tick("news-02")
	tick("news-03")
	if got := eval[string](b, count); got != "2 documents selected" {
		t.Errorf("with two ticked the bar reads %q", got)
	}
	// The first rows in sight, the bar is in sight too, under them.
	eval[bool](b, `(document.getElementById("documents-title").scrollIntoView(), true)`)
	if !eval[bool](b, `(() => { const r = document.getElementById('assign-form').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
		t.Error("at the top of the list the bar of ticked documents is out of sight")
	}
	tick("news-03") // cleared again
	if got := eval[string](b, count); got != "1 document selected" {
		t.Errorf("with one ticked the bar reads %q", got)
	}
	b.run(chromedp.Click(chromedp.ID("tick-all")))
	if got := eval[string](b, count); got != "12 documents selected" {
		t.Errorf("after All on this page the bar reads %q", got)
	}
	b.run(chromedp.Click(chromedp.ID("tick-all")))
	if got := eval[string](b, count+` + ' ' + document.querySelectorAll('input[name="doc"]:checked').length`); got != "0 documents selected 0" {
		t.Errorf("after clearing them all the bar reads %q", got)
	}
	tick("news-02")
	tick("news-05")
	b.run(chromedp.SetValue(chromedp.ID("assign-user"), "layla"), chromedp.Click(chromedp.ID("assign-ticked")))
	b.waitFor(`new URLSearchParams(location.search).get('done') === 'assign-list' && document.readyState === 'complete'`)
	// The page comes back to the bar, the notice in it and in sight.
	if got := eval[string](b, `(() => { const n = document.getElementById('form-notice'); const r = n.getBoundingClientRect();
		return n.closest('form').id + ' ' + n.textContent + ' ' + (r.top >= 0 && r.bottom <= innerHeight); })()`); got != "assign-form 2 new assignments. true" {
		t.Errorf("after Assign the page says %q", got)
	}
	var ids []int64
	for _, d := range s.docs {
		ids = append(ids, d.ID)
	}
	as, err := s.store.Assignees(context.Background(), s.proj.ID, ids)
	if err != nil {
		t.Fatal(err)
	}
	var assigned []string
	for id, d := range s.docs {
		for _, a := range as[d.ID] {
			if a.Name == "layla" && a.Assigned {
				assigned = append(assigned, id)
			}
		}
	}
	slices.Sort(assigned)
	if !slices.Equal(assigned, []string{"news-02", "news-05"}) {
		t.Errorf("layla is assigned %v, want news-02 and news-05", assigned)
	}

	// 200% zoom: the rows fit the window, gold and assignees in sight.
	b.run(chromedp.EmulateViewport(683, 384), chromedp.Navigate(project))
	b.waitLoaded()
	if sw, cw := eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`); sw > cw {
		t.Errorf("at 200%% the project page scrolls sideways: %d > %d", sw, cw)
	}
	out := eval[string](b, `[...document.querySelectorAll('table.docs td.gold-status .status, table.docs td.assignees li, table.docs td.doc-id a')].filter((e) => {
	  const r = e.getBoundingClientRect();
	  return r.left < 0 || r.right > document.documentElement.clientWidth;
	}).map((e) => e.textContent.trim()).join(' | ')`)
	if out != "" {
		t.Errorf("at 200%% parts of the list are outside the window: %s", out)
	}
	eval[bool](b, `(document.getElementById("documents-title").scrollIntoView(), true)`)
	b.screenshot("assign-ticked-zoomed")
	b.run(chromedp.EmulateViewport(1366, 900))
}
