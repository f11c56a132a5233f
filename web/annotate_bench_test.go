package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// BenchmarkBrowserAnnotateLong measures the annotation view in headless
// Chromium on one long document: ANERCorp's articles joined, one a
// paragraph, into 200,000 code points holding 2,900 spans, and into
// 800,000 holding 10,844, in the annotator's layer. Each figure is taken
// in the browser, from the event to the frame after the page has drawn
// its answer, and reported in milliseconds:
//
//   - open: from navigation to the text drawn with its spans and chips and
//     the page answering keys (annotate.js marks annotate-drawn);
//   - label: from a label's key pressed on a selected word to the new span
//     drawn (then undone, untimed, so every iteration finds the same layer),
//     after one label untimed: a page's first save reads the layer whole,
//     and later saves, the page holding it, apply their own answers;
//   - first-label: the same, the page's first save, after the page has
//     stood open for a moment (reading, two seconds) as an annotator reads
//     before labelling;
//   - editor: from a click on an ORG span to its editor drawn with its
//     tools (an ORG may refer onward, so they read the layer), the first
//     opened since the page loaded;
//   - editor-again: the same, the span opened once before, untimed, with
//     nothing changed since: as an annotator goes from span to span;
//   - frame: the time between frames, each changing a word of the page
//     (the save status), over 30 frames: what the browser spends on a
//     frame with a change in it, the screen's refresh (17 ms) at least.
func BenchmarkBrowserAnnotateLong(b *testing.B) {
	if _, err := exec.LookPath("chromium"); err != nil {
		b.Skip("chromium is not installed (apt-get install chromium): skipping the browser benchmark")
	}
	for _, size := range []struct {
		name  string
		runes int
	}{{"200k", 200_000}, {"800k", 800_000}} {
		b.Run(size.name, func(b *testing.B) { benchAnnotateLong(b, size.runes) })
	}
}

// reading is how long first-label leaves the page open before its key: an
// annotator reads before labelling.
const reading = 2 * time.Second

// benchAnnotateLong runs the three measures on ANERCorp's articles
// joined into at least runes code points.
func benchAnnotateLong(b *testing.B, runes int) {
	doc := anercorpLong(b, runes, "\n")
	runes = len([]rune(doc.Text))
	word := freeWord(b, doc, runes/2)
	org := -1
	for _, s := range doc.Spans {
		if s.Label == "ORG" && s.Start > runes*2/3 {
			org = s.Start
			break
		}
	}
	if org < 0 {
		b.Fatal("no ORG span in the last third of the text")
	}
	base, docID := annotateBenchSite(b, doc)
	page := &benchPage{base: base, url: fmt.Sprintf("%s/documents/%d", base, docID)}
	ctx, stop := startChromiumFor(b, 30*time.Minute)
	defer stop()
	page.ctx = ctx
	page.login(b)

	b.Run("open", func(b *testing.B) {
		var total float64
		for range b.N {
			total += page.open(b)
		}
		b.ReportMetric(total/float64(b.N), "ms/open")
	})
	b.Run("label", func(b *testing.B) {
		page.open(b)
		page.label(b, word[0], word[1])
		b.ResetTimer()
		var total float64
		for range b.N {
			total += page.label(b, word[0], word[1])
		}
		b.ReportMetric(total/float64(b.N), "ms/label")
	})
	b.Run("first-label", func(b *testing.B) {
		var total float64
		for range b.N {
			page.open(b)
			b.StopTimer()
			time.Sleep(reading)
			// A page that reads its layer once idle (annotate.js) is
			// given up to 8 s more to have read it, as a page still
			// busy laying out a long text reads it later.
			for deadline := time.Now().Add(8 * time.Second); time.Now().Before(deadline) &&
				!benchEval[bool](b, page, `performance.getEntriesByName('annotate-layer-held').length > 0`); {
				time.Sleep(50 * time.Millisecond)
			}
			b.StartTimer()
			total += page.label(b, word[0], word[1])
		}
		b.ReportMetric(total/float64(b.N), "ms/label")
	})
	b.Run("editor", func(b *testing.B) {
		page.open(b)
		b.ResetTimer()
		var total float64
		for range b.N {
			total += page.openEditor(b, org)
		}
		b.ReportMetric(total/float64(b.N), "ms/editor")
	})
	b.Run("frame", func(b *testing.B) {
		page.open(b)
		b.ResetTimer()
		var total float64
		for range b.N {
			total += benchEval[float64](b, page, frameJS)
		}
		b.ReportMetric(total/float64(b.N), "ms/frame")
	})
	b.Run("editor-again", func(b *testing.B) {
		page.open(b)
		b.StopTimer()
		page.openEditor(b, org)
		b.StartTimer()
		var total float64
		for range b.N {
			total += page.openEditor(b, org)
		}
		b.ReportMetric(total/float64(b.N), "ms/editor")
	})
}

