package suggest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"testing"
)

// loadGoldSet reads testdata/NAME, a hand-made gold of ANERCorp documents
// in the shape of quotes-heldout.json, and the texts it annotates, checking
// each text against the SHA-256 the gold was written for; it skips when the
// corpus is not beside the repository.
func loadGoldSet(t *testing.T, name string) (heldout, map[string]string) {
	t.Helper()
	docs := loadANERCorp(t)
	b, err := os.ReadFile("../../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var g heldout
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	texts := map[string]string{}
	for _, d := range docs {
		if want, ok := g.Documents[d.ID]; ok {
			sum := sha256.Sum256([]byte(d.Text))
			if got := hex.EncodeToString(sum[:]); got != want {
				t.Fatalf("%s is for %s with text %s, the corpus has %s", name, d.ID, want, got)
			}
			texts[d.ID] = d.Text
		}
	}
	for id := range g.Documents {
		if _, ok := texts[id]; !ok {
			t.Fatalf("%s: document %s is not in ANERCorp", name, id)
		}
	}
	return g, texts
}

// checkGoldSet checks every offset of a gold set against the corpus text,
// as TestGoldMatchesText does for the demo.
func checkGoldSet(t *testing.T, g heldout, texts map[string]string) {
	t.Helper()
	for _, q := range g.Quotes {
		text, ok := texts[q.Doc]
		if !ok {
			t.Errorf("quote %v: document %q is not listed in documents", q.Quote, q.Doc)
			continue
		}
		rs := []rune(text)
		check := func(what string, sp *span2, want *string) {
			if (sp == nil) != (want == nil) {
				t.Errorf("%s %s: offsets and text must both be null or both set", q.Doc, what)
			} else if sp != nil && !selects(rs, *sp, *want) {
				t.Errorf("%s %s %v does not select %q", q.Doc, what, *sp, *want)
			}
		}
		check("quote", &q.Quote, &q.Text)
		check("speaker", q.Speaker, q.SpeakerText)
		check("cue", q.Cue, q.CueText)
		if q.Type != "direct" && q.Type != "indirect" && q.Type != "mixed" {
			t.Errorf("%s quote %v: type %q", q.Doc, q.Quote, q.Type)
		}
	}
}

// setScores sums the suggester's figures over the documents of a gold set.
type setScores struct {
	all, direct, spkExact, spkOverlap, cueSpans, cueLinks prf
	quotesO, cuesO, spkO, linksO                          overlapPRF
}

// scoreGoldSet runs the suggester with no existing spans on every document
// of a gold set and sums the figures; with logErrors it logs each miss and
// false positive (logHeldoutErrors).
func scoreGoldSet(t *testing.T, g heldout, texts map[string]string, logErrors bool) setScores {
	t.Helper()
	byDoc := map[string]gold{}
	for _, q := range g.Quotes {
		d := byDoc[q.Doc]
		d.Quotes = append(d.Quotes, q.goldQuote)
		byDoc[q.Doc] = d
	}
	var s setScores
	for _, id := range slices.Sorted(maps.Keys(texts)) {
		text, gd := texts[id], byDoc[id]
		p := predict(Suggest(text, nil, Options{}))
		a, d := scoreQuotes(gd, p)
		se, so := scoreSpeakers(gd, p)
		cs, cl := scoreCues(gd, p)
		s.all.add(a)
		s.direct.add(d)
		s.spkExact.add(se)
		s.spkOverlap.add(so)
		s.cueSpans.add(cs)
		s.cueLinks.add(cl)
		qo, co, sp, lo := scoreOverlap(gd, p)
		s.quotesO.add(qo)
		s.cuesO.add(co)
		s.spkO.add(sp)
		s.linksO.add(lo)
		if logErrors {
			logHeldoutErrors(t, id, []rune(text), gd, p)
		}
	}
	return s
}

// figure is one line of a gold set's report: matches for precision and
// recall, and the floors below which the test fails.
type figure struct {
	name       string
	tpP, pred  int
	tpR, gold  int
	minP, minR float64
}

func exactFigure(name string, m prf, minP, minR float64) figure {
	return figure{name, m.tp, m.pred, m.tp, m.gold, minP, minR}
}

func overlapFigure(name string, m overlapPRF, minP, minR float64) figure {
	return figure{name, m.tpP, m.pred, m.tpR, m.gold, minP, minR}
}

// report logs each figure and fails those below their floors.
func report(t *testing.T, figures []figure) {
	t.Helper()
	for _, f := range figures {
		p, r := ratio(f.tpP, f.pred), ratio(f.tpR, f.gold)
		t.Logf("%-26s P %.3f (%d/%d)  R %.3f (%d/%d)", f.name, p, f.tpP, f.pred, r, f.tpR, f.gold)
		if p < f.minP || r < f.minR {
			t.Errorf("%s: P %.3f R %.3f, below the floor P %.2f R %.2f", f.name, p, r, f.minP, f.minR)
		}
	}
}
