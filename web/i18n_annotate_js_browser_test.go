package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// arabicScriptsSite is the demo article on a site whose user's interface
// is Arabic, open in a browser at a laptop's size.
func arabicScriptsSite(t *testing.T) (*site, *browser) {
	t.Helper()
	s := newSite(t, seedDoc(t))
	if err := s.store.SetLanguage(context.Background(), s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 900))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, s.docs["seed"].ID))
	if got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != "ar rtl" {
		t.Fatalf("<html> is %q, want ar rtl", got)
	}
	return s, b
}

// wantFits fails when the page is wider than the window, at 1366x900
// and at 200% zoom (half the CSS width), and puts the laptop's size back.
func (b *browser) wantFits(step string) {
	b.t.Helper()
	for _, vp := range []struct {
		w, h  int64
		scale float64
	}{{1366, 900, 1}, {683, 450, 2}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		if !eval[bool](b, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`) {
			b.t.Errorf("%s: at %dx%d (scale %g) the page is %d px wide in a %d px window", step, vp.w, vp.h, vp.scale,
				eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`))
		}
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}

// TestBrowserArabicScriptsSaveAndRefuse labels a name as an annotator
// whose interface is Arabic: the save status says so in Arabic, the
// span's label and text kept whole inside the sentence; S with no
// quotation open says in Arabic why it picks nothing; a save the server
// fails is shown in Arabic around the server's own words (isolated, so
// its English keeps its order), its dismiss button named in Arabic; undo
// says in Arabic it was undone; a note added says so in Arabic.
func TestBrowserArabicScriptsSaveAndRefuse(t *testing.T) {
	s, b := arabicScriptsSite(t)
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("1"))
	s.waitSpans(t, doc, s.user.ID, 1)
	b.waitText(`document.getElementById('save-status').textContent`, "حُفظ \u2068PER\u2069 «صباح النعمان»")

	// S with no span open and the caret outside any quotation.
	b.run(chromedp.KeyEvent("s"))
	b.waitText(`document.getElementById('save-status').textContent`,
		"S يختار القائل في الاقتباس، ولا مقطع مفتوح: افتح مقطع QUOTE أولًا (] أو انقره).")

	s.failWrites.Store(true)
	start, end = spanAt(t, doc.Text, "صباح النعمان", 1)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("2"))
	b.run(chromedp.WaitVisible(chromedp.ID("save-error")))
	s.failWrites.Store(false)
	for expr, want := range map[string]string{
		`document.getElementById('save-error-text').textContent`:                 "تعذّر حفظ المقطع: \u2068database unavailable\u2069. لم يتغير شيء؛ أعد المحاولة.",
		`document.getElementById('save-error-close').getAttribute('aria-label')`: "إخفاء رسالة الخطأ",
		`document.getElementById('save-status').textContent`:                     "",
		`String(document.querySelectorAll('#span-list .span-item').length)`:      "1",
	} {
		if got := eval[string](b, expr); got != want {
			t.Errorf("after a failed save %s = %q, want %q", expr, got, want)
		}
	}
	b.viewShot("arabic-scripts-failed-save")
	b.wantFits("a failed save")

	b.run(chromedp.Click(chromedp.ID("undo")))
	s.waitSpans(t, doc, s.user.ID, 0)
	b.waitText(`document.getElementById('save-status').textContent`, "تم التراجع وحُفظ")
	if shown := eval[bool](b, `!document.getElementById('save-error').hidden`); shown {
		t.Error("after a save that went through, the failed save's message still shows")
	}

	// A note added says so in Arabic, and its buttons are named in Arabic
	// with the author's name isolated.
	eval[bool](b, `document.getElementById('notes').open = true`)
	b.run(chromedp.SendKeys(chromedp.ID("note-body"), "من القائل هنا؟"), chromedp.Click(chromedp.ID("note-add")))
	b.waitText(`document.getElementById('note-status').textContent`, "أُضيفت الملاحظة.")
	b.waitFor(`document.querySelector('#notes-list button') !== null`)
	if got := eval[[]string](b, `[...document.querySelectorAll('#notes-list button')].map((b) => b.textContent + ' | ' + b.getAttribute('aria-label'))`); strings.Join(got, "\n") !=
		"حل | حل ملاحظة \u2068annotator\u2069 «من القائل هنا؟»\nحذف | حذف ملاحظة \u2068annotator\u2069 «من القائل هنا؟»" {
		t.Errorf("a note's buttons are %q", got)
	}
}

