package web_test

// Browser tests: real headless Chromium (Debian's chromium) driven by
// chromedp against the full server on a loopback port.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// chromiumPath finds Debian's chromium, or fails the test saying how to
// install it, unless HASHIYA_SKIP_BROWSER=1.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("HASHIYA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("HASHIYA_SKIP_BROWSER") == "1" {
		t.Skip("chromium not installed and HASHIYA_SKIP_BROWSER=1: skipping browser test")
	}
	t.Fatal("browser tests need Debian's chromium: install it with `sudo apt-get install chromium` (or set HASHIYA_SKIP_BROWSER=1 to skip them locally; CI never does)")
	return ""
}

// site is a running server plus its store, for one browser test.
type site struct {
	url   string
	store *db.Store
	user  db.User
	proj  db.Project
	docs  map[string]db.Document // by external id
	// failWrites makes the next span writes fail with 500, to test that
	// a failed save is shown (a 503 would be retried first).
	failWrites atomic.Bool
	// passWrites lets this many writes through before failWrites fails
	// the next, so a step of several requests fails part way.
	passWrites atomic.Int64
	// writes counts the writes (requests other than GET) the site got.
	writes atomic.Int64
	// loseAnswers makes the next writes go through and their answers come
	// back as a gateway's 502, as when a proxy gives up waiting.
	loseAnswers atomic.Bool
	// failTokens makes GET /csrf-token fail with 500, so a page cannot
	// renew a stale token (newSiteWithClock's site).
	failTokens atomic.Bool
}

func newSite(t *testing.T, docs ...codec.Doc) *site {
	t.Helper()
	store, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return newSiteOn(t, store, docs...)
}

// newSiteOn is newSite on a store the caller opened.
func newSiteOn(t *testing.T, store *db.Store, docs ...codec.Doc) *site {
	t.Helper()
	s := seedSite(t, store, docs...)
	e, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			s.writes.Add(1)
		}
		if s.failWrites.Load() && r.Method != http.MethodGet && s.passWrites.Add(-1) < 0 {
			http.Error(w, `{"error":"database unavailable"}`, http.StatusInternalServerError)
			return
		}
		if s.loseAnswers.Load() && r.Method != http.MethodGet {
			e.ServeHTTP(httptest.NewRecorder(), r)
			http.Error(w, "bad gateway", http.StatusBadGateway)
			return
		}
		e.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

