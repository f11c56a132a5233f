package web

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"hashiya/db"
)

// idParam reads a positive integer path parameter.
func idParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("%s: %q is not an id", name, c.Param(name))
	}
	return id, nil
}

// document loads the document named by the :d path parameter.
func (h *handler) document(c echo.Context) (db.Document, error) {
	id, err := idParam(c, "d")
	if err != nil {
		return db.Document{}, err
	}
	return h.store.Document(c.Request().Context(), id)
}

// readLayer resolves ?layer= for reading: empty or "mine" is the caller's
// own layer, "gold" is gold (owner 0), anything else a user's name.
func (h *handler) readLayer(c echo.Context) (int64, error) {
	switch name := c.QueryParam("layer"); name {
	case "", "mine":
		return h.user.ID, nil
	case "gold":
		return 0, nil
	default:
		u, err := h.store.UserByName(c.Request().Context(), name)
		if err != nil {
			return 0, badRequest("layer: no user %q (use gold, mine or a user name)", name)
		}
		return u.ID, nil
	}
}

// writeLayer resolves ?layer= for writing: the caller's own layer, or gold.
func (h *handler) writeLayer(c echo.Context) (int64, error) {
	switch name := c.QueryParam("layer"); name {
	case "", "mine", h.user.Name:
		return h.user.ID, nil
	case "gold":
		return 0, nil
	default:
		return 0, echo.NewHTTPError(403, "you may write only to your own layer or to gold")
	}
}
