package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCrossSiteRefusalSaysWhy: a form posted from another site is
// refused with a page saying why and that nothing changed, in the
// language the browser asks for; the API's JSON keeps its reason, and
// the project is still there.
func TestCrossSiteRefusalSaysWhy(t *testing.T) {
	env := newAPIEnv(t)
	for _, c := range []struct {
		lang, accept string
		want         []string
	}{
		{"ar", "text/html", []string{`<html lang="ar" dir="rtl">`, "403 غير مسموح", "جاء هذا الطلب من موقع آخر، فلم يتغيّر شيء. افتح حاشية وقم به من صفحاتها."}},
		{"en", "text/html", []string{`<html lang="en" dir="ltr">`, "403 Forbidden", "This request came from another site, so nothing was changed. Open Hashiya and do it from its own pages."}},
		{"ar", "application/json", []string{`{"error":"cross-site request blocked"}`}},
	} {
		req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/projects/%d/delete", env.proj.ID), strings.NewReader("confirm="+env.proj.Name))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.Header.Set("Accept", c.accept)
		req.Header.Set("Accept-Language", c.lang)
		rec := env.serve(req)
		expect(t, rec, http.StatusForbidden)
		for _, w := range c.want {
			if !strings.Contains(rec.Body.String(), w) {
				t.Errorf("%s, %s: the answer lacks %q:\n%s", c.lang, c.accept, w, rec.Body.String())
			}
		}
	}
	if _, err := env.store.Project(t.Context(), env.proj.ID); err != nil {
		t.Errorf("the project is gone after refused deletes: %v", err)
	}
}
