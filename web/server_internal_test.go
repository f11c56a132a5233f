package web

import (
	"net/http"
	"testing"
	"time"
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
