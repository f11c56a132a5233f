package web_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserReviewAcceptOnWordsGoldLabelledAsks: two annotators gave
// one name two labels; with one of them in gold, Accept on the other
// asks first, since gold would then give the same words both labels
// (changing the label is removing the first). Cancel leaves gold as it
// was; OK puts the second label there too.
func TestBrowserReviewAcceptOnWordsGoldLabelledAsks(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	start, end := spanAt(t, doc.Text, "الجهاز", 0)
	for name, label := range map[string]string{"layla": "ORG", "karim": "LOC"} {
		u, err := s.store.CreateUser(t.Context(), name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.store.CreateSpan(t.Context(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	goldLabels := func() string {
		l, err := s.store.LayerOf(t.Context(), doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		var out string
		for _, sp := range l.Spans {
			out += sp.Label + " "
		}
		return out
	}
	b := newBrowser(t, s)
	answer := false
	asked := b.answerDialogs("gold", func() bool { return answer })
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)),
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)), chromedp.WaitVisible(chromedp.ID("candidates")))
	org := fmt.Sprintf(`button[aria-label="Accept ORG “الجهاز” into gold"]`)
	loc := fmt.Sprintf(`button[aria-label="Accept LOC “الجهاز” into gold"]`)
	b.run(chromedp.Click(chromedp.CSS(org)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold.'`)
	if asked.Load() != 0 || goldLabels() != "ORG " {
		t.Fatalf("the first label: asked %d times, gold holds %q", asked.Load(), goldLabels())
	}
	b.waitFor(fmt.Sprintf(`!!document.querySelector(%q)`, loc))
	b.run(chromedp.Click(chromedp.CSS(loc)))
	for deadline := time.Now().Add(10 * time.Second); asked.Load() == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
	}
	// A request after the click: the decision, had it been sent, is
	// stored before this is answered (one writer, in order).
	eval[bool](b, `fetch(location.href).then(() => true)`)
	if asked.Load() != 1 || goldLabels() != "ORG " {
		t.Fatalf("the second label, cancelled: asked %d times, gold holds %q", asked.Load(), goldLabels())
	}
	answer = true
	b.run(chromedp.Click(chromedp.CSS(loc)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'Accepted into gold.' && document.getElementById('form-notice').closest('tr').id.endsWith('-LOC')`)
	if asked.Load() != 2 || goldLabels() != "ORG LOC " {
		t.Errorf("the second label, confirmed: asked %d times, gold holds %q", asked.Load(), goldLabels())
	}
}
