package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/mattn/go-sqlite3"

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

// queryError refuses an address for what its query names (a label the
// project lacks): the API answers reason, naming the field, in English;
// a page says advice, in its own language.
type queryError struct{ reason, advice string }

func (e *queryError) Error() string { return e.reason }

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

// busyMessage answers a request SQLite could not start or finish because
// another connection held the write lock past the busy timeout (a long
// command-line import, say). The store writes in one transaction per
// change, and a busy error comes from its BEGIN IMMEDIATE, or from a
// statement or COMMIT whose transaction is then rolled back, so nothing
// of the request was stored: sending it again cannot store it twice.
const busyMessage = "the database is busy with another long write (an import, say), so nothing was changed; try again in a moment"

// busyAdvice is busyMessage as an error page says it.
var busyAdvice = components.Msg("The database is busy with another long write (an import, say), so nothing was changed; try again in a moment.")

// busyRetryAfter is the Retry-After, in seconds, of a busy answer.
const busyRetryAfter = "2"

// busy is true of SQLite's "database is busy" and "database is locked",
// however wrapped.
func busy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// statusOf is the status of err, the message the API answers and what an
// error page says when not that message.
func statusOf(err error) (status int, msg, says string) {
	var he *echo.HTTPError
	var fe *forbiddenError
	var qe *queryError
	var ve *db.ValidationError
	var le codec.Errors
	var nf *db.NotFoundError
	var cr *csrfRefusal
	var tl tooLargeError
	switch {
	case errors.As(err, &cr):
		return cr.status, cr.reason, csrfAdvice
	case errors.As(err, &tl):
		return http.StatusRequestEntityTooLarge, tl.Error(), tooLargeAdvice
	case errors.As(err, &fe):
		return http.StatusForbidden, fe.reason, fe.advice
	case errors.As(err, &qe):
		return http.StatusBadRequest, qe.reason, qe.advice
	case errors.As(err, &he):
		return he.Code, fmt.Sprint(he.Message), ""
	case errors.As(err, &ve):
		return http.StatusBadRequest, ve.Error(), ""
	case errors.As(err, &le):
		return http.StatusBadRequest, le.Error(), ""
	case errors.As(err, &nf):
		// It names what the caller sent (a span id of a layer they may
		// write), so nothing they may not see.
		return http.StatusNotFound, err.Error(), ""
	case errors.Is(err, db.ErrNotFound):
		return http.StatusNotFound, "not found", ""
	case errors.Is(err, db.ErrConflict):
		return http.StatusConflict, err.Error(), ""
	case busy(err):
		return http.StatusServiceUnavailable, busyMessage, busyAdvice
	}
	return http.StatusInternalServerError, "internal error", ""
}

// statusClientClosed is the status of a request its client gave up on
// before the answer (a browser navigating away, a closed tab): nginx's
// 499, which no client reads.
const statusClientClosed = 499

// abandoned is true of an error that says only that the client went away
// mid-request: the request's context is canceled, and the error is that
// cancellation, however wrapped, or SQLite's interrupt of a statement
// whose context ended.
func abandoned(c echo.Context, err error) bool {
	if !errors.Is(c.Request().Context().Err(), context.Canceled) {
		return false
	}
	var se sqlite3.Error
	return errors.Is(err, context.Canceled) || errors.As(err, &se) && se.Code == sqlite3.ErrInterrupt
}

// handleError is the one place errors become statuses: not found -> 404,
// conflicts -> 409, validation -> 400, a busy database -> 503 with
// Retry-After; anything else is a 500. A 5xx is logged once: a busy
// database as a warning (another program's long write, not a fault). A
// request whose client went away is a debug line (abandoned).
func (h *handler) handleError(err error, c echo.Context) {
	if abandoned(c, err) {
		// Nobody reads the answer: a debug line, and a status for the
		// access log (nginx's 499), not a 500 and an error page.
		h.log.Debug("request abandoned: the client went away", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
		if !c.Response().Committed {
			c.Response().WriteHeader(statusClientClosed)
		}
		return
	}
	if c.Response().Committed {
		h.log.Error("error after response started", "path", c.Path(), "err", err)
		abortResponse(c)
		return
	}
	status, msg, says := statusOf(err)
	// What a page says instead of the API's message is the web's own
	// words, in the page's language where the catalogue has them.
	says = components.T(c.Request().Context(), says)
	switch {
	case status == http.StatusServiceUnavailable && busy(err):
		c.Response().Header().Set("Retry-After", busyRetryAfter)
		h.log.Warn("request refused: database busy", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	case status >= 500:
		h.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	if c.Request().Method == http.MethodHead {
		err = c.NoContent(status)
	} else if strings.HasPrefix(c.Request().URL.Path, "/api/") || !strings.Contains(c.Request().Header.Get("Accept"), "text/html") {
		var cr *csrfRefusal
		if errors.As(err, &cr) {
			// The page's scripts fetch the current token and send the
			// write again on this header alone, never on the words.
			c.Response().Header().Set(refusedHeader, "csrf")
		}
		err = c.JSON(status, map[string]string{"error": msg})
	} else {
		// The status's words are Go's, and the catalogue holds the Arabic
		// of those an error page shows.
		title := fmt.Sprintf("%d %s", status, components.T(c.Request().Context(), http.StatusText(status)))
		if says == "" && status == http.StatusForbidden {
			says = sentence(msg)
		} else if says == "" {
			says = msg
		}
		if err = render(c, status, components.ErrorPage(h.page(c, title), status, says)); abandoned(c, err) {
			// The fault is logged above; that its page found nobody to
			// read it is not a second one.
			h.log.Debug("error page abandoned: the client went away", "path", c.Request().URL.Path, "err", err)
			if !c.Response().Committed {
				c.Response().WriteHeader(status)
			}
			return
		} else if err != nil {
			h.log.Error("render error page", "err", err)
			err = c.String(status, title+"\n"+says)
		}
	}
	if err != nil {
		h.log.Error("write error response", "err", err)
	}
}

// spokenError is a refusal the web layer words itself, in the request's
// interface language; the store's refusals stay English, shared with the
// command line and the API, and a page in another language frames them
// (Manage.RefusalFrame).
type spokenError struct{ *db.ValidationError }

func (e *spokenError) Unwrap() error { return e.ValidationError }

// spoken marks a validation error as worded in the request's language.
func spoken(ve *db.ValidationError) error { return &spokenError{ve} }
