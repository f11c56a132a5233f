package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// arabicHomeSite is a project of three documents, two of them assigned
// to layla, an annotator whose interface is Arabic, and the site's admin
// in Arabic too.
func arabicHomeSite(t *testing.T) (*site, db.User) {
	t.Helper()
	doc := func(line int, id, text string) codec.Doc {
		return codec.Doc{Line: line, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)}
	}
	s := newSite(t, doc(1, "first", "قال الوزير إن الاقتصاد ينمو."), doc(2, "other", "نص لغيرها."), doc(3, "second", "وصل الوفد إلى الرياض."))
	ctx := context.Background()
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	if _, err := s.store.Assign(ctx, s.proj.ID, s.user, db.AssignRequest{User: "layla", ExternalIDs: []string{"first", "second"}}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []db.User{s.user, layla} {
		if err := s.store.SetLanguage(ctx, u, "ar"); err != nil {
			t.Fatal(err)
		}
	}
	return s, layla
}

// wantArabicPage fails unless the page's <html> says Arabic, right to
// left, and each selector's text as shown (or, for a key starting with
// "name:", the name its aria-label or label gives it) is as wanted.
func (b *browser) wantArabicPage(page string, want map[string]string) {
	b.t.Helper()
	if got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != "ar rtl" {
		b.t.Errorf("%s: <html> is %q, want ar rtl", page, got)
	}
	for sel, text := range want {
		expr := fmt.Sprintf(`(document.querySelector(%q) || {innerText: 'nothing matches'}).innerText.replace(/\s+/g, ' ').trim()`, sel)
		if name, ok := strings.CutPrefix(sel, "name:"); ok {
			expr = fmt.Sprintf(`(() => { const el = document.querySelector(%q); return el ? (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent).trim() : 'nothing matches'; })()`, name)
		}
		if got := eval[string](b, expr); got != text {
			b.t.Errorf("%s: %s says %q, want %q", page, sel, got, text)
		}
	}
}

