package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// visit is the request a browser sends for a link: without its fragment.
func visit(who *queueActor, href string) *httptest.ResponseRecorder {
	href, _, _ = strings.Cut(href, "#")
	return who.get(href)
}

// listedIDs are the external ids of the rows of a project page.
func listedIDs(d *goquery.Document) []string {
	return d.Find("table.docs tbody tr td a:not(.review-link)").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
}

// TestProjectPagePaging follows the Next and Previous links of the
// project page: 50 documents a page, each once, in import order, with
// the place of the page and a manager's controls on every row shown.
func TestProjectPagePaging(t *testing.T) {
	te := newTeamEnv(t)
	te.importMany("bulk", 120)
	first := fmt.Sprintf("/projects/%d", te.proj.ID)
	pages := []struct {
		showing    string
		rows       int
		prev, next bool
	}{
		{"Showing 1–50 of 123", 50, false, true},
		{"Showing 51–100 of 123", 50, true, true},
		{"Showing 101–123 of 123", 23, true, false},
	}
	for _, who := range []*queueActor{te.samir, te.layla} {
		var got, prevs []string
		path := first
		for i, want := range pages {
			d := htmlPage(t, visit(who, path), http.StatusOK)
			if s := d.Find("#docs-showing").Text(); s != want.showing {
				t.Errorf("%s page %d: %q, want %q", who.user.Name, i+1, s, want.showing)
			}
			rows := listedIDs(d)
			if len(rows) != want.rows {
				t.Errorf("%s page %d: %d rows, want %d", who.user.Name, i+1, len(rows), want.rows)
			}
			got = append(got, rows...)
			manager := who == te.samir
			if n := d.Find(`input[type="checkbox"][name="doc"][form="assign-form"]`).Length(); (n == want.rows) != manager || (n == 0) == manager {
				t.Errorf("%s page %d: %d ticking boxes for %d rows", who.user.Name, i+1, n, want.rows)
			}
			prev, hasPrev := d.Find(`nav.pager a[rel="prev"]`).Attr("href")
			next, hasNext := d.Find(`nav.pager a[rel="next"]`).Attr("href")
			if hasPrev != want.prev || hasNext != want.next {
				t.Fatalf("%s page %d: previous %v, next %v; want %v, %v", who.user.Name, i+1, hasPrev, hasNext, want.prev, want.next)
			}
			prevs = append(prevs, prev)
			path = next
		}
		want := append([]string{"doc-1", "doc-2", "doc-3"}, bulkNames(1, 120)...)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: the pages listed %d documents, not each of the 123 once in order", who.user.Name, len(got))
		}
		// Previous from page 3 is page 2; from page 2 the first page.
		if d := htmlPage(t, visit(who, prevs[2]), http.StatusOK); d.Find("#docs-showing").Text() != pages[1].showing {
			t.Errorf("Previous from the last page shows %q", d.Find("#docs-showing").Text())
		}
		if prevs[1] != first+"#documents-title" {
			t.Errorf("Previous from page 2 is %q, want the first page", prevs[1])
		}
	}
}

// TestProjectPageShowsThousands: the place of a page in a long list is
// written with thousands separators.
func TestProjectPageShowsThousands(t *testing.T) {
	te := newTeamEnv(t)
	te.importMany("bulk", 4997)
	d := htmlPage(t, te.samir.get(fmt.Sprintf("/projects/%d?after=%d", te.proj.ID, te.documentByName("bulk-0047").ID)), http.StatusOK)
	if got := d.Find("#docs-showing").Text(); got != "Showing 51–100 of 5,000" {
		t.Errorf("caption %q", got)
	}
}

