package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserImportTwiceSaysItOnce is a manager importing the same
// corpus file twice through the project page's form, a slip a team
// makes: the second import is refused, every line for one reason (its
// document has gold already), and the form says that reason once, with
// how many lines and their numbers, not once per document in a red list
// as long as the file. A file of texts alone, imported twice, is the
// same.
func TestBrowserImportTwiceSaysItOnce(t *testing.T) {
	s := newSite(t)
	b := newBrowser(t, s)
	dir := t.TempDir()
	var annotated, bare strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&annotated, `{"id":"n%d","text":"قال الرئيس %d","label":[[4,10,"PER"]]}`+"\n", i, i)
		fmt.Fprintf(&bare, `{"id":"t%d","text":"وصل الوفد %d"}`+"\n", i, i)
	}
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	for _, c := range []struct{ file, body, reason string }{
		{"news.jsonl", annotated.String(), "this line's document of project Demo has that layer already"},
		{"texts.jsonl", bare.String(), "project Demo already has this line's document"},
	} {
		path := filepath.Join(dir, c.file)
		if err := os.WriteFile(path, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		for try := 1; try <= 2; try++ {
			b.run(chromedp.Navigate(project), chromedp.WaitVisible(chromedp.ID("import-form")),
				chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{path}),
				chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
			b.waitFor(`/^(Imported|Nothing)/.test(document.getElementById('import-status').textContent)`)
		}
		if got := eval[string](b, `document.getElementById('import-status').textContent`); got != "Nothing was imported." {
			t.Fatalf("%s imported twice: the form says %q", c.file, got)
		}
		items := eval[[]string](b, `[...document.querySelectorAll('#import-errors li')].map((li) => li.innerText.replace(/\s+/g, ' ').trim())`)
		if len(items) != 1 {
			t.Fatalf("%s imported twice lists %d reasons, want 1:\n  %s", c.file, len(items), strings.Join(items, "\n  "))
		}
		if !strings.HasPrefix(items[0], c.file+", 12 lines: "+c.reason) || !strings.Contains(items[0], "Lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10…") || !strings.Contains(items[0], "All 12 line numbers") {
			t.Errorf("%s imported twice is refused with %q", c.file, items[0])
		}
	}
	b.screenshot("import-twice")
}
