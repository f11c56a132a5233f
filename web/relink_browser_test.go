package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// markSpans stores spans in the site user's layer of doc, by their words
// (the first use of each), and returns them in the order given.
func markSpans(t *testing.T, s *site, doc db.Document, labelled ...[2]string) []db.Span {
	t.Helper()
	var out []db.Span
	for _, l := range labelled {
		start, end := spanAt(t, doc.Text, l[0], 0)
		sp, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: l[1]})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sp)
	}
	return out
}

// notInTextJS is the QUOTE at code point %d's speaker_in_text as GET
// .../spans returns it, "unset" when it has none.
const notInTextJS = `(async (doc, start) => {
  const l = await (await fetch('/api/v1/documents/' + doc + '/spans', {headers: {Accept: 'application/json'}})).json();
  const q = l.spans.find((s) => s.label === 'QUOTE' && s.start === start);
  return q && q.attributes && 'speaker_in_text' in q.attributes ? String(q.attributes.speaker_in_text) : 'unset';
})(%d, %d)`

// TestBrowserRelinkSpeakerIsOneRequest: choosing another speaker for a
// quotation is one request, Ctrl+Z gives the old speaker back (in one
// request too) and Ctrl+Shift+Z the new one; a speaker for a quotation
// marked "speaker not in the text" takes the mark off in that one
// request, and Ctrl+Z gives it back.
func TestBrowserRelinkSpeakerIsOneRequest(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := t.Context()
	spans := markSpans(t, s, doc, [2]string{"الجهاز مستمر في عملياته", "QUOTE"}, [2]string{"صباح النعمان", "PER"},
		[2]string{"مصطفى الكاظمي", "PER"}, [2]string{"وجود خلية مشتركة", "QUOTE"})
	quote, naaman, kadhimi, marked := spans[0], spans[1], spans[2], spans[3]
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: naaman.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.UpdateSpan(ctx, doc, s.user.ID, s.user.ID, marked.ID, db.SpanPatch{Attributes: map[string]any{"speaker_in_text": false}}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	spansText := strings.Join(sorted([]string{
		fmt.Sprintf("QUOTE %d-%d", quote.Start, quote.End), fmt.Sprintf("PER %d-%d", naaman.Start, naaman.End),
		fmt.Sprintf("PER %d-%d", kadhimi.Start, kadhimi.End), fmt.Sprintf("QUOTE %d-%d", marked.Start, marked.End),
	}), ", ")
	speaker := func(q, per db.Span) string { return fmt.Sprintf("speaker QUOTE %d -> PER %d", q.Start, per.Start) }
	layer := func(rels ...string) string { return spansText + " | " + strings.Join(sorted(rels), ", ") }

	b.clickChar(quote.Start + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	waitText(t, b, "q-speaker", naaman.Text)
	s.writes.Store(0)
	b.run(chromedp.KeyEvent("s"))
	b.clickChar(kadhimi.Start + 3)
	waitText(t, b, "q-speaker", kadhimi.Text)
	b.waitPage(4)
	s.wantWrites(t, "relinking the speaker", 1)
	if got, want := eval[string](b, fmt.Sprintf(layerJS, doc.ID)), layer(speaker(quote, kadhimi)); got != want {
		t.Fatalf("after relinking the layer holds\n  %s\nwant\n  %s", got, want)
	}
	stepHistory(t, b, doc.ID, false, layer(speaker(quote, naaman)))
	s.wantWrites(t, "undoing the relink", 1)
	waitText(t, b, "q-speaker", naaman.Text)
	stepHistory(t, b, doc.ID, true, layer(speaker(quote, kadhimi)))
	s.wantWrites(t, "redoing the relink", 1)

	// The marked quotation: its speaker takes the mark off, in one request.
	b.run(chromedp.KeyEvent(kb.Escape))
	b.clickChar(marked.Start + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	waitText(t, b, "q-speaker", "none")
	b.run(chromedp.KeyEvent("s"))
	b.clickChar(naaman.Start + 3)
	waitText(t, b, "q-speaker", naaman.Text)
	b.waitPage(4)
	s.wantWrites(t, "a speaker for a quotation marked not in the text", 1)
	if got := eval[string](b, fmt.Sprintf(notInTextJS, doc.ID, marked.Start)); got != "unset" {
		t.Errorf("after linking its speaker the quotation's speaker_in_text is %s, want it gone", got)
	}
	if eval[bool](b, `document.getElementById('q-not-in-text').checked`) {
		t.Error(`"Speaker not in the text" is still ticked beside the speaker`)
	}
	stepHistory(t, b, doc.ID, false, layer(speaker(quote, kadhimi)))
	s.wantWrites(t, "undoing the speaker that took the mark off", 1)
	if got := eval[string](b, fmt.Sprintf(notInTextJS, doc.ID, marked.Start)); got != "false" {
		t.Errorf("after Ctrl+Z the quotation's speaker_in_text is %s, want false again", got)
	}
	waitText(t, b, "q-speaker", "none")
	if !eval[bool](b, `document.getElementById('q-not-in-text').checked`) {
		t.Error(`after Ctrl+Z "Speaker not in the text" is not ticked again`)
	}
	if problem := eval[string](b, fmt.Sprintf(pageVersusAPIJS, doc.ID)); problem != "" {
		t.Errorf("after Ctrl+Z the page differs from the server: %s", problem)
	}
	// The comparison sees a mark the page does not show.
	untick := `document.getElementById('q-not-in-text').checked = %t`
	eval[bool](b, fmt.Sprintf(untick, false))
	if problem := eval[string](b, fmt.Sprintf(pageVersusAPIJS, doc.ID)); !strings.Contains(problem, `"Speaker not in the text" not ticked`) {
		t.Errorf("with the box unticked by hand the comparison says %q, want it to name the box", problem)
	}
	eval[bool](b, fmt.Sprintf(untick, true))
	stepHistory(t, b, doc.ID, true, layer(speaker(quote, kadhimi), speaker(marked, naaman)))
	s.wantWrites(t, "redoing the speaker that took the mark off", 1)
	if got := eval[string](b, fmt.Sprintf(notInTextJS, doc.ID, marked.Start)); got != "unset" {
		t.Errorf("after Ctrl+Shift+Z the quotation's speaker_in_text is %s, want it gone", got)
	}
	waitText(t, b, "q-speaker", naaman.Text)
}

// pageVersusAPIJS compares what the page shows with what GET .../spans
// returns: the spans listed and highlighted; each quotation of the
// Quotations panel (grouped as the store groups them: QUOTE spans joined
// by segment links, the first in the text the head) with a speaker, marked
// "speaker not in the text" (speaker_in_text false on its head) or with
// neither and so listed as lacking one; and, while a quotation is open,
// its "Speaker not in the text" box. "" when they agree.
const pageVersusAPIJS = `(async (doc) => {
  const l = await (await fetch('/api/v1/documents/' + doc + '/spans', {headers: {Accept: 'application/json'}})).json();
  const stored = l.spans.map((s) => s.label + ' ' + s.start + '-' + s.end).sort().join(', ');
  const listed = [...document.querySelectorAll('#span-list .span-item')].map((b) => b.dataset.label + ' ' + b.dataset.start + '-' + b.dataset.end).sort().join(', ');
  const drawn = new Set([...document.querySelectorAll('#doc .seg')].flatMap((r) => r.dataset.spans.split(' ').map(Number)));
  const ids = l.spans.map((s) => s.id);
  const problems = [];
  if (listed !== stored) problems.push('span list ' + listed + ' but stored ' + stored);
  if (ids.length !== drawn.size || ids.some((id) => !drawn.has(id))) problems.push('highlighted ' + [...drawn] + ' but stored ' + ids);

  const quotes = new Map(l.spans.filter((s) => s.label === 'QUOTE').map((s) => [s.id, s]));
  const root = new Map([...quotes.keys()].map((id) => [id, id]));
  const find = (id) => (root.get(id) === id ? id : find(root.get(id)));
  for (const r of l.relations) {
    if (r.type !== 'segment' || !quotes.has(r.from) || !quotes.has(r.to)) continue;
    let a = find(r.from), b = find(r.to);
    if (quotes.get(b).start < quotes.get(a).start) [a, b] = [b, a];
    if (a !== b) root.set(b, a);
  }
  const spoken = new Set(l.relations.filter((r) => r.type === 'speaker' && quotes.has(r.from)).map((r) => find(r.from)));
  const marked = (head) => (quotes.get(head).attributes || {}).speaker_in_text === false;
  const state = (head) => (spoken.has(head) ? 'speaker' : marked(head) ? 'not in the text' : 'none, unattributed');
  const storedQuotes = [...new Set([...quotes.keys()].map(find))].map((h) => h + ' ' + state(h)).sort().join(', ');
  const shownQuotes = [...document.querySelectorAll('#quote-list li')].map((li) => {
    const who = li.querySelector('.q-speaker');
    const what = who.querySelector('.missing') ? 'none' : who.querySelector('bdi') ? 'speaker' : who.textContent.includes('not in the text') ? 'not in the text' : '?';
    return li.querySelector('.quote-item').dataset.span + ' ' + what + (li.hasAttribute('data-unattributed') ? ', unattributed' : '');
  }).sort().join(', ');
  if (shownQuotes !== storedQuotes) problems.push('quotations shown ' + shownQuotes + ' but stored ' + storedQuotes);

  if (!document.getElementById('quote-tools').hidden) {
    const runs = [...document.querySelectorAll('#doc .seg.selected')].map((r) => r.dataset.spans.split(' ').map(Number));
    const open = [...quotes.keys()].filter((id) => runs.length > 0 && runs.every((spans) => spans.includes(id)));
    const ticked = document.getElementById('q-not-in-text').checked;
    if (open.length === 1 && ticked !== marked(find(open[0]))) problems.push('"Speaker not in the text" ' + (ticked ? 'ticked' : 'not ticked') + ' for quotation ' + find(open[0]) + ' but stored ' + (ticked ? 'unmarked' : 'marked'));
    if (open.length !== 1) problems.push('the quotation tools are open on ' + open.length + ' quotations');
  }
  return problems.join('; ');
})(%d)`

// TestBrowserPartlyFailedUndoShowsWhatIsStored: undoing the delete of a
// speaker re-creates the span, then its link. When the link's request
// fails, the page shows exactly what the server holds (the speaker back,
// unlinked) and says what was and was not undone; Undo then brings the
// link back, and redo and undo walk the history without a refusal.
func TestBrowserPartlyFailedUndoShowsWhatIsStored(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	spans := markSpans(t, s, doc, [2]string{"الجهاز مستمر في عملياته", "QUOTE"}, [2]string{"صباح النعمان", "PER"})
	quote, per := spans[0], spans[1]
	if _, err := s.store.CreateRelation(t.Context(), doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	quoteText, perText := fmt.Sprintf("QUOTE %d-%d", quote.Start, quote.End), fmt.Sprintf("PER %d-%d", per.Start, per.End)
	link := fmt.Sprintf("speaker QUOTE %d -> PER %d", quote.Start, per.Start)
	full := strings.Join(sorted([]string{quoteText, perText}), ", ") + " | " + link
	unlinked := strings.Join(sorted([]string{quoteText, perText}), ", ") + " | "
	deleted := quoteText + " | "

	b.clickChar(per.Start + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("refer-tools")), chromedp.KeyEvent(kb.Delete))
	waitRelations(t, s, doc, 0)
	b.waitPage(1)

	// The span's request goes through; its link's fails.
	s.passWrites.Store(1)
	s.failWrites.Store(true)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	msg := waitError(t, b)
	s.failWrites.Store(false)
	for _, want := range []string{"Could not undo all of the step", "database unavailable", "Undone and saved: the PER span", "Not undone: the speaker link", "the page now shows what is stored"} {
		if !strings.Contains(strings.ToLower(msg), strings.ToLower(want)) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	b.waitPage(2)
	if problem := eval[string](b, fmt.Sprintf(pageVersusAPIJS, doc.ID)); problem != "" {
		t.Errorf("after the undo that failed part way the page differs from the server: %s", problem)
	}
	if got := eval[string](b, fmt.Sprintf(layerJS, doc.ID)); got != unlinked {
		t.Errorf("the server holds\n  %s\nwant the span back, unlinked:\n  %s", got, unlinked)
	}

	// The history holds the two parts apart: Undo links again, Redo
	// unlinks, then deletes the span; and back.
	b.run(chromedp.Click(chromedp.ID("save-error-close")))
	stepHistory(t, b, doc.ID, false, full)
	stepHistory(t, b, doc.ID, true, unlinked)
	stepHistory(t, b, doc.ID, true, deleted)
	stepHistory(t, b, doc.ID, false, unlinked)
	stepHistory(t, b, doc.ID, false, full)
	if problem := eval[string](b, fmt.Sprintf(pageVersusAPIJS, doc.ID)); problem != "" {
		t.Errorf("after walking the history the page differs from the server: %s", problem)
	}
}

// waitError waits for the page's error message and returns it.
func waitError(t *testing.T, b *browser) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		msg := eval[string](b, `(() => { const e = document.getElementById('save-error'); return e.hidden ? '' : e.textContent; })()`)
		if msg != "" {
			return msg
		}
		if time.Now().After(deadline) {
			t.Fatalf("no error shown (status %q)", eval[string](b, `document.getElementById('save-status').textContent`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserFailedUndoOfASpeakerForAMarkedQuotation: a speaker linked to
// a quotation marked "speaker not in the text" took the mark off; its
// undo takes the link away and puts the mark back in one request. When
// that request fails, nothing changed: the page says so and shows the
// quotation as stored (linked, unmarked), and Undo, tried again, and
// Redo go on from there, one request each.
func TestBrowserFailedUndoOfASpeakerForAMarkedQuotation(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	spans := markSpans(t, s, doc, [2]string{"الجهاز مستمر في عملياته", "QUOTE"}, [2]string{"صباح النعمان", "PER"})
	quote, per := spans[0], spans[1]
	if _, err := s.store.UpdateSpan(t.Context(), doc, s.user.ID, s.user.ID, quote.ID, db.SpanPatch{Attributes: map[string]any{"speaker_in_text": false}}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	both := strings.Join(sorted([]string{fmt.Sprintf("QUOTE %d-%d", quote.Start, quote.End), fmt.Sprintf("PER %d-%d", per.Start, per.End)}), ", ")
	linked := both + " | " + fmt.Sprintf("speaker QUOTE %d -> PER %d", quote.Start, per.Start)
	mark := func(want string) {
		t.Helper()
		if got := eval[string](b, fmt.Sprintf(notInTextJS, doc.ID, quote.Start)); got != want {
			t.Errorf("the quotation's speaker_in_text is %s, want %s", got, want)
		}
	}

	b.clickChar(quote.Start + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")), chromedp.KeyEvent("s"))
	b.clickChar(per.Start + 3)
	waitText(t, b, "q-speaker", per.Text)
	b.waitPage(2)
	mark("unset")
	s.writes.Store(0)

	s.failWrites.Store(true)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	msg := waitError(t, b)
	s.failWrites.Store(false)
	s.wantWrites(t, "the undo that failed", 1)
	for _, want := range []string{"Could not undo", "database unavailable", "Nothing was changed"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	if got := eval[string](b, fmt.Sprintf(layerJS, doc.ID)); got != linked {
		t.Errorf("after the failed undo the server holds\n  %s\nwant the speaker still linked:\n  %s", got, linked)
	}
	mark("unset")
	if problem := eval[string](b, fmt.Sprintf(pageVersusAPIJS, doc.ID)); problem != "" {
		t.Errorf("after the undo that failed the page differs from the server: %s", problem)
	}

	b.run(chromedp.Click(chromedp.ID("save-error-close")))
	stepHistory(t, b, doc.ID, false, both+" | ")
	s.wantWrites(t, "the undo tried again", 1)
	mark("false")
	stepHistory(t, b, doc.ID, true, linked)
	s.wantWrites(t, "the redo", 1)
	mark("unset")
	stepHistory(t, b, doc.ID, false, both+" | ")
	s.wantWrites(t, "the second undo", 1)
	mark("false")
}
