package agreement

// Report is a tally's figures in the shape the API answers and the
// command line prints as JSON, so the two never drift: the total, each
// pair, each label, every document two users or more worked on (least
// agreed first), each user against reviewed gold, and quotations.
type Report struct {
	Project   int64        `json:"project"`
	Documents int          `json:"documents"`
	Overall   PairReport   `json:"overall"`
	KappaMean *float64     `json:"kappa"` // mean of the pairs' κ over words, null when none has one
	Pairs     []PairReport `json:"pairs"`
	Labels    []PairReport `json:"labels"`
	Least     []DocReport  `json:"least_agreed"`
	GoldDocs  int          `json:"gold_documents"`
	Gold      []GoldReport `json:"against_gold"`
	Quotes    QuoteReport  `json:"quotations"`
	// Confusion is the table of labels confused, summed over every pair.
	Confusion []ConfusionReport `json:"confusion"`
}

// ConfusionReport is one cell of the symmetric table of labels confused
// (see Confusion), each pair of labels once: the spans with the same
// start and end one side labelled Labels[0] and the other Labels[1],
// whichever said which (the same label twice: agreed). A null label is
// none: spans the other side marked where this one marked nothing like
// them.
type ConfusionReport struct {
	Labels [2]*string `json:"labels"`
	Spans  int        `json:"spans"`
}

// PairReport is one pair's (or label's, or the total's) agreement; F1 is
// null when neither side has a span.
type PairReport struct {
	A     string   `json:"a,omitempty"`
	B     string   `json:"b,omitempty"`
	Label string   `json:"label,omitempty"`
	Both  int      `json:"both"`
	OnlyA int      `json:"only_a"`
	OnlyB int      `json:"only_b"`
	F1    *float64 `json:"f1"`
	// Of the spans only one side holds: pairs differing in extent only,
	// pairs differing in label only, and F1 counting the first as agreeing.
	Boundary  int      `json:"extent_differs"`
	Relabel   int      `json:"label_differs"`
	F1Overlap *float64 `json:"f1_forgiving_extent"`
	// Kappa is a pair's Cohen's κ over words (pairs only; null when none).
	Kappa *float64 `json:"kappa,omitempty"`
}

// GoldReport is one user's layers against reviewed gold: precision over
// their spans, recall over gold's, null when there are none.
type GoldReport struct {
	PairReport
	Documents int      `json:"documents"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
}

// DocReport is one document's mean F1 over its pairs that have one.
type DocReport struct {
	ID         int64   `json:"id"`
	ExternalID string  `json:"external_id"`
	MeanF1     float64 `json:"mean_f1"`
	Pairs      int     `json:"pairs"`
}

// QuoteReport is the agreement on quotations: summed over every pair,
// pair by pair, and each user against reviewed gold.
type QuoteReport struct {
	Overall AttributionReport   `json:"overall"`
	Pairs   []AttributionReport `json:"pairs"`
	Gold    []AttributionReport `json:"against_gold"`
}

// AttributionReport is how two users (or all pairs summed) agree on
// quotations: by exact extent as for spans, then, over the quotations
// paired by overlap, how often they named the same speaker, cue and type.
type AttributionReport struct {
	PairReport
	// Against gold: the share of their quotations gold holds, and of
	// gold's they marked.
	Precision *float64    `json:"precision,omitempty"`
	Recall    *float64    `json:"recall,omitempty"`
	Matched   int         `json:"matched"`
	Speaker   ShareReport `json:"same_speaker"`
	Cue       ShareReport `json:"same_cue"`
	Type      ShareReport `json:"same_type"`
}

// ShareReport is a count of same answers out of those compared; share is
// null when nothing was.
type ShareReport struct {
	Same  int      `json:"same"`
	Of    int      `json:"of"`
	Share *float64 `json:"share"`
}

// NewReport gathers the figures of t, a tally of project's documents.
// Every list is empty rather than null when it has nothing.
func NewReport(project int64, t *Tally) Report {
	out := Report{Project: project, Documents: len(t.Docs), Overall: pairReport(t.Overall(), ""),
		Pairs: []PairReport{}, Labels: []PairReport{}, Least: []DocReport{}, GoldDocs: t.GoldDocs(), Gold: []GoldReport{}}
	out.Quotes = QuoteReport{Overall: attributionReport(t.AttributionOverall()), Pairs: []AttributionReport{}, Gold: []AttributionReport{}}
	for _, a := range t.Attributions() {
		out.Quotes.Pairs = append(out.Quotes.Pairs, attributionReport(a))
	}
	for _, a := range t.AttributionsAgainstGold() {
		out.Quotes.Gold = append(out.Quotes.Gold, attributionReport(a))
	}
	for _, g := range t.AgainstGold() {
		out.Gold = append(out.Gold, goldReport(g))
	}
	for _, pr := range t.Pairs() {
		pj := pairReport(pr, "")
		if k, ok := t.KappaOf(pr.A, pr.B); ok {
			pj.Kappa = value(k.Value())
		}
		out.Pairs = append(out.Pairs, pj)
	}
	if mean, n := t.MeanKappa(); n > 0 {
		out.KappaMean = &mean
	}
	for _, l := range t.Labels() {
		out.Labels = append(out.Labels, pairReport(l.Pair, l.Label))
	}
	for _, d := range t.Worst(len(t.Docs)) {
		out.Least = append(out.Least, DocReport{d.ID, d.Name, d.Mean, d.Pairs})
	}
	out.Confusion = confusionReport(t.ConfusionOverall())
	return out
}

// confusionReport lists a symmetric table's cells that count something,
// by row, none last, each pair of labels once.
func confusionReport(c Confusion) []ConfusionReport {
	out := []ConfusionReport{}
	labels := append(c.Labels(), None)
	label := func(l string) *string {
		if l == None {
			return nil
		}
		return &l
	}
	for i, x := range labels {
		for _, y := range labels[i:] {
			if n := c.Count(x, y); n > 0 {
				out = append(out, ConfusionReport{Labels: [2]*string{label(x), label(y)}, Spans: n})
			}
		}
	}
	return out
}

// value is a figure that may be undefined as a pointer, nil when it is.
func value(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}

func pairReport(p Pair, label string) PairReport {
	return PairReport{A: p.A, B: p.B, Label: label, Both: p.Both, OnlyA: p.OnlyA, OnlyB: p.OnlyB,
		Boundary: p.Boundary, Relabel: p.Relabel, F1: value(p.F1()), F1Overlap: value(p.F1Overlap())}
}

func goldReport(g GoldScore) GoldReport {
	return GoldReport{PairReport: pairReport(g.Pair, ""), Documents: g.Docs, Precision: value(g.Precision()), Recall: value(g.Recall())}
}

func attributionReport(a Attribution) AttributionReport {
	share := func(c Count) ShareReport {
		return ShareReport{Same: c.Same, Of: c.Of, Share: value(c.Share())}
	}
	q := a.Quotes
	q.A, q.B = a.A, a.B
	out := AttributionReport{PairReport: pairReport(q, ""), Matched: a.Matched, Speaker: share(a.Speaker), Cue: share(a.Cue), Type: share(a.Type)}
	if a.B == "gold" {
		out.Precision, out.Recall = value(q.Precision()), value(q.Recall())
	}
	return out
}
