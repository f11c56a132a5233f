package suggest

import (
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
// against the corpus text.
func TestHeldoutGoldMatchesText(t *testing.T) {
	g, texts := loadGoldSet(t, "quotes-heldout.json")
	checkGoldSet(t, g, texts)
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
// regression fails without the test being tuned to them. After the rules
// developed on the dev set (dev_test.go): QUOTE exact P 0.826 R 0.623,
// overlap P 0.993 R 0.787; speaker exact P 0.598 R 0.424; CUE exact
// P 0.974 R 0.828; cue link P 0.852 R 0.606. After the rules developed
// on the second dev set (dev2_test.go), scored once: QUOTE exact P 0.826
// R 0.623, overlap P 0.993 R 0.787; speaker exact P 0.602 R 0.430; CUE
// exact P 0.968 R 0.833; cue link P 0.852 R 0.606 (unchanged but for
// one more wrong speaker). After the rules developed on the third dev set
// (dev3_test.go), scored once: QUOTE exact P 0.826 R 0.623, overlap
// P 0.993 R 0.787; speaker exact P 0.605 R 0.436, overlap P 0.664
// R 0.479; CUE exact P 0.968 R 0.833; cue link P 0.852 R 0.606 (one more
// right speaker, the rest unchanged, so the floors stay). After the rules
// developed on the fourth dev set (dev4_test.go), scored once: QUOTE
// exact P 0.819 R 0.617, overlap P 0.993 R 0.787; speaker exact P 0.705
// R 0.448, overlap P 0.762 R 0.485; CUE exact P 0.968 R 0.833; cue link
// P 0.844 R 0.600 (fewer wrong speakers and two more right ones, one
// exact quotation fewer; the floors stay). After the rules developed on
// the fifth dev set (dev5_test.go), scored once: speaker exact P 0.701
// R 0.455, overlap P 0.757 R 0.491, quote overlap P 0.869 R 0.564 (one
// more right speaker and one more wrong; quotations and cues unchanged).
// The speaker floors now sit about 0.1 below these. After the quotation
// ends developed on the five dev sets (boundaries.go), scored once: QUOTE
// exact P 0.826 R 0.623, overlap P 0.993 R 0.787; speaker exact P 0.701
// R 0.455, overlap P 0.766 R 0.497; CUE exact P 0.968 R 0.833; cue link
// P 0.852 R 0.606 (one more exact quotation, cue link and overlapping
// speaker, nothing lost). The floors of what rose sit about 0.1 below.
// After the speaker rules developed on the six dev sets (addressees.go,
// statements.go, titles.go), scored once: speaker exact P 0.717 R 0.461,
// overlap P 0.792 R 0.509, quote overlap P 0.887 R 0.570 (one more right
// speaker and two fewer wrong ones; the rest unchanged, the floors stay).
// After the rules developed on the seventh dev set (newspeech.go,
// speakerends.go), scored once: QUOTE exact P 0.813 R 0.617 (113 of
// 183), overlap P 0.993 R 0.787; speaker exact P 0.710 R 0.461, overlap
// P 0.785 R 0.509, quote overlap P 0.888 R 0.576; CUE exact P 0.968
// R 0.833; cue link P 0.837 R 0.600 (one exact quotation and its cue
// link fewer, one more overlapping speaker; not tuned on, the floors
// stay). After the rules developed further on the seven dev sets
// (appositions.go, speakernames.go, beliefs.go, marks.go, according.go,
// a mixed clause run to its closing mark, النص and النصب as texts, ب of
// manner, ، علما), scored once: QUOTE exact P 0.807 R 0.617 (113 of 183,
// one more quotation proposed, overlapping but not exact), direct
// P 0.744 R 0.763, overlap P 0.993 R 0.787; speaker exact P 0.710
// R 0.461, overlap P 0.785 R 0.509, quote overlap P 0.888 R 0.576; CUE
// exact P 0.968 R 0.833; cue link P 0.837 R 0.600 (QUOTE exact precision
// fell by that one quotation, the rest unchanged; not tuned on, the
// floors stay). After a further round on the seven dev sets (works.go,
// announcements.go, narration.go, للشؤون in a title, staleAfter one
// sentence), scored once: QUOTE exact P 0.806 R 0.612 (112 of 183, one
// fewer), direct P 0.737 R 0.737, overlap P 0.993 R 0.781; speaker exact
// P 0.735 R 0.455 (75 right, one fewer, 27 wrong rather than 31),
// overlap P 0.814 R 0.503, quote overlap P 0.922 R 0.570; CUE unchanged;
// cue link P 0.844 R 0.600 (not tuned on, the floors stay).
func TestHeldoutANERCorp(t *testing.T) {
	h, texts := loadGoldSet(t, "quotes-heldout.json")
	nested := 0
	for _, q := range h.Quotes {
		if q.Nested {
			nested++
		}
	}
	s := scoreGoldSet(t, h, texts, os.Getenv("HASHIYA_HELDOUT_ERRORS") != "")
	t.Logf("held-out ANERCorp: %d documents, %d gold quotations (%d nested)", len(texts), len(h.Quotes), nested)
	report(t, []figure{
		exactFigure("QUOTE exact, all quotes", s.all, 0.72, 0.52),
		exactFigure("QUOTE exact, direct only", s.direct, 0.55, 0.6),
		overlapFigure("QUOTE overlap", s.quotesO, 0.85, 0.6),
		exactFigure("speaker exact", s.spkExact, 0.6, 0.35),
		exactFigure("speaker overlap", s.spkOverlap, 0.66, 0.39),
		overlapFigure("speaker, quote overlap", s.spkO, 0.75, 0.45),
		exactFigure("CUE span exact", s.cueSpans, 0.85, 0.65),
		overlapFigure("CUE span overlap", s.cuesO, 0.85, 0.65),
		exactFigure("quote -> cue link", s.cueLinks, 0.75, 0.5),
		overlapFigure("cue link, overlap", s.linksO, 0.85, 0.5),
	})
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
			// Found: log a speaker the suggester got wrong or missed.
			want := "-"
			if q.Speaker != nil {
				want = show(*q.Speaker)
			}
			if got := rel(p.speakers, q.Quote); got != want {
				t.Logf("%s SPKR %v [%s] speaker [%s], suggested [%s]", id, q.Quote, show(q.Quote), want, got)
			}
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
