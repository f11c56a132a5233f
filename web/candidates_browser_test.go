package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserSpeakerCandidatesReadApart: three ORG candidates with the
// same words are told apart by their place among them and their side of
// the quotation, in their names; the one linked is marked current.
func TestBrowserSpeakerCandidatesReadApart(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	orgs := make([]db.Span, 3)
	for i := range orgs {
		start, end := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", i)
		sp, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "ORG"})
		if err != nil {
			t.Fatal(err)
		}
		orgs[i] = sp
	}
	quote := s.addSpan(t, doc, "هناك متابعة من قبل رئيس الوزراء", "QUOTE")
	if !(orgs[1].End <= quote.Start && orgs[2].Start >= quote.End) {
		t.Fatalf("the demo text changed: ORG spans %+v around the quotation %+v", orgs, quote)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	name := func(sp db.Span) string {
		return eval[string](b, fmt.Sprintf(`document.querySelector('#q-speaker-choices button[data-span="%d"]').textContent`, sp.ID))
	}
	want := []string{
		"ORG جهاز مكافحة الإرهاب (place 1 of 3, before the quotation)",
		"ORG جهاز مكافحة الإرهاب (place 2 of 3, before the quotation)",
		"ORG جهاز مكافحة الإرهاب (place 3 of 3, after the quotation)",
	}
	for i, sp := range orgs {
		if got := name(sp); got != want[i] {
			t.Errorf("candidate %d is named %q, want %q", i, got, want[i])
		}
	}
	if n := eval[int](b, `document.querySelectorAll('#q-speaker-choices [aria-current]').length`); n != 0 {
		t.Errorf("%d candidates marked current before any speaker is linked", n)
	}

	eval[bool](b, fmt.Sprintf(`document.querySelector('#q-speaker-choices button[data-span="%d"]').click() || true`, orgs[1].ID))
	waitRelations(t, s, doc, 1)
	b.waitFor(fmt.Sprintf(`document.querySelector('#q-speaker-choices button[data-span="%d"]')?.getAttribute('aria-current') === 'true'`, orgs[1].ID))
	if got, w := name(orgs[1]), "ORG جهاز مكافحة الإرهاب (place 2 of 3, before the quotation; current speaker)"; got != w {
		t.Errorf("the linked candidate is named %q, want %q", got, w)
	}
	if n := eval[int](b, `document.querySelectorAll('#q-speaker-choices [aria-current]').length`); n != 1 {
		t.Errorf("%d candidates marked current, want the one linked", n)
	}
	b.screenshot("speaker-candidates-apart")
}
