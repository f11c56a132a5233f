package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserUndoSpeakerOfQuotationMarkedOnTwoSegments: a quotation of
// two segments, each marked "speaker not in the text" (as an import may
// leave it), gets a speaker, which takes both marks off in one request.
// Ctrl+Z gives the first mark back with the link's removal in one
// request and the second after it; Ctrl+Shift+Z links again in one, and
// the page shows what is stored at each step.
func TestBrowserUndoSpeakerOfQuotationMarkedOnTwoSegments(t *testing.T) {
	m := markedOnTwoSegments(t)
	s, doc, b, head, per := m.s, m.doc, m.b, m.head, m.per
	unlinked, linked, marks := m.unlinked, m.linked, m.marks

	b.clickChar(head.Start + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	s.writes.Store(0)
	b.run(chromedp.KeyEvent("s"))
	b.clickChar(per.Start + 3)
	waitText(t, b, "q-speaker", per.Text)
	b.waitPage(3)
	s.wantWrites(t, "the speaker", 1)
	marks("after the speaker", "unset unset")

	stepHistory(t, b, doc.ID, false, unlinked)
	s.wantWrites(t, "the undo", 2)
	marks("after Ctrl+Z", "false false")
	stepHistory(t, b, doc.ID, true, linked)
	s.wantWrites(t, "the redo", 1)
	marks("after Ctrl+Shift+Z", "unset unset")
	stepHistory(t, b, doc.ID, false, unlinked)
	marks("after Ctrl+Z again", "false false")
}

// TestBrowserUndoSpeakerOfQuotationMarkedOnTwoSegmentsFailingPartWay: the
// undo's first request (the link off, the first mark back) goes through
// and the second mark's fails: the page shows what is stored and says
// which part was undone, and the history finishes the undo, then redoes
// both parts, from there.
func TestBrowserUndoSpeakerOfQuotationMarkedOnTwoSegmentsFailingPartWay(t *testing.T) {
	m := markedOnTwoSegments(t)
	s, doc, b, head, per := m.s, m.doc, m.b, m.head, m.per
	unlinked, linked, marks := m.unlinked, m.linked, m.marks

	b.clickChar(head.Start + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")), chromedp.KeyEvent("s"))
	b.clickChar(per.Start + 3)
	waitText(t, b, "q-speaker", per.Text)
	b.waitPage(3)

	s.passWrites.Store(1)
	s.failWrites.Store(true)
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	msg := waitError(t, b)
	s.failWrites.Store(false)
	for _, want := range []string{"Could not undo all of the step", "Undone and saved: the speaker link", "Not undone: the mark “speaker not in the text”"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	b.waitPage(3)
	if got := eval[string](b, fmt.Sprintf(layerJS, doc.ID)); got != unlinked {
		t.Errorf("the server holds\n  %s\nwant the speaker gone:\n  %s", got, unlinked)
	}
	marks("after the undo that failed part way", "false unset")

	b.run(chromedp.Click(chromedp.ID("save-error-close")))
	stepHistory(t, b, doc.ID, false, unlinked)
	marks("after Ctrl+Z finished the undo", "false false")
	stepHistory(t, b, doc.ID, true, unlinked)
	marks("after the first Ctrl+Shift+Z", "false unset")
	stepHistory(t, b, doc.ID, true, linked)
	marks("after the second Ctrl+Shift+Z", "unset unset")
}

// twoMarkedSegments is a page open on a quotation of two segments, each
// marked "speaker not in the text", and the PER span that will become
// its speaker, with the layer as layerJS draws it unlinked and linked and
// a check of both marks and of the page against the server.
type twoMarkedSegments struct {
	s                *site
	doc              db.Document
	b                *browser
	head, tail, per  db.Span
	unlinked, linked string
	marks            func(step, want string)
}

func markedOnTwoSegments(t *testing.T) twoMarkedSegments {
	t.Helper()
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := t.Context()
	spans := markSpans(t, s, doc, [2]string{"الجهاز مستمر في عملياته", "QUOTE"}, [2]string{"وجود خلية مشتركة", "QUOTE"}, [2]string{"صباح النعمان", "PER"})
	head, tail, per := spans[0], spans[1], spans[2]
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "segment", From: head.ID, To: tail.ID}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []db.Span{head, tail} {
		if _, err := s.store.UpdateSpan(ctx, doc, s.user.ID, s.user.ID, q.ID, db.SpanPatch{Attributes: map[string]any{"speaker_in_text": false}}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	spansText := strings.Join(sorted([]string{fmt.Sprintf("QUOTE %d-%d", head.Start, head.End), fmt.Sprintf("QUOTE %d-%d", tail.Start, tail.End), fmt.Sprintf("PER %d-%d", per.Start, per.End)}), ", ")
	segment := fmt.Sprintf("segment QUOTE %d -> QUOTE %d", head.Start, tail.Start)
	unlinked := spansText + " | " + segment
	linked := spansText + " | " + strings.Join(sorted([]string{segment, fmt.Sprintf("speaker QUOTE %d -> PER %d", head.Start, per.Start)}), ", ")
	marks := func(step, want string) {
		t.Helper()
		got := eval[string](b, fmt.Sprintf(notInTextJS, doc.ID, head.Start)) + " " + eval[string](b, fmt.Sprintf(notInTextJS, doc.ID, tail.Start))
		if got != want {
			t.Errorf("%s: the segments' speaker_in_text are %s, want %s", step, got, want)
		}
		if problem := eval[string](b, fmt.Sprintf(pageVersusAPIJS, doc.ID)); problem != "" {
			t.Errorf("%s: the page differs from the server: %s", step, problem)
		}
	}
	return twoMarkedSegments{s: s, doc: doc, b: b, head: head, tail: tail, per: per, unlinked: unlinked, linked: linked, marks: marks}
}
