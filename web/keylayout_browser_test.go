package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// pressAt presses the key at the place where a US keyboard has us, as a
// keyboard of another layout sends it: key is what that layout types
// there (ح where a US keyboard has p), the place and the Windows key code
// are the US key's, Shift is held when the US character needs it
// (? is Shift+/), and mods are held as well. The character goes with the
// key down of a key that types one unless Ctrl is held, as with a real
// keyboard.
func (b *browser) pressAt(key string, us rune, mods ...chromedp.Modifier) {
	b.t.Helper()
	place, ok := kb.Keys[us]
	if !ok {
		b.t.Fatalf("no US key types %q", us)
	}
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: place.Code, WindowsVirtualKeyCode: place.Windows}
	if place.Shift {
		down.Modifiers |= int64(chromedp.ModifierShift)
	}
	for _, m := range mods {
		down.Modifiers |= int64(m)
	}
	if place.Print && down.Modifiers&^int64(chromedp.ModifierShift) == 0 {
		down.Text, down.UnmodifiedText = key, key
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	for _, ev := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (cdp.Empty, error) {
			return cdp.Call(ctx, t, input.DispatchKeyEvent, ev)
		}); err != nil {
			b.t.Fatalf("press %q at %q: %v", key, us, err)
		}
	}
}

// keyNameJS makes the tab note, for every key pressed, what keyname.js
// names it (keyName, then keyNames after a bar), and keeps the key from
// the page, whose keys would act on it.
const keyNameJS = `import(document.querySelector('script[type=module]').src.replace('annotate.js', 'keyname.js')).then((m) => {
  window.keyNamesSeen = [];
  window.addEventListener('keydown', (e) => {
    keyNamesSeen.push(m.keyName(e) + '|' + m.keyNames(e).join(' '));
    e.stopImmediatePropagation();
    e.preventDefault();
  }, true);
  return true;
})`

// TestBrowserKeyNames: keyname.js names keys pressed in Chromium as the
// page's shortcuts know them. A Latin layout keeps its own characters
// (AZERTY's a where a US keyboard has q, and ü); a key of the Arabic
// layout is the US character at its place, with Shift where that needs
// it; a named key stays as it is; a label is also looked up by the
// character typed and by the digit of the digit row.
func TestBrowserKeyNames(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, s.docs["seed"].ID))
	eval[bool](b, keyNameJS)
	cases := []struct {
		key  string
		us   rune
		mods []chromedp.Modifier
		want string
	}{
		{"ح", 'p', nil, "p|ح p"},                             // Arabic: P
		{"ظ", '/', nil, "/|ظ /"},                             // Arabic: /
		{"؟", '?', nil, "?|؟ ?"},                             // Arabic: Shift+/
		{"ج", '[', nil, "[|ج ["},                             // Arabic: [
		{"د", ']', nil, "]|د ]"},                             // Arabic: ]
		{"س", 's', nil, "s|س s"},                             // Arabic: S
		{"ِ", 'a', []chromedp.Modifier{shift}, "a|ِ a"},      // Arabic: Shift+A, a kasra
		{"لا", 'b', nil, "b|b"},                              // Arabic: B, two letters
		{"ئ", 'z', []chromedp.Modifier{ctrl}, "z|ئ z"},       // Arabic: Ctrl+Z
		{"١", '1', nil, "1|١ 1"},                             // Arabic digit one
		{"ф", 'a', nil, "a|ф a"},                             // Russian: A
		{"a", 'q', nil, "a|a"},                               // AZERTY: a where US has q
		{"q", 'a', nil, "q|q"},                               // AZERTY: q where US has a
		{"A", 'q', []chromedp.Modifier{shift}, "a|a"},        // AZERTY: Shift+A
		{"ü", '[', nil, "ü|ü"},                               // German: ü where US has [
		{"&", '1', nil, "&|& 1"},                             // AZERTY: the key of 1
		{"/", '/', nil, "/|/"},                               // US
		{"?", '?', nil, "?|?"},                               // US: Shift+/
		{"Escape", rune(kb.Escape[0]), nil, "Escape|Escape"}, // a named key
	}
	for _, c := range cases {
		b.pressAt(c.key, c.us, c.mods...)
	}
	seen := eval[[]string](b, `keyNamesSeen`)
	if len(seen) != len(cases) {
		t.Fatalf("the page saw %d keys, want %d: %q", len(seen), len(cases), seen)
	}
	for i, c := range cases {
		if seen[i] != c.want {
			t.Errorf("key %q at US %q: named %q, want %q", c.key, c.us, seen[i], c.want)
		}
	}
}

