package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hashiya/db"
)

// TestNewProjectForm: an admin creates a project from the home page and
// lands on it; a refused name is said beside the form, kept in it, and
// creates nothing; only admins see the form.
func TestNewProjectForm(t *testing.T) {
	te := newTeamEnv(t)
	home := htmlPage(t, te.amina.get("/"), http.StatusOK)
	if home.Find("#new-project-form").Length() != 1 || home.Find(`label[for="new-project-name"]`).Text() != "Project name" {
		t.Fatal("the admin's home has no New project form with a labelled name field")
	}
	for _, who := range []*queueActor{te.samir, te.layla} {
		if n := htmlPage(t, who.get("/"), http.StatusOK).Find("#new-project-form").Length(); n != 0 {
			t.Errorf("%s, not an admin, is shown the New project form", who.user.Name)
		}
	}

	rec := te.amina.post("/projects", url.Values{"name": {"تقارير 2025"}})
	expect(t, rec, http.StatusSeeOther)
	var id int64
	if _, err := fmt.Sscanf(rec.Header().Get("Location"), "/projects/%d?done=created", &id); err != nil {
		t.Fatalf("redirected to %q", rec.Header().Get("Location"))
	}
	p, err := te.store.Project(context.Background(), id)
	if err != nil || p.Name != "تقارير 2025" || len(p.Labels) != len(db.DefaultLabels()) || len(p.RelationTypes) != len(db.DefaultRelationTypes()) {
		t.Fatalf("created %+v (%v)", p, err)
	}
	page := htmlPage(t, te.amina.get(rec.Header().Get("Location")), http.StatusOK)
	if got := page.Find("#form-notice").Text(); !strings.HasPrefix(got, "Project created.") {
		t.Errorf("the new project's page says %q", got)
	}

	for _, tc := range []struct {
		name   string
		status int
		says   string
	}{
		{"تقارير 2025", http.StatusConflict, "A project named تقارير 2025 already exists"},
		{" padded", http.StatusBadRequest, "leading or trailing space"},
		{"", http.StatusBadRequest, "1-100 characters"},
	} {
		d := htmlPage(t, te.amina.post("/projects", url.Values{"name": {tc.name}}), tc.status)
		if got := d.Find("#new-project-error").Text(); !strings.Contains(got, tc.says) {
			t.Errorf("name %q: error %q, want %q", tc.name, got, tc.says)
		}
		input := d.Find("#new-project-name")
		if input.AttrOr("value", "") != tc.name || input.AttrOr("aria-invalid", "") != "true" {
			t.Errorf("name %q: the field holds %q, aria-invalid %q", tc.name, input.AttrOr("value", ""), input.AttrOr("aria-invalid", ""))
		}
	}
	projects, err := te.store.ProjectsFor(context.Background(), te.amina.user)
	if err != nil {
		t.Fatal(err)
	}
	if len(projects) != 2 {
		t.Errorf("after one project made and three refused, amina sees %d projects, want 2", len(projects))
	}
}
