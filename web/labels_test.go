package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

func TestManagerEditsLabels(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "أحمد", "PER")
	admin := &formUser{env: env, user: env.user, session: env.session}
	path := fmt.Sprintf("/projects/%d/labels", env.proj.ID)
	form := func(rows ...[3]string) url.Values {
		v := url.Values{}
		for _, r := range rows {
			v.Add("name", r[0])
			v.Add("color", r[1])
			v.Add("hotkey", r[2])
		}
		return v
	}
	// PER is used: clearing its name is refused and the page says why.
	rec := admin.post(path, form([3]string{"", "#e5484d", "1"}, [3]string{"ORG", "#0090ff", "2"}, [3]string{"", "#888888", ""}))
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "PER is used by 1 span;") {
		t.Fatalf("removing a used label: %d", rec.Code)
	}
	// The cleared row comes back cleared, its colour and hotkey kept, to be
	// named again; then the form's one empty row.
	if got := htmlPage(t, rec, http.StatusBadRequest).Find(`#labels-form input[name="hotkey"]`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") }); strings.Join(got, ",") != "1,2," {
		t.Errorf("the refused form's hotkeys read %q, want 1,2 and the empty row", got)
	}
	// A refused form comes back as it was typed, to be mended.
	rec = admin.post(path, form([3]string{"PER", "#e5484d", "1"}, [3]string{"ORG", "#0090ff", "1"}, [3]string{"NEWONE", "#112233", "x"}))
	d := htmlPage(t, rec, http.StatusBadRequest)
	if got := d.Find(`#labels-form input[name="hotkey"]`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") }); strings.Join(got, ",") != "1,1,x," {
		t.Errorf("the refused form's hotkeys read %q, want what was typed", got)
	}
	if d.Find(`#labels-form input[name="name"][value="NEWONE"]`).Length() != 1 {
		t.Error("the refused form lost the new label typed in it")
	}
	rec = admin.post(path, form([3]string{"PER", "#e5484d", "p"}, [3]string{"EVENT", "#123456", "e"}, [3]string{"", "#888888", ""}))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("saving labels: %d: %s", rec.Code, rec.Body)
	}
	p, err := env.store.Project(t.Context(), env.proj.ID)
	if err != nil || len(p.Labels) != 2 || p.Labels[1].Name != "EVENT" || p.Labels[0].Hotkey != "p" {
		t.Fatalf("labels %+v (%v)", p.Labels, err)
	}
	page := env.do(http.MethodGet, fmt.Sprintf("/documents/%d", env.doc.ID), nil).Body.String()
	if !strings.Contains(page, `class="label-btn" data-label="EVENT"`) || strings.Contains(page, `class="label-btn" data-label="ORG"`) {
		t.Error("the annotation page does not show the new label set")
	}
	// A description, saved with the rows, is what the label's button says it covers.
	with := form([3]string{"PER", "#e5484d", "p"}, [3]string{"EVENT", "#123456", "e"})
	with.Add("description", "أسماء الأشخاص")
	with.Add("description", "")
	if rec := admin.post(path, with); rec.Code != http.StatusSeeOther {
		t.Fatalf("saving labels with a description: %d: %s", rec.Code, rec.Body)
	}
	d = htmlPage(t, env.do(http.MethodGet, fmt.Sprintf("/documents/%d", env.doc.ID), nil), http.StatusOK)
	if b := d.Find(`button.label-btn[data-label="PER"]`); b.AttrOr("aria-description", "") != "أسماء الأشخاص" || b.AttrOr("title", "") != "PER: أسماء الأشخاص" {
		t.Errorf("PER's button: title %q, aria-description %q", b.AttrOr("title", ""), b.AttrOr("aria-description", ""))
	}
	if d.Find(`button.label-btn[data-label="EVENT"]`).AttrOr("title", "none") != "none" {
		t.Error("a label without a description has a title")
	}
	bad := form([3]string{"PER", "#e5484d", "p"})
	bad.Add("description", "a")
	bad.Add("description", "b")
	if rec := admin.post(path, bad); rec.Code != http.StatusBadRequest {
		t.Errorf("more descriptions than rows: %d", rec.Code)
	}
	// A label set past what a project may have is refused, saying so.
	var rows [][3]string
	for i := range db.MaxLabels + 1 {
		rows = append(rows, [3]string{fmt.Sprintf("L%d", i), "#123456", ""})
	}
	if rec := admin.post(path, form(rows...)); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "201 labels, more than the 200 a project may have") {
		t.Errorf("201 labels: %d, want 400 saying why", rec.Code)
	}
	if p, _ := env.store.Project(t.Context(), env.proj.ID); len(p.Labels) != 2 {
		t.Errorf("a refused label set left %d labels", len(p.Labels))
	}
}

// TestManagerEditsRelationRules: the relation rules form saves a rule
// widened to a new label and a new type, refuses a label the project
// lacks and removing a type in use, saying why, and the annotation page
// gives the script the rules the store now holds.
func TestManagerEditsRelationRules(t *testing.T) {
	env := newAPIEnv(t)
	admin := &formUser{env: env, user: env.user, session: env.session}
	path := fmt.Sprintf("/projects/%d/relation-types", env.proj.ID)
	form := func(rows ...[3]string) url.Values {
		v := url.Values{}
		for _, r := range rows {
			v.Add("rel_name", r[0])
			v.Add("rel_from", r[1])
			v.Add("rel_to", r[2])
		}
		return v
	}
	quote := env.addSpan(env.user.ID, "الاقتصاد ينمو", "QUOTE")
	per := env.addSpan(env.user.ID, "أحمد", "PER")
	if _, err := env.store.CreateRelation(t.Context(), env.doc, env.user.ID, env.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	rec := admin.post(path, form([3]string{"speaker", "QUOTE", "PER, ORG GPE"}, [3]string{"located_in", "ORG", ""}, [3]string{"", "", ""}))
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != fmt.Sprintf("/projects/%d?done=relation-types#relation-types", env.proj.ID) {
		t.Fatalf("saving rules: %d %s", rec.Code, rec.Body)
	}
	p, err := env.store.Project(t.Context(), env.proj.ID)
	if err != nil || len(p.RelationTypes) != 2 || strings.Join(p.RelationTypes[0].To, " ") != "PER ORG GPE" || p.RelationTypes[1].Name != "located_in" || len(p.RelationTypes[1].To) != 0 {
		t.Fatalf("rules %+v (%v)", p.RelationTypes, err)
	}
	for _, c := range []struct {
		rows [][3]string
		says string
	}{
		{[][3]string{{"speaker", "QUOTE", "PER"}, {"x", "EVENT", ""}}, "Relation type x names label EVENT"},
		{[][3]string{{"located_in", "ORG", ""}}, "Relation type speaker is used by 1 relation "},
	} {
		rec := admin.post(path, form(c.rows...))
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), c.says) {
			t.Errorf("refused rules: %d, want 400 saying %q", rec.Code, c.says)
		}
	}
	page := env.do(http.MethodGet, fmt.Sprintf("/documents/%d", env.doc.ID), nil).Body.String()
	if !strings.Contains(page, `data-relations="{&#34;located_in&#34;:{&#34;from&#34;:[&#34;ORG&#34;],&#34;to&#34;:[]},&#34;speaker&#34;:{&#34;from&#34;:[&#34;QUOTE&#34;],&#34;to&#34;:[&#34;PER&#34;,&#34;ORG&#34;,&#34;GPE&#34;]}}"`) {
		t.Error("the annotation page does not carry the saved rules for its script")
	}
}
