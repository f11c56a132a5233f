package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserHomeReflows: the home page of an annotator, a reviewer, a
// manager and an admin never scrolls sideways, at 200% zoom on a laptop
// (683 CSS pixels) nor at 320 (WCAG's reflow width): a review row with
// open notes and "Nothing ready: annotators are still at work" wraps
// inside the window, its parts whole.
func TestBrowserHomeReflows(t *testing.T) {
	ctx := context.Background()
	doc := func(line int, id, text string) codec.Doc {
		return codec.Doc{Line: line, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)}
	}
	s := newSite(t, doc(1, "first", "قال الوزير إن الاقتصاد ينمو."), doc(2, "second", "وصل الوفد إلى الرياض."))
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	addSiteMember(t, s, "rania", db.RoleReviewer)
	karim := addSiteMember(t, s, "karim", db.RoleManager)
	first := s.docs["first"]
	// Demo: layla at work on first, nothing ready, two open notes.
	if _, err := s.store.CreateSpan(ctx, first, layla.ID, layla.ID, db.SpanInput{Start: 4, End: 10, Label: "PER"}); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"Who is the minister?", "Check the date."} {
		if _, err := s.store.AddNote(ctx, first, karim, db.NoteInput{Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	// A second project with a long name where a document waits for review.
	news, err := s.store.CreateProject(ctx, "Evening news bulletins, spring", nil, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.Import(ctx, db.ImportOptions{ProjectID: news.ID, File: "news", By: s.user.ID}, []codec.Doc{doc(1, "n1", "قال المتحدث إن الوفد وصل.")}); err != nil {
		t.Fatal(err)
	}
	for name, role := range map[string]db.Role{"layla": db.RoleAnnotator, "rania": db.RoleReviewer, "karim": db.RoleManager} {
		u, err := s.store.UserByName(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.store.SetMember(ctx, news.ID, s.user, u, role); err != nil {
			t.Fatal(err)
		}
	}
	newsDocs, err := s.store.Documents(ctx, news.ID, s.user, db.DocumentPage{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	n1, err := s.store.Document(ctx, newsDocs.Docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.MarkDone(ctx, n1, layla); err != nil {
		t.Fatal(err)
	}

	b := newBrowser(t, s)
	for _, who := range []struct{ name, wants string }{
		{"annotator", ".review-item .notes-link"}, // the site's admin
		{"karim", ".review-item a.next-review"},
		{"rania", ".review-item .empty"},
		{"layla", ".queue-item a.next-doc"},
	} {
		if who.name != "annotator" {
			b.relogin(s.url, who.name)
		}
		for _, vp := range []struct{ w, h int64 }{{683, 384}, {320, 568}} {
			b.run(chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(s.url+"/"))
			b.waitLoaded()
			if !eval[bool](b, fmt.Sprintf(`document.querySelector(%q) !== null`, who.wants)) {
				t.Errorf("%s's home page has no %s", who.name, who.wants)
			}
			if sw, cw := eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`); sw > cw {
				t.Errorf("%s's home page at %d CSS pixels wide scrolls sideways: %d > %d", who.name, vp.w, sw, cw)
			}
			// Every part of every queue row is inside the window.
			if out := eval[string](b, `[...document.querySelectorAll('.queue-item > *')].filter((e) => {
			  const r = e.getBoundingClientRect();
			  return r.left < 0 || r.right > document.documentElement.clientWidth;
			}).map((e) => e.textContent.trim()).join(' | ')`); out != "" {
				t.Errorf("%s's home page at %d CSS pixels wide: outside the window: %s", who.name, vp.w, out)
			}
		}
		if who.name == "karim" {
			b.run(chromedp.EmulateViewport(683, 384))
			b.screenshot("home-manager-zoomed")
		}
	}
	b.run(chromedp.EmulateViewport(1366, 900))
}