// TestProjectPageFilters: the filter form is a labelled GET form; a
// filter narrows the list and every link and manager's form keeps it.
func TestProjectPageFilters(t *testing.T) {
	te := newTeamEnv(t)
	te.importMany("bulk", 120)
	if _, err := te.store.MarkDone(context.Background(), te.docs[1], te.samir.user); err != nil {
		t.Fatal(err)
	}
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	d := htmlPage(t, te.samir.get(p), http.StatusOK)
	form := d.Find("form#doc-filter")
	if form.AttrOr("method", "") != "get" || form.Find(`select[name="status"]`).Length() != 1 || form.Find(`input[name="q"]`).Length() != 1 {
		t.Fatalf("filter form: %v", form.Nodes)
	}
	for id, label := range map[string]string{"filter-status": "Your status", "filter-q": "Id or text"} {
		if got := form.Find(`label[for="` + id + `"]`).Text(); got != label || form.Find("#"+id).Length() != 1 {
			t.Errorf("control %s labelled %q, want %q", id, got, label)
		}
	}
	for _, c := range []struct {
		query   string
		rows    []string
		showing string
	}{
		{"status=done", []string{"doc-2"}, "Showing 1 of 1"},
		{"q=doc", []string{"doc-1", "doc-2", "doc-3"}, "Showing 1–3 of 3"},
		{"status=new&q=doc", []string{"doc-1", "doc-3"}, "Showing 1–2 of 2"},
		{"q=bulk-011", bulkNames(110, 119), "Showing 1–10 of 10"},
		{"q=BULK-011", bulkNames(110, 119), "Showing 1–10 of 10"},
		{"q=" + url.QueryEscape("الوزير احمد"), []string{"doc-1"}, "Showing 1 of 1"},
	} {
		d := htmlPage(t, te.samir.get(p+"?"+c.query), http.StatusOK)
		if got := listedIDs(d); strings.Join(got, " ") != strings.Join(c.rows, " ") || d.Find("#docs-showing").Text() != c.showing {
			t.Errorf("?%s: rows %v, %q; want %v, %q", c.query, got, d.Find("#docs-showing").Text(), c.rows, c.showing)
		}
		q, _ := url.ParseQuery(c.query)
		if got := d.Find("#filter-status option[selected]").AttrOr("value", ""); got != q.Get("status") {
			t.Errorf("?%s: status shown %q", c.query, got)
		}
		if got := d.Find("#filter-q").AttrOr("value", ""); got != q.Get("q") {
			t.Errorf("?%s: search box holds %q", c.query, got)
		}
	}
	// The search folds spelling; the row marks the words as the text has them.
	d = htmlPage(t, te.samir.get(p+"?q="+url.QueryEscape("الوزير احمد")), http.StatusOK)
	if got := d.Find("td.preview mark").Text(); got != "الوزير أحمد" {
		t.Errorf("a search for الوزير احمد marks %q, want the text's الوزير أحمد", got)
	}
	// Page 2 of "bulk": its links and the manager's forms keep the filter.
	d = htmlPage(t, te.samir.get(p+"?q=bulk"), http.StatusOK)
	next := d.Find(`nav.pager a[rel="next"]`).AttrOr("href", "")
	after := te.documentByName("bulk-0050").ID
	if want := fmt.Sprintf("%s?after=%d&q=bulk#documents-title", p, after); next != want {
		t.Fatalf("Next of the filtered list is %q, want %q", next, want)
	}
	d = htmlPage(t, visit(te.samir, next), http.StatusOK)
	if got := d.Find(`nav.pager a[rel="prev"]`).AttrOr("href", ""); got != p+"?q=bulk#documents-title" {
		t.Errorf("Previous of the filtered list is %q", got)
	}
	ret := fmt.Sprintf("?after=%d&q=bulk", after)
	for _, sel := range []string{"#assign-form", "#auto-form", "#member-form"} {
		if got := d.Find(sel).AttrOr("action", ""); !strings.HasSuffix(got, ret) {
			t.Errorf("%s posts to %q, which does not come back to this page (%s)", sel, got, ret)
		}
	}
}

