package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hashiya/components"
	"hashiya/db"
)

// progressPage shows reviewers and managers each person's share of a
// project's work and the labels used.
func (h *handler) progressPage(c echo.Context) error {
	p, pr, err := h.progress(c)
	if err != nil {
		return err
	}
	v := components.ProgressView{Project: p, Progress: pr}
	return render(c, http.StatusOK, components.ProgressPage(h.page(c, tr(c, "%s progress", p.Name)), v))
}

// apiProgress is the progress page's figures as JSON.
func (h *handler) apiProgress(c echo.Context) error {
	p, pr, err := h.progress(c)
	if err != nil {
		return err
	}
	type personJSON struct {
		Name      string  `json:"name"`
		Role      db.Role `json:"role"` // "" when no longer a member
		Admin     bool    `json:"admin"`
		ToDo      int     `json:"to_do"`
		Done      int     `json:"done"`
		Started   int     `json:"started"`
		Spans     int     `json:"spans"`
		Relations int     `json:"relations"`
		LastAt    *string `json:"last_change"` // null: never
		Active    int     `json:"active_seconds"`
	}
	type labelJSON struct {
		Label    string         `json:"label"`
		Gold     int            `json:"gold"`
		ByPerson map[string]int `json:"by_person"`
	}
	out := struct {
		Project   int64          `json:"project"`
		Documents int            `json:"documents"`
		Assigns   bool           `json:"assigns"`
		Gold      map[string]int `json:"gold"`
		GoldSpans int            `json:"gold_spans"`
		People    []personJSON   `json:"people"`
		Labels    []labelJSON    `json:"labels"`
	}{Project: p.ID, Documents: pr.Documents, Assigns: pr.Assigns, Gold: pr.Gold, GoldSpans: pr.GoldSpans, People: []personJSON{}, Labels: []labelJSON{}}
	for _, pp := range pr.People {
		j := personJSON{pp.Name, pp.Role, pp.Admin, pp.ToDo, pp.Done, pp.Started, pp.Spans, pp.Relations, nil, pp.ActiveSeconds}
		if pp.LastAt != "" {
			j.LastAt = &pp.LastAt
		}
		out.People = append(out.People, j)
	}
	for _, l := range pr.Labels {
		out.Labels = append(out.Labels, labelJSON{l.Label, l.Gold, l.ByPerson})
	}
	return c.JSON(http.StatusOK, out)
}

// progress reads the progress of the project in the URL, for reviewers
// and managers.
func (h *handler) progress(c echo.Context) (db.Project, db.Progress, error) {
	p, err := h.reviewedProject(c)
	if err != nil {
		return p, db.Progress{}, err
	}
	pr, err := h.store.Progress(c.Request().Context(), p)
	return p, pr, err
}
