package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/db"
	"hashiya/db/codec"
)

// quoteChip is a QUOTE's chip as drawn, with what its run says of it.
type quoteChip struct {
	Label, Title, Description string
	Unattributed, Clipped     bool
}

// quoteChipJS reads the chip over the run starting at code point %d.
const quoteChipJS = `(() => {
  const run = document.querySelector('#doc .seg[data-chip][data-start="%d"]');
  const chip = run && run.closest('p').querySelector('.chip[data-run="%[1]d"]');
  if (!chip) return {label: '', title: run ? run.title : '', description: ''};
  return {label: chip.dataset.label, title: run.title, description: run.getAttribute('aria-description'),
    unattributed: chip.classList.contains('unattributed'), clipped: chip.scrollWidth > chip.clientWidth};
})()`

// waitQuoteChip waits until the chip over the run starting at start
// reads want, and returns it.
func waitQuoteChip(t *testing.T, b *browser, start int, want string) quoteChip {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c := eval[quoteChip](b, fmt.Sprintf(quoteChipJS, start))
		if c.Label == want {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("the chip at %d reads %q, want %q (status: %s)", start, c.Label, want, eval[string](b, `document.getElementById('save-status').textContent + ' / ' + document.getElementById('save-error').textContent`))
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// said is a chip's speaker part: the name isolated, as chips.js writes it.
func said(name string) string { return "\u2068" + name + "\u2069" }

// TestBrowserQuoteChipNamesSpeaker links the demo article's first
// quotation to صباح النعمان with S and a click: its chip reads "QUOTE ←
// صباح النعمان", its run says "QUOTE, said by صباح النعمان", and the chips
// over the text still never overlap nor are cut on a laptop, at 200% zoom
// and on a phone. Removing the speaker makes it "QUOTE ← ?" in the
// colour of what is missing, "Speaker not in the text" makes it "QUOTE ←
// not in text", and deleting a linked speaker's span makes it "?" again.
func TestBrowserQuoteChipNamesSpeaker(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	quote := "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب، وفقا للمعلومات والتحليل الاستخباري، فضلا عن رسم خارطة تحركات الإرهابيين في المناطق التي ما زالوا يتواجدون فيها"
	qs, _ := spanAt(t, doc.Text, quote, 0)
	ss, _ := spanAt(t, doc.Text, "صباح النعمان", 0)
	for _, sp := range []struct{ word, label string }{
		{quote, "QUOTE"}, {"صباح النعمان", "PER"}, {"وقال", "CUE"}, {"الاولى نيوز", "ORG"}, {"جهاز مكافحة الإرهاب", "ORG"},
		{"هناك متابعة من قبل رئيس الوزراء مصطفى الكاظمي", "QUOTE"}, {"مصطفى الكاظمي", "PER"},
	} {
		start, end := spanAt(t, doc.Text, sp.word, 0)
		if _, err := s.store.CreateSpan(context.Background(), doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: sp.label}); err != nil {
			t.Fatalf("%s %q: %v", sp.label, sp.word, err)
		}
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.settle()

	c := waitQuoteChip(t, b, qs, "QUOTE ← "+said("?"))
	if !c.Unattributed || c.Description != "QUOTE, no speaker yet" {
		t.Errorf("a quotation without a speaker: %+v", c)
	}

	// Open the quotation, press S, click the speaker in the text.
	b.clickChar(qs + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("quote-tools")))
	b.run(chromedp.KeyEvent("s"))
	b.clickChar(ss + 2)
	c = waitQuoteChip(t, b, qs, "QUOTE ← "+said("صباح النعمان"))
	if c.Unattributed || c.Clipped || c.Title != c.Label || c.Description != "QUOTE, said by صباح النعمان" {
		t.Errorf("a quotation said by صباح النعمان: %+v", c)
	}
	b.run(chromedp.KeyEvent(kb.Escape))
	// A screen reader hears the speaker with the quotation's label.
	b.checkSpansNamed("ORG", "CUE", "PER", "ORG", "QUOTE, said by صباح النعمان", "QUOTE, no speaker yet", "PER")
	for _, vp := range []struct {
		name  string
		w, h  int64
		scale float64
	}{{"laptop", 1366, 768, 1}, {"zoom200", 683, 384, 2}, {"phone", 390, 844, 3}} {
		b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
		b.run(chromedp.ScrollIntoView(chromedp.CSS(fmt.Sprintf(`#doc .seg[data-start="%d"]`, qs))))
		b.settle()
		checkChips(t, vp.name, eval[[]chipBox](b, chipBoxesJS))
		if c := eval[quoteChip](b, fmt.Sprintf(quoteChipJS, qs)); c.Clipped || !strings.HasPrefix(c.Label, "QUOTE ← ") {
			t.Errorf("%s: the quotation's chip is %+v", vp.name, c)
		}
		// What the screen shows, the quotation in sight.
		shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		b.keepShot("quote-chip-speaker-"+vp.name, shot)
	}
	b.run(chromedp.EmulateViewport(1366, 768))

	// hinted is the text of the runs underlined as a speaker.
	hinted := func() string {
		return eval[string](b, `[...document.querySelectorAll('#doc .seg.speaker-hint')].map((r) => r.textContent).join('|')`)
	}
	// caretAt puts the keyboard's caret at code point cp.
	caretAt := func(cp int) {
		eval[bool](b, fmt.Sprintf(`import(document.querySelector('script[type=module]').src.replace('annotate.js', 'offsets.js')).then((m) => {
		  const doc = document.getElementById('doc');
		  doc.focus();
		  const p = m.codePointToBoundary(doc, %d);
		  getSelection().collapse(p.node, p.offset);
		  return true;
		})`, cp))
	}
	waitHinted := func(want string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); hinted() != want; time.Sleep(30 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("with the caret moved, %q is underlined, want %q", hinted(), want)
			}
		}
	}
	// Escape left the caret at the end of the quotation: out of it first.
	caretAt(qs - 3)
	waitHinted("")
	// Pointing at the quotation underlines its speaker, and only while
	// the pointer is over it.
	at := eval[point](b, fmt.Sprintf(`(() => {
	  const run = document.querySelector('#doc .seg[data-start="%d"]');
	  run.scrollIntoView({block: 'center'});
	  const r = run.getClientRects()[0];
	  return {x: r.left + r.width / 2, y: r.top + r.height / 2};
	})()`, qs))
	b.run(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, at.X, at.Y))
	if got := hinted(); got != "صباح النعمان" {
		t.Errorf("pointing at the quotation underlines %q, want its speaker", got)
	}
	b.run(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2))
	if got := hinted(); got != "" {
		t.Errorf("with the pointer away from the text %q is still underlined", got)
	}
	// The caret in the quotation underlines its speaker too, until it leaves.
	caretAt(qs + 5)
	waitHinted("صباح النعمان")
	caretAt(qs - 3)
	waitHinted("")

	// Remove the speaker from the editor.
	b.clickChar(qs + 3)
	b.run(chromedp.WaitVisible(chromedp.ID("q-speaker-remove")), chromedp.Click(chromedp.ID("q-speaker-remove")))
	c = waitQuoteChip(t, b, qs, "QUOTE ← "+said("?"))
	if !c.Unattributed {
		t.Errorf("the chip of a quotation whose speaker was removed is not marked missing: %+v", c)
	}
	// Mark the speaker not in the text.
	b.run(chromedp.WaitEnabled(chromedp.ID("q-not-in-text")), chromedp.Click(chromedp.ID("q-not-in-text")))
	c = waitQuoteChip(t, b, qs, "QUOTE ← "+said("not in text"))
	if c.Unattributed || c.Description != "QUOTE, speaker not in the text" {
		t.Errorf("a quotation whose speaker is not in the text: %+v", c)
	}
	b.screenshot("quote-chip-not-in-text")

	// Link the speaker again (which takes the mark off), then delete the
	// speaker's span: the quotation has no speaker again.
	b.run(chromedp.KeyEvent("s"))
	b.clickChar(ss + 2)
	waitQuoteChip(t, b, qs, "QUOTE ← "+said("صباح النعمان"))
	b.run(chromedp.KeyEvent(kb.Escape))
	b.clickChar(ss + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("refer-tools")), chromedp.KeyEvent(kb.Delete))
	b.waitPage(6)
	waitQuoteChip(t, b, qs, "QUOTE ← "+said("?"))
	// Undo brings the span and its link back, and the name with them.
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	waitQuoteChip(t, b, qs, "QUOTE ← "+said("صباح النعمان"))
}

