package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

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
	v := components.AgreementView{Project: p, Tally: tally, Confusion: tally.ConfusionOverall()}
	if pair := c.QueryParam("pair"); pair != "" {
		if v.Confusion, err = confusionOf(tally, pair); err != nil {
			return err
		}
	}
	if c.QueryParam("done") == "accepted" {
		// Numbers only are read from the address; the words are fixed here.
		n, _ := strconv.Atoi(c.QueryParam("n"))
		links, _ := strconv.Atoi(c.QueryParam("links"))
		docs, _ := strconv.Atoi(c.QueryParam("docs"))
		changed, _ := strconv.Atoi(c.QueryParam("changed"))
		v.Notice = fmt.Sprintf("Accepted %s and %s into gold, in %s.", components.Plural(n, "span"), components.Plural(links, "link"), components.Plural(docs, "document")) +
			leftOutNotice(changed, "in their documents' review")
	}
	return render(c, http.StatusOK, components.AgreementPage(h.page(c, p.Name+" agreement"), v))
}

// confusionOf is the table of labels confused of the pair named
// "first/second" (user names hold no slash).
func confusionOf(t *agreement.Tally, pair string) (agreement.Confusion, error) {
	a, b, _ := strings.Cut(pair, "/")
	c, ok := t.Confusion(a, b)
	if !ok || a == "" || b == "" {
		return c, badRequest("pair: %q is not two users who worked on a document in common, named first/second", pair)
	}
	return c, nil
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
