package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserImport uploads a corpus from the project page: a good file
// imports and says how much; a file with bad lines imports nothing and
// lists every bad line.
func TestBrowserImport(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	dir := t.TempDir()
	good := filepath.Join(dir, "news.jsonl")
	bad := filepath.Join(dir, "broken.jsonl")
	os.WriteFile(good, []byte(`{"id":"n1","text":"قال الرئيس","label":[[4,10,"PER"]]}`+"\n"+`{"id":"n2","text":"وصل الوفد إلى بغداد","label":[[14,19,"LOC"]]}`+"\n"), 0o644)
	os.WriteFile(bad, []byte(`{"id":"b1","text":"نص"}`+"\n"+`{"id":"b2","text":"abc","label":[[0,9,"PER"]]}`+"\n"+"not json\n"), 0o644)

	upload := func(path string, unit ...string) string {
		b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("import-form")),
			chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{path}))
		if len(unit) > 0 {
			b.run(chromedp.SetValue(chromedp.ID("import-offsets"), unit[0]))
		}
		b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
		deadline := time.Now().Add(10 * time.Second)
		for {
			st := eval[string](b, `document.getElementById('import-status').textContent`)
			if strings.HasPrefix(st, "Imported") || strings.HasPrefix(st, "Nothing") {
				return st + "\n" + eval[string](b, `document.getElementById('import-errors').textContent`)
			}
			if time.Now().After(deadline) {
				t.Fatalf("import of %s shows %q", path, st)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if got := upload(good); !strings.Contains(got, "Imported 2 documents with 2 spans into gold.") {
		t.Errorf("good file: %q", got)
	}
	b.screenshot("project-manager")
	// The list drawn before the import shows the new documents once asked.
	b.run(chromedp.Click(chromedp.CSS(`#import-status a`)))
	b.waitFor(`document.readyState === 'complete' && [...document.querySelectorAll('table.docs td.doc-id a')].some((a) => a.textContent === 'n2')`)
	if got := eval[string](b, `document.getElementById('form-notice').textContent`); got != "2 documents imported; they come last in the list, in import order." {
		t.Errorf("notice after the import: %q", got)
	}
	got := upload(bad)
	if !strings.Contains(got, "Nothing was imported") || !strings.Contains(got, "broken.jsonl:2:") || !strings.Contains(got, "broken.jsonl:3:") {
		t.Errorf("bad file: %q", got)
	}
	list, err := s.store.Documents(t.Context(), s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil || len(list.Docs) != 3 {
		t.Errorf("after one good and one refused import: %d documents (%v), want 3", len(list.Docs), err)
	}

	// A file from doccano itself counts UTF-16 units: after the emoji the
	// spans fall two units later than in code points.
	fromDoccano := filepath.Join(dir, "from-doccano.jsonl")
	os.WriteFile(fromDoccano, []byte(`{"id":"e1","text":"😀 قال أحمد 👍🏽 إن الاقتصاد في الرياض.","label":[[7,11,"PER"],[32,38,"LOC"]]}`+"\n"), 0o644)
	// The refusal names the form's own choice, by the words it shows.
	if got := upload(fromDoccano); !strings.Contains(got, "Nothing was imported") || !strings.Contains(got, "(“UTF-16 units” for “doccano offsets count” on the import form)") ||
		strings.Contains(got, "offsets=utf16") || strings.Contains(got, "--offsets") {
		t.Errorf("doccano's own offsets read as code points: %q", got)
	}
	if got := upload(fromDoccano, "utf16"); !strings.Contains(got, "Imported 1 document with 2 spans into gold.") {
		t.Errorf("doccano's own offsets read as UTF-16 units: %q", got)
	}
	list, err = s.store.Documents(t.Context(), s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit, Query: "e1"})
	if err != nil || len(list.Docs) != 1 {
		t.Fatalf("e1 not listed: %v", err)
	}
	doc, err := s.store.Document(t.Context(), list.Docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	gold, err := s.store.LayerOf(t.Context(), doc, 0)
	if err != nil || len(gold.Spans) != 2 || gold.Spans[0].Text != "أحمد" || gold.Spans[1].Text != "الرياض" {
		t.Errorf("the spans of e1 in gold: %+v (%v), want أحمد and الرياض", gold.Spans, err)
	}

	// Spans for a document the project has go onto it: the message says
	// so, not that 0 documents were imported.
	texts, spans := filepath.Join(dir, "texts.jsonl"), filepath.Join(dir, "spans.jsonl")
	os.WriteFile(texts, []byte(`{"id":"p1","text":"قال زيد"}`+"\n"), 0o644)
	os.WriteFile(spans, []byte(`{"id":"p1","text":"قال زيد","label":[[4,7,"PER"]]}`+"\n"), 0o644)
	if got := upload(texts); !strings.Contains(got, "Imported 1 document (no annotations).") {
		t.Errorf("a text alone: %q", got)
	}
	if got := upload(spans); !strings.Contains(got, "Imported 1 span into the gold layer of 1 document the project had.") {
		t.Errorf("spans onto a document the project had: %q", got)
	}
}
