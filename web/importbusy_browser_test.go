package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserImportOnce: Import pressed again while a file uploads sends
// nothing more, the form saying it is busy; the answer of the one request
// stays on the page, and once the file is in, the file is cleared, so
// Import asks for a file rather than send the same one again. A file of
// bare texts says it had no annotations.
func TestBrowserImportOnce(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	var lines strings.Builder
	for i := range 200 {
		fmt.Fprintf(&lines, "{\"id\":\"t%d\",\"text\":\"نص رقم %d\"}\n", i, i)
	}
	path := filepath.Join(t.TempDir(), "texts.jsonl")
	if err := os.WriteFile(path, []byte(lines.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{path}))
	// Every request the page sends is counted.
	eval[bool](b, `(() => {
		window.sent = 0;
		const send = XMLHttpRequest.prototype.send;
		XMLHttpRequest.prototype.send = function (...args) { window.sent++; return send.apply(this, args); };
		return true;
	})()`)
	busy := eval[string](b, `(() => {
		const f = document.getElementById('import-form');
		f.requestSubmit();
		const state = [f.getAttribute('aria-busy'), f.querySelector('button[type="submit"]').disabled].join(' ');
		f.requestSubmit();
		return state;
	})()`)
	if busy != "true true" {
		t.Errorf("while the file uploads the form's aria-busy and its button's disabled are %q, want \"true true\"", busy)
	}
	b.waitFor(`document.getElementById('import-status').textContent.startsWith('Imported') && !document.getElementById('import-form').hasAttribute('aria-busy')`)
	b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitFor(`document.getElementById('import-file').validity.valueMissing`)
	if n := eval[int](b, `window.sent`); n != 1 {
		t.Errorf("Import pressed three times sent %d requests, want 1", n)
	}
	status := eval[string](b, `document.getElementById('import-status').textContent`)
	if !strings.HasPrefix(status, "Imported 200 documents (no annotations).") {
		t.Errorf("status %q, want the one import's success, without a span or relation count", status)
	}
	if eval[bool](b, `!document.getElementById('import-errors').hidden`) {
		t.Errorf("errors shown: %q", eval[string](b, `document.getElementById('import-errors').textContent`))
	}
	if eval[bool](b, `document.querySelector('#import-form button[type="submit"]').disabled`) {
		t.Error("the Import button stays disabled after the import")
	}
	list, err := s.store.Documents(t.Context(), s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil || len(list.Docs) != 201 {
		t.Errorf("%d documents (%v), want the seeded one and 200 imported", len(list.Docs), err)
	}
}
