package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserImportIntoMembersLayer: "Labels in the file" on the import
// form shows for a format with labels and not for plain text; choosing a
// member in its list chooses their layer, and a doccano file imported so
// comes in as that member's pre-annotations: the summary says so, gold
// holds nothing, and the member opening the document sees the spans in
// their own layer. The form passes axe on a laptop, at 200% zoom and on
// a phone, in English and in Arabic.
func TestBrowserImportIntoMembersLayer(t *testing.T) {
	src := axeScript(t)
	s := newSite(t)
	ctx := context.Background()
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	addSiteMember(t, s, "omar", db.RoleReviewer)
	dir := t.TempDir()
	const text = "قال أحمد في الرياض"
	corpus := filepath.Join(dir, "corpus.jsonl")
	os.WriteFile(corpus, []byte(`{"id":"n1","text":"`+text+`","label":[[4,8,"PER"],[12,18,"LOC"]]}`+"\n"), 0o644)
	plain := filepath.Join(dir, "news.txt")
	os.WriteFile(plain, []byte(text+"\n"), 0o644)
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)

	b := newBrowser(t, s)
	b.run(chromedp.Navigate(project), chromedp.WaitVisible(chromedp.ID("import-form")))
	choiceShown := func() string {
		return eval[string](b, `(() => { const f = document.getElementById('import-labels'); return (f.checkVisibility() ? 'shown' : 'hidden') + (f.disabled ? ' disabled' : ''); })()`)
	}
	for _, c := range []struct{ format, file, want string }{
		{"auto", plain, "hidden disabled"},
		{"text-lines", corpus, "hidden disabled"},
		{"doccano", plain, "shown"},
		{"auto", corpus, "shown"},
	} {
		b.run(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{c.file}), chromedp.SetValue(chromedp.ID("import-format"), c.format))
		eval[bool](b, `document.getElementById('import-format').dispatchEvent(new Event('change')), true`)
		if got := choiceShown(); got != c.want {
			t.Errorf("format %s, file %s: Labels in the file is %s, want %s", c.format, filepath.Base(c.file), got, c.want)
		}
	}
	if got := eval[string](b, `[...document.querySelectorAll('#import-labels input[type="radio"]')].map((r) => r.labels[0].textContent.trim() + (r.checked ? ' (checked)' : '')).join(' | ') + ' / ' + document.querySelector('#import-labels legend').textContent`); got != "Into gold (checked) | Leave them out: import the texts only | Into a member's layer: / Labels in the file" {
		t.Errorf("the choices read %q", got)
	}
	if got := eval[string](b, `[...document.getElementById('import-layer').options].map((o) => o.value).join(' ')`); got != "layla omar" {
		t.Errorf("the members offered: %q, want layla omar", got)
	}
	for _, lang := range []string{"en", "ar"} {
		if err := s.store.SetLanguage(ctx, s.user, lang); err != nil {
			t.Fatal(err)
		}
		b.run(chromedp.Navigate(project+"?in="+lang), chromedp.WaitVisible(chromedp.ID("import-form")))
		if got := eval[string](b, `document.documentElement.lang`); got != lang {
			t.Fatalf("the project page is in %q, want %q", got, lang)
		}
		b.run(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{corpus}))
		eval[bool](b, `document.getElementById('import-file').dispatchEvent(new Event('change')), true`)
		b.checkAxe(src, "the import form ("+lang+")", axeLaptop, axeViewport{683, 384, 2}, axeViewport{360, 640, 1})
		b.run(chromedp.EmulateViewport(360, 640))
		eval[bool](b, `(document.getElementById('import-labels').scrollIntoView({block: 'center'}), true)`)
		if w := eval[int](b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
			t.Errorf("%s: on a phone the project page scrolls %d px sideways", lang, w)
		}
		b.viewShot("import-labels-" + lang + "-phone")
		b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)))
		eval[bool](b, `(document.getElementById('import-labels').scrollIntoView({block: 'center'}), true)`)
		b.viewShot("import-labels-" + lang + "-zoom")
		b.run(chromedp.EmulateViewport(1366, 900))
	}
	if err := s.store.SetLanguage(ctx, s.user, "en"); err != nil {
		t.Fatal(err)
	}

	// Choosing layla in the list ticks "Into a member's layer".
	b.run(chromedp.Navigate(project), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{corpus}))
	eval[bool](b, `document.getElementById('import-file').dispatchEvent(new Event('change')), true`)
	b.run(chromedp.SetValue(chromedp.ID("import-layer"), "layla"))
	eval[bool](b, `document.getElementById('import-layer').dispatchEvent(new Event('change')), true`)
	if !eval[bool](b, `document.getElementById('import-labels-member').checked`) {
		t.Fatal("choosing layla did not choose a member's layer")
	}
	b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitFor(`/^(Imported|Nothing)/.test(document.getElementById('import-status').textContent)`)
	if got := eval[string](b, `document.getElementById('import-status').textContent`); !strings.HasPrefix(got, "Imported 1 document with 2 spans into \u2068layla\u2069's layer.") {
		t.Fatalf("the summary: %q (%s)", got, eval[string](b, `document.getElementById('import-errors').innerText`))
	}
	list, err := s.store.Documents(ctx, s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil || len(list.Docs) != 1 {
		t.Fatalf("documents after the import: %v, %v", list.Docs, err)
	}
	doc, err := s.store.Document(ctx, list.Docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if gold, err := s.store.LayerOf(ctx, doc, 0); err != nil || len(gold.Spans) != 0 {
		t.Errorf("gold holds %d spans (%v), want none", len(gold.Spans), err)
	}

	b.relogin(s.url, "layla")
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	if got := eval[string](b, `[...document.querySelectorAll('#doc .seg[data-chip]')].map((s) => s.dataset.chip + ' ' + s.textContent).join(' | ')`); got != "PER أحمد | LOC الرياض" {
		t.Errorf("layla sees %q in her layer, want PER أحمد | LOC الرياض", got)
	}
	// No layer named: the page is the viewer's own layer.
	if got := eval[string](b, `document.getElementById('doc').dataset.layer`); got != "" {
		t.Errorf("the document opened on layer %q, not layla's own", got)
	}
	if l, err := s.store.LayerOf(ctx, doc, layla.ID); err != nil || len(l.Spans) != 2 {
		t.Errorf("layla's layer holds %d spans (%v), want 2", len(l.Spans), err)
	}
}
