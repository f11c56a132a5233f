package web_test

// Script injection: text, names and ids carrying HTML and JavaScript are
// shown as text, never run, in a real browser; and the CSP would stop
// inline script even if escaping failed.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

const (
	xssScript = `<script>window.__xss=1</script>`
	xssAttr   = `"><img src=x onerror="window.__xss=1">`
	xssAlert  = `<img src=x onerror=alert(1)>`
	xssURL    = `javascript:window.__xss=1`
	// xssLabel is the worst label name ValidateLabels lets through: a
	// javascript: URL, harmless only while no label ever becomes a link.
	xssLabel = "javascript:window.__xss"
	// xssUser has no space, slash or control character, which user names
	// refuse (and with them every character HTML separates attributes
	// by): the tag it opens is the worst such a name can do.
	xssUser       = "<svg\u00a0onload=window.__xss=1>"
	xssProject    = xssScript + `"><img src=x onerror=alert(1)>`
	xssExternalID = `doc` + xssAttr
	xssToken      = `<img src=x onerror="window.__xss=1">`
	xssNext       = `/"><script>window.__xss=1</script>`
)

// xssText is a document whose lines are payloads.
var xssText = "تقرير: قال الوزير إن الخطة جاهزة.\n" + xssScript + "\n" + xssAttr + xssAlert + "\n" + xssURL + "\nانتهى."

// TestXSSLabelNamesRefused: label names reach attributes and text all over
// the annotation page, so anything that could open a tag, end an
// attribute or start an entity is refused, on every way in.
func TestXSSLabelNamesRefused(t *testing.T) {
	for _, name := range []string{"<img>", "<img src=x onerror=alert(1)>", `"><script>`, `a"b`, "a'b", "a b", "a=b", "a<b", "a>b",
		"a&b", "a`b", "a/b", "a;b", "alert(1)", "a\u00a0b", "a\tb", ""} {
		err := db.ValidateLabels([]db.Label{{Name: name, Color: "#112233"}})
		var ve *db.ValidationError
		if !errors.As(err, &ve) || ve.Field != "labels[0].name" {
			t.Errorf("label name %q: %v, want a validation error on labels[0].name", name, err)
		}
	}
	if err := db.ValidateLabels([]db.Label{{Name: xssLabel, Color: "#112233"}}); err != nil {
		t.Errorf("%q is refused (%v): the browser test uses it as the worst name allowed", xssLabel, err)
	}
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "labels.db"))
	roleMust(t, err)
	defer store.Close()
	u, err := store.CreateUser(ctx, "manager", "", true)
	roleMust(t, err)
	if _, err := store.CreateProject(ctx, "p1", []db.Label{{Name: "<img>", Color: "#112233"}}, u.ID); err == nil {
		t.Error("a project was created with the label <img>")
	}
	p, err := store.CreateProject(ctx, "p2", nil, u.ID)
	roleMust(t, err)
	// An import that adds its labels goes through the same check.
	_, err = store.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "x", By: u.ID, AddLabels: true},
		[]codec.Doc{{Line: 1, ExternalID: "a", Text: "abc", Meta: json.RawMessage(`{}`),
			Spans: []codec.Span{{Ref: "1", Start: 0, End: 3, Label: "<img>", Attributes: json.RawMessage(`{}`)}}}})
	var lines codec.Errors
	if !errors.As(err, &lines) || len(lines) != 1 || lines[0].Line != 1 || !strings.Contains(lines[0].Reason, `label "<img>"`) {
		t.Errorf("an import adding the label <img>: %v, want x:1 naming the label", err)
	}
	if p, err = store.Project(ctx, p.ID); err != nil || len(p.Labels) != len(db.DefaultLabels()) {
		t.Errorf("labels after the refused import: %+v (%v)", p.Labels, err)
	}
}

// xssErrorTargets are requests whose error message repeats what the
// request said.
func xssErrorTargets(docID int64) []string {
	return []string{
		"/documents/" + url.PathEscape(xssScript),
		fmt.Sprintf("/documents/%d?layer=%s", docID, url.QueryEscape(xssScript)),
		fmt.Sprintf("/api/v1/documents/%d?layer=%s", docID, url.QueryEscape(xssScript)),
		"/projects/" + url.PathEscape(xssAttr),
	}
}