// TestBrowserJoinedQuoteChipsNameSpeaker: a quotation joined across two
// paragraphs, said by an unnamed source linked onward to the minister it
// refers to, names the minister (his last two words) over both segments;
// removing the speaker from the second segment's editor, which redraws
// neither paragraph, turns both chips to "?", and undo brings the name
// back over both. Deleting the minister leaves the source's own words.
func TestBrowserJoinedQuoteChipsNameSpeaker(t *testing.T) {
	text := "قال وزير الخارجية فؤاد حسين إن الحكومة «ماضية في الإصلاح»،\nوأضاف المصدر نفسه: «ولن نتراجع عن أي خطوة»."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "joined", Text: text, Meta: []byte("{}")})
	doc := s.docs["joined"]
	ctx := context.Background()
	span := func(word, label string) db.Span {
		start, end := spanAt(t, text, word, 0)
		sp, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatalf("%s %q: %v", label, word, err)
		}
		return sp
	}
	relate := func(typ string, from, to db.Span) {
		if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: typ, From: from.ID, To: to.ID}); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
	}
	head := span("ماضية في الإصلاح", "QUOTE")
	tail := span("ولن نتراجع عن أي خطوة", "QUOTE")
	minister := span("وزير الخارجية فؤاد حسين", "PER")
	source := span("المصدر نفسه", "PER")
	relate("segment", head, tail)
	relate("speaker", head, source)
	relate("refers_to", source, minister)

	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.settle()
	name := "QUOTE ← " + said("…فؤاد حسين")
	for _, q := range []db.Span{head, tail} {
		c := waitQuoteChip(t, b, q.Start, name)
		if c.Clipped || c.Title != "QUOTE ← "+said("وزير الخارجية فؤاد حسين") || c.Description != "QUOTE, said by وزير الخارجية فؤاد حسين" {
			t.Errorf("the segment at %d: %+v", q.Start, c)
		}
	}
	checkChips(t, "joined", eval[[]chipBox](b, chipBoxesJS))
	b.screenshot("quote-chip-joined")
	zoomed, err := chromedp.Run(b.ctx, chromedp.ScreenshotScale(chromedp.ID("doc"), 3))
	if err != nil {
		t.Fatal(err)
	}
	b.keepShot("quote-chip-joined-zoomed", zoomed)

	// Open the second segment and remove the quotation's speaker.
	b.clickChar(tail.Start + 2)
	b.run(chromedp.WaitVisible(chromedp.ID("q-speaker-remove")), chromedp.Click(chromedp.ID("q-speaker-remove")))
	for _, q := range []db.Span{head, tail} {
		waitQuoteChip(t, b, q.Start, "QUOTE ← "+said("?"))
	}
	b.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(ctrl)))
	for _, q := range []db.Span{head, tail} {
		waitQuoteChip(t, b, q.Start, name)
	}

	// With the minister gone the source names itself.
	b.run(chromedp.KeyEvent(kb.Escape))
	b.clickChar(minister.Start + 6)
	b.run(chromedp.WaitVisible(chromedp.ID("refer-tools")), chromedp.KeyEvent(kb.Delete))
	for _, q := range []db.Span{head, tail} {
		waitQuoteChip(t, b, q.Start, "QUOTE ← "+said("المصدر نفسه"))
	}
}

