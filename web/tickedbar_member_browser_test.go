package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// memberFitJS says whether the bar's member picker shows the whole of
// the member chosen in it: a copy of the picker holding that one choice,
// sized by it alone (its text, padding and arrow, in the same style),
// must be no wider than the picker is; and the picker lies wholly inside
// the bar and the window. "" when it does, else what is cut.
const memberFitJS = `(() => {
  const sel = document.getElementById('assign-user');
  const chosen = sel.selectedOptions[0].text;
  const probe = sel.cloneNode(false);
  probe.append(new Option(chosen));
  probe.style.cssText = 'position: absolute; visibility: hidden; width: auto; min-width: 0; max-width: none; flex: none';
  sel.after(probe);
  const need = probe.getBoundingClientRect().width;
  probe.remove();
  const r = sel.getBoundingClientRect(), bar = document.getElementById('assign-form').getBoundingClientRect();
  const problems = [];
  if (r.width + .5 < need) problems.push('"' + chosen + '" needs ' + need.toFixed(1) + 'px, the picker is ' + r.width.toFixed(1) + 'px wide');
  if (r.left < bar.left - .5 || r.right > bar.right + .5 || r.left < -.5 || r.right > innerWidth + .5) problems.push('the picker (' + Math.round(r.left) + '-' + Math.round(r.right) + 'px) sticks out of the bar (' + Math.round(bar.left) + '-' + Math.round(bar.right) + 'px)');
  return problems.join('; ');
})()`

// TestBrowserTickedBarMemberReadable: on a phone, 390 and 320 pixels
// wide, the member picker in the bar of ticked documents shows the whole
// of whichever member is chosen (it once showed "layla (ann"), inside the
// bar, and the bar stays at most a fifth of the screen tall; the picker
// names each member, under the heading of their role.
func TestBrowserTickedBarMemberReadable(t *testing.T) {
	s := managedSite(t)
	addSiteMember(t, s, "noura", db.RoleReviewer)
	b := newBrowser(t, s)
	for _, vp := range []struct{ w, h int64 }{{390, 844}, {320, 640}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(2)), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
		b.waitFor(`document.readyState === "complete" && !document.getElementById('tick-all').closest('label').hidden`)
		b.run(chromedp.Click(chromedp.CSS(`td.tick input`), chromedp.NodeVisible))
		b.waitFor(`document.getElementById('assign-form').classList.contains('has-ticked')`)
		eval[bool](b, `(document.querySelector('table.docs tbody').scrollIntoView({block: 'start'}), true)`)
		options := eval[[]string](b, `[...document.getElementById('assign-user').options].map((o) => o.value)`)
		if len(options) < 3 {
			t.Fatalf("%dpx: the picker offers %v: the test measures too little", vp.w, options)
		}
		want := "Annotators: layla, omar; Reviewers: noura"
		if got := eval[string](b, `[...document.querySelectorAll('#assign-user optgroup')].map((g) => g.label + ': ' + [...g.children].map((o) => o.text).join(', ')).join('; ')`); got != want {
			t.Errorf("%dpx: the picker lists %q, want %q", vp.w, got, want)
		}
		for _, name := range options {
			b.run(chromedp.SetValue(chromedp.ID("assign-user"), name))
			if problem := eval[string](b, memberFitJS); problem != "" {
				t.Errorf("%dpx wide, %s chosen: %s", vp.w, name, problem)
			}
		}
		b.run(chromedp.SetValue(chromedp.ID("assign-user"), "layla"))
		b.waitFor(`(() => { const r = document.getElementById('assign-form').getBoundingClientRect(); return r.bottom <= innerHeight && r.top < innerHeight; })()`)
		b.viewShot(fmt.Sprintf("ticked-bar-member-%d", vp.w))
		if h := eval[float64](b, `document.getElementById('assign-form').getBoundingClientRect().height`); h > float64(vp.h)/5 {
			t.Errorf("%dpx wide: the bar is %.0fpx tall in a %dpx window, want at most a fifth", vp.w, h, vp.h)
		}
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
