package web_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// labelsFile writes a labels file to upload and returns its path.
func labelsFile(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBrowserLabelsUpload: on a window 320 px wide, a manager uploads a
// labels file leaving out PER, which a span uses: the project page comes
// back with the refusal at the upload form, the file input focused and
// described by it, and the labels as they were. A file adding WORK and a
// rule then shows a page naming what it adds, which fits the window, and
// Replace the label set replaces it.
func TestBrowserLabelsUpload(t *testing.T) {
	s := newSite(t, seedDoc(t))
	s.annotatorMarks(t, "layla", s.docs["seed"], "PER", "صباح النعمان")
	before, _ := s.store.Project(t.Context(), s.proj.ID)
	b := newBrowser(t, s)
	page := fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)
	noPER := labelsFile(t, "no-per.json", `[{"name":"ORG","color":"#0090ff","hotkey":"2"},{"name":"QUOTE","color":"#ffc53d","hotkey":"6"}]`)
	b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("labels-file-form")),
		chromedp.SetUploadFiles(`#labels-file-input`, []string{noPER}),
		chromedp.Click(`#labels-file-form button[type="submit"]`),
		chromedp.WaitVisible(`#labels-file #form-error`))
	b.waitLoaded()
	if says := eval[string](b, `document.querySelector('#labels-file #form-error').innerText.trim()`); says != "The label set was not changed: label PER is used by 1 span; it cannot be removed or renamed." {
		t.Errorf("the refusal says %q", says)
	}
	b.waitFor(`document.activeElement.id === 'labels-file-input' && document.activeElement.getAttribute('aria-describedby').startsWith('form-error')`)
	b.checkReflow("the refused upload", 320, 640)
	if p, _ := s.store.Project(t.Context(), s.proj.ID); !reflect.DeepEqual(p, before) {
		t.Errorf("the refused upload changed the project to %+v", p)
	}

	set := db.LabelSet{Labels: append(db.DefaultLabels(), db.Label{Name: "WORK", Color: "#123456", Hotkey: "8", Description: "كتاب أو أغنية"}),
		RelationTypes: append(db.DefaultRelationTypes(), db.RelationType{Name: "mentions", From: []string{}, To: []string{"WORK"}})}
	body, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	work := labelsFile(t, "work.json", string(body))
	b.run(chromedp.SetUploadFiles(`#labels-file-input`, []string{work}),
		chromedp.Click(`#labels-file-form button[type="submit"]`),
		chromedp.WaitVisible(chromedp.ID("replace-confirm")))
	b.waitLoaded()
	if got := eval[string](b, `document.querySelector('h1').innerText + ' | ' + document.getElementById('replace-added').innerText.trim() + ' | ' + document.getElementById('replace-rules-added').innerText.trim()`); got != "Replace the labels of Demo? | WORK (#123456, hotkey 8) | mentions: any label → WORK" {
		t.Errorf("the confirmation says %q", got)
	}
	b.checkReflow("the upload's confirmation", 320, 640)
	b.run(chromedp.Click(chromedp.ID("replace-confirm")), chromedp.WaitVisible(`#labels-file #form-notice`))
	if got := eval[string](b, `document.querySelector('#labels-file #form-notice').innerText.trim()`); got != "Label set replaced with the uploaded file's." {
		t.Errorf("after Replace: %q", got)
	}
	if p, _ := s.store.Project(t.Context(), s.proj.ID); !reflect.DeepEqual(db.LabelSetOf(p), set) {
		t.Errorf("after Replace the project holds %+v", db.LabelSetOf(p))
	}
	if !strings.Contains(eval[string](b, `[...document.querySelectorAll('#labels-form input[name=name]')].map((i) => i.value).join(' ')`), "WORK") {
		t.Error("the label form does not list WORK after the replace")
	}
}

// TestBrowserNewProjectWithLabelsOf: an admin names a project, picks
// Demo as the project to copy, which chooses "Copy another project's
// labels", and the new project has Demo's labels and
// relation rules.
func TestBrowserNewProjectWithLabelsOf(t *testing.T) {
	s := newSite(t)
	set := db.LabelSet{Labels: []db.Label{{Name: "PERS", Color: "#112233", Hotkey: "1"}, {Name: "QUOTE", Color: "#445566", Hotkey: "2"}},
		RelationTypes: []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}}}
	if err := s.store.ReplaceLabelSet(t.Context(), s.proj.ID, s.user, set, "l.json"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`),
		chromedp.SetValue(`#new-project-labels`, fmt.Sprint(s.proj.ID)))
	// Picking the project chooses "Copy another project's labels".
	eval[bool](b, `document.getElementById('new-project-labels').dispatchEvent(new Event('change', {bubbles: true}))`)
	b.run(chromedp.SendKeys(`#new-project-name`, "نسخة\n"))
	b.waitFor(`location.search === "?done=created" && document.readyState === "complete"`)
	var id int64
	if _, err := fmt.Sscanf(eval[string](b, `location.pathname`), "/projects/%d", &id); err != nil {
		t.Fatal(err)
	}
	p, err := s.store.Project(t.Context(), id)
	if err != nil || p.Name != "نسخة" || !reflect.DeepEqual(db.LabelSetOf(p), set) {
		t.Errorf("the new project: %+v (%v), want Demo's labels %+v", p, err, set)
	}
	b.run(chromedp.Navigate(s.url + "/"))
	b.checkReflow("the home page with the Labels choice", 320, 640)
}
