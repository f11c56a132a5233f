package web

import (
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"

	"hashiya/components"
	"hashiya/db"
)

const (
	sessionCookie = "hashiya_session"
	userKey       = "user"
)

// dummyHash is compared against when a user name does not exist, so a
// failed login takes as long whether or not the name is known: it must
// cost what a stored password costs, or the time tells names apart.
var dummyHash = sync.OnceValue(func() []byte {
	h, err := bcrypt.GenerateFromPassword([]byte("no such user"), passwordCost)
	if err != nil {
		panic(err) // only an impossible cost makes it fail
	}
	return h
})

// addressBlock is what login throttling counts as one address: an IPv4
// address, or the /64 an IPv6 address belongs to, since a single
// subscriber is commonly given a whole /64 and could try from each of its
// addresses in turn.
func addressBlock(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// remoteHost is the connection's address without its port.
func remoteHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// peerIP is the connection's address, nil when it is not an IP address.
func peerIP(r *http.Request) net.IP { return net.ParseIP(remoteHost(r)) }

// parseHop reads one X-Forwarded-For entry, which some proxies write with
// a port ("203.0.113.7:4711", "[2001:db8::1]:4711"); nil if it is not an
// address.
func parseHop(s string) net.IP {
	s = strings.TrimSpace(s)
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	return net.ParseIP(strings.Trim(s, "[]"))
}

// currentUser is the authenticated caller (zero when anonymous).
func currentUser(c echo.Context) db.User {
	u, _ := c.Get(userKey).(db.User)
	return u
}

// bearerToken reads an Authorization header of the Bearer scheme, whose
// name is case-insensitive (RFC 9110); "Bearer" with no token is a bad
// token, not an absent one. Other schemes (a proxy's Basic login) are not
// the app's: the session decides.
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// authenticate finds the caller from an API token or a session cookie. A
// request with an Authorization header is judged by it alone: a bad token
// is 401 even when the browser also sends a session cookie. Tokens open
// the API only: pages and account settings need a login, so a leaked
// token cannot mint more tokens or change the password.
func (h *handler) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx := c.Request().Context()
		if token, ok := bearerToken(c.Request()); ok {
			if !strings.HasPrefix(c.Request().URL.Path, "/api/") {
				return echo.NewHTTPError(http.StatusUnauthorized, "API tokens are for /api/ URLs; log in to use the pages")
			}
			u, err := h.store.TokenUser(ctx, token, h.now())
			if errors.Is(err, db.ErrNotFound) {
				return echo.NewHTTPError(http.StatusUnauthorized, "invalid or revoked API token")
			}
			if err != nil {
				return err
			}
			c.Set(userKey, u)
			return next(c)
		}
		if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
			u, err := h.store.SessionUser(ctx, ck.Value, h.now(), h.sessions)
			switch {
			case err == nil:
				c.Set(userKey, u)
			case errors.Is(err, db.ErrNotFound):
				h.clearSessionCookie(c)
			default:
				return err
			}
		}
		return next(c)
	}
}

// requireUser lets only authenticated callers through: pages send the
// browser to the login page, the API answers 401.
func requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if currentUser(c).ID != 0 {
			return next(c)
		}
		r := c.Request()
		if strings.HasPrefix(r.URL.Path, "/api/") || r.Method != http.MethodGet {
			return echo.NewHTTPError(http.StatusUnauthorized, "log in or send an API token")
		}
		return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(r.URL.RequestURI()))
	}
}

func (h *handler) loginPage(c echo.Context) error {
	if currentUser(c).ID != 0 {
		return c.Redirect(http.StatusSeeOther, safeNext(c.QueryParam("next")))
	}
	return render(c, http.StatusOK, components.LoginPage(h.page(c, "Log in"), components.LoginForm{Next: safeNext(c.QueryParam("next"))}))
}

