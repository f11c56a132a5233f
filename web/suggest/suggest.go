// Package suggest proposes quotation annotations in Arabic news text,
// following the PARC scheme: the content of a quotation (QUOTE), its
// source (a PER or ORG span, linked by a "speaker" relation) and the cue
// word that introduces it (CUE, linked by a "cue" relation).
//
// It is pure text logic: no HTTP, no SQL. Offsets are Unicode code point
// indexes (Python str indexes), start inclusive, end exclusive; the text
// must be valid UTF-8, as every stored document is.
//
// The rules, each explained where it is implemented:
//   - quotations from paired marks (“ ” « » "), in logical order and either
//     orientation, quoted names inside them left alone (marks.go, quotes.go);
//   - reported speech without marks after a cue and a complementizer, the
//     cue's preposition or its verbal-noun object (reported.go), or around
//     a connective such as بحسب (according.go);
//   - cue words from a list, with clitics and inflections (cues.go);
//   - the speaker: the cue's subject after or before it, the relayed
//     source of نقل عن, or the last speaker named (speakers.go, sources.go).
package suggest

import (
	"slices"
	"sort"
	"strconv"
)

// Span is a span the suggester reads (existing annotations) or proposes.
type Span struct {
	ID         string         `json:"id"`    // existing spans: their id as decimal ("17"); proposed: "s1", "s2", ...
	Start      int            `json:"start"` // code points
	End        int            `json:"end"`
	Label      string         `json:"label"`                // "QUOTE", "CUE", "PER", "ORG", ...
	Attributes map[string]any `json:"attributes,omitempty"` // proposed QUOTE: {"type": "direct"|"indirect"|"mixed"}
	Existing   bool           `json:"existing"`             // true for a span that was passed in
	Seen       int            `json:"seen,omitempty"`       // proposed by Known: how often the text was given this label
}

