package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// lanHost is a host name the browser reaches the test server by, as a
// team reaches Hashiya at a machine of its network over plain HTTP.
// Chromium sends Sec-Fetch-Site only to a trustworthy origin (HTTPS or a
// loopback address), and Echo's CSRF check lets a same-origin write
// through on that header alone; at a plain-HTTP host name every write
// is judged by its CSRF token, as in a browser that sends no such header.
const lanHost = "hashiya.lan.test"

// newSiteWithClock is newSite whose server reads the time from now, so
// a test can move it past a session's lifetime, reached at host (lanHost
// or 127.0.0.1).
func newSiteWithClock(t *testing.T, host string, now func() time.Time, docs ...codec.Doc) *site {
	t.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s := seedSite(t, store, docs...)
	e, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			s.writes.Add(1)
		}
		if s.failTokens.Load() && r.URL.Path == "/csrf-token" {
			http.Error(w, `{"error":"database unavailable"}`, http.StatusInternalServerError)
			return
		}
		e.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.url = strings.Replace(srv.URL, "127.0.0.1", host, 1)
	return s
}

// newLANBrowser is newBrowser in a Chromium that reaches lanHost at the
// loopback address.
func newLANBrowser(t *testing.T, s *site) *browser {
	t.Helper()
	var ctx context.Context
	var stop func()
	for attempt := 1; ; attempt++ {
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(chromiumPath(t)),
			chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-extensions", true),
			chromedp.Flag("host-resolver-rules", "MAP "+lanHost+" 127.0.0.1"),
			chromedp.UserDataDir(t.TempDir()),
			chromedp.WindowSize(1366, 900),
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		tab, cancelTab := chromedp.NewContext(actx)
		tab, cancelTime := context.WithTimeout(tab, 90*time.Second)
		ctx, stop = tab, func() { cancelTime(); cancelTab(); cancelAlloc() }
		if err := chromedp.Do(ctx); err == nil {
			break
		} else if attempt == 3 {
			stop()
			t.Fatalf("start chromium: %v", err)
		}
		stop()
	}
	t.Cleanup(stop)
	b := &browser{t: t, ctx: ctx}
	b.failOnJSErrors()
	b.login(s.url, "annotator", sitePassword)
	return b
}

// failOnJSErrors fails the test on an uncaught exception or a
// console.error of the tab, as newBrowser's tabs do.
func (b *browser) failOnJSErrors() {
	b.t.Helper()
	err := chromedp.Listen(b.ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			b.t.Errorf("JavaScript exception: %s", (&chromedp.ExceptionError{ExceptionDetails: e.ExceptionDetails}).Error())
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				b.t.Errorf("console.error %v", e.Args)
			}
		}
	})
	if err != nil {
		b.t.Fatalf("listen to chromium: %v", err)
	}
}

// deleteCookie drops one of the browser's cookies for s, as the browser
// does once the cookie's Max-Age has passed.
func (b *browser) deleteCookie(s *site, name string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (cdp.Empty, error) {
		return cdp.Call(ctx, t, network.DeleteCookies, network.DeleteCookiesParams{Name: name, URL: s.url})
	}); err != nil {
		b.t.Fatal(err)
	}
}

