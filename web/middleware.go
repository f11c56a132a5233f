package web

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"hashiya/components"
)

const csrfContextKey = "csrf"

// securityHeaders sets a strict policy: scripts only from this origin (no
// inline script, no eval); style attributes are allowed because highlight
// colours are set per run, but style elements must come from this origin.
// No response is stored by a browser or a shared cache, since pages and
// API answers are one user's (static files say otherwise for themselves),
// and one that came over TLS tells the browser to use nothing else.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("Cache-Control", "no-store")
		if secure(c) {
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		return next(c)
	}
}

// csrf guards every state-changing request with a token bound to a cookie;
// pages put it in a meta tag and the JS sends it as X-CSRF-Token. Requests
// authenticated by an API token skip it: authenticate judged them by the
// Authorization header alone, which another site cannot make a browser send.
// A browser that says where a write comes from must say same-origin: a
// sibling subdomain ("same-site") could plant the CSRF cookie itself, so
// the double-submitted token proves nothing there.
func csrf() echo.MiddlewareFunc {
	config := func(secureCookie bool) middleware.CSRFConfig {
		return middleware.CSRFConfig{
			Skipper: func(c echo.Context) bool {
				_, bearer := bearerToken(c.Request())
				return bearer
			},
			AllowSecFetchSiteFunc: func(c echo.Context) (bool, error) {
				return false, forbidden("cross-site request blocked",
					components.Msg("This request came from another site, so nothing was changed. Open Hashiya and do it from its own pages."))
			},
			// A refused token is said in words the user and a script can
			// act on (csrfRefusal), not Echo's. The refusal's page carries
			// the browser's current token, as any page does, so its own
			// forms (Log out) are not refused in turn.
			ErrorHandler: func(err error, c echo.Context) error {
				if ck, noCookie := c.Cookie("hashiya_csrf"); noCookie == nil && ck.Value != "" {
					c.Set(csrfContextKey, ck.Value)
				}
				return refusedToken(err)
			},
			TokenLookup:    "header:X-CSRF-Token,form:_csrf",
			ContextKey:     csrfContextKey,
			CookieName:     "hashiya_csrf",
			CookiePath:     "/",
			CookieHTTPOnly: true,
			CookieSecure:   secureCookie,
			CookieSameSite: http.SameSiteLaxMode,
		}
	}
	// The two differ only in the cookie's Secure flag, chosen per request
	// as the session cookie's is; the token and its checks are the same.
	plain, overTLS := middleware.CSRFWithConfig(config(false)), middleware.CSRFWithConfig(config(true))
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		viaPlain, viaTLS := plain(next), overTLS(next)
		return func(c echo.Context) error {
			if secure(c) {
				return viaTLS(c)
			}
			return viaPlain(c)
		}
	}
}

// csrfRefusal is a write refused for its CSRF token: none was sent (400)
// or it is not this browser's current one (403), as when the page was
// opened before the token's cookie expired or before the user logged in
// again elsewhere. Nothing was changed. The API answers reason, in
// English, under the header Hashiya-Refused: csrf, on which the page's
// scripts fetch the current token (GET /csrf-token) and send the write
// again; a form's page says advice in the user's language.
type csrfRefusal struct {
	status int
	reason string
}

func (e *csrfRefusal) Error() string { return e.reason }

// refusedHeader names, in a refusal's answer, what the request was
// refused for, where a script acts on it: "csrf" for its CSRF token.
const refusedHeader = "Hashiya-Refused"

// csrfAdvice is a refused form's page.
var csrfAdvice = components.Msg("This form was opened too long ago or before you logged in again, so it was not sent and nothing changed. Reload the page and send it again.")

// refusedToken is the csrfRefusal of Echo's CSRF error err: its status
// (400 for a token missing, 403 for a wrong one) with Hashiya's words.
func refusedToken(err error) error {
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Code == http.StatusBadRequest {
		return &csrfRefusal{status: http.StatusBadRequest,
			reason: "missing CSRF token: send the page's token (its csrf-token meta tag, or GET /csrf-token) in the X-CSRF-Token header or a form's _csrf field"}
	}
	return &csrfRefusal{status: http.StatusForbidden,
		reason: "invalid CSRF token: it is not this browser's current one (it expired, or the user logged in again, since the page was opened); GET /csrf-token for the current one and send the request again"}
}

