package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserReviewPageFormsBusyRetried: while another program holds
// the database's write lock, the review page's forms that load a page
// (the bulk accept, Mark gold reviewed, Reopen gold) are answered 503;
// each says it is retrying, in its button and the status line, changes
// nothing while the lock is held, and once the lock is gone is sent
// again and lands once, the page it leads to showing its notice.
func TestBrowserReviewPageFormsBusyRetried(t *testing.T) {
	s, path, b, start, end := busyReview(t)
	asked := b.answerDialogs("", func() bool { return true })
	goldStatus := func() string {
		l, err := s.store.LayerOf(t.Context(), s.docs["seed"], 0)
		if err != nil {
			t.Fatal(err)
		}
		return l.Status
	}
	steps := []struct {
		name, form, busy, notice string
		check                    func() string
		want                     string
	}{
		{"the bulk accept", "accept-agreed", "Accepting 1 span…", "Accepted 1 span into gold.", func() string { return s.goldSpans(t) }, fmt.Sprintf("%d-%d PER", start, end)},
		{"Mark gold reviewed", "mark-reviewed", "Marking gold reviewed…", "Gold is marked reviewed. No other document of this project is ready for review. Back to the project", goldStatus, "reviewed"},
		{"Reopen gold", "reopen-gold", "Reopening gold…", "Gold is open for changes again.", goldStatus, "in_progress"},
	}
	for _, st := range steps {
		before := st.check()
		release := holdWriteLock(t, path)
		b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#%s button`, st.form))))
		retrying := st.busy + " (the server is busy, retrying)"
		b.waitFor(fmt.Sprintf(`%s === 'true|true|%s' && document.getElementById('review-key-status').textContent === '%[2]s'`, formState(st.form), retrying))
		if got := st.check(); got != before {
			t.Fatalf("%s changed gold to %q while the database is held", st.name, got)
		}
		release()
		b.waitFor(fmt.Sprintf(`document.getElementById('form-notice')?.textContent === %q`, st.notice))
		b.waitLoaded()
		if got := st.check(); got != st.want {
			t.Errorf("after %s sent again: %q, want %q", st.name, got, st.want)
		}
	}
	// The bulk accept and Mark gold reviewed asked; Reopen does not.
	if asked.Load() != 2 {
		t.Errorf("%d questions asked, want 2", asked.Load())
	}
}

// TestBrowserMarkReviewedWarnsAtFragment: Mark gold reviewed, sent by
// the page's script, with a span undecided opens the warning at its
// fragment, pressed again there loads the page again (not a scroll of
// the page already shown), and "Mark gold reviewed anyway" finishes it.
func TestBrowserMarkReviewedWarnsAtFragment(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	s.annotatorMarks(t, "layla", doc, "PER", "صباح النعمان")
	b := newBrowser(t, s)
	asked := b.answerDialogs("", func() bool { return true })
	review := fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)
	b.run(chromedp.Navigate(review), chromedp.WaitVisible(chromedp.ID("candidates")))
	warned := `document.readyState === 'complete' && location.search === '?warn=undecided' && location.hash === '#gold-undecided-warning' && document.getElementById('gold-undecided-warning') !== null`
	for i := range 2 {
		eval[bool](b, `window.before = true`)
		b.run(chromedp.Click(chromedp.CSS(`#mark-reviewed button`)))
		b.waitFor(warned + ` && window.before === undefined`)
		if i == 0 && asked.Load() != 0 {
			t.Errorf("Mark gold reviewed asked %d questions before warning", asked.Load())
		}
	}
	b.run(chromedp.Click(chromedp.ID("mark-reviewed-anyway")))
	b.waitFor(`document.getElementById('form-notice')?.textContent.startsWith('Gold is marked reviewed.')`)
	l, err := s.store.LayerOf(t.Context(), doc, 0)
	if err != nil || l.Status != "reviewed" || asked.Load() != 1 {
		t.Errorf("after Mark gold reviewed anyway gold is %q (%v), asked %d times, want reviewed after 1", l.Status, err, asked.Load())
	}
}
