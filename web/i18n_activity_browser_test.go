package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserArabicActivity opens a project's activity log as a manager
// whose interface is Arabic: the page runs right to left, its heading,
// filters, columns and every change's sentence are Arabic (names, labels
// and quoted words isolated, so the sentence keeps its order), a run of
// changes says its counts in Arabic's forms, a filter matching nothing
// says so in Arabic, and nothing is wider than the window on a laptop
// or at 200% zoom.
func TestBrowserArabicActivity(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	samir := addSiteMember(t, s, "samir", db.RoleManager)
	layla := addSiteMember(t, s, "ليلى", db.RoleAnnotator)
	if err := s.store.SetLanguage(ctx, samir, "ar"); err != nil {
		t.Fatal(err)
	}
	// ليلى marks a quotation, its speaker and another name at once, links
	// the two and marks her layer done; samir reopens it.
	var spans []db.Span
	for _, w := range []struct {
		word, label string
		nth         int
	}{{"الجهاز مستمر", "QUOTE", 0}, {"صباح النعمان", "PER", 0}, {"صباح النعمان", "PER", 1}} {
		start, end := spanAt(t, doc.Text, w.word, w.nth)
		sp, err := s.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: start, End: end, Label: w.label})
		if err != nil {
			t.Fatal(err)
		}
		spans = append(spans, sp)
	}
	if _, err := s.store.CreateRelation(ctx, doc, layla.ID, layla.ID, db.RelationInput{Type: "speaker", From: spans[0].ID, To: spans[1].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.MarkDone(ctx, doc, layla); err != nil {
		t.Fatal(err)
	}
	if err := s.store.Reopen(ctx, doc, samir, layla.Name); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetGuidelines(ctx, s.proj.ID, samir, "علّم كل اقتباس وقائله."); err != nil {
		t.Fatal(err)
	}

	b := newBrowser(t, s)
	b.relogin(s.url, "samir")
	activity := fmt.Sprintf("%s/projects/%d/activity", s.url, s.proj.ID)
	b.run(chromedp.Navigate(activity))
	b.waitLoaded()
	eval[bool](b, `document.fonts.ready.then(() => true)`)
	b.openAll()
	for expr, want := range map[string]string{
		`document.documentElement.lang + ' ' + document.documentElement.dir`:                          "ar rtl",
		`document.querySelector('h1').textContent`:                                                    "النشاط",
		`document.querySelector('label[for=activity-who]').textContent`:                               "مَن",
		`document.getElementById('activity-doc').placeholder`:                                         "معرِّف المستند",
		`document.querySelector('#activity-filter button').textContent`:                               "تصفية",
		`document.getElementById('activity-filter').getAttribute('aria-label')`:                       "تصفية النشاط",
		`[...document.querySelectorAll('table.activity th')].map((th) => th.textContent).join(' | ')`: "الوقت | مَن | المستند | التغيير",
	} {
		if got := eval[string](b, expr); got != want {
			t.Errorf("%s = %q, want %q", expr, got, want)
		}
	}
	// Each change, newest first, as the page shows it without the
	// isolates around names.
	rows := eval[[]string](b, `[...document.querySelectorAll('table.activity tbody tr')].map((tr) =>
	  [tr.cells[1], tr.cells[3].querySelector('summary') || tr.cells[3]].map((c) => c.textContent.replace(/[\u2068\u2069]/g, '').trim()).join(' | '))`)
	want := []string{
		"samir | تغيير الإرشادات، وأولها الآن «علّم كل اقتباس وقائله.» (عدد الأحرف: 0 ← 22)",
		"samir | إعادة فتح طبقة ليلى",
		"ليلى | إنهاء طبقة ليلى",
		"ليلى | أُضيف 3 مقاطع ورابط واحد إلى طبقة ليلى",
	}
	if got := strings.Join(rows[:min(len(rows), len(want))], "\n"); got != strings.Join(want, "\n") {
		t.Errorf("the log reads\n%s\nwant it to start\n%s", got, strings.Join(want, "\n"))
	}
	// The run opens to its entries, each an Arabic sentence.
	if got := eval[string](b, `[...document.querySelectorAll('.event-entries li')].at(-1).textContent.replace(/[\u2068\u2069]/g, '')`); !strings.HasSuffix(got, "إضافة المقطع QUOTE "+fmt.Sprintf("%d–%d", spans[0].Start, spans[0].End)+" «الجهاز مستمر» إلى طبقة ليلى") {
		t.Errorf("the run's first change reads %q", got)
	}
	// Nothing left in English but names, labels and codes.
	keep := `['PER', 'QUOTE', 'Demo', 'samir', 'annotator', 'seed', 'UTC', 'speaker']`
	if left := eval[[]string](b, fmt.Sprintf(englishLeftJS, keep)); len(left) > 0 {
		t.Errorf("the activity page in Arabic still shows English:\n  %s", strings.Join(left, "\n  "))
	}
	// Right to left: the time, the first column, stands at the right.
	if !eval[bool](b, `(() => { const tr = document.querySelector('table.activity tbody tr');
	  return tr.cells[0].getBoundingClientRect().left > tr.cells[3].getBoundingClientRect().right; })()`) {
		t.Error("in Arabic the time is not to the right of the change")
	}
	for _, vp := range []struct {
		w, h int64
		name string
	}{{1366, 900, "activity-arabic"}, {683, 450, "activity-arabic-zoom"}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h))
		if sw, cw := eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`); sw > cw {
			t.Errorf("at %dx%d the Arabic activity page scrolls sideways: %d > %d", vp.w, vp.h, sw, cw)
		}
		// A shot of the screen as it stands: a full-page capture of a
		// right-to-left page draws it shifted off its right edge.
		b.viewShot(vp.name)
	}
	b.run(chromedp.EmulateViewport(1366, 900))

	// A filter typed as a person would that matches nothing says so.
	b.run(chromedp.SendKeys(chromedp.ID("activity-who"), "omar"), chromedp.Click(chromedp.CSS(`#activity-filter button`)))
	b.waitText(`document.getElementById('activity-none').textContent.replace(/[\u2068\u2069]/g, '')`, "لا تغيير في هذا المشروع أجراه «omar».")
	if got := eval[string](b, `document.getElementById('activity-all').textContent`); got != "كل التغييرات" {
		t.Errorf("the link back to every change reads %q", got)
	}
}
