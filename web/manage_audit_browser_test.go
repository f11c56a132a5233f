package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// auditWindows are the windows the manager's pages are looked at in: a
// laptop, a 1280x720 laptop at 200% zoom and a phone.
var auditWindows = []struct{ w, h int64 }{{1366, 768}, {640, 360}, {390, 844}}

// inLanguages runs check once with the site's admin reading English and
// once reading Arabic, in a browser logged in as that admin.
func inLanguages(t *testing.T, s *site, check func(b *browser, lang string)) {
	t.Helper()
	b := newBrowser(t, s)
	for _, lang := range []string{"en", "ar"} {
		if err := s.store.SetLanguage(context.Background(), s.user, lang); err != nil {
			t.Fatal(err)
		}
		check(b, lang)
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}

// strandedLabelsJS lists the labels of the export and import forms that
// do not stand by their field: on a laptop a label shares its field's
// line; on a phone (a form narrower than 30rem) it stands just over it.
const strandedLabelsJS = `(() => {
  const phone = innerWidth <= 480;
  return [...document.querySelectorAll('form.export label[for], #import-form label[for]')].flatMap((label) => {
    const field = document.getElementById(label.htmlFor), l = label.getBoundingClientRect(), f = field.getBoundingClientRect();
    const sameLine = l.top < f.bottom && f.top < l.bottom;
    const over = f.top >= l.bottom - 1 && f.top - l.bottom < 12 && l.left < f.right && f.left < l.right;
    if (phone ? over : sameLine) return [];
    return [label.textContent.trim() + ' at ' + Math.round(l.left) + ',' + Math.round(l.top) + ', its field at ' + Math.round(f.left) + ',' + Math.round(f.top)];
  });
})()`

// TestBrowserFormLabelsByTheirFields: the export and import forms of the
// project page keep each label beside its field, in English and in
// Arabic, on a laptop and at 200% zoom, and over it on a phone: never a
// label at one line's end with its field at the start of the next, as
// "offsets in" stood on a laptop and "Format" at 200% zoom.
func TestBrowserFormLabelsByTheirFields(t *testing.T) {
	s := managedSite(t)
	inLanguages(t, s, func(b *browser, lang string) {
		for _, w := range auditWindows {
			b.run(chromedp.EmulateViewport(w.w, w.h), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
			b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded" && !!document.getElementById('import-form')`)
			if n := eval[int](b, `document.querySelectorAll('form.export label[for], #import-form label[for]').length`); n != 8 {
				t.Fatalf("%s %dx%d: %d labels in the export and import forms, want 8", lang, w.w, w.h, n)
			}
			for _, s := range eval[[]string](b, strandedLabelsJS) {
				t.Errorf("%s %dx%d: a label away from its field: %s", lang, w.w, w.h, s)
			}
			b.checkReflow("the project page in "+lang, w.w, w.h)
		}
	})
}

// TestBrowserImportRefusalBulletsInArabic: the bad lines of a refused
// import keep their bullets inside the red box in an Arabic page as in
// an English one, where each line, English and so drawn left to right,
// had its bullet outside the box, white on the white page.
func TestBrowserImportRefusalBulletsInArabic(t *testing.T) {
	s := managedSite(t)
	bad := filepath.Join(t.TempDir(), "news-batch.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"b1","text":"نص","label":[[0,2,"NOPE"]]}`+"\n"+`{"id":"b2","text":"abc","label":[[0,9,"PER"]]}`+"\n"+"not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	inLanguages(t, s, func(b *browser, lang string) {
		for _, w := range auditWindows {
			b.run(chromedp.EmulateViewport(w.w, w.h), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("import-form")),
				chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{bad}),
				chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
			b.waitFor(`document.querySelectorAll('#import-errors li').length === 3`)
			// A bullet stands about 1.2em before its line's start: that
			// much room is wanted between the start and the box's edge.
			outside := eval[[]string](b, `(() => { const box = document.getElementById('import-errors').getBoundingClientRect();
			  return [...document.querySelectorAll('#import-errors li')].flatMap((li) => {
			    const r = li.getBoundingClientRect(), em = parseFloat(getComputedStyle(li).fontSize), ltr = getComputedStyle(li).direction === 'ltr';
			    const room = ltr ? r.left - box.left : box.right - r.right;
			    return getComputedStyle(li).listStyleType !== 'none' && room < 1.2 * em ? [li.textContent.slice(0, 20) + ': ' + Math.round(room) + 'px before it'] : [];
			  }); })()`)
			for _, o := range outside {
				t.Errorf("%s %dx%d: a bad line's bullet has no room in the box: %s", lang, w.w, w.h, o)
			}
			b.checkReflow("the refused import in "+lang, w.w, w.h)
		}
		eval[bool](b, `(() => { document.getElementById('import-errors').scrollIntoView(); return true; })()`)
		b.viewShot("import-refusal-bullets-" + lang)
	})
}

// TestBrowserImportHintSizeInOrder: the import form's hint says "64 MiB"
// in an Arabic sentence as it is written, 64 before MiB from the left,
// where the sentence's direction drew "MiB 64".
func TestBrowserImportHintSizeInOrder(t *testing.T) {
	s := managedSite(t)
	inLanguages(t, s, func(b *browser, lang string) {
		b.run(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("import-form")))
		got := eval[string](b, `(() => { const p = [...document.querySelectorAll('#import p.hint')].find((e) => e.textContent.includes('MiB'));
		  const text = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('MiB'));
		  const left = (word) => { const r = document.createRange(), at = text.data.indexOf(word); r.setStart(text, at); r.setEnd(text, at + word.length); return r.getBoundingClientRect().left; };
		  return left('64') < left('MiB') ? '64 MiB' : 'MiB 64'; })()`)
		if got != "64 MiB" {
			t.Errorf("%s: the import hint reads %q from the left, want 64 MiB", lang, got)
		}
	})
}

// labelsAwayJS lists the visible labels of the page that stand neither
// on their field's line nor just over it.
const labelsAwayJS = `[...document.querySelectorAll('label[for]')].flatMap((label) => {
  const field = document.getElementById(label.htmlFor);
  if (!field) return ['"' + label.textContent.trim() + '" names no field'];
  const l = label.getBoundingClientRect(), f = field.getBoundingClientRect();
  if (l.width === 0 || f.width === 0) return [];
  const sameLine = l.top < f.bottom && f.top < l.bottom;
  const over = f.top >= l.bottom - 1 && f.top - l.bottom < 12 && l.left < f.right && f.left < l.right;
  return sameLine || over ? [] : ['"' + label.textContent.trim() + '" at ' + Math.round(l.left) + ',' + Math.round(l.top) + ', its field at ' + Math.round(f.left) + ',' + Math.round(f.top)];
})`

// TestBrowserEveryLabelByItsField: on the home page (New project), the
// project page (the ticked documents' bar above all) and the activity
// log, every label stands beside its field or just over it, in English
// and Arabic, from a laptop down to a phone: "Member" had stood at the
// end of the ticked bar's line with its picker on the next, "Labels" of
// New project and "Document" of the activity filter likewise. On a phone
// the ticked bar keeps to a fifth of the screen first, its words as
// they fall.
func TestBrowserEveryLabelByItsField(t *testing.T) {
	s := managedSite(t)
	if _, err := s.store.CreateProject(context.Background(), "Second", nil, s.user.ID); err != nil {
		t.Fatal(err) // a second project gives New project its Labels picker
	}
	p := fmt.Sprintf("/projects/%d", s.proj.ID)
	inLanguages(t, s, func(b *browser, lang string) {
		for _, page := range []string{"/", p, p + "/activity"} {
			for _, w := range []int64{1366, 900, 640, 560, 480, 390, 320} {
				b.run(chromedp.EmulateViewport(w, 800), chromedp.Navigate(s.url+page))
				b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded"`)
				away := labelsAwayJS
				if w <= 480 {
					// On a phone the ticked documents' bar keeps low
					// instead (TestBrowserTickedBarNarrow).
					away = strings.Replace(away, "label[for]", "label[for]:not(#assign-form label)", 1)
				}
				for _, away := range eval[[]string](b, away) {
					t.Errorf("%s %s at %dpx: a label away from its field: %s", lang, page, w, away)
				}
			}
		}
		b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(s.url+p))
		b.waitFor(`document.readyState === "complete" && !!document.getElementById('assign-form')`)
		b.run(chromedp.Click(chromedp.CSS(`td.tick input`), chromedp.NodeVisible))
		b.waitFor(`document.getElementById('assign-form').classList.contains('has-ticked')`)
		if h := eval[float64](b, `document.getElementById('assign-form').getBoundingClientRect().height`); h > 640/5 {
			t.Errorf("%s: with a document ticked the bar is %.0fpx tall in a 640px window, want at most %d", lang, h, 640/5)
		}
		b.viewShot("ticked-bar-320-" + lang)
	})
}