// TestXSSErrorPagesEscape: an error that repeats what the request said is
// JSON for the API and an HTML page for a browser, where the payload is
// escaped text; TestBrowserXSS opens the pages in Chromium.
func TestXSSErrorPagesEscape(t *testing.T) {
	env := newAPIEnv(t)
	for _, target := range xssErrorTargets(env.doc.ID) {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.Header.Set("Accept", "text/html,application/xhtml+xml")
		rec := env.serve(req)
		ct, body := rec.Header().Get("Content-Type"), rec.Body.String()
		if rec.Code != http.StatusBadRequest || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: status %d, nosniff %q: want 400 with nosniff", target, rec.Code, rec.Header().Get("X-Content-Type-Options"))
		}
		if api := strings.HasPrefix(target, "/api/"); api != strings.Contains(ct, "json") || !api && !strings.Contains(ct, "html") {
			t.Errorf("%s: Content-Type %q: want JSON for the API, HTML for pages", target, ct)
		}
		if strings.Contains(body, "<script>window") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: the error repeats the payload unescaped: %s", target, body)
		}
	}
}

// xssSite is a server whose project, document, labels, user and token
// names all carry payloads.
func newXSSSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "xss.db")
	store, err := db.Open(ctx, file)
	roleMust(t, err)
	t.Cleanup(func() { store.Close() })
	s := &site{store: store, docs: map[string]db.Document{}}
	hash, err := bcrypt.GenerateFromPassword([]byte(sitePassword), bcrypt.MinCost)
	roleMust(t, err)
	s.user, err = store.CreateUser(ctx, "annotator", string(hash), true)
	roleMust(t, err)
	evil, err := store.CreateUser(ctx, xssUser, string(hash), false)
	roleMust(t, err)
	labels := append(db.DefaultLabels(), db.Label{Name: xssLabel, Color: "#d6409f", Hotkey: "8"})
	s.proj, err = store.CreateProject(ctx, xssProject, labels, s.user.ID)
	roleMust(t, err)
	roleMust(t, store.SetMember(ctx, s.proj.ID, s.user, evil, db.RoleAnnotator))
	_, _, err = store.CreateToken(ctx, s.user, xssToken)
	roleMust(t, err)
	e, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	roleMust(t, err)
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	s.url = srv.URL

	// The document goes in through the API, as a script would send it.
	secret, _, err := store.CreateToken(ctx, s.user, "import")
	roleMust(t, err)
	line, err := json.Marshal(map[string]any{"id": xssExternalID, "text": xssText, "meta": map[string]string{"note": xssScript}})
	roleMust(t, err)
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/projects/%d/documents", s.url, s.proj.ID), strings.NewReader(string(line)+"\n"))
	roleMust(t, err)
	req.Header.Set("Authorization", "Bearer "+secret)
	res, err := http.DefaultClient.Do(req)
	roleMust(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("import: %d %s", res.StatusCode, body)
	}
	list, err := store.Documents(ctx, s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit})
	roleMust(t, err)
	docs := list.Docs
	if len(docs) != 1 || docs[0].ExternalID != xssExternalID {
		t.Fatalf("documents after import: %+v", docs)
	}
	if s.docs["xss"], err = store.Document(ctx, docs[0].ID); err != nil || s.docs["xss"].Text != xssText {
		t.Fatalf("stored document %q (%v), want the text byte-exact", s.docs["xss"].Text, err)
	}
	// The payload user holds the document, so the manager's view lists
	// their name beside it.
	raw, err := sql.Open("sqlite3", "file:"+file+"?_busy_timeout=5000")
	roleMust(t, err)
	defer raw.Close()
	_, err = raw.Exec("INSERT INTO assignments (document_id, user_id, assigned_by) VALUES (?, ?, ?)", docs[0].ID, evil.ID, s.user.ID)
	roleMust(t, err)
	return s
}

