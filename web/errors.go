package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
	"hashiya/db/codec"
)

// badRequest is a client mistake, named in the response.
func badRequest(format string, args ...any) error {
	return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf(format, args...))
}

// refusal is the status of an error that says the request was refused
// for what it sent: wrong (400), naming something gone (404) or in the
// way of the stored state (409). refused is false for other errors, the
// server's own failures.
func refusal(err error) (status int, refused bool) {
	var ve *db.ValidationError
	switch {
	case errors.As(err, &ve):
		return http.StatusBadRequest, true
	case errors.Is(err, db.ErrNotFound):
		return http.StatusNotFound, true
	case errors.Is(err, db.ErrConflict):
		return http.StatusConflict, true
	}
	return 0, false
}

// handleError is the one place errors become statuses: not found -> 404,
// conflicts -> 409, validation -> 400; anything else is a 5xx, logged once.
func (h *handler) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		h.log.Error("error after response started", "path", c.Path(), "err", err)
		return
	}
	status, msg := http.StatusInternalServerError, "internal error"
	var he *echo.HTTPError
	var ve *db.ValidationError
	var le codec.Errors
	switch {
	case errors.As(err, &he):
		status = he.Code
		msg = fmt.Sprint(he.Message)
	case errors.As(err, &ve):
		status, msg = http.StatusBadRequest, ve.Error()
	case errors.As(err, &le):
		status, msg = http.StatusBadRequest, le.Error()
	case errors.Is(err, db.ErrNotFound):
		status, msg = http.StatusNotFound, "not found"
	case errors.Is(err, db.ErrConflict):
		status, msg = http.StatusConflict, err.Error()
	}
	if status >= 500 {
		h.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	if c.Request().Method == http.MethodHead {
		err = c.NoContent(status)
	} else if strings.HasPrefix(c.Request().URL.Path, "/api/") || !strings.Contains(c.Request().Header.Get("Accept"), "text/html") {
		err = c.JSON(status, map[string]string{"error": msg})
	} else {
		title := fmt.Sprintf("%d %s", status, http.StatusText(status))
		if err = render(c, status, components.ErrorPage(h.page(c, title), status, msg)); err != nil {
			h.log.Error("render error page", "err", err)
			err = c.String(status, title+"\n"+msg)
		}
	}
	if err != nil {
		h.log.Error("write error response", "err", err)
	}
}
