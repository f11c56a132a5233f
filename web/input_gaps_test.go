package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSuggestionIDsThatCouldNeverBeProposed: an id in the suggestions'
// own form (LABEL@START-END) that no suggestion on this document could
// ever have (start after end, a label the project lacks, offsets past the
// text's end, a number not written as the list writes it) is bad input,
// 400 naming ids and the id, for accept and reject alike; an id that was
// proposed once and no longer is stays 409, so a stale page redraws.
// Nothing is stored either way.
func TestSuggestionIDsThatCouldNeverBeProposed(t *testing.T) {
	env := newAPIEnv(t)
	text := []rune(strings.Repeat(quoteText+" ", 40))[:2019]
	doc := env.importDoc("long", string(text))
	if n := utf8.RuneCountInString(doc.Text); n != 2019 {
		t.Fatalf("text of %d code points", n)
	}
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	if sug := env.suggestions(t, url); sug.find("QUOTE", "الاقتصاد ينمو") == "" {
		t.Fatalf("the first quotation is not proposed: %+v", sug.Spans)
	}
	for _, path := range []string{"/accept", "/reject"} {
		for _, tc := range []struct{ id, says string }{
			{"PER@9-4", "start 9 is not before its end 4"},
			{"PER@4-4", "start 4 is not before its end 4"},
			{"NOPE@0-4", "no label NOPE"},
			{"PER@2019-2024", "past the end of the text (2019 code points)"},
			{"PER@+1-04", "not written as a suggestion's id"},
		} {
			rec := env.do(http.MethodPost, url+path, fmt.Sprintf(`{"ids":["QUOTE@0-1",%q]}`, tc.id))
			expect(t, rec, http.StatusBadRequest)
			if msg := errorOf(t, rec); !strings.HasPrefix(msg, "ids") || !strings.Contains(msg, tc.id) || !strings.Contains(msg, tc.says) {
				t.Errorf("%s %s: %q, want it to name ids and the id and say %q", path, tc.id, msg, tc.says)
			}
		}
		// Well formed and inside the text, but not proposed: stale.
		rec := env.do(http.MethodPost, url+path, `{"ids":["PER@2014-2019"]}`)
		expect(t, rec, http.StatusConflict)
		if msg := errorOf(t, rec); !strings.Contains(msg, "no longer proposed") {
			t.Errorf("%s of an id not proposed now: %q", path, msg)
		}
	}
	if l := env.layer(doc, env.user.ID); len(l.Spans) != 0 || l.Status != "new" {
		t.Errorf("refused accepts and rejects left %d spans, layer %s", len(l.Spans), l.Status)
	}
	if n, err := env.store.EventCount(context.Background(), "suggestion.reject"); err != nil || n != 0 {
		t.Errorf("%d suggestion.reject events (%v) after refused rejects", n, err)
	}
}

// TestAcceptSuggestionsIDsOrAll: a body giving both ids and all: true
// asks two things; it is refused, saying to give one, and stores nothing.
func TestAcceptSuggestionsIDsOrAll(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	url := fmt.Sprintf("/api/v1/documents/%d/suggestions", doc.ID)
	q := env.suggestions(t, url).find("QUOTE", "الاقتصاد ينمو")
	if q == "" {
		t.Fatal("the first quotation is not proposed")
	}
	rec := env.do(http.MethodPost, url+"/accept", fmt.Sprintf(`{"ids":[%q],"all":true}`, q))
	expect(t, rec, http.StatusBadRequest)
	if msg := errorOf(t, rec); !strings.Contains(msg, "ids") || !strings.Contains(msg, "all") || !strings.Contains(msg, "not both") {
		t.Errorf("ids and all together: %q, want it to say give ids or all, not both", msg)
	}
	if n := len(env.layer(doc, env.user.ID).Spans); n != 0 {
		t.Errorf("a refused accept stored %d spans", n)
	}
	expect(t, env.do(http.MethodPost, url+"/accept", fmt.Sprintf(`{"ids":[%q],"all":false}`, q)), http.StatusCreated)
}

// TestMarkDoneForceValues: ?force= takes 1 or true to mark done past
// quotations without a speaker, 0, false or nothing to be warned; any
// other value is 400 naming force, and the layer is left as it was.
func TestMarkDoneForceValues(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("quotes", quoteText)
	env.addSpanIn(doc, "الاقتصاد ينمو", "QUOTE")
	done := fmt.Sprintf("/api/v1/documents/%d/done", doc.ID)
	for _, v := range []string{"maybe", "yes", "2", "TRUE "} {
		rec := env.do(http.MethodPost, done+"?force="+strings.ReplaceAll(v, " ", "%20"), nil)
		expect(t, rec, http.StatusBadRequest)
		if msg := errorOf(t, rec); !strings.HasPrefix(msg, "force") || !strings.Contains(msg, fmt.Sprintf("%q", v)) {
			t.Errorf("force=%s: %q, want it to name force and the value", v, msg)
		}
	}
	for _, v := range []string{"", "?force=0", "?force=false"} {
		expect(t, env.do(http.MethodPost, done+v, nil), http.StatusConflict)
	}
	if s := env.layer(doc, env.user.ID).Status; s != "in_progress" {
		t.Fatalf("refused marks left the layer %s", s)
	}
	expect(t, env.do(http.MethodPost, done+"?force=true", nil), http.StatusOK)
	if s := env.layer(doc, env.user.ID).Status; s != "done" {
		t.Errorf("force=true left the layer %s", s)
	}
}
