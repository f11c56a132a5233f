package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/components"
	"hashiya/db"
)

// manageSections are the parts of the project page only a manager sees.
const manageSections = "#import, #labels, #relation-types, #guidelines, #members, #assignments"

// manageEnglishLeftJS is englishLeftJS within the manager's sections,
// options and placeholders included.
var manageEnglishLeftJS = strings.Replace(englishLeftJS,
	`'h1, h2, h3, button, label, th, summary, a, legend, caption, [role=status], .hint, .empty'`,
	`':is(`+manageSections+`) :is(h2, h3, button, label, th, a, [role=status], .hint, .empty, option, optgroup)'`, 1)

// arabicOf is msg as an Arabic page says it, failing when it has no
// Arabic: a test of a translated page holds it to the catalogue.
func arabicOf(t *testing.T, format string, args ...any) string {
	t.Helper()
	ar := components.WithLang(context.Background(), components.Arabic)
	if components.T(ar, format) == format {
		t.Fatalf("%q has no Arabic entry", format)
	}
	return components.Tf(ar, format, args...)
}

// TestBrowserArabicManage: a manager whose interface is Arabic sees the
// project page's manager sections in Arabic, right to left, with
// nothing in English but names and codes; a refusal of the store keeps
// its English words inside an Arabic frame, one the web words is Arabic
// whole; an import with bad lines says in Arabic that nothing was
// imported and how many lines were bad, listing them as the server
// wrote them; removing a member asks in Arabic first; the page fits a
// laptop's window and the same at 200% zoom.
func TestBrowserArabicManage(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	addSiteMember(t, s, "layla", db.RoleAnnotator)
	if err := s.store.SetLanguage(ctx, s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	b.run(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(project))
	b.waitLoaded()
	if got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != "ar rtl" {
		t.Fatalf("<html> is %q, want ar rtl", got)
	}
	for expr, want := range map[string]string{
		`document.getElementById('import-title').textContent`:                                     arabicOf(t, "Import documents"),
		`document.getElementById('labels-title').textContent`:                                     arabicOf(t, "Labels"),
		`document.getElementById('guidelines-title').textContent`:                                 arabicOf(t, "Guidelines"),
		`document.getElementById('members-title').textContent`:                                    arabicOf(t, "Members"),
		`document.getElementById('assign-title').textContent`:                                     arabicOf(t, "Assignment"),
		`document.querySelector('#labels-form button[type=submit]').textContent`:                  "حفظ الوسوم",
		`document.querySelector('#member-form button[type=submit]').textContent`:                  "إضافة عضو أو تغيير دوره",
		`document.querySelector('#auto-form button[type=submit]').textContent`:                    "إسناد تلقائي",
		`document.querySelector('#labels-form tbody tr:last-child input[name=name]').placeholder`: "وسم جديد",
		`document.querySelector('#labels-form tbody input[name=name]').ariaLabel`:                 "اسم الوسم 1",
		`document.querySelector('button[aria-label="إزالة \u2068layla\u2069"]').textContent`:      arabicOf(t, "Remove"),
		`document.querySelector('#import-progress').ariaLabel`:                                    "الرفع",
	} {
		if got := eval[string](b, expr); got != want {
			t.Errorf("%s = %q, want %q", expr, got, want)
		}
	}
	keep := `['PER', 'ORG', 'LOC', 'QUOTE', 'CUE', 'GPE', 'DATE', 'PERS', 'Demo', 'layla', 'JSONL', 'JSON', 'UTF-16', 'MiB', 'API', 'doccano', 'CoNLL', 'Label Studio', 'speaker', 'cue', 'segment', 'refers_to', 'hashiya']`
	if left := eval[[]string](b, fmt.Sprintf(manageEnglishLeftJS, keep)); len(left) > 0 {
		t.Errorf("the manager's sections in Arabic still show English:\n  %s", strings.Join(left, "\n  "))
	}
	// The ticked documents' count is the script's.
	b.run(chromedp.Click(chromedp.CSS(`input[type=checkbox][name=doc][form=assign-form]`)))
	b.waitText(`document.getElementById('ticked-count').textContent`, "حُدِّد مستند واحد")

	// Label Studio of every layer: the export form says in Arabic that
	// it moved to gold.
	eval[bool](b, `(() => { const l = document.getElementById('export-layer'), f = document.getElementById('export-format');
	  l.value = 'all'; f.value = 'label-studio'; f.dispatchEvent(new Event('change', {bubbles: true})); return l.value === 'gold'; })()`)
	if got, want := eval[string](b, `document.getElementById('export-choice').textContent`), "«"+arabicOf(t, "Label Studio JSON (one layer)")+"» تحمل طبقة واحدة: اختيرت الطبقة الذهبية."; got != want {
		t.Errorf("the export form says %q, want %q", got, want)
	}

	// Removing a member asks in Arabic; Cancel keeps her.
	question := arabicOf(t, "Remove %s from the project? Their layers are kept.", "layla")
	asked := b.answerDialogs(question, func() bool { return false })
	b.run(chromedp.Click(chromedp.CSS("button[aria-label=\"إزالة \u2068layla\u2069\"]")))
	for deadline := time.Now().Add(10 * time.Second); asked.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(30 * time.Millisecond)
	}
	if asked.Load() != 1 {
		t.Fatalf("removing layla asked %d times %q", asked.Load(), question)
	}
	if ms, err := s.store.Members(ctx, s.proj.ID); err != nil || len(ms) != 1 || ms[0].User.Name != "layla" {
		t.Fatalf("after Cancel the project's members are %+v (%v), want layla", ms, err)
	}

	// A label set the store refuses: its words in English, framed in Arabic.
	b.run(chromedp.SetValue(chromedp.CSS(`#labels-form tbody tr:nth-child(2) input[name=hotkey]`), "1"),
		chromedp.Click(chromedp.CSS(`#labels-form button[type=submit]`)))
	b.waitFor(`document.readyState === 'complete' && !!document.getElementById('form-error')`)
	if got := eval[string](b, `document.getElementById('form-error').firstChild.textContent.trim()`); got != "رُفض الطلب:" {
		t.Errorf("a refusal of the store is framed %q", got)
	}
	if got := eval[string](b, `(e => e ? e.dir + ' ' + e.lang + ' ' + /[a-z]/.test(e.textContent) : 'none')(document.querySelector('#form-error bdi'))`); got != "ltr en true" {
		t.Errorf("the store's words in an Arabic frame: %s", got)
	}
	b.screenshot("arabic-manage-refused")

	// A member nobody has: the web's words, Arabic whole, with its link.
	b.run(chromedp.Navigate(project+"#members"), chromedp.WaitVisible(chromedp.ID("member-name")),
		chromedp.SendKeys(chromedp.ID("member-name"), "nadia"),
		chromedp.Click(chromedp.CSS(`#member-form button[type=submit]`)))
	b.waitFor(`document.readyState === 'complete' && !!document.getElementById('refusal-link')`)
	if got, want := eval[string](b, `document.getElementById('form-error').textContent.replace(/\s+/g, ' ').trim()`),
		arabicOf(t, "there is no user %s: create the account on the Users page first, then add it here", `"nadia"`)+". "+arabicOf(t, "Open the Users page"); got != want {
		t.Errorf("an unknown member is refused with %q, want %q", got, want)
	}

	// An import with two bad lines: the framing Arabic, the lines English.
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"b1","text":"نص","label":[[0,2,"NOPE"]]}`+"\n"+`{"id":"b2","text":"abc","label":[[0,9,"PER"]]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Navigate(project), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{bad}),
		chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitText(`document.getElementById('import-status').textContent`, "لم يُستورد شيء.")
	if got := eval[string](b, `document.querySelector('#import-errors p').textContent`); got != "رُفض الاستيراد بسبب سطرين معيبين:" {
		t.Errorf("the import's refusal is headed %q", got)
	}
	if got := eval[[]string](b, `[...document.querySelectorAll('#import-errors li')].map((li) => li.dir + ' ' + li.textContent.slice(0, 15))`); len(got) != 2 || got[0] != "auto broken.jsonl:1:" || got[1] != "auto broken.jsonl:2:" {
		t.Errorf("the bad lines are listed as %q", got)
	}
	b.screenshot("arabic-manage-import-refused")

	// A good import says what it did in Arabic.
	good := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(good, []byte(`{"id":"n1","text":"قال الرئيس","label":[[4,10,"PER"]]}`+"\n"+`{"id":"n2","text":"وصل الوفد إلى بغداد","label":[[14,19,"LOC"]]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Navigate(project), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{good}),
		chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	ar := components.WithLang(ctx, components.Arabic)
	summary := components.ImportSummary(ar, components.ImportCounts{Documents: 2, Spans: 2, Layer: "gold"})
	b.waitText(`document.getElementById('import-status').firstChild.textContent`, summary+". ")
	if got := eval[string](b, `document.querySelector('#import-status a').textContent`); got != "اعرض قائمة المستندات من جديد" {
		t.Errorf("the link after an import says %q", got)
	}

	// Nothing wider than the window, on a laptop and at 200% zoom.
	b.run(chromedp.Navigate(project))
	b.waitLoaded()
	b.checkReflow("the project page in Arabic", 1366, 900)
	b.screenshot("arabic-manage")
	b.run(chromedp.EmulateViewport(683, 450, chromedp.EmulateScale(2)))
	b.waitFor(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
	b.checkReflow("the project page in Arabic at 200% zoom", 683, 450)
	b.screenshot("arabic-manage-zoomed")
	b.run(chromedp.EmulateViewport(1366, 900))
}

// TestBrowserArabicManageConfirmPages: in Arabic, the page confirming the
// deletion of ticked documents and the one confirming a labels file's
// replacement say what they take and change in Arabic, right to left,
// label names and file names kept in their own direction, and fit the
// window at 200% zoom.
func TestBrowserArabicManageConfirmPages(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	if err := s.store.SetLanguage(ctx, s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	b.run(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(project))
	b.waitLoaded()
	b.run(chromedp.Click(chromedp.CSS(`input[type=checkbox][name=doc][form=assign-form]`)),
		chromedp.Click(chromedp.ID("delete-docs")))
	b.waitFor(`!!document.getElementById('delete-summary')`)
	b.waitLoaded()
	ar := components.WithLang(ctx, components.Arabic)
	for expr, want := range map[string]string{
		`document.documentElement.dir`:                                             "rtl",
		`document.querySelector('h1').textContent`:                                 "أتحذف مستندًا واحدًا؟",
		`document.getElementById('delete-confirm').textContent`:                    "حذف المستند نهائيًّا",
		`document.getElementById('delete-cancel').textContent`:                     "إلغاء الأمر",
		`document.querySelector('#delete-docs tbody td:nth-child(4)').textContent`: "لا توجد",
	} {
		if got := eval[string](b, expr); got != want {
			t.Errorf("delete page: %s = %q, want %q", expr, got, want)
		}
	}
	if got := eval[string](b, `document.getElementById('delete-summary').textContent`); !strings.HasPrefix(got, "سيُحذف بهذا "+components.Tn(ar, 1, "1 document", "%d documents")+"، و") || !strings.Contains(got, "طبقة موسِّم واحدة") {
		t.Errorf("the delete page says %q", got)
	}
	b.checkReflow("deleting documents in Arabic", 1366, 900)
	b.viewShot("arabic-delete-documents")

	// A labels file adding WORK and a rule: the page says so in Arabic.
	file := filepath.Join(t.TempDir(), "labels.json")
	set := db.LabelSet{Labels: append(db.DefaultLabels(), db.Label{Name: "WORK", Color: "#123456", Hotkey: "8"}),
		RelationTypes: append(db.DefaultRelationTypes(), db.RelationType{Name: "mentions", From: []string{}, To: []string{"WORK"}})}
	body, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, body, 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Navigate(project+"#labels-file"), chromedp.WaitVisible(chromedp.ID("labels-file-input")),
		chromedp.SetUploadFiles(chromedp.ID("labels-file-input"), []string{file}),
		chromedp.Click(chromedp.CSS(`#labels-file-form button[type=submit]`)))
	b.waitFor(`!!document.getElementById('replace-form')`)
	b.waitLoaded()
	for expr, want := range map[string]string{
		`document.querySelector('h1').textContent`:                   "أتستبدل وسوم Demo؟",
		`document.getElementById('replace-added-title').textContent`: "وسوم مضافة (1)",
		`document.getElementById('replace-added').textContent`:       "WORK (\u2068#123456\u2069، المفتاح \u20688\u2069)",
		`document.getElementById('replace-confirm').textContent`:     "استبدال مجموعة الوسوم",
		`document.querySelector('#replace-added bdi').dir`:           "rtl",
	} {
		if got := eval[string](b, expr); got != want {
			t.Errorf("replace page: %s = %q, want %q", expr, got, want)
		}
	}
	b.checkReflow("replacing labels in Arabic", 1366, 900)
	b.viewShot("arabic-replace-labels")
	b.run(chromedp.EmulateViewport(683, 450, chromedp.EmulateScale(2)))
	b.waitFor(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
	b.checkReflow("replacing labels in Arabic at 200% zoom", 683, 450)
	b.viewShot("arabic-replace-labels-zoomed")
	b.run(chromedp.EmulateViewport(1366, 900))

	// The project's name typed wrong: nothing deleted, said in Arabic.
	b.run(chromedp.Navigate(project+"/delete"), chromedp.WaitVisible(chromedp.ID("delete-name")),
		chromedp.SendKeys(chromedp.ID("delete-name"), "demo"),
		chromedp.Click(chromedp.ID("delete-confirm")))
	b.waitFor(`!!document.getElementById('delete-error')`)
	if got, want := eval[string](b, `document.getElementById('delete-error').textContent`), arabicOf(t, "Nothing was deleted: what you typed is not the project's name. Type %s exactly, capitals included, to delete it.", "\u2068Demo\u2069"); got != want {
		t.Errorf("a wrong name is refused with %q, want %q", got, want)
	}
	if got := eval[string](b, `document.querySelector('h1').textContent.trim() + ' | ' + document.getElementById('delete-confirm').textContent`); got != "أتحذف المشروع \u2068Demo\u2069؟ | حذف المشروع نهائيًّا" {
		t.Errorf("the delete project page asks %q", got)
	}
	b.viewShot("arabic-delete-project-refused")

	// An export of nothing opened from the page says why in Arabic.
	b.run(chromedp.Navigate(fmt.Sprintf("%s/api/v1/projects/%d/export?format=jsonl&layer=gold&status=reviewed", s.url, s.proj.ID)))
	b.waitLoaded()
	if got := eval[string](b, `document.querySelector('main').textContent`); !strings.Contains(got, "لا مستندات في الطبقة الذهبية من \u2068Demo\u2069، بالحالة «") || !strings.Contains(got, "فلم يُنزَّل شيء") {
		t.Errorf("an empty export's page says %q", got)
	}
}
