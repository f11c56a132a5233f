package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/components"
)

// comparePage draws each paragraph of a document once per layer, gold
// first, so a reviewer sees the layers' disagreements in their text.
// Like the review, it is for reviewers and managers only.
func (h *handler) comparePage(c echo.Context) error {
	t, err := h.reviewTarget(c)
	if err != nil {
		return err
	}
	cmp := components.Compare{}
	switch show := c.QueryParam("show"); show {
	case "", "disputed":
	case "all":
		cmp.All = true
	default:
		return badRequest("show: %q is not disputed or all", show)
	}
	if page := c.QueryParam("page"); page != "" {
		if cmp.Page, err = strconv.Atoi(page); err != nil || cmp.Page < 1 {
			return badRequest("page: %q is not a page number", page)
		}
	}
	ctx := c.Request().Context()
	if cmp.Review, err = h.reviewLayers(ctx, t.doc); err != nil {
		return err
	}
	if cmp.Project, err = h.store.Project(ctx, t.doc.ProjectID); err != nil {
		return err
	}
	return render(c, http.StatusOK, components.ComparePage(h.page(c, tr(c, "Compare %s in the text", t.doc.ExternalID)), cmp))
}
