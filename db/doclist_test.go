package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// pagingFixture is teamFixture with seven more documents (news-6 ..
// news-12), amina's (the admin's) layer done on doc-2 and news-7 and in
// progress on doc-3, and hala's done on doc-3.
type pagingFixture struct {
	teamFixture
}

func newPagingFixture(t *testing.T) pagingFixture {
	t.Helper()
	ctx := context.Background()
	f := pagingFixture{newTeamFixture(t)}
	for i := 6; i <= 12; i++ {
		f.docs = append(f.docs, f.addDoc(t, fmt.Sprintf("news-%d", i), fmt.Sprintf("خبر %d", i)))
	}
	for _, d := range []Document{f.docs[1], f.docs[6]} {
		if _, err := f.s.MarkDone(ctx, d, f.user); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.CreateSpan(ctx, f.docs[2], f.user.ID, f.user.ID, SpanInput{Start: 0, End: 2, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MarkDone(ctx, f.docs[2], f.hala); err != nil {
		t.Fatal(err)
	}
	return f
}

func docIDs(docs []Document) []int64 {
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	return ids
}

// walk pages through a list as a client does, checking every page's
// bookkeeping, and returns the external ids in the order listed.
func walk(t *testing.T, s *Store, projectID int64, u User, page DocumentPage) []string {
	t.Helper()
	var got []string
	var prevAfter int64
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("paging does not end")
		}
		list, err := s.Documents(context.Background(), projectID, u, page)
		if err != nil {
			t.Fatal(err)
		}
		if len(list.Docs) > page.Limit || (list.More && len(list.Docs) != page.Limit) {
			t.Fatalf("page after %d holds %d documents (more: %v), limit %d", page.After, len(list.Docs), list.More, page.Limit)
		}
		if list.Before != len(got) {
			t.Errorf("page after %d: %d documents before it, want %d", page.After, list.Before, len(got))
		}
		if pages > 0 && list.Prev != prevAfter {
			t.Errorf("page after %d: previous page starts after %d, want %d", page.After, list.Prev, prevAfter)
		}
		for _, d := range list.Docs {
			got = append(got, d.ExternalID)
		}
		if !list.More {
			if list.Total != len(got) {
				t.Errorf("total %d, but the pages held %d documents", list.Total, len(got))
			}
			return got
		}
		prevAfter, page.After = page.After, list.Docs[len(list.Docs)-1].ID
	}
}

func names(prefix string, from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprintf("%s-%d", prefix, i))
	}
	return out
}

// TestDocumentPages walks the list with every page size: each document
// comes once, in import order, and each page knows its place.
func TestDocumentPages(t *testing.T) {
	f := newPagingFixture(t)
	all := append(names("doc", 1, 5), names("news", 6, 12)...)
	for _, limit := range []int{1, 2, 5, 11, 12, 13, MaxPageLimit} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			if got := walk(t, f.s, f.proj.ID, f.user, DocumentPage{Limit: limit}); !reflect.DeepEqual(got, all) {
				t.Errorf("pages of %d listed %v, want %v", limit, got, all)
			}
		})
	}
	// A cursor past the end is an empty last page that still counts.
	list, err := f.s.Documents(context.Background(), f.proj.ID, f.user, DocumentPage{After: f.docs[11].ID, Limit: 5})
	if err != nil || len(list.Docs) != 0 || list.More || list.Total != 12 || list.Before != 12 || list.Prev != f.docs[6].ID {
		t.Errorf("page past the end: %+v (%v)", list, err)
	}
}

// TestDocumentPageFilters filters by the caller's layer status and part
// of the external id or the text, with the caller's visibility still
// applied.
func TestDocumentPageFilters(t *testing.T) {
	f := newPagingFixture(t)
	ctx := context.Background()
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", ExternalIDs: []string{"doc-3", "news-8", "news-11"}}); err != nil {
		t.Fatal(err)
	}
	newDocs := slices.DeleteFunc(append(names("doc", 1, 5), names("news", 6, 12)...), func(s string) bool {
		return s == "doc-2" || s == "doc-3" || s == "news-7"
	})
	for _, c := range []struct {
		name   string
		who    User
		status string
		query  string
		want   []string
	}{
		{"done", f.user, "done", "", []string{"doc-2", "news-7"}},
		{"in progress", f.user, "in_progress", "", []string{"doc-3"}},
		{"new means no layer yet", f.user, "new", "", newDocs},
		{"reviewed", f.user, "reviewed", "", nil},
		{"external id part", f.user, "", "news-1", []string{"news-10", "news-11", "news-12"}},
		{"ASCII case ignored", f.user, "", "NEWS-1", []string{"news-10", "news-11", "news-12"}},
		{"status and id", f.user, "done", "news", []string{"news-7"}},
		{"words of the text", f.user, "", "خبر 1", []string{"news-10", "news-11", "news-12"}},
		{"text as written", f.user, "", "خبر 6", []string{"news-6"}},
		{"assigned annotator, by text", f.hala, "", "خبر", []string{"news-8", "news-11"}},
		{"percent is literal", f.user, "", "%", nil},
		{"underscore is literal", f.user, "", "_", nil},
		{"assigned annotator", f.hala, "", "", []string{"doc-3", "news-8", "news-11"}},
		{"assigned annotator, her status", f.hala, "done", "", []string{"doc-3"}},
		{"assigned annotator, by id", f.hala, "", "news", []string{"news-8", "news-11"}},
		{"annotator assigned nothing", f.zaid, "", "", nil},
		{"reviewer sees all", f.rana, "", "doc", names("doc", 1, 5)},
		{"not a member", f.other, "", "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, limit := range []int{1, 2, 100} {
				got := walk(t, f.s, f.proj.ID, c.who, DocumentPage{Limit: limit, Status: c.status, Query: c.query})
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("limit %d: %v, want %v", limit, got, c.want)
				}
			}
		})
	}
}

