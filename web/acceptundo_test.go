package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hashiya/db"
)

// TestUndoAcceptEverywhere: after an accept across the project the
// Agreement page's notice offers Undo this accept, which asks, naming
// what leaves gold, then takes every document's share back at once; only
// the reviewer who made it can, and a document whose gold was edited
// since keeps its share, named with why.
func TestUndoAcceptEverywhere(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d/agreement", te.proj.ID)
	everywhere := fmt.Sprintf("/projects/%d/review/accept-agreed", te.proj.ID)
	doc2 := te.docs[1]
	for _, who := range []*queueActor{te.layla, te.karim} {
		te.addSpan(who.user.ID, "أحمد", "PER")
		s, e := cpSpan(t, doc2.Text, "نص")
		if _, err := te.store.CreateSpan(t.Context(), doc2, who.user.ID, who.user.ID, db.SpanInput{Start: s, End: e, Label: "LOC"}); err != nil {
			t.Fatal(err)
		}
		for _, doc := range []db.Document{te.doc, doc2} {
			if _, err := te.store.MarkDone(t.Context(), doc, who.user); err != nil {
				t.Fatal(err)
			}
		}
	}
	goldSizes := func() string {
		return fmt.Sprintf("%d %d", len(te.layer(te.doc, 0).Spans), len(te.layer(doc2, 0).Spans))
	}
	// accept posts the accept and reads the batch its notice offers back.
	accept := func() string {
		t.Helper()
		redirectsTo(t, te.rana.post(everywhere, nil), page+"?done=accepted&n=2&links=0&docs=2")
		d := htmlPage(t, te.rana.get(page+"?done=accepted&n=2&links=0&docs=2"), http.StatusOK)
		form := d.Find("form#undo-accept-everywhere")
		if form.Length() != 1 || strings.TrimSpace(form.Find("button").Text()) != "Undo this accept" || !form.HasClass("confirm") {
			t.Fatalf("the notice offers no Undo this accept asking first: %q", cells(d.Find("main")))
		}
		if q := form.AttrOr("data-confirm", ""); q != "Take back this accept? The 2 spans it put into gold, in 2 documents, leave it; the rest of gold stays." {
			t.Errorf("Undo this accept asks %q", q)
		}
		return form.Find(`input[name="undo"]`).AttrOr("value", "")
	}
	batch := accept()
	// An accept that added nothing offers no undo, not even of the last.
	if d := htmlPage(t, te.rana.get(page+"?done=accepted&n=0&links=0&docs=0"), http.StatusOK); d.Find("#undo-accept-everywhere").Length() != 0 {
		t.Error("the notice of an accept that added nothing offers to undo an earlier one")
	}
	if goldSizes() != "1 1" {
		t.Fatalf("gold after the accept holds %s spans, want 1 1", goldSizes())
	}
	undo := url.Values{"undo": {batch}}
	expect(t, te.karim.post(everywhere, undo), http.StatusForbidden)
	d := htmlPage(t, te.samir.post(everywhere, undo), http.StatusNotFound)
	if !strings.Contains(d.Find("#form-error").Text(), "is not yours") || goldSizes() != "1 1" {
		t.Errorf("samir taking back rana's accept: %q, gold %s", d.Find("#form-error").Text(), goldSizes())
	}
	redirectsTo(t, te.rana.post(everywhere, undo), page+"?done=undone&n=2&links=0&docs=2")
	if goldSizes() != "0 0" {
		t.Errorf("gold after the undo holds %s spans, want none", goldSizes())
	}
	d = htmlPage(t, te.rana.get(page+"?done=undone&n=2&links=0&docs=2"), http.StatusOK)
	if got := d.Find("#form-notice").Text(); got != "The accept is taken back: 2 spans left gold, in 2 documents." || d.Find("#undo-accept-everywhere").Length() != 0 {
		t.Errorf("notice after the undo %q, or it offers an undo again", got)
	}

	// Accepted again, then doc-2's gold edited: the undo keeps doc-2.
	undo = url.Values{"undo": {accept()}}
	label := "ORG"
	if _, err := te.store.UpdateSpan(t.Context(), doc2, 0, te.rana.user.ID, te.layer(doc2, 0).Spans[0].ID, db.SpanPatch{Label: &label}); err != nil {
		t.Fatal(err)
	}
	d = htmlPage(t, te.rana.post(everywhere, undo), http.StatusOK)
	if got := d.Find("#form-notice").Text(); got != "The accept is taken back: 1 span left gold, in 1 document." {
		t.Errorf("notice after a partial undo %q", got)
	}
	if got := strings.Join(strings.Fields(d.Find("#undo-refused li").Text()), " "); !strings.HasPrefix(got, doc2.ExternalID+": gold changed since that accept") {
		t.Errorf("the refused document reads %q, want %s named with why", got, doc2.ExternalID)
	}
	if goldSizes() != "0 1" {
		t.Errorf("gold after a partial undo holds %s spans, want 0 1", goldSizes())
	}
	d = htmlPage(t, te.rana.post(everywhere, undo), http.StatusConflict)
	if !strings.HasPrefix(d.Find("#form-error").Text(), "Nothing was taken back") || d.Find("#undo-refused li").Length() != 1 {
		t.Errorf("undoing again: %q", cells(d.Find("main")))
	}
}

