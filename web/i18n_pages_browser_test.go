package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserChoosesArabicInSettings picks العربية in Settings as a
// person would: the page comes back right to left, its frame in Arabic,
// the choice selected; "As my browser asks" brings English back for a
// browser that asks for English.
func TestBrowserChoosesArabicInSettings(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(s.url+"/settings"), chromedp.WaitVisible(chromedp.ID("lang")))
	if got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir + ' ' + document.querySelector('h1').textContent`); got != "en ltr Settings" {
		t.Fatalf("before choosing, the page is %q", got)
	}
	b.run(chromedp.SetValue(chromedp.ID("lang"), "ar"), chromedp.Click(chromedp.CSS(`form[action="/settings/language"] button`)))
	b.waitText(`document.querySelector('h1').textContent`, "الإعدادات")
	b.waitLoaded()
	for expr, want := range map[string]string{
		`document.documentElement.lang + ' ' + document.documentElement.dir`:  "ar rtl",
		`document.querySelector('[role=status]').textContent`:                 "حُفظت لغة الواجهة.",
		`document.getElementById('lang').value`:                               "ar",
		`document.querySelector('form[action="/logout"] button').textContent`: "تسجيل الخروج",
		`document.querySelector('.skip').textContent`:                         "انتقل إلى المحتوى",
		`document.title`: "الإعدادات · حاشية",
	} {
		if got := eval[string](b, expr); got != want {
			t.Errorf("%s = %q, want %q", expr, got, want)
		}
	}
	// Right to left: the brand stands at the right end of the bar, the
	// logout button at the left.
	if !eval[bool](b, `document.querySelector('.brand').getBoundingClientRect().left > document.querySelector('form[action="/logout"]').getBoundingClientRect().right`) {
		t.Error("in Arabic the brand is not to the right of the logout button")
	}
	b.screenshot("settings-arabic")
	b.run(chromedp.SetValue(chromedp.ID("lang"), ""), chromedp.Click(chromedp.CSS(`form[action="/settings/language"] button`)))
	b.waitText(`document.querySelector('h1').textContent`, "Settings")
	b.waitLoaded()
	if got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != "en ltr" {
		t.Errorf("following a browser that asks for English, the page is %q", got)
	}
	// Before logging in: the login page offers العربية, and the choice
	// holds through the login.
	b.run(chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("username")))
	// The login page must have finished loading before its button is
	// pressed: a node found while the page still loads may be gone by
	// the time the click reaches it.
	b.waitLoaded()
	b.run(chromedp.Click(chromedp.CSS(`form[action="/language"] button[value="ar"]`)))
	b.waitText(`document.querySelector('label[for=username]').textContent`, "اسم المستخدم")
	b.waitLoaded()
	if got := eval[string](b, `document.documentElement.dir + ' ' + document.querySelector('form[action="/language"] button').textContent`); got != "rtl English" {
		t.Errorf("the Arabic login page is %q, want rtl and a button back to English", got)
	}
	b.run(chromedp.SendKeys(chromedp.ID("username"), "annotator"), chromedp.SendKeys(chromedp.ID("password"), sitePassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type="submit"]`)))
	b.waitText(`location.pathname + ' ' + document.documentElement.lang`, "/ ar")
}

