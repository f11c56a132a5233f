package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hashiya/db"
)

// TestReviewerOpensEveryLayer: the annotation page links a reviewer to
// each annotator's layer, shown read only; an annotator gets no such links.
func TestReviewerOpensEveryLayer(t *testing.T) {
	env := newAPIEnv(t)
	ctx := t.Context()
	if err := env.store.SetMember(ctx, env.proj.ID, env.user, env.other, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	env.addSpan(env.other.ID, "أحمد", "PER")
	page := env.do(http.MethodGet, fmt.Sprintf("/documents/%d", env.doc.ID), nil).Body.String()
	link := fmt.Sprintf(`href="/documents/%d?layer=omar"`, env.doc.ID)
	if !strings.Contains(page, link) {
		t.Fatalf("the admin's page lacks a link to omar's layer")
	}
	theirs := env.do(http.MethodGet, fmt.Sprintf("/documents/%d?layer=omar", env.doc.ID), nil)
	expect(t, theirs, http.StatusOK)
	if body := theirs.Body.String(); !strings.Contains(body, `data-readonly="true"`) || !strings.Contains(body, "أحمد") {
		t.Error("omar's layer is not shown read only with his span")
	}
	session, err := env.store.CreateSession(ctx, env.other, time.Now(), db.DefaultSessionPolicy)
	if err != nil {
		t.Fatal(err)
	}
	f := &formUser{env: env, user: env.other, session: session}
	if own := f.get(fmt.Sprintf("/documents/%d", env.doc.ID), session).Body.String(); strings.Contains(own, `aria-label="Layers"`) {
		t.Error("an annotator is offered other layers")
	}
}
