package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAutoAssignSaysWhenNothingWasLeft: Assign automatically pressed a
// second time, with every document already held by as many annotators
// as asked, says so rather than "added 0 assignments"; one assignment
// is counted in the singular.
func TestAutoAssignSaysWhenNothingWasLeft(t *testing.T) {
	te := newTeamEnv(t)
	p := fmt.Sprintf("/projects/%d", te.proj.ID)
	form := url.Values{"per_document": {"2"}}
	for i, want := range []string{"Automatic assignment added ", "Every document already has that many annotators: automatic assignment added none."} {
		rec := te.samir.post(p+"/assignments/auto", form)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("press %d: %d %s", i+1, rec.Code, rec.Body)
		}
		landing, _, _ := strings.Cut(rec.Header().Get("Location"), "#")
		got := htmlPage(t, te.samir.get(landing), http.StatusOK).Find("#form-notice").Text()
		if !strings.HasPrefix(got, want) || strings.Contains(got, " 0 ") {
			t.Errorf("press %d says %q, want %q…", i+1, got, want)
		}
	}
	if got := htmlPage(t, te.samir.get(p+"?done=auto&n=1"), http.StatusOK).Find("#form-notice").Text(); got != "Automatic assignment added 1 assignment." {
		t.Errorf("one assignment reads %q", got)
	}
}
