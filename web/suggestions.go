package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"hashiya/db"
	"hashiya/offsets"
	"hashiya/web/suggest"
)

// maxKnownLen is the longest span text, in code points, proposed again
// where it stands elsewhere: names and dates, not sentences.
const maxKnownLen = 80

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
	Seen       int            `json:"seen,omitempty"` // a known name: how often its owner gave its text this label
}

// suggestions runs the quote suggester over a layer and leaves out what
// was rejected there; it also says how many rejections the layer holds.
// Nothing it proposes enters the layer until accepted. The suggester
// speaks QUOTE, CUE, PER and ORG; the project's own labels stand in for
// them (vocabulary), and what the project could not store is left out.
func (h *handler) suggestions(c echo.Context, t target, p db.Project) (suggest.Result, int, error) {
	ctx := c.Request().Context()
	l, err := h.store.LayerOf(ctx, t.doc, t.owner)
	if err != nil {
		return suggest.Result{}, 0, err
	}
	rejected, err := h.store.Rejections(ctx, t.doc, t.owner)
	if err != nil {
		return suggest.Result{}, 0, err
	}
	v := vocabularyOf(p)
	existing := make([]suggest.Span, len(l.Spans))
	for i, s := range l.Spans {
		existing[i] = suggest.Span{ID: strconv.FormatInt(s.ID, 10), Start: s.Start, End: s.End, Label: v.toSuggester(s.Label), Existing: true}
	}
	res := withoutSpeakersOfMarked(v.fit(suggest.Suggest(t.doc.Text, existing, suggest.Options{})), l)
	decided := make([]suggest.Span, 0, len(l.Spans)+len(res.Spans))
	for _, s := range l.Spans {
		decided = append(decided, suggest.Span{Start: s.Start, End: s.End, Label: s.Label})
	}
	known, err := h.knownNames(c, t, v, append(decided, res.Spans...))
	if err != nil {
		return suggest.Result{}, 0, err
	}
	res.Spans = append(res.Spans, known...)
	return withoutRejected(stableIDs(res), rejected), len(rejected), nil
}

// checkSuggestionIDs refuses (400) the ids in suggestions' own form
// (LABEL@START-END) that no suggestion on doc could ever have, before any
// is looked up: only a well-formed id that is not proposed now is stale
// (409, notProposed), which a page answers by redrawing; a script's
// mistake is told as one. Ids without an @ name existing spans (accept
// takes those) and are looked up as they are.
func checkSuggestionIDs(ids []string, doc db.Document, p db.Project) error {
	length := utf8.RuneCountInString(doc.Text)
	for _, id := range ids {
		label, extent, ok := strings.Cut(id, "@")
		if !ok {
			continue
		}
		first, last, _ := strings.Cut(extent, "-")
		start, err1 := strconv.Atoi(first)
		end, err2 := strconv.Atoi(last)
		switch {
		case label == "" || err1 != nil || err2 != nil || fmt.Sprintf("%s@%d-%d", label, start, end) != id:
			return badRequest("ids: %q is not written as a suggestion's id (LABEL@START-END, as the list gives it)", id)
		case start >= end:
			return badRequest("ids: %q is never proposed: its start %d is not before its end %d", id, start, end)
		case !p.HasLabel(label):
			return badRequest("ids: %q is never proposed: project %s has no label %s", id, p.Name, label)
		case end > length:
			return badRequest("ids: %q is never proposed: it ends at %d, past the end of the text (%d code points)", id, end, length)
		}
	}
	return nil
}

// notProposed refuses an id no current suggestion has: 409 when it is a
// suggestion's id (LABEL@START-END) that the layer has since made stale
// (accepted or rejected elsewhere, or its place decided), so the page
// redraws as after any change made elsewhere; 400 for anything else.
// Ids no suggestion could have are refused before (checkSuggestionIDs).
func notProposed(id string) error {
	label, extent, ok := strings.Cut(id, "@")
	start, end, dash := strings.Cut(extent, "-")
	_, err1 := strconv.Atoi(start)
	_, err2 := strconv.Atoi(end)
	if ok && dash && label != "" && err1 == nil && err2 == nil {
		return echo.NewHTTPError(http.StatusConflict, fmt.Sprintf("ids: %s is no longer proposed (the layer changed since the suggestions were loaded)", id))
	}
	return badRequest("ids: %q is not a suggestion's id", id)
}

// stableIDs names each proposed span by its label and offsets
// ("QUOTE@247-301"; no label holds an @) instead of its place in the list
// ("s2"), which changes as soon as anything is accepted: an id from a
// list loaded before an accept then names the same proposal, or none
// (refused), never another one. Existing spans keep their own ids.
func stableIDs(res suggest.Result) suggest.Result {
	renamed := map[string]string{}
	for i, s := range res.Spans {
		if !s.Existing {
			id := fmt.Sprintf("%s@%d-%d", s.Label, s.Start, s.End)
			renamed[s.ID], res.Spans[i].ID = id, id
		}
	}
	for i, r := range res.Relations {
		if id, ok := renamed[r.From]; ok {
			res.Relations[i].From = id
		}
		if id, ok := renamed[r.To]; ok {
			res.Relations[i].To = id
		}
	}
	return res
}

// knownNames proposes again what the layer's owner labelled elsewhere in
// the project (suggest.Known), from their own layers only, leaving alone
// the places the layer or the quote suggester has decided (decided, in
// the project's labels). Quotations and cues are not names: a cue is proposed with
// its quotation or not at all.
func (h *handler) knownNames(c echo.Context, t target, v vocabulary, decided []suggest.Span) ([]suggest.Span, error) {
	labelled, err := h.store.LabelledTexts(c.Request().Context(), t.doc.ProjectID, t.owner, maxKnownLen)
	if err != nil {
		return nil, err
	}
	var names []suggest.Labelled
	for _, l := range labelled {
		if s := v.toSuggester(l.Label); s != "QUOTE" && s != "CUE" && v.project.HasLabel(l.Label) {
			names = append(names, suggest.Labelled(l))
		}
	}
	return suggest.Known(t.doc.Text, names, decided), nil
}

