package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// reviewTarget is the document of a review request, for reviewers and
// managers; an annotator of the project gets 403, anyone else 404.
func (h *handler) reviewTarget(c echo.Context) (target, error) {
	t, err := h.document(c)
	if err != nil {
		return t, err
	}
	if !t.role.AtLeast(db.RoleReviewer) {
		return t, forbidden("only reviewers and managers review a document's layers",
			components.Msg("Only reviewers and managers of this project review a document's layers. Open the document to work in your own layer, or ask a manager of the project for the reviewer role."))
	}
	return t, nil
}

// review loads what the review page shows.
func (h *handler) review(c echo.Context, t target) (components.Review, error) {
	r, err := h.reviewLayers(c.Request().Context(), t.doc)
	if err != nil {
		return r, err
	}
	r.CanReopen = t.role.AtLeast(db.RoleManager)
	as, err := h.store.Assignees(c.Request().Context(), t.doc.ProjectID, []int64{t.doc.ID})
	if err != nil {
		return r, err
	}
	r.Assignees = as[t.doc.ID]
	r.Project, err = h.store.Project(c.Request().Context(), t.doc.ProjectID)
	return r, err
}

// reviewLayers loads a document's users' layers and its gold layer: what
// a review compares.
func (h *handler) reviewLayers(ctx context.Context, doc db.Document) (components.Review, error) {
	r := components.Review{Doc: doc}
	var err error
	if r.Layers, r.Gold, err = h.store.ReviewLayers(ctx, doc); err != nil {
		return r, err
	}
	r.Rejected, err = h.store.Rejections(ctx, doc, 0)
	return r, err
}

// reviewPage compares the users' layers of a document with each other
// and with gold.
func (h *handler) reviewPage(c echo.Context) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	r, err := h.review(c, t)
	if err != nil {
		return err
	}
	r.Notice = reviewNotice(c.Request().Context(), c.QueryParams())
	if c.QueryParam("done") == "reviewed-next" {
		// Named as Mark done names the document it finished.
		name, err := h.documentName(c, c.QueryParam("prev"))
		if err != nil {
			return err
		}
		r.Notice = tr(c, "Marked gold of %s reviewed. This is the next document ready for review.", name)
	}
	if c.QueryParam("done") == "reviewed" {
		// Mark gold reviewed stays here when no other document is ready
		// for review: the notice says so rather than leave the promise of
		// the next one unkept, read now, so a reload later tells the truth.
		if err := h.reviewedNotice(c, t, &r); err != nil {
			return err
		}
	}
	r.WarnQuotes = c.QueryParam("warn") == "quotes"
	r.WarnUndecided = c.QueryParam("warn") == "undecided"
	switch show := c.QueryParam("show"); show {
	case "", "all":
	case "disputed":
		r.OnlyDisputed = true
	case "undecided":
		r.OnlyUndecided = true
	default:
		return badRequest("show: %q is not all, disputed or undecided", show)
	}
	r.NoticeAt, r.From, r.Before = c.QueryParam("at"), c.QueryParam("from"), c.QueryParam("before")
	if c.QueryParam("done") == "replaced" {
		if err := h.offerUndoReplace(c.Request().Context(), t, &r); err != nil {
			return err
		}
	}
	if c.QueryParam("done") == "accepted-agreed" {
		// The notice of a bulk accept offers to take it back, while it is
		// the reviewer's last one and not taken back yet.
		a, err := h.store.LastAgreedAccept(c.Request().Context(), t.doc, t.user.ID)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		r.UndoAccept = a
	}
	return render(c, http.StatusOK, components.ReviewPage(h.page(c, tr(c, "Review %s", t.doc.ExternalID)), r))
}