// waitSaveError waits for the page's failed-save message to say want,
// and answers it whole. Another read of the page may fail first (one
// under way when the session ended) and say so there for a moment.
func (b *browser) waitSaveError(want string) string {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		msg := eval[string](b, `document.getElementById('save-error').hidden ? '' : document.getElementById('save-error').textContent`)
		if strings.Contains(msg, want) {
			return msg
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("the page says %q, never %q", msg, want)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// inAnotherTab runs fn in a new tab of b's browser, closed after.
func (b *browser) inAnotherTab(fn func(other *browser)) {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	fn(&browser{t: b.t, ctx: ctx})
}

// TestBrowserStaleTokenLosesNoWork: an annotator leaves the annotation
// page open over a weekend. Their session ends on the server (12 hours
// idle) and the browser drops the CSRF cookie (a day unused). They label
// a span: the page says they are logged out and to log in again in
// another tab, and keeps the selection; logged in there, they press the
// label's key again here and the span is saved, without a reload that
// would lose the selection. Logging in again first, in another tab that
// sets a new CSRF cookie, then labelling on the old page, saves too. So
// it goes at a plain-HTTP host name, where the page renews its token,
// and at loopback, where Chromium's Sec-Fetch-Site carries the writes.
func TestBrowserStaleTokenLosesNoWork(t *testing.T) {
	for _, at := range []struct{ name, host string }{
		{"at a plain-HTTP host name", lanHost},
		// Chromium sends Sec-Fetch-Site: same-origin there, and Echo's
		// check lets its writes through on it whatever their token.
		{"at loopback", "127.0.0.1"},
	} {
		t.Run(at.name, func(t *testing.T) {
			var shift atomic.Int64 // how far the server's clock is moved on
			s := newSiteWithClock(t, at.host, func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }, seedDoc(t))
			doc := s.docs["seed"]
			b := newLANBrowser(t, s)
			b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
			b.waitPage(0)
			eval[bool](b, `window.sameTab = true`) // gone if the page reloads
			weekend := func() {
				shift.Add(int64(60 * time.Hour))
				b.deleteCookie(s, "hashiya_csrf")
			}

			// Selecting asks the server nothing: the text is selected before the
			// weekend, while nothing the page reads on opening can fail and move
			// the text under the mouse.
			start, end := spanAt(t, doc.Text, "صباح النعمان", 0)
			b.dragSelect(start, end)
			weekend()
			b.run(chromedp.KeyEvent("1"))
			const loggedOut = "you are logged out (the session ended): log in again in another tab, then try again here"
			if msg := b.waitSaveError("Could not save the span:"); !strings.Contains(msg, loggedOut) {
				t.Errorf("after the weekend the save says %q, want it to say %q", msg, loggedOut)
			}
			if n := len(s.waitSpans(t, doc, s.user.ID, 0)); n != 0 {
				t.Fatalf("%d spans saved without a session", n)
			}
			b.inAnotherTab(func(other *browser) { other.login(s.url, "annotator", sitePassword) })
			// The selection was given back: the same key saves it now.
			b.run(chromedp.KeyEvent("1"))
			sp := s.waitSpans(t, doc, s.user.ID, 1)[0]
			if sp.Start != start || sp.End != end {
				t.Errorf("saved %d..%d, want the span selected before logging in, %d..%d", sp.Start, sp.End, start, end)
			}
			b.run(chromedp.WaitNotVisible(chromedp.ID("save-error")))
			b.waitPage(1)

			// Another weekend; this time they log in again first, in another tab,
			// whose login page sets a new CSRF cookie the old page knows nothing of.
			weekend()
			b.inAnotherTab(func(other *browser) { other.login(s.url, "annotator", sitePassword) })
			start, end = spanAt(t, doc.Text, "مصطفى الكاظمي", 0)
			b.dragSelect(start, end)
			b.run(chromedp.KeyEvent("2"))
			s.waitSpans(t, doc, s.user.ID, 2)
			b.waitPage(2)
			if msg := eval[string](b, `document.getElementById('save-error').hidden ? '' : document.getElementById('save-error').textContent`); msg != "" {
				t.Errorf("the save after logging in again says %q", msg)
			}
			if !eval[bool](b, `window.sameTab === true`) {
				t.Error("the page was reloaded")
			}
		})
	}
}

// TestBrowserStaleTokenReviewAccepts: a reviewer's page left open over a
// weekend, and a login in another tab since: Accept on the old page is
// refused for its token, which the page renews, and the span is accepted
// into gold, the row saying so, with no reload.
func TestBrowserStaleTokenReviewAccepts(t *testing.T) {
	var shift atomic.Int64
	s := newSiteWithClock(t, lanHost, func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }, seedDoc(t))
	doc := s.docs["seed"]
	start, end := laylaMarksNaaman(t, s, doc)
	b := newLANBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	eval[bool](b, `window.sameTab = true`)
	shift.Add(int64(60 * time.Hour))
	b.deleteCookie(s, "hashiya_csrf")
	b.inAnotherTab(func(other *browser) { other.login(s.url, "annotator", sitePassword) })

	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept PER “صباح النعمان” into gold"]`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold.'`)
	if got, want := s.goldSpans(t), fmt.Sprintf("%d-%d PER", start, end); got != want {
		t.Errorf("gold holds %q, want %q", got, want)
	}
	if got := eval[string](b, `[...document.querySelectorAll('#candidates .error')].map((e) => e.textContent).join(' | ')`); got != "" {
		t.Errorf("the page shows an error: %q", got)
	}
	if !eval[bool](b, `window.sameTab === true`) {
		t.Error("the page was reloaded")
	}
}

