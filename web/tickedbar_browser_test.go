package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// underBarJS names each of the targets that the bar of ticked documents
// covers, even by a pixel, or that is not wholly in the window.
const underBarJS = `((targets) => {
  const bar = document.getElementById('assign-form').getBoundingClientRect();
  return targets.flatMap((e) => {
    const r = e.getBoundingClientRect(), name = e.id || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30) || e.tagName;
    const out = [];
    if (r.top < bar.bottom - .5 && r.bottom > bar.top + .5 && r.left < bar.right && r.right > bar.left) out.push(name + ' under the bar (' + Math.round(r.top) + '-' + Math.round(r.bottom) + 'px, bar from ' + Math.round(bar.top) + 'px)');
    if (r.top < -.5 || r.bottom > innerHeight + .5) out.push(name + ' outside the window (' + Math.round(r.top) + '-' + Math.round(r.bottom) + 'px of ' + innerHeight + ')');
    return out;
  });
})`

// lastRowJS is the list's last row, and footControlsJS what follows the
// list under the bar: its pages' links.
const (
	lastRowJS      = `document.querySelector('table.docs tbody tr:last-child')`
	rowControlsJS  = `[...` + lastRowJS + `.querySelectorAll('a, button, input')]`
	footControlsJS = `[...document.querySelectorAll('#documents nav.pager a')]`
)

// TestBrowserTickedBarLeavesListFoot: the bar of ticked documents, kept
// at the foot of a tall enough window while a document is ticked, never
// hides the list's last row, that row's controls or the links to the
// list's other pages: scrolled to the foot of the list, or reached with
// Tab, each stands clear above the bar, on a laptop (1366x768, 1280x720),
// at 200% zoom (683x384 at scale 2) and on a phone (390x844); and with
// the list's first rows in sight the bar is still in sight under them.
func TestBrowserTickedBarLeavesListFoot(t *testing.T) {
	var docs []codec.Doc
	for i := 1; i <= 55; i++ {
		docs = append(docs, codec.Doc{Line: i, ExternalID: fmt.Sprintf("aner-%04d", i), Text: "قال فؤاد السنيورة إن واشنطن أعطت فرصة لإسرائيل.", Meta: json.RawMessage(`{}`)})
	}
	s := newSite(t, docs...)
	addSiteMember(t, s, "layla", db.RoleAnnotator)
	if _, err := s.store.Assign(context.Background(), s.proj.ID, s.user, db.AssignRequest{User: "layla", All: true}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	frames := `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`
	for _, vp := range []struct {
		name   string
		w, h   int64
		scale  float64
		sticky bool // whether the bar stays in sight over the list
	}{
		{"1366", 1366, 768, 1, true},
		{"1280", 1280, 720, 1, true},
		{"200pc", 683, 384, 2, false},
		{"phone", 390, 844, 3, true},
	} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
		b.waitFor(`document.readyState === "complete" && !document.getElementById('tick-all').closest('label').hidden`)
		b.run(chromedp.Click(chromedp.CSS(`td.tick input`), chromedp.NodeVisible))
		b.waitFor(`document.getElementById('assign-form').classList.contains('has-ticked')`)
		if n := eval[int](b, footControlsJS+`.length`); n == 0 {
			t.Fatalf("%s: the list has no link to its next page: the test measures nothing", vp.name)
		}

		// Each at the window's foot, as scrolling down the list takes it.
		for _, target := range []string{`[` + lastRowJS + `]`, rowControlsJS, footControlsJS} {
			for i := range eval[int](b, target+`.length`) {
				eval[bool](b, fmt.Sprintf(`(scrollTo(0, 0), %s[%d].scrollIntoView({block: 'end'}), true)`, target, i))
				eval[bool](b, frames)
				for _, msg := range eval[[]string](b, fmt.Sprintf(`%s(%s.slice(%d, %d))`, underBarJS, target, i, i+1)) {
					t.Errorf("%s, scrolled to the foot of the list: %s", vp.name, msg)
				}
			}
		}
		eval[bool](b, fmt.Sprintf(`(%s.scrollIntoView({block: 'end'}), true)`, lastRowJS))
		eval[bool](b, frames)
		b.viewShot("ticked-bar-foot-" + vp.name)

		// Tab from the row before onto the last row's tick box, the last
		// row standing where the bar would cover it.
		eval[bool](b, `(() => { const row = `+lastRowJS+`;
		  scrollBy(0, row.getBoundingClientRect().bottom - innerHeight + 4);
		  [...row.previousElementSibling.querySelectorAll('a, button, input')].pop().focus({preventScroll: true});
		  return true; })()`)
		b.run(chromedp.KeyEvent("\t"))
		eval[bool](b, frames)
		if got := eval[bool](b, `document.activeElement === `+lastRowJS+`.querySelector('td.tick input')`); !got {
			t.Fatalf("%s: Tab from the row before did not reach the last row's tick box but %s", vp.name, eval[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		for _, msg := range eval[[]string](b, underBarJS+`([document.activeElement])`) {
			t.Errorf("%s, reached with Tab: %s", vp.name, msg)
		}

		// The bar is still for the ticked documents: in sight under the
		// list's first rows, where the window is tall enough.
		eval[bool](b, `(document.querySelector('table.docs tbody tr').scrollIntoView({block: 'start'}), true)`)
		eval[bool](b, frames)
		inSight := eval[bool](b, `(() => { const r = document.getElementById('assign-form').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight + .5; })()`)
		if inSight != vp.sticky {
			t.Errorf("%s: with the list's first rows in sight the bar is in sight: %v, want %v", vp.name, inSight, vp.sticky)
		}
		if vp.sticky {
			b.viewShot("ticked-bar-top-" + vp.name)
		}
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
