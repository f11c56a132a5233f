package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserExportOffersOnlyWhatItWrites: the export form offers no
// download the server refuses. Label Studio JSON holds one layer, so
// "every layer" is off once it is chosen (and a choice of it moves to
// gold, saying so), and UTF-16 offsets are for the doccano formats only;
// Download then asks for what the server writes.
func TestBrowserExportOffersOnlyWhatItWrites(t *testing.T) {
	s := newSite(t, seedDoc(t))
	b := newBrowser(t, s)
	b.run(chromedp.EmulateViewport(683, 384, chromedp.EmulateScale(2)),
		chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(`#export-format`))
	query := `new URLSearchParams(new FormData(document.querySelector('form.export'))).toString()`
	said := `document.getElementById('export-choice').textContent`
	// choose picks an option as a click on it does: the value, then the
	// change event (typing would run into the select's type-ahead).
	choose := func(id, value string) {
		t.Helper()
		eval[bool](b, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true})); return s.value === %q; })()`, id, value, value))
	}

	// Every layer, then Label Studio, the first by keyboard.
	b.run(chromedp.SendKeys(`#export-layer`, "e"))
	b.waitFor(`document.getElementById('export-layer').value === 'all'`)
	choose("export-format", "label-studio")
	if got := eval[string](b, query); got != "format=label-studio&layer=gold&status=&offsets=codepoint&part=" {
		t.Errorf("Label Studio of every layer would ask %q", got)
	}
	if got, want := eval[string](b, said), "Label Studio JSON (one layer) holds one layer: gold is chosen."; got != want {
		t.Errorf("the form says %q, want %q", got, want)
	}
	if !eval[bool](b, `document.querySelector('#export-layer option[value="all"]').disabled`) {
		t.Error(`"every layer" is still offered with Label Studio JSON`)
	}

	// UTF-16 units with doccano, then native JSONL: back to code points.
	choose("export-format", "doccano")
	if eval[bool](b, `document.querySelector('#export-layer option[value="all"]').disabled || document.querySelector('#export-offsets option[value="utf16"]').disabled`) {
		t.Error("doccano is refused every layer or UTF-16 units, which it writes")
	}
	if got := eval[string](b, said); got != "" {
		t.Errorf("with nothing moved the form still says %q", got)
	}
	choose("export-offsets", "utf16")
	choose("export-format", "jsonl")
	if got := eval[string](b, query); got != "format=jsonl&layer=gold&status=&offsets=codepoint&part=" {
		t.Errorf("native JSONL in UTF-16 units would ask %q", got)
	}
	if got, want := eval[string](b, said), "Native JSONL (spans, relations, attributes) counts offsets in code points: UTF-16 units are for the doccano formats."; got != want {
		t.Errorf("the form says %q, want %q", got, want)
	}
	if !eval[bool](b, `document.querySelector('#export-offsets option[value="utf16"]').disabled`) {
		t.Error("UTF-16 units are still offered with native JSONL")
	}
	// What the form now asks is a download, not a refusal.
	status := eval[float64](b, `fetch('/api/v1/projects/`+fmt.Sprint(s.proj.ID)+`/export?' + `+query+`).then((r) => r.status)`)
	if status != 200 {
		t.Errorf("the export the form asks for answers %v", status)
	}
}
