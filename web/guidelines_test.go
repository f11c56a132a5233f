package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestGuidelines: a manager writes the guidelines; every member reads them
// on the project page and beside each document; a refused text changes
// nothing and stays in the form.
func TestGuidelines(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	doc := fmt.Sprintf("/documents/%d", te.doc.ID)
	if d := htmlPage(t, te.layla.get(doc), http.StatusOK); d.Find("#guidelines").Length() != 0 {
		t.Error("the annotation page shows a guidelines box before there are any")
	}

	text := "علّم كل اقتباس بـ QUOTE.\nLink <b>each</b> quotation to its speaker."
	redirectsTo(t, te.samir.post(p+"/guidelines", url.Values{"guidelines": {text}}), p+"?done=guidelines#guidelines")
	d := htmlPage(t, te.samir.get(p+"?done=guidelines"), http.StatusOK)
	if got := d.Find("#guidelines-text").Text(); got != text {
		t.Errorf("the manager's form holds %q, want %q", got, text)
	}
	if got := d.Find("#form-notice").Text(); got != "Guidelines saved." {
		t.Errorf("notice %q", got)
	}
	for _, path := range []string{p, doc} {
		d := htmlPage(t, te.layla.get(path), http.StatusOK)
		box := d.Find("#guidelines .guidelines-text")
		if box.Text() != text || box.Find("b").Length() != 0 {
			t.Errorf("%s shows the annotator guidelines %q (markup %d), want the text as written", path, box.Text(), box.Find("b").Length())
		}
	}

	bad := "Quotes\aare QUOTE."
	d = htmlPage(t, te.samir.post(p+"/guidelines", url.Values{"guidelines": {bad}}), http.StatusBadRequest)
	// The refusal says what is wrong in words, without the field's
	// internal name, in the guidelines form's section, and the form's
	// field points back.
	if msg := strings.Join(strings.Fields(d.Find("#form-error").Text()), " "); msg != "Control character U+0007 at character 7." {
		t.Errorf("refusal says %q, want the character in plain words", msg)
	}
	if d.Find("#guidelines #form-error").Length() != 1 || d.Find("#form-error").Length() != 1 {
		t.Error("the refusal is not in the guidelines section, once")
	}
	if ta := d.Find("#guidelines-text"); ta.AttrOr("aria-invalid", "") != "true" || ta.AttrOr("aria-describedby", "") != "form-error" {
		t.Errorf("the refused field is not marked: aria-invalid %q, aria-describedby %q", ta.AttrOr("aria-invalid", ""), ta.AttrOr("aria-describedby", ""))
	}
	if got := d.Find("#guidelines-text").Text(); got != bad {
		t.Errorf("after the refusal the form holds %q, want the text sent", got)
	}
	if d := htmlPage(t, te.layla.get(doc), http.StatusOK); d.Find("#guidelines .guidelines-text").Text() != text {
		t.Error("a refused text changed the guidelines")
	}
}

// TestLastManagerForm: the project's only manager removing themselves is
// refused on the page, in words, and stays a manager.
func TestLastManagerForm(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	d := htmlPage(t, te.samir.post(p+"/members/remove", url.Values{"user": {"samir"}}), http.StatusConflict)
	if msg := d.Find("#form-error").Text(); !strings.Contains(msg, "last manager") || strings.HasSuffix(msg, "conflict") {
		t.Errorf("refusal reads %q", msg)
	}
	htmlPage(t, te.samir.get(p), http.StatusOK)
}
