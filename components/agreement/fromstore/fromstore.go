// Package fromstore sums a project's agreement from the store, for the
// web pages, the API and the command line alike: the agreement package
// itself stays free of SQL.
package fromstore

import (
	"context"

	"hashiya/components/agreement"
	"hashiya/db"
)

// Tally sums the agreement of the users of a project over every document
// two of them or more worked on, each user against reviewed gold too.
func Tally(ctx context.Context, s *db.Store, projectID int64) (*agreement.Tally, error) {
	t := &agreement.Tally{}
	err := s.EachDocumentLayers(ctx, projectID, func(d db.DocumentLayers) error {
		in := make([]agreement.Layer, len(d.Layers))
		for i, l := range d.Layers {
			in[i] = layer(l)
		}
		t.Add(d.ID, d.ExternalID, in)
		t.AddWords(d.Text, in)
		if d.Gold != nil {
			t.AddGold(layer(*d.Gold), in)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

func layer(l db.LayerSpans) agreement.Layer {
	out := agreement.Layer{Name: l.Name, Spans: make([]agreement.Span, len(l.Spans))}
	for i, s := range l.Spans {
		out.Spans[i] = agreement.Span{Start: s.Start, End: s.End, Label: s.Label}
	}
	for _, q := range l.Quotes {
		aq := agreement.Quote{Type: q.Type, Speaker: extent(q.Speaker), Cue: extent(q.Cue), NotInText: q.NotInText}
		for _, seg := range q.Segments {
			aq.Segments = append(aq.Segments, agreement.Extent{Start: seg.Start, End: seg.End})
		}
		out.Quotes = append(out.Quotes, aq)
	}
	return out
}

func extent(k *db.SpanKey) *agreement.Extent {
	if k == nil {
		return nil
	}
	return &agreement.Extent{Start: k.Start, End: k.End}
}

// CellSpans reads the project as Tally does, listing the spans cell
// counts (agreement.Tally.ListCell): the tally counts its table, and
// texts holds the text of each document holding one of the n spans
// shown from the first (from 0) of the list, by id, for their context.
// Only those texts are read: the list is in document order, so a
// document's spans follow the count of those listed before it. Words
// and gold are left out: the table needs neither.
func CellSpans(ctx context.Context, s *db.Store, projectID int64, cell agreement.Cell, first, n int) (t *agreement.Tally, texts map[int64]string, err error) {
	t, texts = &agreement.Tally{}, map[int64]string{}
	t.ListCell(cell)
	err = s.EachDocumentLayersTextOnDemand(ctx, projectID, func(d db.DocumentLayers, text func() (string, error)) error {
		in := make([]agreement.Layer, len(d.Layers))
		for i, l := range d.Layers {
			in[i] = layer(l)
		}
		before := t.CellSpanCount()
		t.Add(d.ID, d.ExternalID, in)
		if after := t.CellSpanCount(); after > before && after > first && before-first < n {
			var err error
			texts[d.ID], err = text()
			return err
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return t, texts, nil
}
