package components

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

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
		if got := (DocList{DocumentList: c.list}).Showing(); got != c.want {
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
	var buf bytes.Buffer
	if err := ProjectPage(Page{Title: "p", CSRF: "tok"}, v).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
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
	if d.Find("#assign-empty").Length() != 1 || d.Find("#assign-user[disabled]").Length() != 1 ||
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
	var buf bytes.Buffer
	if err := ProjectPage(Page{Title: "p"}, v).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
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
