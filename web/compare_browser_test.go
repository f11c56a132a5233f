package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserCompareInTheText: from the review, "Compare in the text"
// shows each paragraph once per layer. Two annotators who agree on a
// name and on a quotation with an organisation nested in it, and
// disagree on how much of "Microsoft Corporation" is the organisation:
// each layer's line highlights its own words, in the text's order (the
// Latin words left to right inside the Arabic line), the disputed span
// dashed and marked "≠", the paragraph everyone agrees on folded away;
// a highlight opens its row in the review, and the page fits a phone.
func TestBrowserCompareInTheText(t *testing.T) {
	text := "قال الوزير أحمد إن شركة Microsoft Corporation في بيان يوم 12 آذار 2014 زادت أرباحها.\n" +
		"وقال الوزير أحمد إن «جامعة القاهرة تفتح أبوابها» اليوم.\n" +
		"سطر لا يختلف عليه أحد."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "mixed", Text: text, Meta: json.RawMessage(`{}`)})
	doc := s.docs["mixed"]
	karim := s.annotatorMarks(t, "karim", doc, "ORG", "Microsoft Corporation", "جامعة القاهرة")
	layla := s.annotatorMarks(t, "layla", doc, "ORG", "Microsoft", "جامعة القاهرة")
	for _, u := range []db.User{karim, layla} {
		for _, sp := range []struct{ word, label string }{{"أحمد", "PER"}, {"«جامعة القاهرة تفتح أبوابها»", "QUOTE"}} {
			start, end := spanAt(t, text, sp.word, 0)
			if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: sp.label}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	b.run(chromedp.Click(chromedp.ID("compare-link")))
	b.waitFor(`document.getElementById('compare') !== null`)
	b.waitLoaded()

	// Each line's highlights, as the DOM has them: the chip, the text.
	got := eval[string](b, `[...document.querySelectorAll('#compare section .cmp-line')].map((l) =>
		l.closest('section').id + ' ' + l.querySelector('.cmp-name bdi').textContent + ': ' +
		[...l.querySelectorAll('a.cmp-seg')].map((a) => (a.dataset.chip ? '[' + a.dataset.chip + '] ' : '') + a.textContent + (a.classList.contains('disputed') ? ' (dashed)' : '')).join(' | ')).join('\n')`)
	want := strings.Join([]string{
		"p-1 gold: ",
		"p-1 karim: [PER] أحمد | [≠ ORG] Microsoft Corporation (dashed)",
		"p-1 layla: [PER] أحمد | [≠ ORG] Microsoft (dashed)",
		"p-2 gold: ",
		"p-2 karim: [QUOTE ← \u2068?\u2069] « | [ORG] جامعة القاهرة |  تفتح أبوابها»",
		"p-2 layla: [QUOTE ← \u2068?\u2069] « | [ORG] جامعة القاهرة |  تفتح أبوابها»",
		"p-3 gold: ",
		"p-3 karim: ",
		"p-3 layla: ",
	}, "\n")
	if got != want {
		t.Errorf("the lines' highlights:\n%s\nwant\n%s", got, want)
	}
	// The disputed mark is drawn, not only in the markup: a dashed outline
	// and its chip's text over its first letters (Microsoft's left end).
	if got := eval[string](b, `(() => { const a = document.querySelector('#p-1 .cmp-line:nth-of-type(2) a.cmp-seg.disputed');
		const chip = a.closest('.cmp-textbox').querySelector('.cmp-chip.from-left'); const ar = a.getBoundingClientRect(), cr = chip.getBoundingClientRect();
		return getComputedStyle(a).outlineStyle + ' ' + chip.textContent + ' ' + (Math.abs(cr.left - ar.left) < 4) + ' ' + (cr.bottom <= ar.top + 4); })()`); got != "dashed ≠ ORG true true" {
		t.Errorf("the disputed span is drawn (outline, chip, chip at its left end, chip above it): %s", got)
	}
	// The nested name keeps both labels: its background is ORG's, and the
	// quotation's underline runs on under it.
	if got := eval[string](b, `(() => { const a = [...document.querySelectorAll('#p-2 .cmp-line:nth-of-type(2) a.cmp-seg')].find((a) => a.dataset.chip === 'ORG');
		return a.title + ' | ' + (getComputedStyle(a).backgroundImage.match(/linear-gradient/g) || []).length; })()`); got != "ORG in QUOTE. QUOTE, no speaker yet. Opens its row in the review. | 2" {
		t.Errorf("the nested name: %s", got)
	}
	// Text order: in layla's line Microsoft stands left of Corporation,
	// and the Arabic reads right to left, as with no highlight at all.
	order := `((line) => { const r = (w) => { const p = line.querySelector('p'); const range = document.createRange();
		const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); let n;
		while ((n = walk.nextNode())) { const i = n.data.indexOf(w); if (i >= 0) { range.setStart(n, i); range.setEnd(n, i + w.length); return range.getBoundingClientRect(); } }
		throw new Error(w + ' not found'); };
		return [r('Microsoft').right < r('Corporation').left, r('أحمد').left > r('شركة').right, r('شركة').left > r('Corporation').right, r('2014').right < r('آذار').left].join(' '); })`
	for _, n := range []int{2, 3} {
		if got := eval[string](b, fmt.Sprintf(`%s(document.querySelector('#p-1 .cmp-line:nth-of-type(%d)'))`, order, n)); got != "true true true true" {
			t.Errorf("line %d of the first paragraph is out of order (Microsoft before Corporation, أحمد right of شركة, شركة right of Corporation, 2014 left of آذار): %s", n, got)
		}
	}
	if got := eval[string](b, `document.querySelector('details.cmp-agreed').open + ' ' + document.querySelector('details.cmp-agreed > summary').textContent + ' ' + document.querySelectorAll('details.cmp-agreed section').length`); got != "false 2 paragraphs where everyone agrees 2" {
		t.Errorf("the paragraph everyone agrees on: %s", got)
	}
	// By keyboard the highlights are links, after the list's choices.
	b.run(chromedp.Focus(chromedp.ID("show-all")), chromedp.KeyEvent("\t"))
	if got := eval[string](b, `document.activeElement.textContent`); got != "أحمد" {
		t.Errorf("Tab after the choices goes to %q, want karim's first highlight", got)
	}
	b.screenshot("compare-laptop")

	for _, w := range []struct{ width, height int64 }{{683, 384}, {390, 844}, {320, 640}} {
		b.run(chromedp.EmulateViewport(w.width, w.height))
		if got := eval[string](b, `document.documentElement.scrollWidth + ' ' + innerWidth`); got != fmt.Sprintf("%d %d", w.width, w.width) {
			t.Errorf("at %d px the page scrolls sideways (page width, window): %s", w.width, got)
		}
		b.screenshot(fmt.Sprintf("compare-%d", w.width))
	}

	b.run(chromedp.EmulateViewport(1366, 768))
	// A real click at the middle of karim's disputed highlight.
	at := eval[[]float64](b, `(() => { const a = document.querySelector('#p-1 .cmp-line:nth-of-type(2) a.cmp-seg.disputed'); a.scrollIntoView({block: 'center'});
		const r = a.getClientRects()[0]; return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; })()`)
	b.run(chromedp.MouseClickXY(at[0], at[1]))
	b.waitFor(`location.pathname.endsWith('/review') && document.getElementById('candidates') !== null`)
	start, end := spanAt(t, text, "Microsoft Corporation", 0)
	row := fmt.Sprintf("c-%d-%d-ORG", start, end)
	if got := eval[string](b, `location.hash + ' ' + (document.getElementById(location.hash.slice(1))?.tagName || 'none') + ' ' + (document.getElementById(location.hash.slice(1))?.textContent.includes('karim') || false)`); got != "#"+row+" TR true" {
		t.Errorf("the highlight opened the review at %s, want the row #%s, karim's", got, row)
	}
}

