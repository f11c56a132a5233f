package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
)

// TestBrowserSpeakerRuleChangedMeanwhile: a manager lets speaker reach
// PERS only while the annotator has a quotation open whose tools offer
// the PER span by the rules the page was loaded with. The link to PER is
// refused, and the page says the rules changed (not "try again") and now
// offers the PERS span, whose link is stored. Then the manager removes
// CUE, which takes the cue rule with it: the annotator's next save
// redraws the bar without CUE and turns Pick cue off, saying both.
func TestBrowserSpeakerRuleChangedMeanwhile(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	withPERS := append(db.DefaultLabels(), db.Label{Name: "PERS", Color: "#6e56cf", Hotkey: "8"})
	s.setLabels(t, withPERS)
	quote := s.addSpan(t, doc, "الجهاز مستمر", "QUOTE")
	per := s.addSpan(t, doc, "صباح النعمان", "PER")
	pers := s.addSpan(t, doc, "مصطفى الكاظمي", "PERS")
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	if got := b.speakerChoices(); got != "PER صباح النعمان" {
		t.Fatalf("by the default rules the speaker choices are %q, want the PER span", got)
	}

	rules := db.DefaultRelationTypes()
	rules[0].To = []string{"PERS"}
	if err := s.store.SetRelationTypes(t.Context(), s.proj.ID, s.user, rules); err != nil {
		t.Fatal(err)
	}
	msg := b.messageAfter(fmt.Sprintf(`document.querySelector('#q-speaker-choices button[data-span="%d"]').click()`, per.ID))
	want := "Nothing was changed. The project's relation rules changed since this page was loaded: the quotation tools now follow them (speaker now joins QUOTE to PERS)."
	if !strings.HasPrefix(msg, "Could not link the speaker: ") || !strings.HasSuffix(msg, want) || strings.Contains(msg, "try again") {
		t.Errorf("a link the new rule refuses says %q, want it to end %q", msg, want)
	}
	b.waitFor(`document.getElementById('q-speaker-choices').textContent.includes('PERS')`)
	if got := b.speakerChoices(); got != "PERS مصطفى الكاظمي" {
		t.Errorf("after the refusal the speaker choices are %q, want the PERS span only", got)
	}
	b.screenshot("rules-followed")
	eval[bool](b, fmt.Sprintf(`document.querySelector('#q-speaker-choices button[data-span="%d"]').click() || true`, pers.ID))
	if rels := waitRelations(t, s, doc, 1); rels[0].Type != "speaker" || rels[0].From != quote.ID || rels[0].To != pers.ID {
		t.Errorf("stored %+v, want the quotation's speaker the PERS span", rels)
	}
	waitText(t, b, "q-speaker", "مصطفى الكاظمي")

	if eval[bool](b, `document.getElementById('q-pick-cue').disabled`) {
		t.Fatal("Pick cue is off while the project has a cue rule")
	}
	s.setLabels(t, slices.Delete(slices.Clone(withPERS), 6, 7)) // CUE goes, and the cue rule with it
	msg = b.messageAfter(`document.querySelector('#quote-tools input[name="q-type"][value="direct"]').click()`)
	if want := "(CUE is gone). The project's relation rules changed since this page was loaded: the quotation tools now follow them (cue is gone)."; !strings.HasSuffix(msg, want) {
		t.Errorf("the save after CUE's removal says %q, want it to end %q", msg, want)
	}
	if !eval[bool](b, `document.getElementById('q-pick-cue').disabled && !document.getElementById('q-pick-speaker').disabled`) {
		t.Error("with the cue rule gone, Pick cue is still on (or Pick speaker went off)")
	}
	if bar := b.labelBar(); strings.Contains(bar, "CUE") || !strings.HasSuffix(bar, "6 QUOTE, 8 PERS") {
		t.Errorf("after CUE's removal the bar offers %s", bar)
	}
	layer, err := s.store.LayerOf(t.Context(), doc, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range layer.Spans {
		if sp.ID == quote.ID && !strings.Contains(string(sp.Attributes), `"type":"direct"`) {
			t.Errorf("the quotation's attributes are %v, want type direct", sp.Attributes)
		}
	}
}

// TestBrowserUndoOfALinkTheRulesNoLongerAllow: a speaker linked and
// removed again, then a manager lets speaker reach ORG only; a save tells
// the page. Undoing the removal, which would link the PER speaker again,
// is refused once, naming the rule, and dropped from the history.
func TestBrowserUndoOfALinkTheRulesNoLongerAllow(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	quote := s.addSpan(t, doc, "الجهاز مستمر", "QUOTE")
	per := s.addSpan(t, doc, "صباح النعمان", "PER")
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.clickChar(quote.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	eval[bool](b, fmt.Sprintf(`document.querySelector('#q-speaker-choices button[data-span="%d"]').click() || true`, per.ID))
	waitRelations(t, s, doc, 1)
	waitText(t, b, "q-speaker", "صباح النعمان")
	eval[bool](b, `document.getElementById('q-speaker-remove').click() || true`)
	waitRelations(t, s, doc, 0)
	waitText(t, b, "q-speaker", "none")

	rules := db.DefaultRelationTypes()
	rules[0].To = []string{"ORG"}
	if err := s.store.SetRelationTypes(t.Context(), s.proj.ID, s.user, rules); err != nil {
		t.Fatal(err)
	}
	msg := b.messageAfter(`document.querySelector('#quote-tools input[name="q-type"][value="direct"]').click()`)
	if want := "The project's relation rules changed since this page was loaded: the quotation tools now follow them (speaker now joins QUOTE to ORG)."; msg != want {
		t.Errorf("the save after the rule's change says %q, want %q", msg, want)
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	b.waitFor(`document.getElementById('save-status').textContent === 'Undone and saved'`)
	msg = b.messageAfter(`document.getElementById('undo').click()`)
	if want := "Could not undo: speaker no longer joins QUOTE to PER (it joins QUOTE to ORG); nothing was changed. That step is gone from the history: Undo goes on with the step before it."; msg != want {
		t.Errorf("undoing the speaker's removal says %q, want %q", msg, want)
	}
	if rels := waitRelations(t, s, doc, 0); len(rels) != 0 {
		t.Errorf("the refused undo stored %+v", rels)
	}
	if got := b.speakerChoices(); got != "" {
		t.Errorf("with speaker reaching ORG only the choices are %q, want none", got)
	}
}

// TestBrowserUndoPastARemovedLabel: a span made as TMP, then relabelled
// ORG, then TMP removed by a manager; the annotator's next save tells the
// page. Undoing the relabel, which would give TMP back, is refused once,
// saying so, and the step is dropped: the next Ctrl+Z reaches the steps
// before it. Redoing the span's creation as TMP goes the same way, and
// the next Ctrl+Shift+Z redoes the step after it.
func TestBrowserUndoPastARemovedLabel(t *testing.T) {
	s, doc, b := selectedWithTMP(t)
	b.run(chromedp.KeyEvent("1"))
	b.waitPage(1)
	b.label(doc, "جهاز مكافحة الإرهاب", "8", 2)
	b.run(chromedp.Click(chromedp.CSS(`#span-list .span-item[data-label="TMP"]`)), chromedp.WaitVisible(chromedp.ID("span-editor")))
	b.run(chromedp.KeyEvent("2"))
	b.waitFor(`!document.querySelector('#span-list .span-item[data-label="TMP"]') && document.getElementById('save-status').textContent.startsWith('Saved')`)
	b.run(chromedp.KeyEvent(kb.Escape))

	s.setLabels(t, db.DefaultLabels())
	b.label(doc, "اليوم الأربعاء", "3", 3)
	undo := chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl))
	redo := chromedp.KeyEvent("Z", chromedp.KeyModifiers(ctrl, shift))
	b.run(undo)
	s.waitSpans(t, doc, s.user.ID, 2)
	b.waitPage(2)

	msg := b.messageAfter(`document.getElementById('undo').click()`)
	if want := "Could not undo: TMP is no longer one of the project's labels (the label bar shows them); nothing was changed. That step is gone from the history: Undo goes on with the step before it."; msg != want {
		t.Errorf("undoing the relabel says %q, want %q", msg, want)
	}
	if spans := s.waitSpans(t, doc, s.user.ID, 2); !hasLabels(spans, "PER", "ORG") {
		t.Errorf("the refused undo left %+v", spans)
	}
	b.run(undo)
	s.waitSpans(t, doc, s.user.ID, 1)
	b.waitPage(1)
	b.run(undo)
	s.waitSpans(t, doc, s.user.ID, 0)
	b.waitPage(0)
	if !eval[bool](b, `document.getElementById('undo').disabled`) {
		t.Error("Undo is still on with every step undone or dropped")
	}

	b.run(redo)
	b.waitPage(1)
	msg = b.messageAfter(`document.getElementById('redo').click()`)
	if want := "Could not redo: TMP is no longer one of the project's labels (the label bar shows them); nothing was changed. That step is gone from the history: Redo goes on with the step after it."; msg != want {
		t.Errorf("redoing the TMP span says %q, want %q", msg, want)
	}
	b.run(redo)
	b.waitPage(2)
	if spans := s.waitSpans(t, doc, s.user.ID, 2); !hasLabels(spans, "PER", "LOC") {
		t.Errorf("after redoing every step left the layer holds %+v, want PER and LOC", spans)
	}
	if !eval[bool](b, `document.getElementById('redo').disabled && !document.getElementById('undo').disabled`) {
		t.Error("Redo is still on with every step redone or dropped, or Undo is off")
	}
}

// TestBrowserKeysOfLabelsChangedMeanwhile: a manager removes TMP (key 8)
// and adds NEW (key 9) while the page is open, before it saves anything.
// Key 9 on a selection asks the server, redraws the bar saying so, and
// saves a NEW span; key 8 then says TMP is gone and saves nothing.
func TestBrowserKeysOfLabelsChangedMeanwhile(t *testing.T) {
	s, doc, b := selectedWithTMP(t)
	s.setLabels(t, append(db.DefaultLabels(), db.Label{Name: "NEW", Color: "#d6409f", Hotkey: "9"}))
	b.run(chromedp.KeyEvent("9"))
	spans := s.waitSpans(t, doc, s.user.ID, 1)
	b.waitPage(1)
	if start, end := spanAt(t, doc.Text, "صباح النعمان", 0); !hasSpan(spans, start, end, "NEW") {
		t.Errorf("key 9 of the new label stored %+v, want NEW at %d..%d", spans, start, end)
	}
	if bar := b.labelBar(); !strings.HasSuffix(bar, "7 CUE, 9 NEW") || strings.Contains(bar, "TMP") {
		t.Errorf("after key 9 the bar offers %s", bar)
	}
	b.screenshot("labelset-new-key")

	start, end := spanAt(t, doc.Text, "جهاز مكافحة الإرهاب", 0)
	b.dragSelect(start, end)
	if msg := b.refusedMessage("8"); msg != "Key 8 gave TMP, which is no longer one of the project's labels (the label bar shows them); nothing was changed." {
		t.Errorf("key 8 of the removed label says %q", msg)
	}
	b.run(chromedp.KeyEvent("2"))
	spans = s.waitSpans(t, doc, s.user.ID, 2)
	if !hasSpan(spans, start, end, "ORG") {
		t.Errorf("key 2 after key 8 stored %+v, want ORG at %d..%d", spans, start, end)
	}
}

// addSpan stores a span of the site's user over the first occurrence of
// word, as if made earlier.
func (s *site) addSpan(t *testing.T, doc db.Document, word, label string) db.Span {
	t.Helper()
	start, end := spanAt(t, doc.Text, word, 0)
	sp, err := s.store.CreateSpan(t.Context(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label})
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// label selects word and presses key, then waits for the page to show n spans.
func (b *browser) label(doc db.Document, word, key string, n int) {
	b.t.Helper()
	start, end := spanAt(b.t, doc.Text, word, 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent(key))
	b.waitPage(n)
}

// speakerChoices are the open quotation's speaker candidates as offered.
func (b *browser) speakerChoices() string {
	b.t.Helper()
	return eval[string](b, `[...document.querySelectorAll('#q-speaker-choices button')].map((c) => c.textContent).join(', ')`)
}

// messageAfter runs a script (a click) and returns the message the page
// then shows, once it is not the one shown before.
func (b *browser) messageAfter(script string) string {
	b.t.Helper()
	before := eval[string](b, `document.getElementById('save-error').hidden ? '' : document.getElementById('save-error-text').textContent`)
	eval[bool](b, script+`, true`)
	b.waitFor(fmt.Sprintf(`!document.getElementById('save-error').hidden && document.getElementById('save-error-text').textContent !== %q`, before))
	return eval[string](b, `document.getElementById('save-error-text').textContent`)
}

// hasLabels reports whether spans have exactly these labels, in any order.
func hasLabels(spans []db.Span, labels ...string) bool {
	if len(spans) != len(labels) {
		return false
	}
	left := map[string]int{}
	for _, l := range labels {
		left[l]++
	}
	for _, sp := range spans {
		left[sp.Label]--
		if left[sp.Label] < 0 {
			return false
		}
	}
	return true
}
