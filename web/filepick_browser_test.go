package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hashiya/components"
)

// filePickJS is what the file control of the input of id shows: its
// face's words and the name beside it, as a person sees them, and
// whether Chromium's own control is out of sight and the input, not the
// face, takes a click on it.
const filePickJS = `(() => {
  const input = document.getElementById(%q);
  const pick = input.closest('.filepick');
  const face = pick.querySelector('.filepick-button');
  face.scrollIntoView({block: 'center'});
  const r = face.getBoundingClientRect();
  return {
    face: face.innerText,
    name: pick.querySelector('.filepick-name').innerText,
    hidden: getComputedStyle(input).opacity === '0',
    hit: document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === input,
    label: [...input.labels].map((l) => l.textContent).join('|'),
  };
})()`

type filePick struct {
	Face, Name, Label string
	Hidden, Hit       bool
}

// fitsJS is what sticks out sideways: the page, or the file control of
// the input of id or its name past the window's edge.
const fitsJS = `(() => {
  const pick = document.getElementById(%q).closest('.filepick');
  pick.scrollIntoView({block: 'center'});
  const out = [];
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth + ')');
  for (const e of [pick.querySelector('.filepick-button'), pick.querySelector('.filepick-name')]) {
    const r = e.getBoundingClientRect();
    if (r.left < 0 || r.right > document.documentElement.clientWidth) out.push(e.className + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return out.join('; ');
})()`

// axHeard is the role, name and description Chromium's accessibility
// tree gives the first element sel matches.
func (b *browser) axHeard(sel string) string {
	b.t.Helper()
	nodes, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSS(sel)))
	if err != nil || len(nodes) == 0 {
		b.t.Fatalf("no %s: %v", sel, err)
	}
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (accessibility.GetPartialAXTreeResult, error) {
		return cdp.Call(ctx, t, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: nodes[0].BackendNodeID})
	})
	if err != nil {
		b.t.Fatal(err)
	}
	for _, n := range tree.Nodes {
		if n.BackendDOMNodeID == nodes[0].BackendNodeID {
			return axString(n.Role) + " " + axString(n.Name) + ": " + axString(n.Description)
		}
	}
	return ""
}

