package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// layerJS describes the layer as GET /api/v1/documents/:d/spans returns
// it, by offsets rather than ids (ids change when undo re-creates): spans
// as "LABEL start-end", relations as "type FROM start -> TO start", each
// list sorted, so a test compares it with a fixed string.
const layerJS = `(async (doc) => {
  const res = await fetch('/api/v1/documents/' + doc + '/spans', {headers: {Accept: 'application/json'}});
  if (!res.ok) return 'GET spans: ' + res.status;
  const l = await res.json();
  const byID = new Map(l.spans.map((s) => [s.id, s]));
  const at = (id) => { const s = byID.get(id); return s ? s.label + ' ' + s.start : 'missing ' + id; };
  const spans = l.spans.map((s) => s.label + ' ' + s.start + '-' + s.end).sort();
  const rels = l.relations.map((r) => r.type + ' ' + at(r.from) + ' -> ' + at(r.to)).sort();
  return spans.join(', ') + ' | ' + rels.join(', ');
})(%d)`

// stepHistory presses a Ctrl+Z (or Ctrl+Shift+Z) and waits until the
// layer reads want and the page has settled; an error shown fails at once.
func stepHistory(t *testing.T, b *browser, docID int64, redo bool, want string) {
	t.Helper()
	if redo {
		b.run(chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift)))
	} else {
		b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	}
	what := map[bool]string{false: "undo", true: "redo"}[redo]
	deadline := time.Now().Add(10 * time.Second)
	for {
		if msg := eval[string](b, `(() => { const e = document.getElementById('save-error'); return e.hidden ? '' : e.textContent; })()`); msg != "" {
			t.Fatalf("%s failed: %s", what, msg)
		}
		got := eval[string](b, fmt.Sprintf(layerJS, docID))
		settled := eval[string](b, `document.getElementById('save-status').textContent`) == map[bool]string{false: "Undone and saved", true: "Redone and saved"}[redo]
		if got == want && settled {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s the layer holds\n  %s\nwant\n  %s", what, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserUndoDeletedQuoteWithSpeaker deletes a quotation linked to its
// speaker, then undoes the delete and both links: undoing the delete
// re-creates the link under a new id, and the older link's entry must
// follow it, or its undo deletes a relation that no longer exists (404).
// Redoing everything must give back the layer as it was.
func TestBrowserUndoDeletedQuoteWithSpeaker(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	ps, pe := spanAt(t, doc.Text, "صباح النعمان", 0)
	q1s, q1e := spanAt(t, doc.Text, "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب", 0)
	q2s, q2e := spanAt(t, doc.Text, "هناك متابعة من قبل رئيس الوزراء مصطفى الكاظمي", 0)
	for i, sp := range []struct {
		start, end int
		key        string
	}{{ps, pe, "1"}, {q1s, q1e, "6"}, {q2s, q2e, "6"}} {
		b.dragSelect(sp.start, sp.end)
		b.run(chromedp.KeyEvent(sp.key))
		s.waitSpans(t, doc, s.user.ID, i+1)
		b.waitPage(i + 1)
	}
	// Each quotation gets the PER as its speaker: open it, S, click the PER.
	for i, qs := range []int{q1s, q2s} {
		b.run(chromedp.KeyEvent(kb.Escape))
		b.clickChar(qs + 3)
		b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")), chromedp.KeyEvent("s"))
		b.clickChar(ps + 3)
		waitText(t, b, "q-speaker", "صباح النعمان")
		waitRelations(t, s, doc, i+1)
		b.waitPage(3)
	}

	per := fmt.Sprintf("PER %d-%d", ps, pe)
	quote1 := fmt.Sprintf("QUOTE %d-%d", q1s, q1e)
	quote2 := fmt.Sprintf("QUOTE %d-%d", q2s, q2e)
	link1 := fmt.Sprintf("speaker QUOTE %d -> PER %d", q1s, ps)
	link2 := fmt.Sprintf("speaker QUOTE %d -> PER %d", q2s, ps)
	layer := func(spans []string, rels ...string) string {
		return strings.Join(sorted(spans), ", ") + " | " + strings.Join(sorted(rels), ", ")
	}
	full := layer([]string{per, quote1, quote2}, link1, link2)
	if got := eval[string](b, fmt.Sprintf(layerJS, doc.ID)); got != full {
		t.Fatalf("before the delete the layer holds\n  %s\nwant\n  %s", got, full)
	}

	// Delete quotation 1: its speaker link goes with it.
	b.run(chromedp.KeyEvent(kb.Escape))
	b.clickChar(q1s + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")), chromedp.KeyEvent(kb.Delete))
	waitRelations(t, s, doc, 1)
	b.waitPage(2)
	deleted := layer([]string{per, quote2}, link2)

	stepHistory(t, b, doc.ID, false, full)                                        // the quotation and its link come back
	stepHistory(t, b, doc.ID, false, layer([]string{per, quote1, quote2}, link1)) // quotation 2's link goes
	stepHistory(t, b, doc.ID, false, layer([]string{per, quote1, quote2}))        // quotation 1's link goes
	stepHistory(t, b, doc.ID, true, layer([]string{per, quote1, quote2}, link1))
	stepHistory(t, b, doc.ID, true, full)
	stepHistory(t, b, doc.ID, true, deleted)
	if eval[bool](b, `document.getElementById('redo').disabled`) != true {
		t.Error("after redoing everything the Redo button is still enabled")
	}
}

func sorted(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}