// TestBrowserArabicLayoutKeys: an annotator whose keyboard types Arabic
// labels, picks a speaker, finds, opens the list of keys, walks the
// spans and undoes with the keys the page names, pressed where a US
// keyboard has them; a label whose key is an Arabic letter takes that
// letter's key.
func TestBrowserArabicLayoutKeys(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	labels := append(db.DefaultLabels(),
		db.Label{Name: "MISC", Color: "#777777", Hotkey: "p"},
		db.Label{Name: "TITLE", Color: "#888888", Hotkey: "خ"}) // where a US keyboard has o
	s.setLabels(t, labels)
	ctx := context.Background()
	add := func(word, label string) db.Span {
		t.Helper()
		a, e := spanAt(t, doc.Text, word, 0)
		sp, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	speaker := add("الناطق باسم الجهاز صباح النعمان", "PER")
	quote := add("الجهاز مستمر في عملياته", "QUOTE")
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	labelled := func(n int, word, label string) {
		t.Helper()
		a, e := spanAt(t, doc.Text, word, 0)
		for _, sp := range s.waitSpans(t, doc, s.user.ID, n) {
			if sp.Start == a && sp.End == e {
				if sp.Label != label {
					t.Errorf("%s is labelled %s, want %s", word, sp.Label, label)
				}
				b.waitPage(n)
				return
			}
		}
		t.Fatalf("no span on %s", word)
	}

	// P labels MISC; the key of خ labels TITLE.
	a, e := spanAt(t, doc.Text, "مصطفى الكاظمي", 0)
	b.dragSelect(a, e)
	b.pressAt("ح", 'p')
	labelled(3, "مصطفى الكاظمي", "MISC")
	a, e = spanAt(t, doc.Text, "داعش", 0)
	b.dragSelect(a, e)
	b.pressAt("خ", 'o')
	labelled(4, "داعش", "TITLE")

	// Ctrl+Z takes TITLE back.
	b.pressAt("ئ", 'z', ctrl)
	s.waitSpans(t, doc, s.user.ID, 3)
	b.waitPage(3)

	// [ opens the span before the caret; Escape closes it.
	b.pressAt("ج", '[')
	b.waitFor(`!document.getElementById('span-editor').hidden`)
	b.run(chromedp.KeyEvent(kb.Escape))
	b.waitFor(`document.getElementById('span-editor').hidden`)

	// S on the quotation open picks its speaker.
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	b.pressAt("س", 's')
	b.waitFor(fmt.Sprintf(`document.activeElement.closest('#q-speaker-choices') !== null && document.activeElement.dataset.span === '%d'`, speaker.ID))
	b.run(chromedp.KeyEvent(kb.Escape), chromedp.Focus(chromedp.ID("doc")), chromedp.KeyEvent(kb.Escape))
	b.waitFor(`document.getElementById('span-editor').hidden`)

	// / goes to the find box, Shift+/ opens the list of keys.
	b.pressAt("ظ", '/')
	b.waitFor(`document.activeElement === document.getElementById('find-q')`)
	if v := eval[string](b, `document.getElementById('find-q').value`); v != "" {
		t.Errorf("the key of / typed %q into the find box", v)
	}
	b.run(chromedp.Focus(chromedp.ID("doc")))
	b.pressAt("؟", '?')
	b.waitFor(`document.querySelector('details.help').open`)
	b.pressAt("؟", '?')
	b.waitFor(`!document.querySelector('details.help').open`)
}

// TestBrowserLatinLayoutKeepsItsKeys: on AZERTY, the key typing a, where
// a US keyboard has q, is "label every occurrence"; the page does not
// take it for q.
func TestBrowserLatinLayoutKeepsItsKeys(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	a, e := spanAt(t, doc.Text, "داعش", 0)
	sp, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: "ORG"})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Count(doc.Text, "داعش")
	if want < 2 {
		t.Fatalf("the article has %d داعش, want two or more", want)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(sp.Start + 1)
	b.waitFor(`!document.getElementById('span-editor').hidden`)
	b.pressAt("a", 'q')
	for _, got := range s.waitSpans(t, doc, s.user.ID, want) {
		if got.Label != "ORG" || got.Text != "داعش" {
			t.Errorf("after a: span %+v, want ORG on داعش", got)
		}
	}
}

// TestBrowserReviewKeysArabicLayout: a reviewer whose keyboard types
// Arabic walks the rows with the keys of j and k (ت and ن there) and
// accepts with the key of a (ش).
func TestBrowserReviewKeysArabicLayout(t *testing.T) {
	words := []string{"صباح النعمان", "كردستان"}
	s, b, doc := reviewOf(t, "PER", words, "")
	focused := `(() => { const r = document.activeElement.closest('#candidates tbody tr'); return r ? r.querySelector('mark').textContent : ''; })()`
	b.pressAt("ت", 'j')
	b.pressAt("ت", 'j')
	b.waitFor(fmt.Sprintf(`%s === %q`, focused, words[1]))
	b.pressAt("ن", 'k')
	b.waitFor(fmt.Sprintf(`%s === %q`, focused, words[0]))
	b.pressAt("ش", 'a')
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		l, err := s.store.LayerOf(t.Context(), doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Spans) == 1 && l.Spans[0].Text == words[0] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the key of a did not accept %s into gold: %+v", words[0], l.Spans)
		}
	}
}
