package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// commandOrderJS measures the empty project's import command as drawn:
// where "--project", the name and "FILE" sit left to right, and the x of
// each word of the name in the order it is written. A name isolated in
// the left-to-right command reads right to left as a whole, its first
// word rightmost, after "--project" and before "FILE".
const commandOrderJS = `(() => {
  const code = document.getElementById('import-command');
  const box = (node, from, to) => {
    const r = document.createRange();
    r.setStart(node, from);
    r.setEnd(node, to);
    const rects = [...r.getClientRects()].filter(q => q.width > 0);
    return {left: Math.min(...rects.map(q => q.left)), right: Math.max(...rects.map(q => q.right))};
  };
  const texts = [];
  const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) texts.push(walk.currentNode);
  const at = (word) => {
    for (const t of texts) {
      const i = t.data.indexOf(word);
      if (i >= 0) return box(t, i, i + word.length);
    }
    throw new Error('no ' + word + ' in ' + code.textContent);
  };
  return {text: code.textContent, project: at('--project'), file: at('FILE'), words: NAME_WORDS.map(at)};
})()`

type commandOrder struct {
	Text    string
	Project struct{ Left, Right float64 }
	File    struct{ Left, Right float64 }
	Words   []struct{ Left, Right float64 }
}

// TestBrowserImportCommandOrder creates projects whose Arabic names hold
// digits, the digits last and first, and checks the empty project's
// import command copies as typed and reads as a person expects: the
// command left to right, the name within it right to left, as the name
// reads anywhere else. (Without the name isolated, digits leading an
// Arabic name are drawn left of it, so "2024 أخبار" reads "أخبار 2024".)
func TestBrowserImportCommandOrder(t *testing.T) {
	s := newSite(t)
	b := newBrowser(t, s)
	for _, c := range []struct {
		name  string
		words []string // the name's words in the order written
	}{
		{"أخبار 2024", []string{"أخبار", "2024"}},
		{"2024 أخبار", []string{"2024", "أخبار"}},
		{"تقارير 3 BBC", []string{"تقارير", "3", "BBC"}},
	} {
		b.run(chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`))
		b.run(chromedp.SendKeys(`#new-project-name`, c.name+"\n"))
		b.waitFor(`location.search === "?done=created" && document.readyState === "complete"`)
		eval[bool](b, `document.fonts.ready.then(() => true)`)
		words := "["
		for i, w := range c.words {
			if i > 0 {
				words += ","
			}
			words += fmt.Sprintf("%q", w)
		}
		js := "(() => { const NAME_WORDS = " + words + "]; return " + commandOrderJS + "; })()"
		got := eval[commandOrder](b, js)
		if want := "hashiya import --project '" + c.name + "' FILE"; got.Text != want {
			t.Errorf("%s: the command copies as %q, want %q", c.name, got.Text, want)
		}
		for i, w := range got.Words {
			if w.Left < got.Project.Right || w.Right > got.File.Left {
				t.Errorf("%s: %q drawn at %.0f–%.0f, not between --project (ends %.0f) and FILE (starts %.0f)", c.name, c.words[i], w.Left, w.Right, got.Project.Right, got.File.Left)
			}
			if i > 0 && w.Right > got.Words[i-1].Left {
				t.Errorf("%s: %q (%.0f–%.0f) is not drawn left of %q (%.0f–%.0f), which comes before it", c.name, c.words[i], w.Left, w.Right, c.words[i-1], got.Words[i-1].Left, got.Words[i-1].Right)
			}
		}
	}
}
