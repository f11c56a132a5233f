package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// linkedQuote has layla mark the seed's first quotation, its speaker and
// its cue, and link the three, and returns the quotation's row id on
// the review page.
func linkedQuote(t *testing.T, s *site, doc db.Document) string {
	t.Helper()
	ctx := context.Background()
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	mark := func(word, label string) db.Span {
		start, end := spanAt(t, doc.Text, word, 0)
		sp, err := s.store.CreateSpan(ctx, doc, layla.ID, layla.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	const quote = "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب"
	q := mark(quote, "QUOTE")
	for typ, to := range map[string]db.Span{"speaker": mark("صباح النعمان", "PER"), "cue": mark("وقال", "CUE")} {
		if _, err := s.store.CreateRelation(ctx, doc, layla.ID, layla.ID, db.RelationInput{Type: typ, From: q.ID, To: to.ID}); err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprintf("c-%d-%d-QUOTE", q.Start, q.End)
}

// TestBrowserArabicReviewLinksReadInOrder is an Arabic reviewer reading
// what an annotator linked a quotation to, under its row's "Marked by":
// right to left, layla, then the type speaker beside the speaker's name,
// then the type cue beside the cue's word. Left bare, the Latin types
// made one left-to-right run with the name between them, which read
// "cue" first, beside the speaker's name.
func TestBrowserArabicReviewLinksReadInOrder(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	row := linkedQuote(t, s, doc)
	rana := addSiteMember(t, s, "rana", db.RoleReviewer)
	if err := s.store.SetLanguage(context.Background(), rana, "ar"); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.relogin(s.url, "rana")
	b.openPage(fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID))
	// Where each word of the line is drawn: the left edge of its first
	// place in the item's text.
	lefts := eval[map[string]float64](b, fmt.Sprintf(`(() => {
	  const li = document.querySelector('#%s ul.links li');
	  const out = {};
	  const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
	  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
	    for (const w of ['layla', 'speaker', 'صباح', 'cue', 'وقال']) {
	      const i = n.data.indexOf(w);
	      if (i < 0 || w in out) continue;
	      const r = document.createRange();
	      r.setStart(n, i);
	      r.setEnd(n, i + w.length);
	      out[w] = r.getBoundingClientRect().left;
	    }
	  }
	  return out;
	})()`, row))
	order := []string{"layla", "speaker", "صباح", "cue", "وقال"}
	for i, w := range order {
		if _, ok := lefts[w]; !ok {
			t.Fatalf("the links of layla's quotation do not show %q: %v", w, lefts)
		}
		if i > 0 && lefts[order[i-1]] <= lefts[w] {
			t.Errorf("right to left, %q is not read before %q (left edges %v)", order[i-1], w, lefts)
		}
	}
	b.screenshot("arabic-review-links")
}

// TestBrowserReviewOffersNoLinksGoldHolds is a reviewer accepting a
// quotation with layla's links: its row then no longer offers "Add
// layla's links", which would copy nothing, until gold loses one of
// those links again.
func TestBrowserReviewOffersNoLinksGoldHolds(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	row := linkedQuote(t, s, doc)
	b := newBrowser(t, s)
	review := fmt.Sprintf("%s/documents/%d/review", s.url, doc.ID)
	b.openPage(review)
	offers := fmt.Sprintf(`[...document.querySelectorAll('#%s .gold button')].map((b) => b.textContent.trim()).join('|')`, row)
	if got := eval[string](b, offers); got != "Accept|With layla's links|Reject" {
		t.Fatalf("before any decision the quotation's row offers %q", got)
	}
	b.run(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#%s .gold form:nth-of-type(2) button`, row))))
	b.waitFor(`document.getElementById('form-notice') != null`)
	gold := s.waitSpans(t, doc, 0, 3)
	if got := eval[string](b, offers); got != "Remove" {
		t.Errorf("with the quotation and its links in gold, its row offers %q, want Remove alone", got)
	}
	b.openPage(review)
	if got := eval[string](b, offers); got != "Remove" {
		t.Errorf("reloaded, with the quotation and its links in gold, its row offers %q, want Remove alone", got)
	}

	// Gold loses the cue's link: layla's links bring something again.
	layer, err := s.store.LayerOf(context.Background(), doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range layer.Relations {
		if rel.Type == "cue" {
			if err := s.store.DeleteRelation(context.Background(), doc, 0, s.user.ID, rel.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	b.openPage(review)
	if got := eval[string](b, offers); got != "Remove|Add layla's links" {
		t.Errorf("with gold lacking the cue's link, the quotation's row offers %q (gold: %v)", got, gold)
	}
}
