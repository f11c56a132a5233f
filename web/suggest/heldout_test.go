package suggest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// heldout is testdata/quotes-heldout.json: a hand-made PARC annotation of
// twelve ANERCorp documents the rules were not developed on, in the shape
// of quotes-gold.json plus the document id of each quotation. Its "note"
// says how the documents were chosen; the gold was written before the
// suggester was run on them.
type heldout struct {
	Note      string            `json:"note"`
	Documents map[string]string `json:"documents"` // id -> SHA-256 of its text
	Quotes    []heldoutQuote    `json:"quotes"`
}

type heldoutQuote struct {
	Doc string `json:"doc"`
	goldQuote
	Nested bool `json:"nested"` // an attribution inside another one's content
}

// Long span texts are stored as their first and last heldoutKeep code
// points joined by heldoutElision, so the repository holds fragments of
// the corpus, never its documents.
const (
	heldoutElision = " … "
	heldoutKeep    = 25
)

// loadHeldout reads the held-out gold and the ANERCorp documents it
// annotates, or skips when the corpus is not beside the repository.
func loadHeldout(t *testing.T) (heldout, map[string]string) {
	t.Helper()
	docs := loadANERCorp(t)
	b, err := os.ReadFile("../../testdata/quotes-heldout.json")
	if err != nil {
		t.Fatal(err)
	}
	var g heldout
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("quotes-heldout.json: %v", err)
	}
	texts := map[string]string{}
	for _, d := range docs {
		if want, ok := g.Documents[d.ID]; ok {
			sum := sha256.Sum256([]byte(d.Text))
			if got := hex.EncodeToString(sum[:]); got != want {
				t.Fatalf("quotes-heldout.json is for %s with text %s, the corpus has %s", d.ID, want, got)
			}
			texts[d.ID] = d.Text
		}
	}
	for id := range g.Documents {
		if _, ok := texts[id]; !ok {
			t.Fatalf("quotes-heldout.json: document %s is not in ANERCorp", id)
		}
	}
	return g, texts
}

// selects reports whether rs[sp] is the text the gold stores for it, in
// full or elided.
func selects(rs []rune, sp span2, want string) bool {
	if sp[0] < 0 || sp[0] >= sp[1] || sp[1] > len(rs) {
		return false
	}
	got := string(rs[sp[0]:sp[1]])
	if got == want {
		return true
	}
	head, tail, ok := strings.Cut(want, heldoutElision)
	if !ok || len([]rune(head)) != heldoutKeep || len([]rune(tail)) != heldoutKeep || sp[1]-sp[0] <= 2*heldoutKeep {
		return false
	}
	return strings.HasPrefix(got, head) && strings.HasSuffix(got, tail)
}

