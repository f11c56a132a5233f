package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// queueActor is a user acting through the full router with a session of
// their own, as a browser would.
type queueActor struct {
	env     *apiEnv
	user    db.User
	session string
}

// teamEnv is apiEnv with doc-2 and doc-3 added and a team: layla and
// karim (annotators), rana (reviewer), samir (manager), omar (no member)
// and amina (admin).
type teamEnv struct {
	*apiEnv
	docs                                   []db.Document
	layla, karim, rana, samir, omar, amina *queueActor
}

func newTeamEnv(t *testing.T) *teamEnv {
	t.Helper()
	env := newAPIEnv(t)
	te := &teamEnv{apiEnv: env, docs: []db.Document{env.doc, env.importDoc("doc-2", "نص ثان"), env.importDoc("doc-3", "نص ثالث")}}
	te.layla = te.actor("layla", db.RoleAnnotator)
	te.karim = te.actor("karim", db.RoleAnnotator)
	te.rana = te.actor("rana", db.RoleReviewer)
	te.samir = te.actor("samir", db.RoleManager)
	te.omar = te.sessionOf(env.other)
	te.amina = &queueActor{env: env, user: env.user, session: env.session}
	return te
}

// actor creates a user with role in the project and logs them in.
func (te *teamEnv) actor(name string, role db.Role) *queueActor {
	te.t.Helper()
	u, err := te.store.CreateUser(context.Background(), name, "", false)
	if err != nil {
		te.t.Fatal(err)
	}
	if err := te.store.SetMember(context.Background(), te.proj.ID, te.user, u, role); err != nil {
		te.t.Fatal(err)
	}
	return te.sessionOf(u)
}

func (te *teamEnv) sessionOf(u db.User) *queueActor {
	te.t.Helper()
	session, err := te.store.CreateSession(context.Background(), u, time.Now(), db.DefaultSessionPolicy)
	if err != nil {
		te.t.Fatal(err)
	}
	return &queueActor{env: te.apiEnv, user: u, session: session}
}

func (a *queueActor) request(req *http.Request) *httptest.ResponseRecorder {
	req.Header.Set("Accept", "text/html")
	req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: a.session})
	return a.env.serve(req)
}

func (a *queueActor) get(path string) *httptest.ResponseRecorder {
	return a.request(httptest.NewRequest(http.MethodGet, path, nil))
}

// post submits a form with the CSRF field, as the pages' forms do.
func (a *queueActor) post(path string, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	form.Set("_csrf", apiCSRF)
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	return a.request(req)
}

