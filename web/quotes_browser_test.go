package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserQuoteWithSpeakerAndCue annotates the demo article's first
// direct quotation, its speaker and its cue with the mouse and the
// keyboard, links them, and checks the quotes export holds exactly that.
func TestBrowserQuoteWithSpeakerAndCue(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))

	quote := "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب، وفقا للمعلومات والتحليل الاستخباري، فضلا عن رسم خارطة تحركات الإرهابيين في المناطق التي ما زالوا يتواجدون فيها"
	qs, qe := spanAt(t, doc.Text, quote, 0)
	ss, se := spanAt(t, doc.Text, "الناطق باسم الجهاز صباح النعمان", 0)
	cs, ce := spanAt(t, doc.Text, "وقال", 0)

	// The quotation by mouse and the label button; the speaker by mouse
	// and the PER hotkey.
	b.dragSelect(qs, qe)
	b.run(chromedp.Click(chromedp.CSS(`button.label-btn[data-label="QUOTE"]`)))
	b.waitPage(1)
	b.dragSelect(ss, se)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(2)
	// The cue by keyboard: caret before وقال, extend by a word, CUE's key.
	b.run(chromedp.KeyEvent(kb.Escape), chromedp.Focus(chromedp.ID("doc")))
	eval[bool](b, fmt.Sprintf(`import(document.querySelector('script[type=module]').src.replace('annotate.js', 'offsets.js')).then((m) => {
	  const p = m.codePointToBoundary(document.getElementById('doc'), %d);
	  getSelection().collapse(p.node, p.offset);
	  return true;
	})`, cs))
	b.run(chromedp.KeyEvent(kb.ArrowLeft, chromedp.KeyModifiers(ctrl, shift)))
	b.run(chromedp.KeyEvent("7"))
	b.waitPage(3)

	// Open the quotation, press S, click the speaker in the text.
	b.clickChar(qs + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	b.run(chromedp.KeyEvent("s"))
	b.clickChar(ss + 12)
	waitText(t, b, "q-speaker", "الناطق باسم الجهاز صباح النعمان")
	// The cue from the list, with the keyboard only.
	b.run(chromedp.Focus(chromedp.CSS(`#quote-tools details:nth-of-type(2) summary`)), chromedp.KeyEvent(kb.Enter))
	b.run(chromedp.Focus(chromedp.CSS(`#q-cue-choices button`)), chromedp.KeyEvent(kb.Enter))
	waitText(t, b, "q-cue", "وقال")
	// The link is drawn in the text: the speaker and the cue are marked.
	for _, at := range []int{ss, cs} {
		if !eval[bool](b, fmt.Sprintf(`[...document.querySelectorAll('#doc .seg.linked')].some((r) => Number(r.dataset.start) <= %d && %d < Number(r.dataset.start) + [...r.textContent].length)`, at, at)) {
			t.Errorf("the run at %d is not marked as linked to the open quotation", at)
		}
	}
	b.screenshot("quote-speaker-cue")

	// The side panel pairs the quotation with its speaker.
	panel := eval[string](b, `document.getElementById('quote-list').textContent`)
	if !strings.Contains(panel, "صباح النعمان") || !strings.Contains(panel, "وقال") {
		t.Errorf("quotation panel does not pair the quote with its speaker and cue: %q", panel)
	}

	var buf bytes.Buffer
	w, err := codec.NewWriter(&buf, "quotes")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.ExportLayers(context.Background(), s.proj.ID, s.user.Name, w.Write); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("quotes export has %d lines, want 1:\n%s", len(lines), buf.String())
	}
	var got struct {
		Quote struct {
			Segments []struct{ Start, End int }
		}
		Speaker *struct {
			Start, End int
			Label      string
		}
		SpeakerInText bool `json:"speaker_in_text"`
		Cue           *struct {
			Start, End int
			Label      string
		}
	}
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatal(err)
	}
	ok := len(got.Quote.Segments) == 1 && got.Quote.Segments[0].Start == qs && got.Quote.Segments[0].End == qe &&
		got.Speaker != nil && got.Speaker.Start == ss && got.Speaker.End == se && got.Speaker.Label == "PER" && got.SpeakerInText &&
		got.Cue != nil && got.Cue.Start == cs && got.Cue.End == ce && got.Cue.Label == "CUE"
	if !ok {
		t.Errorf("export %s\nwant quote %d..%d, PER speaker %d..%d, CUE %d..%d", lines[0], qs, qe, ss, se, cs, ce)
	}

	// Undo takes back the cue link, redo makes it again.
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	waitRelations(t, s, doc, 1)
	b.run(chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift)))
	waitRelations(t, s, doc, 2)
	// Deleting the speaker deletes its link; undo brings back both.
	b.run(chromedp.KeyEvent(kb.Escape))
	b.clickChar(ss + 12)
	b.run(chromedp.WaitVisible(chromedp.ID("refer-tools")), chromedp.KeyEvent(kb.Delete))
	waitRelations(t, s, doc, 1)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	rels := waitRelations(t, s, doc, 2)
	l, err := s.store.LayerOf(context.Background(), doc, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels {
		if r.Type != "speaker" {
			continue
		}
		for _, sp := range l.Spans {
			if sp.ID == r.To && (sp.Start != ss || sp.End != se || sp.Label != "PER") {
				t.Errorf("after undoing the delete the speaker link points at %+v", sp)
			}
		}
	}
}

