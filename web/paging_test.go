package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"hashiya/db"
	"hashiya/db/codec"
)

// importMany stores n documents named prefix-0001, prefix-0002, ... in
// one import, in that order.
func (env *apiEnv) importMany(prefix string, n int) {
	env.t.Helper()
	docs := make([]codec.Doc, n)
	for i := range docs {
		docs[i] = codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("%s-%04d", prefix, i+1), Text: fmt.Sprintf("نص رقم %d", i+1), Meta: json.RawMessage(`{}`)}
	}
	if _, err := env.store.Import(context.Background(), db.ImportOptions{ProjectID: env.proj.ID, File: "bulk", By: env.user.ID}, docs); err != nil {
		env.t.Fatal(err)
	}
}

// documentByName loads a document of the project by its external id.
func (env *apiEnv) documentByName(externalID string) db.Document {
	env.t.Helper()
	list, err := env.store.Documents(context.Background(), env.proj.ID, env.user, db.DocumentPage{Limit: 1, Query: externalID})
	if err != nil || len(list.Docs) != 1 {
		env.t.Fatalf("document %s: %+v, %v", externalID, list.Docs, err)
	}
	doc, err := env.store.Document(context.Background(), list.Docs[0].ID)
	if err != nil {
		env.t.Fatal(err)
	}
	return doc
}

// apiDocPage is GET /api/v1/projects/:p/documents.
type apiDocPage struct {
	Documents []struct {
		ID         int64  `json:"id"`
		ExternalID string `json:"external_id"`
		Status     string `json:"status"`
	} `json:"documents"`
	Next  *string `json:"next"` // nil when absent
	Total *int    `json:"total"`
}

// walkAPI follows "next" from the first page of the list query names,
// as a client does, and returns the external ids in the order given.
func walkAPI(t *testing.T, who *queueActor, projectID int64, query string) []string {
	t.Helper()
	got, seen := []string{}, map[int64]bool{}
	after := ""
	for pages := 0; ; pages++ {
		if pages > 2000 {
			t.Fatal("the pages do not end")
		}
		q, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		if after != "" {
			q.Set("after", after)
		}
		rec := who.get(fmt.Sprintf("/api/v1/projects/%d/documents?%s", projectID, q.Encode()))
		expect(t, rec, http.StatusOK)
		var page apiDocPage
		decodeJSON(t, rec, &page)
		if page.Documents == nil || page.Total == nil {
			t.Fatalf("page without documents or total: %s", rec.Body)
		}
		for _, d := range page.Documents {
			if seen[d.ID] {
				t.Errorf("document %s listed twice", d.ExternalID)
			}
			seen[d.ID] = true
			got = append(got, d.ExternalID)
		}
		if page.Next == nil || *page.Next == "" {
			if *page.Total != len(got) {
				t.Errorf("total %d, but the pages held %d documents", *page.Total, len(got))
			}
			return got
		}
		if last := page.Documents[len(page.Documents)-1].ID; *page.Next != strconv.FormatInt(last, 10) {
			t.Errorf("next %q, want the last id listed, %d", *page.Next, last)
		}
		after = *page.Next
	}
}

func bulkNames(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprintf("bulk-%04d", i))
	}
	return out
}

// TestAPIDocumentPages walks the list through the API with several page
// sizes and filters, as each member of the team: every document they may
// see comes once, in import order, and no other.
func TestAPIDocumentPages(t *testing.T) {
	te := newTeamEnv(t)
	te.importMany("bulk", 9)
	all := append([]string{"doc-1", "doc-2", "doc-3"}, bulkNames(1, 9)...)
	if _, err := te.store.MarkDone(context.Background(), te.docs[1], te.user); err != nil {
		t.Fatal(err)
	}
	te.assign("layla", te.docs[0], te.documentByName("bulk-0002"), te.documentByName("bulk-0007"))
	for _, c := range []struct {
		name  string
		who   *queueActor
		query string
		want  []string
	}{
		{"default limit", te.amina, "", all},
		{"limit 1", te.amina, "limit=1", all},
		{"limit 5", te.amina, "limit=5", all},
		{"limit 12", te.amina, "limit=12", all},
		{"limit 1000", te.amina, "limit=1000", all},
		{"status done", te.amina, "status=done&limit=1", []string{"doc-2"}},
		{"status new", te.amina, "status=new&limit=4", append([]string{"doc-1", "doc-3"}, bulkNames(1, 9)...)},
		{"status reviewed", te.amina, "status=reviewed", []string{}},
		{"external id", te.amina, "q=bulk-000&limit=2", bulkNames(1, 9)},
		{"external id and status", te.amina, "q=doc&status=new", []string{"doc-1", "doc-3"}},
		{"nothing matches", te.amina, "q=nope", []string{}},
		{"assigned annotator", te.layla, "limit=1", []string{"doc-1", "bulk-0002", "bulk-0007"}},
		{"assigned annotator searching", te.layla, "q=bulk&limit=1", []string{"bulk-0002", "bulk-0007"}},
		{"annotator assigned nothing", te.karim, "", []string{}},
		{"reviewer", te.rana, "limit=7", all},
		{"manager", te.samir, "limit=3", all},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := walkAPI(t, c.who, te.proj.ID, c.query); !reflect.DeepEqual(got, c.want) {
				t.Errorf("listed %v, want %v", got, c.want)
			}
		})
	}
}

