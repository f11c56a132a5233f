package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestManagerEditsLabels(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "أحمد", "PER")
	admin := &formUser{env: env, user: env.user, session: env.session}
	path := fmt.Sprintf("/projects/%d/labels", env.proj.ID)
	form := func(rows ...[3]string) url.Values {
		v := url.Values{}
		for _, r := range rows {
			v.Add("name", r[0])
			v.Add("color", r[1])
			v.Add("hotkey", r[2])
		}
		return v
	}
	// PER is used: clearing its name is refused and the page says why.
	rec := admin.post(path, form([3]string{"", "#e5484d", "1"}, [3]string{"ORG", "#0090ff", "2"}))
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "PER is used by 1 spans") {
		t.Fatalf("removing a used label: %d", rec.Code)
	}
	rec = admin.post(path, form([3]string{"PER", "#e5484d", "p"}, [3]string{"EVENT", "#123456", "e"}, [3]string{"", "#888888", ""}))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("saving labels: %d: %s", rec.Code, rec.Body)
	}
	p, err := env.store.Project(t.Context(), env.proj.ID)
	if err != nil || len(p.Labels) != 2 || p.Labels[1].Name != "EVENT" || p.Labels[0].Hotkey != "p" {
		t.Fatalf("labels %+v (%v)", p.Labels, err)
	}
	page := env.do(http.MethodGet, fmt.Sprintf("/documents/%d", env.doc.ID), nil).Body.String()
	if !strings.Contains(page, `aria-label="EVENT"`) || strings.Contains(page, `aria-label="ORG"`) {
		t.Error("the annotation page does not show the new label set")
	}
}
