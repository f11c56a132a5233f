package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hashiya/components"
)

// langCookie keeps the language chosen on the login page, before anyone
// is logged in.
const langCookie = "hashiya_lang"

// language renders the request's pages in the interface language the
// user chose in Settings or, when they chose none (or nobody is logged
// in), the one chosen on the login page in this browser, else the first
// language of the browser's Accept-Language that the interface has;
// English otherwise.
func language(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		l, chosen := components.ParseLang(currentUser(c).Lang)
		if !chosen {
			if ck, err := c.Cookie(langCookie); err == nil {
				l, chosen = components.ParseLang(ck.Value)
			}
		}
		if !chosen {
			l = acceptedLang(r.Header.Get("Accept-Language"))
			c.Response().Header().Add("Vary", "Accept-Language")
		}
		c.Response().Header().Set("Content-Language", string(l))
		c.SetRequest(r.WithContext(components.WithLang(r.Context(), l)))
		return next(c)
	}
}

// acceptedLang is the interface language an Accept-Language header
// (RFC 9110: "ar-EG, en;q=0.8") prefers most, by its weights and then its
// order; a tag counts by its primary language ("ar-EG" is "ar"), and q=0
// refuses one. English when the header names none the interface has.
func acceptedLang(header string) components.Lang {
	best, bestQ := components.English, 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		l, ok := components.ParseLang(primary)
		if !ok {
			continue
		}
		q := 1.0
		if v, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found {
			parsed, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				continue // a weight that is not a number names nothing
			}
			q = parsed
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// tr is the message format in the request's interface language, filled
// with args: a page title naming a project or a document.
func tr(c echo.Context, format string, args ...any) string {
	return components.Tf(c.Request().Context(), format, args...)
}

// setLanguage stores the interface language chosen in Settings: "en",
// "ar", or "" for the browser's.
func (h *handler) setLanguage(c echo.Context) error {
	code, err := formLang(c)
	if err != nil {
		return err
	}
	if err := h.store.SetLanguage(c.Request().Context(), currentUser(c), code); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/settings?done=language")
}

// chooseLanguage keeps the language chosen on the login page in a
// cookie of this browser ("" forgets it, following the browser again)
// and goes back to the login page, keeping where it leads.
func (h *handler) chooseLanguage(c echo.Context) error {
	code, err := formLang(c)
	if err != nil {
		return err
	}
	ck := &http.Cookie{Name: langCookie, Value: code, Path: "/", HttpOnly: true, Secure: secure(c),
		SameSite: http.SameSiteLaxMode, MaxAge: 365 * 24 * 3600}
	if code == "" {
		ck.MaxAge = -1
	}
	c.SetCookie(ck)
	to := "/login"
	if next := safeNext(c.FormValue("next")); next != "/" {
		to += "?next=" + url.QueryEscape(next)
	}
	return c.Redirect(http.StatusSeeOther, to)
}

// formLang is the form's lang: an interface language's code, or "" to
// follow the browser; any other is refused, naming it.
func formLang(c echo.Context) (string, error) {
	code := c.FormValue("lang")
	if _, ok := components.ParseLang(code); !ok && code != "" {
		return "", echo.NewHTTPError(http.StatusBadRequest, "lang: there is no interface language "+strconv.Quote(code)+"; choose en, ar, or nothing to follow the browser")
	}
	return code, nil
}