// withoutRejected drops the suggested spans rejected before and what
// only they needed (see prune).
func withoutRejected(res suggest.Result, rejected map[db.SpanKey]bool) suggest.Result {
	if len(rejected) == 0 {
		return res
	}
	return prune(res, func(s suggest.Span) bool { return rejected[db.SpanKey{Label: s.Label, Start: s.Start, End: s.End}] }, nil)
}

// prune drops the proposed spans drop says to, the relations that needed
// one of them or that keep refuses (nil keeps all), and then the proposed
// spans that were there only as the target of dropped relations (a
// rejected quotation's cue), while a speaker another quotation still uses,
// and a quotation that lost its speaker, stay. Existing spans always stay.
func prune(res suggest.Result, drop func(suggest.Span) bool, keep func(suggest.Relation) bool) suggest.Result {
	dropped, target, stillTarget := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range res.Spans {
		dropped[s.ID] = !s.Existing && drop(s)
	}
	var out suggest.Result
	for _, r := range res.Relations {
		target[r.To] = true
		if !dropped[r.From] && !dropped[r.To] && (keep == nil || keep(r)) {
			out.Relations = append(out.Relations, r)
			stillTarget[r.To] = true
		}
	}
	for _, s := range res.Spans {
		if s.Existing || !dropped[s.ID] && (!target[s.ID] || stillTarget[s.ID] || leaves(out.Relations, s.ID)) {
			out.Spans = append(out.Spans, s)
		}
	}
	return out
}

// leaves reports whether a relation leaves from span id.
func leaves(rels []suggest.Relation, id string) bool {
	return slices.ContainsFunc(rels, func(r suggest.Relation) bool { return r.From == id })
}

func (h *handler) listSuggestions(c echo.Context) error {
	t, _, err := h.readTarget(c)
	if err != nil {
		return err
	}
	p, err := h.store.Project(c.Request().Context(), t.doc.ProjectID)
	if err != nil {
		return err
	}
	res, rejected, err := h.suggestions(c, t, p)
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
		spans = append(spans, suggestedSpan{ID: s.ID, Start: s.Start, End: s.End, Label: s.Label, Text: text, Attributes: attrs, Existing: s.Existing, Seen: s.Seen})
	}
	rels := res.Relations
	if rels == nil {
		rels = []suggest.Relation{}
	}
	return c.JSON(http.StatusOK, map[string]any{"spans": spans, "relations": rels, "rejected": rejected})
}

// acceptSuggestions stores the suggested spans named in the body (or all
// of them) and every suggested relation whose ends are then in the layer,
// in one transaction. Besides the counts it answers with what it created,
// ids included, so the page can undo the accept as one step: "ids" alone
// would not do, as it also names spans the layer already had.
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
	switch {
	case in.All && len(in.IDs) > 0:
		return badRequest("body: give ids of suggested spans or all: true, not both")
	case !in.All && len(in.IDs) == 0:
		return badRequest("body: give ids of suggested spans, or all: true")
	}
	p, err := h.checkedIDs(c, t, in.IDs)
	if err != nil {
		return err
	}
	res, _, err := h.suggestions(c, t, p)
	if err != nil {
		return err
	}
	spans, rels, err := chosenSuggestions(res, in.IDs, in.All)
	if err != nil {
		return err
	}
	done, err := h.store.ApplyBatch(c.Request().Context(), t.doc, t.owner, t.user.ID, spans, rels)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]any{"ids": done.IDs, "spans": len(spans), "relations": len(rels),
		"created": map[string]any{"spans": done.Spans, "relations": done.Relations}})
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
			return nil, nil, notProposed(id)
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

// rejectSuggestions records the suggested spans named in the body as
// rejected in the layer, so they are not proposed again anywhere.
func (h *handler) rejectSuggestions(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	var in struct {
		IDs []string `json:"ids"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if len(in.IDs) == 0 {
		return badRequest("ids: give the ids of the suggested spans to reject")
	}
	p, err := h.checkedIDs(c, t, in.IDs)
	if err != nil {
		return err
	}
	res, _, err := h.suggestions(c, t, p)
	if err != nil {
		return err
	}
	byID := map[string]suggest.Span{}
	for _, s := range res.Spans {
		byID[s.ID] = s
	}
	keys := make([]db.SpanKey, 0, len(in.IDs))
	for _, id := range in.IDs {
		s, ok := byID[id]
		if !ok || s.Existing {
			return notProposed(id)
		}
		keys = append(keys, db.SpanKey{Label: s.Label, Start: s.Start, End: s.End})
	}
	if err := h.store.RejectSuggestions(c.Request().Context(), t.doc, t.owner, t.user.ID, keys); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]any{"rejected": len(keys)})
}

// checkedIDs loads the target's project and refuses the ids no
// suggestion on its document could have (checkSuggestionIDs).
func (h *handler) checkedIDs(c echo.Context, t target, ids []string) (db.Project, error) {
	p, err := h.store.Project(c.Request().Context(), t.doc.ProjectID)
	if err != nil {
		return db.Project{}, err
	}
	return p, checkSuggestionIDs(ids, t.doc, p)
}

// restoreSuggestions forgets the layer's rejections, so everything is
// proposed again.
func (h *handler) restoreSuggestions(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	n, err := h.store.RestoreSuggestions(c.Request().Context(), t.doc, t.owner, t.user.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"restored": n})
}
