package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/components/agreement"
	"hashiya/db"
)

// agreementPage sums how far the project's users agree, document by
// document, for reviewers and managers.
func (h *handler) agreementPage(c echo.Context) error {
	p, tally, err := h.agreement(c)
	if err != nil {
		return err
	}
	v := components.AgreementView{Project: p, Tally: tally}
	if c.QueryParam("done") == "accepted" {
		// Numbers only are read from the address; the words are fixed here.
		n, _ := strconv.Atoi(c.QueryParam("n"))
		links, _ := strconv.Atoi(c.QueryParam("links"))
		docs, _ := strconv.Atoi(c.QueryParam("docs"))
		v.Notice = fmt.Sprintf("Accepted %s and %s into gold, in %s.", components.Plural(n, "span"), components.Plural(links, "link"), components.Plural(docs, "document"))
	}
	return render(c, http.StatusOK, components.AgreementPage(h.page(c, p.Name+" agreement"), v))
}

// pairJSON is one pair's (or label's, or the total's) agreement in the
// API; F1 is null when neither side has a span.
type pairJSON struct {
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

func toPairJSON(p agreement.Pair, label string) pairJSON {
	out := pairJSON{A: p.A, B: p.B, Label: label, Both: p.Both, OnlyA: p.OnlyA, OnlyB: p.OnlyB, Boundary: p.Boundary, Relabel: p.Relabel}
	if f, ok := p.F1(); ok {
		out.F1 = &f
	}
	if f, ok := p.F1Overlap(); ok {
		out.F1Overlap = &f
	}
	return out
}

// goldJSON is one user's layers against reviewed gold: precision over
// their spans, recall over gold's, null when there are none.
type goldJSON struct {
	pairJSON
	Documents int      `json:"documents"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
}

func toGoldJSON(g agreement.GoldScore) goldJSON {
	out := goldJSON{pairJSON: toPairJSON(g.Pair, ""), Documents: g.Docs}
	if v, ok := g.Precision(); ok {
		out.Precision = &v
	}
	if v, ok := g.Recall(); ok {
		out.Recall = &v
	}
	return out
}

// apiAgreement is the agreement page's figures as JSON, for scripts that
// watch a project: the total, each pair, each label, and every document
// two users or more worked on, least agreed first.
func (h *handler) apiAgreement(c echo.Context) error {
	p, tally, err := h.agreement(c)
	if err != nil {
		return err
	}
	type docJSON struct {
		ID         int64   `json:"id"`
		ExternalID string  `json:"external_id"`
		MeanF1     float64 `json:"mean_f1"`
		Pairs      int     `json:"pairs"`
	}
	out := struct {
		Project   int64      `json:"project"`
		Documents int        `json:"documents"`
		Overall   pairJSON   `json:"overall"`
		KappaMean *float64   `json:"kappa"` // mean of the pairs' κ over words, null when none has one
		Pairs     []pairJSON `json:"pairs"`
		Labels    []pairJSON `json:"labels"`
		Least     []docJSON  `json:"least_agreed"`
		GoldDocs  int        `json:"gold_documents"`
		Gold      []goldJSON `json:"against_gold"`
		Quotes    struct {
			Overall attributionJSON   `json:"overall"`
			Pairs   []attributionJSON `json:"pairs"`
			Gold    []attributionJSON `json:"against_gold"`
		} `json:"quotations"`
	}{Project: p.ID, Documents: len(tally.Docs), Overall: toPairJSON(tally.Overall(), ""), Pairs: []pairJSON{}, Labels: []pairJSON{}, Least: []docJSON{},
		GoldDocs: tally.GoldDocs(), Gold: []goldJSON{}}
	out.Quotes.Overall, out.Quotes.Pairs = toAttributionJSON(tally.AttributionOverall()), []attributionJSON{}
	for _, a := range tally.Attributions() {
		out.Quotes.Pairs = append(out.Quotes.Pairs, toAttributionJSON(a))
	}
	out.Quotes.Gold = []attributionJSON{}
	for _, a := range tally.AttributionsAgainstGold() {
		out.Quotes.Gold = append(out.Quotes.Gold, toAttributionJSON(a))
	}
	for _, g := range tally.AgainstGold() {
		out.Gold = append(out.Gold, toGoldJSON(g))
	}
	for _, pr := range tally.Pairs() {
		pj := toPairJSON(pr, "")
		if k, ok := tally.KappaOf(pr.A, pr.B); ok {
			if v, ok := k.Value(); ok {
				pj.Kappa = &v
			}
		}
		out.Pairs = append(out.Pairs, pj)
	}
	if mean, n := tally.MeanKappa(); n > 0 {
		out.KappaMean = &mean
	}
	for _, l := range tally.Labels() {
		out.Labels = append(out.Labels, toPairJSON(l.Pair, l.Label))
	}
	for _, d := range tally.Worst(len(tally.Docs)) {
		out.Least = append(out.Least, docJSON{d.ID, d.Name, d.Mean, d.Pairs})
	}
	return c.JSON(http.StatusOK, out)
}

// agreement sums the agreement of a project's users, for reviewers and
// managers.
func (h *handler) agreement(c echo.Context) (db.Project, *agreement.Tally, error) {
	p, err := h.reviewedProject(c)
	if err != nil {
		return p, nil, err
	}
	tally := &agreement.Tally{}
	err = h.store.EachDocumentLayers(c.Request().Context(), p.ID, func(d db.DocumentLayers) error {
		in := make([]agreement.Layer, len(d.Layers))
		for i, l := range d.Layers {
			in[i] = toAgreementLayer(l)
		}
		tally.Add(d.ID, d.ExternalID, in)
		tally.AddWords(d.Text, in)
		if d.Gold != nil {
			tally.AddGold(toAgreementLayer(*d.Gold), in)
		}
		return nil
	})
	return p, tally, err
}

func toAgreementLayer(l db.LayerSpans) agreement.Layer {
	out := agreement.Layer{Name: l.Name, Spans: make([]agreement.Span, len(l.Spans))}
	for i, s := range l.Spans {
		out.Spans[i] = agreement.Span{Start: s.Start, End: s.End, Label: s.Label}
	}
	for _, q := range l.Quotes {
		aq := agreement.Quote{Type: q.Type, Speaker: toExtent(q.Speaker), Cue: toExtent(q.Cue), NotInText: q.NotInText}
		for _, seg := range q.Segments {
			aq.Segments = append(aq.Segments, agreement.Extent{Start: seg.Start, End: seg.End})
		}
		out.Quotes = append(out.Quotes, aq)
	}
	return out
}

func toExtent(k *db.SpanKey) *agreement.Extent {
	if k == nil {
		return nil
	}
	return &agreement.Extent{Start: k.Start, End: k.End}
}

// attributionJSON is how two users (or all pairs summed) agree on
// quotations: by exact extent as for spans, then, over the quotations
// paired by overlap, how often they named the same speaker, cue and type.
type attributionJSON struct {
	pairJSON
	// Against gold: the share of their quotations gold holds, and of
	// gold's they marked.
	Precision *float64  `json:"precision,omitempty"`
	Recall    *float64  `json:"recall,omitempty"`
	Matched   int       `json:"matched"`
	Speaker   shareJSON `json:"same_speaker"`
	Cue       shareJSON `json:"same_cue"`
	Type      shareJSON `json:"same_type"`
}

// shareJSON is a count of same answers out of those compared; share is
// null when nothing was.
type shareJSON struct {
	Same  int      `json:"same"`
	Of    int      `json:"of"`
	Share *float64 `json:"share"`
}

func toAttributionJSON(a agreement.Attribution) attributionJSON {
	share := func(c agreement.Count) shareJSON {
		out := shareJSON{Same: c.Same, Of: c.Of}
		if v, ok := c.Share(); ok {
			out.Share = &v
		}
		return out
	}
	q := a.Quotes
	q.A, q.B = a.A, a.B
	out := attributionJSON{pairJSON: toPairJSON(q, ""), Matched: a.Matched, Speaker: share(a.Speaker), Cue: share(a.Cue), Type: share(a.Type)}
	if a.B == "gold" {
		if v, ok := q.Precision(); ok {
			out.Precision = &v
		}
		if v, ok := q.Recall(); ok {
			out.Recall = &v
		}
	}
	return out
}
