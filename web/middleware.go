package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

const csrfContextKey = "csrf"

// maxBody bounds every request body; bigger imports go through the CLI.
const maxBody = 64 << 20

// securityHeaders sets a strict policy: scripts only from this origin (no
// inline script, no eval); style attributes are allowed because highlight
// colours are set per run, but style elements must come from this origin.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		return next(c)
	}
}

var bodyLimit = middleware.BodyLimit(fmt.Sprintf("%dMiB", maxBody>>20))

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
				return false, echo.NewHTTPError(http.StatusForbidden, "cross-site request blocked")
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

// recoverPanics turns a panic into a 500 handled like any other error.
func (h *handler) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

// compress gzips the responses that carry no secret: the JSON API (a long
// document's layer is half a megabyte), a document's redraw (its text as
// runs, megabytes for a book) and the script and style files; Arabic text
// and its markup shrink six to nine times, which a team working over the
// internet feels on every save. Pages are sent as they are: each holds the
// CSRF token, and compressing a secret beside text a request can make the
// page repeat is the BREACH attack. Fonts are compressed already.
func compress() echo.MiddlewareFunc {
	return middleware.GzipWithConfig(middleware.GzipConfig{
		Level:     5,
		MinLength: 1024,
		Skipper: func(c echo.Context) bool {
			switch route := c.Path(); {
			case strings.HasPrefix(route, "/api/v1/"), route == "/documents/:d/view":
				return false
			case route == "/static/:hash/*":
				return strings.HasSuffix(c.Request().URL.Path, ".woff2")
			}
			return true
		},
	})
}
