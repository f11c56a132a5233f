package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSaveStatusOneLine: at 1366x768 a long "Saved QUOTE “...”"
// stays on one line, cut with an ellipsis, so the sticky bar keeps its
// height and the text does not move; the whole message is in the
// status (read by screen readers) and in its title.
func TestBrowserSaveStatusOneLine(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(1366, 768))
	b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
	barHeight := func() float64 {
		return eval[float64](b, `document.getElementById('annotate-bar').getBoundingClientRect().height`)
	}
	before := barHeight()
	quote := "الجهاز مستمر في عملياته لملاحقة بقايا الإرهاب، وفقا للمعلومات والتحليل الاستخباري، فضلا عن رسم خارطة تحركات الإرهابيين في المناطق التي ما زالوا يتواجدون فيها"
	start, end := spanAt(t, doc.Text, quote, 0)
	b.dragSelect(start, end)
	b.run(chromedp.KeyEvent("6"))
	b.waitPage(1)
	b.waitFor(`document.getElementById('save-status').textContent.startsWith('Saved QUOTE')`)
	if after := barHeight(); after != before {
		t.Errorf("the bar was %.0fpx tall, %.0fpx after a long status", before, after)
	}
	st := eval[[]string](b, `(() => {
	  const s = document.getElementById('save-status');
	  return [s.textContent, s.title, String(s.scrollWidth > s.clientWidth), String(s.getClientRects().length), getComputedStyle(s).textOverflow];
	})()`)
	if !strings.HasPrefix(st[0], "Saved QUOTE “\u2068"+string([]rune(quote)[:60])+"…\u2069”") || st[1] != st[0] || st[3] != "1" || st[4] != "ellipsis" {
		t.Errorf("status text, title, cut, boxes, overflow: %q", st)
	}
	b.viewShot("save-status-one-line")

	// A message longer than the line (the instructions of S, say) is cut
	// at the line's end; the status and its title hold it whole.
	long := strings.Repeat("Click the speaker in the text, or choose it in the list of candidates. ", 4)
	eval[bool](b, fmt.Sprintf(`document.getElementById('save-status').textContent = %q; new Promise((done) => requestAnimationFrame(() => done(true)))`, long))
	if after := barHeight(); after != before {
		t.Errorf("the bar was %.0fpx tall, %.0fpx after a long message", before, after)
	}
	cut := eval[[]string](b, `(() => { const s = document.getElementById('save-status'); return [s.title, String(s.scrollWidth > s.clientWidth)]; })()`)
	if cut[0] != long || cut[1] != "true" {
		t.Errorf("a long message: title %q, cut %s", cut[0], cut[1])
	}
	b.viewShot("save-status-long")
}
