package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

const (
	apiPageLimit     = 100 // documents per API page unless ?limit= says
	projectPageLimit = 50  // documents per page of the project page
)

// documentPage reads the document list's ?after= (the cursor: the id of
// the last document of the page before), ?status= and ?q=; the store
// checks the values and names the one that is wrong.
func documentPage(c echo.Context, limit int, role db.Role) (db.DocumentPage, error) {
	page := db.DocumentPage{Limit: limit, Status: c.QueryParam("status"), Gold: c.QueryParam("gold"), Query: strings.TrimSpace(c.QueryParam("q"))}
	if page.Gold != "" && !role.AtLeast(db.RoleReviewer) {
		// Gold's status is shown to reviewers and managers only; a filter
		// by it would tell an annotator the same.
		return page, forbidden("only reviewers and managers filter by gold's status",
			components.Msg("Only reviewers and managers of this project see gold's status. Filter by your own layer's status instead."))
	}
	switch n := c.QueryParam("notes"); n {
	case "":
	case "open":
		page.Notes = true
	default:
		return page, badRequest("notes: %q is not open (documents with an open note) or empty (any)", n)
	}
	if s := c.QueryParam("after"); s != "" {
		after, err := strconv.ParseInt(s, 10, 64)
		if err != nil || after < 0 {
			return page, badRequest("after: %q is not a document id (send the next cursor of the page before)", s)
		}
		page.After = after
	}
	return page, page.Validate()
}

// apiLimit reads ?limit=, apiPageLimit when absent.
func apiLimit(c echo.Context) (int, error) {
	s := c.QueryParam("limit")
	if s == "" {
		return apiPageLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > db.MaxPageLimit {
		return 0, badRequest("limit: %q is not a whole number from 1 to %d", s, db.MaxPageLimit)
	}
	return n, nil
}

// backToProject is where a manager's form sends them: the project page
// saying what was done (query), on the list page the form came from (its
// action carries the list's after, status and q), at anchor.
func backToProject(c echo.Context, projectID int64, query, anchor string) string {
	list := url.Values{}
	for _, k := range []string{"after", "status", "gold", "q", "notes"} {
		if v := c.QueryParam(k); v != "" {
			list.Set(k, v)
		}
	}
	if len(list) > 0 {
		query += "&" + list.Encode()
	}
	return fmt.Sprintf("/projects/%d?%s#%s", projectID, query, anchor)
}
