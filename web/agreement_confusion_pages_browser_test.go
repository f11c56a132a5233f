package web_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserAgreementConfusionCellPages: a cell of 450 spans (layla PER,
// karim LOC, on every word of three documents) lists them 200 a page.
// Next, followed by keyboard, opens spans 201–400 at the pager, which
// says so; the Next at the foot opens the last 50. In Arabic the line
// and the links read in Arabic, right to left, the document's name
// isolated in its link's name (as on the Agreement page's list of
// documents), each link's name holding its words, and axe finds nothing
// wrong; at 200% zoom
// and on a phone the first span, who labelled it and the Next link are
// on the first screen, and nothing scrolls sideways.
func TestBrowserAgreementConfusionCellPages(t *testing.T) {
	src := axeScript(t)
	var docs []codec.Doc
	places := map[string][][2]int{}
	for i := range 3 {
		id := fmt.Sprintf("long-%d", i+1)
		text, at := numberedText(i*150+1, i*150+150)
		docs = append(docs, codec.Doc{Line: i + 1, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)})
		places[id] = at
	}
	s := newSite(t, docs...)
	for _, who := range []struct{ name, label string }{{"layla", "PER"}, {"karim", "LOC"}} {
		u := addSiteMember(t, s, who.name, db.RoleAnnotator)
		for id, at := range places {
			labelAll(t, s.store, s.docs[id], u.ID, who.label, at)
		}
	}
	b := newBrowser(t, s)
	list := fmt.Sprintf("%s/projects/%d/agreement/confusion?row=PER&col=LOC", s.url, s.proj.ID)
	b.run(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(list), chromedp.WaitVisible(chromedp.ID("cell-spans")))
	shown := `(() => { const m = [...document.querySelectorAll('#cell-spans > li mark')].map((e) => e.textContent);
  const nav = (id) => [...document.querySelectorAll('#' + id + ' > *')].map((e) => e.textContent.trim()).join(' / ');
  return [m.length, m[0], m[m.length - 1], nav('cell-pages'), nav('cell-pages-end')].join(' | '); })()`
	if got, want := eval[string](b, shown), fmt.Sprintf("200 | %s | %s | Spans 1–200 of 450 / Next 200 | Spans 1–200 of 450 / Next 200", cellWord(1), cellWord(200)); got != want {
		t.Errorf("the first page shows\n%s\nwant\n%s", got, want)
	}

	// Next, by keyboard: the page of spans 201–400, at its pager.
	eval[bool](b, `(document.getElementById('cell-pages-next').focus(), true)`)
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor(`location.search.endsWith('&page=2') && !!document.getElementById('cell-pages-prev')`)
	page2 := fmt.Sprintf("200 | %s | %s | Spans 201–400 of 450 / Previous 200 / Next 50 | Spans 201–400 of 450 / Previous 200 / Next 50", cellWord(201), cellWord(400))
	if got := eval[string](b, shown); got != page2 {
		t.Errorf("Next shows\n%s\nwant\n%s", got, page2)
	}
	if got := eval[string](b, `location.hash + ' ' + Math.round(document.getElementById('cell-pages').getBoundingClientRect().top)`); got != "#cell-pages 0" {
		t.Errorf("Next lands at %q, want the pager at the top of the window", got)
	}
	if got := eval[string](b, `document.querySelector('#cell-spans > li .cell-where').textContent.replace(/\s+/g, ' ').trim()`); got != "long-2 250–254 · Compare in the text" {
		t.Errorf("page 2's first span is placed %q", got)
	}

	// The Next at the foot: the last 50.
	b.run(chromedp.Click(chromedp.ID("cell-pages-end-next")))
	b.waitFor(`location.search.endsWith('&page=3') && !!document.getElementById('cell-pages')`)
	if got, want := eval[string](b, shown), fmt.Sprintf("50 | %s | %s | Spans 401–450 of 450 / Previous 200 | Spans 401–450 of 450 / Previous 200", cellWord(401), cellWord(450)); got != want {
		t.Errorf("the foot's Next shows\n%s\nwant\n%s", got, want)
	}
	b.run(chromedp.Click(chromedp.ID("cell-pages-prev")))
	b.waitFor(`location.search.endsWith('&page=2') && !!document.getElementById('cell-pages-next')`)

	for _, lang := range []string{"en", "ar"} {
		if err := s.store.SetLanguage(t.Context(), s.user, lang); err != nil {
			t.Fatal(err)
		}
		b.run(chromedp.EmulateViewport(1366, 900), chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("cell-spans")))
		if lang == "ar" {
			ar := fmt.Sprintf("200 | %s | %s | المقاطع 201–400 من 450 / السابقة (200) / التالية (50) | المقاطع 201–400 من 450 / السابقة (200) / التالية (50)", cellWord(201), cellWord(400))
			if got := eval[string](b, shown); got != ar {
				t.Errorf("in Arabic page 2 shows\n%s\nwant\n%s", got, ar)
			}
			names := `(() => { const li = document.querySelector('#cell-spans > li'); return [document.documentElement.dir, li.querySelector('.cell-where a').getAttribute('aria-label'), li.querySelector('a.cell-compare').textContent, li.querySelector('a.cell-compare').getAttribute('aria-label')].join(' | '); })()`
			if got, want := eval[string](b, names), "rtl | مراجعة \u2068long-2\u2069 | المقارنة في النص | المقارنة في النص: «"+cellWord(201)+"» في \u2068long-2\u2069"; got != want {
				t.Errorf("in Arabic the first span's links read\n%q\nwant\n%q", got, want)
			}
			// Every link's name holds the words it shows (WCAG 2.5.3).
			mismatch := `[...document.querySelectorAll('main a[aria-label]')].filter((a) => !a.getAttribute('aria-label').includes(a.textContent.trim())).map((a) => a.getAttribute('aria-label') + ' / ' + a.textContent.trim())`
			if got := eval[[]string](b, mismatch); len(got) > 0 {
				t.Errorf("in Arabic links are named without the words they show: %q", got)
			}
			// Right to left: the pager's line first, at the right, then
			// Previous, then Next.
			order := `[...document.querySelectorAll('#cell-pages > *')].sort((x, y) => y.getBoundingClientRect().right - x.getBoundingClientRect().right).map((e) => e.className || e.rel).join(' ')`
			if got := eval[string](b, order); got != "page-range prev next" {
				t.Errorf("in Arabic the pager reads, right to left, %q", got)
			}
			b.openAll()
			b.checkAxe(src, "a cell's page 2 in Arabic", append([]axeViewport{axeLaptop}, axeSmall...)...)
			b.run(chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("cell-spans")))
		}
		for _, v := range []struct {
			name          string
			width, height int64
			scale         float64
		}{{"phone", 360, 640, 1}, {"200% zoom", 683, 384, 2}} {
			b.run(chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateScale(v.scale)))
			if eval[bool](b, `document.documentElement.scrollWidth > innerWidth + 1`) {
				t.Errorf("%s, %s: page 2 scrolls sideways", lang, v.name)
			}
			if got := eval[string](b, firstCellSpanInSight); got != "" {
				t.Errorf("%s, %s: the first span is not on the first screen: %s", lang, v.name, got)
			}
			if got := eval[string](b, `(() => { const r = document.getElementById('cell-pages-next').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth ? '' : JSON.stringify(r); })()`); got != "" {
				t.Errorf("%s, %s: Next is off the first screen at %s", lang, v.name, got)
			}
			b.viewShot("agreement-confusion-pages-" + lang + "-" + fmt.Sprint(v.width))
		}
	}

	// The Agreement page's documents least agreed on name each in Arabic
	// as the list does: its name isolated, within the link's name.
	b.run(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("agreement-docs")))
	if got := eval[string](b, `document.querySelector('#agreement-docs a').getAttribute('aria-label')`); got != "مراجعة \u2068long-1\u2069" {
		t.Errorf("in Arabic the Agreement page's first document's link is named %q", got)
	}
	if err := s.store.SetLanguage(t.Context(), s.user, "en"); err != nil {
		t.Fatal(err)
	}
}