// TestBrowserStaleTokenImports: a manager's project page left open over
// a weekend, and a login in another tab since that set a new CSRF
// cookie: Import is refused for the page's token, which the page renews,
// and the file is imported once.
func TestBrowserStaleTokenImports(t *testing.T) {
	var shift atomic.Int64
	s := newSiteWithClock(t, lanHost, func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }, seedDoc(t))
	b := newLANBrowser(t, s)
	file := filepath.Join(t.TempDir(), "news.jsonl")
	if err := os.WriteFile(file, []byte(`{"id":"n1","text":"قال الرئيس","label":[[4,10,"PER"]]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("import-form")),
		chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{file}))
	shift.Add(int64(60 * time.Hour))
	b.deleteCookie(s, "hashiya_csrf")
	b.inAnotherTab(func(other *browser) { other.login(s.url, "annotator", sitePassword) })
	s.writes.Store(0)
	b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	b.waitFor(`document.getElementById('import-status').textContent.startsWith('Imported') || document.getElementById('import-status').textContent.startsWith('Nothing')`)
	if got := eval[string](b, `document.getElementById('import-status').textContent + document.getElementById('import-errors').textContent`); !strings.Contains(got, "Imported 1 document with 1 span into gold.") {
		t.Errorf("the import says %q", got)
	}
	s.wantWrites(t, "the import, refused for its token and sent again", 2)
	list, err := s.store.Documents(t.Context(), s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Docs) != 2 {
		t.Errorf("%d documents after the import, want the seed and n1", len(list.Docs))
	}
}

// TestBrowserStaleFormSaysWhyInArabic: a Settings page opened before a
// weekend and a login in another tab; its form, sent with the page's
// stale token, creates no API token, and the page that answers says in
// Arabic, right to left, that the form was opened too long ago and to
// reload and send it again, on a laptop and at 200% zoom; its Log out
// button works.
func TestBrowserStaleFormSaysWhyInArabic(t *testing.T) {
	for _, vp := range []struct {
		w, h  int64
		scale float64
		shot  string
	}{{1366, 900, 1, "stale-form-ar"}, {683, 450, 2, "stale-form-ar-zoom"}} {
		var shift atomic.Int64
		s := newSiteWithClock(t, lanHost, func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }, seedDoc(t))
		if err := s.store.SetLanguage(t.Context(), s.user, "ar"); err != nil {
			t.Fatal(err)
		}
		b := newLANBrowser(t, s)
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.run(chromedp.Navigate(s.url+"/settings"), chromedp.WaitVisible(chromedp.ID("token-name")))
		shift.Add(int64(60 * time.Hour))
		b.deleteCookie(s, "hashiya_csrf")
		b.inAnotherTab(func(other *browser) { other.login(s.url, "annotator", sitePassword) })

		b.run(chromedp.SendKeys(chromedp.ID("token-name"), "pipeline"), chromedp.Click(chromedp.CSS(`form[action="/settings/tokens"] button[type="submit"]`)))
		b.waitFor(`document.readyState === 'complete' && location.pathname === '/settings/tokens'`)
		got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir + ' | ' + document.querySelector('h1').textContent + ' | ' + document.querySelector('p.error').textContent`)
		want := "ar rtl | 403 غير مسموح | فُتح هذا النموذج منذ وقت طويل أو قبل أن تسجّل الدخول مجددًا، فلم يُرسَل ولم يتغيّر شيء. أعد تحميل الصفحة وأرسله مرة أخرى."
		if got != want {
			t.Errorf("%dx%d: the page says %q, want %q", vp.w, vp.h, got, want)
		}
		if !eval[bool](b, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`) {
			t.Errorf("%dx%d: the page is wider than the window", vp.w, vp.h)
		}
		b.viewShot(vp.shot)
		tokens, err := s.store.Tokens(t.Context(), s.user)
		if err != nil {
			t.Fatal(err)
		}
		if len(tokens) != 0 {
			t.Errorf("%dx%d: a refused form created %d API tokens", vp.w, vp.h, len(tokens))
		}
		// The refusal's own form works: it carries the current token.
		b.run(chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)))
		b.waitFor(`document.readyState === 'complete' && location.pathname === '/login'`)
	}
}

// TestBrowserStaleTokenAcceptsEverywhere: a reviewer's agreement page
// left open over a weekend, and a login in another tab since: "Accept
// agreed spans everywhere", a form busyforms.js sends, is refused for the
// page's token, which the page renews, and both documents' agreed spans
// go into gold, the page saying so.
func TestBrowserStaleTokenAcceptsEverywhere(t *testing.T) {
	var shift atomic.Int64
	s := newSiteWithClock(t, lanHost, func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }, twoAgreedDocs(t)...)
	ctx := t.Context()
	docs := agreeEverywhere(t, s)
	b := newLANBrowser(t, s)
	b.relogin(s.url, "rana")
	asked := b.answerDialogs("", func() bool { return true })
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d/agreement", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID("accept-agreed-everywhere")))
	shift.Add(int64(60 * time.Hour))
	b.deleteCookie(s, "hashiya_csrf")
	b.inAnotherTab(func(other *browser) { other.login(s.url, "rana", sitePassword) })

	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted 2 spans into gold, in 2 documents.'`)
	for _, doc := range docs {
		gold, err := s.store.LayerOf(ctx, doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(gold.Spans) != 1 {
			t.Errorf("gold of %s holds %d spans, want the agreed one", doc.ExternalID, len(gold.Spans))
		}
	}
	if asked.Load() != 1 {
		t.Errorf("%d questions asked before the accept, want 1", asked.Load())
	}
}

// TestBrowserTokenNotRenewedSaysNothingChanged: a page's token went
// stale and the current one cannot be fetched. The write was refused
// before it changed anything, and was not sent again, so a span's save,
// a review decision and a busy form each say that nothing was changed
// and to reload the page, never that the change may or may not be done.
func TestBrowserTokenNotRenewedSaysNothingChanged(t *testing.T) {
	s := newSiteWithClock(t, lanHost, time.Now, seedDoc(t))
	doc := s.docs["seed"]
	laylaMarksNaaman(t, s, doc)
	s.failTokens.Store(true)
	b := newLANBrowser(t, s)
	const why = "the page’s security token could not be renewed (database unavailable)"
	said := func(where, msg string) {
		t.Helper()
		if !strings.Contains(msg, why) || !strings.Contains(msg, "Nothing was changed; reload the page.") || strings.Contains(msg, "may or may not") {
			t.Errorf("%s says %q, want it to say %q and that nothing was changed", where, msg, why)
		}
	}

	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	start, end := spanAt(t, doc.Text, "مصطفى الكاظمي", 0)
	b.dragSelect(start, end)
	b.deleteCookie(s, "hashiya_csrf")
	s.writes.Store(0)
	b.run(chromedp.KeyEvent("2"))
	said("the span's save", b.waitSaveError("Could not save the span:"))
	s.wantWrites(t, "the span's save, refused for its token", 1)
	if n := len(s.waitSpans(t, doc, s.user.ID, 0)); n != 0 {
		t.Errorf("%d spans saved", n)
	}

	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	b.deleteCookie(s, "hashiya_csrf")
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept PER “صباح النعمان” into gold"]`)))
	b.waitFor(`document.querySelector('#candidates .error') !== null`)
	said("the decision", eval[string](b, `document.querySelector('#candidates .error').textContent`))
	b.run(chromedp.Click(chromedp.CSS(`#mark-reviewed button[type="submit"]`)))
	b.waitFor(`document.querySelector('.busy-form-error') !== null`)
	said("Mark gold reviewed", eval[string](b, `document.querySelector('.busy-form-error').textContent`))
	s.wantWrites(t, "the decision and Mark gold reviewed, refused for their token", 2)
	if got := s.goldSpans(t); got != "" {
		t.Errorf("gold holds %q", got)
	}
}
