package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserHeaderAndSnapNamesWhole: on a phone, at 200% zoom and on a
// laptop, in English and Arabic, the header shows who is signed in with
// no word cut short (on a phone by the name alone, whole, "Signed in as"
// left to screen readers), and the annotation view's snapping box says
// what it does in words a screen reader (and voice control) names it by
// too: "Snap to whole words" where there is room, "Whole words" where
// the controls are compact, never "Snap" for a name that reads longer.
func TestBrowserHeaderAndSnapNamesWhole(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	for _, lang := range []struct{ code, signed, long, short string }{
		{"en", "Signed in as", "Snap to whole words", "Whole words"},
		{"ar", "مسجَّل الدخول باسم", "ضبط التحديد على الكلمات الكاملة", "الكلمات الكاملة"},
	} {
		if err := s.store.SetLanguage(context.Background(), s.user, lang.code); err != nil {
			t.Fatal(err)
		}
		for _, vp := range []struct {
			name    string
			w, h    int64
			scale   float64
			compact bool
		}{{"laptop", 1366, 768, 1, false}, {"zoom", 683, 384, 2, true}, {"phone", 360, 640, 2, true}} {
			where := lang.code + " " + vp.name
			b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
			b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
			// Who is signed in: nothing drawn is cut, the name whole in the
			// window; the words before it shown whole or not at all.
			who := eval[map[string]any](b, `(() => {
			  const who = document.querySelector('.who'), name = who.querySelector('bdi');
			  let words = who.querySelector('.who-words');
			  if (!words) { // the words as a bare text before the name
			    words = new Range();
			    words.setStart(who, 0);
			    words.setEndBefore(name);
			  }
			  const n = name.getBoundingClientRect(), w = words.getBoundingClientRect();
			  return {cut: who.scrollWidth > who.clientWidth + 1 || name.scrollWidth > name.clientWidth + 1,
			    nameIn: n.left >= -0.5 && n.right <= innerWidth + 0.5 && n.width > 0,
			    words: w.width > 2 ? (words.textContent ?? words.toString()).trim() : '', heard: who.textContent};
			})()`)
			if who["cut"] == true || who["nameIn"] != true {
				b.viewShot("header-who-" + lang.code + "-" + vp.name)
				t.Errorf("%s: who is signed in is cut or off the window: %v", where, who)
			}
			if w := who["words"].(string); w != "" && w != lang.signed {
				t.Errorf("%s: the words before the name read %q", where, w)
			}
			if vp.name == "phone" && who["words"] != "" {
				t.Errorf("%s: the phone's header shows %q before the name", where, who["words"])
			}
			if h := who["heard"].(string); h != lang.signed+" annotator" {
				t.Errorf("%s: the header says %q to a screen reader", where, h)
			}
			// The snapping box: what shows is its name.
			shown := eval[string](b, `document.getElementById('snap-words').closest('label').innerText.trim()`)
			want := lang.long
			if vp.compact {
				want = lang.short
			}
			if shown != want {
				b.viewShot("snap-" + lang.code + "-" + vp.name)
				t.Errorf("%s: the snapping box reads %q, want %q", where, shown, want)
			}
			if heard := b.axHeard("#snap-words"); !strings.HasPrefix(heard, "checkbox "+shown+":") {
				t.Errorf("%s: the snapping box shows %q and is heard as %q", where, shown, heard)
			}
		}
	}
}