// csrfToken answers the page's CSRF token, masked as a page's meta tag
// has it, for a page opened before its token's cookie expired or changed
// to send a refused write again without a reload losing what was being
// saved. The GET sets the cookie afresh when it is gone, as a page does.
// It is JSON, answered to this site only: no CORS header lets another
// site read it, and a write still needs the token and its cookie.
func (h *handler) csrfToken(c echo.Context) error {
	token, _ := c.Get(csrfContextKey).(string)
	return c.JSON(http.StatusOK, map[string]string{"token": maskCSRF(token)})
}

// maskCSRF is the CSRF token as a page shows it: under a fresh one-time
// pad, base64url(pad ‖ pad⊕token), so no two responses carry the same
// bytes for it and a compressed page gives nothing away about it (the
// BREACH attack guesses a secret from how well it compresses beside text
// the attacker chose).
func maskCSRF(token string) string {
	if token == "" {
		return ""
	}
	b := make([]byte, 2*len(token))
	rand.Read(b[:len(token)])
	for i := range len(token) {
		b[len(token)+i] = b[i] ^ token[i]
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// unmaskCSRF undoes maskCSRF; "" when s is not a masked token.
func unmaskCSRF(s string) string {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) == 0 || len(b)%2 != 0 {
		return ""
	}
	n := len(b) / 2
	out := make([]byte, n)
	for i := range n {
		out[i] = b[i] ^ b[n+i]
	}
	return string(out)
}

// multipartMemory is how much of a multipart form is held in memory, as
// Echo holds it; the rest of its files wait in temporary files.
const multipartMemory = 32 << 20

// acceptMaskedCSRF lets a request bring the CSRF token as the page showed
// it, masked, in the X-CSRF-Token header or a form's _csrf field: a value
// that unmasks to the cookie's token is replaced by the token, for the
// CSRF check to compare as before. Any other value is left for the check
// to refuse. The form is parsed only when no header brings the token.
func acceptMaskedCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		cookie, err := c.Cookie("hashiya_csrf")
		if err != nil || cookie.Value == "" {
			return next(c)
		}
		r := c.Request()
		if v := r.Header.Get("X-CSRF-Token"); v != "" {
			// The header carries the token: the body is left unread, for
			// a file sent as curl --data-binary sends it (labelled a
			// form) reaches the import whole rather than parsed away.
			if unmaskCSRF(v) == cookie.Value {
				r.Header.Set("X-CSRF-Token", cookie.Value)
			}
			return next(c)
		}
		ctype := r.Header.Get(echo.HeaderContentType)
		multipart := strings.HasPrefix(ctype, echo.MIMEMultipartForm)
		if r.Method != http.MethodPost || !multipart && !strings.HasPrefix(ctype, echo.MIMEApplicationForm) {
			return next(c)
		}
		// A file's form (the labels file) is multipart: parsed as the
		// CSRF check and the handler would parse it, the file kept for
		// the handler.
		parse := r.ParseForm
		if multipart {
			parse = func() error { return r.ParseMultipartForm(multipartMemory) }
		}
		if err := parse(); err != nil {
			var tooBig *echo.HTTPError
			if errors.As(err, &tooBig) {
				return tooBig
			}
			return badRequest("form: %v", err)
		}
		if v := r.PostForm.Get("_csrf"); v != "" && unmaskCSRF(v) == cookie.Value {
			r.PostForm.Set("_csrf", cookie.Value)
			r.Form.Set("_csrf", cookie.Value)
			if r.MultipartForm != nil {
				r.MultipartForm.Value["_csrf"] = []string{cookie.Value}
			}
		}
		return next(c)
	}
}

// recoverPanics turns a panic into a 500 handled like any other error,
// except http.ErrAbortHandler, which asks net/http to break the
// connection off (a response that cannot be finished honestly) and is
// passed on for it to do so.
func (h *handler) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

// compress gzips responses for a client that asks: a long document's
// page, layer and redraws are megabytes of Arabic text and markup that
// shrink seven to nine times, which a team working over the internet feels
// on every page and save. Pages carry the CSRF token masked afresh each
// time (maskCSRF), so compressing them leaks nothing of it (BREACH). The
// settings, user admin and login pages are left as they are: they show a
// new API token or password once, which nothing masks. Fonts are
// compressed already.
func compress() echo.MiddlewareFunc {
	return middleware.GzipWithConfig(middleware.GzipConfig{
		Level:     5,
		MinLength: 1024,
		Skipper: func(c echo.Context) bool {
			switch route := c.Path(); {
			case strings.HasPrefix(route, "/settings"), strings.HasPrefix(route, "/admin"), route == "/login":
				return true
			case route == "/static/:hash/*":
				return strings.HasSuffix(c.Request().URL.Path, ".woff2")
			}
			return false
		},
	})
}
