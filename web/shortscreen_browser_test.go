package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// firstScreenJS measures the annotation view as it stands: where the text
// starts (a fraction of the window's height), how many of its lines are
// wholly in sight (below a sticky bar, above an open sheet), and each
// label tag in sight that its paragraph's box would clip (a paragraph
// far from the screen is drawn clipped to its box) or that lies over
// the letters of a line.
const firstScreenJS = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const doc = document.getElementById('doc'), d = doc.getBoundingClientRect();
  const bar = document.getElementById('annotate-bar');
  const top = bar && getComputedStyle(bar).position === 'sticky' ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
  const sheet = document.getElementById('span-editor');
  const bottom = !sheet.hidden && getComputedStyle(sheet).position === 'fixed' ? sheet.getBoundingClientRect().top : innerHeight;
  const text = [], r = document.createRange();
  for (const p of doc.querySelectorAll(':scope > p')) {
    if (p.getBoundingClientRect().top > innerHeight) break;
    for (const run of p.querySelectorAll('span[data-start]')) {
      r.selectNodeContents(run);
      for (const x of r.getClientRects()) if (x.width > 0) text.push(x);
    }
  }
  const lines = new Map();
  for (const x of text) {
    const key = Math.round((x.top + x.bottom) / 2);
    const line = [...lines.keys()].find((k) => Math.abs(k - key) < 4);
    const had = lines.get(line ?? key);
    lines.set(line ?? key, had ? {top: Math.min(had.top, x.top), bottom: Math.max(had.bottom, x.bottom)} : {top: x.top, bottom: x.bottom});
  }
  const shown = [...lines.values()].filter((l) => l.top >= top - 0.5 && l.bottom <= bottom + 0.5).length;
  const bad = [];
  for (const chip of doc.querySelectorAll('.chip')) {
    const c = chip.getBoundingClientRect();
    if (c.height === 0 || c.bottom < 0 || c.top > innerHeight) continue;
    const p = chip.closest('p').getBoundingClientRect();
    const name = chip.dataset.label + ' at y=' + Math.round(c.top);
    if (c.top < p.top - 0.5 || c.top < d.top || c.left < d.left || c.right > d.right) bad.push(name + ' is cut by the text box (its paragraph from y=' + Math.round(p.top) + ')');
    if (text.some((x) => x.left < c.right - 0.5 && c.left < x.right - 0.5 && x.top < c.bottom - 0.5 && c.top < x.bottom - 0.5)) bad.push(name + ' lies over the letters of a line');
  }
  done({top: d.top / innerHeight, lines: shown, chips: doc.querySelectorAll('.chip').length, bad});
})))`

type firstScreen struct {
	Top   float64
	Lines int
	Chips int
	Bad   []string
}

// TestBrowserShortScreens: on a laptop at 200% zoom (683x384 at scale 2),
// at 1366x768 and on a phone (390x844) the annotation view opens with
// its text high enough to read several lines of it, the label tags over
// the first line inside the text's box and clear of the lines' letters,
// the site's header on one row on the phone, and with a span open the
// editor's buttons and a quotation's tools each reachable in its sheet.
func TestBrowserShortScreens(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := context.Background()
	for _, sp := range []struct {
		word, label string
		nth         int
	}{{"جهاز مكافحة الإرهاب", "ORG", 0}, {"العراقية", "GPE", 0}, {"اليوم الأربعاء", "DATE", 0}, {"صباح النعمان", "PER", 0}, {"جهاز مكافحة الإرهاب", "ORG", 1}} {
		start, end := spanAt(t, doc.Text, sp.word, sp.nth)
		if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: sp.label}); err != nil {
			t.Fatal(err)
		}
	}
	qs, _ := spanAt(t, doc.Text, "“الجهاز مستمر", 0)
	_, qe := spanAt(t, doc.Text, "يتواجدون فيها”", 0)
	if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: qs, End: qe, Label: "QUOTE"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	for _, vp := range []struct {
		name     string
		w, h     int64
		scale    float64
		maxTop   float64 // where the text may start, a fraction of the height
		minLines int
	}{
		{"683x384@2", 683, 384, 2, 0.45, 3},
		{"1366x768", 1366, 768, 1, 0.30, 6},
		{"390x844", 390, 844, 3, 0.45, 5},
	} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		b.waitFor(`document.querySelectorAll('#doc .chip').length > 0`)
		got := eval[firstScreen](b, firstScreenJS)
		b.viewShot("shortscreen-" + vp.name)
		t.Logf("%s: the text starts at %.0f%% of the height, %d lines in sight", vp.name, 100*got.Top, got.Lines)
		if got.Top > vp.maxTop {
			t.Errorf("%s: the text starts %.0f%% down the window, want at most %.0f%%", vp.name, 100*got.Top, 100*vp.maxTop)
		}
		if got.Lines < vp.minLines {
			t.Errorf("%s: %d lines of the text in sight as the page opens, want at least %d", vp.name, got.Lines, vp.minLines)
		}
		for _, bad := range got.Bad {
			t.Errorf("%s: label tag %s", vp.name, bad)
		}
		if vp.w < 480 {
			if !eval[bool](b, `(() => { const rs = [...document.querySelectorAll('header.top > *')].map((e) => e.getBoundingClientRect());
			  return Math.max(...rs.map((r) => r.top)) < Math.min(...rs.map((r) => r.bottom)); })()`) {
				t.Errorf("%s: the site's header wraps onto more than one row", vp.name)
			}
			if eval[bool](b, `(() => { const f = [...document.querySelectorAll('#find > *:not(#find-count)')].map((e) => e.getBoundingClientRect());
			  return Math.max(...f.map((r) => r.top)) >= Math.min(...f.map((r) => r.bottom)); })()`) {
				t.Errorf("%s: the find bar wraps: %q", vp.name, eval[string](b, `document.getElementById('find').innerText`))
			}
		}
		// A span open (] opens the first): Label every occurrence and
		// Delete span scroll into sight in the editor, unhidden.
		b.run(chromedp.Focus(chromedp.ID("doc")), chromedp.KeyEvent("]"))
		b.waitFor(`!document.getElementById('span-editor').hidden`)
		for _, id := range []string{"label-occurrences", "delete-span"} {
			if where := eval[string](b, reachableJS(id)); where != "" {
				b.viewShot("shortscreen-" + vp.name + "-editor")
				t.Errorf("%s: %s, scrolled to, is %s", vp.name, id, where)
			}
		}
		open := eval[firstScreen](b, firstScreenJS)
		t.Logf("%s: with a span open %d lines of the text in sight", vp.name, open.Lines)
		if open.Lines < 2 {
			t.Errorf("%s: with a span open %d lines of the text in sight, want at least 2", vp.name, open.Lines)
		}
		b.viewShot("shortscreen-" + vp.name + "-editor")
		// The quotation open: its speaker and cue lines clear of the
		// editor's head, and S's instruction whole.
		eval[bool](b, `(document.querySelector('.span-item[data-label="QUOTE"]').click(), true)`)
		b.waitFor(`!document.getElementById('quote-tools').hidden`)
		for _, id := range []string{"q-speaker", "q-cue"} {
			if where := eval[string](b, reachableJS(id)); where != "" {
				t.Errorf("%s: the quotation's %s line, scrolled to, is %s", vp.name, id, where)
			}
		}
		b.run(chromedp.KeyEvent("s"))
		b.waitFor(`document.getElementById('save-status').textContent.startsWith('Click the speaker')`)
		if cut := eval[string](b, `(() => { const s = document.getElementById('save-status'), r = s.getBoundingClientRect();
		  if (s.scrollWidth > s.clientWidth + 1 || s.scrollHeight > s.clientHeight + 1) return 'cut at its end';
		  if (r.left < 0 || r.right > innerWidth || r.bottom > innerHeight || r.top < 0) return 'past the screen\'s edge';
		  return ''; })()`); cut != "" {
			b.viewShot("shortscreen-" + vp.name + "-speaker")
			t.Errorf("%s: the speaker instruction %q is %s", vp.name, eval[string](b, `document.getElementById('save-status').textContent`), cut)
		}
		b.viewShot("shortscreen-" + vp.name + "-speaker")
		// Beside the text, S scrolls the editor to the nearest candidate
		// and leaves the speaker and cue lines whole in sight above it.
		if vp.w > 960 {
			for _, id := range []string{"q-speaker", "q-cue"} {
				if where := eval[string](b, coveredJS(id)); where != "" {
					t.Errorf("%s: with S pressed the quotation's %s line is %s", vp.name, id, where)
				}
			}
		}
		b.run(chromedp.KeyEvent("\u001b"))
	}
}

// coveredJS says where the line holding the element id is if part of it
// is hidden: "" when it is whole in its editor's body, nothing over it.
func coveredJS(id string) string {
	return strings.ReplaceAll(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const line = document.getElementById('ID').parentElement, r = line.getBoundingClientRect();
  const body = document.getElementById('editor-body').getBoundingClientRect();
  if (r.top < body.top - 0.5 || r.bottom > body.bottom + 0.5) return done('cut by the editor (' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' in ' + Math.round(body.top) + '..' + Math.round(body.bottom) + ')');
  for (const y of [r.top + 2, r.bottom - 2]) {
    const at = document.elementFromPoint(r.left + 10, y);
    if (!at || !line.contains(at)) return done('covered by ' + (at ? at.id || at.className || at.tagName : 'nothing') + ' at y=' + Math.round(y));
  }
  done('');
})))`, "ID", id)
}

// reachableJS scrolls the element id into view and says where it is if
// a person could not see or press it there: "" when it is in sight, in
// its editor's scrolling body and on the screen, nothing drawn over it.
func reachableJS(id string) string {
	return strings.ReplaceAll(`new Promise((done) => {
  const e = document.getElementById('ID');
  e.scrollIntoView({block: 'nearest'});
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const r = e.getBoundingClientRect(), body = document.getElementById('editor-body').getBoundingClientRect();
    if (r.height === 0) return done('not drawn');
    if (r.top < body.top - 0.5 || r.bottom > body.bottom + 0.5) return done('cut by the editor (' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' in ' + Math.round(body.top) + '..' + Math.round(body.bottom) + ')');
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return done('off the screen');
    for (const y of [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2]) {
      const at = document.elementFromPoint(Math.min((r.left + r.right) / 2, r.left + 20), y);
      if (!at || !(e.contains(at) || at.contains(e) && at === e.parentElement)) return done('covered by ' + (at ? at.id || at.className || at.tagName : 'nothing') + ' at y=' + Math.round(y));
    }
    done('');
  }));
})`, "ID", id)
}