// Relation links a QUOTE to its speaker ("speaker") or cue ("cue") by span
// IDs.
type Relation struct {
	Type string `json:"type"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Result holds the proposed spans, plus the existing spans that proposed
// relations use, each once, ordered by start offset; and the relations,
// ordered by the start of the quotation they leave from.
type Result struct {
	Spans     []Span     `json:"spans"`
	Relations []Relation `json:"relations"`
}

// Options configures Suggest.
type Options struct {
	CueVerbs []string // base forms; nil means DefaultCueVerbs()
}

// Suggest proposes spans and relations for text given the layer's existing
// spans. It never proposes a span that duplicates an existing one (same
// start, end, label); when an existing QUOTE or CUE overlaps what it would
// propose, or an existing PER/ORG lies inside a speaker phrase, it uses
// the existing span (by ID) in its relations instead. Proposed IDs are
// "s1", "s2", ... in order of start offset.
func Suggest(text string, existing []Span, opt Options) Result {
	verbs := opt.CueVerbs
	if verbs == nil {
		verbs = DefaultCueVerbs()
	}
	d := newDoc(text)
	b := newBuilder(d, newLexicon(verbs), existing)
	pairs := d.withUnclosed(d.pairMarks())
	pairs = d.introducedOnly(pairs, b.lx)
	pairs = d.endAtNarration(pairs, b.lx)
	direct := d.directQuotes(pairs, b.lx)
	blocked := make(mask, len(d.rs))
	for _, p := range pairs {
		if !p.Nested {
			blocked.set(p.Open, p.Close+1)
		}
	}
	for _, e := range b.existing {
		if e.Label == "QUOTE" {
			blocked.set(e.Start, e.End)
		}
	}
	cues := b.registerCues(d.findCues(b.lx, blocked))
	quotes := b.withIndirect(direct, cues)
	quotes = append(quotes, b.accordingTo(blocked, quotes)...)
	for _, q := range quotes {
		if q.att != nil {
			cues = append(cues, b.registerCue(q.att.cue))
		}
	}
	sortCues(cues)
	quotes = b.registerQuotes(quotes)
	b.attribute(quotes, cues)
	return b.result()
}

// withIndirect adds the reported speech found after each cue, skipping
// cues inside speech already found (nested attributions), and drops the
// marked quotations that a mixed one holds.
func (b *builder) withIndirect(direct []quote, cues []cue) []quote {
	var out []quote
	covered := 0
	for _, c := range cues {
		if c.Start < covered {
			continue
		}
		if q, ok := b.d.indirectAfter(c, b.lx, direct); ok {
			out = append(out, q)
			covered = q.End
		}
	}
	reported := len(out)
	for _, dq := range direct {
		inMixed := func(q quote) bool { return q.Start <= dq.Open && dq.Close <= q.End }
		if !slices.ContainsFunc(out[:reported], inMixed) {
			out = append(out, dq)
		}
	}
	sortQuotes(out)
	return out
}

func sortQuotes(qs []quote) {
	sort.SliceStable(qs, func(i, j int) bool {
		if qs[i].Start != qs[j].Start {
			return qs[i].Start < qs[j].Start
		}
		return qs[i].End < qs[j].End
	})
}

// registerQuotes gives each quotation its span: an overlapping existing
// QUOTE, else a proposal. Existing QUOTE spans that no proposal matched
// join the list, so they get a cue and speaker too.
func (b *builder) registerQuotes(quotes []quote) []quote {
	matched := map[*Span]bool{}
	for i, q := range quotes {
		if ex := b.bestOverlap(q.Start, q.End, "QUOTE"); ex != nil {
			quotes[i].span, matched[ex] = ex, true
			continue
		}
		quotes[i].span = b.plan(q.Start, q.End, "QUOTE", map[string]any{"type": q.Type})
		b.used[quotes[i].span] = true
	}
	for _, e := range b.existing {
		if e.Label == "QUOTE" && !matched[e] {
			quotes = append(quotes, quote{Start: e.Start, End: e.End, Open: e.Start, Close: e.End, span: e})
		}
	}
	sortQuotes(quotes)
	return quotes
}

// registerCues gives each cue word its span, as registerQuotes does, and
// adds the existing CUE spans that matched no cue word.
func (b *builder) registerCues(cues []cue) []cue {
	matched := map[*Span]bool{}
	for i, c := range cues {
		cues[i] = b.registerCue(c)
		if cues[i].span.Existing {
			matched[cues[i].span] = true
		}
	}
	for _, e := range b.existing {
		if e.Label == "CUE" && !matched[e] {
			cues = append(cues, cue{Start: e.Start, End: e.End, span: e})
		}
	}
	sortCues(cues)
	return cues
}

// registerCue gives one cue its span: an overlapping existing CUE, else a
// proposal.
func (b *builder) registerCue(c cue) cue {
	if ex := b.bestOverlap(c.Start, c.End, "CUE"); ex != nil {
		c.span = ex
		return c
	}
	c.span = b.plan(c.Start, c.End, "CUE", nil)
	b.used[c.span] = true
	return c
}

func sortCues(cues []cue) {
	sort.SliceStable(cues, func(i, j int) bool { return cues[i].Start < cues[j].Start })
}

// result numbers the proposals in order of start offset and lists the
// spans and relations in that order.
func (b *builder) result() Result {
	var spans []*Span
	for s := range b.used {
		spans = append(spans, s)
	}
	sort.Slice(spans, func(i, j int) bool { return spanLess(spans[i], spans[j]) })
	n := 0
	for _, s := range spans {
		if !s.Existing {
			n++
			s.ID = "s" + strconv.Itoa(n)
		}
	}
	res := Result{Spans: make([]Span, 0, len(spans)), Relations: make([]Relation, 0, len(b.rels))}
	for _, s := range spans {
		res.Spans = append(res.Spans, *s)
	}
	sort.SliceStable(b.rels, func(i, j int) bool {
		ri, rj := b.rels[i], b.rels[j]
		if ri.from != rj.from {
			return spanLess(ri.from, rj.from)
		}
		return ri.typ > rj.typ // "speaker" before "cue"
	})
	for _, r := range b.rels {
		res.Relations = append(res.Relations, Relation{Type: r.typ, From: r.from.ID, To: r.to.ID})
	}
	return res
}

// spanLess orders spans by start, end, label, then existing before
// proposed, so the numbering never depends on map order.
func spanLess(a, b *Span) bool {
	switch {
	case a.Start != b.Start:
		return a.Start < b.Start
	case a.End != b.End:
		return a.End < b.End
	case a.Label != b.Label:
		return a.Label < b.Label
	case a.Existing != b.Existing:
		return a.Existing
	}
	return a.ID < b.ID
}
