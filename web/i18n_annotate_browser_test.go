package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserArabicAnnotate is an annotator whose interface is Arabic at
// work on the demo article: the page runs right to left with its
// headings, toolbar and panels in Arabic while the label buttons keep
// their labels' names; a span made with the mouse and two with keys show
// in the span list and the quotations panel in Arabic; Mark done shows
// the warning in Arabic, asks its question in Arabic and the next
// document says in Arabic which was finished; the finished layer says
// why it is read only. Nothing scrolls sideways at 1366x900 nor at 200%
// zoom, where the span editor still opens on the screen.
func TestBrowserArabicAnnotate(t *testing.T) {
	ctx := context.Background()
	second := codec.Doc{Line: 2, ExternalID: "second", Text: "قال الوزير إن الاجتماع مستمر.", Meta: json.RawMessage(`{}`)}
	s := newSite(t, seedDoc(t), second)
	doc := s.docs["seed"]
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	if _, err := s.store.Assign(ctx, s.proj.ID, s.user, db.AssignRequest{User: "layla", ExternalIDs: []string{"seed", "second"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetLanguage(ctx, layla, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.relogin(s.url, "layla")
	b.openAsIs(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	b.wantTexts("the empty page", map[string]string{
		`document.documentElement.lang + ' ' + document.documentElement.dir`:               "ar rtl",
		`document.querySelector('.crumbs').getAttribute('aria-label')`:                     "مسار التنقل",
		`document.querySelector('.crumbs a').textContent`:                                  "المشاريع",
		`document.getElementById('label-bar').getAttribute('aria-label')`:                  "الوسوم",
		`document.getElementById('undo').textContent`:                                      "تراجع",
		`document.getElementById('redo').textContent`:                                      "إعادة",
		`document.getElementById('mark-done').textContent`:                                 "أنهيت المستند",
		`document.querySelector('label[for="find-q"]').textContent`:                        "بحث في النص",
		`document.getElementById('find-next').textContent`:                                 "التالي",
		`document.getElementById('doc').getAttribute('aria-label')`:                        "نص المستند",
		`document.getElementById('sug-title').textContent`:                                 "الاقتراحات",
		`document.getElementById('sug-load').textContent`:                                  "اقتراح اقتباسات وأسماء",
		`document.getElementById('note-add').textContent`:                                  "إضافة الملاحظة",
		`document.querySelector('#quote-list .empty').textContent`:                         "لا اقتباسات بعد. ضع على اقتباس الوسم \u2068QUOTE\u2069، ثم اختر قائله.",
		`document.querySelector('#span-list .empty').textContent`:                          "لا مقاطع بعد. حدِّد نصًّا، ثم اضغط مفتاح وسم أو انقر الوسم.",
		`document.getElementById('layer-status').textContent`:                              "جديد",
		`document.querySelector('#keyhelp summary').textContent`:                           "لوحة المفاتيح (?)",
		`document.getElementById('label-keys').textContent`:                                "اضغط مفتاح الوسم (\u20681 PER, 2 ORG, 3 LOC, 4 GPE, 5 DATE, 6 QUOTE, 7 CUE\u2069) أو انقر الوسم لإنشاء مقطع.",
		`[...document.querySelectorAll('.side > h2')].map((h) => h.textContent).join('|')`: "الاقتباسات|المقاطع",
	})
	b.wantTexts("the head", map[string]string{layerLineJS: "طبقتك (جديد)"})
	// A label button is named by its label, the Arabic page around it
	// notwithstanding: its key is hidden from its name.
	if got := eval[string](b, `[...document.querySelectorAll('#label-bar .label-btn')].map((el) => (el.getAttribute('aria-label') || '') + [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('')).join(' ')`); got != "PER ORG LOC GPE DATE QUOTE CUE" {
		t.Errorf("the label buttons are named %q", got)
	}
	if left := eval[[]string](b, fmt.Sprintf(englishLeftJS, `['PER', 'ORG', 'LOC', 'QUOTE', 'CUE', 'GPE', 'DATE', 'Demo', 'layla', 'seed']`)); len(left) > 0 {
		t.Errorf("the annotation page in Arabic still shows English:\n  %s", strings.Join(left, "\n  "))
	}

	// A speaker with the mouse, a quotation and an organisation with keys.
	ps, pe := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(ps, pe)
	b.run(chromedp.Click(chromedp.CSS(`button.label-btn[data-label="PER"]`)))
	s.waitSpans(t, doc, layla.ID, 1)
	b.waitFor(`document.querySelectorAll('#span-list .span-item').length === 1`) // the page redrawn
	qs, qe := spanAt(t, doc.Text, "الجهاز مستمر في عملياته", 0)
	b.dragSelect(qs, qe)
	b.run(chromedp.KeyEvent("6"))
	s.waitSpans(t, doc, layla.ID, 2)
	b.waitFor(`document.querySelectorAll('#span-list .span-item').length === 2`) // the page redrawn
	os, oe := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 1)
	b.dragSelect(os, oe)
	b.run(chromedp.KeyEvent("2"))
	spans := s.waitSpans(t, doc, layla.ID, 3)
	for _, want := range []struct {
		start, end int
		label      string
	}{{ps, pe, "PER"}, {qs, qe, "QUOTE"}, {os, oe, "ORG"}} {
		if !hasSpan(spans, want.start, want.end, want.label) {
			t.Errorf("the layer lacks %s %d..%d: %+v", want.label, want.start, want.end, spans)
		}
	}
	b.waitFor(`document.querySelectorAll('#span-list .span-item').length === 3 && document.querySelectorAll('#quote-list li').length === 1`)
	b.wantTexts("three spans", map[string]string{
		`[...document.querySelectorAll('#span-list .span-item .tag')].map((t) => t.textContent).sort().join(' ')`: "ORG PER QUOTE",
		`document.querySelector('#quote-list .q-speaker').textContent.replace(/\s+/g, ' ').trim()`:                "القائل: لا أحد بعد",
		`document.querySelector('#quote-list .q-cue').textContent.replace(/\s+/g, ' ').trim()`:                    "فعل القول: —",
		`document.getElementById('layer-status').textContent`:                                                     "قيد العمل",
	})
	b.checkReflow("the annotation page in Arabic", 1366, 900)
	b.viewShot("arabic-annotate")

	// The list of keys, opened with ?, and the notes: in Arabic, on the
	// screen, the keys and label names kept whole.
	b.run(chromedp.Focus(chromedp.ID("doc")), chromedp.KeyEvent("?"))
	b.waitFor(`document.getElementById('keyhelp').open`)
	if got := eval[string](b, `document.querySelector('#keyhelp li').textContent`); got != "\u2068?\u2069 يفتح هذه القائمة، و\u2068Escape\u2069 أو \u2068?\u2069 يغلقها." {
		t.Errorf("the list of keys starts %q", got)
	}
	if !eval[bool](b, `(() => { const r = document.getElementById('keyhelp').getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; })()`) {
		t.Error("in Arabic the list of keys runs off the screen")
	}
	b.checkReflow("the list of keys in Arabic", 1366, 900)
	b.viewShot("arabic-annotate-keys")
	b.run(chromedp.KeyEvent(kb.Escape))
	b.run(chromedp.Click(chromedp.CSS(`#notes summary`)))
	b.waitFor(`document.getElementById('notes').open`)
	b.wantTexts("the notes", map[string]string{
		`document.querySelector('label[for="note-body"]').textContent`:         "إضافة ملاحظة",
		`document.getElementById('notes-title').firstChild.textContent.trim()`: "الملاحظات",
	})
	b.checkReflow("the notes in Arabic", 1366, 900)
	b.run(chromedp.Click(chromedp.CSS(`#notes summary`)))

	// The quotation open in the span editor: its tools in Arabic.
	b.clickChar(qs + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	b.wantTexts("the span editor", map[string]string{
		`document.getElementById('delete-span').textContent`:                  "حذف المقطع",
		`document.getElementById('label-occurrences').textContent`:            "وسم كل المواضع",
		`document.getElementById('q-pick-speaker').textContent`:               "اختيار القائل (S)",
		`document.getElementById('q-join').textContent`:                       "ضمّ إلى الاقتباس السابق",
		`document.querySelector('#quote-tools legend').textContent`:           "النوع",
		`document.getElementById('editor-close').textContent`:                 "إغلاق",
		`document.getElementById('editor-labels').getAttribute('aria-label')`: "تغيير الوسم",
	})
	if !eval[bool](b, `(() => { const e = document.getElementById('span-editor').getBoundingClientRect(), d = document.getElementById('doc').getBoundingClientRect(); return e.right <= d.left + 1 && e.left >= 0; })()`) {
		t.Error("in Arabic the span editor is not beside the text, on its left")
	}
	b.viewShot("arabic-annotate-editor")
	b.run(chromedp.KeyEvent(kb.Escape))

	// At 200% zoom: half the CSS width, nothing scrolls sideways and the
	// editor opens on the screen.
	b.run(chromedp.EmulateViewport(683, 450, chromedp.EmulateScale(2)))
	b.checkReflow("the annotation page in Arabic", 683, 450)
	b.screenshot("arabic-annotate-zoom")
	b.clickChar(os + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	if !eval[bool](b, `(() => { const r = document.getElementById('span-editor').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.height > 0; })()`) {
		t.Error("at 200% zoom the span editor opens outside the screen")
	}
	b.checkReflow("the span editor in Arabic", 683, 450)
	b.viewShot("arabic-annotate-zoom-editor")
	b.run(chromedp.KeyEvent(kb.Escape))
	b.run(chromedp.EmulateViewport(1366, 900))

	// Mark done while the quotation lacks a speaker: the warning, in
	// Arabic; Mark done anyway asks in Arabic, and the next document says
	// which one was finished.
	b.run(chromedp.Click(chromedp.ID("mark-done")))
	b.waitFor(`!document.getElementById('quote-warning').hidden`)
	b.wantTexts("the warning", map[string]string{
		`document.getElementById('warn-title').textContent`:       "اقتباسات بلا قائل",
		`document.getElementById('mark-done-anyway').textContent`: "أنهيت المستند على أي حال",
	})
	b.viewShot("arabic-annotate-warning")
	asked := b.answerDialogs("أتنهي هذا المستند؟", func() bool { return true })
	b.run(chromedp.Click(chromedp.ID("mark-done-anyway")))
	b.waitFor(`document.getElementById('form-notice') !== null`)
	if asked.Load() != 1 {
		t.Errorf("Mark done anyway asked %d questions in Arabic, want 1", asked.Load())
	}
	b.wantTexts("the next document", map[string]string{
		`document.getElementById('form-notice').textContent`:                      "أُنهي \u2068seed\u2069. هذا هو المستند التالي غير المنجز في قائمة عملك.",
		`document.querySelector('.crumbs').textContent.trim().split(/\s+/).pop()`: "second",
	})

	// The finished layer is read only and says so in Arabic.
	b.openAsIs(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.wantTexts("the finished layer", map[string]string{
		`document.getElementById('layer-status').textContent`:                              "منجز",
		`document.getElementById('readonly-note').textContent.replace(/\s+/g, ' ').trim()`: "· للقراءة فقط حتى يعيد مدير فتحها. المستند التالي في قائمة عملك",
	})
	b.checkReflow("the finished layer in Arabic", 1366, 900)
	b.viewShot("arabic-annotate-done")
}

// wantTexts checks what each expression gives, step naming when.
func (b *browser) wantTexts(step string, want map[string]string) {
	b.t.Helper()
	for expr, w := range want {
		if got := eval[string](b, expr); got != w {
			b.t.Errorf("%s: %s = %q, want %q", step, expr, got, w)
		}
	}
}

// layerLineJS is the line naming the layer shown, with its status,
// without the links to other layers or why it is read only.
const layerLineJS = `(() => { const info = document.querySelector('.layer-info').cloneNode(true); info.querySelectorAll('nav, #readonly-note').forEach((el) => el.remove()); return info.textContent.replace(/\s+/g, ' ').trim(); })()`

// TestBrowserArabicAnnotateReviewer is a reviewer whose interface is
// Arabic: an annotator's layer says in Arabic why it is read only, the
// annotator's name kept whole in the sentence; gold's quotations panel
// points from a speaker to the entity it refers to right to left; and
// gold's warning of a quotation without a speaker reads in Arabic. No
// page scrolls sideways at 1366x900 nor at 200% zoom.
func TestBrowserArabicAnnotateReviewer(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	rana := addSiteMember(t, s, "rana", db.RoleReviewer)
	if err := s.store.SetLanguage(ctx, rana, "ar"); err != nil {
		t.Fatal(err)
	}
	span := func(owner int64, word string, nth int, label string) db.Span {
		start, end := spanAt(t, doc.Text, word, nth)
		sp, err := s.store.CreateSpan(ctx, doc, owner, s.user.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	link := func(kind string, from, to db.Span) {
		if _, err := s.store.CreateRelation(ctx, doc, 0, s.user.ID, db.RelationInput{Type: kind, From: from.ID, To: to.ID}); err != nil {
			t.Fatal(err)
		}
	}
	span(layla.ID, "صباح النعمان", 0, "PER")
	quote := span(0, "الجهاز مستمر في عملياته", 0, "QUOTE")
	speaker := span(0, "الناطق باسم الجهاز", 0, "PER")
	link("speaker", quote, speaker)
	link("refers_to", speaker, span(0, "صباح النعمان", 0, "PER"))
	span(0, "هناك متابعة من قبل رئيس الوزراء", 0, "QUOTE")

	b := newBrowser(t, s)
	b.relogin(s.url, "rana")
	b.openAsIs(fmt.Sprintf("%s/documents/%d?layer=layla", s.url, doc.ID))
	b.wantTexts("layla's layer", map[string]string{
		`document.documentElement.lang + ' ' + document.documentElement.dir`:                 "ar rtl",
		`document.getElementById('readonly-note').textContent.replace(/\s+/g, ' ').trim()`:   "· للقراءة فقط: هذه طبقة layla. افتح طبقتك لتوسم فيها.",
		`document.querySelector('#readonly-note bdi').textContent`:                           "layla",
		`document.querySelector('nav.layers').getAttribute('aria-label')`:                    "الطبقات",
		`[...document.querySelectorAll('nav.layers a')].map((a) => a.textContent).join('|')`: "طبقتي|الطبقة الذهبية|layla|مقارنة وقبول في الطبقة الذهبية",
		`document.getElementById('doc').dataset.readonlyReason`:                              "هذه طبقة \u2068layla\u2069: إنها للقراءة فقط. افتح طبقتك لتوسم فيها.",
	})
	b.wantTexts("the head of layla's layer", map[string]string{layerLineJS: "طبقة layla (قيد العمل)"})
	b.checkReflow("an annotator's layer in Arabic", 1366, 900)
	b.viewShot("arabic-annotate-other-layer")

	b.openAsIs(fmt.Sprintf("%s/documents/%d?layer=gold&warn=quotes", s.url, doc.ID))
	b.wantTexts("gold", map[string]string{
		`document.querySelector('.layer-info strong').textContent`:                                               "الطبقة الذهبية",
		`document.getElementById('warn-title').textContent`:                                                      "اقتباسات بلا قائل",
		`document.querySelector('#quote-warning .warn-how a').textContent`:                                       "صفحة المراجعة",
		`document.querySelector('#quote-list li[data-said] .q-speaker').textContent.replace(/\s+/g, ' ').trim()`: "القائل: الناطق باسم الجهاز ← صباح النعمان",
	})
	b.wantTexts("the head of gold", map[string]string{layerLineJS: "الطبقة الذهبية (قيد العمل)"})
	// The arrow runs right to left, from the speaker to its referent.
	if !eval[bool](b, `(() => { const [from, to] = document.querySelectorAll('#quote-list li[data-said] .q-speaker bdi'); return from.getBoundingClientRect().left > to.getBoundingClientRect().right; })()`) {
		t.Error("in Arabic the speaker does not stand right of the entity it refers to")
	}
	b.checkReflow("gold in Arabic", 1366, 900)
	b.viewShot("arabic-annotate-gold")
	b.run(chromedp.EmulateViewport(683, 450, chromedp.EmulateScale(2)))
	b.checkReflow("gold in Arabic", 683, 450)
	b.viewShot("arabic-annotate-gold-zoom")
}
