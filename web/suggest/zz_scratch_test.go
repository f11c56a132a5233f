package suggest

import (
	"maps"
	"slices"
	"testing"
)

func TestZZSpeakerErrors(t *testing.T) {
	g, texts := loadGoldSet(t, "quotes-dev.json")
	for _, id := range slices.Sorted(maps.Keys(texts)) {
		rs := []rune(texts[id])
		p := predict(Suggest(texts[id], nil, Options{}))
		show := func(sp span2) string { return string(rs[sp[0]:sp[1]]) }
		for _, q := range g.Quotes {
			if q.Doc != id {
				continue
			}
			if _, ok := p.quotes[q.Quote]; !ok {
				continue
			}
			var got *span2
			for _, pr := range p.speakers {
				if pr[0] == q.Quote {
					s := pr[1]
					got = &s
				}
			}
			if q.Speaker == nil && got == nil {
				continue
			}
			if q.Speaker != nil && got != nil && *got == *q.Speaker {
				continue
			}
			gs, ps := "-", "-"
			if q.Speaker != nil {
				gs = show(*q.Speaker)
			}
			if got != nil {
				ps = show(*got)
			}
			gc, pc := "-", "-"
			if q.Cue != nil {
				gc = show(*q.Cue)
			}
			for _, pr := range p.cueLinks {
				if pr[0] == q.Quote {
					pc = show(pr[1])
				}
			}
			t.Logf("%s %v gold[%s] pred[%s] cue gold[%s] pred[%s]", id, q.Quote, gs, ps, gc, pc)
		}
	}
}
