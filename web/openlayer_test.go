package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// shownLayer is what a document's page shows: the layer's ?layer= (the
// #doc's data-layer, "" for the viewer's own), the layer switch's
// current link, and the addresses of Previous and Next document.
type shownLayer struct {
	param, current, prev, next string
}

func openDocument(t *testing.T, f *formUser, path string) shownLayer {
	t.Helper()
	rec := f.get(path, f.session)
	expect(t, rec, http.StatusOK)
	page, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	doc := page.Find("#doc")
	if doc.Length() != 1 {
		t.Fatalf("%s: no document text", path)
	}
	var s shownLayer
	s.param, _ = doc.Attr("data-layer")
	s.current = strings.TrimSpace(page.Find(`.layers a[aria-current="page"]`).First().Text())
	s.prev, _ = page.Find(`a[rel="prev"]`).Attr("href")
	s.next, _ = page.Find(`a[rel="next"]`).Attr("href")
	return s
}

// TestDocumentOpensOnTheLayerToWorkIn: without ?layer=, a document's page
// shows the caller's own layer where they work on the document (it is
// assigned to them, or they have a layer on it) and always to an
// annotator; a reviewer, manager or admin who does neither lands on gold.
// A ?layer= is kept, mine included.
func TestDocumentOpensOnTheLayerToWorkIn(t *testing.T) {
	for _, tc := range []struct {
		name  string
		role  db.Role // "" for a global admin, a member of nothing
		setup func(env *apiEnv, u db.User)
		path  string // after /documents/ID
		want  string // data-layer: "" own, "gold", or a user's name
	}{
		{name: "annotator with nothing", role: db.RoleAnnotator, want: ""},
		{name: "reviewer with nothing", role: db.RoleReviewer, want: "gold"},
		{name: "manager with nothing", role: db.RoleManager, want: "gold"},
		{name: "admin with nothing", want: "gold"},
		{name: "reviewer assigned it", role: db.RoleReviewer, setup: assignIt, want: ""},
		{name: "manager assigned it", role: db.RoleManager, setup: assignIt, want: ""},
		{name: "reviewer with a span in it", role: db.RoleReviewer, setup: spanIn, want: ""},
		{name: "admin with a span in it", setup: spanIn, want: ""},
		{name: "reviewer whose layer is marked done", role: db.RoleReviewer, setup: doneIn, want: ""},
		{name: "reviewer asking for theirs", role: db.RoleReviewer, path: "?layer=mine", want: ""},
		{name: "reviewer naming themself", role: db.RoleReviewer, path: "?layer=layla", want: ""},
		{name: "reviewer assigned it asking for gold", role: db.RoleReviewer, setup: assignIt, path: "?layer=gold", want: "gold"},
		{name: "reviewer asking for omar's", role: db.RoleReviewer, path: "?layer=omar", want: "omar"},
		{name: "annotator assigned it", role: db.RoleAnnotator, setup: assignIt, want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newAPIEnv(t)
			f := &formUser{env: env, user: env.user, session: env.session} // amina, an admin
			if tc.role != "" {
				f = newFormUser(t, env, "layla", "a password of layla's")
				if err := env.store.SetMember(t.Context(), env.proj.ID, env.user, f.user, tc.role); err != nil {
					t.Fatal(err)
				}
			}
			if err := env.store.SetMember(t.Context(), env.proj.ID, env.user, env.other, db.RoleAnnotator); err != nil {
				t.Fatal(err)
			}
			env.addSpan(env.other.ID, "أحمد", "PER")
			if tc.setup != nil {
				tc.setup(env, f.user)
			}
			got := openDocument(t, f, fmt.Sprintf("/documents/%d%s", env.doc.ID, tc.path))
			if got.param != tc.want {
				t.Errorf("opened layer %q, want %q", got.param, tc.want)
			}
			wantCurrent := map[string]string{"": "my layer", "gold": "gold", "omar": "omar"}[tc.want]
			if tc.role == db.RoleAnnotator {
				wantCurrent = "" // an annotator has no layer switch
			}
			if got.current != wantCurrent {
				t.Errorf("the layer switch marks %q, want %q", got.current, wantCurrent)
			}
		})
	}
}

func assignIt(env *apiEnv, u db.User) {
	env.t.Helper()
	if _, err := env.store.Assign(env.t.Context(), env.proj.ID, env.user, db.AssignRequest{User: u.Name, DocumentIDs: []int64{env.doc.ID}}); err != nil {
		env.t.Fatal(err)
	}
}

func spanIn(env *apiEnv, u db.User) { env.addSpan(u.ID, "الرياض", "LOC") }

func doneIn(env *apiEnv, u db.User) {
	env.t.Helper()
	if _, err := env.store.MarkDone(env.t.Context(), env.doc, u); err != nil {
		env.t.Fatal(err)
	}
}

// TestNeighboursKeepTheLayerShown: Previous and Next document keep the
// layer the page shows, a reviewer's own as ?layer=mine (without it the
// next document may open on gold); an annotator's links name no layer,
// as before.
func TestNeighboursKeepTheLayerShown(t *testing.T) {
	env := newAPIEnv(t)
	first := env.doc
	middle := env.importDoc("doc-2", apiText)
	last := env.importDoc("doc-3", apiText)
	reviewer := newFormUser(t, env, "layla", "a password of layla's")
	annotator := newFormUser(t, env, "karim", "a password of karim's")
	for _, m := range []struct {
		f    *formUser
		role db.Role
	}{{reviewer, db.RoleReviewer}, {annotator, db.RoleAnnotator}} {
		if err := env.store.SetMember(t.Context(), env.proj.ID, env.user, m.f.user, m.role); err != nil {
			t.Fatal(err)
		}
	}
	doc := func(d db.Document, query string) string { return fmt.Sprintf("/documents/%d%s", d.ID, query) }
	for _, tc := range []struct {
		who              *formUser
		path             string
		param            string
		prev, next, name string
	}{
		{reviewer, doc(middle, ""), "gold", doc(first, "?layer=gold"), doc(last, "?layer=gold"), "reviewer by default"},
		{reviewer, doc(middle, "?layer=mine"), "", doc(first, "?layer=mine"), doc(last, "?layer=mine"), "reviewer in their own layer"},
		{annotator, doc(middle, ""), "", doc(first, ""), doc(last, ""), "annotator"},
	} {
		got := openDocument(t, tc.who, tc.path)
		if got.param != tc.param || got.prev != tc.prev || got.next != tc.next {
			t.Errorf("%s: layer %q, previous %q, next %q; want %q, %q, %q", tc.name, got.param, got.prev, got.next, tc.param, tc.prev, tc.next)
		}
	}
}

// TestOwnLayerFragmentStaysOwn: the fragment the page's script redraws
// from names no layer for the viewer's own, and stays on it for a
// reviewer who works on nothing in the document, whose page opens on gold.
func TestOwnLayerFragmentStaysOwn(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(0, "أحمد", "PER") // gold has a span, amina's layer none
	rec := env.do(http.MethodGet, fmt.Sprintf("/documents/%d/view", env.doc.ID), nil)
	expect(t, rec, http.StatusOK)
	if strings.Contains(rec.Body.String(), `class="seg"`) {
		t.Errorf("the own layer's fragment shows gold's span:\n%s", rec.Body.String())
	}
	page := env.do(http.MethodGet, fmt.Sprintf("/documents/%d", env.doc.ID), nil)
	expect(t, page, http.StatusOK)
	if !strings.Contains(page.Body.String(), `data-layer="gold"`) {
		t.Error("the admin's page does not open on gold")
	}
}