// reviewNotice says what the last review form did, from its query (done
// and its counts). Its words are fixed here, never taken from the URL;
// spans, n, replaced and changed are read as numbers only. It is said in
// ctx's language.
func reviewNotice(ctx context.Context, q url.Values) string {
	number := func(name string) int {
		n, _ := strconv.Atoi(q.Get(name))
		return n
	}
	links := func(n int) string { return components.Tn(ctx, n, "%d link", "%d links") }
	count, copied := number("n"), number("spans")
	switch q.Get("done") {
	case "accepted-agreed":
		msg := components.T(ctx, "Nothing was accepted into gold.")
		if copied+count > 0 {
			msg = components.Tf(ctx, "Accepted %s into gold.", components.SpansAndLinksIn(ctx, copied, count))
		}
		return msg + leftOutInList(ctx, number("changed"))
	case "undone-accept":
		return components.Tf(ctx, "The accept is taken back: %s left gold.", components.SpansAndLinksIn(ctx, copied, count))
	case "linked":
		if copied == 0 && count == 0 {
			return components.T(ctx, "Gold holds that span and its links already; nothing was copied.")
		}
		if r := number("replaced"); r > 0 {
			return components.Tf(ctx, "Gold gained %s, in place of %s of its own.", components.SpansAndLinksIn(ctx, copied, count), links(r))
		}
		return components.Tf(ctx, "Gold gained %s.", components.SpansAndLinksIn(ctx, copied, count))
	case "accepted":
		return components.T(ctx, "Accepted into gold.")
	case "replaced":
		msg := components.T(ctx, "Accepted into gold, in place of the label gold gave these words.")
		if count > 0 {
			msg = components.Tf(ctx, "Accepted into gold, in place of the label gold gave these words, and %s went with it.", links(count))
		}
		if q.Has("linked") {
			// Accepted with an annotator's links, as "linked" says them.
			brought := components.SpansAndLinksIn(ctx, copied, number("linked"))
			if r := number("replaced"); r > 0 {
				return msg + " " + components.Tf(ctx, "Its links brought %s into gold, in place of %s of its own.", brought, links(r))
			}
			return msg + " " + components.Tf(ctx, "Its links brought %s into gold.", brought)
		}
		return msg
	case "unreplaced":
		msg := components.T(ctx, "The accept is taken back: gold has the label it had before.")
		if count > 0 {
			msg = components.Tf(ctx, "The accept is taken back: gold has the label it had before, with %s.", links(count))
		}
		if lost := number("lost"); lost > 0 {
			msg += " " + components.Tf(ctx, "%s could not come back: the span at its other end left gold since.", links(lost))
		}
		return msg
	case "already":
		return components.T(ctx, "Gold already holds that span; nothing was copied.")
	case "removed":
		return components.T(ctx, "Removed from gold.")
	case "rejected":
		return components.T(ctx, "Rejected: it stays out of gold.")
	case "unrejected":
		return components.T(ctx, "The rejection is taken back: the span waits for a decision again.")
	case "reviewed":
		return components.T(ctx, "Gold is marked reviewed.")
	case "reopened":
		return components.T(ctx, "Gold is open for changes again.")
	}
	return ""
}

