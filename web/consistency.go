package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// consistencyPage lists the texts a project's layers gave more than one
// label, for reviewers and managers: every layer, gold, or one user's
// (?layer=gold, ?layer=NAME).
func (h *handler) consistencyPage(c echo.Context) error {
	p, err := h.reviewedProject(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v := components.ConsistencyView{Project: p, Layer: c.QueryParam("layer")}
	layers := db.ConflictLayers{Every: true}
	switch v.Layer {
	case "", "all":
		v.Layer = ""
	case "gold":
		layers = db.ConflictLayers{}
	default:
		u, err := h.store.UserByName(ctx, v.Layer)
		if errors.Is(err, db.ErrNotFound) {
			return badRequest("layer: there is no user %q (give gold, all or a user's name)", v.Layer)
		} else if err != nil {
			return err
		}
		layers = db.ConflictLayers{Owner: u.ID}
	}
	if v.Owners, err = h.store.LayerOwnerNames(ctx, p.ID); err != nil {
		return err
	}
	if v.Conflicts, err = h.store.LabelConflicts(ctx, p.ID, layers, components.MaxConflictLen); err != nil {
		return err
	}
	return render(c, http.StatusOK, components.ConsistencyPage(h.page(c, tr(c, "%s label consistency", p.Name)), v))
}
