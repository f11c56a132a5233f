package web_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// newProjectCreated waits for the page a created project opens on and
// returns the project.
func newProjectCreated(t *testing.T, s *site, b *browser) db.Project {
	t.Helper()
	b.waitFor(`location.search === "?done=created" && document.readyState === "complete"`)
	var id int64
	if _, err := fmt.Sscanf(eval[string](b, `location.pathname`), "/projects/%d", &id); err != nil {
		t.Fatal(err)
	}
	p, err := s.store.Project(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBrowserNewNamedEntityProject: an admin starts a project of CoNLL's
// named entities from the home page by the keyboard alone (Tab to the
// starting sets, ArrowDown to "Named entities", Tab to Create project)
// and another with the mouse; its label bar is PER, LOC, ORG, MISC on
// keys 1 to 4, each its own colour, and key 4 labels a word MISC. The
// home page passes axe on a laptop, at 200% zoom and on a phone.
func TestBrowserNewNamedEntityProject(t *testing.T) {
	src := axeScript(t)
	s := newSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`))
	b.waitLoaded()
	b.checkAxe(src, "the home page's New project", axeLaptop, axeSmall[0], axeSmall[1])
	shot := func(name string) {
		eval[bool](b, `(document.getElementById('new-project-form').scrollIntoView({block: 'end'}), true)`)
		b.viewShot(name)
	}
	shot("new-project-sets")
	// In Arabic, at 200% zoom, for a person to read: each set's name and
	// what it holds, the codes in their own direction.
	if err := s.store.SetLanguage(context.Background(), s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)), chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`))
	b.waitLoaded()
	b.checkAxe(src, "the Arabic home page's New project", axeSmall[1])
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)))
	shot("new-project-sets-ar-zoom")
	if err := s.store.SetLanguage(context.Background(), s.user, "en"); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.EmulateViewport(axeLaptop.w, axeLaptop.h), chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`))
	b.run(chromedp.SendKeys(`#new-project-name`, "كيانات"))
	focus := func(key string, want string) {
		t.Helper()
		b.run(chromedp.KeyEvent(key))
		if got := eval[string](b, `document.activeElement.id || document.activeElement.textContent`); got != want {
			t.Fatalf("after %q the focus is on %q, want %q", key, got, want)
		}
	}
	focus(kb.Tab, "start-quotations")
	focus(kb.ArrowDown, "start-entities")
	focus(kb.Tab, "new-project-labels")
	focus(kb.Tab, "Create project")
	b.run(chromedp.KeyEvent(kb.Enter))
	p := newProjectCreated(t, s, b)
	if p.Name != "كيانات" || !reflect.DeepEqual(p.Labels, db.NamedEntityLabels()) || len(p.RelationTypes) != 0 {
		t.Fatalf("by the keyboard: %q with %+v and rules %+v", p.Name, p.Labels, p.RelationTypes)
	}

	b.run(chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`))
	b.run(chromedp.Click(`label[for="start-entities"]`, chromedp.NodeVisible),
		chromedp.Click(`#new-project-name`, chromedp.NodeVisible), chromedp.SendKeys(`#new-project-name`, "ANERCorp"),
		chromedp.Click(`#new-project-form button[type="submit"]`, chromedp.NodeVisible))
	p = newProjectCreated(t, s, b)
	if p.Name != "ANERCorp" || !reflect.DeepEqual(p.Labels, db.NamedEntityLabels()) || len(p.RelationTypes) != 0 {
		t.Fatalf("by the mouse: %q with %+v and rules %+v", p.Name, p.Labels, p.RelationTypes)
	}

	ctx := context.Background()
	if _, err := s.store.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "test", By: s.user.ID}, []codec.Doc{seedDoc(t)}); err != nil {
		t.Fatal(err)
	}
	list, err := s.store.Documents(ctx, p.ID, s.user, db.DocumentPage{Limit: 10})
	if err != nil || len(list.Docs) != 1 {
		t.Fatalf("documents %+v (%v)", list.Docs, err)
	}
	doc, err := s.store.Document(ctx, list.Docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	bar := eval[[]string](b, `[...document.querySelectorAll('#label-bar button.label-btn')].map((btn) => btn.dataset.label + ' ' + btn.dataset.hotkey + ' ' + getComputedStyle(btn).getPropertyValue('--label').trim())`)
	if want := []string{"PER 1 #e5484d", "LOC 2 #30a46c", "ORG 3 #0090ff", "MISC 4 #8e4ec6"}; !reflect.DeepEqual(bar, want) {
		t.Errorf("the label bar reads %q, want %q", bar, want)
	}
	start, end := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("4"))
	spans := s.waitSpans(t, doc, s.user.ID, 1)
	if !hasSpan(spans, start, end, "MISC") {
		t.Errorf("key 4 on %d..%d gave %+v, want MISC", start, end, spans)
	}
}