// acceptSpan copies a span of a user's layer into gold, with its links
// and what they reach when the form asks (links=1). The form sends the
// row's label and offsets too: a span changed since the page showed it
// is refused (409), so gold gets only what the reviewer saw.
func (h *handler) acceptSpan(c echo.Context) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	return h.decide(c, t, func() (string, db.Span, error) {
		ctx := c.Request().Context()
		from, err := h.formUserIn(c, "layer")
		if err != nil {
			return "", db.Span{}, err
		}
		ref := db.SpanRef{Owner: from.ID}
		if ref.Span, err = formID(c, "span"); err != nil {
			return "", db.Span{}, err
		}
		if ref.Seen, err = formKey(c); err != nil {
			return "", db.Span{}, err
		}
		// The labels the row saw gold give its words: the store replaces
		// them, reading which spans they are itself, or refuses when gold
		// gives the words others now.
		form, err := c.FormParams()
		if err != nil {
			return "", db.Span{}, err
		}
		if c.FormValue("links") == "1" {
			sp, added, rep, err := h.store.AcceptWithLinksInGold(ctx, t.doc, ref, form["replaces"], t.user.ID)
			done := fmt.Sprintf("linked&spans=%d&n=%d", added.Spans, added.Relations)
			if rep.Event != 0 {
				// The spans its links brought: the accepted one is said apart.
				done = fmt.Sprintf("replaced&n=%d&spans=%d&linked=%d", len(rep.Relations), max(added.Spans-1, 0), added.Relations)
			}
			if added.Replaced > 0 {
				done += fmt.Sprintf("&replaced=%d", added.Replaced)
			}
			return done, sp, err
		}
		acc, err := h.store.AcceptInGold(ctx, t.doc, ref, form["replaces"], t.user.ID)
		switch {
		case err != nil || acc.Replacement.Event == 0:
			return map[bool]string{true: "accepted", false: "already"}[acc.Copied], acc.Span, err
		case len(acc.Replacement.Relations) > 0:
			return fmt.Sprintf("replaced&n=%d", len(acc.Replacement.Relations)), acc.Span, nil
		}
		return "replaced", acc.Span, nil
	})
}

// undoReplace takes back the accept in place of gold's label the form
// names (replace, its log entry, which the notice after it offers): the
// span it copied leaves gold and the spans it replaced come back, with
// their links.
func (h *handler) undoReplace(c echo.Context) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	return h.decide(c, t, func() (string, db.Span, error) {
		event, err := strconv.ParseInt(c.FormValue("replace"), 10, 64)
		if err != nil || event <= 0 {
			return "", db.Span{}, &db.ValidationError{Field: "replace", Reason: fmt.Sprintf("%q names no accept to take back", c.FormValue("replace"))}
		}
		un, err := h.store.UndoReplace(c.Request().Context(), t.doc, t.user.ID, event)
		if err != nil || len(un.Restored) == 0 {
			return "", db.Span{}, err
		}
		return fmt.Sprintf("unreplaced&n=%d&lost=%d", un.Links, un.Lost), un.Restored[0], nil
	})
}

// offerUndoReplace gives the review the reviewer's last replacement when
// the notice is about its row, for the notice to offer taking it back,
// in the row or, when the row has left a filtered list, above the table.
func (h *handler) offerUndoReplace(ctx context.Context, t target, r *components.Review) error {
	rep, err := h.store.LastReplacement(ctx, t.doc, t.user.ID)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if anchorOf(db.Span{Label: rep.Label, Start: rep.Start, End: rep.End}) == r.NoticeAt {
		r.UndoReplace = rep
	}
	return nil
}

// agreedRefs names, in a layer holding each, the spans every user's layer
// of the review holds and gold lacks, each with its label and offsets as
// read here: the copy leaves out any changed before it is made.
func agreedRefs(r components.Review) []db.SpanRef {
	var refs []db.SpanRef
	for _, row := range r.Agreed() {
		refs = append(refs, db.SpanRef{Owner: row.FromOwner, Span: row.FromSpan, Seen: row.Key()})
	}
	return refs
}

// acceptAgreed copies into gold, in one transaction, every span all
// users' layers hold and gold lacks; sent with undo (the accept's log
// entry, which its notice offers) it takes that accept back instead.
func (h *handler) acceptAgreed(c echo.Context) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	if c.FormValue("undo") != "" {
		return h.undoAccept(c, t)
	}
	r, err := h.reviewLayers(c.Request().Context(), t.doc)
	if err != nil {
		return err
	}
	n, err := h.store.AcceptAgreed(c.Request().Context(), t.doc, agreedRefs(r), t.user.ID)
	if err != nil {
		return h.reviewError(c, t, err)
	}
	return seeOther(c, fmt.Sprintf("/documents/%d/review?done=accepted-agreed&spans=%d&n=%d%s%s", t.doc.ID, n.Spans, n.Relations, changedQuery(n), keptFilter(c)))
}