// TestBrowserCompareNamesSpeakers: on the demo article karim and layla
// mark the same spans, and say the first quotation was said by different
// people (karim صباح النعمان, layla جهاز مكافحة الإرهاب), the second by
// the same; gold holds the first without a speaker. Each layer's chip
// over a quotation names who that layer says said it, the first's also
// what the others say ("≠ gold: ?"), the names isolated so they read
// right to left in the Latin chip; the first is dashed, the second not,
// and the paragraph, where no span is disputed, is drawn open. On a
// laptop and on a phone no chip is cut off or covers another.
func TestBrowserCompareNamesSpeakers(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	q1 := "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب، وفقا للمعلومات والتحليل الاستخباري، فضلا عن رسم خارطة تحركات الإرهابيين في المناطق التي ما زالوا يتواجدون فيها"
	q2 := "هناك متابعة من قبل رئيس الوزراء مصطفى الكاظمي، وإشرافا مباشرا من جهاز مكافحة الارهاب على العمليات الامنية ضد بقايا عصابات داعش الارهابية"
	mark := func(owner int64, word, label string, nth int) db.Span {
		start, end := spanAt(t, doc.Text, word, nth)
		sp, err := s.store.CreateSpan(t.Context(), doc, owner, s.user.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatalf("%s %q: %v", label, word, err)
		}
		return sp
	}
	link := func(owner int64, from, to db.Span) {
		if _, err := s.store.CreateRelation(t.Context(), doc, owner, s.user.ID, db.RelationInput{Type: "speaker", From: from.ID, To: to.ID}); err != nil {
			t.Fatal(err)
		}
	}
	for _, who := range []struct{ name, first string }{{"karim", "PER"}, {"layla", "ORG"}} {
		u, err := s.store.CreateUser(t.Context(), who.name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		first, second := mark(u.ID, q1, "QUOTE", 0), mark(u.ID, q2, "QUOTE", 0)
		spokesman, agency := mark(u.ID, "صباح النعمان", "PER", 0), mark(u.ID, "جهاز مكافحة الإرهاب", "ORG", 1)
		link(u.ID, first, map[string]db.Span{"PER": spokesman, "ORG": agency}[who.first])
		link(u.ID, second, spokesman)
	}
	mark(0, q1, "QUOTE", 0)
	qs, _ := spanAt(t, doc.Text, q1, 0)
	ws, _ := spanAt(t, doc.Text, q2, 0)

	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review/compare", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("compare")))
	eval[bool](b, `document.fonts.ready.then(() => true)`)

	// Each line's quotations: its chip as drawn, and whether it is dashed.
	got := eval[string](b, fmt.Sprintf(`[...document.querySelectorAll('#p-2 .cmp-line')].map((l) =>
		l.querySelector('.cmp-name bdi').textContent + ': ' + [%d, %d].map((at) => {
			const a = l.querySelector('a.cmp-seg[data-start="' + at + '"]');
			if (!a) return '-';
			const chip = [...l.querySelectorAll('.cmp-chip')].find((c) => c.textContent === a.dataset.chip);
			return (chip ? chip.textContent : 'no chip for ' + a.dataset.chip) + (getComputedStyle(a).outlineStyle === 'dashed' ? ' (dashed)' : '');
		}).join(' | ')).join('\n')`, qs, ws))
	name := func(n string) string { return "\u2068" + n + "\u2069" }
	want := strings.Join([]string{
		"gold: QUOTE ← " + name("?") + " ≠ " + name("karim") + ": " + name("…النعمان") + "; " + name("layla") + ": " + name("…الإرهاب") + " (dashed) | -",
		"karim: QUOTE ← " + name("صباح النعمان") + " ≠ " + name("gold") + ": " + name("?") + "; " + name("layla") + ": " + name("…الإرهاب") + " (dashed) | QUOTE ← " + name("صباح النعمان"),
		"layla: QUOTE ← " + name("…مكافحة الإرهاب") + " ≠ " + name("gold") + ": " + name("?") + "; " + name("karim") + ": " + name("…النعمان") + " (dashed) | QUOTE ← " + name("صباح النعمان"),
	}, "\n")
	if got != want {
		t.Errorf("the quotations' chips:\n%s\nwant\n%s", got, want)
	}
	// Only the speaker is in dispute, and the paragraph is open for it;
	// the title line, where nobody marked anything, is folded away.
	if got := eval[string](b, `document.querySelector('#p-2').closest('details') === null && document.querySelector('#p-1').closest('details') !== null
		? document.querySelector('#p-2 h2 .cmp-count').textContent + ' / ' + document.getElementById('compare-summary').textContent : 'folded'`); got != "1 disputed speaker / Disagreements in 1 of 2 paragraphs: spans not every annotator marked, or quotations whose layers name different speakers." {
		t.Errorf("the paragraph disputed on its speaker only: %s", got)
	}
	// The run says who said it in words, the names whole.
	if got := eval[string](b, fmt.Sprintf(`document.querySelector('#p-2 .cmp-line:nth-of-type(3) a.cmp-seg[data-start="%d"]').getAttribute('aria-description')`, qs)); got != "QUOTE. QUOTE, said by "+name("جهاز مكافحة الإرهاب")+" (disputed: "+name("gold")+": no speaker yet; "+name("karim")+": said by "+name("صباح النعمان")+"). Opens its row in the review." {
		t.Errorf("layla's quotation is described as %q", got)
	}

	for _, vp := range []struct {
		name string
		w, h int64
	}{{"laptop", 1366, 768}, {"phone", 390, 844}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h))
		// In karim's chip, QUOTE stands at the left, the arrow after it,
		// then the name, its first word right of its second; what gold
		// and layla say follows to the right.
		if got := eval[string](b, fmt.Sprintf(`(() => { const a = document.querySelector('#p-2 .cmp-line:nth-of-type(2) a.cmp-seg[data-start="%d"]');
			const chip = [...a.closest('.cmp-textbox').querySelectorAll('.cmp-chip')].find((c) => c.textContent === a.dataset.chip);
			chip.scrollIntoView({block: 'center'});
			const node = chip.firstChild, at = (w) => { const r = document.createRange(), i = node.data.indexOf(w); r.setStart(node, i); r.setEnd(node, i + w.length); return r.getBoundingClientRect(); };
			return [at('QUOTE').right < at('←').left, at('←').right < at('النعمان').left, at('النعمان').right < at('صباح').left, at('صباح').right < at('gold').left, at('gold').right < at('layla').left].join(' '); })()`, qs)); got != "true true true true true" {
			t.Errorf("%s: karim's chip is out of order (QUOTE, ←, النعمان, صباح, gold, layla from left to right): %s", vp.name, got)
		}
		// No chip leaves its line's box or the window, none covers another,
		// none covers its own line's letters.
		if got := eval[[]string](b, `(() => { const bad = [];
			for (const box of document.querySelectorAll('#p-2 .cmp-textbox')) {
				const b = box.getBoundingClientRect(), chips = [...box.querySelectorAll('.cmp-chip')].map((c) => [c, c.getBoundingClientRect()]);
				for (const [c, r] of chips) {
					if (r.left < b.left - 1 || r.right > b.right + 1 || r.left < 0 || r.right > innerWidth) bad.push('out: ' + c.textContent);
					if (c.scrollWidth > c.clientWidth + 1) bad.push('cut: ' + c.textContent);
				}
				for (let i = 0; i < chips.length; i++) for (let j = i + 1; j < chips.length; j++) {
					const [p, q] = [chips[i][1], chips[j][1]];
					if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) bad.push('overlap: ' + chips[i][0].textContent + ' / ' + chips[j][0].textContent);
				}
			}
			return bad; })()`); len(got) > 0 {
			t.Errorf("%s: chips cut off or overlapping:\n%s", vp.name, strings.Join(got, "\n"))
		}
		if got := eval[string](b, `document.documentElement.scrollWidth + ' ' + innerWidth`); got != fmt.Sprintf("%d %d", vp.w, vp.w) {
			t.Errorf("%s: the page scrolls sideways (page width, window): %s", vp.name, got)
		}
		b.screenshot("compare-speakers-" + vp.name)
	}
}