// TestXSSPagesServeEscapedHTMLUnderCSP reads each page as the server sends
// it: a CSP that forbids inline script, and no payload left as markup.
func TestXSSPagesServeEscapedHTMLUnderCSP(t *testing.T) {
	s := newXSSSite(t)
	doc := s.docs["xss"]
	session, err := s.store.CreateSession(t.Context(), s.user, time.Now(), db.DefaultSessionPolicy)
	roleMust(t, err)
	for _, path := range []string{"/", fmt.Sprintf("/projects/%d", s.proj.ID), fmt.Sprintf("/documents/%d", doc.ID),
		fmt.Sprintf("/documents/%d/view", doc.ID), fmt.Sprintf("/documents/%d/review/compare?show=all", doc.ID), "/settings", "/login?next=" + url.QueryEscape(xssNext)} {
		req, err := http.NewRequest(http.MethodGet, s.url+path, nil)
		roleMust(t, err)
		if !strings.HasPrefix(path, "/login") {
			req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: session})
		}
		res, err := http.DefaultClient.Do(req)
		roleMust(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, res.StatusCode)
			continue
		}
		csp := map[string][]string{}
		for _, d := range strings.Split(res.Header.Get("Content-Security-Policy"), ";") {
			if f := strings.Fields(d); len(f) > 0 {
				csp[f[0]] = f[1:]
			}
		}
		if script := csp["script-src"]; !slices.Equal(script, []string{"'self'"}) {
			t.Errorf("%s: script-src %v, want 'self' alone (no 'unsafe-inline', no 'unsafe-eval')", path, script)
		}
		if attr, ok := csp["script-src-attr"]; ok {
			t.Errorf("%s: script-src-attr %v would loosen the policy for on* attributes", path, attr)
		}
		for _, raw := range []string{"<script>window", "<img src=x", "<svg"} {
			if strings.Contains(string(body), raw) {
				t.Errorf("%s: the page holds %q as markup", path, raw)
			}
		}
	}
}

