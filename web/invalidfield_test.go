package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// marked lists the inputs of a page that are marked invalid, by their
// aria-label, with what describes each and whether it takes the focus.
func marked(d *goquery.Document) []string {
	var got []string
	d.Find(`[aria-invalid="true"]`).Each(func(_ int, s *goquery.Selection) {
		_, focus := s.Attr("autofocus")
		got = append(got, fmt.Sprintf("%s|%s|%v", s.AttrOr("aria-label", s.AttrOr("id", "")), s.AttrOr("aria-describedby", ""), focus))
	})
	return got
}

// TestRefusedRowFormMarksItsInput: a refused label or relations form
// marks the one input the refusal is about, in the row the manager typed
// it (a cleared row before it counted), described by the refusal and
// focused when the page opens, and the refusal itself does not take the
// focus from it; the guidelines' text area likewise. A refusal about no
// one input marks none and keeps the focus.
func TestRefusedRowFormMarksItsInput(t *testing.T) {
	te := newTeamEnv(t)
	labels := fmt.Sprintf("/projects/%d/labels", te.proj.ID)
	relations := fmt.Sprintf("/projects/%d/relation-types", te.proj.ID)
	per, org := [4]string{"PER", "#e5484d", "1", ""}, [4]string{"ORG", "#0090ff", "2", ""}
	blank := [4]string{"", "#888888", "", ""}
	cases := []struct {
		name string
		path string
		form url.Values
		want string // the marked input: aria-label|aria-describedby|autofocus
	}{
		{"a shared hotkey on row 2", labels, labelRows(per, [4]string{"ORG", "#0090ff", "1", ""}, blank), "Hotkey of label 2|form-error|true"},
		{"a view's key", labels, labelRows(per, org, [4]string{"DATE", "#f76b15", "/", ""}, blank), "Hotkey of label 3|form-error|true"},
		{"an empty colour", labels, labelRows(per, [4]string{"ORG", "", "2", ""}, blank), "Colour of label 2|form-error|true"},
		// The store counts the rows it is given; the form counts the
		// cleared one too, and marks the row the manager sees.
		{"after a cleared row", labels, labelRows(per, [4]string{"", "#0090ff", "", ""}, [4]string{"LOC", "#0090ff", "x", "a\x00"}, blank), "What label 3 covers|form-error|true"},
		{"a relation's unknown label", relations, url.Values{"rel_name": {"speaker", "x", ""}, "rel_from": {"QUOTE", "PER", ""}, "rel_to": {"PER", "EVENT", ""}},
			"Labels relation type 2 joins to|form-error|true"},
		{"guidelines with a control character", fmt.Sprintf("/projects/%d/guidelines", te.proj.ID), url.Values{"guidelines": {"read\x07 this"}},
			"guidelines-text|form-error|true"},
		{"a relation's bad name", relations, url.Values{"rel_name": {"two words", ""}, "rel_from": {"", ""}, "rel_to": {"", ""}},
			"Name of relation type 1|form-error|true"},
	}
	for _, tc := range cases {
		d := htmlPage(t, te.samir.post(tc.path, tc.form), http.StatusBadRequest)
		if got := marked(d); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: marked %q, want just %q", tc.name, got, tc.want)
		}
		if _, ok := d.Find("#form-error").Attr("autofocus"); ok || d.Find("[autofocus]").Length() != 1 {
			t.Errorf("%s: %d elements take the focus, the refusal among them: %v; want the input alone", tc.name, d.Find("[autofocus]").Length(), ok)
		}
	}
	// Reloading the refused page sends the form again (kept, see README's
	// Decisions): that is Save pressed twice, refused the same way, the
	// labels unchanged.
	again := labelRows(per, [4]string{"ORG", "#0090ff", "1", ""}, blank)
	for range 2 {
		d := htmlPage(t, te.samir.post(labels, again), http.StatusBadRequest)
		if got := marked(d); len(got) != 1 || got[0] != cases[0].want {
			t.Errorf("the form sent again marked %q", got)
		}
	}
	if p, err := te.store.Project(t.Context(), te.proj.ID); err != nil || !reflect.DeepEqual(p.Labels, db.DefaultLabels()) {
		t.Errorf("refused forms changed the labels: %+v (%v)", p.Labels, err)
	}
	// No label at all is about the set, no one input of it.
	d := htmlPage(t, te.samir.post(labels, labelRows(blank)), http.StatusBadRequest)
	if got := marked(d); len(got) != 0 {
		t.Errorf("an empty set marked %q", got)
	}
	if _, ok := d.Find("#labels #form-error").Attr("autofocus"); !ok || d.Find("[autofocus]").Length() != 1 {
		t.Error("a refusal naming no input does not take the focus itself")
	}
}
