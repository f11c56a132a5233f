package suggest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
)

// gold is testdata/quotes-gold.json: a hand-made PARC annotation of the
// demo article, with direct (marked) and indirect (reported) quotations.
type gold struct {
	TextSHA256 string      `json:"text_sha256"`
	Quotes     []goldQuote `json:"quotes"`
}

type goldQuote struct {
	Type        string  `json:"type"`
	Quote       span2   `json:"quote"`
	Text        string  `json:"text"`
	Speaker     *span2  `json:"speaker"`
	SpeakerText *string `json:"speaker_text"`
	Cue         *span2  `json:"cue"`
	CueText     *string `json:"cue_text"`
}

// span2 is a [start, end] pair of code point offsets.
type span2 [2]int

func (a span2) overlaps(b span2) bool { return a[0] < b[1] && b[0] < a[1] }

func loadGold(t *testing.T) (string, gold) {
	t.Helper()
	text, err := os.ReadFile("../../testdata/ctsi-intelligence-cell.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../testdata/quotes-gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("quotes-gold.json: %v", err)
	}
	sum := sha256.Sum256(text)
	if got := hex.EncodeToString(sum[:]); got != g.TextSHA256 {
		t.Fatalf("quotes-gold.json is for text %s, the article is %s", g.TextSHA256, got)
	}
	return string(text), g
}

// TestGoldMatchesText checks that every offset in the gold selects the
// text it claims, so the figures below measure the suggester, not a typo.
func TestGoldMatchesText(t *testing.T) {
	text, g := loadGold(t)
	rs := []rune(text)
	check := func(what string, sp *span2, want *string) {
		if sp == nil || want == nil {
			if sp != nil || want != nil {
				t.Errorf("%s: offsets and text must both be null or both set", what)
			}
			return
		}
		if sp[0] < 0 || sp[0] >= sp[1] || sp[1] > len(rs) || string(rs[sp[0]:sp[1]]) != *want {
			t.Errorf("%s %v does not select %q", what, *sp, *want)
		}
	}
	for _, q := range g.Quotes {
		check("quote", &q.Quote, &q.Text)
		check("speaker", q.Speaker, q.SpeakerText)
		check("cue", q.Cue, q.CueText)
		if q.Type != "direct" && q.Type != "indirect" && q.Type != "mixed" {
			t.Errorf("quote %v: type %q", q.Quote, q.Type)
		}
	}
}

// prf counts matches for precision = tp / predicted and recall = tp / gold.
type prf struct{ tp, pred, gold int }

func (m prf) p() float64 { return ratio(m.tp, m.pred) }
func (m prf) r() float64 { return ratio(m.tp, m.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// predicted is a Result as offsets: QUOTE spans with their type, CUE
// spans, and the quote -> speaker and quote -> cue pairs.
type predicted struct {
	quotes             map[span2]string
	cues               map[span2]bool
	speakers, cueLinks [][2]span2
}

func predict(res Result) predicted {
	p := predicted{quotes: map[span2]string{}, cues: map[span2]bool{}}
	byID := map[string]span2{}
	for _, s := range res.Spans {
		byID[s.ID] = span2{s.Start, s.End}
		switch s.Label {
		case "QUOTE":
			typ, _ := s.Attributes["type"].(string)
			p.quotes[span2{s.Start, s.End}] = typ
		case "CUE":
			p.cues[span2{s.Start, s.End}] = true
		}
	}
	for _, r := range res.Relations {
		pair := [2]span2{byID[r.From], byID[r.To]}
		if r.Type == "speaker" {
			p.speakers = append(p.speakers, pair)
		} else {
			p.cueLinks = append(p.cueLinks, pair)
		}
	}
	return p
}

// TestEvalDemoArticle measures the suggester against the gold:
//   - QUOTE: a predicted span is correct when it equals a gold quote's
//     offsets exactly; over all gold quotes, and over direct ones only
//     (predicted type "direct" against gold type "direct").
//   - speaker: a predicted quote -> speaker relation is correct when its
//     quote equals a gold quote exactly and its speaker span equals the
//     gold speaker (exact) or shares at least one code point with it
//     (overlap). Gold pairs are the quotes that have a speaker.
//   - CUE: a predicted CUE span is correct when it equals one of the
//     distinct gold cue spans; a cue link when quote and cue both equal a
//     gold quote's.
//
// Precision = correct / predicted, recall = correct / gold. This is the
// article the rules were developed on, so the figures are an upper bound;
// the floors make a regression fail.
func TestEvalDemoArticle(t *testing.T) {
	text, g := loadGold(t)
	p := predict(Suggest(text, nil, Options{}))
	all, direct := scoreQuotes(g, p)
	exact, overlap := scoreSpeakers(g, p)
	cueSpans, cueLinks := scoreCues(g, p)
	floors := []struct {
		name       string
		m          prf
		minP, minR float64
	}{
		{"QUOTE exact, all quotes", all, 0.9, 0.9},
		{"QUOTE exact, direct only", direct, 0.9, 0.9},
		{"speaker exact", exact, 0.85, 0.9},
		{"speaker overlap", overlap, 0.85, 0.9},
		{"CUE span exact", cueSpans, 0.9, 0.9},
		{"quote -> cue link", cueLinks, 0.9, 0.9},
	}
	for _, f := range floors {
		t.Logf("%-26s P %.3f (%d/%d)  R %.3f (%d/%d)", f.name, f.m.p(), f.m.tp, f.m.pred, f.m.r(), f.m.tp, f.m.gold)
		if f.m.p() < f.minP || f.m.r() < f.minR {
			t.Errorf("%s: P %.3f R %.3f, below the floor P %.2f R %.2f", f.name, f.m.p(), f.m.r(), f.minP, f.minR)
		}
	}
}

func scoreQuotes(g gold, p predicted) (all, direct prf) {
	all.gold, all.pred = len(g.Quotes), len(p.quotes)
	for _, q := range g.Quotes {
		if _, ok := p.quotes[q.Quote]; ok {
			all.tp++
		}
		if q.Type == "direct" {
			direct.gold++
			if p.quotes[q.Quote] == "direct" {
				direct.tp++
			}
		}
	}
	for _, typ := range p.quotes {
		if typ == "direct" {
			direct.pred++
		}
	}
	return all, direct
}

func scoreSpeakers(g gold, p predicted) (exact, overlap prf) {
	for _, q := range g.Quotes {
		if q.Speaker != nil {
			exact.gold++
		}
	}
	exact.pred = len(p.speakers)
	overlap = exact
	for _, pair := range p.speakers {
		for _, q := range g.Quotes {
			if q.Quote != pair[0] || q.Speaker == nil {
				continue
			}
			if *q.Speaker == pair[1] {
				exact.tp++
			}
			if q.Speaker.overlaps(pair[1]) {
				overlap.tp++
			}
		}
	}
	return exact, overlap
}

func scoreCues(g gold, p predicted) (spans, links prf) {
	goldCues := map[span2]bool{}
	for _, q := range g.Quotes {
		if q.Cue != nil {
			goldCues[*q.Cue] = true
			links.gold++
		}
	}
	spans.gold, spans.pred, links.pred = len(goldCues), len(p.cues), len(p.cueLinks)
	for c := range p.cues {
		if goldCues[c] {
			spans.tp++
		}
	}
	for _, pair := range p.cueLinks {
		for _, q := range g.Quotes {
			if q.Quote == pair[0] && q.Cue != nil && *q.Cue == pair[1] {
				links.tp++
			}
		}
	}
	return spans, links
}
