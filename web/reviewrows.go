package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// A decision on one row of the review table (accept, reject, take a
// rejection back, remove) sent by the page's script is answered in
// place: rather than the whole page again (two megabytes for a long
// document, seconds to lay out), the page narrowed to the rows at the
// places the decision changed, which the script puts in for its own.

// inPlace is true of a review form the page's script sent.
func inPlace(c echo.Context) bool { return c.Request().Header.Get("X-Review-Rows") == "1" }

// decision runs what one review form asks for and says what it did:
// done is the notice's query (done=...), sp the span decided.
type decision func() (done string, sp db.Span, err error)

// decide runs a row's decision and answers it: a plain form goes back to
// the review page at the row, one the script sent gets the rows at every
// place where gold gained or lost a span or a rejection.
func (h *handler) decide(c echo.Context, t target, run decision) error {
	if !inPlace(c) {
		done, sp, err := run()
		if err != nil {
			return h.reviewError(c, t, err)
		}
		return h.backToReview(c, t, done, sp)
	}
	ctx := c.Request().Context()
	before, err := h.goldKeys(ctx, t.doc)
	if err != nil {
		return err
	}
	done, sp, err := run()
	if err != nil {
		return h.reviewError(c, t, err)
	}
	// The page as it is now holds gold as the decision left it: what it
	// shows of gold, against before, is where the decision changed it.
	r, err := h.review(c, t)
	if err != nil {
		return err
	}
	after := keysOf(r.Gold, r.Rejected)
	places := map[[2]int]bool{{sp.Start, sp.End}: true}
	for _, pair := range [][2]map[goldKey]bool{{before, after}, {after, before}} {
		for k := range pair[0] {
			if !pair[1][k] {
				places[[2]int{k.Start, k.End}] = true
			}
		}
	}
	r.Places = places
	r.OnlyDisputed, r.OnlyUndecided = c.FormValue("show") == "disputed", c.FormValue("show") == "undecided"
	q, _ := url.ParseQuery("done=" + done) // done is this package's own words and numbers
	r.Notice = reviewNotice(c.Request().Context(), q)
	r.NoticeAt, r.From, r.Before = anchorOf(sp), c.FormValue("from"), c.FormValue("before")
	if q.Get("done") == "replaced" {
		if err := h.offerUndoReplace(ctx, t, &r); err != nil {
			return err
		}
	}
	return render(c, http.StatusOK, components.ReviewPage(h.page(c, tr(c, "Review %s", t.doc.ExternalID)), r))
}

// goldKey is a span of gold, or a rejection for it.
type goldKey struct {
	db.SpanKey
	rejected bool
}

// goldKeys is what the review table shows of gold: its spans and its
// rejections.
func (h *handler) goldKeys(ctx context.Context, doc db.Document) (map[goldKey]bool, error) {
	gold, err := h.store.LayerOf(ctx, doc, 0)
	if err != nil {
		return nil, err
	}
	rejected, err := h.store.Rejections(ctx, doc, 0)
	if err != nil {
		return nil, err
	}
	return keysOf(gold, rejected), nil
}

// keysOf is what the review table shows of gold's spans and rejections.
func keysOf(gold db.Layer, rejected map[db.SpanKey]bool) map[goldKey]bool {
	out := make(map[goldKey]bool, len(gold.Spans)+len(rejected))
	for _, s := range gold.Spans {
		out[goldKey{SpanKey: db.SpanKey{Label: s.Label, Start: s.Start, End: s.End}}] = true
	}
	for k := range rejected {
		out[goldKey{SpanKey: k, rejected: true}] = true
	}
	return out
}

// anchorOf is the id of the review table's row for sp.
func anchorOf(sp db.Span) string {
	row := components.ReviewRow{}
	row.Start, row.End, row.Label = sp.Start, sp.End, sp.Label
	return row.Anchor()
}