// TestBrowserArabicScriptsSuggestionsAndKeys asks for suggestions as an
// annotator whose interface is Arabic: the list's parts and its buttons'
// names are Arabic, an accepted suggestion says in Arabic what it stored
// and how to take it back, the list of keys opens with ? in Arabic, and
// nothing is wider than the window.
func TestBrowserArabicScriptsSuggestionsAndKeys(t *testing.T) {
	s, b := arabicScriptsSite(t)
	b.run(chromedp.Click(chromedp.ID("sug-load")))
	b.waitFor(`document.querySelectorAll('#sug-list li').length > 1`)
	kinds := eval[[]string](b, `[...new Set([...document.querySelectorAll('#sug-list .sug-kind')].map((k) => k.textContent))]`)
	for _, want := range []string{"اقتباس", "القائل", "فعل القول"} {
		if !strings.Contains(strings.Join(kinds, " "), want) {
			t.Errorf("the suggestions' parts are named %q, none %q", kinds, want)
		}
	}
	for _, sel := range []string{`#sug-list button[data-action="accept"]`, `#sug-list button[data-action="reject"]`} {
		name := eval[string](b, `document.querySelector('`+sel+`').getAttribute('aria-label')`)
		text := eval[string](b, `document.querySelector('`+sel+`').textContent`)
		if !strings.HasPrefix(name, text+" ") || (text != "قبول" && text != "رفض") {
			t.Errorf("a suggestion's button says %q, named %q: want قبول or رفض, named by it and the suggestion", text, name)
		}
	}
	b.wantFits("the suggestions")
	b.screenshot("arabic-scripts-suggestions")

	// The first suggestion, a quotation with its speaker and cue, accepted:
	// the panel counts what was stored in Arabic's forms.
	b.run(chromedp.Click(chromedp.CSS(`#sug-list li button[data-action="accept"]`)))
	b.waitFor(`document.getElementById('sug-done').textContent !== ''`)
	l, err := s.store.LayerOf(context.Background(), s.docs["seed"], s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	spans := arabicCount(len(l.Spans), "مقطع واحد", "مقطعان", "مقاطع")
	links := arabicCount(len(l.Relations), "رابط واحد", "رابطان", "روابط")
	if len(l.Spans) == 0 || len(l.Relations) == 0 {
		t.Fatalf("accepting the first suggestion stored %d spans and %d links, want a quotation with its links", len(l.Spans), len(l.Relations))
	}
	b.waitText(`document.getElementById('sug-done').textContent`, "قُبل "+spans+" و"+links+" — Ctrl+Z يتراجع عنها.")
	if got := eval[string](b, `document.getElementById('save-status').textContent`); got != "حُفظ" {
		t.Errorf("after accepting a suggestion the save status says %q, want حُفظ", got)
	}

	// The list of keys, opened with ?, in Arabic.
	b.run(chromedp.KeyEvent("?"))
	b.waitFor(`document.getElementById('keyhelp').open`)
	if english := eval[[]string](b, `[...document.querySelectorAll('#keyhelp li')].map((li) => li.textContent).filter((s) => !/[\u0600-\u06FF]/.test(s))`); len(english) > 0 {
		t.Errorf("the list of keys has lines without Arabic: %q", english)
	}
	b.wantFits("the list of keys")
	b.viewShot("arabic-scripts-keys")
}

// arabicCount is a count of 1 to 10 things as Arabic says it: one, two,
// or the number and the plural.
func arabicCount(n int, one, two, few string) string {
	switch n {
	case 1:
		return one
	case 2:
		return two
	}
	return fmt.Sprintf("%d %s", n, few)
}

// TestBrowserArabicScriptsRuleRefusal: a manager lets speaker reach PERS
// only while an annotator whose interface is Arabic has a quotation open
// whose tools offer a PER span. The link is refused in Arabic around the
// server's own reason, naming the new rule with its codes and labels
// isolated; picking a speaker then asks for a PERS span in Arabic.
func TestBrowserArabicScriptsRuleRefusal(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.setLabels(t, append(db.DefaultLabels(), db.Label{Name: "PERS", Color: "#6e56cf", Hotkey: "8"}))
	quote := s.addSpan(t, doc, "الجهاز مستمر", "QUOTE")
	per := s.addSpan(t, doc, "صباح النعمان", "PER")
	s.addSpan(t, doc, "مصطفى الكاظمي", "PERS")
	if err := s.store.SetLanguage(context.Background(), s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 900))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	if got := b.speakerChoices(); got != "PER صباح النعمان" {
		t.Fatalf("by the default rules the speaker choices are %q, want the PER span", got)
	}
	rules := db.DefaultRelationTypes()
	rules[0].To = []string{"PERS"}
	if err := s.store.SetRelationTypes(t.Context(), s.proj.ID, s.user, rules); err != nil {
		t.Fatal(err)
	}
	msg := b.messageAfter(fmt.Sprintf(`document.querySelector('#q-speaker-choices button[data-span="%d"]').click()`, per.ID))
	want := "لم يتغير شيء. تغيّرت قواعد روابط المشروع منذ تحميل هذه الصفحة: أدوات الاقتباس تتبعها الآن (صار \u2068speaker\u2069 يربط \u2068QUOTE\u2069 بـ\u2068PERS\u2069)."
	if !strings.HasPrefix(msg, "تعذّر ربط القائل: ") || !strings.HasSuffix(msg, want) {
		t.Errorf("a link the new rule refuses says %q, want it to end %q", msg, want)
	}
	b.waitFor(`document.getElementById('q-speaker-choices').textContent.includes('PERS')`)
	b.run(chromedp.Click(chromedp.ID("q-pick-speaker")))
	b.waitText(`document.getElementById('save-status').textContent`,
		"انقر القائل (مقطع \u2068PERS\u2069) في النص، أو اختره من قائمة المرشحين، الأقرب أولًا؛ Escape يوقف الاختيار.")
	b.wantFits("a link refused by the rules")
	b.viewShot("arabic-scripts-rule-refusal")
}