// undoAccept takes back, in one transaction, the bulk accept the form
// names: the spans and links it put into gold leave it. One refused
// (another reviewer's, taken back already, gold changed since) is said
// on the review page, and gold stays as it is.
func (h *handler) undoAccept(c echo.Context, t target) error {
	event, err := strconv.ParseInt(c.FormValue("undo"), 10, 64)
	if err != nil || event <= 0 {
		return h.reviewError(c, t, &db.ValidationError{Field: "undo", Reason: fmt.Sprintf("%q names no accept to take back", c.FormValue("undo"))})
	}
	n, err := h.store.UndoAgreedAccept(c.Request().Context(), t.doc, t.user.ID, event)
	if err != nil {
		return h.reviewError(c, t, err)
	}
	return seeOther(c, fmt.Sprintf("/documents/%d/review?done=undone-accept&spans=%d&n=%d%s", t.doc.ID, n.Spans, n.Relations, keptFilter(c)))
}

// leftOutInList says how many agreed spans a bulk accept left out
// because they changed meanwhile, and where to decide them; "" for none.
func leftOutInList(ctx context.Context, changed int) string {
	if changed <= 0 {
		return ""
	}
	return " " + components.Tn(ctx, changed, "1 agreed span changed meanwhile and was left out: decide it in the list.", "%d agreed spans changed meanwhile and were left out: decide them in the list.")
}

// leftOutInReview is leftOutInList for the accept across a project,
// whose spans left out are decided on each document's review page.
func leftOutInReview(ctx context.Context, changed int) string {
	if changed <= 0 {
		return ""
	}
	return " " + components.Tn(ctx, changed, "1 agreed span changed meanwhile and was left out: decide it in their documents' review.", "%d agreed spans changed meanwhile and were left out: decide them in their documents' review.")
}

// changedQuery counts for the notice the agreed spans a bulk accept left
// out because they changed meanwhile; "" when none did.
func changedQuery(n db.LinkCopy) string {
	if n.Changed == 0 {
		return ""
	}
	return fmt.Sprintf("&changed=%d", n.Changed)
}

// acceptAgreedEverywhere copies into gold, document by document (one
// transaction each), the spans the page's question counted: in each
// document whose users' layers (two or more) are all done and whose gold
// is not reviewed, every span all those layers hold and gold lacks
// (db.DocumentsToAccept, which the page's question counts).
// Each document's accept is logged under one batch name, so that sent
// with undo (that name, which the notice offers) it takes the whole
// batch back instead.
func (h *handler) acceptAgreedEverywhere(c echo.Context) error {
	p, role, err := h.project(c)
	if err != nil {
		return err
	}
	if !role.AtLeast(db.RoleReviewer) {
		return forbidden("only reviewers and managers accept spans into gold",
			tr(c, "Only reviewers and managers of project %s accept spans into gold. Ask a manager of the project for the reviewer role.", components.NameIn(c.Request().Context(), p.Name)))
	}
	if c.FormValue("undo") != "" {
		return h.undoAcceptEverywhere(c, p)
	}
	ctx := c.Request().Context()
	todo, err := h.store.DocumentsToAccept(ctx, p.ID)
	if err != nil {
		return err
	}
	batch := c.FormValue("batch")
	if batch == "" {
		batch = db.NewAcceptBatch()
	} else if err := db.CheckAcceptBatch(batch); err != nil {
		return err
	}
	var changed int
	for _, d := range todo.Agreed {
		doc, err := h.store.Document(ctx, d.Document)
		if err != nil {
			return err
		}
		n, err := h.store.AcceptAgreedInBatch(ctx, doc, d.Refs, currentUser(c).ID, batch)
		if err != nil {
			return fmt.Errorf("document %s: %w", doc.ExternalID, err)
		}
		changed += n.Changed
	}
	// The notice counts the whole batch: a form sent again once the
	// database was no longer busy goes on with what the first send began.
	shares, err := h.store.OpenBatch(ctx, p.ID, currentUser(c).ID, batch)
	if err != nil {
		return err
	}
	all := db.LinkCopy{Changed: changed}
	for _, sh := range shares {
		all.Spans, all.Relations = all.Spans+sh.Added.Spans, all.Relations+sh.Added.Relations
	}
	return seeOther(c, fmt.Sprintf("/projects/%d/agreement?done=accepted&n=%d&links=%d&docs=%d%s", p.ID, all.Spans, all.Relations, len(shares), changedQuery(all)))
}

