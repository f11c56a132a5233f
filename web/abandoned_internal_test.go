package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/mattn/go-sqlite3"
)

// TestAbandonedRequestIsQuiet: an error that says only that the client
// went away (its request's context canceled) is logged at debug level,
// not as an error, and answered 499 with no body, not a 500 page; the
// same error while the client still waits is a 500, logged as an error.
func TestAbandonedRequestIsQuiet(t *testing.T) {
	canceled := fmt.Errorf("db: load session: %w", context.Canceled)
	assets, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	interrupted := fmt.Errorf("db: load projects: %w", sqlite3.Error{Code: sqlite3.ErrInterrupt})
	for _, tt := range []struct {
		name    string
		err     error
		gone    bool // the request's context is canceled
		status  int
		level   string
		noLevel string
	}{
		{"canceled, client gone", canceled, true, statusClientClosed, "level=DEBUG", "level=ERROR"},
		{"interrupted, client gone", interrupted, true, statusClientClosed, "level=DEBUG", "level=ERROR"},
		{"canceled, client waiting", canceled, false, http.StatusInternalServerError, "level=ERROR", "level=DEBUG"},
		{"another error, client gone", errors.New("disk full"), true, http.StatusInternalServerError, "level=ERROR", `msg="render error page"`},
	} {
		var logs bytes.Buffer
		h := &handler{log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})), assets: assets}
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("username=a&password=b"))
		req.Header.Set("Accept", "text/html")
		if tt.gone {
			ctx, cancel := context.WithCancel(req.Context())
			cancel()
			req = req.WithContext(ctx)
		}
		rec := httptest.NewRecorder()
		h.handleError(tt.err, echo.New().NewContext(req, rec))
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, rec.Code, tt.status)
		}
		if tt.status == statusClientClosed && rec.Body.Len() != 0 {
			t.Errorf("%s: answered %q to a client that is gone", tt.name, rec.Body)
		}
		if got := logs.String(); !strings.Contains(got, tt.level) || strings.Contains(got, tt.noLevel) {
			t.Errorf("%s: logged %q, want %s and no %s", tt.name, got, tt.level, tt.noLevel)
		}
		// A fault is logged once: the error page that cannot reach a
		// client gone meanwhile is not a second error.
		if n := strings.Count(logs.String(), "level=ERROR"); n > 1 {
			t.Errorf("%s: %d error lines, want one: %q", tt.name, n, logs.String())
		}
	}
}
