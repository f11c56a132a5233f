package suggest

import "sort"

// builder collects the result: the layer's existing spans, the spans the
// rules plan, which of them the result uses, and the relations.
type builder struct {
	d        *doc
	lx       lexicon
	existing []*Span           // copies of the layer's spans, Existing set
	planned  map[spanKey]*Span // existing and planned spans by offsets and label
	used     map[*Span]bool    // spans the result lists
	rels     []relation
}

type spanKey struct {
	start, end int
	label      string
}

type relation struct {
	typ      string
	from, to *Span
}

func newBuilder(d *doc, lx lexicon, existing []Span) *builder {
	b := &builder{d: d, lx: lx, planned: map[spanKey]*Span{}, used: map[*Span]bool{}}
	for _, e := range existing {
		e.Existing = true
		s := &e
		b.existing = append(b.existing, s)
		k := spanKey{e.Start, e.End, e.Label}
		if _, dup := b.planned[k]; !dup {
			b.planned[k] = s
		}
	}
	return b
}

// plan returns the span at start..end with label: an existing one with
// exactly those offsets and label, one planned before, or a new proposal.
// A proposal enters the result only when something uses it.
func (b *builder) plan(start, end int, label string, attrs map[string]any) *Span {
	k := spanKey{start, end, label}
	if s, ok := b.planned[k]; ok {
		return s
	}
	s := &Span{Start: start, End: end, Label: label, Attributes: attrs}
	b.planned[k] = s
	return s
}

// relate records a relation once and puts both of its spans in the result.
func (b *builder) relate(typ string, from, to *Span) {
	if from == nil || to == nil {
		return
	}
	b.used[from], b.used[to] = true, true
	r := relation{typ, from, to}
	for _, have := range b.rels {
		if have == r {
			return
		}
	}
	b.rels = append(b.rels, r)
}

// bestOverlap is the existing span with label that shares the most code
// points with start..end, or nil. Overlap rather than equality, because an
// annotator's QUOTE may include the marks and a CUE may leave out the و.
func (b *builder) bestOverlap(start, end int, label string) *Span {
	var best *Span
	bestN := 0
	for _, e := range b.existing {
		if e.Label != label {
			continue
		}
		if n := min(end, e.End) - max(start, e.Start); n > bestN {
			best, bestN = e, n
		}
	}
	return best
}

// existingIn lists the existing PER and ORG spans that overlap
// start..end, in text order.
func (b *builder) existingIn(start, end int) []*Span {
	var out []*Span
	for _, e := range b.existing {
		if (e.Label == "PER" || e.Label == "ORG") && e.Start < end && start < e.End {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return spanLess(out[i], out[j]) })
	return out
}
