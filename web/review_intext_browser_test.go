package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserMarkReviewedTurnsPrimary: while a span is undecided, Mark
// gold reviewed is a plain button, not the page's call to action; the
// decision that leaves none undecided, made in place, makes it the
// primary (accent-coloured) button without reloading the page.
func TestBrowserMarkReviewedTurnsPrimary(t *testing.T) {
	_, b, _ := reviewOf(t, "PER", []string{"صباح النعمان", "الجهاز"}, "")
	eval[bool](b, `window.stayed = true`)
	button := `(() => { const b = document.querySelector('#mark-reviewed button');
		return document.getElementById('undecided-count').textContent + ' ' + b.classList.contains('primary') + ' ' +
			(getComputedStyle(b).backgroundColor === getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() ||
			getComputedStyle(b).backgroundColor === (() => { const p = document.createElement('i'); p.style.color = 'var(--accent)'; document.body.append(p); const c = getComputedStyle(p).color; p.remove(); return c; })()); })()`
	if got := eval[string](b, button); got != "2 of 2 spans undecided. false false" {
		t.Errorf("with two spans undecided, Mark gold reviewed: %s", got)
	}
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept PER “صباح النعمان” into gold"]`)))
	b.waitFor(`document.getElementById('undecided-count').textContent === '1 of 2 spans undecided.'`)
	if got := eval[string](b, button); got != "1 of 2 spans undecided. false false" {
		t.Errorf("with one span undecided, Mark gold reviewed: %s", got)
	}
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept PER “الجهاز” into gold"]`)))
	b.waitFor(`document.getElementById('undecided-count').textContent === 'Every span is decided.'`)
	if got := eval[string](b, button+` + ' ' + window.stayed`); got != "Every span is decided. true true true" {
		t.Errorf("with every span decided, Mark gold reviewed (and the page not reloaded): %s", got)
	}
}

// TestBrowserReviewRowInTheText: a row's "in the text" link opens
// Compare in the text at the row's paragraph, scrolled to the top of
// the window, its span marked there.
func TestBrowserReviewRowInTheText(t *testing.T) {
	_, b, doc := reviewOf(t, "PER", []string{"صباح النعمان"}, "")
	start, _ := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.run(chromedp.Click(chromedp.CSS(`a[aria-label="Show PER “صباح النعمان” in the text"]`)))
	b.waitFor(`document.readyState === 'complete' && document.querySelector(':target') !== null`)
	got := eval[string](b, fmt.Sprintf(`(() => { const p = document.querySelector(':target'); const r = p.getBoundingClientRect();
		return p.id + ' ' + (scrollY > 0 && Math.abs(r.top) < 2) + ' ' + p.querySelector('.cmp-line:not(.gold) a.cmp-seg[data-start="%d"]').textContent; })()`, start))
	if got != "p-2 true صباح النعمان" {
		t.Errorf("the link lands on %q, want paragraph 2 at the top of the window, the span marked in it", got)
	}
}
