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

// labelRows is the label form's fields for rows of name, colour,
// hotkey and description.
func labelRows(rows ...[4]string) url.Values {
	v := url.Values{}
	for _, r := range rows {
		v.Add("name", r[0])
		v.Add("color", r[1])
		v.Add("hotkey", r[2])
		v.Add("description", r[3])
	}
	return v
}

// refusalIn is the one refusal on a page, which must stand in the
// section (or row, or bar) with the id place and take the focus there,
// itself or through the input it names (described by it).
func refusalIn(t *testing.T, d *goquery.Document, place string) string {
	t.Helper()
	e := d.Find("#form-error")
	if e.Length() != 1 || d.Find("#"+place+" #form-error").Length() != 1 {
		t.Errorf("%d refusals, %d of them in #%s; want one there", e.Length(), d.Find("#"+place+" #form-error").Length(), place)
	}
	focus := d.Find("[autofocus]")
	named := focus.Is("#"+place+" input, #"+place+" select, #"+place+" textarea") && strings.HasPrefix(focus.AttrOr("aria-describedby", ""), "form-error")
	if focus.Length() != 1 || !focus.Is("#form-error") && !named || e.AttrOr("tabindex", "") != "-1" || e.AttrOr("role", "") != "alert" {
		t.Error("the refusal does not take the focus when the page opens")
	}
	return strings.Join(strings.Fields(e.Text()), " ")
}

// TestLabelFormRefusesWhatBreaksAnnotating: the label form refuses a
// hotkey the annotation view keeps, control and bidi characters in a
// hotkey or description, and a hotkey two labels share, saying exactly
// which label and what beside the form, the rows kept as typed and the
// label set unchanged.
func TestLabelFormRefusesWhatBreaksAnnotating(t *testing.T) {
	te := newTeamEnv(t)
	path := fmt.Sprintf("/projects/%d/labels", te.proj.ID)
	per := [4]string{"PER", "#e5484d", "1", ""}
	cases := []struct {
		name string
		row  [4]string
		says string
	}{
		{"a view's key", [4]string{"DATE", "#f76b15", "a", ""}, `Hotkey "a" of label DATE is the annotation view's "Label every occurrence"; choose another.`},
		{"an RLO hotkey", [4]string{"DATE", "#f76b15", "\u202e", ""}, "Hotkey of label DATE: control character U+202E at character 1; a hotkey is one visible character."},
		{"a control in a description", [4]string{"DATE", "#f76b15", "5", "a\x00b\x1b[31m\u2066x"}, "Description of label DATE: control character U+0000 at character 2; a description is one line of visible text."},
		{"a shared hotkey", [4]string{"ORG", "#0090ff", "1", ""}, `Hotkey "1" is used by PER and ORG.`},
		{"an Arabic letter on a view's key", [4]string{"DATE", "#f76b15", "س", ""},
			`Hotkey "س" of label DATE is on the S key of an Arabic keyboard, the annotation view's "Pick speaker" (of a quotation); choose another.`},
	}
	for _, tc := range cases {
		d := htmlPage(t, te.samir.post(path, labelRows(per, tc.row, [4]string{"", "#888888", "", ""})), http.StatusBadRequest)
		if got := refusalIn(t, d, "labels"); got != tc.says {
			t.Errorf("%s: refusal %q, want %q", tc.name, got, tc.says)
		}
		if got := d.Find(`#labels-form input[name="name"]`).Eq(1).AttrOr("value", ""); got != tc.row[0] {
			t.Errorf("%s: the refused row reads %q, want it as typed", tc.name, got)
		}
	}
	if p, _ := te.store.Project(t.Context(), te.proj.ID); len(p.Labels) != len(db.DefaultLabels()) || p.Labels[4].Hotkey != "5" {
		t.Errorf("refused forms changed the labels: %+v", p.Labels)
	}
}

// TestLabelFormRefusesArabicKeys: the label form refuses an Arabic
// letter on another label's key beside that label's hotkey field, marked
// and described by the refusal; an Arabic page frames the store's
// English sentence in Arabic, as its other refusals.
func TestLabelFormRefusesArabicKeys(t *testing.T) {
	te := newTeamEnv(t)
	path := fmt.Sprintf("/projects/%d/labels", te.proj.ID)
	rows := labelRows([4]string{"PER", "#e5484d", "q", ""}, [4]string{"ORG", "#0090ff", "2", ""}, [4]string{"LOC", "#30a46c", "ض", ""}, [4]string{"", "#888888", "", ""})
	d := htmlPage(t, te.samir.post(path, rows), http.StatusBadRequest)
	if got, want := refusalIn(t, d, "labels"), `Hotkey "ض" of label LOC is on the Q key of an Arabic keyboard, which label PER's hotkey "q" also names; choose another.`; got != want {
		t.Errorf("refusal %q, want %q", got, want)
	}
	keys := d.Find(`#labels-form input[name="hotkey"]`)
	if in := keys.Eq(2); in.AttrOr("aria-invalid", "") != "true" || !strings.HasPrefix(in.AttrOr("aria-describedby", ""), "form-error") || in.AttrOr("value", "") != "ض" {
		t.Errorf("LOC's hotkey is not marked: %q %q %q", in.AttrOr("aria-invalid", ""), in.AttrOr("aria-describedby", ""), in.AttrOr("value", ""))
	}
	if keys.Eq(0).AttrOr("aria-invalid", "") != "" {
		t.Error("PER's hotkey, which the form kept, is marked invalid")
	}
	if hint := d.Find("#labels-form .hint").Text(); !strings.Contains(hint, "none of the annotation view's own keys (/ ? [ ] a c r s) nor the Arabic letter on one of them.") {
		t.Errorf("the form's hint reads %q", hint)
	}
	if err := te.store.SetLanguage(t.Context(), te.samir.user, "ar"); err != nil {
		t.Fatal(err)
	}
	d = htmlPage(t, te.samir.post(path, rows), http.StatusBadRequest)
	if got := refusalIn(t, d, "labels"); !strings.HasPrefix(got, "رُفض الطلب: ") || !strings.Contains(got, `Hotkey "ض" of label LOC is on the Q key of an Arabic keyboard`) {
		t.Errorf("the Arabic page's refusal reads %q", got)
	}
	if hint := d.Find("#labels-form .hint").Text(); !strings.Contains(hint, "ولا الحرف العربي الذي على أحدها") {
		t.Errorf("the Arabic form's hint reads %q", hint)
	}
	if p, _ := te.store.Project(t.Context(), te.proj.ID); p.Labels[0].Hotkey != "1" {
		t.Errorf("refused forms changed the labels: %+v", p.Labels)
	}
}

