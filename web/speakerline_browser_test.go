package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserSpeakerLineFits: beside the text on a laptop's screen, a
// quotation's "Speaker:" and "Cue:" lines, which stay at the top of the
// editor's body, keep what they hold to their one line: a long speaker
// is cut with an ellipsis at the end of its name (its tooltip whole),
// and "Remove speaker" and "Remove cue" show whole on one line, never
// half under the line's box.
func TestBrowserSpeakerLineFits(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	const name = "الناطق باسم الجهاز صباح النعمان"
	quote := quoteSaidBy(t, s, doc, name)
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("q-speaker-remove")))
	type line struct {
		Text     string
		Problems []string
		Title    string
	}
	lines := eval[[]line](b, `new Promise((done) => requestAnimationFrame(() => done(
	  [...document.querySelectorAll('#quote-tools > p')].map((p) => {
	    // The line's box as shown: the editor's body clips what is wider.
	    const line = p.getBoundingClientRect(), body = document.getElementById('editor-body').getBoundingClientRect();
	    const box = {top: line.top, bottom: line.bottom, left: Math.max(line.left, body.left), right: Math.min(line.right, body.right)};
	    const one = document.getElementById('q-pick-speaker').getBoundingClientRect().height;
	    const problems = [];
	    for (const el of p.querySelectorAll('*')) {
	      const r = el.getBoundingClientRect();
	      if (r.height === 0) continue;
	      const what = el.id || el.tagName.toLowerCase();
	      if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5) {
	        problems.push(what + ' reaches out of its line');
	      }
	      if (el.tagName === 'BUTTON' && r.height > one + 0.5) problems.push(what + ' wraps onto two lines');
	      const cs = getComputedStyle(el);
	      if (el.scrollWidth > el.clientWidth + 1 && cs.overflowX !== 'visible' && cs.textOverflow !== 'ellipsis') problems.push(what + ' is cut without an ellipsis');
	    }
	    const holder = p.querySelector('span[id]');
	    return {text: p.textContent, problems, title: holder.title};
	  }))))`)
	b.viewShot("speaker-line")
	if len(lines) != 2 {
		t.Fatalf("%d speaker and cue lines, want 2", len(lines))
	}
	for _, l := range lines {
		for _, p := range l.Problems {
			t.Errorf("%q: %s", l.Text, p)
		}
	}
	if !strings.Contains(lines[0].Title, name) {
		t.Errorf("the speaker line's tooltip reads %q, want the speaker whole, %q", lines[0].Title, name)
	}
	if got := eval[string](b, `['q-speaker-remove', 'q-cue-remove'].map((id) => document.getElementById(id).getAttribute('aria-label')).join('|')`); got != "Remove speaker|Remove cue" {
		t.Errorf("the Remove buttons are named %q, want Remove speaker|Remove cue", got)
	}
	// The name is cut at its end, as it reads: its first word shows.
	if !eval[bool](b, `(() => {
	  const bdi = document.querySelector('#q-speaker bdi');
	  const r = document.createRange();
	  r.setStart(bdi.firstChild, 0);
	  r.setEnd(bdi.firstChild, 'الناطق'.length);
	  const word = r.getBoundingClientRect(), box = bdi.getBoundingClientRect();
	  return word.left >= box.left - 0.5 && word.right <= box.right + 0.5;
	})()`) {
		t.Error("the speaker's first word is cut off")
	}
}

// quoteSaidBy stores, in the site user's layer of doc (the seed
// article), its first quotation linked to the speaker marked on the
// words speaker and to the cue وقال, and returns the quotation.
func quoteSaidBy(t *testing.T, s *site, doc db.Document, speaker string) db.Span {
	t.Helper()
	add := func(word, label string) db.Span {
		t.Helper()
		a, e := spanAt(t, doc.Text, word, 0)
		sp, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: a, End: e, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	who := add(speaker, "PER")
	cue := add("وقال", "CUE")
	quote := add("الجهاز مستمر في عملياته", "QUOTE")
	for _, r := range []db.RelationInput{{Type: "speaker", From: quote.ID, To: who.ID}, {Type: "cue", From: quote.ID, To: cue.ID}} {
		if _, err := s.store.CreateRelation(t.Context(), doc, s.user.ID, s.user.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	return quote
}