// TestBrowserCompareChipsApart: a quotation and the name just inside
// its opening mark start a letter apart, so their chips would be drawn
// over each other; in each layer's line the name's chip stands beside
// the quotation's instead, still over its own words, on a laptop, at
// 200% zoom and on a phone.
func TestBrowserCompareChipsApart(t *testing.T) {
	text := "وقال الوزير إن «جامعة القاهرة تفتح أبوابها» اليوم."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "nested", Text: text, Meta: json.RawMessage(`{}`)})
	doc := s.docs["nested"]
	karim := s.annotatorMarks(t, "karim", doc, "ORG", "جامعة القاهرة")
	layla := s.annotatorMarks(t, "layla", doc, "LOC", "جامعة القاهرة")
	for _, u := range []db.User{karim, layla} {
		start, end := spanAt(t, text, "«جامعة القاهرة تفتح أبوابها»", 0)
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "QUOTE"}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	for _, vp := range []struct {
		name  string
		w, h  int64
		scale float64
	}{{"laptop", 1366, 768, 1}, {"zoom", 640, 360, 2}, {"phone", 390, 844, 1}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)),
			chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review/compare", s.url, doc.ID)))
		b.waitFor(`document.getElementById('compare')?.dataset.chips === 'placed'`)
		got := eval[[]string](b, `(() => { const bad = [];
			for (const box of document.querySelectorAll('.cmp-line:not(.gold) .cmp-textbox')) {
				const chips = [...box.querySelectorAll('.cmp-chip')].map((c) => [c, c.getBoundingClientRect()]);
				for (let i = 0; i < chips.length; i++) for (let j = i + 1; j < chips.length; j++) {
					const [p, q] = [chips[i][1], chips[j][1]];
					if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) bad.push('overlap: ' + chips[i][0].textContent + ' / ' + chips[j][0].textContent);
				}
				for (const [c, r] of chips) {
					const run = [...box.querySelectorAll('a.cmp-seg')].find((a) => a.querySelector('.cmp-at')?.style.anchorName === c.style.positionAnchor);
					const w = run.getBoundingClientRect();
					if (r.right <= w.left || r.left >= w.right) bad.push('away from its words: ' + c.textContent);
				}
				if (chips.length !== 2) bad.push(chips.length + ' chips in a line, want 2');
			}
			return bad; })()`)
		if len(got) > 0 {
			b.viewShot("compare-chips-apart-" + vp.name)
			t.Errorf("%s: the chips of the quotation and the name inside it:\n%s", vp.name, strings.Join(got, "\n"))
		}
	}
}
