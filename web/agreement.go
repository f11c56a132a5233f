package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/components/agreement"
	"hashiya/components/agreement/fromstore"
	"hashiya/db"
)

// agreementPage sums how far the project's users agree, document by
// document, for reviewers and managers.
func (h *handler) agreementPage(c echo.Context) error {
	p, tally, err := h.agreement(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v := components.AgreementView{Project: p, Tally: tally, Confusion: tally.ConfusionOverall()}
	todo, err := h.store.DocumentsToAccept(c.Request().Context(), p.ID)
	if err != nil {
		return err
	}
	v.ToAccept, v.Batch = toAccept(todo), db.NewAcceptBatch()
	if pair := c.QueryParam("pair"); pair != "" {
		first, second, err := queriedPair(c, pair)
		if err != nil {
			return err
		}
		if v.Confusion, err = pairConfusion(c, p, tally, first, second); err != nil {
			return err
		}
	}
	// Numbers only are read from the address; the words are fixed here.
	number := func(name string) int {
		n, _ := strconv.Atoi(c.QueryParam(name))
		return n
	}
	switch c.QueryParam("done") {
	case "accepted":
		v.Notice = acceptedNotice(ctx, number("n"), number("links"), number("docs")) + leftOutInReview(ctx, number("changed"))
		// The notice offers to take the accept back while it is the
		// reviewer's last one and some of it is still in gold; an accept
		// that added nothing has nothing to take back (an older one is
		// not offered in its place).
		if number("docs") > 0 {
			if err := h.offerUndo(c, p, &v); err != nil {
				return err
			}
		}
	case "undone":
		v.Notice = undoneNotice(ctx, db.BatchUndo{Removed: db.LinkCopy{Spans: number("n"), Relations: number("links")}, Docs: number("docs")})
	}
	return render(c, http.StatusOK, components.AgreementPage(h.page(c, tr(c, "%s agreement", p.Name)), v))
}

// offerUndo fills in the accept across the project the notice offers to
// take back, the reviewer's last one, with what of it is still in gold
// for its question; none when there is none.
func (h *handler) offerUndo(c echo.Context, p db.Project, v *components.AgreementView) error {
	ctx := c.Request().Context()
	batch, err := h.store.LastAcceptBatch(ctx, p.ID, currentUser(c).ID)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	shares, err := h.store.OpenBatch(ctx, p.ID, currentUser(c).ID, batch)
	if err != nil {
		return err
	}
	v.UndoBatch, v.UndoDocs = batch, len(shares)
	for _, sh := range shares {
		v.UndoAdded.Spans += sh.Added.Spans
		v.UndoAdded.Relations += sh.Added.Relations
	}
	return nil
}

// undoAcceptEverywhere takes back every document's share of the accept
// across the project the form names (undo), each document under the rule
// of an accept on the review page. All taken back, the page says so
// after a redirect; a document refused stays as it is, and the page
// names it and why, with what was taken back elsewhere.
func (h *handler) undoAcceptEverywhere(c echo.Context, p db.Project) error {
	ctx := c.Request().Context()
	u, err := h.store.UndoAgreedBatch(ctx, p.ID, currentUser(c).ID, c.FormValue("undo"))
	if err != nil {
		if _, refused := refusal(err); !refused {
			return err
		}
	}
	if err == nil && len(u.Refused) == 0 {
		return seeOther(c, fmt.Sprintf("/projects/%d/agreement?done=undone&n=%d&links=%d&docs=%d", p.ID, u.Removed.Spans, u.Removed.Relations, u.Docs))
	}
	tally, terr := fromstore.Tally(ctx, h.store, p.ID)
	if terr != nil {
		return terr
	}
	v := components.AgreementView{Project: p, Tally: tally, Confusion: tally.ConfusionOverall(), Refused: u.Refused}
	todo, terr := h.store.DocumentsToAccept(ctx, p.ID)
	if terr != nil {
		return terr
	}
	v.ToAccept, v.Batch = toAccept(todo), db.NewAcceptBatch()
	status := http.StatusOK
	switch {
	case err != nil:
		status, _ = refusal(err)
		v.Error = plainMessage(err)
	case u.Docs == 0:
		status = http.StatusConflict
		v.Error = components.T(ctx, "Nothing was taken back: every document the accept reached keeps it, for the reason given below.")
	default:
		v.Notice = undoneNotice(ctx, u)
	}
	return render(c, status, components.AgreementPage(h.page(c, tr(c, "%s agreement", p.Name)), v))
}

// acceptedNotice says what an accept across the project put into gold,
// and in how many documents.
func acceptedNotice(ctx context.Context, spans, links, docs int) string {
	if spans+links == 0 {
		return components.T(ctx, "Nothing was accepted into gold.")
	}
	return components.Tf(ctx, "Accepted %s into gold, in %s.", components.SpansAndLinksIn(ctx, spans, links), components.Tn(ctx, docs, "%d document", "%d documents"))
}

// undoneNotice says what taking back an accept across the project took
// out of gold, and where.
func undoneNotice(ctx context.Context, u db.BatchUndo) string {
	return components.Tf(ctx, "The accept is taken back: %s left gold, in %s.",
		components.SpansAndLinksIn(ctx, u.Removed.Spans, u.Removed.Relations), components.Tn(ctx, u.Docs, "%d document", "%d documents"))
}

// apiAgreement is the agreement page's figures as JSON, for scripts that
// watch a project; the command line prints the same report.
func (h *handler) apiAgreement(c echo.Context) error {
	p, tally, err := h.agreement(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, agreement.NewReport(p.ID, tally))
}

// agreement sums the agreement of a project's users, for reviewers and
// managers.
func (h *handler) agreement(c echo.Context) (db.Project, *agreement.Tally, error) {
	p, err := h.reviewedProject(c)
	if err != nil {
		return p, nil, err
	}
	t, err := fromstore.Tally(c.Request().Context(), h.store, p.ID)
	return p, t, err
}

// toAccept counts what Accept every agreed span into gold would copy,
// for the page's question: read by the query the accept copies from
// (db.DocumentsToAccept), so the two cannot disagree.
func toAccept(a db.DocsToAccept) components.ToAccept {
	n := components.ToAccept{Docs: len(a.Agreed), Ready: len(a.Ready), Waiting: a.Waiting}
	for _, d := range a.Agreed {
		n.Spans += len(d.Refs)
	}
	return n
}
