// Package web is Hashiya's HTTP server: routes, handlers by resource,
// middleware and the embedded browser assets.
package web

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// Config is what the server depends on. Zero fields take defaults.
type Config struct {
	Store    *db.Store
	Logger   *slog.Logger
	Now      func() time.Time // the clock, for tests of expiry and throttling
	Sessions db.SessionPolicy
	// LoginFailures failed logins within LoginWindow for one user name
	// from one address lock that pair out until the window passes; four
	// times as many from one address lock the address, and ten times as
	// many for one name from anywhere lock the name (distributed guessing)
	// to every address that failed on it more than once.
	LoginFailures int
	LoginWindow   time.Duration
	// TrustedProxies are the reverse proxies, besides loopback, whose
	// forwarding headers are believed.
	TrustedProxies Proxies
}

// handler holds the dependencies of every handler method.
type handler struct {
	store        *db.Store
	log          *slog.Logger
	now          func() time.Time
	sessions     db.SessionPolicy
	pairThrottle *throttle // a user name from one address; also password changes
	nameThrottle *throttle // a user name from anywhere
	addrThrottle *throttle // an address, whatever the names
	assets       *assets
	proxies      Proxies
}

// New builds the Echo server with every route and middleware.
func New(cfg Config) (*echo.Echo, error) {
	if cfg.Store == nil || cfg.Logger == nil {
		return nil, errors.New("web: config needs a store and a logger")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sessions == (db.SessionPolicy{}) {
		cfg.Sessions = db.DefaultSessionPolicy
	}
	if cfg.LoginFailures == 0 {
		cfg.LoginFailures, cfg.LoginWindow = 5, 15*time.Minute
	}
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	h := &handler{store: cfg.Store, log: cfg.Logger, now: cfg.Now, sessions: cfg.Sessions, assets: a, proxies: cfg.TrustedProxies,
		pairThrottle: newThrottle(cfg.LoginFailures, cfg.LoginWindow),
		nameThrottle: newThrottle(10*cfg.LoginFailures, cfg.LoginWindow),
		addrThrottle: newThrottle(4*cfg.LoginFailures, cfg.LoginWindow)}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = h.handleError
	routes(e, h)
	return e, nil
}

// Serve runs e on the listener l (bound by the caller, so a port in use
// fails before anything else is done) until ctx ends, then shuts down
// gracefully.
func Serve(ctx context.Context, e *echo.Echo, l net.Listener, log *slog.Logger) error {
	srv := newHTTPServer(l.Addr().String(), e)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutCtx)
}

// Timeouts of the server's connections, so a client that sends slowly
// (slowloris) or idles cannot hold one for ever. A request has 10 seconds
// for its headers and 10 minutes in all: a 64 MiB import (maxBody) then
// needs about 0.9 Mbit/s. Go lifts the read deadline once the body is
// read, so it never cuts the work or the response. There is no write
// timeout: it would cut a long streamed export mid-file.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 10 * time.Minute
	idleTimeout       = 2 * time.Minute
)

// newHTTPServer is the server Serve runs, with the timeouts above.
func newHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h,
		ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout, IdleTimeout: idleTimeout}
}

// page fills the frame every page shares.
func (h *handler) page(c echo.Context, title string) components.Page {
	token, _ := c.Get(csrfContextKey).(string)
	return components.Page{Title: title, Static: h.assets.prefix, CSRF: maskCSRF(token), User: currentUser(c).Name, Admin: currentUser(c).IsAdmin}
}

// render writes a component into a buffer first, so a failed render never
// sends half a page.
func render(c echo.Context, status int, comp templ.Component) error {
	var buf bytes.Buffer
	if err := comp.Render(c.Request().Context(), &buf); err != nil {
		return err
	}
	return c.HTMLBlob(status, buf.Bytes())
}
