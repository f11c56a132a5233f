package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserNoteTimesInUTC: a note's time reads as every other page's
// times do, in UTC to the second, whatever the browser's language and
// time zone (here Arabic, in Baghdad).
func TestBrowserNoteTimesInUTC(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	if _, err := chromedp.Call(b.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "Asia/Baghdad"}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "ar_IQ"}); err != nil {
		t.Fatal(err)
	}
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.CSS(`#notes > summary`)), chromedp.SendKeys(chromedp.ID("note-body"), "A question"), chromedp.Click(chromedp.ID("note-add")))
	b.waitFor(`document.querySelectorAll('#notes-list li').length === 1`)
	got := eval[[]string](b, `(() => { const t = document.querySelector('#notes-list time'); return [t.textContent, t.dateTime]; })()`)
	if len(got[1]) < 19 || got[0] != got[1][:10]+" "+got[1][11:19]+" UTC" {
		t.Errorf("a note stored at %q reads %q, want its UTC time", got[1], got[0])
	}
}
