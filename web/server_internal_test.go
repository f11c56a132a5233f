package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// TestHTTPServerTimeouts: a slow or idle client cannot hold a connection
// for ever, yet the read timeout leaves time to upload the largest body
// accepted over a 1 Mbit/s link, and no write timeout cuts a long export.
func TestHTTPServerTimeouts(t *testing.T) {
	srv := newHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadHeaderTimeout > time.Minute {
		t.Errorf("ReadHeaderTimeout %s, want a few seconds", srv.ReadHeaderTimeout)
	}
	if srv.ReadTimeout <= 0 {
		t.Error("no ReadTimeout: a client sending its body slowly holds the connection for ever")
	}
	const linkBytesPerSecond = 1_000_000 / 8
	if upload := time.Duration(maxBody / linkBytesPerSecond * int64(time.Second)); srv.ReadTimeout < upload {
		t.Errorf("ReadTimeout %s, shorter than the %s a %d MiB body takes at 1 Mbit/s", srv.ReadTimeout, upload, maxBody>>20)
	}
	if srv.IdleTimeout <= 0 || srv.IdleTimeout > 10*time.Minute {
		t.Errorf("IdleTimeout %s, want a couple of minutes", srv.IdleTimeout)
	}
	if srv.WriteTimeout != 0 {
		t.Errorf("WriteTimeout %s would cut a long streamed export", srv.WriteTimeout)
	}
}

// TestRecoverPanicsPassesAbortOn: a handler's http.ErrAbortHandler goes
// on to net/http, which breaks the connection off; any other panic
// becomes an error.
func TestRecoverPanicsPassesAbortOn(t *testing.T) {
	h := &handler{}
	c := echo.New().NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	if err := h.recoverPanics(func(echo.Context) error { panic("boom") })(c); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("a panic came back as %v", err)
	}
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Errorf("ErrAbortHandler came out as %v", r)
		}
	}()
	_ = h.recoverPanics(func(echo.Context) error { panic(http.ErrAbortHandler) })(c)
	t.Error("ErrAbortHandler was swallowed")
}