// TestAcceptEverywhereSentAgain: the Agreement page's accept form sends
// a batch name made as the page was drawn, so the same form sent again
// (the database was busy after some documents were accepted) goes on
// with that batch: its notice counts the whole batch, and one undo
// takes it all back. A name that is none is refused, nothing accepted.
func TestAcceptEverywhereSentAgain(t *testing.T) {
	te := newTeamEnv(t)
	page := fmt.Sprintf("/projects/%d/agreement", te.proj.ID)
	everywhere := fmt.Sprintf("/projects/%d/review/accept-agreed", te.proj.ID)
	doc2 := te.docs[1]
	for _, who := range []*queueActor{te.layla, te.karim} {
		te.addSpan(who.user.ID, "أحمد", "PER")
		s, e := cpSpan(t, doc2.Text, "نص")
		if _, err := te.store.CreateSpan(t.Context(), doc2, who.user.ID, who.user.ID, db.SpanInput{Start: s, End: e, Label: "LOC"}); err != nil {
			t.Fatal(err)
		}
		if _, err := te.store.MarkDone(t.Context(), te.doc, who.user); err != nil {
			t.Fatal(err)
		}
	}
	goldSizes := func() string {
		return fmt.Sprintf("%d %d", len(te.layer(te.doc, 0).Spans), len(te.layer(doc2, 0).Spans))
	}
	batch := htmlPage(t, te.rana.get(page), http.StatusOK).Find(`#accept-agreed-everywhere input[name="batch"]`).AttrOr("value", "")
	if len(batch) != 26 {
		t.Fatalf("the accept form sends batch %q", batch)
	}
	d := htmlPage(t, te.rana.post(everywhere, url.Values{"batch": {"not-a-batch"}}), http.StatusBadRequest)
	if got := d.Find("main").Text(); !strings.Contains(got, `"not-a-batch" is not the name of an accept across a project`) || goldSizes() != "0 0" {
		t.Errorf("a bad batch name: %q, gold %s", strings.Join(strings.Fields(got), " "), goldSizes())
	}
	redirectsTo(t, te.rana.post(everywhere, url.Values{"batch": {batch}}), page+"?done=accepted&n=1&links=0&docs=1")
	for _, who := range []*queueActor{te.layla, te.karim} {
		if _, err := te.store.MarkDone(t.Context(), doc2, who.user); err != nil {
			t.Fatal(err)
		}
	}
	redirectsTo(t, te.rana.post(everywhere, url.Values{"batch": {batch}}), page+"?done=accepted&n=2&links=0&docs=2")
	if goldSizes() != "1 1" {
		t.Fatalf("gold after the form sent twice holds %s spans, want 1 1", goldSizes())
	}
	redirectsTo(t, te.rana.post(everywhere, url.Values{"undo": {batch}}), page+"?done=undone&n=2&links=0&docs=2")
	if goldSizes() != "0 0" {
		t.Errorf("gold after one undo holds %s spans, want none", goldSizes())
	}
}
