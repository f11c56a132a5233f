package web_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// axePath is axe-core's script, installed for the tests only (never served
// by the app) by `npm ci --prefix testdata/a11y`, which `make test` runs
// when it is missing.
const axePath = "../testdata/a11y/node_modules/axe-core/axe.min.js"

// axeScript reads axe-core, or fails saying how to install it; like the
// other browser tests it is skipped only with HASHIYA_SKIP_BROWSER=1.
func axeScript(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if errors.Is(err, fs.ErrNotExist) {
		if os.Getenv("HASHIYA_SKIP_BROWSER") == "1" {
			t.Skip("axe-core not installed and HASHIYA_SKIP_BROWSER=1: skipping the accessibility check")
		}
		t.Fatal("the accessibility check needs axe-core: install it with `npm ci --prefix testdata/a11y --no-audit --no-fund` (`make test` does this when it is missing)")
	}
	if err != nil {
		t.Fatalf("read axe-core: %v", err)
	}
	return string(src)
}

// axeRunJS runs axe-core's WCAG 2.0 and 2.1 level A and AA rules on the
// whole page and returns each violation with the elements it found.
const axeRunJS = `axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  resultTypes: ['violations'],
}).then((r) => r.violations.map((v) => ({
  id: v.id, impact: v.impact || '', help: v.help, url: v.helpUrl,
  nodes: v.nodes.map((n) => ({target: n.target.map((s) => [].concat(s).join(' >>> ')).join(', '), summary: n.failureSummary || ''})),
})))`

type axeViolation struct {
	ID, Impact, Help, URL string
	Nodes                 []struct{ Target, Summary string }
}

// axeViewport is a window the check runs in; scale is the device pixel
// ratio (2 on a laptop zoomed to 200%).
type axeViewport struct {
	w, h  int64
	scale float64
}

var (
	axeLaptop = axeViewport{1366, 900, 1}
	// axeSmall are a phone and a 1366×768 laptop at 200% zoom.
	axeSmall = []axeViewport{{390, 844, 1}, {683, 384, 2}}
)

// checkAxe injects axe-core through DevTools (the page's CSP allows only
// its own scripts, and an evaluation from DevTools is not the page's) and
// fails on every violation at each viewport, naming the rule, its impact,
// the elements and what to do.
func (b *browser) checkAxe(src, page string, vps ...axeViewport) {
	b.t.Helper()
	if !eval[bool](b, `typeof axe !== 'undefined'`) {
		eval[bool](b, src+"\n;true")
	}
	for _, vp := range vps {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
		for _, v := range eval[[]axeViolation](b, axeRunJS) {
			var where strings.Builder
			for _, n := range v.Nodes {
				fmt.Fprintf(&where, "\n    %s: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
			}
			b.t.Errorf("%s at %dx%d@%gx: axe %s (%s): %s (%s), %d elements:%s", page, vp.w, vp.h, vp.scale, v.ID, v.Impact, v.Help, v.URL, len(v.Nodes), where.String())
		}
	}
	b.run(chromedp.EmulateViewport(axeLaptop.w, axeLaptop.h))
}

// openAll opens every closed disclosure, so axe checks what it holds too.
func (b *browser) openAll() {
	b.t.Helper()
	eval[bool](b, `(document.querySelectorAll('details:not([open])').forEach((d) => { d.open = true; }), true)`)
}

// TestBrowserAxe runs axe-core's WCAG 2.0/2.1 A and AA rules on every kind
// of page, as the person who sees it: a manager's project page with every
// part open and the annotation page with a quotation, its speaker and an
// open span editor also on a phone and at 200% zoom; then a refused form,
// an annotator's pages and a login refused.
func TestBrowserAxe(t *testing.T) {
	src := axeScript(t)
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	addSiteMember(t, s, "rania", db.RoleReviewer)
	span := func(owner int64, word string, nth int, label string) db.Span {
		start, end := spanAt(t, doc.Text, word, nth)
		sp, err := s.store.CreateSpan(ctx, doc, owner, owner, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	quote := span(s.user.ID, "الجهاز مستمر", 0, "QUOTE")
	speaker := span(s.user.ID, "صباح النعمان", 0, "PER")
	span(s.user.ID, "صباح النعمان", 1, "ORG") // a name labelled two ways, for the consistency report
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: speaker.ID}); err != nil {
		t.Fatal(err)
	}
	span(layla.ID, "صباح النعمان", 0, "PER")
	if _, err := s.store.AddNote(ctx, doc, s.user, db.NoteInput{Body: "Is this the same spokesman?"}); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetGuidelines(ctx, s.proj.ID, s.user, "علّم كل اقتباس بـ QUOTE واربطه بقائله."); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.store.CreateToken(ctx, s.user, "export script"); err != nil {
		t.Fatal(err)
	}
	empty, err := s.store.CreateProject(ctx, "Empty", nil, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s) // the admin, who manages both projects
	// The gate itself: a button without a name, put in a page, is found.
	eval[bool](b, src+"\n;document.body.append(Object.assign(document.createElement('button'), {id: 'axe-probe'})), true")
	found := false
	for _, v := range eval[[]axeViolation](b, axeRunJS) {
		found = found || (v.ID == "button-name" && len(v.Nodes) == 1 && v.Nodes[0].Target == "#axe-probe")
	}
	if !found {
		t.Fatal("axe did not report a button without a name")
	}
	project, annotate := fmt.Sprintf("/projects/%d", s.proj.ID), fmt.Sprintf("/documents/%d", doc.ID)
	for _, path := range []string{
		"/", project, fmt.Sprintf("/projects/%d", empty.ID), annotate, annotate + "/review", annotate + "/review/compare",
		project + "/agreement", project + "/agreement/confusion?row=PER&col=PER", project + "/consistency", project + "/progress", project + "/activity",
		"/settings", "/admin/users", project + "/delete", "/projects/999999", "/no-such-page",
	} {
		vps := []axeViewport{axeLaptop}
		if path == annotate {
			b.open(s.url + path)
			b.clickChar(quote.Start + 2) // the span editor and the quotation tools, open
			b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
			vps = append(vps, axeSmall...)
		} else {
			b.run(chromedp.Navigate(s.url + path))
			b.waitLoaded()
			b.openAll()
			if path == project || path == annotate+"/review/compare" {
				vps = append(vps, axeSmall...)
			}
		}
		b.checkAxe(src, path, vps...)
	}
	// A form refused: the field marked invalid and described by the error.
	b.run(chromedp.Navigate(s.url+project), chromedp.WaitVisible(chromedp.ID("relation-types-form")),
		chromedp.SetValue(`input[aria-label="Labels relation type 2 joins to"]`, "CUE EVENT"),
		chromedp.Click(`#relation-types-form button[type="submit"]`), chromedp.WaitVisible(`#relation-types #form-error`))
	b.waitLoaded()
	b.checkAxe(src, project+" with a refused relation rule", axeLaptop)
	b.relogin(s.url, "layla")
	b.checkAxe(src, "/ as an annotator", axeLaptop, axeSmall[0])
	b.open(s.url + annotate)
	b.clickChar(speaker.Start + 2) // her PER span, in the editor
	b.run(chromedp.WaitVisible(chromedp.ID("span-editor")))
	b.checkAxe(src, annotate+" as an annotator", axeLaptop, axeSmall[0])
	b.run(chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("username")))
	b.waitLoaded()
	b.checkAxe(src, "/login", axeLaptop, axeSmall[0])
	b.run(chromedp.SendKeys(chromedp.ID("username"), "layla"), chromedp.SendKeys(chromedp.ID("password"), "wrong"),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)), chromedp.WaitVisible(chromedp.ID("login-error")))
	b.waitLoaded()
	b.checkAxe(src, "/login after a wrong password", axeLaptop)
}

