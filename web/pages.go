package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hashiya/components"
)

func (h *handler) homePage(c echo.Context) error {
	projects, err := h.store.Projects(c.Request().Context())
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, components.Home(h.page(c, "Projects"), projects))
}

func (h *handler) projectPage(c echo.Context) error {
	id, err := idParam(c, "p")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p, err := h.store.Project(ctx, id)
	if err != nil {
		return err
	}
	docs, err := h.store.Documents(ctx, p.ID, h.user.ID)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, components.ProjectPage(h.page(c, p.Name), p, docs))
}

func (h *handler) annotatePage(c echo.Context) error {
	a, err := h.annotation(c)
	if err != nil {
		return err
	}
	if a.Prev, a.Next, err = h.store.Neighbours(c.Request().Context(), a.Doc); err != nil {
		return err
	}
	return render(c, http.StatusOK, components.AnnotatePage(h.page(c, a.Doc.ExternalID), a))
}

// docView is the fragment the annotation page swaps in after each change.
func (h *handler) docView(c echo.Context) error {
	a, err := h.annotation(c)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return render(c, http.StatusOK, components.DocView(a))
}

// annotation loads a document, its project and the requested layer.
func (h *handler) annotation(c echo.Context) (components.Annotation, error) {
	var a components.Annotation
	doc, err := h.document(c)
	if err != nil {
		return a, err
	}
	owner, err := h.readLayer(c)
	if err != nil {
		return a, err
	}
	ctx := c.Request().Context()
	if a.Project, err = h.store.Project(ctx, doc.ProjectID); err != nil {
		return a, err
	}
	if a.Layer, err = h.store.LayerOf(ctx, doc, owner); err != nil {
		return a, err
	}
	a.Doc = doc
	if owner == 0 {
		a.LayerID = "gold"
	}
	return a, nil
}
