package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestNewProjectStartingSets: the New project form offers its starting
// label sets as radio buttons, the default set chosen; each makes the
// project it names (CoNLL's named entities without relation rules, none
// at all, another project's copy), a choice not offered is refused, and
// a refused form comes back with its choice kept.
func TestNewProjectStartingSets(t *testing.T) {
	te := newTeamEnv(t)
	ctx := context.Background()
	home := htmlPage(t, te.amina.get("/"), http.StatusOK)
	var offered []string
	home.Find(`#new-project-start input[type=radio][name=labels]`).Each(func(_ int, r *goquery.Selection) {
		offered = append(offered, r.AttrOr("value", "")+"="+home.Find(`label[for="`+r.AttrOr("id", "")+`"]`).Text())
	})
	want := []string{"quotations=Quotations and names", "entities=Named entities: PER, LOC, ORG, MISC", "copy=Copy another project's labels", "none=No labels yet"}
	if !reflect.DeepEqual(offered, want) || home.Find(`#new-project-start legend`).Text() != "Labels to start with" {
		t.Fatalf("the form offers %q, want %q", offered, want)
	}
	if home.Find(`#new-project-start input:checked`).AttrOr("value", "") != "quotations" {
		t.Error("the default set is not the choice the form starts with")
	}
	if got := home.Find(`#start-entities-hint`).Text(); got != "CoNLL's set, keys 1 to 4: PER, LOC, ORG, MISC, no relation rules" {
		t.Errorf("the named-entity choice says %q", got)
	}

	create := func(name string, form url.Values) db.Project {
		t.Helper()
		form.Set("name", name)
		rec := te.amina.post("/projects", form)
		expect(t, rec, http.StatusSeeOther)
		var id int64
		if _, err := fmt.Sscanf(rec.Header().Get("Location"), "/projects/%d?done=created", &id); err != nil {
			t.Fatalf("redirected to %q", rec.Header().Get("Location"))
		}
		p, err := te.store.Project(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	if p := create("ner", url.Values{"labels": {"entities"}}); !reflect.DeepEqual(p.Labels, db.NamedEntityLabels()) || len(p.RelationTypes) != 0 {
		t.Errorf("the named-entity project holds %+v and rules %+v", p.Labels, p.RelationTypes)
	}
	if p := create("quotes", url.Values{"labels": {"quotations"}}); !reflect.DeepEqual(p.Labels, db.DefaultLabels()) || !reflect.DeepEqual(p.RelationTypes, db.DefaultRelationTypes()) {
		t.Errorf("the quotations project holds %+v and rules %+v", p.Labels, p.RelationTypes)
	}
	empty := create("empty", url.Values{"labels": {"none"}})
	if len(empty.Labels) != 0 || len(empty.RelationTypes) != 0 {
		t.Errorf("the project with no labels yet holds %+v and rules %+v", empty.Labels, empty.RelationTypes)
	}
	// Its page offers the label form's one empty row, and a document
	// imported with the labels its file uses opens with them.
	if rows := htmlPage(t, te.amina.get(fmt.Sprintf("/projects/%d", empty.ID)), http.StatusOK).Find(`#labels-form input[name="name"]`).Length(); rows != 1 {
		t.Errorf("the empty project's label form has %d rows, want the empty one", rows)
	}
	if _, err := te.store.Import(ctx, db.ImportOptions{ProjectID: empty.ID, File: "t.jsonl", By: te.amina.user.ID, AddLabels: true},
		[]codec.Doc{{Line: 1, ExternalID: "d1", Text: "زار أحمد بغداد", Meta: []byte("{}"), Spans: []codec.Span{{Start: 4, End: 8, Label: "PERS", Attributes: []byte("{}")}}}}); err != nil {
		t.Fatal(err)
	}
	docs, err := te.store.Documents(ctx, empty.ID, te.amina.user, db.DocumentPage{Limit: 10})
	if err != nil || len(docs.Docs) != 1 {
		t.Fatalf("documents %+v (%v)", docs.Docs, err)
	}
	d0 := htmlPage(t, te.amina.get(fmt.Sprintf("/documents/%d", docs.Docs[0].ID)), http.StatusOK)
	if got := d0.Find(`#label-bar button.label-btn`).Map(func(_ int, b *goquery.Selection) string { return b.AttrOr("data-label", "") }); !reflect.DeepEqual(got, []string{"PERS"}) {
		t.Errorf("the imported document's label bar: %q", got)
	}
	ner := create("ner copy", url.Values{"labels": {"copy"}, "labels_from": {"2"}})
	if src, _ := te.store.Project(ctx, 2); src.Name != "ner" || !reflect.DeepEqual(db.LabelSetOf(ner), db.LabelSetOf(src)) {
		t.Errorf("the copy holds %+v, want project 2's %+v", db.LabelSetOf(ner), db.LabelSetOf(src))
	}
	// The script's choice alone decides: a project picked under "Project
	// to copy" with another set chosen is not copied.
	if p := create("ner again", url.Values{"labels": {"entities"}, "labels_from": {fmt.Sprint(te.proj.ID)}}); !reflect.DeepEqual(p.Labels, db.NamedEntityLabels()) {
		t.Errorf("named entities chosen, a project picked to copy: the project holds %+v", p.Labels)
	}

	d := htmlPage(t, te.amina.post("/projects", url.Values{"name": {"x"}, "labels": {"conll"}}), http.StatusBadRequest)
	if got := d.Find("#new-project-error").Text(); !strings.Contains(got, `"conll" is none of the sets offered`) {
		t.Errorf("a set not offered: %q", got)
	}
	d = htmlPage(t, te.amina.post("/projects", url.Values{"name": {"ner"}, "labels": {"entities"}}), http.StatusConflict)
	if d.Find(`#new-project-start input:checked`).AttrOr("value", "") != "entities" {
		t.Error("a refused name lost the set chosen")
	}
}

// TestLabelFormSaysWhichRulesWent: saving the label form without QUOTE
// and CUE says, in English and Arabic, that the relation rules speaker,
// cue and segment went with them; a save that removes none says only
// that the set was saved, and a rule the project still has is never
// said to be gone, whatever the address claims.
func TestLabelFormSaysWhichRulesWent(t *testing.T) {
	env := newAPIEnv(t)
	admin := &formUser{env: env, user: env.user, session: env.session}
	form := url.Values{}
	for _, l := range env.proj.Labels {
		if l.Name == "QUOTE" || l.Name == "CUE" {
			l.Name = ""
		}
		form.Add("name", l.Name)
		form.Add("color", l.Color)
		form.Add("hotkey", l.Hotkey)
	}
	rec := admin.post(fmt.Sprintf("/projects/%d/labels", env.proj.ID), form)
	expect(t, rec, http.StatusSeeOther)
	saved, _, _ := strings.Cut(rec.Header().Get("Location"), "#") // a browser keeps the fragment to itself
	page := htmlPage(t, admin.get(saved, admin.session), http.StatusOK)
	if got := page.Find("#labels #form-notice").Text(); got != "Label set saved. The relation rules speaker, cue and segment joined on one side only labels you removed, so they were removed too." {
		t.Errorf("after removing QUOTE and CUE the page says %q", got)
	}
	req := httptest.NewRequest(http.MethodGet, saved, nil)
	req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: admin.session})
	req.Header.Set("Accept-Language", "ar")
	if got := htmlPage(t, env.serve(req), http.StatusOK).Find("#labels #form-notice").Text(); got != "حُفظت مجموعة الوسوم. كانت قواعد الروابط \u2068speaker\u2069، \u2068cue\u2069 و\u2068segment\u2069 لا تربط من أحد طرفيها إلا وسومًا حذفتها، فحُذفت هي أيضًا." {
		t.Errorf("in Arabic the page says %q", got)
	}
	page = htmlPage(t, admin.get(fmt.Sprintf("/projects/%d?done=labels&cut=refers_to&cut=segment", env.proj.ID), admin.session), http.StatusOK)
	if got := page.Find("#labels #form-notice").Text(); got != "Label set saved. The relation rule segment joined on one side only labels you removed, so it was removed too." {
		t.Errorf("an address naming a rule the project has: %q", got)
	}
	rec = admin.post(fmt.Sprintf("/projects/%d/labels", env.proj.ID), url.Values{"name": {"PER", "MISC"}, "color": {"#e5484d", "#8e4ec6"}, "hotkey": {"1", "4"}})
	expect(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); strings.Contains(loc, "cut=") {
		t.Errorf("a save removing no rule goes to %q", loc)
	}
}

