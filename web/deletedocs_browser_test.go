package web_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserDeleteDocumentsSaysWhatGoes: a manager ticks two of three
// documents and asks to delete them; a page says what goes with them
// (the spans of the one annotated) before anything is deleted; Cancel
// keeps them, confirming deletes exactly those two, and the activity
// log names them. Asking with nothing ticked says what to do.
func TestBrowserDeleteDocumentsSaysWhatGoes(t *testing.T) {
	var docs []codec.Doc
	for i, text := range []string{"قال أحمد إن الاقتصاد ينمو.", "نص ثان بلا وسوم.", "نص ثالث يبقى."} {
		docs = append(docs, codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("doc-%d", i+1), Text: text, Meta: []byte("{}")})
	}
	s := newSite(t, docs...)
	ctx := context.Background()
	start, end := spanAt(t, docs[0].Text, "أحمد", 0)
	if _, err := s.store.CreateSpan(ctx, s.docs["doc-1"], s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	project := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	text := func(sel string) string {
		return eval[string](b, fmt.Sprintf(`document.querySelector(%q).innerText.replace(/\s+/g, ' ').trim()`, sel))
	}
	left := func() []string {
		list, err := s.store.Documents(ctx, s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range list.Docs {
			ids = append(ids, d.ExternalID)
		}
		return ids
	}

	// Nothing ticked: back on the project page (an address a reload does
	// not post again), which says so in plain words.
	b.run(chromedp.Navigate(project), chromedp.Click(chromedp.ID("delete-docs")), chromedp.WaitVisible(chromedp.ID("form-error")))
	if got := text("#form-error"); !strings.HasPrefix(got, "Nothing was deleted: no document was ticked. Tick the documents to delete in the list") {
		t.Errorf("deleting with nothing ticked says %q", got)
	}
	if got := eval[string](b, `location.pathname + location.search`); got != fmt.Sprintf("/projects/%d?refused=none-ticked", s.proj.ID) {
		t.Errorf("deleting with nothing ticked leaves the browser at %s", got)
	}

	tick := func() {
		b.run(chromedp.Navigate(project))
		for _, id := range []string{"doc-1", "doc-2"} {
			b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[aria-label="Select %s"]`, id))))
		}
		b.run(chromedp.Click(chromedp.ID("delete-docs")), chromedp.WaitVisible(chromedp.ID("delete-confirm")))
		b.waitLoaded()
	}
	tick()
	if got := text("#delete-summary"); !strings.Contains(got, "2 documents, with 1 span in 1 annotator layer.") {
		t.Errorf("the confirmation says %q", got)
	}
	if got := text("#delete-docs tbody"); !strings.Contains(got, "doc-1 1 0 none 1 0") || !strings.Contains(got, "doc-2 0 0 none 0 0") {
		t.Errorf("the confirmation's table reads %q", got)
	}
	b.screenshot("delete-documents")
	b.checkAccessible("the confirmation of a deletion")
	b.run(chromedp.EmulateViewport(320, 256))
	b.checkReflow("the confirmation of a deletion", 320, 256)
	b.run(chromedp.EmulateViewport(1366, 900))
	b.run(chromedp.Click(chromedp.ID("delete-cancel")), chromedp.WaitVisible(chromedp.ID("documents-title")))
	if got := strings.Join(left(), " "); got != "doc-1 doc-2 doc-3" {
		t.Fatalf("after Cancel the project holds %q", got)
	}

	tick()
	b.run(chromedp.Click(chromedp.ID("delete-confirm")), chromedp.WaitVisible(chromedp.ID("form-notice")))
	if got := text("#form-notice"); got != "2 documents deleted." {
		t.Errorf("notice %q", got)
	}
	if got := strings.Join(left(), " "); got != "doc-3" {
		t.Errorf("after deleting the project holds %q, want doc-3", got)
	}
	b.run(chromedp.Navigate(project+"/activity"), chromedp.WaitVisible(chromedp.CSS("table")))
	log := isolates.Replace(text("table tbody"))
	for _, want := range []string{"deleted deleted the document doc-1 with its 1 span in 1 layer", "deleted deleted the document doc-2, which nobody had annotated"} {
		if !strings.Contains(log, want) {
			t.Errorf("the activity log lacks %q: %s", want, log)
		}
	}
}

// TestBrowserDeleteProjectAsksForItsName: deleting a project goes
// through a page that says what it holds and wants the project's name
// typed; a wrong name deletes nothing, the right one deletes it and the
// home page says so.
func TestBrowserDeleteProjectAsksForItsName(t *testing.T) {
	s := newSite(t, seedDoc(t))
	ctx := context.Background()
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
	if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	text := func(sel string) string {
		return eval[string](b, fmt.Sprintf(`document.querySelector(%q).innerText.replace(/\s+/g, ' ').trim()`, sel))
	}
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.Click(chromedp.ID("delete-project-link")),
		chromedp.WaitVisible(chromedp.ID("delete-confirm")))
	b.waitLoaded()
	if got := text("#delete-summary"); !strings.Contains(got, "its label set and 1 document, with 1 span in 1 annotator layer.") {
		t.Errorf("the confirmation says %q", got)
	}
	b.checkAccessible("the confirmation of a project's deletion")
	b.run(chromedp.SendKeys(chromedp.ID("delete-name"), "demo"), chromedp.Click(chromedp.ID("delete-confirm")), chromedp.WaitVisible(chromedp.ID("delete-error")))
	if got := text("#delete-error"); got != "Nothing was deleted: what you typed is not the project's name. Type \u2068Demo\u2069 exactly, capitals included, to delete it." { // the name isolated
		t.Errorf("a wrong name says %q", got)
	}
	if got := eval[string](b, `location.pathname + location.search`); got != fmt.Sprintf("/projects/%d/delete?refused=name", s.proj.ID) {
		t.Errorf("a wrong name leaves the browser at %s", got)
	}
	field := `(e => e.getAttribute('aria-invalid') + ' ' + e.getAttribute('aria-describedby') + ' ' + (document.activeElement === e))(document.getElementById('delete-name'))`
	got := eval[string](b, field)
	for deadline := time.Now().Add(5 * time.Second); got != "true delete-error true" && time.Now().Before(deadline); time.Sleep(30 * time.Millisecond) {
		got = eval[string](b, field) // the focus lands once the page has loaded, which a busy machine delays
	}
	if got != "true delete-error true" {
		t.Errorf("after a wrong name the field reads (aria-invalid, aria-describedby, focused) %q", got)
	}
	if _, err := s.store.Project(ctx, s.proj.ID); err != nil {
		t.Fatalf("a wrong name deleted the project: %v", err)
	}
	// The refusal is a new page: type into it once it has loaded.
	b.waitLoaded()
	eval[bool](b, `(document.getElementById('delete-name').value = 'Demo', document.getElementById('delete-form').requestSubmit(), true)`)
	b.run(chromedp.WaitVisible(chromedp.ID("form-notice")))
	if got := text("#form-notice"); got != "Project deleted." {
		t.Errorf("notice %q", got)
	}
	if _, err := s.store.Project(ctx, s.proj.ID); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("after deleting, loading the project gives %v", err)
	}
	if strings.Contains(text("main"), "Demo") {
		t.Errorf("the home page still lists Demo: %s", text("main"))
	}
}

// TestBrowserDeleteEmptyProject: the page deleting a project that holds
// nothing says so in words, no count of 0, in English and in Arabic;
// with one member, it names the member and says there are no documents.
func TestBrowserDeleteEmptyProject(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	empty, err := s.store.CreateProject(ctx, "Empty", nil, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	summary := func() string {
		b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/delete", s.url, empty.ID)), chromedp.WaitVisible(chromedp.ID("delete-confirm")))
		b.waitLoaded()
		return eval[string](b, `document.getElementById('delete-summary').innerText.replace(/\s+/g, ' ').trim()`)
	}
	const tail = " It cannot be undone; the activity log keeps a line for the project and each document."
	const arabicTail = " ولا يمكن التراجع عن ذلك، ويحتفظ سجل النشاط بسطر للمشروع ولكل مستند."
	if got, want := summary(), "This deletes only its label set: the project has no members and no documents."+tail; got != want {
		t.Errorf("an empty project's confirmation says\n %q, want\n %q", got, want)
	}
	if err := s.store.SetLanguage(ctx, s.user, "ar"); err != nil {
		t.Fatal(err)
	}
	if got, want := summary(), "سيُحذف بهذا مجموعة وسومه وحدها: لا أعضاء في المشروع ولا مستندات."+arabicTail; got != want {
		t.Errorf("an empty project's confirmation says in Arabic\n %q, want\n %q", got, want)
	}
	b.checkReflow("an empty project's deletion in Arabic", 1366, 900)
	b.viewShot("arabic-delete-empty-project")

	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	if err := s.store.SetMember(ctx, empty.ID, s.user, layla, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	if got, want := summary(), "سيُحذف بهذا مجموعة وسومه وعضو واحد، ولا مستندات فيه."+arabicTail; got != want {
		t.Errorf("a project with one member and no documents says in Arabic\n %q, want\n %q", got, want)
	}
	if err := s.store.SetLanguage(ctx, s.user, "en"); err != nil {
		t.Fatal(err)
	}
	if got, want := summary(), "This deletes its label set and 1 member; it holds no documents."+tail; got != want {
		t.Errorf("a project with one member and no documents says\n %q, want\n %q", got, want)
	}
}

// TestBrowserDeleteProjectNameReadable: the project's name the deletion
// page asks to be typed is as large as the sentence naming it (a browser
// draws code a size smaller by default), and bold.
func TestBrowserDeleteProjectNameReadable(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/delete", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("delete-name-shown")))
	got := eval[string](b, `(() => { const name = getComputedStyle(document.getElementById('delete-name-shown')), label = getComputedStyle(document.querySelector('label[for="delete-name"]'));
	  return name.fontSize + ' ' + name.fontWeight + ' / ' + label.fontSize; })()`)
	var name, label string
	var weight int
	if _, err := fmt.Sscanf(got, "%s %d / %s", &name, &weight, &label); err != nil {
		t.Fatalf("read %q: %v", got, err)
	}
	if name != label || weight < 600 {
		t.Errorf("the name to type is %s, weight %d, in a sentence of %s: want it as large, and bold", name, weight, label)
	}
}