// annotateBenchSite serves a store holding doc, its spans in the layer
// of "annotator" (an admin), on a loopback port, and returns the
// server's address and the document's id.
func annotateBenchSite(b *testing.B, doc codec.Doc) (string, int64) {
	ctx := context.Background()
	store, user, p := benchProject(b, "annotator")
	opts := db.ImportOptions{ProjectID: p.ID, File: "long", By: user.ID, Owner: user.ID, AddLabels: true}
	if _, err := store.Import(ctx, opts, []codec.Doc{doc}); err != nil {
		b.Fatal(err)
	}
	list, err := store.Documents(ctx, p.ID, user, db.DocumentPage{Limit: 1})
	if err != nil || len(list.Docs) != 1 {
		b.Fatalf("documents: %v %v", list.Docs, err)
	}
	e, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(e)
	b.Cleanup(srv.Close)
	return srv.URL, list.Docs[0].ID
}

// freeWord is the first word at or after code point from that no span
// of doc touches.
func freeWord(b *testing.B, doc codec.Doc, from int) [2]int {
	taken := make([]bool, len([]rune(doc.Text)))
	for _, s := range doc.Spans {
		for i := s.Start; i < s.End; i++ {
			taken[i] = true
		}
	}
	for _, w := range wordPlaces(doc.Text, len(taken)) {
		if w[0] < from || w[1]-w[0] < 3 {
			continue
		}
		free := true
		for i := w[0]; i < w[1]; i++ {
			free = free && !taken[i]
		}
		if free {
			return w
		}
	}
	b.Fatalf("no word free of spans after code point %d", from)
	return [2]int{}
}

// benchPage is the annotation view of the benchmark's document in one
// Chromium tab, kept between iterations.
type benchPage struct {
	ctx  context.Context
	base string // the server
	url  string // the document's annotation view
}

func (p *benchPage) run(b *testing.B, actions ...chromedp.Action[chromedp.Void]) {
	b.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		b.Fatal(err)
	}
}

func benchEval[T any](b *testing.B, p *benchPage, expr string) T {
	b.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, awaitPromise))
	if err != nil {
		b.Fatalf("evaluate %.80s: %v", expr, err)
	}
	return v
}

// waitFor polls the page until the expression is true.
func (p *benchPage) waitFor(b *testing.B, expr string) {
	b.Helper()
	for deadline := time.Now().Add(60 * time.Second); !benchEval[bool](b, p, expr); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatalf("waited a minute for %s", expr)
		}
	}
}