// waitText waits until expr gives want, failing with what it gave.
func (b *browser) waitText(expr, want string) {
	b.t.Helper()
	var got string
	for i := 0; i < 200; i++ {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => { try { return `+expr+`; } catch (e) { return ''; } })()`))
		if err == nil && v == want {
			return
		}
		got = v
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("%s = %q, want %q", expr, got, want)
}

// englishLeftJS lists the visible headings, buttons, labels, table
// headers, links and summaries outside the document's text whose words
// hold Latin letters but no Arabic one, besides what stays as it is in
// an Arabic interface (label names, user and project names, codes).
const englishLeftJS = `((keep) => {
  const latin = /[A-Za-z]{2,}/, arabic = /[\u0600-\u06FF]/;
  const out = [];
  for (const el of document.querySelectorAll('h1, h2, h3, button, label, th, summary, a, legend, caption, [role=status], .hint, .empty')) {
    if (el.closest('#doc, .doc, .cmp-text, code, bdi, pre, .span-text, .preview, .q-text, [lang="en"]') || !el.checkVisibility()) continue;
    let text = '';
    const walk = (n) => { for (const c of n.childNodes) {
      if (c.nodeType === 3) text += c.textContent;
      else if (c.nodeType === 1 && !c.matches('bdi, code, kbd, .label-name, .chip, [lang="en"]')) walk(c);
    } };
    walk(el);
    for (const k of keep) text = text.split(k).join(' ');
    text = text.trim();
    if (latin.test(text) && !arabic.test(text)) out.push(el.tagName.toLowerCase() + ': ' + text.replace(/\s+/g, ' ').slice(0, 80));
  }
  return [...new Set(out)];
})(%s)`

// TestBrowserArabicPagesAccessible opens every kind of page as an admin
// whose interface is Arabic: each says lang="ar" dir="rtl", reflows
// without scrolling sideways at a laptop's width, 200%% zoom and 320 px,
// names every control, passes axe-core's WCAG A and AA rules, and shows
// its headings, buttons, labels and links in Arabic.
func TestBrowserArabicPagesAccessible(t *testing.T) {
	src := axeScript(t)
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	span := func(owner int64, word string, nth int, label string) db.Span {
		start, end := spanAt(t, doc.Text, word, nth)
		sp, err := s.store.CreateSpan(ctx, doc, owner, owner, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	quote := span(s.user.ID, "الجهاز مستمر", 0, "QUOTE")
	speaker := span(s.user.ID, "صباح النعمان", 0, "PER")
	span(s.user.ID, "صباح النعمان", 1, "ORG")
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: speaker.ID}); err != nil {
		t.Fatal(err)
	}
	span(layla.ID, "صباح النعمان", 0, "PER")
	if _, err := s.store.AddNote(ctx, doc, s.user, db.NoteInput{Body: "هل هو الناطق نفسه؟"}); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetLanguage(ctx, s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	// What an Arabic page keeps as it is: the project's label names, the
	// names of people, the project and the document, formats and keys.
	kept := []string{"Demo", "annotator", "layla", "seed", "JSONL", "UTC", "API", "CSV", "doccano", "CoNLL", "Hashiya", "speaker", "cue", "refers_to", "Ctrl", "Shift", "Esc", "Enter", "Tab"}
	for _, l := range db.DefaultLabels() {
		kept = append(kept, l.Name)
	}
	keepJSON, err := json.Marshal(kept)
	if err != nil {
		t.Fatal(err)
	}
	keep := string(keepJSON)
	project, annotate := fmt.Sprintf("/projects/%d", s.proj.ID), fmt.Sprintf("/documents/%d", doc.ID)
	for _, path := range []string{
		"/", project, annotate, annotate + "/review", annotate + "/review/compare",
		project + "/agreement", project + "/consistency", project + "/progress", project + "/activity",
		"/settings", "/admin/users", project + "/delete", "/projects/999999",
	} {
		if path == annotate {
			b.open(s.url + path)
			b.clickChar(quote.Start + 2)
			b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
		} else {
			b.run(chromedp.Navigate(s.url + path))
			b.waitLoaded()
			b.openAll()
		}
		if got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != "ar rtl" {
			t.Errorf("%s: <html> is %q, want ar rtl", path, got)
		}
		if left := eval[[]string](b, fmt.Sprintf(englishLeftJS, keep)); len(left) > 0 {
			t.Errorf("%s in Arabic still shows English:\n  %s", path, strings.Join(left, "\n  "))
		}
		b.checkAccessible(path + " in Arabic")
		b.checkAxe(src, path+" in Arabic", axeLaptop, axeSmall[1])
		b.screenshot("arabic" + strings.NewReplacer("/", "-", "0", "", "1", "", "2", "", "3", "", "4", "", "5", "", "6", "", "7", "", "8", "", "9", "").Replace(path))
	}
}