// htmlPage parses an HTML response of the expected status.
func htmlPage(t *testing.T, rec *httptest.ResponseRecorder, status int) *goquery.Document {
	t.Helper()
	expect(t, rec, status)
	d, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// redirectsTo checks a POST-redirect-GET answer.
func redirectsTo(t *testing.T, rec *httptest.ResponseRecorder, location string) {
	t.Helper()
	expect(t, rec, http.StatusSeeOther)
	if got := rec.Header().Get("Location"); got != location {
		t.Errorf("redirect to %q, want %q", got, location)
	}
}

func (te *teamEnv) assign(user string, docs ...db.Document) {
	te.t.Helper()
	req := db.AssignRequest{User: user}
	for _, d := range docs {
		req.DocumentIDs = append(req.DocumentIDs, d.ID)
	}
	if _, err := te.store.Assign(context.Background(), te.proj.ID, te.user, req); err != nil {
		te.t.Fatal(err)
	}
}

func (te *teamEnv) events(action string) int {
	te.t.Helper()
	n, err := te.store.EventCount(context.Background(), action)
	if err != nil {
		te.t.Fatal(err)
	}
	return n
}

// docIDs are the ids of the team's documents.
func (te *teamEnv) docIDs() []int64 {
	ids := make([]int64, len(te.docs))
	for i, d := range te.docs {
		ids[i] = d.ID
	}
	return ids
}

func docPath(d db.Document) string { return fmt.Sprintf("/documents/%d", d.ID) }

func TestManageSectionsOnlyForManagers(t *testing.T) {
	te := newTeamEnv(t)
	te.assign("layla", te.docs[0])
	path := fmt.Sprintf("/projects/%d", te.proj.ID)
	for _, c := range []struct {
		who    *queueActor
		manage bool
		docs   int
	}{{te.samir, true, 3}, {te.amina, true, 3}, {te.rana, false, 3}, {te.layla, false, 1}, {te.karim, false, 0}} {
		d := htmlPage(t, c.who.get(path), http.StatusOK)
		for _, sel := range []string{"#member-form", "#assign-form", "#auto-form", `input[name="doc"]`} {
			if got := d.Find(sel).Length() > 0; got != c.manage {
				t.Errorf("%s sees %s: %v, want %v", c.who.user.Name, sel, got, c.manage)
			}
		}
		if got := d.Find("table.docs tbody tr").Length(); got != c.docs {
			t.Errorf("%s sees %d documents, want %d", c.who.user.Name, got, c.docs)
		}
	}
	d := htmlPage(t, te.samir.get(path), http.StatusOK)
	if got := d.Find("#members li").Text(); !strings.Contains(got, "layla annotator") || !strings.Contains(got, "samir manager") {
		t.Errorf("members list: %q", got)
	}
	if got := d.Find(fmt.Sprintf("#doc-%d .assignees", te.docs[0].ID)).Text(); !strings.Contains(got, "layla") {
		t.Errorf("doc-1 assignees: %q", got)
	}
	if got := d.Find(`#assign-user option`).Length(); got != 4 {
		t.Errorf("%d members to assign to, want 4", got)
	}
	if d.Find("#assign-empty").Length() != 0 || d.Find("#assignments [disabled]").Length() != 0 {
		t.Errorf("with members the assignment section still reads as empty: %q", d.Find("#assignments").Text())
	}
}

// TestManageRoutesRefuseOthers sends every manager form as an annotator
// and a reviewer (403) and as a non-member (404): nothing changes.
func TestManageRoutesRefuseOthers(t *testing.T) {
	te := newTeamEnv(t)
	te.assign("layla", te.docs[0])
	if _, err := te.store.MarkDone(context.Background(), te.docs[0], te.layla.user); err != nil {
		t.Fatal(err)
	}
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	forms := []struct {
		path string
		form url.Values
	}{
		{p + "/members", url.Values{"user": {"omar"}, "role": {"manager"}}},
		{p + "/assignments", url.Values{"user": {"karim"}, "all": {"1"}}},
		{p + "/assignments/auto", url.Values{"per_document": {"2"}}},
		{p + "/assignments/remove", url.Values{"user": {"layla"}, "all": {"1"}}},
		{docPath(te.docs[0]) + "/reopen", url.Values{"user": {"layla"}}},
	}
	for _, f := range forms {
		for _, c := range []struct {
			who            *queueActor
			status, reopen int
		}{
			{te.layla, http.StatusForbidden, http.StatusForbidden},
			{te.rana, http.StatusForbidden, http.StatusForbidden},
			{te.karim, http.StatusForbidden, http.StatusNotFound}, // doc-1 is not his to see
			{te.omar, http.StatusNotFound, http.StatusNotFound},
		} {
			want := c.status
			if strings.HasSuffix(f.path, "/reopen") {
				want = c.reopen
			}
			if rec := c.who.post(f.path, f.form); rec.Code != want {
				t.Errorf("%s POST %s: %d, want %d (%s)", c.who.user.Name, f.path, rec.Code, want, rec.Body)
			}
		}
	}
	members, _ := te.store.Members(context.Background(), te.proj.ID)
	as, _ := te.store.Assignees(context.Background(), te.proj.ID, te.docIDs())
	if len(members) != 4 || len(as) != 1 || as[te.docs[0].ID][0].Status != "done" {
		t.Errorf("refused forms changed something: members %+v, assignees %+v", members, as)
	}
	for _, action := range []string{"member.set", "assignment.set", "assignment.auto", "assignment.remove", "layer.reopen"} {
		before := map[string]int{"member.set": 4, "assignment.set": 1}[action]
		if got := te.events(action); got != before {
			t.Errorf("%d %s events, want %d", got, action, before)
		}
	}
}

// TestAssignThroughForms drives the manager's forms: members, assignment
// by ticked documents and external ids, refusals shown on the page, and
// automatic assignment; then checks what an annotator sees.
func TestAssignThroughForms(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	if _, err := te.store.CreateUser(context.Background(), "newbie", "", false); err != nil {
		t.Fatal(err)
	}
	redirectsTo(t, te.samir.post(p+"/members", url.Values{"user": {"newbie"}, "role": {"annotator"}}), p+"?done=member#members")
	d1, d2, d3 := te.docs[0], te.docs[1], te.docs[2]
	redirectsTo(t, te.samir.post(p+"/assignments", url.Values{"user": {"layla"}, "doc": {fmt.Sprint(d1.ID)}, "external_ids": {"doc-3"}}),
		p+"?done=assign&n=2#assignments")
	d := htmlPage(t, te.samir.get(p+"?done=assign&n=2"), http.StatusOK)
	if got := d.Find("#form-notice").Text(); got != "2 new assignments." {
		t.Errorf("notice %q", got)
	}
	if got := d.Find("#members").Text(); !strings.Contains(got, "newbie") {
		t.Errorf("newbie not listed among members: %q", got)
	}
	refused := []struct {
		path string
		form url.Values
		says string
	}{
		{"/members", url.Values{"user": {"ghost"}, "role": {"annotator"}}, `no user "ghost"`},
		{"/members", url.Values{"user": {"newbie"}, "role": {"boss"}}, `Role "boss" is not annotator`},
		{"/assignments", url.Values{"user": {"karim"}, "external_ids": {"doc-2, nope"}}, "nope"},
		{"/assignments", url.Values{"user": {"omar"}, "all": {"1"}}, "not a member"},
		{"/assignments", url.Values{"user": {"karim"}}, "Choose documents"},
		{"/assignments/auto", url.Values{"per_document": {"9"}}, "Annotators per document must be 1 to 3"},
		{"/assignments/auto", url.Values{"per_document": {"two"}}, "whole number"},
	}
	for _, r := range refused {
		d := htmlPage(t, te.samir.post(p+r.path, r.form), http.StatusBadRequest)
		got := strings.TrimSpace(d.Find("#form-error").Text())
		if !strings.Contains(got, r.says) {
			t.Errorf("POST %s %v: error shown %q, want it to say %q", r.path, r.form, got, r.says)
		}
		// Plain words: no field name such as "user:" or "per_document:" before them.
		if field, _, ok := strings.Cut(got, ": "); ok && !strings.Contains(field, " ") {
			t.Errorf("POST %s %v: error shown %q starts with the field name %q", r.path, r.form, got, field)
		}
	}
	if list, _ := te.store.Documents(context.Background(), te.proj.ID, te.karim.user, db.DocumentPage{Limit: db.MaxPageLimit}); len(list.Docs) != 0 {
		t.Errorf("refused forms gave karim %d documents", len(list.Docs))
	}
	// layla sees her two documents only, and not doc-2.
	d = htmlPage(t, te.layla.get(p), http.StatusOK)
	if got := d.Find("table.docs tbody tr").Length(); got != 2 {
		t.Errorf("layla sees %d documents, want 2", got)
	}
	expect(t, te.layla.get(docPath(d2)), http.StatusNotFound)
	// Two annotators per document, among layla, karim and newbie: doc-1 and
	// doc-3 get one more each, doc-2 two, 4 in all.
	redirectsTo(t, te.samir.post(p+"/assignments/auto", url.Values{"per_document": {"2"}}), p+"?done=auto&n=4#assignments")
	as, _ := te.store.Assignees(context.Background(), te.proj.ID, te.docIDs())
	for _, doc := range []db.Document{d1, d2, d3} {
		if len(as[doc.ID]) != 2 {
			t.Errorf("%s has assignees %+v, want 2", doc.ExternalID, as[doc.ID])
		}
	}
	// The assignee's own Unassign button.
	redirectsTo(t, te.samir.post(p+"/assignments/remove", url.Values{"user": {"layla"}, "doc": {fmt.Sprint(d3.ID)}}), p+"?done=unassign&n=1#assignments")
	expect(t, te.layla.get(docPath(d3)), http.StatusNotFound)
}

// TestQueueMarkDoneAndNext follows an annotator through her queue.
func TestQueueMarkDoneAndNext(t *testing.T) {
	te := newTeamEnv(t)
	d1, d2, d3 := te.docs[0], te.docs[1], te.docs[2]
	te.assign("layla", d3, d1)
	te.assign("karim", d2)
	home := func(who *queueActor) *goquery.Document { t.Helper(); return htmlPage(t, who.get("/"), http.StatusOK) }
	steps := []struct {
		done     db.Document // marked done after checking
		progress string
		next     string // href of "Next document"
		redirect string // after marking done
	}{
		{d1, "0 / 2", docPath(d1), docPath(d3) + fmt.Sprintf("?done=next&prev=%d", d1.ID)},
		{d3, "1 / 2", docPath(d3), fmt.Sprintf("/projects/%d?marked=%d", te.proj.ID, d3.ID)}, // nothing left: the project says so
	}
	for _, st := range steps {
		d := home(te.layla)
		item := d.Find(".queue-item")
		if got := item.Find(".count").Text(); got != st.progress {
			t.Errorf("progress %q, want %q", got, st.progress)
		}
		bar := item.Find("progress")
		if label, _ := bar.Attr("aria-label"); !strings.Contains(label, "documents done") || bar.AttrOr("max", "") != "2" {
			t.Errorf("progress bar %v", bar.Nodes)
		}
		if got := item.Find("a.next-doc").AttrOr("href", ""); got != st.next {
			t.Errorf("Next document goes to %q, want %q", got, st.next)
		}
		redirectsTo(t, te.layla.get("/next"), st.next)
		redirectsTo(t, te.layla.post(docPath(st.done)+"/done", nil), st.redirect)
	}
	d := home(te.layla)
	if d.Find(".queue-item .count").Text() != "2 / 2" || d.Find(".queue-item .all-done").Length() != 1 || d.Find("a.next-doc").Length() != 0 {
		t.Errorf("finished queue shows %q", d.Find(".queue").Text())
	}
	redirectsTo(t, te.layla.get("/next"), "/")
	d = htmlPage(t, te.layla.get(docPath(d3)), http.StatusOK)
	if d.Find("#mark-done").Length() != 0 || d.Find("#layer-status").Text() != "done" {
		t.Errorf("a finished document still offers Mark done, or hides its status: %q", d.Find(".layer-info").Text())
	}
	// Trying to edit it says why it is read only; the editor's buttons are off.
	if got := d.Find("#doc").AttrOr("data-readonly-reason", ""); !strings.Contains(got, "marked done") || !strings.Contains(got, "manager") {
		t.Errorf("read-only reason %q", got)
	}
	// Only Close, which changes nothing, is on.
	if n := d.Find("#span-editor button:not([disabled]):not(#editor-close)").Length(); n != 0 {
		t.Errorf("%d editor buttons enabled on a finished layer", n)
	}
	if got := htmlPage(t, te.layla.get(fmt.Sprintf("/projects/%d?marked=%d", te.proj.ID, d3.ID)), http.StatusOK).Find("#project-done").Text(); !strings.Contains(got, "are done") {
		t.Errorf("notice after the last document: %q", got)
	}
	// Nobody marks done a document they may not see.
	expect(t, te.karim.post(docPath(d1)+"/done", nil), http.StatusNotFound)
	expect(t, te.omar.post(docPath(d1)+"/done", nil), http.StatusNotFound)
	if got := te.events("layer.done"); got != 2 {
		t.Errorf("%d layer.done events, want 2", got)
	}
	// Empty state: omar is assigned nothing and reviews nothing; rana
	// (reviewer) is assigned nothing either, but her home shows her review
	// queue alone, holding the two documents layla finished, ready since
	// nobody else annotates them.
	if d = home(te.omar); d.Find("#queue-empty").Length() != 1 || d.Find(".queue-item").Length() != 0 {
		t.Errorf("omar's queue: %q", d.Find(".queue").Text())
	}
	d = home(te.rana)
	if d.Find("#queue-title").Length() != 0 {
		t.Errorf("rana, with nothing to annotate and documents to review, is shown a queue: %q", d.Find(".queue").First().Text())
	}
	review := d.Find(".review-item")
	if got := strings.Join(strings.Fields(review.Find(".progress-text").Text()), " "); got != "0 / 3 reviewed, 2 ready" ||
		review.Find("a.next-review").AttrOr("href", "") != docPath(d1)+"/review" {
		t.Errorf("rana's review queue: %q, next %q", got, review.Find("a.next-review").AttrOr("href", ""))
	}
	if home(te.layla).Find(".review-item").Length() != 0 {
		t.Error("an annotator has a review queue")
	}
}

func TestAPIMarkDone(t *testing.T) {
	te := newTeamEnv(t)
	te.assign("layla", te.docs[1])
	rec := te.do(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/done", te.docs[0].ID), nil) // amina, admin
	var got struct {
		ID     int64  `json:"id"`
		Layer  string `json:"layer"`
		Status string `json:"status"`
	}
	expect(t, rec, http.StatusOK)
	decodeJSON(t, rec, &got)
	if got.ID != te.docs[0].ID || got.Layer != "amina" || got.Status != "done" {
		t.Errorf("response %+v", got)
	}
	if l := te.layer(te.docs[0], te.user.ID); l.Status != "done" {
		t.Errorf("stored status %q", l.Status)
	}
	rec = te.do(http.MethodPost, "/api/v1/documents/999/done", nil)
	expect(t, rec, http.StatusNotFound)
	errorOf(t, rec)

	// ?layer= names the layer, as for every write: gold is marked
	// reviewed, not done, and another's layer is not the caller's to finish.
	for _, tc := range []struct {
		layer  string
		status int
		says   string
	}{{"gold", http.StatusBadRequest, "marks it reviewed"}, {"layla", http.StatusForbidden, "own layer"}} {
		rec = te.do(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/done?layer=%s&force=1", te.docs[1].ID, tc.layer), nil)
		expect(t, rec, tc.status)
		if msg := errorOf(t, rec); !strings.Contains(msg, tc.says) {
			t.Errorf("done ?layer=%s: %q does not say %q", tc.layer, msg, tc.says)
		}
		for _, owner := range []int64{0, te.layla.user.ID, te.user.ID} {
			if l := te.layer(te.docs[1], owner); l.Status == "done" {
				t.Errorf("done ?layer=%s marked layer of user %d done", tc.layer, owner)
			}
		}
	}

	// A done layer takes no more edits until a manager reopens it, and its
	// page says so, with the label buttons off.
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", te.docs[0].ID)
	rec = te.do(http.MethodPost, spans, `{"start":0,"end":1,"label":"PER"}`)
	expect(t, rec, http.StatusConflict)
	if msg := errorOf(t, rec); !strings.Contains(msg, "reopen") {
		t.Errorf("409 says %q, want it to say a manager must reopen the layer", msg)
	}
	page := htmlPage(t, te.amina.get(docPath(te.docs[0])), http.StatusOK)
	if page.Find(`#doc[data-readonly="true"]`).Length() != 1 || page.Find("button.label-btn:not([disabled])").Length() != 0 ||
		!strings.Contains(page.Find(".layer-info").Text(), "until a manager reopens it") {
		t.Errorf("a done layer's page is not read only: %q", page.Find(".layer-info").Text())
	}
	redirectsTo(t, te.amina.post(docPath(te.docs[0])+"/reopen", url.Values{"user": {"amina"}}), fmt.Sprintf("/projects/%d?done=reopen&doc=%d&user=amina#doc-%d", te.proj.ID, te.docs[0].ID, te.docs[0].ID))
	expect(t, te.do(http.MethodPost, spans, `{"start":0,"end":1,"label":"PER"}`), http.StatusCreated)
}

// TestMarkDoneFormNamesLayer: the Mark done form reads ?layer= as the API
// does. No page sends one, but a form posted with it (a bookmarked or
// hand-made address) naming gold or another's layer is refused, saying
// why, rather than answered with the sender's own layer marked done;
// ?layer=mine is the sender's own.
func TestMarkDoneFormNamesLayer(t *testing.T) {
	te := newTeamEnv(t)
	d := te.docs[0]
	te.assign("layla", d)
	for _, tc := range []struct {
		who    *queueActor
		layer  string
		status int
		says   string
	}{
		{te.rana, "gold", http.StatusBadRequest, "marks it reviewed"},
		{te.rana, "layla", http.StatusForbidden, "your own layer"},
		{te.layla, "gold", http.StatusForbidden, "only their own layer"},
		{te.layla, "karim", http.StatusForbidden, "your own layer"},
	} {
		rec := tc.who.post(docPath(d)+"/done?layer="+tc.layer, url.Values{"force": {"1"}})
		expect(t, rec, tc.status)
		if body := rec.Body.String(); !strings.Contains(body, tc.says) {
			t.Errorf("%s marking ?layer=%s done: the page does not say %q:\n%s", tc.who.user.Name, tc.layer, tc.says, body)
		}
		for _, owner := range []int64{0, te.layla.user.ID, te.karim.user.ID, te.rana.user.ID} {
			if l := te.layer(d, owner); l.Status == "done" {
				t.Errorf("%s marking ?layer=%s done marked the layer of user %d done", tc.who.user.Name, tc.layer, owner)
			}
		}
	}
	redirectsTo(t, te.layla.post(docPath(d)+"/done?layer=mine", nil), fmt.Sprintf("/projects/%d?marked=%d", te.proj.ID, d.ID))
	if l := te.layer(d, te.layla.user.ID); l.Status != "done" {
		t.Errorf("?layer=mine left layla's layer %q", l.Status)
	}
}

// TestReopenThroughForm: a manager reopens a finished layer from the
// project page; the annotator may then mark it done again.
func TestReopenThroughForm(t *testing.T) {
	te := newTeamEnv(t)
	d1 := te.docs[0]
	te.assign("layla", d1)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	reopen := fmt.Sprintf(`button.reopen[aria-label="Reopen layla's layer of %s"]`, d1.ExternalID)
	if htmlPage(t, te.samir.get(p), http.StatusOK).Find(reopen).Length() != 0 {
		t.Error("Reopen offered for a layer not done")
	}
	redirectsTo(t, te.layla.post(docPath(d1)+"/done", nil), fmt.Sprintf("/projects/%d?marked=%d", te.proj.ID, d1.ID))
	d := htmlPage(t, te.samir.get(p), http.StatusOK)
	if d.Find(reopen).Length() != 1 || !strings.Contains(d.Find(fmt.Sprintf("#doc-%d .assignees", d1.ID)).Text(), "done") {
		t.Errorf("no Reopen button for layla's done layer: %q", d.Find(fmt.Sprintf("#doc-%d", d1.ID)).Text())
	}
	redirectsTo(t, te.samir.post(docPath(d1)+"/reopen", url.Values{"user": {"layla"}}), fmt.Sprintf("%s?done=reopen&doc=%d&user=layla#doc-%d", p, d1.ID, d1.ID))
	if l := te.layer(d1, te.layla.user.ID); l.Status != "in_progress" {
		t.Errorf("after reopen the layer is %q", l.Status)
	}
	d = htmlPage(t, te.samir.post(docPath(d1)+"/reopen", url.Values{"user": {"layla"}}), http.StatusConflict)
	if got := d.Find("#form-error").Text(); !strings.Contains(got, "not finished") {
		t.Errorf("second reopen says %q", got)
	}
	if htmlPage(t, te.layla.get(docPath(d1)), http.StatusOK).Find("#mark-done").Length() != 1 {
		t.Error("a reopened document does not offer Mark done")
	}
	if got := te.events("layer.reopen"); got != 1 {
		t.Errorf("%d layer.reopen events, want 1", got)
	}
}

// TestNoticeWhereTheFormIs: after a manager's form the notice stands in
// the section (or document row) the redirect lands on, once.
func TestNoticeWhereTheFormIs(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	for _, tc := range []struct{ query, in, says string }{
		{"done=labels", "labels", "Label set saved."},
		{"done=relation-types", "relation-types", "Relation rules saved."},
		{"done=guidelines", "guidelines", "Guidelines saved."},
		{"done=member", "members", "Member saved."},
		{"done=auto&n=3", "assignments", "Automatic assignment added 3 assignments."},
		{"done=imported&n=2", "documents", "2 documents imported"},
		{fmt.Sprintf("done=reopen&doc=%d&user=layla", te.docs[1].ID), fmt.Sprintf("doc-%d", te.docs[1].ID),
			"Reopened \u2068layla\u2069's layer of \u2068doc-2\u2069: it is in progress again, no longer read only."},
		{"done=reopen&doc=x", "main", "Reopened the layer of \u2068the document\u2069: it is in progress again, no longer read only."},
	} {
		d := htmlPage(t, te.samir.get(p+"?"+tc.query), http.StatusOK)
		notice := d.Find("#form-notice")
		if notice.Length() != 1 || !strings.Contains(notice.Text(), tc.says) {
			t.Errorf("?%s: %d notices, %q", tc.query, notice.Length(), notice.Text())
			continue
		}
		if in, _ := notice.Parent().Closest("[id]").Attr("id"); in != tc.in {
			t.Errorf("?%s: the notice is in #%s, want #%s", tc.query, in, tc.in)
		}
	}
}
