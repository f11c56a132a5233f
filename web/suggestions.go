package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/db"
	"hashiya/offsets"
	"hashiya/web/suggest"
)

// suggestedSpan is a suggested span in the export's shape, plus whether
// it is a span the layer already has (relations may point at those).
type suggestedSpan struct {
	ID         string         `json:"id"`
	Start      int            `json:"start"`
	End        int            `json:"end"`
	Label      string         `json:"label"`
	Text       string         `json:"text"`
	Attributes map[string]any `json:"attributes"`
	Existing   bool           `json:"existing"`
}

// suggestions runs the quote suggester over a layer. Nothing it proposes
// enters the layer until accepted.
func (h *handler) suggestions(c echo.Context, t target) (suggest.Result, error) {
	l, err := h.store.LayerOf(c.Request().Context(), t.doc, t.owner)
	if err != nil {
		return suggest.Result{}, err
	}
	existing := make([]suggest.Span, len(l.Spans))
	for i, s := range l.Spans {
		existing[i] = suggest.Span{ID: strconv.FormatInt(s.ID, 10), Start: s.Start, End: s.End, Label: s.Label, Existing: true}
	}
	return suggest.Suggest(t.doc.Text, existing, suggest.Options{}), nil
}

func (h *handler) listSuggestions(c echo.Context) error {
	t, _, err := h.readTarget(c)
	if err != nil {
		return err
	}
	res, err := h.suggestions(c, t)
	if err != nil {
		return err
	}
	idx := offsets.NewIndex(t.doc.Text)
	spans := make([]suggestedSpan, 0, len(res.Spans))
	for _, s := range res.Spans {
		text, err := idx.Slice(s.Start, s.End)
		if err != nil {
			return fmt.Errorf("suggested span %s: %w", s.ID, err)
		}
		attrs := s.Attributes
		if attrs == nil {
			attrs = map[string]any{}
		}
		spans = append(spans, suggestedSpan{ID: s.ID, Start: s.Start, End: s.End, Label: s.Label, Text: text, Attributes: attrs, Existing: s.Existing})
	}
	rels := res.Relations
	if rels == nil {
		rels = []suggest.Relation{}
	}
	return c.JSON(http.StatusOK, map[string]any{"spans": spans, "relations": rels})
}

// acceptSuggestions stores the suggested spans named in the body (or all
// of them) and every suggested relation whose ends are then in the layer,
// in one transaction.
func (h *handler) acceptSuggestions(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	var in struct {
		IDs []string `json:"ids"`
		All bool     `json:"all"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if !in.All && len(in.IDs) == 0 {
		return badRequest("body: give ids of suggested spans, or all: true")
	}
	res, err := h.suggestions(c, t)
	if err != nil {
		return err
	}
	spans, rels, err := chosenSuggestions(res, in.IDs, in.All)
	if err != nil {
		return err
	}
	ids, err := h.store.ApplyBatch(c.Request().Context(), t.doc, t.owner, t.user.ID, spans, rels)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]any{"ids": ids, "spans": len(spans), "relations": len(rels)})
}

// chosenSuggestions picks the accepted spans, and the relations whose
// ends are each accepted or already in the layer and touch at least one
// chosen span. An id may name an existing span a suggestion uses (a quote
// already marked whose speaker is suggested): accepting it accepts its
// suggested relations.
func chosenSuggestions(res suggest.Result, ids []string, all bool) ([]db.BatchSpan, []db.BatchRelation, error) {
	byID := map[string]suggest.Span{}
	for _, s := range res.Spans {
		byID[s.ID] = s
	}
	chosen := map[string]bool{}
	for _, id := range ids {
		if _, ok := byID[id]; !ok {
			return nil, nil, badRequest("ids: %q is not a current suggestion (the layer may have changed; reload the suggestions)", id)
		}
		chosen[id] = true
	}
	var spans []db.BatchSpan
	for _, s := range res.Spans {
		if all {
			chosen[s.ID] = true
		}
		if !s.Existing && chosen[s.ID] {
			spans = append(spans, db.BatchSpan{Ref: s.ID, SpanInput: db.SpanInput{Start: s.Start, End: s.End, Label: s.Label, Attributes: s.Attributes}})
		}
	}
	inLayer := func(id string) bool { return chosen[id] || byID[id].Existing }
	var rels []db.BatchRelation
	for _, r := range res.Relations {
		if inLayer(r.From) && inLayer(r.To) && (chosen[r.From] || chosen[r.To]) {
			rels = append(rels, db.BatchRelation{Type: r.Type, From: r.From, To: r.To})
		}
	}
	return spans, rels, nil
}
