package web_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserUndoAcceptEverywhere: a reviewer accepts, from the
// Agreement page, what two annotators agree on in two documents; the
// notice offers Undo this accept, which asks, as the review page's does,
// then takes it back, leaving both golds empty again, and the page says
// what left gold.
func TestBrowserUndoAcceptEverywhere(t *testing.T) {
	s := newSite(t, twoAgreedDocs(t)...)
	ctx := t.Context()
	docs := agreeEverywhere(t, s)
	goldSpans := func() int {
		n := 0
		for _, doc := range docs {
			gold, err := s.store.LayerOf(ctx, doc, 0)
			if err != nil {
				t.Fatal(err)
			}
			n += len(gold.Spans)
		}
		return n
	}
	b := newBrowser(t, s)
	b.relogin(s.url, "rana")
	asked := b.answerDialogs("", func() bool { return true })
	page := fmt.Sprintf("/projects/%d/agreement", s.proj.ID)
	b.run(chromedp.Navigate(s.url+page), chromedp.WaitVisible(chromedp.ID("accept-agreed-everywhere")))
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	b.waitFor(`document.querySelector('#undo-accept-everywhere button') !== null &&
	  document.getElementById('form-notice').textContent === 'Accepted 2 spans into gold, in 2 documents.'`)
	b.waitLoaded()
	if n := goldSpans(); n != 2 {
		t.Fatalf("gold holds %d spans after the accept, want 2", n)
	}
	if asked.Load() != 1 {
		t.Errorf("%d questions asked before the accept, want 1", asked.Load())
	}
	b.screenshot("undo-accept-everywhere")
	b.run(chromedp.Click(chromedp.CSS(`#undo-accept-everywhere button`)))
	b.waitFor(`document.getElementById('form-notice')?.textContent === 'The accept is taken back: 2 spans left gold, in 2 documents.' &&
	  document.getElementById('undo-accept-everywhere') === null`)
	b.waitLoaded()
	if n := goldSpans(); n != 0 {
		t.Errorf("gold holds %d spans after the undo, want none", n)
	}
	if asked.Load() != 2 {
		t.Errorf("%d questions asked in all, want the accept's and the undo's", asked.Load())
	}

	// Accepted again, then the short document's gold relabelled: the
	// undo's answer names it in place, the page kept, and the focus
	// goes to what was done.
	b.run(chromedp.Click(chromedp.CSS(`#accept-agreed-everywhere button`)))
	// The new page's scripts, which send the undo in place, have run
	// once it is complete; a click before then posts the form itself.
	b.waitFor(`document.querySelector('#undo-accept-everywhere button') !== null && document.readyState === 'complete'`)
	gold, err := s.store.LayerOf(ctx, docs[1], 0)
	if err != nil {
		t.Fatal(err)
	}
	org := "ORG"
	if _, err := s.store.UpdateSpan(ctx, docs[1], 0, s.user.ID, gold.Spans[0].ID, db.SpanPatch{Label: &org}); err != nil {
		t.Fatal(err)
	}
	eval[bool](b, `window.before = true`)
	b.run(chromedp.Click(chromedp.CSS(`#undo-accept-everywhere button`)))
	b.waitFor(`document.querySelector('#undo-refused li') !== null`)
	got := eval[string](b, `[window.before, document.activeElement.id, document.getElementById('form-notice').textContent, document.querySelector('#undo-refused a').textContent].join('|')`)
	if want := "true|form-notice|The accept is taken back: 1 span left gold, in 1 document.|short"; got != want {
		t.Errorf("after an undo one document refused: %q, want %q", got, want)
	}
	if n := goldSpans(); n != 1 {
		t.Errorf("gold holds %d spans after the partial undo, want the short document's 1", n)
	}
}

// twoAgreedDocs are the seed article and a short text, in which
// agreeEverywhere has two annotators label the same name.
func twoAgreedDocs(t *testing.T) []codec.Doc {
	return []codec.Doc{seedDoc(t), {Line: 2, ExternalID: "short", Text: "قال أحمد إن الاقتصاد ينمو", Meta: json.RawMessage(`{}`)}}
}

// agreeEverywhere has layla and karim each label the same PER in both of
// twoAgreedDocs, held by s, and mark them done, and makes rana a
// reviewer; it returns the two documents.
func agreeEverywhere(t *testing.T, s *site) []db.Document {
	t.Helper()
	ctx := t.Context()
	docs := []db.Document{s.docs["seed"], s.docs["short"]}
	words := []string{"صباح النعمان", "أحمد"}
	for _, name := range []string{"layla", "karim"} {
		u, err := s.store.CreateUser(ctx, name, "", false)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range docs {
			start, end := spanAt(t, doc.Text, words[i], 0)
			if _, err := s.store.CreateSpan(ctx, doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.store.MarkDone(ctx, doc, u); err != nil {
				t.Fatal(err)
			}
		}
	}
	addSiteMember(t, s, "rana", db.RoleReviewer)
	return docs
}
