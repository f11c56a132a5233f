package web

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/components/agreement"
	"hashiya/components/agreement/fromstore"
	"hashiya/db"
)

// confusionSpansPage lists the spans one cell of the Agreement page's
// table of labels confused counts, for reviewers and managers:
// ?row=LOC&col=ORG, an empty value for none, and &pair=karim/layla for
// that pair's table (rows karim's labels) rather than the summed one; a
// page of them at a time, &page=2 for the second.
func (h *handler) confusionSpansPage(c echo.Context) error {
	p, err := h.reviewedProject(c)
	if err != nil {
		return err
	}
	page, err := queriedPage(c)
	if err != nil {
		return err
	}
	v, err := h.confusionSpans(c, p, (page-1)*components.CellPageSpans, components.CellPageSpans)
	if err != nil {
		return err
	}
	if v.Page = page; page > v.Pages() {
		return badQuery(c, "page", components.Msg("There is no page %s: this list ends at page %s."), page, v.Pages())
	}
	title := tr(c, "%s labels confused: %s", p.Name, components.CellName(c.Request().Context(), v.Cell))
	return render(c, http.StatusOK, components.ConfusionSpansPage(h.page(c, title), v))
}

// queriedPage is the page of a list the query asks for, from 1; 1 when
// it names none.
func queriedPage(c echo.Context) (int, error) {
	q := c.QueryParam("page")
	if q == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(q)
	if err != nil || n < 1 {
		return 0, badQuery(c, "page", components.Msg("%s is not a page number: give a whole number from 1 (page=2)."), q)
	}
	return n, nil
}

// confusionSpans reads the cell the query names, with its table and the
// texts of the documents holding the n spans shown from the first (from
// 0), or refuses the query for what it names wrong.
func (h *handler) confusionSpans(c echo.Context, p db.Project, first, n int) (components.ConfusionSpansView, error) {
	cell, err := queriedCell(c)
	if err != nil {
		return components.ConfusionSpansView{}, err
	}
	t, texts, err := fromstore.CellSpans(c.Request().Context(), h.store, p.ID, cell, first, n)
	if err != nil {
		return components.ConfusionSpansView{}, err
	}
	table := t.ConfusionOverall()
	if cell.A != "" {
		if table, err = pairConfusion(c, p, t, cell.A, cell.B); err != nil {
			return components.ConfusionSpansView{}, err
		}
	}
	for _, l := range [2]struct{ field, label string }{{"row", cell.Row}, {"col", cell.Col}} {
		if l.label != agreement.None && !p.HasLabel(l.label) && !slices.Contains(table.Labels(), l.label) {
			return components.ConfusionSpansView{}, badQuery(c, l.field, components.Msg("Project %s has no label %s, and its table of labels confused has none."), p.Name, l.label)
		}
	}
	return components.ConfusionSpansView{Project: p, Cell: cell, Confusion: table, Spans: t.CellSpans(), Texts: texts}, nil
}

// apiConfusionSpans is the page's list as JSON, every span of the cell
// with its words: {"row","col","pair","spans","places"}, none as null,
// pair null for the summed table, spans the table's count.
func (h *handler) apiConfusionSpans(c echo.Context) error {
	p, err := h.reviewedProject(c)
	if err != nil {
		return err
	}
	v, err := h.confusionSpans(c, p, 0, math.MaxInt)
	if err != nil {
		return err
	}
	out := cellJSON{Row: labelJSON(v.Cell.Row), Col: labelJSON(v.Cell.Col), Spans: v.Confusion.Count(v.Cell.Row, v.Cell.Col), Places: []cellPlaceJSON{}}
	if v.Cell.A != "" {
		out.Pair = []string{v.Cell.A, v.Cell.B}
	}
	for _, s := range v.Spans {
		text := []rune(v.Texts[s.Doc])
		pl := cellPlaceJSON{Document: s.Doc, ExternalID: s.DocName, Start: s.Start, End: s.End, First: s.First, Second: s.Second}
		if s.End <= len(text) {
			pl.Text = string(text[s.Start:s.End])
		}
		out.Places = append(out.Places, pl)
	}
	return c.JSON(http.StatusOK, out)
}

