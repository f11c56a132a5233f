package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewRefusedInPlace: a decision on a row another reviewer
// changed meanwhile (the span taken out of gold behind the page's back)
// is refused in that row, with the reason; the page stays, its buttons
// usable again.
func TestBrowserReviewRefusedInPlace(t *testing.T) {
	words := []string{"صباح النعمان", "كردستان"}
	s, b, doc := reviewOf(t, "PER", words, "")
	asked := b.answerDialogs("from gold?", func() bool { return true })
	eval[bool](b, `window.stayed = true`)
	b.run(chromedp.KeyEvent("j"), chromedp.KeyEvent("a"))
	b.waitFor(`document.activeElement.closest('tr')?.querySelector('.in-gold') != null`)
	gold, err := s.store.LayerOf(t.Context(), doc, 0)
	if err != nil || len(gold.Spans) != 1 {
		t.Fatalf("gold after a: %+v, %v", gold.Spans, err)
	}
	if _, err := s.store.DeleteSpan(t.Context(), doc, 0, gold.Spans[0].CreatedBy, gold.Spans[0].ID); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.KeyEvent("x"))
	b.waitFor(`document.querySelector('#candidates tbody tr .error') !== null`)
	got := eval[string](b, `window.stayed + ' | ' + document.querySelector('#candidates tbody tr .error').textContent + ' | ' +
		[...document.activeElement.closest('tr').querySelectorAll('button')].map((b) => b.textContent + (b.disabled ? ' disabled' : '')).join(', ')`)
	if !strings.HasPrefix(got, "true | Could not save the decision: ") || !strings.HasSuffix(got, "not found. Gold or the annotators' layers changed since this page was loaded: reload it to see them as they stand. | Remove") {
		t.Errorf("a decision on a span gone from gold: %q", got)
	}
	if n := eval[int](b, `document.querySelectorAll('#form-notice').length`); n != 0 {
		t.Errorf("the notice of the accept stays beside the refusal (%d notices)", n)
	}
	if asked.Load() != 1 {
		t.Errorf("Remove asked %d times, want once", asked.Load())
	}
	b.screenshot("review-refused-in-place")
}

// TestBrowserReviewLayout: on a laptop screen the counts and Mark gold
// reviewed stay in sight above a long table, and the row j moves to is
// clear of that bar and of the bottom edge; at 200% zoom each row is a
// block, its text as wide as the table, and nothing scrolls sideways.
func TestBrowserReviewLayout(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	layla, err := s.store.CreateUser(t.Context(), "layla", "", false)
	if err != nil {
		t.Fatal(err)
	}
	// Forty words of the article, each a span of layla's.
	rs := []rune(doc.Text)
	for start, n := 0, 0; n < 40 && start < len(rs); {
		end := start
		for end < len(rs) && rs[end] != ' ' && rs[end] != '\n' {
			end++
		}
		if end-start > 3 {
			if _, err := s.store.CreateSpan(t.Context(), doc, layla.ID, layla.ID, db.SpanInput{Start: start, End: end, Label: "LOC"}); err != nil {
				t.Fatal(err)
			}
			n++
		}
		start = end + 1
	}
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	inSight := `((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })`
	eval[int](b, `scrollTo(0, document.body.scrollHeight), 0`)
	if !eval[bool](b, inSight+`(document.querySelector('#mark-reviewed button')) && `+inSight+`(document.getElementById('undecided-count'))`) {
		t.Error("at the bottom of a long review Mark gold reviewed or the count is out of sight")
	}
	eval[int](b, `scrollTo(0, 0), 0`)
	for range 25 {
		b.run(chromedp.KeyEvent("j"))
	}
	clear := eval[string](b, `(() => { const row = document.activeElement.getBoundingClientRect(); const bar = document.getElementById('review-bar').getBoundingClientRect();
		return (row.top >= bar.bottom) + ' ' + (row.bottom <= innerHeight - 16); })()`)
	if clear != "true true" {
		t.Errorf("the row j moved to is under the bar or on the bottom edge (clear of the bar, of the edge: %s)", clear)
	}
	b.viewShot("review-laptop-scrolled")
	b.screenshot("review-laptop")

	b.run(chromedp.EmulateViewport(683, 384))
	got := eval[string](b, `(() => { const row = document.querySelector('#candidates tbody tr'); const text = row.querySelector('.span-text').getBoundingClientRect().width;
		const table = document.getElementById('candidates').getBoundingClientRect().width;
		return (text > 0.9 * table) + ' ' + (document.documentElement.scrollWidth <= innerWidth + 1); })()`)
	if got != "true true" {
		t.Errorf("at 200%% zoom (a row's text as wide as the table, nothing sideways): %s", got)
	}
	eval[int](b, `document.activeElement.scrollIntoView({block: 'center'}), 0`)
	b.viewShot("review-zoomed")
}

// TestBrowserReviewOpensThePlaceInGold: a row's place links to the gold
// layer there: a span gold holds opens in the editor, one it lacks is
// selected, so a label's key puts it in gold by hand; a place that is not
// in the text is said, not ignored.
func TestBrowserReviewOpensThePlaceInGold(t *testing.T) {
	words := []string{"صباح النعمان", "كردستان"}
	s, b, doc := reviewOf(t, "PER", words, "")
	b.run(chromedp.KeyEvent("j"), chromedp.KeyEvent("a"))
	b.waitFor(`document.activeElement.closest('tr')?.querySelector('.in-gold') != null`)
	b.run(chromedp.Click(chromedp.CSS(`#candidates tbody tr:first-child td.where a`)))
	b.waitFor(`!document.getElementById('span-editor').hidden`)
	if got := eval[string](b, `location.search + ' | ' + document.getElementById('editor-title').textContent + ' ' + document.getElementById('editor-text').textContent`); !strings.HasPrefix(got, "?layer=gold&at=") || !strings.HasSuffix(got, " | PER span "+words[0]) {
		t.Errorf("the place of a span gold holds opened %q", got)
	}
	b.run(chromedp.NavigateBack())
	b.run(chromedp.WaitVisible(chromedp.ID("candidates")))
	b.run(chromedp.Click(chromedp.CSS(`#candidates tbody tr:last-child td.where a`)))
	b.waitFor(`String(getSelection()) === ` + fmt.Sprintf("%q", words[1]))
	b.run(chromedp.KeyEvent("3")) // LOC, by hand, where layla said PER
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		gold, err := s.store.LayerOf(t.Context(), doc, 0)
		if err == nil && len(gold.Spans) == 2 && gold.Spans[1].Text == words[1] && gold.Spans[1].Label == "LOC" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the label's key on the selected place left gold with %+v (%v)", gold.Spans, err)
		}
	}
	b.waitFor(`document.getElementById('save-status').textContent.startsWith('Saved')`) // else leaving asks first
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d?layer=gold&at=5-999999", s.url, doc.ID)))
	b.waitFor(`!document.getElementById('save-error').hidden`)
	if got := eval[string](b, `document.getElementById('save-error-text').textContent`); !strings.Contains(got, "names the place 5-999999, which is not one of this text") {
		t.Errorf("a place outside the text says %q", got)
	}
}