// highlightContrastJS gives, for each highlighted run in the text, its
// label and the contrast ratio (WCAG 2) of its text against what is behind
// it: the run's translucent tint laid over the text's own background. axe
// does not check these runs (their underlines are background images).
const highlightContrastJS = `(() => {
  const rgba = (s) => { const m = s.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = (c) => [c.r, c.g, c.b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const paper = rgba(getComputedStyle(document.getElementById('doc')).backgroundColor);
  return [...document.querySelectorAll('#doc .seg[style]')].map((seg) => {
    const style = getComputedStyle(seg);
    const fg = over(rgba(style.color), paper), bg = over(rgba(style.backgroundColor), paper);
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return {label: seg.getAttribute('aria-description') || '', ratio: (hi + 0.05) / (lo + 0.05)};
  });
})()`

// TestBrowserHighlightContrast: the text of a highlight stays readable
// (4.5:1, WCAG 1.4.3) whatever colour a manager gives its label, a light
// one or a dark one.
func TestBrowserHighlightContrast(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	proj, err := s.store.Project(ctx, s.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	colours := map[string]string{"PER": "#ffff00", "ORG": "#000000", "LOC": "#1a1a66", "GPE": "#ffffff"}
	for i, l := range proj.Labels {
		if c, ok := colours[l.Name]; ok {
			proj.Labels[i].Color = c
		}
	}
	if err := s.store.SetLabels(ctx, s.proj.ID, s.user, proj.Labels); err != nil {
		t.Fatal(err)
	}
	for label, word := range map[string]string{"PER": "صباح النعمان", "ORG": "جهاز مكافحة الإرهاب", "LOC": "المناطق", "GPE": "العراقية"} {
		start, end := spanAt(t, doc.Text, word, 0)
		if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	runs := eval[[]struct {
		Label string
		Ratio float64
	}](b, highlightContrastJS)
	seen := map[string]bool{}
	for _, r := range runs {
		seen[r.Label] = true
		if r.Ratio < 4.5 {
			t.Errorf("a %s highlight (label colour %s) has text at contrast %.2f:1, want at least 4.5:1", r.Label, colours[r.Label], r.Ratio)
		}
	}
	for label := range colours {
		if !seen[label] {
			t.Errorf("no %s highlight found in the text; found %v", label, runs)
		}
	}
}