// seedSite is a site on store without its server: the admin
// "annotator", the project Demo holding docs, each document by its
// external id.
func seedSite(t *testing.T, store *db.Store, docs ...codec.Doc) *site {
	t.Helper()
	ctx := context.Background()
	s := &site{store: store, docs: map[string]db.Document{}}
	hash, err := bcrypt.GenerateFromPassword([]byte(sitePassword), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	if s.user, err = store.CreateUser(ctx, "annotator", string(hash), true); err != nil {
		t.Fatal(err)
	}
	if s.proj, err = store.CreateProject(ctx, "Demo", nil, s.user.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Import(ctx, db.ImportOptions{ProjectID: s.proj.ID, File: "test", By: s.user.ID}, docs); err != nil {
		t.Fatal(err)
	}
	list, err := store.Documents(ctx, s.proj.ID, s.user, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list.Docs {
		if s.docs[d.ExternalID], err = store.Document(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// sitePassword is the password of the site's user, "annotator".
const sitePassword = "correct horse battery staple"

// seedDoc is the demo article, as `serve` loads it.
func seedDoc(t *testing.T) codec.Doc {
	t.Helper()
	raw, err := os.ReadFile("../testdata/ctsi-intelligence-cell.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, _ := codec.Canonicalize(string(raw))
	return codec.Doc{Line: 1, ExternalID: "seed", Text: text, Meta: json.RawMessage(`{}`)}
}

// browser is one headless Chromium tab; JS exceptions fail the test.
type browser struct {
	t   *testing.T
	ctx context.Context
	mu  sync.Mutex
	js  []string
}

// newBrowser starts Chromium and logs in to s through its login page.
func newBrowser(t *testing.T, s *site) *browser {
	t.Helper()
	ctx, stop := startChromium(t)
	b := &browser{t: t, ctx: ctx}
	t.Cleanup(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, msg := range b.js {
			t.Errorf("JavaScript exception: %s", msg)
		}
		stop()
	})
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = (&chromedp.ExceptionError{ExceptionDetails: e.ExceptionDetails}).Error()
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				msg = fmt.Sprintf("console.error %v", e.Args)
			}
		}
		if msg != "" {
			b.mu.Lock()
			b.js = append(b.js, msg)
			b.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listen to chromium: %v", err)
	}
	b.login(s.url, "annotator", sitePassword)
	return b
}

// startChromium starts a headless Chromium tab. A start is tried three
// times: on a busy machine Chromium now and then crashes while starting
// (crashpad's "no stack mapping"), before any test code has run.
func startChromium(t testing.TB) (context.Context, func()) {
	t.Helper()
	return startChromiumFor(t, 90*time.Second)
}

// startChromiumFor is startChromium with a tab that lasts up to timeout
// (a benchmark's many iterations take longer than one test).
func startChromiumFor(t testing.TB, timeout time.Duration) (context.Context, func()) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(chromiumPath(t)),
			chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-extensions", true),
			chromedp.UserDataDir(t.TempDir()),
			chromedp.WindowSize(1366, 900),
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelTab := chromedp.NewContext(actx)
		ctx, cancelTime := context.WithTimeout(ctx, timeout)
		stop := func() {
			cancelTime()
			cancelTab()
			cancelAlloc()
		}
		err := chromedp.Do(ctx)
		if err == nil {
			return ctx, stop
		}
		stop()
		if attempt == 3 {
			t.Fatalf("start chromium: %v", err)
		}
		t.Logf("start chromium, attempt %d: %v", attempt, err)
	}
}

// login fills in and submits the login form as a person would.
func (b *browser) login(base, name, password string) {
	b.t.Helper()
	b.run(chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), name),
		chromedp.SendKeys(chromedp.ID("password"), password),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		// The page may be navigating away under the evaluation: that is
		// an error to wait out, not a failure.
		state, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.readyState + location.pathname`))
		if err == nil && state == "complete/" {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("logging in as %s failed: %s", name, eval[string](b, `location.href + " " + document.body.innerText`))
		}
	}
}

func (b *browser) run(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// eval runs a JavaScript expression (awaiting a promise) and returns its value.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, awaitPromise))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// open loads a document's page and waits for the annotation script to be
// ready. Without ?layer= it opens the viewer's own layer (?layer=mine):
// the site's user is an admin, whose page opens on gold where they work
// on nothing yet (TestBrowserOpensGoldWhereNothingIsYours).
func (b *browser) open(url string) {
	b.t.Helper()
	b.openAsIs(ownLayer(url))
}

// openAsIs is open at url as given: the page chooses the layer.
func (b *browser) openAsIs(url string) {
	b.t.Helper()
	b.run(chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("doc")))
	eval[bool](b, `document.fonts.ready.then(() => true)`)
}

// ownLayer adds layer=mine to a document page's address naming no layer.
func ownLayer(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Query().Has("layer") {
		return raw
	}
	if id, ok := strings.CutPrefix(u.Path, "/documents/"); !ok || strings.Contains(id, "/") {
		return raw
	}
	u.RawQuery = strings.TrimPrefix(u.RawQuery+"&layer=mine", "&")
	return u.String()
}

func awaitPromise(p *runtime.EvaluateParams) { yes := true; p.AwaitPromise = &yes }

// pointsJS finds viewport points for a mouse press and release that
// select code points start..end. For each boundary it tries points across
// the character beside it and asks the browser where each puts the caret:
// an exact hit on the boundary wins; at a bidi boundary (Latin inside
// Arabic) the edge is ambiguous, so a point inside the word is taken and
// word snapping completes the span, as it does for a person.
const pointsJS = `async (start, end) => {
  const runs = [...document.querySelectorAll('#doc span[data-start]')];
  const find = (cp) => {
    for (const run of runs) {
      const s = Number(run.dataset.start), chars = [...run.textContent];
      if (cp >= s && cp < s + chars.length) return {run, u16: chars.slice(0, cp - s).join('').length, len: chars[cp - s].length, s, chars};
    }
    return null;
  };
  const cpOf = (pos) => {
    const run = pos.offsetNode.parentElement.closest('#doc span[data-start]');
    if (!run) return -1;
    return Number(run.dataset.start) + [...pos.offsetNode.data.slice(0, pos.offset)].length;
  };
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const pick = async (cp, atEnd) => {
    const c = find(atEnd ? cp - 1 : cp);
    if (!c) return null;
    const r = document.createRange();
    r.setStart(c.run.firstChild, c.u16);
    r.setEnd(c.run.firstChild, c.u16 + c.len);
    let rect = r.getClientRects()[0];
    // Scrolled to, a paragraph is laid out only as the browser next draws
    // (content-visibility), and those above it take their real heights:
    // wait for that, and scroll again while the character is off screen.
    for (let tries = 0; tries < 5 && (rect.top < 0 || rect.bottom > innerHeight); tries++) {
      window.scrollBy(0, rect.top - innerHeight / 2);
      await frames();
      rect = r.getClientRects()[0];
    }
    const y = rect.top + rect.height / 2, w = rect.width;
    let inside = null;
    for (const x of [rect.left + 1, rect.right - 1, rect.left + w / 4, rect.right - w / 4]) {
      const pos = document.caretPositionFromPoint(x, y);
      if (!pos) continue;
      const at = cpOf(pos);
      if (at === cp) return {x, y};
      if (at > start && at < end && !inside) inside = {x, y};
    }
    return inside;
  };
  // Paragraphs coming into view are laid out at the next frame: hit
  // testing them before that finds no text.
  await frames();
  const from = await pick(start, false);
  const to = await pick(end, true);
  return from && to ? {from, to} : null;
}`

type point struct{ X, Y float64 }

// dragSelect selects code points start..end with real mouse events:
// press at the start boundary, move, release at the end boundary. Escape
// first drops any earlier selection, as a person would click away.
func (b *browser) dragSelect(start, end int) {
	b.t.Helper()
	b.run(chromedp.KeyEvent(kb.Escape))
	pts := eval[*struct{ From, To point }](b, fmt.Sprintf("(%s)(%d, %d)", pointsJS, start, end))
	if pts == nil {
		b.t.Fatalf("no mouse points select code points %d..%d in #doc", start, end)
	}
	from, to := pts.From, pts.To
	b.run(
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, from.X, from.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (from.X+to.X)/2, (from.Y+to.Y)/2, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, to.X, to.Y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, to.X, to.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
}

// clickChar clicks the middle of the character at code point cp with the
// mouse, as a person clicks a highlight.
func (b *browser) clickChar(cp int) {
	b.t.Helper()
	// The point is checked with elementFromPoint before the click, and
	// looked up again while something (a panel opening, a redraw, the
	// page scrolling a selection clear of a message) is still moving the
	// text: it must stay put over two frames, so the click lands on the
	// character asked for.
	deadline := time.Now().Add(5 * time.Second)
	for {
		p := eval[*hit](b, fmt.Sprintf(`(async (cp) => {
	  for (const run of document.querySelectorAll('#doc span[data-start]')) {
	    const s = Number(run.dataset.start), chars = [...run.textContent];
	    if (cp < s || cp >= s + chars.length) continue;
	    const u16 = chars.slice(0, cp - s).join('').length;
	    const r = document.createRange();
	    r.setStart(run.firstChild, u16);
	    r.setEnd(run.firstChild, u16 + chars[cp - s].length);
	    const centre = (rect) => [rect.left + rect.width / 2, rect.top + rect.height / 2];
	    const under = (rect) => document.elementFromPoint(...centre(rect));
	    let rect = r.getClientRects()[0];
	    // Off the screen, or under the sticky label bar: scrolled to the
	    // middle of the window first, as a person would.
	    if (rect.top < 0 || rect.bottom > innerHeight || !run.contains(under(rect))) {
	      window.scrollBy(0, rect.top - innerHeight / 2);
	      rect = r.getClientRects()[0];
	    }
	    const [x, y] = centre(rect);
	    for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
	    const again = r.getClientRects()[0];
	    const at = document.elementFromPoint(x, y);
	    const still = again && Math.abs(centre(again)[0] - x) < 0.5 && Math.abs(centre(again)[1] - y) < 0.5;
	    return {x, y, ok: still && (at === run || run.contains(at)), at: at ? at.outerHTML.slice(0, 120) : ''};
	  }
	  return null;
	})(%d)`, cp))
		if p == nil {
			b.t.Fatalf("no character at code point %d in #doc", cp)
		}
		if p.OK {
			b.run(chromedp.MouseClickXY(p.X, p.Y))
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("code point %d is covered by %s", cp, p.At)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type hit struct {
	X, Y float64
	OK   bool
	At   string
}

// annotatorMarks adds the user name, with no password, and marks each
// of words (its first place in doc's text) with label in their layer.
func (s *site) annotatorMarks(t *testing.T, name string, doc db.Document, label string, words ...string) db.User {
	t.Helper()
	u, err := s.store.CreateUser(t.Context(), name, "", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		start, end := spanAt(t, doc.Text, w, 0)
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	return u
}

// wantWrites checks that want requests that write reached the server
// since the count was last taken, step saying which, and starts it again.
func (s *site) wantWrites(t *testing.T, step string, want int64) {
	t.Helper()
	if n := s.writes.Swap(0); n != want {
		t.Errorf("%s took %d requests that write, want %d", step, n, want)
	}
}

// waitSpans waits until the caller's layer holds n spans and returns them.
func (s *site) waitSpans(t *testing.T, doc db.Document, layerOwner int64, n int) []db.Span {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		l, err := s.store.LayerOf(context.Background(), doc, layerOwner)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Spans) == n {
			return l.Spans
		}
		if time.Now().After(deadline) {
			t.Fatalf("want %d spans in the layer, have %d: %+v", n, len(l.Spans), l.Spans)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitPage waits until the page has redrawn after its last save: no save
// under way and n spans in the list. Acting earlier would race the redraw.
func (b *browser) waitPage(n int) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		state := eval[string](b, `document.getElementById('save-status').textContent + '|' + document.querySelectorAll('#span-list .span-item').length`)
		if !strings.HasPrefix(state, "Saving") && strings.HasSuffix(state, fmt.Sprintf("|%d", n)) {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("page did not settle with %d spans: %q", n, state)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// spanAt finds the code point offsets of the nth occurrence (0-based) of
// word in text.
func spanAt(t *testing.T, text, word string, nth int) (int, int) {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], word)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", word, nth+1)
		}
		if i == nth {
			start := len([]rune(text[:from+j]))
			return start, start + len([]rune(word))
		}
		from += j + len(word)
	}
}

// screenshot writes a PNG under testdata/screenshots for a person to look
// at. A full-page capture draws parts of the page that are off the screen
// as it stands, which content-visibility (app.css) leaves unpainted until
// they come near it: lay everything out first.
func (b *browser) screenshot(name string) {
	b.t.Helper()
	eval[bool](b, `new Promise((done) => {
	  const sheet = document.styleSheets[0];
	  sheet.insertRule('.doc p, .span-group { content-visibility: visible !important; }', sheet.cssRules.length);
	  window.scrollTo(0, 0); // a sticky bar is drawn where the page is scrolled to
	  requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
	})`)
	png, err := chromedp.Run(b.ctx, wholePage)
	if err != nil {
		b.t.Fatal(err)
	}
	b.keepShot(name, png)
}

// wholePage captures the whole page, scrolled or not: the window is
// made as tall as the page for the capture, then given back its height.
// Chromium's own capture beyond the window draws a page running right to
// left shifted sideways, its right edge cut, though nothing is there.
func wholePage(ctx context.Context, t *chromedp.Target) ([]byte, error) {
	m, err := cdp.Call(ctx, t, page.GetLayoutMetrics, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	w, h := int64(m.CSSLayoutViewport.ClientWidth), int64(m.CSSLayoutViewport.ClientHeight)
	full := int64(math.Ceil(m.CSSContentSize.Height))
	if full <= h {
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{})
		return r.Data, err
	}
	if _, err := chromedp.EmulateViewport(w, full)(ctx, t); err != nil {
		return nil, err
	}
	r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{})
	if _, back := chromedp.EmulateViewport(w, h)(ctx, t); err == nil {
		err = back
	}
	return r.Data, err
}

// keepShot writes a screenshot under testdata/screenshots as name.png.
func (b *browser) keepShot(name string, png []byte) {
	b.t.Helper()
	dir := filepath.Join("..", "testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// answerDialogs answers every JavaScript dialog (a confirm()) whose
// message holds text, OK when accept() says so, else Cancel, and counts
// them.
func (b *browser) answerDialogs(text string, accept func() bool) *atomic.Int32 {
	b.t.Helper()
	var asked atomic.Int32
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok && strings.Contains(e.Message, text) {
			asked.Add(1)
			ok := accept()
			go func() {
				_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: ok})
			}()
		}
	}); err != nil {
		b.t.Fatal(err)
	}
	return &asked
}
