package web_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// layerWritePage is a document's page whose requests are counted: the
// page's fetch is wrapped to log each request's method, address and
// answer's status.
type layerWritePage struct {
	*browser
	t    *testing.T
	text string
}

// fetchLogJS wraps the page's fetch to log every request it sends.
const fetchLogJS = `(() => {
  window.fetchLog = [];
  const send = window.fetch;
  window.fetch = async (url, init) => {
    const res = await send(url, init);
    window.fetchLog.push({ method: (init && init.method) || 'GET', url: String(url), status: res.status });
    return res;
  };
  return true;
})()`

// layerURL is the address of a layer's spans (not of one span's).
var layerURL = regexp.MustCompile(`/api/v1/documents/\d+/spans(\?|$)`)

type logged struct {
	Method, URL string
	Status      int
}

// layerReads returns the page's reads of the layer (GET .../spans) since
// the log was last emptied, and empties it.
func (p layerWritePage) layerReads() []logged {
	p.t.Helper()
	all := eval[[]logged](p.browser, `(() => { const l = window.fetchLog; window.fetchLog = []; return l; })()`)
	return slices.DeleteFunc(all, func(l logged) bool {
		return l.Method != "GET" || !layerURL.MatchString(l.URL)
	})
}

// label selects word and presses key, and waits for the page to say the
// span of label is saved and to show it in the text and the list.
func (p layerWritePage) label(word, key, label string) {
	p.t.Helper()
	start, end := spanAt(p.t, p.text, word, 0)
	p.dragSelect(start, end)
	p.run(chromedp.KeyEvent(key))
	p.waitFor(fmt.Sprintf(`document.getElementById('save-status').textContent.startsWith('Saved %s')
	  && (() => { const item = document.querySelector('#span-list .span-item[data-start="%d"][data-end="%d"]');
	    return !!item && !!document.querySelector('#doc .seg[data-spans~="' + item.dataset.span + '"]'); })()`, label, start, end))
}

// waitLayerHeld waits until the annotation page has read its layer,
// as it does once idle after opening (annotate.js).
func waitLayerHeld(b *browser) {
	b.t.Helper()
	b.waitFor(`performance.getEntriesByName('annotate-layer-held').length > 0`)
}

// heldIsStored checks that the layer the page holds is the layer GET
// answers now, whole and in order, and that asked with its tag the
// server answers 304 Not Modified: the page's copy is what is stored.
func (p layerWritePage) heldIsStored(step string) {
	p.t.Helper()
	got := eval[struct {
		Held, Stored string
		Status       int
	}](p.browser, `(async () => {
	  const doc = document.getElementById('doc');
	  const url = '/api/v1/documents/' + doc.dataset.doc + '/spans' + (doc.dataset.layer ? '?layer=' + encodeURIComponent(doc.dataset.layer) : '');
	  const api = await import(new URL('./api.js', document.querySelector('script[src$="/annotate.js"]').src));
	  const held = JSON.stringify(await api.request('GET', url));
	  const status = window.fetchLog[window.fetchLog.length - 1].status;
	  const stored = JSON.stringify(await (await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } })).json());
	  window.fetchLog = [];
	  return { held, stored, status };
	})()`)
	if got.Held != got.Stored {
		p.t.Errorf("%s: the page holds the layer\n%s\nbut the server stores\n%s", step, got.Held, got.Stored)
	}
	if got.Status != 304 {
		p.t.Errorf("%s: asked with the tag it holds the server answered %d, want 304 Not Modified", step, got.Status)
	}
}

// listedIDs are the ids of the spans the page's list shows, in its order.
func (p layerWritePage) listedIDs() []int64 {
	return eval[[]int64](p.browser, `[...document.querySelectorAll('#span-list .span-item[data-span]')].map((e) => Number(e.dataset.span))`)
}