// TestBrowserXSS opens every page showing a payload in Chromium with the
// CSP switched off, so only escaping stands between the payload and the
// page: nothing may run, no dialog may open, and every payload must read
// back as the text it is. A canary at the end shows the two detectors
// would have caught a payload that ran.
func TestBrowserXSS(t *testing.T) {
	s := newXSSSite(t)
	doc := s.docs["xss"]
	b := newBrowser(t, s)
	var dialogs atomic.Int32
	roleMust(t, chromedp.Listen(b.ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go func() {
				_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	}))
	_, err := chromedp.Call(b.ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
	roleMust(t, err)

	settle := func() {
		t.Helper()
		eval[bool](b, `new Promise((r) => {
		  const done = () => setTimeout(() => r(true), 250);
		  document.readyState === 'complete' ? done() : addEventListener('load', done);
		})`)
	}
	clean := func(where string) {
		t.Helper()
		settle()
		if v := eval[string](b, `typeof window.__xss`); v != "undefined" {
			t.Errorf("%s: window.__xss is a %s: a payload ran", where, v)
		}
		if n := dialogs.Swap(0); n != 0 {
			t.Errorf("%s: %d dialogs opened", where, n)
		}
	}
	text := func(js string) string { t.Helper(); return eval[string](b, js) }
	visit := func(path string) {
		t.Helper()
		b.run(chromedp.Navigate(s.url + path))
		clean(path)
	}

	// Error pages that repeat the request show the payload as text.
	for _, target := range xssErrorTargets(doc.ID) {
		if !strings.HasPrefix(target, "/api/") {
			visit(target)
			if got := text(`document.querySelector('[role=alert]').textContent`); !strings.Contains(got, "script") && !strings.Contains(got, "img") {
				t.Errorf("%s: the error page says %q, want the request's text shown literally", target, got)
			}
		}
	}

	visit("/")
	if got := text(`document.querySelector('.projects a').textContent`); got != xssProject {
		t.Errorf("home page lists the project as %q, want %q", got, xssProject)
	}
	visit(fmt.Sprintf("/projects/%d", s.proj.ID))
	if got := text(`document.querySelector('h1').textContent`); got != xssProject {
		t.Errorf("project page title %q, want %q", got, xssProject)
	}
	if got := text(`[...document.querySelectorAll('table.docs a:not(.review-link)')].map(a => a.textContent).join('|')`); got != xssExternalID {
		t.Errorf("project page lists the document as %q, want %q", got, xssExternalID)
	}
	if got := text(`document.body.textContent`); !strings.Contains(got, xssUser) {
		t.Errorf("the manager's view does not show the member %q as text", xssUser)
	}

	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	clean("annotation page")
	docText := text(`document.getElementById('doc').textContent`)
	for _, p := range []string{xssScript, xssAttr + xssAlert, xssURL} {
		if !strings.Contains(docText, p) {
			t.Errorf("#doc does not show %q as text; it reads %q", p, docText)
		}
	}
	if got := text(`document.querySelector('#doc-meta dd').textContent`); got != xssScript {
		t.Errorf("the document's details show its note as %q, want %q as text", got, xssScript)
	}
	if got := text(`document.title`); !strings.HasPrefix(got, xssExternalID) {
		t.Errorf("page title %q, want it to start with %q", got, xssExternalID)
	}
	if got := text(`document.querySelector('nav.crumbs').textContent`); !strings.Contains(got, xssProject) || !strings.Contains(got, xssExternalID) {
		t.Errorf("breadcrumb %q does not show the project and document names as text", got)
	}

	// Spans over the payloads, made with the mouse: whole graphemes, not
	// words, so the brackets stay in.
	b.run(chromedp.Click(chromedp.ID("snap-words")))
	made := []struct{ text, label string }{{xssScript, xssLabel}, {xssAttr + xssAlert, "QUOTE"}}
	for i, m := range made {
		start, end := spanAt(t, doc.Text, m.text, 0)
		b.dragSelect(start, end)
		b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.label-btn[data-label=%q]`, m.label))))
		spans := s.waitSpans(t, doc, s.user.ID, i+1)
		b.waitPage(i + 1)
		if !hasSpan(spans, start, end, m.label) {
			t.Fatalf("selecting %q and clicking %s stored %+v", m.text, m.label, spans)
		}
	}
	clean("annotation page after the spans were saved")
	listed := func() []string {
		t.Helper()
		return eval[[]string](b, `[...document.querySelectorAll('#span-list .span-item')].map(
		  (b) => b.querySelector('.tag').textContent + '|' + b.querySelector('.text').textContent + '|' + b.dataset.label)`)
	}
	want := []string{xssLabel + "|" + xssScript + "|" + xssLabel, "QUOTE|" + xssAttr + xssAlert + "|QUOTE"}
	if got := listed(); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
		t.Errorf("span list shows %q, want %q", got, want)
	}
	b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`.span-item[data-label=%q]`, xssLabel))))
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	if got := text(`document.getElementById('editor-text').textContent`); got != xssScript {
		t.Errorf("span editor shows %q, want %q", got, xssScript)
	}
	clean("span editor")
	// Drawn by the server this time, not by the page's redraw.
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	clean("annotation page reloaded")
	if got := listed(); len(got) != 2 {
		t.Errorf("after reload the span list shows %q", got)
	}

	visit("/settings")
	if got := text(`document.querySelector('table.docs').textContent`); !strings.Contains(got, xssToken) {
		t.Errorf("settings do not list the token %q as text: %q", xssToken, got)
	}

	// The login page, logged out: the next parameter and a failed user
	// name are written back into the form.
	b.run(chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("username")))
	visit("/login?next=" + url.QueryEscape(xssNext))
	if got := text(`document.querySelector('input[name=next]').value`); got != xssNext {
		t.Errorf("login form keeps next as %q, want %q", got, xssNext)
	}
	b.run(chromedp.SetValue(chromedp.ID("username"), xssAttr), chromedp.SetValue(chromedp.ID("password"), "wrong"),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)), chromedp.WaitVisible(chromedp.ID("login-error")))
	clean("failed login")
	if got := text(`document.getElementById('username').value`); got != xssAttr {
		t.Errorf("failed login shows the user name as %q, want %q", got, xssAttr)
	}
	// The user whose name is a payload logs in and sees it as text.
	b.run(chromedp.SetValue(chromedp.ID("username"), xssUser), chromedp.SetValue(chromedp.ID("password"), sitePassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	for deadline := time.Now().Add(10 * time.Second); text(`location.pathname`) == "/login"; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("logging in as %q failed: %s", xssUser, text(`document.body.innerText`))
		}
	}
	clean("redirect after login to the payload next")
	visit("/")
	if got := text(`document.querySelector('.who').textContent`); got != "Signed in as "+xssUser {
		t.Errorf("header shows %q, want the user name as text", got)
	}
	if got := text(`document.querySelector('.queue-project').textContent`); got != xssProject {
		t.Errorf("the queue shows the project as %q, want %q", got, xssProject)
	}
	visit(fmt.Sprintf("/projects/%d", s.proj.ID))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	clean("annotation page as the payload user")

	// Canary: markup that does run is seen by both detectors.
	eval[bool](b, `document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=1">'); setTimeout(() => alert('canary')); true`)
	settle()
	if v := eval[string](b, `typeof window.__xss`); v != "number" || dialogs.Load() != 1 {
		t.Errorf("canary: window.__xss is %s and %d dialogs opened; the detectors are blind", v, dialogs.Load())
	}
}
