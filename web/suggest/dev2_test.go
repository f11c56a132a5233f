package suggest

import (
	"os"
	"testing"
)

// The second dev set, testdata/quotes-dev2.json, is the hand-made gold of
// the ten ANERCorp documents that follow the dev set's in file order,
// chosen the same mechanical way (its "note" says how), in the shape of
// quotes-heldout.json. It was annotated before the suggester was run on
// it, so its first figures were a second honest estimate; since then its
// errors are read like the dev set's.

// TestDev2GoldMatchesText checks every offset of the second dev gold
// against the corpus text.
func TestDev2GoldMatchesText(t *testing.T) {
	g, texts := loadGoldSet(t, "quotes-dev2.json")
	checkGoldSet(t, g, texts)
}

// TestDev2ANERCorp measures the suggester on the second dev gold, as
// TestDevANERCorp does on the first. Set HASHIYA_DEV_ERRORS=1 to log each
// miss and false positive.
//
// First measured, before any rule was read off it: QUOTE exact P 0.803
// R 0.543, overlap P 0.958 R 0.724; speaker exact P 0.441 R 0.280; CUE
// exact P 0.789 R 0.750; cue link P 0.818 R 0.540. After the rules of
// clausesubject.go, the single-apostrophe marks and the title and time
// words: QUOTE exact P 0.790 R 0.610, overlap P 0.951 R 0.810; speaker
// exact P 0.689 R 0.452; CUE exact P 0.815 R 0.750; cue link P 0.814
// R 0.570. The floors sit about 0.1 below the latter. After the rules
// read off the fourth dev set (dev4_test.go): QUOTE exact P 0.802
// R 0.619, overlap P 0.951 R 0.810; speaker exact P 0.807 R 0.495; CUE
// exact P 0.806 R 0.750; cue link P 0.829 R 0.580. After the quotation
// ends of boundaries.go: QUOTE exact P 0.841 R 0.657; speaker exact
// P 0.845 R 0.527; CUE exact P 0.809 R 0.760; cue link P 0.859 R 0.610.
func TestDev2ANERCorp(t *testing.T) {
	g, texts := loadGoldSet(t, "quotes-dev2.json")
	s := scoreGoldSet(t, g, texts, os.Getenv("HASHIYA_DEV_ERRORS") != "")
	t.Logf("dev2 ANERCorp: %d documents, %d gold quotations", len(texts), len(g.Quotes))
	report(t, []figure{
		exactFigure("QUOTE exact, all quotes", s.all, 0.7, 0.5),
		exactFigure("QUOTE exact, direct only", s.direct, 0.6, 0.4),
		overlapFigure("QUOTE overlap", s.quotesO, 0.85, 0.7),
		exactFigure("speaker exact", s.spkExact, 0.6, 0.35),
		exactFigure("speaker overlap", s.spkOverlap, 0.65, 0.4),
		overlapFigure("speaker, quote overlap", s.spkO, 0.7, 0.45),
		exactFigure("CUE span exact", s.cueSpans, 0.7, 0.65),
		overlapFigure("CUE span overlap", s.cuesO, 0.7, 0.65),
		exactFigure("quote -> cue link", s.cueLinks, 0.7, 0.45),
		overlapFigure("cue link, overlap", s.linksO, 0.85, 0.55),
	})
}