// TestBrowserRelationRulesFitAtZoom: at 200% zoom (640 and 683px wide)
// the Relations table fits its box, its To labels column in sight, in
// English and Arabic, where it scrolled sideways with nothing to spare.
func TestBrowserRelationRulesFitAtZoom(t *testing.T) {
	s := managedSite(t)
	inLanguages(t, s, func(b *browser, lang string) {
		for _, w := range []struct{ w, h int64 }{{640, 360}, {683, 384}} {
			b.run(chromedp.EmulateViewport(w.w, w.h), chromedp.Navigate(fmt.Sprintf("%s/projects/%d#relation-types", s.url, s.proj.ID)))
			b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded"`)
			got := eval[[]int](b, `(() => { const e = document.querySelector('#relation-types .table-wrap'); return [e.scrollWidth, e.clientWidth]; })()`)
			if got[0] > got[1] {
				t.Errorf("%s %dx%d: the Relations table is %dpx wide in its %dpx box", lang, w.w, w.h, got[0], got[1])
			}
		}
	})
}

// TestBrowserUsersJustWiderThanAPhone: in a window a little wider than a
// phone's layout (500 and 520px) the Users page keeps every account's
// buttons and links within its box, in English and Arabic, where the
// table hid Reset password past its edge.
func TestBrowserUsersJustWiderThanAPhone(t *testing.T) {
	s := managedSite(t)
	inLanguages(t, s, func(b *browser, lang string) {
		for _, w := range []int64{500, 520} {
			b.run(chromedp.EmulateViewport(w, 800), chromedp.Navigate(s.url+"/admin/users"))
			b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded" && !!document.getElementById('accounts')`)
			hidden := eval[[]string](b, `(() => { const box = document.getElementById('accounts').closest('.table-wrap').getBoundingClientRect();
			  return [...document.querySelectorAll('#accounts button, #accounts a')].filter((e) => {
			    const r = e.getBoundingClientRect(); return r.left < Math.max(box.left, 0) - 1 || r.right > Math.min(box.right, innerWidth) + 1; })
			    .map((e) => (e.getAttribute('aria-label') || e.textContent.trim()) + ' at ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right)); })()`)
			for _, h := range hidden {
				t.Errorf("%s %dpx: out of sight past the accounts' box: %s", lang, w, h)
			}
			if n := eval[int](b, `document.querySelectorAll('#accounts button').length`); n == 0 {
				t.Fatalf("%s %dpx: no button in the accounts table: the test measures nothing", lang, w)
			}
		}
	})
}