func (p *benchPage) login(b *testing.B) {
	p.run(b, chromedp.Navigate(p.base+"/login"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), "annotator"),
		chromedp.SendKeys(chromedp.ID("password"), sitePassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	p.waitFor(b, `document.readyState === 'complete' && location.pathname === '/'`)
}

// open loads the document and returns the milliseconds from navigation
// to the page's mark of its first draw. The page it leaves is closed
// first, untimed: taking down a long document's page is not opening one.
func (p *benchPage) open(b *testing.B) float64 {
	b.StopTimer()
	p.run(b, chromedp.Navigate("about:blank"))
	b.StartTimer()
	p.run(b, chromedp.Navigate(p.url))
	p.waitFor(b, `performance.getEntriesByName('annotate-drawn').length > 0`)
	return benchEval[float64](b, p, `performance.getEntriesByName('annotate-drawn')[0].startTime`)
}

// showJS selects code points start..end of the text (select) or not,
// scrolled to the middle of the window, and waits for it to be drawn.
const showJS = `async (start, end, select) => {
  for (const run of document.querySelectorAll('#doc span[data-start]')) {
    const s = Number(run.dataset.start), chars = [...run.textContent];
    if (start < s || end > s + chars.length) continue;
    const u16 = (cp) => chars.slice(0, cp - s).join('').length;
    const r = document.createRange();
    r.setStart(run.firstChild, u16(start));
    r.setEnd(run.firstChild, u16(end));
    for (let tries = 0; tries < 5; tries++) {
      window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 2);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    if (select) window.getSelection().setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
    const box = r.getBoundingClientRect();
    return {x: box.left + box.width / 2, y: box.top + box.height / 2};
  }
  return null;
}`

// frameJS changes the save status on each of 30 frames and returns the
// mean time between them, in ms.
const frameJS = `new Promise((done) => {
  const status = document.getElementById('save-status');
  let n = 0, t0 = 0;
  const step = (t) => {
    if (n === 0) t0 = t;
    if (n === 30) { done((t - t0) / 30); return; }
    n++;
    status.textContent = 'frame ' + n;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`

// label selects start..end, presses PER's key (1) and returns the
// milliseconds from the key to the frame after the new span is drawn in
// the text; then it undoes the span, untimed.
func (p *benchPage) label(b *testing.B, start, end int) float64 {
	b.StopTimer()
	if benchEval[*point](b, p, fmt.Sprintf(`(%s)(%d, %d, true)`, showJS, start, end)) == nil {
		b.Fatalf("no run holds code points %d..%d", start, end)
	}
	benchEval[bool](b, p, fmt.Sprintf(`(() => {
	  let t0 = 0;
	  document.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
	  window.benchDrawn = new Promise((resolve, reject) => {
	    setTimeout(() => reject(new Error('not drawn in 60 s; the page says: ' + document.getElementById('save-status').textContent
	      + ' ' + document.getElementById('save-error').textContent)), 60000);
	    const seen = new MutationObserver(() => {
	      const item = document.querySelector('#span-list .span-item[data-start="%d"][data-end="%d"]');
	      if (!item || !document.querySelector('#doc .seg[data-spans~="' + item.dataset.span + '"]')) return;
	      seen.disconnect();
	      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
	    });
	    seen.observe(document.body, { childList: true, subtree: true });
	  });
	  return true;
	})()`, start, end))
	b.StartTimer()
	p.run(b, chromedp.KeyEvent("1"))
	ms := benchEval[float64](b, p, `window.benchDrawn`)
	b.StopTimer()
	p.waitFor(b, `document.getElementById('save-status').textContent.startsWith('Saved PER')`)
	p.run(b, chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	p.waitFor(b, fmt.Sprintf(`document.getElementById('save-status').textContent === 'Undone and saved'
	  && !document.querySelector('#span-list .span-item[data-start="%d"][data-end="%d"]')`, start, end))
	b.StartTimer()
	return ms
}

// openEditor clicks the span starting at code point start and returns the
// milliseconds from the click to the frame after the editor shows it with
// its tools; then it closes the editor, untimed.
func (p *benchPage) openEditor(b *testing.B, start int) float64 {
	b.StopTimer()
	at := benchEval[*point](b, p, fmt.Sprintf(`(%s)(%d, %d, false)`, showJS, start, start+1))
	if at == nil {
		b.Fatalf("no run holds code point %d", start)
	}
	benchEval[bool](b, p, `(() => {
	  let t0 = 0;
	  document.addEventListener('click', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
	  window.benchDrawn = new Promise((resolve, reject) => {
	    setTimeout(() => reject(new Error('not drawn in 60 s; the page says: ' + document.getElementById('save-status').textContent
	      + ' ' + document.getElementById('save-error').textContent)), 60000);
	    const seen = new MutationObserver(() => {
	      if (document.getElementById('span-editor').hidden || document.getElementById('refer-tools').hidden) return;
	      seen.disconnect();
	      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
	    });
	    seen.observe(document.body, { attributes: true, childList: true, subtree: true });
	  });
	  return true;
	})()`)
	b.StartTimer()
	p.run(b, chromedp.MouseClickXY(at.X, at.Y))
	ms := benchEval[float64](b, p, `window.benchDrawn`)
	b.StopTimer()
	if title := benchEval[string](b, p, `document.getElementById('editor-title').textContent`); title != "ORG span" {
		b.Fatalf("the click opened %q, want the ORG span", title)
	}
	p.run(b, chromedp.KeyEvent(kb.Escape))
	p.waitFor(b, `document.getElementById('span-editor').hidden`)
	b.StartTimer()
	return ms
}
