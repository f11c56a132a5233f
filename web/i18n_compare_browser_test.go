package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserArabicCompareChips: Compare in the text read by a reviewer
// whose interface is Arabic. karim and layla say the first quotation was
// said by different people; gold holds it without a speaker, and the
// second with its speaker not in the text. Each chip stays a Latin line
// (the label first, then who said it, then what the other layers say),
// its Arabic words standing whole in it: "not in text", and gold by its
// short name, الذهبية, which leaves a phone's chip room for the rest;
// each chip stands over its quotation's first letters; on a laptop and
// on a phone no chip is cut, leaves its line or covers another, and the
// page is no wider than the window.
func TestBrowserArabicCompareChips(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	q1 := "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب، وفقا للمعلومات والتحليل الاستخباري، فضلا عن رسم خارطة تحركات الإرهابيين في المناطق التي ما زالوا يتواجدون فيها"
	q2 := "هناك متابعة من قبل رئيس الوزراء مصطفى الكاظمي، وإشرافا مباشرا من جهاز مكافحة الارهاب على العمليات الامنية ضد بقايا عصابات داعش الارهابية"
	mark := func(owner int64, word, label string, attrs map[string]any) db.Span {
		start, end := spanAt(t, doc.Text, word, 0)
		sp, err := s.store.CreateSpan(t.Context(), doc, owner, s.user.ID, db.SpanInput{Start: start, End: end, Label: label, Attributes: attrs})
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
		u := addSiteMember(t, s, who.name, db.RoleAnnotator)
		first, second := mark(u.ID, q1, "QUOTE", nil), mark(u.ID, q2, "QUOTE", nil)
		spokesman, agency := mark(u.ID, "صباح النعمان", "PER", nil), mark(u.ID, "جهاز مكافحة الإرهاب", "ORG", nil)
		link(u.ID, first, map[string]db.Span{"PER": spokesman, "ORG": agency}[who.first])
		link(u.ID, second, spokesman)
	}
	mark(0, q1, "QUOTE", nil)
	mark(0, q2, "QUOTE", map[string]any{"speaker_in_text": false})
	qs, _ := spanAt(t, doc.Text, q1, 0)
	ws, _ := spanAt(t, doc.Text, q2, 0)
	rana := addSiteMember(t, s, "rana", db.RoleReviewer)
	if err := s.store.SetLanguage(t.Context(), rana, "ar"); err != nil {
		t.Fatal(err)
	}

	b := newBrowser(t, s)
	b.relogin(s.url, "rana")
	b.run(chromedp.EmulateViewport(1366, 768))
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review/compare", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("compare")))
	eval[bool](b, `document.fonts.ready.then(() => true)`)

	got := eval[string](b, fmt.Sprintf(`[...document.querySelectorAll('#p-2 .cmp-line')].map((l) =>
		l.querySelector('.cmp-name bdi').textContent + ': ' + [%d, %d].map((at) => {
			const a = l.querySelector('a.cmp-seg[data-start="' + at + '"]');
			if (!a) return '-';
			const chip = [...l.querySelectorAll('.cmp-chip')].find((c) => c.textContent === a.dataset.chip);
			return chip ? chip.textContent : 'no chip for ' + a.dataset.chip;
		}).join(' | ')).join('\n')`, qs, ws))
	name := func(n string) string { return "\u2068" + n + "\u2069" }
	gold := name("الذهبية")
	want := strings.Join([]string{
		"الطبقة الذهبية: QUOTE ← " + name("?") + " ≠ " + name("karim") + ": " + name("…النعمان") + "; " + name("layla") + ": " + name("…الإرهاب") +
			" | QUOTE ← " + name("ليس في النص") + " ≠ " + name("karim") + ", " + name("layla") + ": " + name("…النعمان"),
		"karim: QUOTE ← " + name("صباح النعمان") + " ≠ " + gold + ": " + name("?") + "; " + name("layla") + ": " + name("…الإرهاب") +
			" | QUOTE ← " + name("صباح النعمان") + " ≠ " + gold + ": " + name("ليس في النص"),
		"layla: QUOTE ← " + name("…مكافحة الإرهاب") + " ≠ " + gold + ": " + name("?") + "; " + name("karim") + ": " + name("…النعمان") +
			" | QUOTE ← " + name("صباح النعمان") + " ≠ " + gold + ": " + name("ليس في النص"),
	}, "\n")
	if got != want {
		t.Errorf("the quotations' chips in Arabic:\n%s\nwant\n%s", got, want)
	}

	// Each chip stands over its run's first letters once the page's
	// fonts are in: none is left at its line's far end by a fallback it
	// took while the page was first laid out.
	b.waitFor(`[...document.querySelectorAll('a.cmp-seg[data-chip]')].every((a) => {
	  const at = a.querySelector('.cmp-at');
	  const chip = [...a.closest('.cmp-textbox').querySelectorAll('.cmp-chip')].find((c) => c.style.positionAnchor === at.style.anchorName);
	  const ar = at.getBoundingClientRect(), cr = chip.getBoundingClientRect();
	  return chip.classList.contains('from-right') ? Math.abs(cr.right - ar.right) < 4 : Math.abs(cr.left - ar.left) < 4;
	})`)

	for _, vp := range []struct {
		name string
		w, h int64
	}{{"laptop", 1366, 768}, {"phone", 390, 844}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h))
		// In karim's chip, QUOTE stands at the left, the arrow after it,
		// then the speaker; gold's Arabic name after "≠", then layla.
		if got := eval[string](b, fmt.Sprintf(`(() => { const a = document.querySelector('#p-2 .cmp-line:nth-of-type(2) a.cmp-seg[data-start="%d"]');
			const chip = [...a.closest('.cmp-textbox').querySelectorAll('.cmp-chip')].find((c) => c.textContent === a.dataset.chip);
			chip.scrollIntoView({block: 'center'});
			const node = chip.firstChild, at = (w) => { const r = document.createRange(), i = node.data.indexOf(w); r.setStart(node, i); r.setEnd(node, i + w.length); return r.getBoundingClientRect(); };
			return [at('QUOTE').right < at('←').left, at('←').right < at('النعمان').left, at('≠').right < at('الذهبية').left, at('الذهبية').right < at('layla').left].join(' '); })()`, qs)); got != "true true true true" {
			t.Errorf("%s: karim's chip is out of order (QUOTE, ←, النعمان, ≠, الذهبية, layla from left to right): %s", vp.name, got)
		}
		if got := eval[[]string](b, `(() => { const bad = [], cut = [];
			for (const box of document.querySelectorAll('#p-2 .cmp-textbox')) {
				const b = box.getBoundingClientRect(), chips = [...box.querySelectorAll('.cmp-chip')].map((c) => [c, c.getBoundingClientRect()]);
				for (const [c, r] of chips) {
					if (r.left < b.left - 1 || r.right > b.right + 1 || r.left < 0 || r.right > innerWidth) bad.push('out: ' + c.textContent);
					// A chip wider than its whole line is cut at its end (app.css),
					// its run's title naming everything; a chip cut with room to
					// spare is not.
					if (c.scrollWidth > c.clientWidth + 1 && r.width < b.width - 1) bad.push('cut: ' + c.textContent);
					if (c.scrollWidth > c.clientWidth + 1) cut.push(c.textContent);
				}
				for (let i = 0; i < chips.length; i++) for (let j = i + 1; j < chips.length; j++) {
					const [p, q] = [chips[i][1], chips[j][1]];
					if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) bad.push('overlap: ' + chips[i][0].textContent + ' / ' + chips[j][0].textContent);
				}
			}
			if (innerWidth > 1000 && cut.length) bad.push('cut on a laptop: ' + cut.join(' / '));
			return bad; })()`); len(got) > 0 {
			t.Errorf("%s: chips cut off or overlapping:\n%s", vp.name, strings.Join(got, "\n"))
		}
		if got := eval[string](b, `document.documentElement.scrollWidth + ' ' + innerWidth`); got != fmt.Sprintf("%d %d", vp.w, vp.w) {
			t.Errorf("%s: the page scrolls sideways (page width, window): %s", vp.name, got)
		}
		for _, line := range []string{"karim", "layla"} {
			eval[bool](b, fmt.Sprintf(`(document.querySelector('#p-2 .cmp-line:nth-of-type(%d) a.cmp-seg[data-start="%d"]').scrollIntoView({block: 'center'}), true)`, map[string]int{"karim": 2, "layla": 3}[line], qs))
			b.viewShot("arabic-compare-speakers-" + vp.name + "-" + line)
		}
	}
}