// TestManagerFormsRefuseBesideThemselves: a refused member or assignment
// form says why in its own section, focused, the field it is about
// marked invalid and described by the refusal.
func TestManagerFormsRefuseBesideThemselves(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	d := htmlPage(t, te.samir.post(p+"/members", url.Values{"user": {"ghost"}, "role": {"annotator"}}), http.StatusBadRequest)
	if got := refusalIn(t, d, "members"); got != `There is no user "ghost": ask an admin to create the account, then add it here.` {
		t.Errorf("member form: %q", got)
	}
	if d.Find("#refusal-link").Length() != 0 {
		t.Error("a manager who is not an admin is linked to the Users page")
	}
	// An admin is told where accounts are made, and linked there.
	d = htmlPage(t, te.amina.post(p+"/members", url.Values{"user": {"ghost"}, "role": {"annotator"}}), http.StatusBadRequest)
	if got := refusalIn(t, d, "members"); got != `There is no user "ghost": create the account on the Users page first, then add it here. Open the Users page` {
		t.Errorf("member form, for an admin: %q", got)
	}
	if href := d.Find("#form-error a#refusal-link").AttrOr("href", ""); href != "/admin/users" {
		t.Errorf("the refusal links to %q, want the Users page", href)
	}
	if in := d.Find("#member-name"); in.AttrOr("aria-invalid", "") != "true" || in.AttrOr("aria-describedby", "") != "form-error" {
		t.Errorf("the member's name is not marked: %q %q", in.AttrOr("aria-invalid", ""), in.AttrOr("aria-describedby", ""))
	}
	if d.Find("#member-role").AttrOr("aria-invalid", "") != "" {
		t.Error("the role, which was fine, is marked invalid")
	}
	d = htmlPage(t, te.samir.post(p+"/assignments", url.Values{"user": {"layla"}}), http.StatusBadRequest)
	if got := refusalIn(t, d, "assignments"); !strings.HasPrefix(got, "Choose documents") {
		t.Errorf("assignment form: %q", got)
	}
	if in := d.Find("#assign-ids"); in.AttrOr("aria-invalid", "") != "true" || in.AttrOr("aria-describedby", "") != "form-error assign-hint" {
		t.Errorf("the external ids are not marked: %q %q", in.AttrOr("aria-invalid", ""), in.AttrOr("aria-describedby", ""))
	}
	// A document's own Unassign is refused in its row.
	doc := te.docs[1].ID
	d = htmlPage(t, te.samir.post(p+"/assignments/remove", url.Values{"user": {"ghost"}, "doc": {fmt.Sprint(doc)}}), http.StatusBadRequest)
	if got := refusalIn(t, d, fmt.Sprintf("doc-%d", doc)); !strings.Contains(got, "ghost") {
		t.Errorf("a row's Unassign: %q", got)
	}
	// From the bar under the list, in the bar.
	d = htmlPage(t, te.samir.post(p+"/assignments", url.Values{"user": {"omar"}, "doc": {fmt.Sprint(doc)}, "from": {"list"}}), http.StatusBadRequest)
	if got := refusalIn(t, d, "assign-form"); !strings.Contains(got, "Omar is not a member") {
		t.Errorf("the bar's Assign: %q", got)
	}
}

// TestTickedBarWithNothingTicked: Assign and Unassign in the bar under
// the list, with no document ticked, say so as Delete does, on the list
// they came from (a GET: a reload posts nothing), and change nothing.
func TestTickedBarWithNothingTicked(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	for _, tc := range []struct{ path, query, says string }{
		{"/assignments", "refused=none-ticked-assign", "Nothing was assigned: no document was ticked. Tick the documents to assign in the list, pick the member, then press “Assign”."},
		{"/assignments/remove", "refused=none-ticked-unassign", "Nothing was unassigned: no document was ticked. Tick the documents to take back in the list, pick the member, then press “Unassign”."},
	} {
		rec := te.samir.post(p+tc.path+"?status=new", url.Values{"user": {"layla"}, "from": {"list"}})
		want := p + "?" + tc.query + "&status=new#form-error"
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != want {
			t.Fatalf("%s with nothing ticked: %d to %q, want 303 to %q", tc.path, rec.Code, rec.Header().Get("Location"), want)
		}
		d := htmlPage(t, te.samir.get(strings.TrimSuffix(want, "#form-error")), http.StatusOK)
		if got := strings.TrimSpace(d.Find("#form-error").Contents().First().Text()); got != tc.says {
			t.Errorf("%s: the page says %q, want %q", tc.path, got, tc.says)
		}
	}
	as, err := te.store.Assignees(t.Context(), te.proj.ID, []int64{te.docs[0].ID, te.docs[1].ID, te.docs[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	for id, list := range as {
		for _, a := range list {
			if a.Assigned {
				t.Errorf("document %d was assigned to %s", id, a.Name)
			}
		}
	}
}