// TestAPIDocumentPageLimits: 100 documents a page unless asked, at most
// 1000; "next" only while documents follow.
func TestAPIDocumentPageLimits(t *testing.T) {
	env := newAPIEnv(t)
	env.importMany("bulk", 1049)
	list := fmt.Sprintf("/api/v1/projects/%d/documents", env.proj.ID)
	for _, c := range []struct {
		query string
		n     int
		next  bool
	}{{"", 100, true}, {"?limit=1000", 1000, true}, {"?limit=1050", 0, false}, {"?limit=1", 1, true}} {
		rec := env.do(http.MethodGet, list+c.query, nil)
		if c.n == 0 {
			expect(t, rec, http.StatusBadRequest)
			continue
		}
		expect(t, rec, http.StatusOK)
		var page apiDocPage
		decodeJSON(t, rec, &page)
		if len(page.Documents) != c.n || (page.Next != nil) != c.next || page.Total == nil || *page.Total != 1050 {
			t.Errorf("%s: %d documents, next %v, total %v; want %d of 1050", c.query, len(page.Documents), page.Next, page.Total, c.n)
		}
	}
	// The last page has no "next" at all.
	rec := env.do(http.MethodGet, fmt.Sprintf("%s?limit=1000&after=%d", list, env.documentByName("bulk-0999").ID), nil)
	expect(t, rec, http.StatusOK)
	var body map[string]json.RawMessage
	decodeJSON(t, rec, &body)
	if _, ok := body["next"]; ok || string(body["total"]) != "1050" {
		t.Errorf("last page: %s", rec.Body)
	}
}

// TestAPIDocumentPageBadParameters: each bad parameter is 400 naming it,
// as {"error": "..."}; a cursor past the end is an empty page.
func TestAPIDocumentPageBadParameters(t *testing.T) {
	te := newTeamEnv(t)
	list := fmt.Sprintf("/api/v1/projects/%d/documents", te.proj.ID)
	for _, c := range []struct {
		query string
		names string
	}{
		{"limit=0", "limit"},
		{"limit=-1", "limit"},
		{"limit=1001", "limit"},
		{"limit=ten", "limit"},
		{"limit=", ""}, // empty is the default
		{"after=abc", "after"},
		{"after=-5", "after"},
		{"after=1.5", "after"},
		{"status=finished", "status"},
		{"status=DONE", "status"},
		{"status=done&limit=x", "limit"},
		{"q=" + strings.Repeat("%D8%B3", 201), "q"}, // a page of text is not a search
		{"q=" + strings.Repeat("%D8%B3", 200), ""},
	} {
		rec := te.amina.get(list + "?" + c.query)
		if c.names == "" {
			expect(t, rec, http.StatusOK)
			continue
		}
		if rec.Code != http.StatusBadRequest {
			t.Errorf("?%s: %d, want 400 (%s)", c.query, rec.Code, rec.Body)
			continue
		}
		if msg := errorOf(t, rec); !strings.HasPrefix(msg, c.names+":") {
			t.Errorf("?%s: error %q does not name %s", c.query, msg, c.names)
		}
	}
	rec := te.amina.get(list + "?after=999999")
	expect(t, rec, http.StatusOK)
	var page apiDocPage
	decodeJSON(t, rec, &page)
	if len(page.Documents) != 0 || page.Next != nil || *page.Total != 3 {
		t.Errorf("past the end: %s", rec.Body)
	}
	// Paging changes nothing about who may list: a non-member gets 404.
	expect(t, te.omar.get(list+"?limit=1"), http.StatusNotFound)
}