// TestBrowserQuoteChipShortRoom: a two-word quotation with a neighbour's
// chip right after it has no room for its speaker's last two words: the
// chip names the speaker shorter, whole (not clipped), and overlaps
// nothing; the run's title and description name the speaker whole.
func TestBrowserQuoteChipShortRoom(t *testing.T) {
	text := "ردّ وزير الخارجية فؤاد حسين بكلمتين «نعم طبعا» علي وعمر وزيد."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "short", Text: text, Meta: []byte("{}")})
	doc := s.docs["short"]
	ctx := context.Background()
	var made []db.Span
	for _, sp := range []struct{ word, label string }{{"نعم طبعا", "QUOTE"}, {"وزير الخارجية فؤاد حسين", "PER"}, {"علي", "PER"}, {"عمر", "PER"}} {
		start, end := spanAt(t, text, sp.word, 0)
		span, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: sp.label})
		if err != nil {
			t.Fatalf("%s %q: %v", sp.label, sp.word, err)
		}
		made = append(made, span)
	}
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: made[0].ID, To: made[1].ID}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.settle()
	c := waitQuoteChip(t, b, made[0].Start, eval[string](b, fmt.Sprintf(`document.querySelector('#doc .chip[data-run="%d"]').dataset.label`, made[0].Start)))
	if c.Clipped || !strings.HasPrefix(c.Label, "QUOTE") || c.Label == "QUOTE ← "+said("…فؤاد حسين") {
		t.Errorf("the chip over a two-word quotation with a neighbour: %+v", c)
	}
	if c.Title != "QUOTE ← "+said("وزير الخارجية فؤاد حسين") || c.Description != "QUOTE, said by وزير الخارجية فؤاد حسين" {
		t.Errorf("the run of a two-word quotation: %+v", c)
	}
	checkChips(t, "short room", eval[[]chipBox](b, chipBoxesJS))
	t.Logf("the chip reads %q", c.Label)
	b.screenshot("quote-chip-short-room-page") // lays out the whole text
	zoomed, err := chromedp.Run(b.ctx, chromedp.ScreenshotScale(chromedp.ID("doc"), 3))
	if err != nil {
		t.Fatal(err)
	}
	b.keepShot("quote-chip-short-room", zoomed)
}