// TestBrowserFilePickSpeaksThePageLanguage: on an English and an Arabic
// page the project page's two file inputs, the import's and the labels
// file's, show the app's own words in the page's language, Chromium's
// "Choose File" out of sight, each input keeping its label as its
// accessible name, described by what the page shows beside it; a chosen
// file's name shows beside the face, a Latin name whole in an Arabic
// line; the Tab key reaches the import's input and its face shows the
// focus ring, and Enter opens the picker; the control and a long name
// fit a phone and a laptop at 200% zoom; the chosen file imports, after
// which no file is chosen again; and a file dropped on the import form,
// which shows it is a drop target while one is dragged over it, is
// chosen and imports too.
func TestBrowserFilePickSpeaksThePageLanguage(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "aljazeera-quotations-2024-batch-07-reviewed.jsonl")
	os.WriteFile(long, []byte(`{"id":"n1","text":"قال أحمد إن الجهاز مستمر"}`+"\n"), 0o644)
	for _, lang := range []components.Lang{components.English, components.Arabic} {
		t.Run(string(lang), func(t *testing.T) {
			ctx := components.WithLang(context.Background(), lang)
			s := newSite(t, seedDoc(t))
			if err := s.store.SetLanguage(context.Background(), s.user, string(lang)); err != nil {
				t.Fatal(err)
			}
			b := newBrowser(t, s)
			b.run(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)))
			b.waitLoaded()
			for id, label := range map[string]string{"import-file": "File", "labels-file-input": "Labels file to replace the set with"} {
				got := eval[filePick](b, fmt.Sprintf(filePickJS, id))
				want := filePick{Face: components.T(ctx, "Choose a file…"), Name: components.T(ctx, "No file chosen"), Label: components.T(ctx, label), Hidden: true, Hit: true}
				if got != want {
					t.Errorf("#%s shows %+v, want %+v", id, got, want)
				}
			}
			if got, want := b.axHeard("#import-file"), "button "+components.T(ctx, "File")+": "+components.T(ctx, "No file chosen"); got != want {
				t.Errorf("assistive technology hears the import's input as %q, want %q", got, want)
			}
			eval[string](b, fmt.Sprintf(fitsJS, "import-file")) // the import's control in sight
			if lang == components.Arabic {
				b.viewShot("filepick-ar")
			} else {
				b.viewShot("filepick-en")
			}

			// Required as ever: Import with no file chosen sends nothing
			// and the browser takes the person to the input.
			b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
			if got := eval[string](b, `document.activeElement.id + ', status "' + document.getElementById('import-status').textContent + '"'`); got != `import-file, status ""` {
				t.Errorf("Import with no file chosen: focus and status %s, want import-file, status \"\"", got)
			}

			// Chosen, a file's name shows in place of No file chosen.
			b.run(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{long}))
			if got := eval[filePick](b, fmt.Sprintf(filePickJS, "import-file")).Name; got != filepath.Base(long) {
				t.Errorf("with %s chosen the control says %q", filepath.Base(long), got)
			}
			if got, want := b.axHeard("#import-file"), "button "+components.T(ctx, "File")+": "+filepath.Base(long); got != want {
				t.Errorf("with a file chosen assistive technology hears %q, want %q", got, want)
			}

			// The keyboard: Tab from the section's heading reaches the
			// input, whose face shows the focus ring; Enter opens the picker.
			b.run(chromedp.Click(chromedp.ID("import-title")), chromedp.KeyEvent(kb.Tab))
			if got := eval[string](b, `document.activeElement.id + ' ' + (() => {
			  const s = getComputedStyle(document.querySelector('#import-form .filepick-button'));
			  return s.outlineStyle + ' ' + s.outlineWidth;
			})()`); got != "import-file solid 3px" {
				t.Errorf("after Tab the focus and the face's outline are %q, want import-file solid 3px", got)
			}
			var opened atomic.Int32
			if err := chromedp.Listen(b.ctx, func(ev any) {
				if _, ok := ev.(*page.EventFileChooserOpened); ok {
					opened.Add(1)
				}
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (cdp.Empty, error) {
				return cdp.Call(ctx, t, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true})
			}); err != nil {
				t.Fatal(err)
			}
			b.run(chromedp.KeyEvent(kb.Enter))
			for deadline := time.Now().Add(5 * time.Second); opened.Load() == 0 && time.Now().Before(deadline); {
				time.Sleep(50 * time.Millisecond)
			}
			if opened.Load() != 1 {
				t.Errorf("Enter on the focused file input opened the picker %d times, want once", opened.Load())
			}

			for _, vp := range []axeViewport{{360, 640, 1}, {683, 384, 2}} {
				b.run(chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(vp.scale)))
				eval[bool](b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
				for _, id := range []string{"import-file", "labels-file-input"} {
					if out := eval[string](b, fmt.Sprintf(fitsJS, id)); out != "" {
						t.Errorf("at %dx%d@%gx, #%s: %s", vp.w, vp.h, vp.scale, id, out)
					}
				}
				eval[string](b, fmt.Sprintf(fitsJS, "import-file")) // the import's control in sight
				b.viewShot(fmt.Sprintf("filepick-%s-%dx%d", lang, vp.w, vp.h))
			}
			b.run(chromedp.EmulateViewport(1366, 900))

			// The chosen file imports; the input is emptied, and says so.
			b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
			b.waitFor(`document.querySelector('#import-status a') !== null`)
			if got := eval[filePick](b, fmt.Sprintf(filePickJS, "import-file")).Name; got != components.T(ctx, "No file chosen") {
				t.Errorf("after the import the control says %q", got)
			}

			// A file dragged over the form shows it a drop target; dropped,
			// it is chosen, and imports.
			if got := eval[string](b, `(() => {
			  const f = document.getElementById('import-form');
			  window.dropped = new DataTransfer();
			  dropped.items.add(new File(['{"id":"d1","text":"قال أحمد"}\n'], 'dropped.jsonl'));
			  f.querySelector('select').dispatchEvent(new DragEvent('dragover', {dataTransfer: dropped, bubbles: true, cancelable: true}));
			  return getComputedStyle(f).outlineStyle;
			})()`); got != "dashed" {
				t.Errorf("with a file dragged over it the import form's outline is %q, want dashed", got)
			}
			b.viewShot("filepick-drop-" + string(lang))
			if got := eval[string](b, `(() => {
			  const f = document.getElementById('import-form');
			  f.dispatchEvent(new DragEvent('drop', {dataTransfer: dropped, bubbles: true, cancelable: true}));
			  return getComputedStyle(f).outlineStyle + ', ' + document.getElementById('import-file').files.length + ' file';
			})()`); got != "none, 1 file" {
				t.Errorf("a file dropped on the import form: %s, want none, 1 file", got)
			}
			if got := eval[filePick](b, fmt.Sprintf(filePickJS, "import-file")).Name; got != "dropped.jsonl" {
				t.Errorf("with a file dropped the control says %q", got)
			}
			b.run(chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
			// Only an import that succeeds empties the input.
			b.waitFor(`document.querySelector('#import-status a') !== null && !document.getElementById('import-file').files.length`)
		})
	}
}
