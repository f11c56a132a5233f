package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewLabelsDifferGroup: layla gave بغداد GPE and karim LOC.
// The review shows the two as one choice ("Labels differ": the text
// once, then each label with who marked it and its own buttons). With
// GPE accepted, LOC's button says "Accept LOC instead of GPE" and puts
// LOC in GPE's place in one step (no question: GPE has no links); its
// notice's undo brings GPE back, and a, pressed on LOC's row, replaces it
// again: gold never gives the words both labels by a click meant to
// choose one, and holds exactly one span there, LOC. The group is drawn
// on a laptop's screen and on a phone's without anything clipped, and
// passes axe.
func TestBrowserReviewLabelsDifferGroup(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "بغداد", 0)
	for name, label := range map[string]string{"layla": "GPE", "karim": "LOC"} {
		u, err := s.store.CreateUser(t.Context(), name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	gold := func() string {
		l, err := s.store.LayerOf(t.Context(), doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, sp := range l.Spans {
			out = append(out, fmt.Sprintf("%s %d–%d", sp.Label, sp.Start, sp.End))
		}
		return strings.Join(out, ", ")
	}
	gpeRow, locRow := fmt.Sprintf("c-%d-%d-GPE", start, end), fmt.Sprintf("c-%d-%d-LOC", start, end)
	b := newBrowser(t, s)
	asked := b.answerDialogs("", func() bool { return false })
	b.run(chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))

	// One group: the text once, over both labels' rows.
	group := fmt.Sprintf(`(() => {
	  const gpe = document.getElementById(%q), loc = document.getElementById(%q);
	  const text = gpe.querySelector('td.span-text');
	  return [gpe.nextElementSibling === loc, text && text.rowSpan, loc.querySelector('td.span-text') === null,
	    document.querySelectorAll('#candidates mark').length, gpe.querySelector('.group-head').textContent,
	    [...gpe.cells].map((c) => c.className).join(' '), [...loc.cells].map((c) => c.className).join(' ')].join(' | ');
	})()`, gpeRow, locRow)
	if got := eval[string](b, group); got != "true | 2 | true | 1 | Labels differ: 2 labels, choose one | span-text label where holders gold | label holders gold" {
		t.Errorf("the group reads %q", got)
	}
	b.screenshot("review-labels-differ-1366")

	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept GPE “بغداد” into gold"]`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold.'`)
	if got := gold(); got != fmt.Sprintf("GPE %d–%d", start, end) {
		t.Fatalf("gold holds %q after GPE's Accept", got)
	}
	// LOC's accept says what it does before it is pressed, to the eye and
	// to a screen reader.
	instead := fmt.Sprintf(`document.getElementById(%q).querySelector('form[action$="/review/accept"] button')`, locRow)
	if got := eval[string](b, instead+`.textContent + ' | ' + `+instead+`.getAttribute('aria-label')`); got != "Accept LOC instead of GPE | Accept LOC instead of GPE for “بغداد” in gold" {
		t.Errorf("LOC's accept reads %q", got)
	}
	b.run(chromedp.Click(chromedp.CSS(`button[aria-label="Accept LOC instead of GPE for “بغداد” in gold"]`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold, in place of the label gold gave these words.'`)
	if got := gold(); got != fmt.Sprintf("LOC %d–%d", start, end) {
		t.Fatalf("gold holds %q after LOC's Accept instead, want LOC alone", got)
	}
	if got := eval[string](b, group); !strings.HasPrefix(got, "true | 2 | true | 1 | Labels differ: 2 labels, one in gold") {
		t.Errorf("after the accept the group reads %q", got)
	}
	b.screenshot("review-labels-differ-replaced-1366")
	// The group, its notice and its undo pass axe's WCAG A and AA rules,
	// on a laptop, a phone and at 200% zoom.
	b.checkAxe(axeScript(t), "the review's labels-differ group", append([]axeViewport{axeLaptop}, axeSmall...)...)

	// The notice's undo puts GPE back in LOC's place.
	b.run(chromedp.Click(chromedp.CSS(`#undo-replace button`)))
	b.waitFor(fmt.Sprintf(`document.getElementById(%q)?.querySelector('.in-gold') !== null`, gpeRow))
	if got := gold(); got != fmt.Sprintf("GPE %d–%d", start, end) {
		t.Fatalf("gold holds %q after the undo, want GPE back alone", got)
	}

	// And LOC again, by keyboard: a on LOC's row.
	eval[bool](b, fmt.Sprintf(`(document.getElementById(%q).focus(), true)`, locRow))
	b.run(chromedp.KeyEvent("a"))
	b.waitFor(fmt.Sprintf(`document.getElementById(%q)?.querySelector('.in-gold') !== null`, locRow))
	if got := gold(); got != fmt.Sprintf("LOC %d–%d", start, end) || asked.Load() != 0 {
		t.Errorf("after a on LOC's row gold holds %q (asked %d times), want LOC alone", got, asked.Load())
	}

	// On a phone the group is a block of rows, its text whole and nothing
	// wider than the screen.
	b.run(chromedp.EmulateViewport(390, 844))
	clipped := fmt.Sprintf(`(() => {
	  const out = [];
	  if (document.documentElement.scrollWidth > innerWidth) out.push('page ' + document.documentElement.scrollWidth);
	  for (const el of document.querySelectorAll('#%s, #%s, #%[1]s *, #%[2]s *')) {
	    const r = el.getBoundingClientRect();
	    if (r.width > 0 && (r.left < 0 || r.right > innerWidth)) out.push(el.tagName + '.' + el.className + ' ' + r.left + '–' + r.right);
	  }
	  return out.join('; ');
	})()`, gpeRow, locRow)
	if got := eval[string](b, clipped); got != "" {
		t.Errorf("on a phone the group overflows: %s", got)
	}
	b.screenshot("review-labels-differ-390")
}