// storedIDs are the ids of the spans of the user's layer, in the store's
// order.
func storedIDs(t *testing.T, s *site, doc db.Document) []int64 {
	t.Helper()
	l, err := s.store.LayerOf(t.Context(), doc, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, sp := range l.Spans {
		ids = append(ids, sp.ID)
	}
	return ids
}

func newLayerWritePage(t *testing.T) (layerWritePage, *site, db.Document, db.Span) {
	text := "قال الوزير أحمد إن «الاقتصاد ينمو» في الرياض."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "one", Text: text, Meta: json.RawMessage(`{}`)})
	doc := s.docs["one"]
	mark := func(word, label string) db.Span {
		start, end := spanAt(t, text, word, 0)
		sp, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	per := mark("أحمد", "PER")
	quote := mark("الاقتصاد ينمو", "QUOTE")
	if _, err := s.store.CreateRelation(t.Context(), doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	waitLayerHeld(b)
	eval[bool](b, fetchLogJS)
	p := layerWritePage{browser: b, t: t, text: text}
	// The page read the layer while idle after opening: even its first
	// save reads none.
	p.label("الوزير", "2", "ORG")
	if reads := p.layerReads(); len(reads) != 0 {
		t.Fatalf("the first save's redraw read the layer %v, want no read: the page read it when idle", reads)
	}
	return p, s, doc, quote
}

// TestBrowserSaveAppliesItsOwnWrite: a page holding the layer as it was
// before its save takes the save's answer (its tags before and after)
// for the layer's, with no read of the spans: labelling a word reads
// nothing; deleting a quotation with its speaker, and undoing that, read
// it only to be told 304 Not Modified. After each, the layer the page
// holds is the one stored, whole and in order, and the page shows it.
func TestBrowserSaveAppliesItsOwnWrite(t *testing.T) {
	p, s, doc, quote := newLayerWritePage(t)

	p.label("الرياض", "3", "LOC")
	if reads := p.layerReads(); len(reads) != 0 {
		t.Errorf("labelling a word with the layer held read it %v, want no read", reads)
	}
	p.heldIsStored("label a word")
	if got, want := p.listedIDs(), storedIDs(t, s, doc); !slices.Equal(got, want) {
		t.Errorf("after labelling a word the list shows spans %v, want %v as stored", got, want)
	}

	start, _ := spanAt(t, p.text, "الاقتصاد ينمو", 0)
	p.clickChar(start + 2)
	p.waitFor(`!document.getElementById('span-editor').hidden && document.getElementById('editor-title').textContent === 'QUOTE span'`)
	p.layerReads()
	p.run(chromedp.KeyEvent(kb.Delete))
	p.waitFor(fmt.Sprintf(`document.getElementById('save-status').textContent.startsWith('Deleted QUOTE')
	  && !document.querySelector('#span-list .span-item[data-span="%d"]')`, quote.ID))
	for _, r := range p.layerReads() {
		if r.Status != 304 {
			t.Errorf("deleting a quotation with the layer held read it whole: %v", r)
		}
	}
	p.heldIsStored("delete a quotation with its speaker")

	p.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	p.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'
	  && document.querySelectorAll('#span-list .span-item[data-label="QUOTE"]').length === 1`)
	for _, r := range p.layerReads() {
		if r.Status != 304 {
			t.Errorf("undoing the delete with the layer held read it whole: %v", r)
		}
	}
	p.heldIsStored("undo the delete")
	if l := s.waitSpans(t, doc, s.user.ID, 4); len(l) != 4 {
		t.Fatalf("%d spans stored after the undo, want 4", len(l))
	}
	stored, err := s.store.LayerOf(t.Context(), doc, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Relations) != 1 {
		t.Errorf("the undo left %d links, want the quotation's speaker back", len(stored.Relations))
	}
	if got, want := p.listedIDs(), storedIDs(t, s, doc); !slices.Equal(got, want) {
		t.Errorf("after the undo the list shows spans %v, want %v as stored", got, want)
	}
}

// TestBrowserSaveReadsWhatAnotherClientWrote: when another client (a
// tab, a script) wrote to the layer after the page last read it, the
// page's save is not the only change: its answer's tag before is not the
// page's, so the page reads the layer whole and shows the other
// client's span beside its own.
func TestBrowserSaveReadsWhatAnotherClientWrote(t *testing.T) {
	p, s, doc, _ := newLayerWritePage(t)
	start, end := spanAt(t, p.text, "قال", 0)
	cue, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "CUE"})
	if err != nil {
		t.Fatal(err)
	}
	p.label("الرياض", "3", "LOC")
	if reads := p.layerReads(); len(reads) != 1 || reads[0].Status != 200 {
		t.Errorf("a save after another client's read the layer %v, want once, answered 200", reads)
	}
	p.waitFor(fmt.Sprintf(`!!document.querySelector('#span-list .span-item[data-span="%d"]')
	  && !!document.querySelector('#doc .seg[data-spans~="%d"]')`, cue.ID, cue.ID))
	p.heldIsStored("a save after another client's")
	if got, want := p.listedIDs(), storedIDs(t, s, doc); !slices.Equal(got, want) {
		t.Errorf("the list shows spans %v, want %v as stored", got, want)
	}
}

// TestBrowserUndoOfManyAppliesItsOwnWrite: undoing "label every
// occurrence" deletes the spans it made in one request, whose answer
// the page applies to the layer it holds, taking the spans out without
// reading the layer.
func TestBrowserUndoOfManyAppliesItsOwnWrite(t *testing.T) {
	text := "زار أحمد الرياض ثم عاد إلى الرياض ومنها إلى الرياض."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "one", Text: text, Meta: json.RawMessage(`{}`)})
	doc := s.docs["one"]
	start, end := spanAt(t, text, "أحمد", 0)
	if _, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	waitLayerHeld(b)
	eval[bool](b, fetchLogJS)
	p := layerWritePage{browser: b, t: t, text: text}
	p.label("الرياض", "3", "LOC")
	first, _ := spanAt(t, text, "الرياض", 0)
	p.clickChar(first + 2)
	p.waitFor(`!document.getElementById('span-editor').hidden && document.getElementById('editor-title').textContent === 'LOC span'`)
	p.run(chromedp.WaitVisible(chromedp.ID("label-occurrences")), chromedp.KeyEvent("a"))
	p.waitFor(`document.querySelectorAll('#span-list .span-item[data-label="LOC"]').length === 3
	  && document.getElementById('save-status').textContent.startsWith('Labelled 2 more')`)
	p.heldIsStored("label every occurrence")
	p.layerReads()

	p.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	p.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'
	  && document.querySelectorAll('#span-list .span-item[data-label="LOC"]').length === 1`)
	for _, r := range p.layerReads() {
		if r.Status != 304 {
			t.Errorf("undoing label every occurrence with the layer held read it whole: %v", r)
		}
	}
	p.heldIsStored("undo label every occurrence")
	if got, want := p.listedIDs(), storedIDs(t, s, doc); !slices.Equal(got, want) || len(want) != 2 {
		t.Errorf("after the undo the list shows spans %v, want %v as stored (PER and one LOC)", got, want)
	}
}