// markReviewed finishes the document's review: gold becomes read only.
func (h *handler) markReviewed(c echo.Context) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// Quotations without a speaker in gold are asked about first, as Mark
	// done asks an annotator (force=1 marks it reviewed as it is).
	// So are spans neither in gold nor rejected: "every span decided" is
	// what the button's hint asks for.
	if c.FormValue("force") != "1" {
		missing, err := h.unattributed(c, t.doc, 0)
		if err != nil {
			return err
		}
		if missing > 0 {
			return seeOther(c, fmt.Sprintf("/documents/%d/review?warn=quotes#gold-quote-warning", t.doc.ID))
		}
		r, err := h.reviewLayers(ctx, t.doc)
		if err != nil {
			return err
		}
		if r.Undecided() > 0 && !r.GoldFinished() {
			return seeOther(c, fmt.Sprintf("/documents/%d/review?warn=undecided#gold-undecided-warning", t.doc.ID))
		}
	}
	if _, err := h.store.MarkReviewed(ctx, t.doc, t.user); err != nil {
		return err
	}
	// On to the project's next document ready for review, as an
	// annotator's Mark done opens their next document.
	next, err := h.store.NextToReview(ctx, t.user, t.doc.ProjectID)
	if err != nil {
		return err
	}
	if next != 0 {
		return seeOther(c, fmt.Sprintf("/documents/%d/review?done=reviewed-next&prev=%d", next, t.doc.ID))
	}
	return seeOther(c, fmt.Sprintf("/documents/%d/review?done=reviewed", t.doc.ID))
}

// reviewedNotice says gold is marked reviewed and whether another
// document of the project is ready for review, linking to it, or back to
// the project when none is.
func (h *handler) reviewedNotice(c echo.Context, t target, r *components.Review) error {
	next, err := h.store.NextToReview(c.Request().Context(), t.user, t.doc.ProjectID)
	if err != nil {
		return err
	}
	r.Reviewed, r.ReviewedNext = true, next
	if next == t.doc.ID {
		r.ReviewedNext = 0 // gold reopened since: it is this one
	}
	if r.ReviewedNext == 0 {
		r.Notice = tr(c, "Gold is marked reviewed. No other document of this project is ready for review.")
	}
	return nil
}

// reopenGold lets reviewers change a reviewed gold layer again; only a
// manager may.
func (h *handler) reopenGold(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	if !t.role.AtLeast(db.RoleManager) {
		return forbidden("only a project manager may reopen gold",
			components.Msg("Only a manager of the project may reopen gold. Ask a manager of the project to reopen it."))
	}
	if err := h.store.Reopen(c.Request().Context(), t.doc, t.user, "gold"); err != nil {
		return h.reviewError(c, t, err)
	}
	return seeOther(c, fmt.Sprintf("/documents/%d/review?done=reopened", t.doc.ID))
}

// removeFromGold deletes a span of gold, with its relations.
func (h *handler) removeFromGold(c echo.Context) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	return h.decide(c, t, func() (string, db.Span, error) {
		spanID, err := formID(c, "span")
		if err != nil {
			return "", db.Span{}, err
		}
		gone, err := h.store.DeleteSpan(c.Request().Context(), t.doc, 0, t.user.ID, spanID)
		return "removed", gone, err
	})
}

