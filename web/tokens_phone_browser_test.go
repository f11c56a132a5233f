package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTokensOnAPhone: on a phone, and in a window a little wider,
// the Settings page shows each API token's name, dates and Revoke button
// within the screen, in English and in Arabic, where the table hid
// Revoke past the edge of its box; the dates say what they are, and a
// wide window keeps the table.
func TestBrowserTokensOnAPhone(t *testing.T) {
	s := newSite(t)
	for _, name := range []string{"nightly export", "سكربت التصدير"} {
		if _, _, err := s.store.CreateToken(context.Background(), s.user, name); err != nil {
			t.Fatal(err)
		}
	}
	inLanguages(t, s, func(b *browser, lang string) {
		// At 500px, just wider than a phone's layout, the table did not
		// fit either.
		for _, w := range []int64{500, 390} {
			b.run(chromedp.EmulateViewport(w, 844), chromedp.Navigate(s.url+"/settings"))
			b.waitFor(`document.readyState === "complete" && document.fonts.status === "loaded" && !!document.querySelector('table.tokens')`)
			hidden := eval[[]string](b, `(() => { const box = document.querySelector('table.tokens').closest('.table-wrap').getBoundingClientRect();
			  return [...document.querySelectorAll('table.tokens td > *, table.tokens button')].filter((e) => {
			    const r = e.getBoundingClientRect(); return r.left < Math.max(box.left, 0) - 1 || r.right > Math.min(box.right, innerWidth) + 1; })
			    .map((e) => (e.getAttribute('aria-label') || e.textContent.trim()) + ' at ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right)); })()`)
			for _, h := range hidden {
				t.Errorf("%s %dx844: out of sight past the table's box: %s", lang, w, h)
			}
		}
		if n := eval[int](b, `document.querySelectorAll('table.tokens button.danger').length`); n != 2 {
			t.Errorf("%s: %d Revoke buttons, want 2", lang, n)
		}
		created := map[string]string{"en": "Created (UTC): ", "ar": arabicOf(t, "Created (UTC)") + ": "}[lang]
		if got := eval[string](b, `getComputedStyle(document.querySelector('table.tokens td:nth-child(2)'), '::before').content`); got != fmt.Sprintf("%q", created) {
			t.Errorf("%s: a token's date is headed %s, want %q", lang, got, created)
		}
		b.checkReflow("settings in "+lang, 390, 844)
		b.screenshot("tokens-phone-" + lang)
		b.run(chromedp.EmulateViewport(1366, 768))
		if got := eval[string](b, `getComputedStyle(document.querySelector('table.tokens tbody tr')).display`); got != "table-row" {
			t.Errorf("%s 1366x768: a token's row is drawn as %q, want the table's row", lang, got)
		}
	})
}