// TestBrowserLabelFormNewRowsAndRulesGone: on the project page two labels
// added one after the other, each in the form's empty row, take the
// colours it proposed, two colours neither grey nor the set's; removing
// QUOTE and CUE says after saving that speaker, cue and segment went
// with them. The page passes axe after it, on a laptop and at 200% zoom.
func TestBrowserLabelFormNewRowsAndRulesGone(t *testing.T) {
	src := axeScript(t)
	s := newSite(t)
	b := newBrowser(t, s)
	page := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	b.run(chromedp.Navigate(page), chromedp.WaitVisible(`#labels-form`))
	var proposed []string
	for i, name := range []string{"MISC", "EVENT"} {
		proposed = append(proposed, eval[string](b, `[...document.querySelectorAll('#labels-form input[name=color]')].at(-1).value`))
		b.run(chromedp.SendKeys(`#labels-form tbody tr:last-child input[name="name"]`, name+"\n", chromedp.NodeVisible))
		b.waitFor(fmt.Sprintf(`location.search === "?done=labels" && document.readyState === "complete" && document.querySelectorAll('#labels-form input[name=name]').length === %d`, len(db.DefaultLabels())+2+i))
	}
	p, err := s.store.Project(context.Background(), s.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	colours := map[string]string{}
	for _, l := range p.Labels {
		colours[l.Name] = l.Color
	}
	if colours["MISC"] != proposed[0] || colours["EVENT"] != proposed[1] || proposed[0] == proposed[1] {
		t.Errorf("the rows proposed %q, MISC took %s and EVENT %s", proposed, colours["MISC"], colours["EVENT"])
	}
	for _, c := range proposed {
		if c == "#888888" || slices.ContainsFunc(db.DefaultLabels(), func(l db.Label) bool { return l.Color == c }) {
			t.Errorf("a new row proposed %s, grey or the colour of a label the set had", c)
		}
	}

	for _, name := range []string{"QUOTE", "CUE"} {
		b.run(chromedp.Click(fmt.Sprintf(`#labels-form input[name="name"][value=%q]`, name), chromedp.NodeVisible),
			chromedp.KeyEvent("a", chromedp.KeyModifiers(ctrl)), chromedp.KeyEvent(kb.Backspace))
	}
	b.run(chromedp.Click(`#labels-form button[type="submit"]`, chromedp.NodeVisible))
	b.waitFor(`location.search.includes("done=labels") && location.search.includes("cut=") && document.readyState === "complete"`)
	want := "Label set saved. The relation rules speaker, cue and segment joined on one side only labels you removed, so they were removed too."
	if got := strings.TrimSpace(eval[string](b, `document.querySelector('#labels #form-notice').textContent`)); got != want {
		t.Errorf("after removing QUOTE and CUE the page says %q, want %q", got, want)
	}
	if !eval[bool](b, `(() => { const r = document.querySelector('#labels #form-notice').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
		t.Error("the notice is out of sight after saving")
	}
	b.viewShot("labels-rules-gone")
	b.waitLoaded()
	b.checkAxe(src, "the project page after removing QUOTE and CUE", axeLaptop, axeSmall[1])
}
