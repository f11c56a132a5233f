package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"hashiya/components"
)

// maxBody bounds every request body; bigger imports go through the CLI.
const maxBody = 64 << 20

// drainTime bounds how long a refused body is read on: a client sending
// a gigabyte over a slow link is cut off, as before, rather than holding
// a connection for its whole upload.
const drainTime = 30 * time.Second

// tooLargeError is a body over maxBody: the API names the field and the
// limit, a page says what the user can do, in their language.
type tooLargeError struct{}

func (tooLargeError) Error() string {
	return fmt.Sprintf("body: larger than %d MiB, the most one request may send; split the file, or import it with hashiya import", maxBody>>20)
}

var tooLargeAdvice = components.Msg("The file is larger than 64 MiB, the most one upload may send. Split it, or import it with the command line (hashiya import).")

// bodyLimit refuses a body over maxBody with 413, whether its
// Content-Length says so or it runs past the limit while a handler reads
// it, and reads what the client still sends of it (for up to drainTime)
// before the answer goes out. A client that sends its whole body before
// it reads the answer, as Python's urllib and requests do, would
// otherwise have the connection reset under it mid-send: the server
// stops reading, closes, and the unread bytes turn the close into a TCP
// reset that throws the 413 away with them.
func bodyLimit(next echo.HandlerFunc) echo.HandlerFunc {
	limited := middleware.BodyLimit(fmt.Sprintf("%dMiB", maxBody>>20))(next)
	return func(c echo.Context) error {
		body := c.Request().Body
		err := limited(c)
		var he *echo.HTTPError
		if !errors.As(err, &he) || he.Code != http.StatusRequestEntityTooLarge || c.Response().Committed {
			return err
		}
		drain(c.Response().Writer, body)
		if errors.Is(err, echo.ErrStatusRequestEntityTooLarge) { // the limit's own, in Echo's words
			return tooLargeError{}
		}
		return err // a handler's own limit (a label set's), said in its words
	}
}

// drain reads body to its end, or until drainTime has passed, and
// throws it away.
func drain(w http.ResponseWriter, body io.Reader) {
	rc := http.NewResponseController(w)
	if rc.SetReadDeadline(time.Now().Add(drainTime)) == nil {
		defer rc.SetReadDeadline(time.Time{})
	}
	_, _ = io.Copy(io.Discard, body)
}
