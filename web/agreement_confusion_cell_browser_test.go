package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// TestBrowserAgreementConfusionCell: on the Agreement page the bold LOC ·
// ORG cell of the table of labels confused is a link named as its title;
// followed by keyboard, it lists the two spans it counts, جهاز مكافحة
// الإرهاب as layla and rana called it LOC and karim ORG, in their
// context; its link back leads to the table. The list does not scroll
// sideways on a phone nor at 200% zoom, and reads right to left in
// Arabic, each user's name before their label.
func TestBrowserAgreementConfusionCell(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	for _, who := range []struct {
		name  string
		spans [][2]string
	}{
		{"karim", [][2]string{{"PER", "صباح النعمان"}, {"ORG", "جهاز مكافحة الإرهاب"}}},
		{"layla", [][2]string{{"PER", "صباح النعمان"}, {"LOC", "جهاز مكافحة الإرهاب"}}},
		{"rana", [][2]string{{"ORG", "صباح النعمان"}, {"LOC", "جهاز مكافحة الإرهاب"}}},
	} {
		u := addSiteMember(t, s, who.name, db.RoleAnnotator)
		for _, sp := range who.spans {
			start, end := spanAt(t, doc.Text, sp[1], 0)
			if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: sp[0]}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := newBrowser(t, s)
	page := fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)
	b.run(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("agreement-confusion")))
	cell := `[...document.querySelectorAll('#agreement-confusion td')].find((c) => c.title === '2 spans one side labelled LOC and the other ORG')`
	if got := eval[string](b, `(() => { const a = `+cell+`.querySelector('a'); return [a.parentElement.tagName, a.getAttribute('aria-label'), Number(getComputedStyle(a).fontWeight) >= 700].join(' | '); })()`); got != "STRONG | 2: 2 spans one side labelled LOC and the other ORG | true" {
		t.Errorf("the LOC · ORG cell's link reads %q", got)
	}
	eval[bool](b, `(`+cell+`.querySelector('a').focus(), true)`)
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor(`!!document.getElementById('cell-spans')`)
	if got := eval[string](b, `document.querySelector('h1').textContent + ' | ' + document.getElementById('cell-count').textContent.replace(/\s+/g, ' ').trim()`); got != "Labels confused: LOC · ORG | 2 spans one side labelled LOC and the other ORG. Summed over every pair of users." {
		t.Errorf("the list is headed %q", got)
	}
	items := `[...document.querySelectorAll('#cell-spans > li')].map((li) => [li.querySelector('mark').textContent, li.querySelector('.cell-who').textContent.replace(/\s+/g, ' ').trim(), li.querySelector('.cell-where').textContent.trim()].join(' | ')).join('\n')`
	if got, want := eval[string](b, items), "جهاز مكافحة الإرهاب | layla: LOC · karim: ORG | seed"; !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 || !strings.Contains(got, "\nجهاز مكافحة الإرهاب | rana: LOC · karim: ORG | seed") {
		t.Errorf("the list reads\n%s", got)
	}
	if got := eval[string](b, `document.querySelector('#cell-spans .span-text').textContent`); len([]rune(got)) < len([]rune("جهاز مكافحة الإرهاب"))+10 {
		t.Errorf("the span stands without its context: %q", got)
	}
	for _, v := range []struct {
		name          string
		width, height int64
		scale         float64
	}{{"phone", 360, 640, 1}, {"200% zoom", 683, 384, 2}} {
		b.run(chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateScale(v.scale)))
		if eval[bool](b, `document.documentElement.scrollWidth > innerWidth + 1`) {
			t.Errorf("%s: the list scrolls sideways", v.name)
		}
		// The first span starts on the first screen: its words and who
		// labelled them, not only the heading and the hint over them.
		if got := eval[string](b, firstCellSpanInSight); got != "" {
			t.Errorf("%s: the first span is not on the first screen: %s", v.name, got)
		}
	}
	b.viewShot("agreement-confusion-cell-zoom")

	// Arabic, on a phone: right to left, each name before its label.
	if err := s.store.SetLanguage(t.Context(), s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.EmulateViewport(360, 640), chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("cell-spans")))
	if got := eval[string](b, `document.documentElement.dir + ' | ' + document.querySelector('h1').textContent`); got != "rtl | الوسوم المختلطة: \u2068LOC\u2069 · \u2068ORG\u2069" {
		t.Errorf("in Arabic the list is headed %q", got)
	}
	if got := eval[string](b, `[...document.querySelector('#cell-spans .cell-who').querySelectorAll('bdi, .label-name')].map((e) => [e.textContent, e.getBoundingClientRect()]).sort((x, y) => y[1].right - x[1].right).map((x) => x[0]).join(' ')`); got != "layla LOC karim ORG" {
		t.Errorf("in Arabic the first span's sides read, right to left, %q", got)
	}
	if eval[bool](b, `document.documentElement.scrollWidth > innerWidth + 1`) {
		t.Error("in Arabic on a phone the list scrolls sideways")
	}
	if got := eval[string](b, firstCellSpanInSight); got != "" {
		t.Errorf("in Arabic on a phone the first span is not on the first screen: %s", got)
	}
	b.viewShot("agreement-confusion-cell-ar-phone")

	// Back to the table.
	b.run(chromedp.Click(chromedp.ID("cell-back")))
	b.waitFor(`!!document.getElementById('agreement-confusion') && location.hash === '#confusion'`)
	if err := s.store.SetLanguage(t.Context(), s.user, "en"); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}

// firstCellSpanInSight says where the first span of a cell's list and the
// line naming who labelled it stand, scrolled to the top, when the line
// is not on the first screen; "" when it is.
const firstCellSpanInSight = `(() => { scrollTo(0, 0);
  const li = document.querySelector('#cell-spans > li'), who = li.querySelector('.cell-who').getBoundingClientRect();
  return who.bottom <= innerHeight ? '' : 'its text starts at ' + Math.round(li.querySelector('.span-text').getBoundingClientRect().top) + ' px and who labelled it ends at ' + Math.round(who.bottom) + ' px, below the window\'s ' + innerHeight + ' px'; })()`