// rejectSpan records that the span of the form (label, start, end) is
// not to be in gold; unrejectSpan takes that back.
func (h *handler) rejectSpan(c echo.Context) error { return h.setRejected(c, true) }

func (h *handler) unrejectSpan(c echo.Context) error { return h.setRejected(c, false) }

func (h *handler) setRejected(c echo.Context, reject bool) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	return h.decide(c, t, func() (string, db.Span, error) {
		key, err := formKey(c)
		if err != nil {
			return "", db.Span{}, err
		}
		sp := db.Span{Start: key.Start, End: key.End, Label: key.Label}
		return map[bool]string{true: "rejected", false: "unrejected"}[reject], sp, h.store.RejectForGold(c.Request().Context(), t.doc, t.user.ID, key, reject)
	})
}

// formKey reads the label and offsets a review row's form sends with it:
// the span as the page showed it. A field missing or not a number is
// named.
func formKey(c echo.Context) (db.SpanKey, error) {
	key := db.SpanKey{Label: c.FormValue("label")}
	if key.Label == "" {
		return key, missingField("label")
	}
	for _, f := range []struct {
		name string
		to   *int
	}{{"start", &key.Start}, {"end", &key.End}} {
		v := c.FormValue(f.name)
		if v == "" {
			return key, missingField(f.name)
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return key, &db.ValidationError{Field: f.name, Reason: fmt.Sprintf("%s %q is not an offset", f.name, v)}
		}
		*f.to = n
	}
	return key, nil
}

// missingField refuses a review form without one of the row's fields: a
// page from before they were sent, which a reload brings up to date.
func missingField(name string) error {
	return &db.ValidationError{Field: name, Reason: fmt.Sprintf("the form sends no %s of the row: reload the page and decide again", name)}
}

// formID reads a positive id from a form field.
func formID(c echo.Context, field string) (int64, error) {
	id, err := strconv.ParseInt(c.FormValue(field), 10, 64)
	if err != nil || id <= 0 {
		return 0, &db.ValidationError{Field: field, Reason: fmt.Sprintf("%q is not a span id", c.FormValue(field))}
	}
	return id, nil
}

// backToReview sends the browser back to the review page, at the row of
// the span the form changed; done is the query's value for done, and any
// counts after it (words and numbers of this file's own, never the user's).
func (h *handler) backToReview(c echo.Context, t target, done string, sp db.Span) error {
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d/review?done=%s%s&at=%s#%[4]s", t.doc.ID, done, keptFilter(c), anchorOf(sp)))
}

// keptFilter is the list filter a review form was sent from (its show
// field) and the row its page starts at (from) or ends before (before),
// as a query to append, so a decision brings the reviewer back to the
// list and page they were working through; "" for every span's first
// page.
func keptFilter(c echo.Context) string {
	q := ""
	switch show := c.FormValue("show"); show {
	case "disputed", "undecided":
		q = "&show=" + show
	}
	for _, key := range []string{"from", "before"} {
		if row := c.FormValue(key); row != "" {
			q += "&" + key + "=" + url.QueryEscape(row)
		}
	}
	return q
}

// reviewError shows a refused review form on the review page: what was
// wrong (400), gone (404) or in the way (409), with nothing changed.
func (h *handler) reviewError(c echo.Context, t target, err error) error {
	status, refused := refusal(err)
	if !refused {
		return err
	}
	r, rerr := h.review(c, t)
	if rerr != nil {
		return rerr
	}
	r.Error = plainMessage(err)
	if inPlace(c) {
		r.Places = map[[2]int]bool{} // no row changed
	}
	return render(c, status, components.ReviewPage(h.page(c, tr(c, "Review %s", t.doc.ExternalID)), r))
}
