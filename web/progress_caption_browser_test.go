package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserLabelsTableNameUnclipped: at 320 px the Progress page's
// Labels table scrolls sideways in its box, but the words that name it
// stand outside the box, whole, and still name the table.
func TestBrowserLabelsTableNameUnclipped(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for _, name := range []string{"karim", "layla", "mariam"} {
		u := addSiteMember(t, s, name, db.RoleAnnotator)
		start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(320, 256))
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/progress", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("progress-labels")))
	got := eval[string](b, `(() => {
	  const table = document.getElementById('progress-labels');
	  const by = table.getAttribute('aria-labelledby');
	  const about = by && document.getElementById(by);
	  if (!about) return 'the table is named by nothing';
	  if (table.closest('.table-wrap').contains(about)) return 'its name is inside the scrolling box';
	  if (about.scrollWidth > about.clientWidth) return 'its name is clipped';
	  const r = about.getBoundingClientRect();
	  if (r.left < 0 || r.right > document.documentElement.clientWidth) return 'its name runs off the screen';
	  return about.textContent.trim();
	})()`)
	if want := "Spans of each label, in gold and in each person's layers"; got != want {
		t.Errorf("the Labels table at 320 px: %s, want it named %q", got, want)
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}

// TestBrowserLabelsTableSwatchBesideName: on a phone (390 px) with two
// annotators' columns, each label's colour swatch in the Progress page's
// Labels table stands on its name's line, never above "QUOTE" alone.
func TestBrowserLabelsTableSwatchBesideName(t *testing.T) {
	s := newSite(t, seedDoc(t))
	for _, name := range []string{"karim", "layla"} {
		s.annotatorMarks(t, name, s.docs["seed"], "PER", "صباح النعمان")
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(390, 844))
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/progress", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("progress-labels")))
	b.waitFor(`document.fonts.status === "loaded"`)
	apart := eval[[]string](b, `[...document.querySelectorAll('#progress-labels tbody th[scope="row"]')].filter((th) => {
	  const sw = th.querySelector('.swatch').getBoundingClientRect(), name = th.querySelector('bdi').getBoundingClientRect();
	  return sw.bottom < name.top + 2 || sw.top > name.bottom - 2;
	}).map((th) => th.textContent.trim())`)
	if len(apart) > 0 {
		b.screenshot("progress-labels-swatch-390")
		t.Errorf("on a phone the swatch stands on another line than its label's name: %v", apart)
	}
	if n := eval[int](b, `document.querySelectorAll('#progress-labels tbody th[scope="row"]').length`); n < 7 {
		t.Errorf("%d labels in the table, want the default set's 7", n)
	}
}
