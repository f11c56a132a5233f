package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSuggestionKinds: proposed quotations, speakers, cues and
// names are drawn in the text each in a line of its own (style and
// colour), listed under the same kind, and the row in focus marks its
// place in a colour far from every label's tint, in view and clear of
// the label bar.
func TestBrowserSuggestionKinds(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.run(chromedp.Click(chromedp.ID("sug-load")))
	b.waitFor(`document.querySelectorAll('#sug-list li').length > 2`)

	// Each kind its own highlight, drawn in its own line style.
	styles := eval[map[string]string](b, `(() => {
	  const out = {};
	  for (const sheet of document.styleSheets) for (const r of sheet.cssRules) {
	    const m = /::highlight\((suggestion-[a-z]+)\)/.exec(r.selectorText || '');
	    if (m) out[m[1]] = r.style.textDecorationStyle + ' ' + r.style.textDecorationColor + '|' + r.style.backgroundColor + '|' + r.style.color;
	  }
	  return out;
	})()`)
	lineStyles := map[string]string{}
	for _, kind := range []string{"quote", "speaker", "cue", "name"} {
		st, ok := styles["suggestion-"+kind]
		if !ok {
			t.Fatalf("no ::highlight(suggestion-%s) rule; rules %v", kind, styles)
		}
		line := strings.Fields(strings.Split(st, "|")[0])
		if len(line) == 0 {
			t.Fatalf("suggestion-%s draws no line: %q", kind, st)
		}
		if other, ok := lineStyles[line[0]]; ok {
			t.Errorf("suggestion-%s and suggestion-%s are drawn alike (%s)", kind, other, line[0])
		}
		lineStyles[line[0]] = kind
	}
	for _, kind := range []string{"quote", "speaker", "cue"} {
		if n := eval[int](b, fmt.Sprintf(`CSS.highlights.get('suggestion-%s').size`, kind)); n == 0 {
			t.Errorf("no %s proposed in the demo article is drawn as one", kind)
		}
	}
	// A quotation's speaker and cue, often side by side in the text
	// (وقال المتحدث ...), are drawn each as its own kind.
	parts := eval[[]string](b, `(() => {
	  const text = (k) => [...CSS.highlights.get('suggestion-' + k)].map((r) => r.toString());
	  const li = [...document.querySelectorAll('#sug-list li')].find((li) => li.querySelector('[data-kind="speaker"] bdi') && li.querySelector('[data-kind="cue"] bdi'));
	  if (!li) return [];
	  const sp = li.querySelector('[data-kind="speaker"] bdi').textContent, cue = li.querySelector('[data-kind="cue"] bdi').textContent;
	  return [String(text('speaker').includes(sp)), String(text('cue').includes(cue)), String(text('speaker').includes(cue) || text('cue').includes(sp))];
	})()`)
	if strings.Join(parts, " ") != "true true false" {
		t.Errorf("a row's speaker and cue drawn as speaker, as cue, mixed up: %v", parts)
	}
	// Every row names the kind of each part, drawn as the text draws it.
	rows := eval[[]string](b, `[...document.querySelectorAll('#sug-list .sug-part')].map((p) => p.dataset.kind + '|' + p.querySelector('.sug-kind').textContent)`)
	for _, r := range rows {
		kind, name, _ := strings.Cut(r, "|")
		if want := map[string]string{"quote": "Quote", "speaker": "Speaker", "cue": "Cue"}[kind]; want != "" && name != want || kind == "" {
			t.Errorf("row part %q", r)
		}
	}
	if eval[bool](b, `document.getElementById('sug-key').hidden`) {
		t.Error("the key to the kinds' lines is hidden while suggestions are shown")
	}

	// The row in focus: dark, with white letters, far from every label's
	// light tint (its colour at 25% on white, as the text draws spans).
	b.run(chromedp.Focus(chromedp.CSS(`#sug-list li:nth-child(3) button`)))
	b.waitFor(`CSS.highlights.has('suggestion-focus')`)
	focus := strings.Split(styles["suggestion-focus"], "|")
	contrasts := eval[[]float64](b, fmt.Sprintf(`(() => {
	  const rgb = (c) => { const d = document.createElement('div'); d.style.color = c; document.body.append(d); const m = getComputedStyle(d).color.match(/[\d.]+/g).map(Number); d.remove(); return m; };
	  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
	  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
	  const bg = rgb(%q), fg = rgb(%q);
	  const tints = [...document.querySelectorAll('.label-btn')].map((b) => rgb(getComputedStyle(b).getPropertyValue('--label').trim()).slice(0, 3).map((v) => Math.round(255 + (v - 255) * 0x40 / 255)));
	  return [ratio(bg, fg), ...tints.map((t) => ratio(bg, t))];
	})()`, focus[1], focus[2]))
	if contrasts[0] < 4.5 {
		t.Errorf("the focused suggestion's letters contrast %.1f:1 with its colour, want 4.5:1", contrasts[0])
	}
	for i, c := range contrasts[1:] {
		if c < 3 {
			t.Errorf("the focused suggestion's colour is %.1f:1 from label %d's tint, want 3:1 at least", c, i+1)
		}
	}
	if p := eval[int](b, `CSS.highlights.get('suggestion-focus').priority - CSS.highlights.get('suggestion-quote').priority`); p <= 0 {
		t.Error("the focused suggestion is drawn under the kinds' highlights")
	}
	box := eval[rangeBox](b, `(() => {
	  const r = [...CSS.highlights.get('suggestion-focus')][0].getBoundingClientRect();
	  return {top: r.top, bottom: r.bottom, bar: document.getElementById('annotate-bar').getBoundingClientRect().bottom, height: innerHeight};
	})()`)
	if box.Top < box.Bar || box.Bottom > box.Height {
		t.Errorf("the focused suggestion is at %.0f..%.0f, want it between the bar's bottom %.0f and the screen's %.0f", box.Top, box.Bottom, box.Bar, box.Height)
	}
	b.viewShot("suggestion-kinds")
}
