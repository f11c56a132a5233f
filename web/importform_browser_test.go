package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserImportFormSpeaksOfItself: a file using a label the project
// lacks is refused with the form's own way to add it, the "Add labels
// the project lacks" box, not a command-line flag or an API parameter;
// ticked, the file imports. The offsets choice shows only while the file
// chosen is read in a format that counts offsets.
func TestBrowserImportFormSpeaksOfItself(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	dir := t.TempDir()
	aner := filepath.Join(dir, "aner.jsonl")
	os.WriteFile(aner, []byte(`{"id":"a1","text":"قال أحمد","label":[[4,8,"PERS"]]}`+"\n"), 0o644)
	text := filepath.Join(dir, "news.txt")
	os.WriteFile(text, []byte("قال أحمد\n"), 0o644)

	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("import-form")))
	offsetsShown := func() string {
		return eval[string](b, `['import-offsets', 'import-offsets-hint'].map((id) => {
		  const e = document.getElementById(id);
		  return (e.checkVisibility() ? 'shown' : 'hidden') + (e.disabled ? ' disabled' : '');
		}).join(', ') + ', label ' + (document.querySelector('label[for="import-offsets"]').checkVisibility() ? 'shown' : 'hidden')`)
	}
	for _, c := range []struct {
		format, file, want string
	}{
		{"auto", "", "shown, shown, label shown"},
		{"auto", text, "hidden disabled, hidden, label hidden"},
		{"doccano", text, "shown, shown, label shown"},
		{"label-studio", aner, "hidden disabled, hidden, label hidden"},
		{"conll", aner, "hidden disabled, hidden, label hidden"},
		{"auto", aner, "shown, shown, label shown"},
	} {
		if c.file != "" {
			b.run(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{c.file}))
		}
		b.run(chromedp.SetValue(chromedp.ID("import-format"), c.format))
		eval[bool](b, `document.getElementById('import-format').dispatchEvent(new Event('change')), true`)
		if got := offsetsShown(); got != c.want {
			t.Errorf("format %s, file %s: the offsets choice is %s, want %s", c.format, filepath.Base(c.file), got, c.want)
		}
	}

	b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitFor(`document.getElementById('import-status').textContent === 'Nothing was imported.'`)
	refusal := eval[string](b, `document.getElementById('import-errors').innerText`)
	if !strings.Contains(refusal, `label "PERS" is not in project Demo's label set (add it to the label set, or import with "Add labels the project lacks" ticked on the import form)`) {
		t.Errorf("the refusal does not name the form's box:\n%s", refusal)
	}
	for _, other := range []string{"--add-labels", "add_labels", "command line", "API"} {
		if strings.Contains(refusal, other) {
			t.Errorf("the form's refusal speaks of %q:\n%s", other, refusal)
		}
	}
	// The box the refusal names is there, by that name, and does it.
	if got := eval[string](b, `(() => {
	  const box = [...document.querySelectorAll('#import-form input[type="checkbox"]')].find((c) => c.labels[0].textContent.trim() === 'Add labels the project lacks');
	  if (!box) return 'no box';
	  box.labels[0].click();
	  return String(box.checked);
	})()`); got != "true" {
		t.Fatalf("the box named Add labels the project lacks: %s", got)
	}
	b.run(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{aner}),
		chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitFor(`document.getElementById('import-status').textContent.startsWith('Imported')`)
	if got := eval[string](b, `document.getElementById('import-status').textContent`); !strings.HasPrefix(got, "Imported 1 document with 1 span into gold. Added the label PERS; no relation rule joins PERS (speaker joins QUOTE to PER/ORG; ") {
		t.Errorf("with the box ticked: %q", got)
	}
}