// TestHeldoutGoldMatchesText checks every offset of the held-out gold
// against the corpus text, as TestGoldMatchesText does for the demo.
func TestHeldoutGoldMatchesText(t *testing.T) {
	g, texts := loadHeldout(t)
	for _, q := range g.Quotes {
		text, ok := texts[q.Doc]
		if !ok {
			t.Errorf("quote %v: document %q is not listed in documents", q.Quote, q.Doc)
			continue
		}
		rs := []rune(text)
		check := func(what string, sp *span2, want *string) {
			if sp == nil || want == nil {
				if sp != nil || want != nil {
					t.Errorf("%s %s: offsets and text must both be null or both set", q.Doc, what)
				}
				return
			}
			if !selects(rs, *sp, *want) {
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

// overlapPRF counts overlap matches, where one prediction may match
// several gold items and the reverse: precision counts the predictions
// that match some gold item, recall the gold items some prediction
// matches.
type overlapPRF struct{ tpP, pred, tpR, gold int }

func (m overlapPRF) p() float64 { return ratio(m.tpP, m.pred) }
func (m overlapPRF) r() float64 { return ratio(m.tpR, m.gold) }

func (m *overlapPRF) add(o overlapPRF) {
	m.tpP += o.tpP
	m.pred += o.pred
	m.tpR += o.tpR
	m.gold += o.gold
}

func (m *prf) add(o prf) {
	m.tp += o.tp
	m.pred += o.pred
	m.gold += o.gold
}

// scoreOverlap measures, for one document, QUOTE spans, CUE spans,
// speakers and cue links with overlap instead of equality: a predicted
// quote matches a gold quote it shares a code point with; a speaker
// (cue) relation is correct when its quote overlaps a gold quote whose
// speaker (cue) span it overlaps.
func scoreOverlap(g gold, p predicted) (quotes, cues, speakers, links overlapPRF) {
	quotes.gold, quotes.pred = len(g.Quotes), len(p.quotes)
	for q := range p.quotes {
		for _, gq := range g.Quotes {
			if q.overlaps(gq.Quote) {
				quotes.tpP++
				break
			}
		}
	}
	for _, gq := range g.Quotes {
		for q := range p.quotes {
			if q.overlaps(gq.Quote) {
				quotes.tpR++
				break
			}
		}
	}
	goldCues := map[span2]bool{}
	for _, gq := range g.Quotes {
		if gq.Cue != nil {
			goldCues[*gq.Cue] = true
		}
	}
	cues.gold, cues.pred = len(goldCues), len(p.cues)
	for c := range p.cues {
		for gc := range goldCues {
			if c.overlaps(gc) {
				cues.tpP++
				break
			}
		}
	}
	for gc := range goldCues {
		for c := range p.cues {
			if c.overlaps(gc) {
				cues.tpR++
				break
			}
		}
	}
	pairs := func(pred [][2]span2, goldOf func(goldQuote) *span2) (m overlapPRF) {
		m.pred = len(pred)
		right := func(pair [2]span2, gq goldQuote) bool {
			to := goldOf(gq)
			return to != nil && pair[0].overlaps(gq.Quote) && pair[1].overlaps(*to)
		}
		for _, pair := range pred {
			for _, gq := range g.Quotes {
				if right(pair, gq) {
					m.tpP++
					break
				}
			}
		}
		for _, gq := range g.Quotes {
			if goldOf(gq) == nil {
				continue
			}
			m.gold++
			for _, pair := range pred {
				if right(pair, gq) {
					m.tpR++
					break
				}
			}
		}
		return m
	}
	speakers = pairs(p.speakers, func(q goldQuote) *span2 { return q.Speaker })
	links = pairs(p.cueLinks, func(q goldQuote) *span2 { return q.Cue })
	return quotes, cues, speakers, links
}

// TestHeldoutANERCorp measures the suggester on the held-out gold, with
// no existing spans, summing over the documents: exact figures as
// TestEvalDemoArticle defines them, and overlap figures (scoreOverlap).
// Set HASHIYA_HELDOUT_ERRORS=1 to log each miss and false positive.
//
// The floors sit about 0.1 below the figures first measured (QUOTE exact
// P 0.758 R 0.514, overlap P 0.992 R 0.710; speaker exact P 0.550 R
// 0.364; CUE exact P 0.951 R 0.750; cue link P 0.789 R 0.500), so a
// regression fails without the test being tuned to them.
func TestHeldoutANERCorp(t *testing.T) {
	h, texts := loadHeldout(t)
	byDoc := map[string]gold{}
	var nested int
	for _, q := range h.Quotes {
		g := byDoc[q.Doc]
		g.Quotes = append(g.Quotes, q.goldQuote)
		byDoc[q.Doc] = g
		if q.Nested {
			nested++
		}
	}
	var all, direct, spkExact, spkOverlap, cueSpans, cueLinks prf
	var quotesO, cuesO, spkO, linksO overlapPRF
	for _, id := range slices.Sorted(maps.Keys(texts)) {
		text, g := texts[id], byDoc[id]
		p := predict(Suggest(text, nil, Options{}))
		a, d := scoreQuotes(g, p)
		se, so := scoreSpeakers(g, p)
		cs, cl := scoreCues(g, p)
		all.add(a)
		direct.add(d)
		spkExact.add(se)
		spkOverlap.add(so)
		cueSpans.add(cs)
		cueLinks.add(cl)
		qo, co, sp, lo := scoreOverlap(g, p)
		quotesO.add(qo)
		cuesO.add(co)
		spkO.add(sp)
		linksO.add(lo)
		if os.Getenv("HASHIYA_HELDOUT_ERRORS") != "" {
			logHeldoutErrors(t, id, []rune(text), g, p)
		}
	}
	t.Logf("held-out ANERCorp: %d documents, %d gold quotations (%d nested)", len(texts), len(h.Quotes), nested)
	type figure struct {
		name       string
		tpP, pred  int
		tpR, gold  int
		minP, minR float64
	}
	exact := func(name string, m prf, minP, minR float64) figure {
		return figure{name, m.tp, m.pred, m.tp, m.gold, minP, minR}
	}
	overlap := func(name string, m overlapPRF, minP, minR float64) figure {
		return figure{name, m.tpP, m.pred, m.tpR, m.gold, minP, minR}
	}
	figures := []figure{
		exact("QUOTE exact, all quotes", all, 0.65, 0.4),
		exact("QUOTE exact, direct only", direct, 0.55, 0.6),
		overlap("QUOTE overlap", quotesO, 0.85, 0.6),
		exact("speaker exact", spkExact, 0.45, 0.25),
		exact("speaker overlap", spkOverlap, 0.5, 0.3),
		overlap("speaker, quote overlap", spkO, 0.65, 0.4),
		exact("CUE span exact", cueSpans, 0.85, 0.65),
		overlap("CUE span overlap", cuesO, 0.85, 0.65),
		exact("quote -> cue link", cueLinks, 0.65, 0.4),
		overlap("cue link, overlap", linksO, 0.85, 0.5),
	}
	for _, f := range figures {
		p, r := ratio(f.tpP, f.pred), ratio(f.tpR, f.gold)
		t.Logf("%-26s P %.3f (%d/%d)  R %.3f (%d/%d)", f.name, p, f.tpP, f.pred, r, f.tpR, f.gold)
		if p < f.minP || r < f.minR {
			t.Errorf("%s: P %.3f R %.3f, below the floor P %.2f R %.2f", f.name, p, r, f.minP, f.minR)
		}
	}
}

// logHeldoutErrors logs, for one document, the gold quotes no prediction
// equals and the predicted quotes no gold quote equals, with their cue and
// speaker, to read what the suggester gets wrong.
func logHeldoutErrors(t *testing.T, id string, rs []rune, g gold, p predicted) {
	t.Helper()
	show := func(sp span2) string {
		s := string(rs[sp[0]:sp[1]])
		if r := []rune(s); len(r) > 70 {
			s = string(r[:35]) + heldoutElision + string(r[len(r)-35:])
		}
		return s
	}
	rel := func(pairs [][2]span2, q span2) string {
		for _, pr := range pairs {
			if pr[0] == q {
				return show(pr[1])
			}
		}
		return "-"
	}
	inGold := map[span2]bool{}
	for _, q := range g.Quotes {
		inGold[q.Quote] = true
		if _, ok := p.quotes[q.Quote]; ok {
			continue
		}
		cue, spk := "-", "-"
		if q.Cue != nil {
			cue = show(*q.Cue)
		}
		if q.Speaker != nil {
			spk = show(*q.Speaker)
		}
		t.Logf("%s MISS %s %v [%s] cue [%s] speaker [%s]", id, q.Type, q.Quote, show(q.Quote), cue, spk)
	}
	var fps []span2
	for q := range p.quotes {
		if !inGold[q] {
			fps = append(fps, q)
		}
	}
	slices.SortFunc(fps, func(a, b span2) int { return a[0] - b[0] })
	for _, q := range fps {
		t.Logf("%s FP   %s %v [%s] cue [%s] speaker [%s]", id, p.quotes[q], q, show(q), rel(p.cueLinks, q), rel(p.speakers, q))
	}
}
