package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// seeOther ends a form that loads a page (the bulk accept and its undo,
// Mark gold reviewed, Reopen gold) on the page at url. A browser's own
// post follows a 303. The page's script sends these forms itself, so
// that it can send one the busy database refused again (busyforms.js),
// and marks them Hashiya-Page-Form: it gets 204 with the address in
// Hashiya-Location, which it opens with its fragment, rather than a
// redirect fetch would follow, loading the page once for nothing and
// losing the fragment.
func seeOther(c echo.Context, url string) error {
	if c.Request().Header.Get("Hashiya-Page-Form") == "1" {
		c.Response().Header().Set("Hashiya-Location", url)
		return c.NoContent(http.StatusNoContent)
	}
	return c.Redirect(http.StatusSeeOther, url)
}
