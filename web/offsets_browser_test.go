package web_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"hashiya/db/codec"
	"hashiya/offsets"
)

// TestBrowserOffsetMapping checks the one place that turns browser
// selections into offsets (web/static/offsets.js) against Go, on every
// torture case: code point counting, and every DOM boundary of every
// rendered run mapped to the code point a Python consumer would use.
func TestBrowserOffsetMapping(t *testing.T) {
	raw, err := os.ReadFile("../testdata/offsets.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ Name, Text string }
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	var docs []codec.Doc
	for i, c := range cases {
		docs = append(docs, codec.Doc{Line: i + 1, ExternalID: fmt.Sprint(i), Text: c.Text, Meta: []byte("{}")})
	}
	s := newSite(t, docs...)
	b := newBrowser(t, s)
	for i, c := range cases {
		doc := s.docs[fmt.Sprint(i)]
		b.open(fmt.Sprintf("%s/documents/%d", s.url, doc.ID))
		// Counting: JS cpLength of the whole text equals Go's.
		textJSON, _ := json.Marshal(c.Text)
		got := eval[int](b, fmt.Sprintf(`import(document.querySelector('script[type=module]').src.replace('annotate.js', 'offsets.js')).then((m) => m.cpLength(%s))`, textJSON))
		if want := offsets.Len(c.Text); got != want {
			t.Errorf("%s: JS counts %d code points, Go %d", c.Name, got, want)
		}
		// Mapping: every boundary of every run, through the page's own module.
		type probe struct{ RunStart, U16, Got int }
		probes := eval[[]probe](b, `import(document.querySelector('script[type=module]').src.replace('annotate.js', 'offsets.js')).then((m) => {
		  const root = document.getElementById('doc'), out = [];
		  for (const run of root.querySelectorAll('span[data-start]')) {
		    const text = run.firstChild.data;
		    for (let u = 0; u <= text.length; u++) {
		      const hi = text.charCodeAt(u - 1);
		      if (u > 0 && u < text.length && hi >= 0xD800 && hi <= 0xDBFF) continue; // inside a surrogate pair
		      const r = document.createRange();
		      r.setStart(root, 0);
		      r.setEnd(run.firstChild, u);
		      const sel = getSelection();
		      sel.removeAllRanges();
		      sel.addRange(r);
		      const span = m.selectionOffsets(root);
		      out.push({RunStart: Number(run.dataset.start), U16: u, Got: span ? span.end : 0});
		    }
		  }
		  return out;
		})`)
		rs := []rune(c.Text)
		for _, p := range probes {
			cp, err := offsets.FromUTF16(string(rs[p.RunStart:]), p.U16)
			if err != nil {
				t.Errorf("%s: run at %d, UTF-16 offset %d: %v", c.Name, p.RunStart, p.U16, err)
				continue
			}
			if want := p.RunStart + cp; p.Got != want && !(want == 0 && p.Got == 0) {
				t.Errorf("%s: boundary at UTF-16 %d of the run at %d maps to %d, want code point %d", c.Name, p.U16, p.RunStart, p.Got, want)
			}
		}
		if len(probes) == 0 && offsets.Len(c.Text) > 0 {
			t.Errorf("%s: no runs rendered", c.Name)
		}
	}
}