// TestBrowserSpeakerNameCut: a chip names a speaker by their last two
// words, an ellipsis where words were left out, and cuts a name longer
// than 18 letters after whole letters, a letter's marks kept with it.
func TestBrowserSpeakerNameCut(t *testing.T) {
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "cut", Text: "نص.", Meta: []byte("{}")})
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, s.docs["cut"].ID))
	for _, c := range []struct {
		name       string
		words, max int
		want       string
	}{
		{"صباح النعمان", 2, 18, "صباح النعمان"},
		{"الناطق باسم الجهاز صباح النعمان", 2, 18, "…صباح النعمان"},
		{"  صباح   النعمان ", 2, 18, "صباح النعمان"},
		{"الناطق باسم الجهاز صباح النعمان", 1, 10, "…النعمان"},
		// 22 letters: 17 kept, the shadda on the 17th with it.
		{"مصطفى عبدالرحمنالّكاظمي", 2, 18, "مصطفى عبدالرحمنالّ…"},
		{"وزير الخارجية فؤاد حسين", 1, 3, "…حس…"},
	} {
		got := eval[string](b, fmt.Sprintf(`import(document.querySelector('script[type=module]').src.replace('annotate.js', 'speakers.js')).then((m) => m.shortName(%q, %d, %d))`, c.name, c.words, c.max))
		if got != c.want {
			t.Errorf("shortName(%q, %d, %d) = %q, want %q", c.name, c.words, c.max, got, c.want)
		}
	}
}

// TestBrowserQuoteChipRightToLeft: a chip whose first label is Arabic
// reads right to left, its arrow (→) still pointing from the speaker's
// name to the QUOTE label.
func TestBrowserQuoteChipRightToLeft(t *testing.T) {
	text := "قال علي بصوت عال «نعم طبعا» ومضى."
	s := newSite(t, codec.Doc{Line: 1, ExternalID: "rtl", Text: text, Meta: []byte("{}")})
	doc := s.docs["rtl"]
	ctx := context.Background()
	proj, err := s.store.Project(ctx, s.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.setLabels(t, append(proj.Labels, db.Label{Name: "وسم", Color: "#8e4ec6", Hotkey: "8"}))
	var made []db.Span
	for _, sp := range []struct{ word, label string }{{"نعم طبعا", "وسم"}, {"نعم", "QUOTE"}, {"علي", "PER"}} {
		start, end := spanAt(t, text, sp.word, 0)
		span, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: sp.label})
		if err != nil {
			t.Fatalf("%s %q: %v", sp.label, sp.word, err)
		}
		made = append(made, span)
	}
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: made[1].ID, To: made[2].ID}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	b.settle()
	c := waitQuoteChip(t, b, made[1].Start, "وسم · QUOTE → "+said("علي"))
	if c.Clipped {
		t.Errorf("the chip is clipped: %+v", c)
	}
	if got := eval[string](b, fmt.Sprintf(`document.querySelector('#doc .chip[data-run="%d"]').dir`, made[1].Start)); got != "rtl" {
		t.Errorf("the chip whose first label is Arabic is laid out %q", got)
	}
	checkChips(t, "right to left", eval[[]chipBox](b, chipBoxesJS))
	b.screenshot("quote-chip-rtl-page")
	zoomed, err := chromedp.Run(b.ctx, chromedp.ScreenshotScale(chromedp.ID("doc"), 3))
	if err != nil {
		t.Fatal(err)
	}
	b.keepShot("quote-chip-rtl", zoomed)
}