// TestLabelFormProposesNewColours: the label form's empty row proposes a
// colour the set lacks, not grey, and once a label takes it the next
// empty row proposes another.
func TestLabelFormProposesNewColours(t *testing.T) {
	env := newAPIEnv(t)
	admin := &formUser{env: env, user: env.user, session: env.session}
	path := fmt.Sprintf("/projects/%d", env.proj.ID)
	newRow := func() string {
		rows := htmlPage(t, admin.get(path, admin.session), http.StatusOK).Find(`#labels-form input[name="color"]`)
		return rows.Last().AttrOr("value", "")
	}
	first := newRow()
	used := map[string]bool{"#888888": true}
	for _, l := range env.proj.Labels {
		used[l.Color] = true
	}
	if used[first] {
		t.Fatalf("the empty row proposes %s, which is grey or the set's", first)
	}
	form := url.Values{}
	for _, l := range append(env.proj.Labels, db.Label{Name: "MISC", Color: first, Hotkey: "8"}) {
		form.Add("name", l.Name)
		form.Add("color", l.Color)
		form.Add("hotkey", l.Hotkey)
	}
	expect(t, admin.post(path+"/labels", form), http.StatusSeeOther)
	if second := newRow(); second == first || used[second] {
		t.Errorf("after MISC took %s the empty row proposes %s", first, second)
	}
}
