package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"

	"hashiya/components"
	"hashiya/db"
)

var errAdminOnly = forbidden("only a global admin manages users",
	components.Msg("Only a global admin manages users. Ask an admin to add, disable or enable an account."))

func (h *handler) usersPage(c echo.Context) error {
	if !currentUser(c).IsAdmin {
		return errAdminOnly
	}
	users, err := h.store.Accounts(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	v := components.UsersView{Users: users}
	v.Message, v.Added = usersNotice(c.Request().Context(), c.QueryParams(), users)
	if v.Added {
		// The next step after adding someone: a project to add them to.
		if v.AddTo, err = h.store.ProjectsFor(c.Request().Context(), currentUser(c)); err != nil {
			return err
		}
	}
	return render(c, http.StatusOK, components.UsersPage(h.page(c, "Users"), v))
}

// usersNotice says what the change just made was, in words fixed here,
// never the URL's: a name from ?added=, ?disabled= or ?enabled= is shown
// only as the stored name of a user it names, in the state it claims, so
// a crafted link cannot make the page say anything else. added says the
// notice is of a user just added.
func usersNotice(ctx context.Context, q url.Values, users []db.Account) (notice string, added bool) {
	find := func(param string) (db.User, bool) {
		name := q.Get(param)
		i := slices.IndexFunc(users, func(u db.Account) bool { return name != "" && u.Name == name })
		if i < 0 {
			return db.User{}, false
		}
		return users[i].User, true
	}
	if u, ok := find("enabled"); ok && !u.Disabled {
		return components.Tf(ctx, "User %s enabled: they can log in again (their old API tokens stay revoked).", components.NameIn(ctx, u.Name)), false
	}
	if u, ok := find("disabled"); ok && u.Disabled {
		return components.Tf(ctx, "User %s disabled: logged out everywhere, API tokens revoked, annotations kept.", components.NameIn(ctx, u.Name)), false
	}
	if u, ok := find("added"); ok {
		return components.Tf(ctx, "User %s added. Tell them their password; they can change it in Settings.", components.NameIn(ctx, u.Name)), true
	}
	return "", false
}

func (h *handler) renderUsers(c echo.Context, status int, v components.UsersView) error {
	users, err := h.store.Accounts(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	v.Users = users
	return render(c, status, components.UsersPage(h.page(c, "Users"), v))
}

// addUser is `hashiya user add` for admins in the browser.
func (h *handler) addUser(c echo.Context) error {
	if !currentUser(c).IsAdmin {
		return errAdminOnly
	}
	name, password := c.FormValue("name"), c.FormValue("password")
	refuse := func(status int, msg, field string) error {
		return h.renderUsers(c, status, components.UsersView{Error: msg, ErrorField: field, Name: name})
	}
	if len(password) < 8 || len(password) > 72 {
		return refuse(http.StatusBadRequest, tr(c, "The password must be 8 to 72 bytes long."), "new-user-password")
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), passwordCost)
	if err != nil {
		return err
	}
	_, err = h.store.CreateUser(c.Request().Context(), name, string(hash), c.FormValue("admin") == "1")
	var ve *db.ValidationError
	switch {
	case errors.As(err, &ve):
		return refuse(http.StatusBadRequest, plainMessage(ve), "new-user")
	case errors.Is(err, db.ErrConflict):
		return refuse(http.StatusConflict, tr(c, "A user named %s already exists.", components.NameIn(c.Request().Context(), name)), "new-user")
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users?added="+url.QueryEscape(name))
}

// disableUser and enableUser are an admin's switch on an account (form
// field user): a disabled account cannot log in, and its sessions and API
// tokens end at once; its annotations stay.
func (h *handler) disableUser(c echo.Context) error { return h.setDisabled(c, true) }

func (h *handler) enableUser(c echo.Context) error { return h.setDisabled(c, false) }

func (h *handler) setDisabled(c echo.Context, disabled bool) error {
	if !currentUser(c).IsAdmin {
		return errAdminOnly
	}
	u, err := h.store.SetDisabled(c.Request().Context(), currentUser(c), c.FormValue("user"), disabled)
	var ve *db.ValidationError
	if errors.As(err, &ve) {
		return h.renderUsers(c, http.StatusBadRequest, components.UsersView{Error: plainMessage(ve)})
	}
	if err != nil {
		return err
	}
	done := map[bool]string{true: "disabled", false: "enabled"}[disabled]
	return c.Redirect(http.StatusSeeOther, "/admin/users?"+done+"="+url.QueryEscape(u.Name))
}

// resetPassword gives the account named by form field user a new random
// password, for someone who forgot theirs, and logs them out everywhere.
// The password is shown in this answer alone, once: it is stored only
// hashed, so it cannot survive a redirect. An admin's own password is
// changed in Settings, which asks for the current one.
func (h *handler) resetPassword(c echo.Context) error {
	if !currentUser(c).IsAdmin {
		return errAdminOnly
	}
	password, err := randomPassword()
	if err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), passwordCost)
	if err != nil {
		return err
	}
	u, err := h.store.ResetPassword(c.Request().Context(), currentUser(c), c.FormValue("user"), string(hash))
	var ve *db.ValidationError
	if errors.As(err, &ve) {
		return h.renderUsers(c, http.StatusBadRequest, components.UsersView{Error: plainMessage(ve)})
	}
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return h.renderUsers(c, http.StatusOK, components.UsersView{Reset: components.PasswordReset{User: u, Password: password}})
}

// randomPassword is 144 random bits in 24 URL-safe characters, as
// `hashiya user add` makes them.
func randomPassword() (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make a random password: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
