package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRefusedRuleFocusesItsSide: a manager makes the cue rule join
// QUOTE to a label the project lacks; the page that comes back opens
// with the focus in that rule's "to" field, as typed, marked invalid and
// described by the refusal, which names the rule and the label.
func TestBrowserRefusedRuleFocusesItsSide(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	to := `input[aria-label="Labels relation type 2 joins to"]`
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)),
		chromedp.WaitVisible(chromedp.ID("relation-types-form")),
		chromedp.SetValue(to, "CUE EVENT"),
		chromedp.Click(`#relation-types-form button[type="submit"]`),
		chromedp.WaitVisible(`#relation-types #form-error`))
	focused := fmt.Sprintf(`(() => { const e = document.querySelector(%q);
		return document.activeElement === e && e.value === 'CUE EVENT' && e.getAttribute('aria-invalid') === 'true'
			&& e.getAttribute('aria-describedby') === 'form-error'; })()`, to)
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](focused, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Errorf("the rule's to field is not focused and marked: focus on %q", eval[string](b, `document.activeElement.getAttribute('aria-label') || document.activeElement.id`))
	}
	says := eval[string](b, `document.getElementById('form-error').innerText.trim()`)
	if want := "Relation type cue names label EVENT, which project"; !strings.HasPrefix(says, want) {
		t.Errorf("the refusal says %q, want it to start %q", says, want)
	}
}
