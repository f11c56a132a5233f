package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// reviewKeepJS are the words an Arabic review page keeps as they are:
// label names, user, project and document names, keys, and F1.
const reviewKeepJS = `['PER', 'GPE', 'LOC', 'QUOTE', 'layla', 'karim', 'rana', 'Demo', 'seed', 'F1', 'Cohen']`

// TestBrowserArabicReview is a reviewer whose interface is Arabic at the
// review of a document two annotators labelled: the page runs right to
// left with its headings, table headers, filters and buttons in Arabic,
// each button's accessible name naming the label (isolated) and the
// words; the keys walk the rows and say in Arabic why a key did nothing;
// an accept made in place shows the Arabic notice, and a decision the
// server refuses says so in Arabic around the server's own reason.
// Nothing scrolls sideways at 1366x900 nor at 200% zoom.
func TestBrowserArabicReview(t *testing.T) {
	s, b, doc := arabicReview(t)
	b.openPage(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID))
	ps, pe := spanAt(t, doc.Text, "صباح النعمان", 0)
	ks, ke := spanAt(t, doc.Text, "كردستان", 0)

	b.wantTexts("the review", map[string]string{
		`document.documentElement.lang + ' ' + document.documentElement.dir`:                                       "ar rtl",
		`document.querySelector('h1').firstChild.textContent.trim()`:                                               "مراجعة",
		`document.querySelector('.crumbs').getAttribute('aria-label')`:                                             "مسار التنقل",
		`document.getElementById('candidates-title').textContent`:                                                  "المقاطع",
		`[...document.querySelectorAll('#candidates thead th')].map((th) => th.textContent).join('|')`:             "النص|الوسم|الموضع|وسمه|الطبقة الذهبية",
		`document.getElementById('show-undecided').textContent`:                                                    "عرض المقاطع غير المحسومة وحدها (3)",
		`document.querySelector('#show-filter a').textContent`:                                                     "عرض المقاطع المختلف فيها وحدها (2)",
		`document.getElementById('undecided-count').textContent`:                                                   "لم يُحسم 3 من المقاطع، وعددها 3 مقاطع.",
		`document.querySelector('#mark-reviewed button').textContent`:                                              "إنهاء مراجعة الطبقة الذهبية",
		`document.getElementById('agreement-title').textContent`:                                                   "الاتفاق",
		`document.querySelector('#candidates .group-head').textContent`:                                            "الوسوم مختلفة: عددها 2، فاختر واحدًا",
		`document.querySelector('#candidates .group-head').dir`:                                                    "rtl",
		`document.querySelector('#candidates caption').textContent`:                                                "3 مقاطع متمايزة؛ وما لم يسِمه كل الموسِّمين موصوف بأنه «مختلف فيه».",
		fmt.Sprintf(`document.getElementById('c-%d-%d-PER').querySelector('.holders').textContent.trim()`, ps, pe): "\u2068karim\u2069، \u2068layla\u2069",
	})
	// The link to Compare in the text is named as its page is, with a
	// noun, and the sentence it begins says what that page shows.
	b.wantTexts("the review's link to compare", map[string]string{
		`document.getElementById('compare-link').textContent`: "المقارنة في النص",
		`(() => { const a = document.getElementById('compare-link'); return (a.textContent + a.nextSibling.textContent).replace(/\s+/g, ' ').trim(); })()`: "المقارنة في النص تعرض كل فقرة مرةً لكل طبقة، ومواضع الاختلاف مميَّزة.",
	})
	// Each button is named in Arabic by what it does to which words, the
	// label isolated so that its Latin letters keep the sentence in order.
	for _, want := range []string{
		"قبول \u2068PER\u2069 «صباح النعمان» في الطبقة الذهبية",
		"رفض \u2068PER\u2069 «صباح النعمان» للطبقة الذهبية",
		"قبول \u2068GPE\u2069 «كردستان» في الطبقة الذهبية",
		"رفض \u2068LOC\u2069 «كردستان» للطبقة الذهبية",
	} {
		if n := eval[int](b, fmt.Sprintf(`document.querySelectorAll('button[aria-label=%q]').length`, want)); n != 1 {
			t.Errorf("%d buttons are named %q, want 1", n, want)
		}
	}
	if got := eval[string](b, `[...new Set([...document.querySelectorAll('#candidates .gold button')].map((b) => b.textContent))].join('|')`); got != "قبول|رفض" {
		t.Errorf("the rows' buttons say %q", got)
	}
	if left := eval[[]string](b, fmt.Sprintf(englishLeftJS, reviewKeepJS)); len(left) > 0 {
		t.Errorf("the review in Arabic still shows English:\n  %s", strings.Join(left, "\n  "))
	}
	b.checkReflow("the review in Arabic", 1366, 900)
	b.screenshot("arabic-review")

	// The keys: one with no row chosen says why in Arabic; j and k walk
	// down and up the rows, whatever the page's direction; a accepts.
	status := `document.getElementById('review-key-status').textContent`
	b.run(chromedp.KeyEvent("a"))
	b.wantTexts("a with no row", map[string]string{status: "اختر مقطعًا أولًا: j ينتقل إلى أولها."})
	focused := `document.activeElement.closest('#candidates tbody tr')?.id || ''`
	b.run(chromedp.KeyEvent("j"), chromedp.KeyEvent("j"), chromedp.KeyEvent("k"))
	b.wantTexts("j, j, k", map[string]string{focused: fmt.Sprintf("c-%d-%d-PER", ps, pe)})
	b.run(chromedp.KeyEvent("a"))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'قُبل في الطبقة الذهبية.'`)
	s.waitSpans(t, doc, 0, 1)
	b.wantTexts("after the accept", map[string]string{
		`document.getElementById('undecided-count').textContent`:                                            "لم يُحسم 2 من المقاطع، وعددها 3 مقاطع.",
		fmt.Sprintf(`document.getElementById('c-%d-%d-PER').querySelector('.in-gold').textContent`, ps, pe): "في الطبقة الذهبية",
	})
	// a again on the span gold holds now: the key says why not, in Arabic.
	b.waitFor(fmt.Sprintf(`document.activeElement.closest('tr')?.id === 'c-%d-%d-PER'`, ps, pe))
	b.run(chromedp.KeyEvent("a"))
	b.wantTexts("a on a span in gold", map[string]string{status: "هذا المقطع في الطبقة الذهبية من قبل: x يزيله."})
	b.screenshot("arabic-review-accepted")

	// A decision on a span changed since the page was drawn is refused:
	// the row says so in Arabic, the server's reason inside.
	layla := userID(t, s, "layla")
	layer, err := s.store.LayerOf(context.Background(), doc, layla)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range layer.Spans {
		if sp.Start == ks && sp.End == ke {
			if _, err := s.store.DeleteSpan(context.Background(), doc, layla, layla, sp.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	b.run(chromedp.Click(chromedp.CSS("button[aria-label=\"رفض \u2068GPE\u2069 «كردستان» للطبقة الذهبية\"]")))
	b.waitFor(fmt.Sprintf(`document.getElementById('c-%d-%d-GPE')?.querySelector('.error') != null`, ks, ke))
	if got := eval[string](b, fmt.Sprintf(`document.getElementById('c-%d-%d-GPE').querySelector('.error').textContent`, ks, ke)); !strings.HasPrefix(got, "تعذّر حفظ القرار: ") || !strings.Contains(got, "أعد تحميلها لتراها كما هي الآن.") {
		t.Errorf("the refused decision says %q", got)
	}
	b.screenshot("arabic-review-refused")

	// At 200% zoom: half the CSS width, nothing scrolls sideways.
	b.run(chromedp.EmulateViewport(683, 450, chromedp.EmulateScale(2)))
	b.openPage(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID))
	b.checkReflow("the review in Arabic", 683, 450)
	b.screenshot("arabic-review-zoom")
}

// TestBrowserArabicReviewCompare is the same reviewer at Compare in the
// text and at the project's agreement and label consistency: each in
// Arabic right to left, the compare chips still standing over the first
// letters of their words, nothing scrolling sideways at 1366x900 nor at
// 200% zoom.
func TestBrowserArabicReviewCompare(t *testing.T) {
	s, b, doc := arabicReview(t)
	pages := []struct{ name, path, h1 string }{
		{"compare", fmt.Sprintf("/documents/%d/review/compare?show=all", doc.ID), "المقارنة في النص"},
		{"agreement", fmt.Sprintf("/projects/%d/agreement", s.proj.ID), "الاتفاق"},
		{"consistency", fmt.Sprintf("/projects/%d/consistency", s.proj.ID), "اتساق الوسوم"},
	}
	for _, zoom := range []struct {
		name string
		w, h int64
	}{{"", 1366, 900}, {"-zoom", 683, 450}} {
		b.run(chromedp.EmulateViewport(zoom.w, zoom.h, chromedp.EmulateScale(float64(1366/zoom.w))))
		for _, p := range pages {
			b.openPage(s.url + p.path)
			b.wantTexts(p.name, map[string]string{
				`document.documentElement.lang + ' ' + document.documentElement.dir`: "ar rtl",
				`document.querySelector('h1').firstChild.textContent.trim()`:         p.h1,
				`document.querySelector('.crumbs').getAttribute('aria-label')`:       "مسار التنقل",
			})
			if left := eval[[]string](b, fmt.Sprintf(englishLeftJS, reviewKeepJS)); len(left) > 0 {
				t.Errorf("%s in Arabic still shows English:\n  %s", p.name, strings.Join(left, "\n  "))
			}
			b.checkReflow(p.name+" in Arabic", zoom.w, zoom.h)
			b.viewShot("arabic-" + p.name + zoom.name)
		}
	}
	b.run(chromedp.EmulateViewport(1366, 900))
	b.openPage(s.url + pages[0].path)
	b.wantTexts("compare", map[string]string{
		`document.getElementById('compare-summary').textContent`:                                "اختلاف في 1 من الفقرات، وعددها فقرتان: مقاطع لم يسِمها كل الموسِّمين، أو اقتباسات تسمّي طبقاتها قائلين مختلفين.",
		`document.getElementById('show-all').textContent`:                                       "عرض كل الفقرات",
		`String(document.querySelector('.cmp-line.gold .cmp-name bdi').textContent !== 'gold')`: "true",
		`document.querySelector('.cmp-para.disputed h2').firstChild.textContent.trim()`:         "الفقرة 2",
	})
	// Each chip stands over the first letters of its words: at the right
	// end of an Arabic run, the chrome's direction notwithstanding.
	bad := eval[[]string](b, `(() => {
	  const bad = [];
	  for (const a of document.querySelectorAll('a.cmp-seg[data-chip]')) {
	    const chip = [...a.closest('.cmp-textbox').querySelectorAll('.cmp-chip')].find((c) => c.style.positionAnchor === a.querySelector('.cmp-at').style.anchorName);
	    if (!chip) { bad.push('no chip for ' + a.dataset.chip); continue; }
	    chip.scrollIntoView({block: 'center'});
	    const ar = a.getBoundingClientRect(), cr = chip.getBoundingClientRect();
	    const side = chip.classList.contains('from-right') ? Math.abs(cr.right - ar.right) < 4 : Math.abs(cr.left - ar.left) < 4;
	    if (!side || cr.bottom > ar.top + 4) bad.push(a.dataset.chip + ' over ' + a.textContent);
	  }
	  return bad;
	})()`)
	if len(bad) > 0 {
		t.Errorf("chips not over their words' first letters: %s", strings.Join(bad, "; "))
	}
	b.viewShot("arabic-compare-chips")

	// The table of labels confused, one pair chosen: the script says
	// which table it shows in Arabic, the pair's names isolated.
	b.openPage(s.url + pages[1].path)
	eval[bool](b, `(() => { const s = document.getElementById('confusion-pair'); s.selectedIndex = 1; s.dispatchEvent(new Event('change')); return true; })()`)
	b.waitFor(`document.getElementById('confusion-status').textContent === 'يُعرض جدول \u2068karim · layla\u2069.'`)
	b.wantTexts("one pair's table", map[string]string{
		`document.querySelector('#agreement-confusion thead th').textContent`: "الصفوف: \u2068karim\u2069 · الأعمدة: \u2068layla\u2069",
	})
}

// arabicReview is a site where layla and karim labelled the seed
// document (both PER on one name, GPE and LOC on a place), seen by rana, a reviewer whose interface is Arabic.
func arabicReview(t *testing.T) (*site, *browser, db.Document) {
	t.Helper()
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	karim := addSiteMember(t, s, "karim", db.RoleAnnotator)
	rana := addSiteMember(t, s, "rana", db.RoleReviewer)
	mark := func(u db.User, word, label string) {
		start, end := spanAt(t, doc.Text, word, 0)
		if _, err := s.store.CreateSpan(ctx, doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	mark(layla, "صباح النعمان", "PER")
	mark(karim, "صباح النعمان", "PER")
	mark(layla, "كردستان", "GPE")
	mark(karim, "كردستان", "LOC")
	if err := s.store.SetLanguage(ctx, rana, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.relogin(s.url, "rana")
	return s, b, doc
}

// userID is the id of the user named name.
func userID(t *testing.T, s *site, name string) int64 {
	t.Helper()
	u, err := s.store.UserByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// openPage opens a page that is not a document's, once its fonts are in.
func (b *browser) openPage(url string) {
	b.t.Helper()
	b.run(chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("h1")))
	eval[bool](b, `document.fonts.ready.then(() => true)`)
}