// TestProjectPageEmptyStates: an empty list says why.
func TestProjectPageEmptyStates(t *testing.T) {
	te := newTeamEnv(t)
	empty, err := te.store.CreateProject(context.Background(), "مشروع فارغ 2024", nil, te.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := te.store.SetMember(context.Background(), empty.ID, te.user, te.rana.user, db.RoleReviewer); err != nil {
		t.Fatal(err)
	}
	if err := te.store.SetMember(context.Background(), empty.ID, te.user, te.karim.user, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	te.assign("layla", te.docs[0])
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	for _, c := range []struct {
		who  *queueActor
		path string
		says string
		link string
	}{
		// The manager is sent to the import form on the page; others are
		// told who imports, not a command they cannot run.
		{te.amina, fmt.Sprintf("/projects/%d", empty.ID), "No documents yet. Import a corpus with the Import documents form below, or on the command line", "#import-title"},
		{te.rana, fmt.Sprintf("/projects/%d", empty.ID), "No documents yet: a manager of this project has not imported any.", ""},
		{te.samir, p + "?q=nothing-like-this", "No documents match this filter.", p + "#documents-title"},
		{te.samir, p + "?status=reviewed", "No documents match this filter.", p + "#documents-title"},
		{te.karim, fmt.Sprintf("/projects/%d", empty.ID), "No documents for you yet: a manager of this project imports them", ""},
		{te.karim, p, "None of this project's documents is assigned to you yet; ask a manager of the project to assign you some.", ""},
		{te.karim, p + "?q=doc", "No documents match this filter.", p + "#documents-title"},
		{te.samir, p + "?after=999999", "No more documents after this point.", p + "#documents-title"},
	} {
		d := htmlPage(t, c.who.get(c.path), http.StatusOK)
		msg := d.Find("#docs-empty")
		if !strings.Contains(msg.Text(), c.says) || d.Find("table.docs").Length() != 0 || d.Find("nav.pager").Length() != 0 {
			t.Errorf("%s %s: says %q, want %q and no table", c.who.user.Name, c.path, msg.Text(), c.says)
		}
		if got := msg.Find("a").AttrOr("href", ""); got != c.link {
			t.Errorf("%s %s: link %q, want %q", c.who.user.Name, c.path, got, c.link)
		}
		if target := strings.TrimPrefix(c.link, "#"); c.link != target && d.Find("#"+target).Length() != 1 {
			t.Errorf("%s %s: the link's target %s is not on the page", c.who.user.Name, c.path, c.link)
		}
		// The command names the project as one shell word, to paste.
		if cmd := msg.Find("#import-command").Text(); c.who == te.amina && cmd != "hashiya import --project 'مشروع فارغ 2024' FILE" {
			t.Errorf("the manager's command is %q", cmd)
		}
		if c.who != te.amina && strings.Contains(msg.Text(), "hashiya") {
			t.Errorf("%s %s: a member who cannot import is shown a command: %q", c.who.user.Name, c.path, msg.Text())
		}
	}
	// A bad filter in the address gets a page saying what is wrong, inside
	// the app's frame, with a way back.
	for _, q := range []string{"after=abc", "after=-1", "status=finished"} {
		d := htmlPage(t, te.samir.get(p+"?"+q), http.StatusBadRequest)
		name, _, _ := strings.Cut(q, "=")
		if h1, alert := d.Find("h1").Text(), d.Find("[role=alert]").Text(); h1 != "400 Bad Request" || !strings.Contains(alert, name) {
			t.Errorf("?%s: page says %q, %q; want 400 Bad Request naming %s", q, h1, alert, name)
		}
		if d.Find(`a[href="/"]`).Length() == 0 || !strings.Contains(d.Find(".who").Text(), "samir") {
			t.Errorf("?%s: the error page lacks the app's frame or a way back", q)
		}
	}
}

// TestErrorPageForOutsiders: a project page a non-member asks for is a 404
// page that says no more than that.
func TestErrorPageForOutsiders(t *testing.T) {
	te := newTeamEnv(t)
	d := htmlPage(t, te.omar.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusNotFound)
	if h1 := d.Find("h1").Text(); h1 != "404 Not Found" || strings.Contains(d.Text(), te.proj.Name) {
		t.Errorf("outsider sees %q: %s", h1, d.Find("main").Text())
	}
}

// TestAssignOnAPage ticks documents on page 2 of a filtered list, then
// reopens one: each form comes back to the same page, which shows it.
func TestAssignOnAPage(t *testing.T) {
	te := newTeamEnv(t)
	te.importMany("bulk", 120)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	after := te.documentByName("bulk-0050").ID
	page2 := fmt.Sprintf("%s?after=%d&q=bulk", p, after)
	d := htmlPage(t, te.samir.get(page2), http.StatusOK)
	boxes := d.Find(`input[name="doc"]`)
	ticked := url.Values{"user": {"layla"}, "doc": {boxes.Eq(0).AttrOr("value", ""), boxes.Eq(49).AttrOr("value", "")}}
	action := d.Find("#assign-form").AttrOr("action", "")
	back := fmt.Sprintf("%s?done=assign&n=2&after=%d&q=bulk#assignments", p, after)
	redirectsTo(t, te.samir.post(action, ticked), back)
	d = htmlPage(t, visit(te.samir, back), http.StatusOK)
	if d.Find("#form-notice").Text() != "2 new assignments." || d.Find("#docs-showing").Text() != "Showing 51–100 of 120" {
		t.Errorf("back on %q: notice %q", d.Find("#docs-showing").Text(), d.Find("#form-notice").Text())
	}
	for _, name := range []string{"bulk-0051", "bulk-0100"} {
		if got := d.Find(fmt.Sprintf("#doc-%d .assignees", te.documentByName(name).ID)).Text(); !strings.Contains(got, "layla") {
			t.Errorf("%s assignees %q, want layla", name, got)
		}
	}
	if got := walkAPI(t, te.layla, te.proj.ID, "limit=1"); strings.Join(got, " ") != "bulk-0051 bulk-0100" {
		t.Errorf("layla lists %v", got)
	}
	// layla finishes bulk-0100; the manager reopens it from the same page.
	doc := te.documentByName("bulk-0100")
	redirectsTo(t, te.layla.post(docPath(doc)+"/done", nil), docPath(te.documentByName("bulk-0051"))+fmt.Sprintf("?done=next&prev=%d", doc.ID))
	d = htmlPage(t, te.samir.get(page2), http.StatusOK)
	reopen := d.Find(fmt.Sprintf(`#doc-%d button.reopen`, doc.ID)).Closest("form")
	if reopen.Length() != 1 {
		t.Fatalf("no Reopen button on page 2: %q", d.Find(fmt.Sprintf("#doc-%d", doc.ID)).Text())
	}
	redirectsTo(t, te.samir.post(reopen.AttrOr("action", ""), url.Values{"user": {"layla"}}),
		fmt.Sprintf("%s?done=reopen&doc=%d&user=layla&after=%d&q=bulk#doc-%d", p, doc.ID, after, doc.ID))
	if l := te.layer(doc, te.layla.user.ID); l.Status != "in_progress" {
		t.Errorf("after reopen the layer is %q", l.Status)
	}
	// A refused form shows the error on the same page of the list.
	d = htmlPage(t, te.samir.post(action, url.Values{"user": {"ghost"}, "doc": {fmt.Sprint(doc.ID)}}), http.StatusBadRequest)
	if !strings.Contains(d.Find("#form-error").Text(), "ghost") || d.Find("#docs-showing").Text() != "Showing 51–100 of 120" {
		t.Errorf("refused form: %q on %q", d.Find("#form-error").Text(), d.Find("#docs-showing").Text())
	}
}

// TestProjectPageExportForm: a manager downloads any layer in any format
// from the project page, through a plain GET form; others see no form.
func TestProjectPageExportForm(t *testing.T) {
	te := newTeamEnv(t)
	te.addSpan(te.layla.user.ID, "أحمد", "PER") // a member's layer is offered once it exists
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	d := htmlPage(t, te.samir.get(p), http.StatusOK)
	form := d.Find(`form.export`)
	action, _ := form.Attr("action")
	formats := form.Find(`select[name="format"] option`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") })
	layers := form.Find(`select[name="layer"] option`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") })
	if action != fmt.Sprintf("/api/v1/projects/%d/export", te.proj.ID) || strings.Join(formats, " ") != "jsonl doccano doccano-rel quotes conll label-studio" ||
		!strings.Contains(strings.Join(layers, " "), "gold all") || !slices.Contains(layers, "layla") {
		t.Fatalf("export form: action %q, formats %v, layers %v", action, formats, layers)
	}
	if href, _ := d.Find("#activity-link").Attr("href"); href != p+"/activity" {
		t.Errorf("activity link %q", href)
	}
	statuses := form.Find(`select[name="status"] option`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") })
	if strings.Join(statuses, " ") != " new in_progress done reviewed" {
		t.Errorf("export statuses %q", statuses)
	}
	// Only the reviewed: doc-1's gold; a status the store does not know is a 400 naming it.
	if _, err := te.store.MarkReviewed(t.Context(), te.doc, te.samir.user); err != nil {
		t.Fatal(err)
	}
	rec := te.samir.get(action + "?" + url.Values{"format": {"jsonl"}, "status": {"reviewed"}}.Encode())
	if lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n"); rec.Code != http.StatusOK || len(lines) != 1 || !strings.Contains(lines[0], `"id":"doc-1"`) {
		t.Errorf("export of the reviewed: %d\n%s", rec.Code, rec.Body)
	}
	rec = te.samir.get(action + "?status=finished")
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `status: \"finished\" is not new, in_progress, done or reviewed`) {
		t.Errorf("export ?status=finished: %d %s", rec.Code, rec.Body)
	}
	for _, f := range formats {
		for _, l := range []string{"gold", "all", "layla"} {
			rec := te.samir.get(action + "?" + url.Values{"format": {f}, "layer": {l}}.Encode())
			if f == "label-studio" && l == "all" {
				if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "takes one layer") {
					t.Errorf("a Label Studio export of every layer: %d %s, want 400", rec.Code, rec.Body)
				}
				continue
			}
			if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment") {
				t.Errorf("export %s of %s: %d %q", f, l, rec.Code, rec.Header().Get("Content-Disposition"))
			}
		}
	}
	for _, who := range []*queueActor{te.rana, te.layla} {
		if htmlPage(t, who.get(p), http.StatusOK).Find("form.export").Length() != 0 {
			t.Errorf("%s, not a manager, is offered the export form", who.user.Name)
		}
	}
}

// TestExportParts: the export form offers train, dev and test; the parts
// of a project's export are disjoint and make up the whole, each layer of
// a document in its document's part; a bad split is a 400 naming it.
func TestExportParts(t *testing.T) {
	te := newTeamEnv(t)
	te.importMany("bulk", 60)
	d := htmlPage(t, te.samir.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK)
	parts := d.Find(`form.export select[name="part"] option`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") })
	if strings.Join(parts, " ") != " train dev test" {
		t.Fatalf("export parts offered: %q", parts)
	}
	action := fmt.Sprintf("/api/v1/projects/%d/export", te.proj.ID)
	ids := func(query url.Values) []string {
		t.Helper()
		rec := te.samir.get(action + "?" + query.Encode())
		if rec.Code != http.StatusOK {
			t.Fatalf("export ?%s: %d %s", query.Encode(), rec.Code, rec.Body)
		}
		var out []string
		for _, line := range strings.Split(strings.TrimSpace(rec.Body.String()), "\n") {
			var doc struct{ ID string }
			if err := json.Unmarshal([]byte(line), &doc); err != nil {
				t.Fatal(err)
			}
			out = append(out, doc.ID)
		}
		return out
	}
	all := ids(url.Values{"format": {"doccano"}})
	seen := map[string]string{}
	for _, part := range []string{"train", "dev", "test"} {
		got := ids(url.Values{"format": {"doccano"}, "part": {part}})
		if part == "train" && len(got) < len(all)/2 {
			t.Errorf("train holds %d of %d documents", len(got), len(all))
		}
		for _, id := range got {
			if seen[id] != "" {
				t.Errorf("%s is in %s and %s", id, seen[id], part)
			}
			seen[id] = part
		}
		// Every layer of a document goes where the document goes.
		for _, id := range ids(url.Values{"format": {"jsonl"}, "layer": {"all"}, "part": {part}}) {
			if seen[id] != part {
				t.Errorf("a layer of %s is in %s, the document in %q", id, part, seen[id])
			}
		}
	}
	if len(seen) != len(all) {
		t.Errorf("the parts hold %d documents, the project %d", len(seen), len(all))
	}
	for query, says := range map[string]string{
		"part=validation":       `part \"validation\": want one of train, dev, test`,
		"split=80/10&part=test": "add up to 90",
		"split=80/10/10":        "a split needs the part to write",
	} {
		rec := te.samir.get(action + "?" + query)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), says) {
			t.Errorf("export ?%s: %d %s, want 400 saying %q", query, rec.Code, rec.Body, says)
		}
	}
}

