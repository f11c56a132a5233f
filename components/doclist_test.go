package components

import (
	"context"
	"strings"
	"testing"

	"hashiya/db"
)

func TestShowing(t *testing.T) {
	docs := func(n int) []db.DocumentSummary { return make([]db.DocumentSummary, n) }
	for _, c := range []struct {
		list db.DocumentList
		want string
	}{
		{db.DocumentList{Docs: docs(50), Total: 5000, Before: 50}, "Showing 51–100 of 5,000"},
		{db.DocumentList{Docs: docs(50), Total: 123}, "Showing 1–50 of 123"},
		{db.DocumentList{Docs: docs(1), Total: 1}, "Showing 1 of 1"},
		{db.DocumentList{Docs: docs(7), Total: 1234567, Before: 1234560}, "Showing 1,234,561–1,234,567 of 1,234,567"},
	} {
		if got := (DocList{DocumentList: c.list}).Showing(context.Background()); got != c.want {
			t.Errorf("%+v: %q, want %q", c.list, got, c.want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestDocumentListLinksKeepTheFilter: paging links and a manager's forms
// carry the filter, escaped, and never the notice of the last form.
func TestDocumentListLinksKeepTheFilter(t *testing.T) {
	v := ProjectView{
		Project: db.Project{ID: 3, Name: "p"},
		Role:    db.RoleManager,
		List: DocList{
			DocumentList: db.DocumentList{Docs: []db.DocumentSummary{{ID: 60, ExternalID: "a&b"}, {ID: 70, ExternalID: "c"}}, More: true, Total: 9, Before: 2, Prev: 0},
			After:        55, Status: "in_progress", Query: `خبر & "x"`,
		},
	}
	v.Manage = &Manage{Notice: "Member saved.", Return: v.List.Return()}
	d := rendered(t, ProjectPage(Page{Title: "p", CSRF: "tok"}, v))
	filter := "q=%D8%AE%D8%A8%D8%B1+%26+%22x%22&status=in_progress"
	for sel, want := range map[string]string{
		`nav.pager a[rel="prev"]`: "/projects/3?" + filter + "#documents-title",
		`nav.pager a[rel="next"]`: "/projects/3?after=70&" + filter + "#documents-title",
	} {
		if got := d.Find(sel).AttrOr("href", ""); got != want {
			t.Errorf("%s goes to %q, want %q", sel, got, want)
		}
	}
	if got := d.Find("#assign-form").AttrOr("action", ""); got != "/projects/3/assignments?after=55&"+filter {
		t.Errorf("assign form posts to %q", got)
	}
	// No members yet: the assignment forms say so and cannot be sent.
	if d.Find("#assign-empty").Length() != 1 || d.Find("#assign-user[disabled]").Length() != 1 || d.Find("#assign-ids-user[disabled]").Length() != 1 ||
		!strings.Contains(d.Find("#auto-hint").Text(), "it has none yet") || d.Find("#auto-form button[disabled]").Length() != 1 {
		t.Errorf("with no members the assignment section reads %q", d.Find("#assignments").Text())
	}
	if got := d.Find("#filter-q").AttrOr("value", ""); got != v.List.Query {
		t.Errorf("search box holds %q", got)
	}
	if d.Find("#docs-showing").Text() != "Showing 3–4 of 9" || d.Find(`#filter-status option[selected]`).AttrOr("value", "") != "in_progress" {
		t.Errorf("caption %q, status %q", d.Find("#docs-showing").Text(), d.Find(`#filter-status option[selected]`).AttrOr("value", ""))
	}
}

// TestDocumentListMarksTheWordsFound: with a text search, each row's text
// is shown around the words found, marked, escaped as any text.
func TestDocumentListMarksTheWordsFound(t *testing.T) {
	v := ProjectView{
		Project: db.Project{ID: 3, Name: "p"},
		Role:    db.RoleAnnotator,
		List: DocList{
			DocumentList: db.DocumentList{Docs: []db.DocumentSummary{
				{ID: 1, ExternalID: "a", Preview: "…قال <b>الناطق</b> باسم الجهاز صباح النعمان إن"},
				{ID: 2, ExternalID: "صباح-2", Preview: "نص لا يذكره"},
				{ID: 3, ExternalID: "c", Preview: "…وقال صَباح النّعمان للقناة"},
			}, Total: 3},
			Query: "صباح النعمان",
		},
	}
	d := rendered(t, ProjectPage(Page{Title: "p"}, v))
	first, second := d.Find("#doc-1 td.preview"), d.Find("#doc-2 td.preview")
	if got := first.Find("mark").Text(); got != "صباح النعمان" || first.Text() != v.List.Docs[0].Preview || first.Find("b").Length() != 0 {
		t.Errorf("the first row shows %q with %q marked", first.Text(), got)
	}
	if second.Find("mark").Text() != "" || second.Text() != "نص لا يذكره" {
		t.Errorf("a row found by its id shows %q", second.Text())
	}
	third := d.Find("#doc-3 td.preview")
	if got := third.Find("mark").Text(); got != "صَباح النّعمان" || third.Text() != v.List.Docs[2].Preview {
		t.Errorf("a row spelt with harakat shows %q with %q marked", third.Text(), got)
	}
}

// TestDocListKeepsNotesFilter: the pager and the managers' forms keep
// "with open notes" with the other filters.
func TestDocListKeepsNotesFilter(t *testing.T) {
	l := DocList{Status: "done", Notes: true, After: 7}
	if got := l.pageURL(3, 50); got != "/projects/3?after=50&notes=open&status=done#documents-title" {
		t.Errorf("page link %q", got)
	}
	if got := l.Return(); got != "after=7&notes=open&status=done" {
		t.Errorf("return query %q", got)
	}
	if !(DocList{Notes: true}).Filtered() {
		t.Error("a list of documents with open notes is not filtered")
	}
}

// TestOwnLayerColumns: "Your spans" and "Your status" are shown to an
// annotator, and to a reviewer or manager only when they have work of
// their own on the page or filter by it; a manager's list has the bar of
// ticked documents with the members to assign them to.
func TestOwnLayerColumns(t *testing.T) {
	fresh := []db.DocumentSummary{{ID: 1, ExternalID: "a", Status: "new", GoldStatus: "new"}, {ID: 2, ExternalID: "b", Status: "new", GoldStatus: "new"}}
	worked := []db.DocumentSummary{fresh[0], {ID: 2, ExternalID: "b", Spans: 3, Status: "in_progress", GoldStatus: "new"}}
	for _, c := range []struct {
		name   string
		role   db.Role
		docs   []db.DocumentSummary
		status string
		want   bool
	}{
		{"annotator", db.RoleAnnotator, fresh, "", true},
		{"manager without a layer", db.RoleManager, fresh, "", false},
		{"reviewer without a layer", db.RoleReviewer, fresh, "", false},
		{"manager with spans of their own", db.RoleManager, worked, "", true},
		{"manager filtering by their status", db.RoleManager, fresh, "new", true},
	} {
		v := ProjectView{Project: db.Project{ID: 3, Name: "p"}, Role: c.role, List: DocList{DocumentList: db.DocumentList{Docs: c.docs, Total: 2}, Status: c.status}}
		if c.role == db.RoleManager {
			v.Manage = &Manage{Members: []db.Member{{User: db.User{Name: "layla"}, Role: db.RoleAnnotator}}}
		}
		d := rendered(t, ProjectPage(Page{Title: "p", CSRF: "tok"}, v))
		heads := d.Find("table.docs thead th").Text()
		if got := strings.Contains(heads, "Your spans") && strings.Contains(heads, "Your status"); got != c.want {
			t.Errorf("%s: columns %q, want Your spans and Your status: %v", c.name, heads, c.want)
		}
		if got := d.Find("#doc-2 td").Length() == d.Find("table.docs thead th").Length(); !got {
			t.Errorf("%s: a row has %d cells for %d columns", c.name, d.Find("#doc-2 td").Length(), d.Find("table.docs thead th").Length())
		}
		bar := d.Find("table.docs ~ #assign-form, .table-scroll ~ #assign-form")
		if manager := c.role == db.RoleManager; (bar.Length() == 1) != manager {
			t.Errorf("%s: %d bars of ticked documents under the list", c.name, bar.Length())
		} else if manager {
			if bar.Find(`select[name="user"] option[value="layla"]`).Length() != 1 || bar.Find("#assign-ticked").Length() != 1 || bar.Find("#delete-docs").Length() != 1 ||
				d.Find(`input[name="doc"][form="assign-form"]`).Length() != 2 {
				t.Errorf("%s: the bar holds %q", c.name, bar.Text())
			}
		}
	}
}

// TestMemberGroups: the bar's member picker groups members by role,
// annotators first, each in the order given, with no empty group.
func TestMemberGroups(t *testing.T) {
	m := func(name string, role db.Role) db.Member { return db.Member{User: db.User{Name: name}, Role: role} }
	groups := memberGroups([]db.Member{m("samir", db.RoleManager), m("layla", db.RoleAnnotator), m("karim", db.RoleAnnotator), m("omar", db.RoleManager)})
	var got []string
	for _, g := range groups {
		var names []string
		for _, mb := range g.Members {
			names = append(names, mb.User.Name)
		}
		got = append(got, g.Label+": "+strings.Join(names, ", "))
	}
	if want := "Annotators: layla, karim; Managers: samir, omar"; strings.Join(got, "; ") != want {
		t.Errorf("groups %q, want %q", strings.Join(got, "; "), want)
	}
	if groups := memberGroups(nil); len(groups) != 0 {
		t.Errorf("no members: %+v, want no group", groups)
	}
}