// login checks a password, throttled (loginThrottle), and starts a new
// session: the id is always fresh, never one the browser brought, and any
// session it brought is ended.
func (h *handler) login(c echo.Context) error {
	name, password := c.FormValue("username"), c.FormValue("password")
	form := components.LoginForm{Next: safeNext(c.FormValue("next")), Username: name}
	now := h.now()
	lt := h.loginThrottle(name, clientAddress(c))
	if wait := lt.wait(now); wait > 0 {
		c.Response().Header().Set("Retry-After", fmt.Sprint(int(math.Ceil(wait.Seconds()))))
		form.Error = components.Msg("Too many failed logins. Wait a few minutes and try again.")
		return render(c, http.StatusTooManyRequests, components.LoginPage(h.page(c, "Log in"), form))
	}
	u, hash, err := h.store.Credentials(c.Request().Context(), name)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	if err != nil || hash == "" {
		hash = string(dummyHash())
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || u.ID == 0 {
		lt.fail(now)
		form.Error, form.Invalid = components.Msg("Wrong username or password."), true
		return render(c, http.StatusUnauthorized, components.LoginPage(h.page(c, "Log in"), form))
	}
	lt.succeed()
	// Said only to whoever knows the password: it tells no one else that
	// the name exists.
	if u.Disabled {
		form.Error = components.Msg("This account is disabled. Ask an admin to enable it.")
		return render(c, http.StatusForbidden, components.LoginPage(h.page(c, "Log in"), form))
	}
	if ck, err := c.Cookie(sessionCookie); err == nil {
		if err := h.store.DeleteSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	token, err := h.store.CreateSession(c.Request().Context(), u, now, h.sessions)
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: secure(c),
		SameSite: http.SameSiteLaxMode, MaxAge: int(h.sessions.Absolute.Seconds())})
	return c.Redirect(http.StatusSeeOther, form.Next)
}

// loginKeys are the throttle keys of one login attempt. Failures count
// per name from one address, so a guesser elsewhere cannot lock a user
// out; per name from anywhere, at a higher ceiling, against guessing
// spread over many addresses; and per address, whatever the names.
type loginKeys struct {
	h                   *handler
	pair, name, address string
}

func (h *handler) loginThrottle(name, addr string) loginKeys {
	user := strings.ToLower(name)
	addr = addressBlock(addr)
	return loginKeys{h: h, pair: "pair:" + addr + "\x00" + user, name: "user:" + user, address: "addr:" + addr}
}

// wait is how long the attempt must wait: the longest of its three,
// except that the ceiling for a name from anywhere does not hold an
// address that has failed on it at most once (ownerTries): else anyone
// could keep a name's owner out for good by failing on it from a few
// addresses every window. Guessing spread over many addresses still gets
// no more than ownerTries+1 tries per address once the name is locked.
func (k loginKeys) wait(now time.Time) time.Duration {
	wait := max(k.h.pairThrottle.wait(k.pair, now), k.h.addrThrottle.wait(k.address, now))
	if k.h.pairThrottle.recent(k.pair, now) > ownerTries {
		wait = max(wait, k.h.nameThrottle.wait(k.name, now))
	}
	return wait
}

// ownerTries is how many failures an address may have on a locked name
// and still try it: one mistyped password.
const ownerTries = 1

func (k loginKeys) fail(now time.Time) {
	k.h.pairThrottle.fail(k.pair, now)
	k.h.nameThrottle.fail(k.name, now)
	k.h.addrThrottle.fail(k.address, now)
}

// succeed forgets the pair's failures only: the right password does not
// buy a guessing address, or guessers elsewhere, a new allowance.
func (k loginKeys) succeed() { k.h.pairThrottle.reset(k.pair) }

func (h *handler) logout(c echo.Context) error {
	if ck, err := c.Cookie(sessionCookie); err == nil {
		if err := h.store.DeleteSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	h.clearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/login")
}

func (h *handler) clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: secure(c), SameSite: http.SameSiteLaxMode, MaxAge: -1, Expires: time.Unix(0, 0)})
}

// safeNext keeps a post-login redirect on this site: a local path only,
// never "//host" or a scheme. Browsers drop tabs and newlines from a URL
// and read a backslash as a slash, so "/\t/evil" is "//evil" to them: any
// control character refuses the whole value.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "/"
	}
	return next
}
