package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserNamedEntityProjectSpeaksOfNoQuotations is an annotator of a
// project whose labels are ANERCorp's (PER, LOC, ORG, MISC), no QUOTE:
// the annotation view neither shows a Quotations panel asking to "Mark
// one as QUOTE", a label the project lacks, nor offers to suggest
// quotations, which the suggester cannot give it; Suggest names lists
// names alone. The same document in a project with QUOTE keeps both.
func TestBrowserNamedEntityProjectSpeaksOfNoQuotations(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	page := fmt.Sprintf("%s/documents/%d", s.url, doc.ID)
	shown := `[...document.querySelectorAll('aside h2')].filter((h) => h.checkVisibility()).map((h) => h.textContent.trim()).join('|')`

	b.open(page)
	b.wantTexts("a project with QUOTE", map[string]string{
		`document.getElementById('sug-load').textContent`:                 "Suggest quotations and names",
		`String(document.getElementById('quote-list').checkVisibility())`: "true",
	})
	if got := eval[string](b, shown); !strings.Contains(got, "Quotations") {
		t.Errorf("with QUOTE, the side panels' headings are %q", got)
	}

	labels := []db.Label{
		{Name: "PER", Color: "#e5484d", Hotkey: "1"}, {Name: "LOC", Color: "#30a46c", Hotkey: "2"},
		{Name: "ORG", Color: "#0090ff", Hotkey: "3"}, {Name: "MISC", Color: "#8e4ec6", Hotkey: "4"},
	}
	if err := s.store.SetLabels(ctx, s.proj.ID, s.user, labels); err != nil {
		t.Fatal(err)
	}
	b.open(page)
	if got := eval[string](b, shown); strings.Contains(got, "Quotations") {
		t.Errorf("without QUOTE, the side panels' headings are %q", got)
	}
	b.wantTexts("a project without QUOTE", map[string]string{
		`String(document.getElementById('quote-list').checkVisibility())`:                          "false",
		`String(document.body.innerText.includes('QUOTE'))`:                                        "false",
		`document.getElementById('sug-load').textContent`:                                          "Suggest names",
		`document.getElementById('sug-what').textContent`:                                          "The names you labelled in this project's documents, where their text stands again.",
		`[...document.querySelectorAll('#sug-key [data-kind]')].map((k) => k.dataset.kind).join()`: "name",
	})
	b.run(chromedp.Click(chromedp.ID("sug-load")))
	b.waitFor(`document.querySelectorAll('#sug-list li').length > 0`)
	if got := eval[string](b, `document.querySelector('.suggestions').innerText`); strings.Contains(strings.ToLower(got), "quotation") {
		t.Errorf("the suggestions of a project without QUOTE read %q", got)
	}
	b.screenshot("ner-project-suggestions")
}