// cellJSON is a cell's spans as the API answers them.
type cellJSON struct {
	Row    *string         `json:"row"`
	Col    *string         `json:"col"`
	Pair   []string        `json:"pair"`
	Spans  int             `json:"spans"`
	Places []cellPlaceJSON `json:"places"`
}

// cellPlaceJSON is one span of a cell: first gave it the row's label,
// second the column's.
type cellPlaceJSON struct {
	Document   int64  `json:"document"`
	ExternalID string `json:"external_id"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	First      string `json:"first"`
	Second     string `json:"second"`
}

// labelJSON is a label as the API's JSON gives it, none as null.
func labelJSON(label string) *string {
	if label == agreement.None {
		return nil
	}
	return &label
}

// queriedCell is the cell the query names, as written: row and col are
// labels, empty for none (no label's name is empty), and pair, when
// given, two user names, first/second.
func queriedCell(c echo.Context) (agreement.Cell, error) {
	q := c.QueryParams()
	var cell agreement.Cell
	for _, f := range []struct {
		name string
		to   *string
	}{{"row", &cell.Row}, {"col", &cell.Col}} {
		v, ok := q[f.name]
		if !ok || len(v) != 1 {
			return cell, refusedQuery(c, f.name, components.Msg("The address names no cell of the table of labels confused: give one row and one column, each a label or empty for none (row=LOC&col=ORG)."))
		}
		*f.to = v[0]
	}
	if cell.Row == agreement.None && cell.Col == agreement.None {
		return cell, refusedQuery(c, "row", components.Msg("None against none is no cell of the table: give a label for the row, the column or both."))
	}
	if pair := q.Get("pair"); pair != "" {
		var err error
		if cell.A, cell.B, err = queriedPair(c, pair); err != nil {
			return cell, err
		}
	}
	return cell, nil
}

// queriedPair is the two users a query's pair names, first/second, or a
// refusal saying how to name them.
func queriedPair(c echo.Context, pair string) (first, second string, err error) {
	names := strings.Split(pair, "/")
	if len(names) != 2 || names[0] == "" || names[1] == "" || names[0] == names[1] {
		return "", "", badQuery(c, "pair", components.Msg("%s is not a pair of users: give two names, first/second (pair=karim/layla)."), pair)
	}
	return names[0], names[1], nil
}

// pairConfusion is the table of labels confused of first and second,
// rows first's labels, or badPair's refusal where they have none.
func pairConfusion(c echo.Context, p db.Project, t *agreement.Tally, first, second string) (agreement.Confusion, error) {
	table, ok := t.Confusion(first, second)
	if !ok {
		return table, badPair(c, p, t, first, second)
	}
	return table, nil
}

// badPair says why the pair asked for has no table: a name that is no
// user with a layer beside another's in the project, or two users who
// never worked on a document in common.
func badPair(c echo.Context, p db.Project, t *agreement.Tally, first, second string) error {
	known := map[string]bool{}
	for _, pr := range t.Pairs() {
		known[pr.A], known[pr.B] = true, true
	}
	for _, name := range []string{first, second} {
		if !known[name] {
			return badQuery(c, "pair", components.Msg("In project %s, %s has no layer of a document another user worked on too."), p.Name, name)
		}
	}
	return badQuery(c, "pair", components.Msg("%s and %s never worked on a document in common."), first, second)
}

// badQuery refuses the address for what its field names: the API answers
// the field and the reason in English, as scripts read it; a page says
// the reason in the request's language, names isolated.
func badQuery(c echo.Context, field, format string, args ...any) error {
	plain, said := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		plain[i] = fmt.Sprint(a)
		said[i] = components.NameIn(c.Request().Context(), fmt.Sprint(a))
	}
	return &queryError{reason: field + ": " + fmt.Sprintf(format, plain...), advice: tr(c, format, said...)}
}

// refusedQuery is badQuery of a message that names nothing.
func refusedQuery(c echo.Context, field, msg string) error {
	return &queryError{reason: field + ": " + msg, advice: components.T(c.Request().Context(), msg)}
}
