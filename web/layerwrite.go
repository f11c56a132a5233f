package web

import (
	"github.com/labstack/echo/v4"

	"hashiya/db"
)

// setWriteTags names on a write's answer the layer's ETag (layerTag, as
// the spans API answers it) just before the write and just after it,
// both read in the write's own transaction. A client holding the first
// knows the write is the only change since it read the layer: it may
// apply the write to its copy and hold the second, without reading the
// layer again. The answer's body stays what it was.
func setWriteTags(c echo.Context, t target, w db.LayerWrite) error {
	name := t.layerLabel(db.User{}) // a write's layer is the caller's own or gold
	before, err := layerTag(name, t.owner, w.Before, w.ProjectBefore)
	if err != nil {
		return err
	}
	after, err := layerTag(name, t.owner, w.After, w.ProjectAfter)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Layer-Tag-Before", before)
	c.Response().Header().Set("Layer-Tag-After", after)
	return nil
}