// wantNoSideScroll fails when the page is wider than the window at
// 1366x900 and at 200% zoom (a 1366x900 screen's half, at twice the
// pixels), keeps a shot of the window at each as shot and shot-zoom, and
// puts the laptop's window back. The shots are of the window, not the
// whole page: a full-page capture of a right-to-left page in an emulated
// window draws it shifted sideways.
func (b *browser) wantNoSideScroll(page, shot string) {
	b.t.Helper()
	for _, vp := range []struct {
		axeViewport
		suffix string
	}{{axeViewport{1366, 900, 1}, ""}, {axeViewport{683, 450, 2}, "-zoom"}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
		if sw, cw := eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`); sw > cw {
			b.t.Errorf("%s at %dx%d@%gx is %d px wide in a %d px window", page, vp.w, vp.h, vp.scale, sw, cw)
		}
		b.viewShot(shot + vp.suffix)
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}

// TestBrowserArabicHomeQueue: an annotator whose interface is Arabic
// finds her queue on the home page in Arabic ("المستند التالي"), the
// project's page with her progress, its documents list and its filter in
// Arabic, the list's cards on a phone named by Arabic column names, a
// filter that finds nothing saying so in Arabic, and no page wider than
// the window on a laptop or at 200% zoom.
func TestBrowserArabicHomeQueue(t *testing.T) {
	s, _ := arabicHomeSite(t)
	b := newBrowser(t, s)
	b.relogin(s.url, "layla")
	b.run(chromedp.EmulateViewport(1366, 900))
	b.waitLoaded()
	b.wantArabicPage("home", map[string]string{
		"h1":                         "المشاريع",
		"#queue-title":               "قائمة عملك",
		".queue-item .next-doc":      "المستند التالي",
		".queue-item .progress-text": "0 / 2 منجز",
		"#projects-title":            "مشاريعك",
		".projects .role":            "موسِّم",
		"name:.queue-item progress":  "\u2068Demo\u2069: أُنجز 0 من المستندات من أصل 2",
	})
	if got := eval[string](b, `document.title`); got != "المشاريع · حاشية" {
		t.Errorf("the home page's title is %q", got)
	}
	b.wantNoSideScroll("home", "arabic-home-queue")

	project := fmt.Sprintf("/projects/%d", s.proj.ID)
	b.run(chromedp.Navigate(s.url + project))
	b.waitLoaded()
	b.wantArabicPage("project", map[string]string{
		"#your-role":                        "موسِّم",
		"#continue":                         "متابعة: المستند التالي",
		"#documents-title":                  "المستندات",
		"#docs-showing":                     "عرض 1–2 من 2",
		"table.docs thead":                  "المستند النص الطول مقاطعك حالتك",
		"#doc-filter button":                "تصفية",
		"label[for=filter-status]":          "حالتك",
		"#filter-status option[value=done]": "منجز",
		"name:#your-work":                   "عملك",
		"name:#filter-q":                    "المعرِّف أو النص",
	})
	b.wantNoSideScroll("project", "arabic-project-annotator")

	// A phone shows each row as a card, every cell named by its column's
	// Arabic name.
	b.run(chromedp.EmulateViewport(phone.w, phone.h, chromedp.EmulateScale(phone.scale)))
	b.checkFits("the documents list on a phone", "", phone)
	for sel, want := range map[string]string{
		"table.docs td.length":     `"الطول: "`,
		"table.docs td.own-spans":  `"مقاطعك: "`,
		"table.docs td.own-status": `"حالتك: "`,
	} {
		if got := b.labelOf(sel); got != want {
			t.Errorf("on a phone %s is labelled %s, want %s", sel, got, want)
		}
	}
	b.viewShot("arabic-project-phone")
	b.run(chromedp.EmulateViewport(1366, 900))

	// Filtering by a status no document has: the list says so in Arabic
	// and links back to every document.
	b.run(chromedp.SetValue(chromedp.ID("filter-status"), "done"), chromedp.Click(chromedp.CSS(`#doc-filter button[type=submit]`)))
	b.waitFor(`location.search.includes('status=done') && document.readyState === 'complete'`)
	b.wantArabicPage("an empty filter", map[string]string{
		"#docs-empty":                   "لا مستندات تطابق هذه التصفية. عرض كل المستندات.",
		"#filter-clear":                 "عرض كل المستندات",
		"#filter-status option:checked": "منجز",
	})
}

// TestBrowserArabicHomeAdminPages: the admin, in Arabic, reads the
// progress page and its cards on a phone in Arabic, adds a user on the
// users page and is told so in Arabic with the name kept whole, is
// refused a second user of that name in Arabic, disables the user after
// a question in Arabic, and finds a missing page's title and words in
// Arabic; no page is wider than the window on a laptop or at 200% zoom.
func TestBrowserArabicHomeAdminPages(t *testing.T) {
	s, _ := arabicHomeSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 900))

	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/progress", s.url, s.proj.ID)))
	b.waitLoaded()
	b.wantArabicPage("progress", map[string]string{
		"h1":                     "التقدم",
		"#gold-title":            "الطبقة الذهبية",
		"#people-title":          "الأشخاص",
		"#progress-people thead": "الشخص الدور المنجز قيد العمل المقاطع الروابط وقت العمل آخر تغيير",
		"#labels-title":          "الوسوم",
	})
	if got := eval[string](b, `[...document.querySelectorAll('#progress-people tbody tr')].find((r) => r.querySelector('th').textContent === 'layla').querySelector('td').textContent`); got != "موسِّم" {
		t.Errorf("progress: layla's role reads %q", got)
	}
	b.wantNoSideScroll("progress", "arabic-progress")
	b.run(chromedp.EmulateViewport(phone.w, phone.h, chromedp.EmulateScale(phone.scale)))
	b.checkFits("progress on a phone", "progress-people", phone)
	if got := b.labelOf(`#progress-people td[data-label]`); got != `"الدور: "` {
		t.Errorf("on a phone the people's role cell is labelled %s", got)
	}
	b.viewShot("arabic-progress-phone")
	b.run(chromedp.EmulateViewport(1366, 900))

	b.run(chromedp.Navigate(s.url + "/admin/users"))
	b.waitLoaded()
	b.wantArabicPage("users", map[string]string{
		"h1":                                 "المستخدمون",
		"#add-user-title":                    "إضافة مستخدم",
		"#accounts-title":                    "الحسابات",
		"#accounts caption":                  "مستخدمان",
		"#accounts thead":                    "اسم المستخدم مشرف المشاريع الحساب كلمة المرور",
		"name:#new-user":                     "اسم المستخدم",
		`form[action="/admin/users"] button`: "إضافة المستخدم",
		`name:#user-layla form[action="/admin/users/disable"] button`: "تعطيل \u2068layla\u2069",
	})
	b.run(chromedp.SendKeys(chromedp.ID("new-user"), "samir"), chromedp.SendKeys(chromedp.ID("new-user-password"), "a long password"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/users"] button`)))
	b.waitFor(`location.search === '?added=samir' && document.readyState === 'complete'`)
	b.wantArabicPage("a user added", map[string]string{
		".notice[role=status]": "أُضيف المستخدم \u2068samir\u2069. أخبره بكلمة مروره، ويمكنه تغييرها في الإعدادات. الخطوة التالية: أضفه إلى مشروع في قسم أعضائه: Demo",
		"#accounts caption":    "3 مستخدمين",
	})
	b.wantNoSideScroll("users", "arabic-users-added")

	b.run(chromedp.SendKeys(chromedp.ID("new-user"), "samir"), chromedp.SendKeys(chromedp.ID("new-user-password"), "a long password"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/users"] button`)))
	b.waitFor(`document.getElementById('users-error') !== null && document.readyState === 'complete'`)
	b.wantArabicPage("a user refused", map[string]string{
		"#users-error": "يوجد مستخدم باسم \u2068samir\u2069 من قبل.",
	})
	b.viewShot("arabic-users-refused")

	asked := b.answerDialogs("أتعطّل \u2068samir\u2069؟", func() bool { return true })
	b.run(chromedp.Click(chromedp.CSS(`#user-samir form[action="/admin/users/disable"] button`)))
	b.waitFor(`location.search === '?disabled=samir' && document.readyState === 'complete'`)
	if asked.Load() != 1 {
		t.Errorf("disabling samir asked %d questions in Arabic, want 1", asked.Load())
	}
	b.wantArabicPage("a user disabled", map[string]string{
		".notice[role=status]":               "عُطِّل المستخدم \u2068samir\u2069: سُجِّل خروجه من كل مكان، وأُلغيت رموز API الخاصة به، وبقيت توسيماته.",
		"#user-samir .status":                "معطَّل",
		"#user-samir td:nth-child(4) button": "تفعيل",
	})

	b.run(chromedp.Navigate(s.url + "/projects/999999"))
	b.waitLoaded()
	b.wantArabicPage("a missing page", map[string]string{
		"h1":               "404 غير موجود",
		"[role=alert]":     "الصفحة غير موجودة أو غير متاحة لك: مشروع لست عضوًا فيه، أو مستند لم يُسنَد إليك.",
		"main a[href='/']": "العودة إلى مشاريعك",
	})
	b.wantNoSideScroll("a missing page", "arabic-not-found")
}

// TestBrowserArabicHomeManagerPage: the admin's project page in Arabic
// lists its sections, the documents and the bar of ticked documents in
// Arabic, its export form names each format, layer and what the layer's
// export holds in Arabic; pressing Assign with nothing ticked is refused
// in Arabic, in the bar; so is a new project named as one that exists,
// on the home page. An annotator sent to the progress page is told
// in Arabic why she may not see it. No page is wider than the window.
func TestBrowserArabicHomeManagerPage(t *testing.T) {
	s, _ := arabicHomeSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 900))
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	b.run(chromedp.Navigate(project))
	b.waitLoaded()
	b.wantArabicPage("a manager's project page", map[string]string{
		"#your-role":                          "مشرف (يعمل بصفة مدير)",
		"#progress-link":                      "التقدم",
		"#page-sections p":                    "في هذه الصفحة: المستندات · الاستيراد · الوسوم · الروابط · الإرشادات · الأعضاء · الإسناد · حذف المشروع",
		"#assign-ticked":                      "إسناد",
		"#unassign-ticked":                    "إلغاء الإسناد",
		"#delete-docs":                        "حذف المستندات المحدَّدة…",
		"label[for=export-format]":            "تصدير",
		"#export-format option[value=quotes]": "الاقتباسات مع قائليها (سطر لكل منها)",
		"#export-layer option[value=gold]":    "الطبقة الذهبية — 3 مستندات، لا شيء منها في هذه الطبقة",
		"#export-part option[value=train]":    "التدريب (80%)",
		"#delete-project-link":                "حذف المشروع…",
		"name:#doc-filter":                    "تصفية المستندات",
	})
	if got := eval[string](b, `document.querySelector('#assign-user optgroup').label`); got != "الموسِّمون" {
		t.Errorf("the bar's member picker groups annotators under %q", got)
	}
	if got := eval[string](b, `document.getElementById('unassign-ticked').dataset.confirm`); !strings.HasPrefix(got, "أتلغي إسناد المستندات المحدَّدة") {
		t.Errorf("Unassign asks %q", got)
	}
	b.wantNoSideScroll("a manager's project page", "arabic-project-manager")

	b.run(chromedp.Click(chromedp.ID("assign-ticked")))
	b.waitFor(`location.search.includes('refused=none-ticked-assign') && document.readyState === 'complete'`)
	b.wantArabicPage("Assign with nothing ticked", map[string]string{
		"#form-error": "لم يُسنَد شيء: لم يُحدَّد أي مستند. حدِّد في القائمة المستندات المراد إسنادها، واختر العضو، ثم اضغط «إسناد».",
	})
	b.viewShot("arabic-project-refused")

	// The home page's New project form, and its refusal of a name taken.
	b.run(chromedp.Navigate(s.url + "/"))
	b.waitLoaded()
	b.wantArabicPage("an admin's home page", map[string]string{
		"#new-project-title":          "مشروع جديد",
		"label[for=new-project-name]": "اسم المشروع",
		"label[for=start-quotations]": "الاقتباسات والأسماء",
		"#new-project-form button":    "إنشاء المشروع",
	})
	b.run(chromedp.SendKeys(chromedp.ID("new-project-name"), "Demo"), chromedp.Click(chromedp.CSS(`#new-project-form button`)))
	b.waitFor(`document.getElementById('new-project-error') !== null && document.readyState === 'complete'`)
	b.wantArabicPage("a project name taken", map[string]string{
		"#new-project-error": "يوجد مشروع باسم \u2068Demo\u2069 من قبل: اختر اسمًا آخر.",
	})
	b.wantNoSideScroll("an admin's home page", "arabic-home-admin")

	b.relogin(s.url, "layla")
	b.run(chromedp.Navigate(project + "/progress"))
	b.waitLoaded()
	b.wantArabicPage("an annotator on the progress page", map[string]string{
		"h1":           "403 غير مسموح",
		"[role=alert]": "لا يرى هذه الصفحة إلا مراجعو المشروع \u2068Demo\u2069 ومديروه. اطلب من أحد مديري المشروع دور المراجع.",
	})
	b.wantNoSideScroll("a refused page", "arabic-forbidden")
}
