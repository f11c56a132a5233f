package web_test

import (
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestBrowserCopyNewToken: the Copy button beside a token just made puts
// it on the clipboard; where the clipboard is refused, the token is
// selected and the button's message says to press Ctrl+C.
func TestBrowserCopyNewToken(t *testing.T) {
	s := newSite(t)
	b := newBrowser(t, s)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		perm := cdpbrowser.SetPermissionParams{Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted, Origin: s.url}
		if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetPermission, perm); err != nil {
			t.Fatalf("allow %s: %v", name, err)
		}
	}
	b.run(chromedp.Navigate(s.url+"/settings"), chromedp.WaitVisible(`#token-name`))
	b.run(chromedp.SendKeys(`#token-name`, "pipeline\n"))
	b.waitFor(`document.getElementById('new-token') !== null && document.readyState === "complete"`)
	token := eval[string](b, `document.getElementById('new-token').textContent`)
	if len(token) < 20 {
		t.Fatalf("new token %q", token)
	}

	b.run(chromedp.Click(`button[data-copy="new-token"]`))
	b.waitFor(`document.getElementById('new-token-copied').textContent !== ''`)
	if got := eval[string](b, `navigator.clipboard.readText().then((text) => document.getElementById('new-token-copied').textContent + ' | ' + text)`); got != "Copied. | "+token {
		t.Errorf("after Copy: %q", got)
	}

	// Refused: selected, and said so.
	eval[bool](b, `getSelection().removeAllRanges(); document.getElementById('new-token-copied').textContent = '';
	  navigator.clipboard.writeText = () => Promise.reject(new Error('refused by the test')); true`)
	b.run(chromedp.Click(`button[data-copy="new-token"]`))
	b.waitFor(`document.getElementById('new-token-copied').textContent !== ''`)
	if got := eval[string](b, `document.getElementById('new-token-copied').textContent + ' | ' + String(getSelection())`); got != "Not copied (refused by the test): it is selected, press Ctrl+C. | "+token {
		t.Errorf("when the clipboard refuses: %q", got)
	}
}
