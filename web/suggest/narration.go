package suggest

import "strings"

// maxNarrationWords is the longest last sentence of narration that
// endAtNarration cuts off: a cue, its subject and a complementizer (وكشف
// أنان أنه تلقى، وقال أبو مازن إن).
const maxNarrationWords = 6

// endAtNarration cuts a marked quotation whose marks were paired across
// the writer's narration (" أنا مصدوم ... . وكشف أنان أنه تلقى " ضمانات
// "): when both marks are the same glyph, which says nothing of the way
// each faces, and the content's last sentence is a short one opening
// with و and a cue, the mark after it really opens the next quotation and
// the speech ended at that sentence end. The pair then runs to the
// sentence end, as an unclosed mark's does. A longer last sentence is the
// speaker's own (" ... . وأظهر العديد من الزوار اهتمامهم بمنتجاتنا ... ").
func (d *doc) endAtNarration(pairs []markPair, lx lexicon) []markPair {
	for i, p := range pairs {
		if p.Nested || p.unclosedFrom != 0 || d.rs[p.Open] != d.rs[p.Close] {
			continue // » ... « faces both ways: the writer closed it there
		}
		last := -1
		for j := p.Open + 1; j < p.Close; j++ {
			if d.isSentenceEnd(j) {
				last = j
			}
		}
		if last < 0 {
			continue
		}
		k := d.wordAt(last + 1)
		if k >= len(d.words) || d.words[k].End > p.Close || !strings.HasPrefix(d.words[k].Norm, "و") ||
			d.wordAt(p.Close)-k > maxNarrationWords {
			continue
		}
		if _, isCue := lx.match(d.words[k].Norm); isCue {
			pairs[i].Close, pairs[i].unclosedFrom = last, p.Open+1
		}
	}
	return pairs
}