// TestGoldFilter: reviewers and managers filter the list by gold's
// status, on the page and in the API; an annotator, who is never shown
// gold's status, is refused the filter.
func TestGoldFilter(t *testing.T) {
	te := newTeamEnv(t)
	if _, err := te.store.MarkReviewed(t.Context(), te.docs[1], te.amina.user); err != nil {
		t.Fatal(err)
	}
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	d := htmlPage(t, te.rana.get(p+"?gold=reviewed"), http.StatusOK)
	if got := d.Find("table.docs tbody tr .doc-id a").First().Text(); got != "doc-2" || d.Find("table.docs tbody tr").Length() != 1 ||
		d.Find(`#filter-gold option[selected]`).AttrOr("value", "") != "reviewed" || d.Find(`label[for="filter-gold"]`).Text() != "Gold" {
		t.Errorf("rana's list of reviewed gold: %q, %d rows", got, d.Find("table.docs tbody tr").Length())
	}
	if next := d.Find("#filter-clear").AttrOr("href", ""); next == "" {
		t.Error("a gold filter offers no way back to every document")
	}
	var list struct {
		Documents []struct {
			ExternalID string `json:"external_id"`
		} `json:"documents"`
	}
	rec := te.do(http.MethodGet, "/api/v1"+p+"/documents?gold=new", nil)
	decodeJSON(t, rec, &list)
	if len(list.Documents) != 2 {
		t.Errorf("the API's documents with new gold: %+v", list.Documents)
	}
	if htmlPage(t, te.layla.get(p), http.StatusOK).Find("#filter-gold").Length() != 0 {
		t.Error("an annotator is offered the gold filter")
	}
	expect(t, te.layla.get(p+"?gold=reviewed"), http.StatusForbidden)
	expect(t, te.rana.get(p+"?gold=done"), http.StatusBadRequest)
}
