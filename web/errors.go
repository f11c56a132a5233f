package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
	"hashiya/db/codec"
)

// badRequest is a client mistake, named in the response.
func badRequest(format string, args ...any) error {
	return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf(format, args...))
}

// forbiddenError refuses what the caller's role does not allow. The API
// answers reason, the text scripts have always read; a browser's error
// page says advice instead: sentences saying what the user can do.
type forbiddenError struct{ reason, advice string }

func (e *forbiddenError) Error() string { return e.reason }

func forbidden(reason, advice string) error { return &forbiddenError{reason: reason, advice: advice} }

// sentence makes a message read as a sentence on a page: a capital first
// letter and a full stop at the end.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

// plainMessage is a refused form as its page says it: a validation
// error's reason without the field's name (the API's JSON keeps the name,
// which scripts read), as a sentence.
func plainMessage(err error) string {
	var ve *db.ValidationError
	if errors.As(err, &ve) {
		return sentence(ve.Reason)
	}
	return sentence(err.Error())
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

// abortResponse breaks off a response that has already started (a
// streamed export that failed midway): its status and part of its body
// are out, and ending it normally would hand the client a clean, complete
// looking file. A write deadline in the past makes every later write to
// the connection fail, so the end of the body (HTTP/1.1's last chunk) is
// never sent and the connection is closed; HTTP/2 resets the stream. The
// client sees a broken transfer. A writer with no deadline (a test's
// recorder) is left as it is.
func abortResponse(c echo.Context) {
	_ = http.NewResponseController(c.Response()).SetWriteDeadline(time.Unix(1, 0))
}

// handleError is the one place errors become statuses: not found -> 404,
// conflicts -> 409, validation -> 400; anything else is a 5xx, logged once.
func (h *handler) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		h.log.Error("error after response started", "path", c.Path(), "err", err)
		abortResponse(c)
		return
	}
	status, msg, says := http.StatusInternalServerError, "internal error", "" // says: what an error page says, when not msg
	var he *echo.HTTPError
	var fe *forbiddenError
	var ve *db.ValidationError
	var le codec.Errors
	var nf *db.NotFoundError
	switch {
	case errors.As(err, &fe):
		status, msg, says = http.StatusForbidden, fe.reason, fe.advice
	case errors.As(err, &he):
		status = he.Code
		msg = fmt.Sprint(he.Message)
	case errors.As(err, &ve):
		status, msg = http.StatusBadRequest, ve.Error()
	case errors.As(err, &le):
		status, msg = http.StatusBadRequest, le.Error()
	case errors.As(err, &nf):
		// It names what the caller sent (a span id of a layer they may
		// write), so nothing they may not see.
		status, msg = http.StatusNotFound, err.Error()
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
		if says == "" && status == http.StatusForbidden {
			says = sentence(msg)
		} else if says == "" {
			says = msg
		}
		if err = render(c, status, components.ErrorPage(h.page(c, title), status, says)); err != nil {
			h.log.Error("render error page", "err", err)
			err = c.String(status, title+"\n"+says)
		}
	}
	if err != nil {
		h.log.Error("write error response", "err", err)
	}
}
