package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"hashiya/db"
)

// ifMatch is the check a write's If-Match header asks of the layer it
// writes: that the layer, as the write finds it in its own transaction,
// still has the tag the client names (the ETag of GET .../spans, or a
// write's Layer-Tag-After), compared weakly as every tag of it is weak.
// A script that read the layer, then changes a span someone has changed
// since, is refused 409 and nothing is written, rather than writing over
// the other's change unseen. Without the header it checks nothing.
func ifMatch(c echo.Context, t target) db.LayerCheck {
	held := c.Request().Header.Get("If-Match")
	if held == "" {
		return nil
	}
	name := t.layerLabel(db.User{}) // a write's layer is the caller's own or gold
	return func(v db.LayerVersion, p db.Project) error {
		tag, err := layerTag(name, t.owner, v, p)
		if err != nil {
			return err
		}
		if !tagMatches(held, tag) {
			return staleEdit{held: held, now: tag}
		}
		return nil
	}
}

// staleEdit is a write whose If-Match names a layer that has changed
// since: a conflict (409), saying the tag the layer has now.
type staleEdit struct{ held, now string }

func (e staleEdit) Error() string {
	return fmt.Sprintf("If-Match: the layer changed since %s was read (its tag is %s now), so nothing was changed; read it again and send the write with the new tag", e.held, e.now)
}

func (staleEdit) Is(target error) bool { return target == db.ErrConflict }

// ifMatchTaken lists the writes that honour If-Match: those answering
// Layer-Tag-Before and Layer-Tag-After, one write to one layer each.
var ifMatchTaken = map[string]bool{
	"POST /api/v1/documents/:d/spans":          true,
	"PATCH /api/v1/documents/:d/spans/:s":      true,
	"DELETE /api/v1/documents/:d/spans/:s":     true,
	"POST /api/v1/documents/:d/spans/delete":   true,
	"POST /api/v1/documents/:d/relations":      true,
	"DELETE /api/v1/documents/:d/relations/:r": true,
}

// refuseIfMatch refuses, with 400 naming it, an If-Match on any other
// write, where it would be ignored and the write go through whatever
// the client held.
func refuseIfMatch(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		m := c.Request().Method
		if c.Request().Header.Get("If-Match") == "" || m == http.MethodGet || m == http.MethodHead || ifMatchTaken[m+" "+c.Path()] {
			return next(c)
		}
		return badRequest("If-Match: this write does not take it; only the writes of one span or link (POST, PATCH and DELETE of .../spans, POST .../spans/delete, POST and DELETE of .../relations) do")
	}
}

// ifMatchNotHere is the refusal of If-Match on a write whose body makes
// it more than one change to a layer (unlink_speaker, replace).
func ifMatchNotHere(c echo.Context, field string) error {
	if c.Request().Header.Get("If-Match") == "" {
		return nil
	}
	return badRequest("If-Match: a write with %q does not take it; send it without If-Match", field)
}
