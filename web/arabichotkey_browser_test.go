package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserArabicLetterHotkeys: a label whose hotkey is a letter of the
// Arabic keyboard is given by the key typing it there (ف, where a US
// keyboard has T; أ, Shift+H) and by the same key on a US layout, which
// types t or H; the list of keys names that key beside the letter.
func TestBrowserArabicLetterHotkeys(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.setLabels(t, append(db.DefaultLabels(),
		db.Label{Name: "EVENT", Color: "#777777", Hotkey: "ف"},
		db.Label{Name: "TITLE", Color: "#888888", Hotkey: "أ"}))
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	keys := eval[string](b, `document.getElementById('label-keys').textContent`)
	if !strings.Contains(keys, "7 CUE, ف (T) EVENT, أ (Shift+H) TITLE)") {
		t.Errorf("the list of keys reads %q, want each Arabic letter with its key", keys)
	}
	n := 0
	press := func(word, key string, us rune, label string) {
		t.Helper()
		a, e := spanAt(t, doc.Text, word, 0)
		b.dragSelect(a, e)
		b.pressAt(key, us)
		n++
		got := ""
		for _, sp := range s.waitSpans(t, doc, s.user.ID, n) {
			if sp.Start == a && sp.End == e {
				got = sp.Label
			}
		}
		if got != label {
			t.Errorf("%q at US %q labelled %s %q, want %s", key, us, word, got, label)
		}
		b.waitPage(n)
	}
	press("مصطفى الكاظمي", "ف", 't', "EVENT") // an Arabic layout
	press("داعش", "t", 't', "EVENT")          // a US one
	press("الجهاز مستمر في عملياته", "أ", 'H', "TITLE")
	press("صباح النعمان", "H", 'H', "TITLE")

	// In an Arabic interface the list names them the same way, the list
	// kept whole inside the Arabic sentence.
	if err := s.store.SetLanguage(context.Background(), s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.pressAt("؟", '?')
	b.waitFor(`document.getElementById('keyhelp').open`)
	keys = eval[string](b, `document.getElementById('label-keys').textContent`)
	if want := "(\u20681 PER, 2 ORG, 3 LOC, 4 GPE, 5 DATE, 6 QUOTE, 7 CUE, ف (T) EVENT, أ (Shift+H) TITLE\u2069)"; !strings.HasPrefix(keys, "اضغط") || !strings.Contains(keys, want) {
		t.Errorf("the Arabic list of keys reads %q, want %q in it", keys, want)
	}
	png, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.ID("keyhelp")))
	if err != nil {
		t.Fatal(err)
	}
	b.keepShot("arabic-letter-hotkeys-help-ar", png)
}
