package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// uploadLabels posts a labels file through the project page's upload
// form (multipart, with the CSRF field), as a browser does.
func (a *queueActor) uploadLabels(t *testing.T, projectID int64, name, body string) *httptest.ResponseRecorder {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.WriteField("_csrf", apiCSRF); err != nil {
		t.Fatal(err)
	}
	part, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	part.Write([]byte(body))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/projects/%d/labels/file", projectID), &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	return a.request(req)
}

// TestLabelsDownloadRoundTrip: the Download link answers the project's
// labels and relation rules as a labels file; uploaded to another
// project and confirmed, or read by project create --labels, it gives
// the same set; the activity log names the file.
func TestLabelsDownloadRoundTrip(t *testing.T) {
	te := newTeamEnv(t)
	ctx := context.Background()
	set := db.LabelSet{Labels: append(db.DefaultLabels(), db.Label{Name: "WORK", Color: "#123456", Hotkey: "8", Description: "a book, song or film"}),
		RelationTypes: append(db.DefaultRelationTypes(), db.RelationType{Name: "mentions", From: []string{}, To: []string{"WORK"}})}
	if err := te.store.ReplaceLabelSet(ctx, te.proj.ID, te.user, set, "setup.json"); err != nil {
		t.Fatal(err)
	}
	page := htmlPage(t, te.samir.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK)
	link := page.Find("#labels a#labels-download")
	if link.Text() != "Download labels (JSON)" || link.AttrOr("download", "") != "أخبار-labels.json" {
		t.Fatalf("the labels section has no Download link: %q %q", link.Text(), link.AttrOr("download", ""))
	}
	if page.Find(`#labels-file-form[enctype="multipart/form-data"] label[for="labels-file-input"]`).Length() != 1 || page.Find(`#labels-file-form input[name="_csrf"]`).Length() != 1 {
		t.Error("the upload form lacks a labelled file input or the CSRF field")
	}
	rec := te.layla.get(link.AttrOr("href", ""))
	expect(t, rec, http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	file := rec.Body.String()
	got, err := db.ParseLabelSet([]byte(file))
	if err != nil {
		t.Fatalf("the download does not read as a labels file: %v\n%s", err, file)
	}
	if !reflect.DeepEqual(got, set) {
		t.Errorf("downloaded\n%+v\nwant\n%+v", got, set)
	}
	if !strings.Contains(file, "\n  \"labels\": [\n") || !strings.Contains(file, `"from": []`) {
		t.Errorf("the download is not indented JSON with every side a list:\n%s", file)
	}

	// Uploaded onto another project: first a page saying what changes,
	// then, confirmed, the same set.
	other, err := te.store.CreateProject(ctx, "تقارير", nil, te.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	confirm := htmlPage(t, te.amina.uploadLabels(t, other.ID, "أخبار-labels.json", file), http.StatusOK)
	if got := strings.TrimSpace(confirm.Find("#replace-added li").Text()); got != "WORK (#123456, hotkey 8)" {
		t.Errorf("labels added: %q", got)
	}
	if got := strings.TrimSpace(confirm.Find("#replace-rules-added li").Text()); got != "mentions: any label → WORK" {
		t.Errorf("rules added: %q", got)
	}
	if confirm.Find("#replace-removed, #replace-changed").Length() != 0 {
		t.Error("the confirmation lists removals or changes the file does not make")
	}
	if p, _ := te.store.Project(ctx, other.ID); len(p.Labels) != len(db.DefaultLabels()) {
		t.Fatal("the upload changed the labels before it was confirmed")
	}
	form := url.Values{}
	confirm.Find("#replace-form input[type=hidden]").Each(func(_ int, in *goquery.Selection) {
		form.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	redirectsTo(t, te.amina.post(fmt.Sprintf("/projects/%d/labels/file", other.ID), form), fmt.Sprintf("/projects/%d?done=labels-file#labels-file", other.ID))
	if p, _ := te.store.Project(ctx, other.ID); !reflect.DeepEqual(db.LabelSetOf(p), set) {
		t.Errorf("after the upload the project holds\n%+v\nwant\n%+v", db.LabelSetOf(p), set)
	}
	if n := te.events("labels.replace"); n != 2 {
		t.Errorf("%d labels.replace events, want 2", n)
	}

	// project create --labels reads the same file to the same set.
	third, err := te.store.CreateProjectFrom(ctx, "ثالث", got, te.user.ID, "")
	if err != nil || !reflect.DeepEqual(db.LabelSetOf(third), set) {
		t.Errorf("a project made from the download: %+v (%v)", third, err)
	}
}

// TestLabelsUploadRefused: a bad file, or one leaving out a label spans
// use, is refused at the upload form naming what is wrong, and changes
// nothing; only managers may upload.
func TestLabelsUploadRefused(t *testing.T) {
	te := newTeamEnv(t)
	ctx := context.Background()
	te.addSpan(te.user.ID, "أحمد", "PER")
	before, _ := te.store.Project(ctx, te.proj.ID)
	noPER := `[{"name":"ORG","color":"#0090ff","hotkey":"2"},{"name":"QUOTE","color":"#ffc53d","hotkey":"6"}]`
	for _, tc := range []struct{ name, body, says string }{
		{"broken.json", "[\n{\"name\": \"X\",\n\"color\": \"#112233\"}}\n]", "The label set was not changed: broken.json:3: not valid JSON"},
		{"keys.json", `[{"name":"X","colour":"#112233"}]`, `The label set was not changed: keys.json: label 1: unknown key "colour"`},
		{"noper.json", noPER, "The label set was not changed: label PER is used by 1 span; it cannot be removed or renamed."},
		{"arabic.json", `[{"name":"PER","color":"#e5484d","hotkey":"q"},{"name":"X","color":"#112233","hotkey":"ض"}]`,
			`The label set was not changed: arabic.json: labels[1].hotkey: hotkey "ض" of label X is on the Q key of an Arabic keyboard, which label PER's hotkey "q" also names; choose another`},
		{"speaker.json", `[{"name":"PER","color":"#e5484d","hotkey":"س"}]`,
			`The label set was not changed: speaker.json: labels[0].hotkey: hotkey "س" of label PER is on the S key of an Arabic keyboard, the annotation view's "Pick speaker" (of a quotation); choose another`},
	} {
		d := htmlPage(t, te.samir.uploadLabels(t, te.proj.ID, tc.name, tc.body), http.StatusBadRequest)
		if got := refusalIn(t, d, "labels-file"); !strings.Contains(got, tc.says) {
			t.Errorf("%s: refusal %q, want %q", tc.name, got, tc.says)
		}
		if in := d.Find("#labels-file-input"); in.AttrOr("aria-invalid", "") != "true" {
			t.Errorf("%s: the file input is not marked invalid", tc.name)
		}
	}
	// The same refusal on confirming: the file checked again.
	d := htmlPage(t, te.samir.post(fmt.Sprintf("/projects/%d/labels/file", te.proj.ID), url.Values{"confirm": {"yes"}, "file_name": {"noper.json"}, "body": {noPER}}), http.StatusBadRequest)
	if got := refusalIn(t, d, "labels-file"); !strings.Contains(got, "label PER is used by 1 span") {
		t.Errorf("confirmed: refusal %q", got)
	}
	if after, _ := te.store.Project(ctx, te.proj.ID); !reflect.DeepEqual(after, before) {
		t.Errorf("refused uploads changed the project to %+v", after)
	}
	expect(t, te.rana.uploadLabels(t, te.proj.ID, "l.json", `[{"name":"PER","color":"#112233"}]`), http.StatusForbidden)
	if n := te.events("labels.replace"); n != 0 {
		t.Errorf("%d labels.replace events after refusals", n)
	}
}

// TestNewProjectWithLabelsOf: the New project form copies another
// project's labels and rules when asked; one that is not there is
// refused beside the form, the choice kept.
func TestNewProjectWithLabelsOf(t *testing.T) {
	te := newTeamEnv(t)
	ctx := context.Background()
	set := db.LabelSet{Labels: []db.Label{{Name: "PERS", Color: "#112233", Hotkey: "1"}, {Name: "QUOTE", Color: "#445566", Hotkey: "2"}},
		RelationTypes: []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}}}
	if err := te.store.ReplaceLabelSet(ctx, te.proj.ID, te.user, set, "l.json"); err != nil {
		t.Fatal(err)
	}
	home := htmlPage(t, te.amina.get("/"), http.StatusOK)
	opt := home.Find(fmt.Sprintf(`#new-project-labels option[value="%d"]`, te.proj.ID))
	if home.Find(`label[for="new-project-labels"]`).Text() != "Project to copy" || opt.Text() != "أخبار" || home.Find(`label[for="start-copy"]`).Text() != "Copy another project's labels" {
		t.Fatal("the New project form has no Labels choice naming the project")
	}
	rec := te.amina.post("/projects", url.Values{"name": {"نسخة"}, "labels_from": {fmt.Sprint(te.proj.ID)}})
	expect(t, rec, http.StatusSeeOther)
	var id int64
	fmt.Sscanf(rec.Header().Get("Location"), "/projects/%d?done=created", &id)
	p, err := te.store.Project(ctx, id)
	if err != nil || !reflect.DeepEqual(db.LabelSetOf(p), set) {
		t.Errorf("the copy holds %+v (%v), want %+v", db.LabelSetOf(p), err, set)
	}
	d := htmlPage(t, te.amina.post("/projects", url.Values{"name": {"أخرى"}, "labels_from": {"9999"}}), http.StatusNotFound)
	if got := d.Find("#new-project-error").Text(); !strings.Contains(got, "not there any more") {
		t.Errorf("from a project not there: %q", got)
	}
	if d.Find("#new-project-name").AttrOr("value", "") != "أخرى" {
		t.Error("the refused form lost the name")
	}
	if projects, _ := te.store.ProjectsFor(ctx, te.amina.user); len(projects) != 2 {
		t.Errorf("%d projects, want the 2 made", len(projects))
	}
}
