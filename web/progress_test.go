package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestProgressPage: reviewers and managers see each person's queue, work
// and labels; annotators are refused, outsiders find nothing; the API
// gives the same figures.
func TestProgressPage(t *testing.T) {
	te := newTeamEnv(t)
	ctx := context.Background()
	te.assign("layla", te.docs[1], te.docs[2])
	te.assign("karim", te.docs[0])
	if _, err := te.store.CreateSpan(ctx, te.docs[1], te.layla.user.ID, te.layla.user.ID, db.SpanInput{Start: 0, End: 2, Label: "LOC"}); err != nil {
		t.Fatal(err)
	}
	if _, err := te.store.MarkDone(ctx, te.docs[1], te.layla.user); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/projects/%d/progress", te.proj.ID)

	for _, who := range []*queueActor{te.samir, te.rana, te.amina} {
		d := htmlPage(t, who.get(path), http.StatusOK)
		rows, active := map[string]string{}, map[string]string{}
		d.Find("#progress-people tbody tr").Each(func(_ int, tr *goquery.Selection) {
			var cells []string
			tr.Find("th, td").Each(func(_ int, c *goquery.Selection) { cells = append(cells, strings.Join(strings.Fields(c.Text()), " ")) })
			rows[cells[0]] = strings.Join(cells[1:6], " | ")
			active[cells[0]] = cells[6]
		})
		for name, want := range map[string]string{
			"layla": "annotator | 1 / 2 | 0 | 1 | 0",
			"karim": "annotator | 0 / 1 | 0 | 0 | 0",
			"rana":  "reviewer | no queue | 0 | 0 | 0",
			"amina": "admin | no queue | 0 | 0 | 0",
		} {
			if rows[name] != want {
				t.Errorf("%s sees %s's row as %q, want %q", who.user.Name, name, rows[name], want)
			}
		}
		// layla's two changes came within seconds of each other; karim made none.
		if active["layla"] != "< 1 min" || active["karim"] != "—" {
			t.Errorf("active time: layla %q, karim %q", active["layla"], active["karim"])
		}
		if got := d.Find(`progress[aria-label="layla: 1 of 2 documents done"]`).AttrOr("value", ""); got != "1" {
			t.Errorf("layla's progress bar: value %q", got)
		}
		if got := strings.Join(strings.Fields(d.Find("#gold-summary").Text()), " "); !strings.HasPrefix(got, "0 / 3 documents reviewed") {
			t.Errorf("gold summary %q", got)
		}
		loc := d.Find("#progress-labels tbody tr").FilterFunction(func(_ int, tr *goquery.Selection) bool { return tr.Find("th").Text() == "LOC" })
		var cells []string
		loc.Find("td").Each(func(_ int, c *goquery.Selection) { cells = append(cells, c.Text()) })
		// Columns: gold, then layla (the only person with spans), then all people.
		if got := strings.Join(cells, " "); got != "0 1 1" {
			t.Errorf("LOC row %q, want gold 0, layla 1, all 1", got)
		}
	}
	expect(t, te.layla.get(path), http.StatusForbidden)
	expect(t, te.omar.get(path), http.StatusNotFound)
	if d := htmlPage(t, te.rana.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK); d.Find("#progress-link").Length() != 1 {
		t.Error("the project page has no Progress link for a reviewer")
	}
	if d := htmlPage(t, te.layla.get(fmt.Sprintf("/projects/%d", te.proj.ID)), http.StatusOK); d.Find("#progress-link").Length() != 0 {
		t.Error("the project page links an annotator to Progress")
	}

	rec := te.do(http.MethodGet, fmt.Sprintf("/api/v1/projects/%d/progress", te.proj.ID), nil)
	expect(t, rec, http.StatusOK)
	var got struct {
		Documents int            `json:"documents"`
		Assigns   bool           `json:"assigns"`
		Gold      map[string]int `json:"gold"`
		People    []struct {
			Name       string  `json:"name"`
			Role       string  `json:"role"`
			ToDo       int     `json:"to_do"`
			Done       int     `json:"done"`
			Spans      int     `json:"spans"`
			LastChange *string `json:"last_change"`
		} `json:"people"`
		Labels []struct {
			Label    string         `json:"label"`
			ByPerson map[string]int `json:"by_person"`
		} `json:"labels"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Documents != 3 || !got.Assigns || got.Gold["new"] != 3 || len(got.Labels) != 7 {
		t.Errorf("API progress %+v", got)
	}
	for _, p := range got.People {
		switch p.Name {
		case "layla":
			if p.Role != "annotator" || p.ToDo != 2 || p.Done != 1 || p.Spans != 1 || p.LastChange == nil {
				t.Errorf("API: layla %+v", p)
			}
		case "karim":
			if p.ToDo != 1 || p.LastChange != nil {
				t.Errorf("API: karim %+v", p)
			}
		}
	}
}

// TestProgressPageEmpty: a project without documents says what to do.
func TestProgressPageEmpty(t *testing.T) {
	env := newAPIEnv(t)
	p, err := env.store.CreateProject(context.Background(), "empty", nil, env.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	d := htmlPage(t, env.do(http.MethodGet, fmt.Sprintf("/projects/%d/progress", p.ID), nil), http.StatusOK)
	if got := d.Find("#progress-empty").Text(); !strings.Contains(got, "No documents yet") || d.Find("#progress-people").Length() != 0 {
		t.Errorf("empty project: %q", got)
	}
}
