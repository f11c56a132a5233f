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
// types t or H, or the key typing q on AZERTY for ض, on Q; the list of
// keys names that key beside the letter.
func TestBrowserArabicLetterHotkeys(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.setLabels(t, append(db.DefaultLabels(),
		db.Label{Name: "EVENT", Color: "#777777", Hotkey: "ف"},
		db.Label{Name: "TITLE", Color: "#888888", Hotkey: "أ"},
		db.Label{Name: "WORK", Color: "#999999", Hotkey: "ض"}))
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	keys := eval[string](b, `document.getElementById('label-keys').textContent`)
	if !strings.Contains(keys, "7 CUE, ف (T) EVENT, أ (Shift+H) TITLE, ض (Q) WORK)") {
		t.Errorf("the list of keys reads %q, want each Arabic letter with its key", keys)
	}
	// Each label's badge shows its key, and an Arabic letter's key on a
	// US keyboard beside it.
	badges := eval[string](b, `[...document.querySelectorAll('#annotate-bar .label-btn kbd')].map((k) => [...k.childNodes].map((n) => n.textContent.trim()).filter(Boolean).join(' ')).join(', ')`)
	if want := "1, 2, 3, 4, 5, 6, 7, ف T, أ ⇧H, ض Q"; badges != want {
		t.Errorf("the label bar's badges read %q, want %q", badges, want)
	}
	bar, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.ID("annotate-bar")))
	if err != nil {
		t.Fatal(err)
	}
	b.keepShot("arabic-letter-hotkeys-bar", bar)
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
	press("بغداد", "q", 'a', "WORK") // AZERTY's Q, where a US keyboard has A

	// In an Arabic interface the list names them the same way, the list
	// kept whole inside the Arabic sentence.
	if err := s.store.SetLanguage(context.Background(), s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.pressAt("؟", '?')
	b.waitFor(`document.getElementById('keyhelp').open`)
	keys = eval[string](b, `document.getElementById('label-keys').textContent`)
	if want := "(\u20681 PER, 2 ORG, 3 LOC, 4 GPE, 5 DATE, 6 QUOTE, 7 CUE, ف (T) EVENT, أ (Shift+H) TITLE, ض (Q) WORK\u2069)"; !strings.HasPrefix(keys, "اضغط") || !strings.Contains(keys, want) {
		t.Errorf("the Arabic list of keys reads %q, want %q in it", keys, want)
	}
	png, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.ID("keyhelp")))
	if err != nil {
		t.Fatal(err)
	}
	b.keepShot("arabic-letter-hotkeys-help-ar", png)
}

// TestBrowserArabicLetterHotkeysChangedMeanwhile: a manager removes TMP
// (key ف) and adds NEW (key خ) while the page is open. On a US layout, O
// on a selection asks the server, redraws the bar and saves a NEW span;
// T then says TMP is gone and saves nothing.
func TestBrowserArabicLetterHotkeysChangedMeanwhile(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.setLabels(t, append(db.DefaultLabels(), db.Label{Name: "TMP", Color: "#d6409f", Hotkey: "ف"}))
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	b.dragSelect(start, end)
	s.setLabels(t, append(db.DefaultLabels(), db.Label{Name: "NEW", Color: "#d6409f", Hotkey: "خ"}))
	b.pressAt("o", 'o')
	if spans := s.waitSpans(t, doc, s.user.ID, 1); !hasSpan(spans, start, end, "NEW") {
		t.Errorf("O, the key of the new label's خ, stored %+v, want NEW at %d..%d", spans, start, end)
	}
	b.waitPage(1)
	if bar := b.labelBar(); !strings.HasSuffix(bar, "7 CUE, خ NEW") {
		t.Errorf("after O the bar offers %s", bar)
	}
	start, end = spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	b.dragSelect(start, end)
	before := eval[string](b, `document.getElementById('save-error-text').textContent`)
	b.pressAt("t", 't')
	b.waitFor(fmt.Sprintf(`!document.getElementById('save-error').hidden && document.getElementById('save-error-text').textContent !== %q`, before))
	if msg := eval[string](b, `document.getElementById('save-error-text').textContent`); msg != "Key t gave TMP, which is no longer one of the project's labels (the label bar shows them); nothing was changed." {
		t.Errorf("T, the key of the removed label's ف, says %q", msg)
	}
	if spans := s.waitSpans(t, doc, s.user.ID, 1); len(spans) != 1 {
		t.Errorf("T stored %+v", spans)
	}
}
