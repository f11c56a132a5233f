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
	b.run(chromedp.Click(chromedp.CSS(`button.label-btn[aria-label="QUOTE"]`)))
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
