package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"hashiya/db"
	"hashiya/db/textsearch"
)

const (
	// maxFindMatches is the most places one find answers; the rest are
	// counted as "more", so a find for a common letter stays small.
	maxFindMatches = 1000
	// maxFindQuery is the longest thing a find looks for, in code points:
	// as long as a search of the document list.
	maxFindQuery = db.MaxSearchQuery
)

// findInDocument answers where ?q= stands in a document's text, its
// spelling folded as the document list's search folds it (package
// textsearch): {"matches":[{"start","end","text"}],"more":bool}, code
// points, in text order. The annotation view's find bar selects them.
func (h *handler) findInDocument(c echo.Context) error {
	t, err := h.document(c)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(c.QueryParam("q"))
	switch n := utf8.RuneCountInString(q); {
	case n == 0:
		return badRequest("q: say what to find")
	case n > maxFindQuery:
		return badRequest("q: %d characters is longer than the %d a find looks for", n, maxFindQuery)
	}
	type match struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	found, more := textsearch.All(t.doc.Text, q, maxFindMatches)
	out := struct {
		Matches []match `json:"matches"`
		More    bool    `json:"more"`
	}{Matches: make([]match, 0, len(found)), More: more}
	rs := []rune(t.doc.Text)
	for _, m := range found {
		out.Matches = append(out.Matches, match{m[0], m[1], string(rs[m[0]:m[1]])})
	}
	return c.JSON(http.StatusOK, out)
}
