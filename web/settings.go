package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"

	"hashiya/components"
	"hashiya/db"
)

// passwordCost is bcrypt's work factor for stored passwords.
const passwordCost = 12

func (h *handler) settingsPage(c echo.Context) error {
	s := components.Settings{Message: flash(c)}
	if r, ok := passwordRefusals[c.QueryParam("refused")]; ok {
		s.Error, s.ErrorField = r.says, r.field
	}
	return h.renderSettings(c, http.StatusOK, s)
}

// passwordRefusals are why a password change was refused, by the
// ?refused= of the redirect back to the settings page, with the id of
// the field each is about. The words are fixed here, never the URL's.
var passwordRefusals = map[string]struct{ says, field string }{
	"length":  {components.Msg("The password was not changed: the new password must be 8 to 72 bytes long."), "new"},
	"differ":  {components.Msg("The password was not changed: the two new passwords differ. Type the same new password twice."), "confirm"},
	"current": {components.Msg("The password was not changed: the current password is wrong."), "current"},
}

func (h *handler) renderSettings(c echo.Context, status int, s components.Settings) error {
	tokens, err := h.store.Tokens(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	s.Tokens = tokens
	s.Lang = currentUser(c).Lang
	return render(c, status, components.SettingsPage(h.page(c, "Settings"), s))
}

// flash turns the ?done= of a redirect after a form into a message.
func flash(c echo.Context) string {
	return map[string]string{
		"password": components.Msg("Your password was changed; your other sessions were logged out."),
		"revoked":  components.Msg("The token was revoked."),
		"language": components.Msg("The interface language was saved."),
	}[c.QueryParam("done")]
}

// changePassword checks the current password, then stores the new one and
// ends the user's other sessions. A refusal sends the browser back to the
// settings page (?refused=), so reloading it posts no password again.
func (h *handler) changePassword(c echo.Context) error {
	u := currentUser(c)
	current, next := c.FormValue("current"), c.FormValue("new")
	refuse := func(why string) error {
		return c.Redirect(http.StatusSeeOther, "/settings?refused="+why)
	}
	switch {
	case len(next) < 8 || len(next) > 72:
		return refuse("length")
	case next != c.FormValue("confirm"):
		return refuse("differ")
	}
	// Guessing the current password from a stolen session is throttled
	// like logins are.
	key, now := "password:"+u.Name, h.now()
	if wait := h.pairThrottle.wait(key, now); wait > 0 {
		c.Response().Header().Set("Retry-After", fmt.Sprint(int(math.Ceil(wait.Seconds()))))
		// Not a redirect: the 429 and its Retry-After are for the client.
		return h.renderSettings(c, http.StatusTooManyRequests, components.Settings{Error: components.Msg("Too many wrong passwords. Wait a few minutes and try again."), ErrorField: "current"})
	}
	_, hash, err := h.store.Credentials(c.Request().Context(), u.Name)
	if err != nil {
		return err
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(current)) != nil {
		h.pairThrottle.fail(key, now)
		return refuse("current")
	}
	h.pairThrottle.reset(key)
	newHash, err := bcrypt.GenerateFromPassword([]byte(next), passwordCost)
	if err != nil {
		return err
	}
	ck, _ := c.Cookie(sessionCookie)
	keep := ""
	if ck != nil {
		keep = ck.Value
	}
	if err := h.store.SetPassword(c.Request().Context(), u, string(newHash), keep); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/settings?done=password")
}

// createToken shows the new secret in the response itself, once: it is
// never stored, so it cannot survive a redirect.
func (h *handler) createToken(c echo.Context) error {
	secret, _, err := h.store.CreateToken(c.Request().Context(), currentUser(c), c.FormValue("name"))
	var ve *db.ValidationError
	if errors.As(err, &ve) {
		return h.renderSettings(c, http.StatusBadRequest, components.Settings{Error: plainMessage(ve), ErrorField: "token-name"})
	}
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return h.renderSettings(c, http.StatusCreated, components.Settings{NewToken: secret, Message: "Token created."})
}

// revokeToken revokes one of the caller's own tokens; the store query is
// scoped by user, so another user's token id is 404.
func (h *handler) revokeToken(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.RevokeToken(c.Request().Context(), currentUser(c), id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/settings?done=revoked")
}