// waitRelations waits until the user's layer holds n relations.
func waitRelations(t *testing.T, s *site, doc db.Document, n int) []db.Relation {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		l, err := s.store.LayerOf(context.Background(), doc, s.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Relations) == n {
			return l.Relations
		}
		if time.Now().After(deadline) {
			t.Fatalf("want %d relations, have %+v", n, l.Relations)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitText waits until the element with id contains want.
func waitText(t *testing.T, b *browser, id, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := eval[string](b, fmt.Sprintf(`document.getElementById(%q).textContent`, id))
		if strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("#%s shows %q, want %q (status: %s)", id, got, want, eval[string](b, `document.getElementById('save-status').textContent + ' / ' + document.getElementById('save-error').textContent`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserSuggestions loads the suggester's proposals on the demo
// article: they are drawn over the text without entering the layer,
// a rejected one stays rejected after a reload, one is accepted, then all.
func TestBrowserSuggestions(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	load := func() int {
		b.run(chromedp.Click(chromedp.ID("sug-load")))
		deadline := time.Now().Add(10 * time.Second)
		for {
			if n := eval[int](b, `document.querySelectorAll('#sug-list li').length`); n > 0 || time.Now().After(deadline) {
				return n
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	n := load()
	if n < 8 {
		t.Fatalf("%d suggestions on the demo article, want at least its 8 direct quotations", n)
	}
	if hl := eval[int](b, `['quote', 'speaker', 'cue', 'name'].reduce((n, k) => n + CSS.highlights.get('suggestion-' + k).size, 0)`); hl < n {
		t.Errorf("%d suggested ranges highlighted for %d suggestions", hl, n)
	}
	if len(s.waitSpans(t, doc, s.user.ID, 0)) != 0 {
		t.Fatal("suggesting changed the layer")
	}
	b.screenshot("suggestions")

	// Reject the first; it is stored and stays rejected after a reload.
	first := eval[string](b, `document.querySelector('#sug-list li').textContent`)
	b.run(chromedp.Click(chromedp.CSS(`#sug-list li:first-child .sug-actions button:last-child`)))
	for deadline := time.Now().Add(10 * time.Second); eval[int](b, `document.querySelectorAll('#sug-list li').length`) != n-1; {
		if time.Now().After(deadline) {
			t.Fatalf("rejecting one left %d suggestions, want %d", eval[int](b, `document.querySelectorAll('#sug-list li').length`), n-1)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r, err := s.store.Rejections(context.Background(), doc, s.user.ID); err != nil || len(r) == 0 {
		t.Errorf("the rejection is not stored in the layer: %v, %v", r, err)
	}
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	if again := load(); again != n-1 || strings.Contains(eval[string](b, `document.getElementById('sug-list').textContent`), first) {
		t.Errorf("after rejecting one and reloading: %d suggestions (want %d)", again, n-1)
	}
	if restore := eval[string](b, `(() => { const r = document.getElementById('sug-restore'); return r.hidden ? '' : r.textContent; })()`); !strings.Contains(restore, "rejected suggestion") {
		t.Errorf("no button to show the rejected suggestions again (%q)", restore)
	}
	// Accept one quotation with its speaker and cue.
	b.run(chromedp.Click(chromedp.CSS(`#sug-list li:first-child .sug-actions button:first-child`)))
	deadline := time.Now().Add(10 * time.Second)
	// The quotation shows before the suggestions are reloaded: wait for
	// "Saved", which comes after both, or the list read below is stale.
	for eval[int](b, `document.querySelectorAll('#quote-list .quote-item').length`) != 1 ||
		eval[string](b, `document.getElementById('save-status').textContent`) != "Saved" {
		if time.Now().After(deadline) {
			t.Fatal("accepting a suggestion did not add a quotation")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Accept all the rest: the list empties, every proposed quotation is
	// stored, and (but for the rejected one) arrives with its speaker.
	quotes := eval[int](b, `[...document.querySelectorAll('#sug-list li')].filter((li) => li.textContent.startsWith('Quote:')).length`)
	b.run(chromedp.Click(chromedp.ID("sug-accept-all")))
	for eval[int](b, `document.querySelectorAll('#sug-list li').length`) != 0 {
		if time.Now().After(deadline.Add(10 * time.Second)) {
			t.Fatalf("accept all left %d suggestions", eval[int](b, `document.querySelectorAll('#sug-list li').length`))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got := eval[int](b, `document.querySelectorAll('#quote-list .quote-item').length`); got != quotes+1 {
		t.Errorf("%d quotations stored, want the %d accepted at once and the one before", got, quotes)
	}
	b.waitPage(eval[int](b, `document.querySelectorAll('#span-list .span-item').length`))
	if missing := eval[int](b, `document.querySelectorAll('#quote-list .missing').length`); missing > 2 {
		t.Errorf("%d accepted quotations have no speaker", missing)
	}
	b.screenshot("suggestions-accepted")
}

// TestBrowserSpeakerByProjectRule: in a project whose people are PERS
// (as ANERCorp's are), a manager's rule lets speaker join QUOTE to PERS,
// and the quotation tools offer and accept a PERS speaker.
func TestBrowserSpeakerByProjectRule(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := t.Context()
	labels := append(s.proj.Labels, db.Label{Name: "PERS", Color: "#6e56cf", Hotkey: "8"})
	if err := s.store.SetLabels(ctx, s.proj.ID, s.user, labels); err != nil {
		t.Fatal(err)
	}
	rules := []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PERS"}}, {Name: "cue", From: []string{"QUOTE"}, To: []string{"CUE"}}}
	if err := s.store.SetRelationTypes(ctx, s.proj.ID, s.user, rules); err != nil {
		t.Fatal(err)
	}
	qs, qe := spanAt(t, doc.Text, "الجهاز مستمر", 0)
	ps, pe := spanAt(t, doc.Text, "صباح النعمان", 0)
	for _, sp := range []db.SpanInput{{Start: qs, End: qe, Label: "QUOTE"}, {Start: ps, End: pe, Label: "PERS"}} {
		if _, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, sp); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(qs + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	if got := eval[string](b, `document.getElementById('q-speaker-choices').textContent`); !strings.Contains(got, "PERS") || !strings.Contains(got, "صباح النعمان") {
		t.Errorf("speaker choices %q, want the PERS span", got)
	}
	b.run(chromedp.KeyEvent("s"))
	if got := eval[string](b, `document.getElementById('save-status').textContent`); !strings.Contains(got, "a PERS span") {
		t.Errorf("status while picking %q, want it to ask for a PERS span", got)
	}
	b.clickChar(ps + 2)
	waitText(t, b, "q-speaker", "صباح النعمان")
	layer, err := s.store.LayerOf(ctx, doc, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(layer.Relations) != 1 || layer.Relations[0].Type != "speaker" {
		t.Errorf("relations %+v, want one speaker", layer.Relations)
	}
}
