package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRefusedLabelFormOpensOnItsError: a manager gives DATE the
// key A, which the annotation view keeps, and edits a description; the
// page that comes back, on a window 320 px wide, opens on the refusal,
// in the Labels section, with the focus in DATE's hotkey, in sight and
// described by the refusal, and both edits kept to be mended.
func TestBrowserRefusedLabelFormOpensOnItsError(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)),
		chromedp.WaitVisible(chromedp.ID("labels-form")),
		chromedp.SetValue(`input[aria-label="Hotkey of label 5"]`, "a"),
		chromedp.SetValue(`input[aria-label="What label 1 covers"]`, "أسماء الأشخاص"),
		chromedp.Click(`#labels-form button[type="submit"]`),
		chromedp.WaitVisible(`#labels #form-error`))
	says := eval[string](b, `document.getElementById('form-error').innerText.trim()`)
	if want := `Hotkey "a" of label DATE is the annotation view's "Label every occurrence"; choose another.`; says != want {
		t.Errorf("the refusal says %q, want %q", says, want)
	}
	// Focus lands in the bad hotkey, in sight, once the page has loaded
	// (its font may still move the text above): wait for both rather
	// than for a time, and say where it stands when it never does.
	inSight := `(() => { const e = document.querySelector('input[aria-label="Hotkey of label 5"]'), r = e.getBoundingClientRect();
		return document.activeElement === e && e.getAttribute('aria-describedby') === 'form-error'
			&& r.top >= 0 && r.bottom <= innerHeight && scrollY > 0; })()`
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](inSight, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Errorf("the bad hotkey is not focused in sight: focus on %q, at %s, window %v high, scrolled %v", eval[string](b, `document.activeElement.getAttribute('aria-label') || document.activeElement.id`),
			eval[string](b, `JSON.stringify(document.querySelector('input[aria-label="Hotkey of label 5"]').getBoundingClientRect())`), eval[float64](b, `innerHeight`), eval[float64](b, `scrollY`))
	}
	kept := eval[string](b, `document.querySelector('input[aria-label="Hotkey of label 5"]').value + ' ' +
		document.querySelector('input[aria-label="What label 1 covers"]').value`)
	if kept != "a أسماء الأشخاص" {
		t.Errorf("the form came back holding %q, want the edits as typed", kept)
	}
	if p, _ := s.store.Project(t.Context(), s.proj.ID); p.Labels[4].Hotkey != "5" || p.Labels[0].Description != "" {
		t.Errorf("the refused form changed the labels: %+v", p.Labels)
	}
	if strings.Contains(eval[string](b, `document.body.innerText`), "Go to Labels") {
		t.Error("the refusal is also at the top of the page")
	}
}
