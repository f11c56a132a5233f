package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserImportRefusalGroupsReasons uploads a corpus whose every line
// uses a label the project lacks (ANERCorp's PERS), as a file from
// another tool often does: the refusal says that reason once, with the
// number of lines and each line's number, not once a line, while a
// reason of its own keeps its own line.
func TestBrowserImportRefusalGroupsReasons(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	var file strings.Builder
	for i := 1; i <= 150; i++ {
		fmt.Fprintf(&file, `{"id":"a%d","text":"قال أحمد","label":[[4,8,"PERS"]]}`+"\n", i)
	}
	file.WriteString("not json\n")
	path := filepath.Join(t.TempDir(), "aner.jsonl")
	if err := os.WriteFile(path, []byte(file.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{path}),
		chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitFor(`document.getElementById('import-status').textContent === 'Nothing was imported.'`)

	errors := eval[string](b, `document.getElementById('import-errors').innerText`)
	if n := strings.Count(errors, `label "PERS" is not in project Demo's label set`); n != 1 {
		t.Errorf("the missing label's reason is said %d times, want once:\n%.600s", n, errors)
	}
	if !strings.Contains(errors, "151 bad lines") || !strings.Contains(errors, "aner.jsonl, 150 lines:") {
		t.Errorf("the refusal does not count the lines:\n%.600s", errors)
	}
	if !strings.Contains(errors, "aner.jsonl:151: line is not valid JSON") {
		t.Errorf("a reason of its own lost its line:\n%.600s", errors)
	}
	if got := eval[int](b, `document.querySelectorAll('#import-errors li').length`); got != 2 {
		t.Errorf("%d items listed, want 2 (one a reason)", got)
	}
	// Every line is still named, the many behind a disclosure.
	numbers := eval[string](b, `[...document.querySelectorAll('#import-errors li')][0].textContent`)
	for _, n := range []string{"1, 2, 3", "149, 150"} {
		if !strings.Contains(numbers, n) {
			t.Errorf("line numbers %q missing from %.300s…", n, numbers)
		}
	}
	if h := eval[float64](b, `document.getElementById('import-errors').getBoundingClientRect().height`); h > 768 {
		t.Errorf("the refusal is %.0fpx tall, more than the laptop's screen", h)
	}
	b.run(chromedp.Click(chromedp.CSS(`#import-errors summary`)))
	b.waitFor(`[...document.querySelectorAll('#import-errors details')].every((d) => d.open)`)
}