// TestDocumentPageGoldFilter: reviewers list documents by gold's status,
// "new" where gold has no layer yet, with the other filters.
func TestDocumentPageGoldFilter(t *testing.T) {
	f := newPagingFixture(t)
	ctx := context.Background()
	doc := func(id string) Document {
		for _, d := range f.docs {
			if d.ExternalID == id {
				return d
			}
		}
		t.Fatalf("no document %s", id)
		return Document{}
	}
	if _, err := f.s.CreateSpan(ctx, doc("doc-4"), 0, f.user.ID, SpanInput{Start: 0, End: 1, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MarkReviewed(ctx, doc("news-9"), f.user); err != nil {
		t.Fatal(err)
	}
	all := append(names("doc", 1, 5), names("news", 6, 12)...)
	for _, c := range []struct {
		gold, query string
		want        []string
	}{
		{"in_progress", "", []string{"doc-4"}},
		{"reviewed", "", []string{"news-9"}},
		{"reviewed", "doc", nil},
		{"new", "", slices.DeleteFunc(slices.Clone(all), func(s string) bool { return s == "doc-4" || s == "news-9" })},
	} {
		if got := walk(t, f.s, f.proj.ID, f.rana, DocumentPage{Limit: 2, Gold: c.gold, Query: c.query}); !reflect.DeepEqual(got, c.want) {
			t.Errorf("gold %s, q %q: %v, want %v", c.gold, c.query, got, c.want)
		}
	}
}

// TestDocumentPageAuthorizationAtTheCursor: a cursor is no key. An
// annotator who names a cursor inside the project still pages through
// only her own documents, and counts only those.
func TestDocumentPageAuthorizationAtTheCursor(t *testing.T) {
	f := newPagingFixture(t)
	ctx := context.Background()
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "hala", ExternalIDs: []string{"doc-2", "news-9"}}); err != nil {
		t.Fatal(err)
	}
	list, err := f.s.Documents(ctx, f.proj.ID, f.hala, DocumentPage{After: f.docs[2].ID, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Docs) != 1 || list.Docs[0].ExternalID != "news-9" || list.More || list.Total != 2 || list.Before != 1 {
		t.Errorf("hala's page after doc-3: %+v", list)
	}
	// Another project's documents never show, whatever the cursor.
	other, err := f.s.CreateProject(ctx, "other", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Import(ctx, ImportOptions{ProjectID: other.ID, File: "x", By: f.user.ID}, []codec.Doc{{Line: 1, ExternalID: "elsewhere", Text: "نص"}}); err != nil {
		t.Fatal(err)
	}
	list, err = f.s.Documents(ctx, f.proj.ID, f.user, DocumentPage{After: f.docs[10].ID, Limit: 10})
	if err != nil || len(list.Docs) != 1 || list.Docs[0].ExternalID != "news-12" || list.More || list.Total != 12 {
		t.Errorf("admin's page after news-11: %+v (%v), want news-12 alone, of 12", list, err)
	}
}

func TestDocumentPageRefusesBadRequests(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		page  DocumentPage
		field string
	}{
		{DocumentPage{Limit: 0}, "limit"},
		{DocumentPage{Limit: -3}, "limit"},
		{DocumentPage{Limit: MaxPageLimit + 1}, "limit"},
		{DocumentPage{Limit: 10, After: -1}, "after"},
		{DocumentPage{Limit: 10, Status: "finished"}, "status"},
		{DocumentPage{Limit: 10, Status: "DONE"}, "status"},
		{DocumentPage{Limit: 10, Gold: "done"}, "gold"}, // gold is reviewed, never done
	} {
		_, err := f.s.Documents(context.Background(), f.proj.ID, f.user, c.page)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != c.field {
			t.Errorf("%+v: error %v, want a validation error on %s", c.page, err, c.field)
		}
	}
}

// TestAssigneesOfAPage: the manager's page loads who works on the
// documents it shows, and no others.
func TestAssigneesOfAPage(t *testing.T) {
	f := newPagingFixture(t)
	ctx := context.Background()
	if _, err := f.s.Assign(ctx, f.proj.ID, f.user, AssignRequest{User: "zaid", ExternalIDs: []string{"doc-1", "news-6"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		ids  []int64
		want map[string][]string
	}{
		{"first page", docIDs(f.docs[:3]), map[string][]string{"doc-1": {"zaid"}, "doc-2": {"amina"}, "doc-3": {"amina", "hala"}}},
		{"one document", []int64{f.docs[5].ID}, map[string][]string{"news-6": {"zaid"}}},
		{"nobody works on it", []int64{f.docs[4].ID}, map[string][]string{}},
		{"none", nil, map[string][]string{}},
		{"not of the project", []int64{f.docs[0].ID + 1000}, map[string][]string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			as, err := f.s.Assignees(ctx, f.proj.ID, c.ids)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, d := range f.docs {
				for _, a := range as[d.ID] {
					got[d.ExternalID] = append(got[d.ExternalID], a.Name)
				}
			}
			if !reflect.DeepEqual(got, c.want) || len(as) != len(c.want) {
				t.Errorf("assignees %v, want %v", got, c.want)
			}
		})
	}
}

// TestDocumentSearchFoldsSpelling: a text search finds a word however
// the text spells it (hamza, harakat, tatweel, taa marbuta, digits), and
// the preview shows the text's own spelling.
func TestDocumentSearchFoldsSpelling(t *testing.T) {
	f := newFixture(t)
	for _, d := range [][2]string{
		{"osama", "قال أسامة إن الاجتماع انتهى"},
		{"official", "وأكد المسئول أن المدرسه مغلقة"},
		{"harakat", "قالَ مُحَمَّدٌ ذلك"},
		{"tatweel", "الملك محـــمد السادس"},
		{"year", "في عام ٢٠٢٣ تغير كل شيء"},
		{"Latin", "according to the BBC"},
	} {
		f.addDoc(t, d[0], d[1])
	}
	for _, c := range []struct {
		query, want, preview string
	}{
		{"اسامه", "osama", "قال أسامة إن الاجتماع انتهى"},
		{"مسؤول", "official", "وأكد المسئول أن المدرسه مغلقة"},
		{"المدرسة", "official", "وأكد المسئول أن المدرسه مغلقة"},
		{"محمد", "harakat,tatweel", "قالَ مُحَمَّدٌ ذلك"},
		{"2023", "year", "في عام ٢٠٢٣ تغير كل شيء"},
		{"bbc", "Latin", "according to the BBC"},
		{"LATIN", "Latin", "according to the BBC"},
		{"محمود", "", ""},
	} {
		list, err := f.s.Documents(context.Background(), f.proj.ID, f.user, DocumentPage{Limit: 10, Query: c.query})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range list.Docs {
			ids = append(ids, d.ExternalID)
		}
		if got := strings.Join(ids, ","); got != c.want || list.Total != len(ids) {
			t.Errorf("search %q found %q (total %d), want %q", c.query, got, list.Total, c.want)
		} else if len(ids) > 0 && list.Docs[0].Preview != c.preview {
			t.Errorf("search %q previews %q, want %q", c.query, list.Docs[0].Preview, c.preview)
		}
	}
}

// TestDocumentPreviewAroundTheWords: a text search shows each document's
// text from the start of a word a little before the words found, "…"
// first when cut; without a search the text's start is cut after a whole
// word, "…" last.
func TestDocumentPreviewAroundTheWords(t *testing.T) {
	f := newFixture(t)
	long := strings.Repeat("كلام تمهيدي ", 20) + "وقال صباح النعمان إن الجهاز مستمر"
	f.addDoc(t, "long", long)
	list, err := f.s.Documents(context.Background(), f.proj.ID, f.user, DocumentPage{Limit: 10, Query: "صباح النعمان"})
	if err != nil || len(list.Docs) != 1 {
		t.Fatalf("search: %+v, %v", list, err)
	}
	got := list.Docs[0].Preview
	rs := []rune(long)
	at := strings.Index(long, "صباح النعمان")
	cp := len([]rune(long[:at]))
	from := string(rs[cp-40:]) // inside a word: the preview starts at the next
	if want := "…" + from[strings.Index(from, " ")+1:]; got != want {
		t.Errorf("preview %q, want %q", got, want)
	}
	first := string(rs[:120])
	first = strings.TrimSpace(first[:strings.LastIndex(first, " ")]) + "…"
	if list, _ = f.s.Documents(context.Background(), f.proj.ID, f.user, DocumentPage{Limit: 10}); list.Docs[1].Preview != first {
		t.Errorf("unfiltered preview %q, want %q: the text's first 120 code points cut after a whole word", list.Docs[1].Preview, first)
	}
}
